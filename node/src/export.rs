//! `export-report` and `export-audit`: CSV files for auditors, read over the chain RPC of a
//! running node (an archive node for old blocks).
//!
//! - `export-report` writes one row of `usdx_report` figures per block, or per `--every` N
//!   blocks, over a block range, with a column that checks the row reconciles on its own:
//!   circulating = genesis supply + minted − burned.
//! - `export-audit` writes one row per privileged action of `usdx_auditTrail` over a block
//!   range, reading it in chunks the RPC allows.
//! - `export-payments` writes one row per payment carrying a reference
//!   (`usdx_paymentsByReference`) over a block range, for reconciling against invoices.

use std::{io::Write, path::PathBuf};

use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use sp_core::H256;

use crate::rpc::{audit::MAX_AUDIT_RANGE, payments::MAX_PAYMENT_SEARCH_RANGE};

/// Where to read and which blocks.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportRange {
	/// The WebSocket URL of the node's RPC (an archive node to reach old blocks).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub rpc_url: String,

	/// The first block.
	#[arg(long, default_value_t = 0)]
	pub from: u32,

	/// The last block (default: the finalized head).
	#[arg(long)]
	pub to: Option<u32>,

	/// The CSV file to write (default: standard output).
	#[arg(long, short)]
	pub output: Option<PathBuf>,
}

/// `export-report`: the report's figures as CSV.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportReportCmd {
	#[allow(missing_docs)]
	#[clap(flatten)]
	pub range: ExportRange,

	/// One row every this many blocks (the last block of the range is always written).
	#[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
	pub every: u32,
}

/// `export-audit`: the audit trail as CSV.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportAuditCmd {
	#[allow(missing_docs)]
	#[clap(flatten)]
	pub range: ExportRange,
}

/// `export-payments`: the payments carrying a reference, as CSV.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportPaymentsCmd {
	#[allow(missing_docs)]
	#[clap(flatten)]
	pub range: ExportRange,

	/// The payment reference: `0x` and 64 hex digits, or text of at most 32 bytes (an
	/// invoice number, padded with zero bytes as the payer's wallet sent it).
	#[arg(long)]
	pub reference: String,
}

/// The result type of the exports.
type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The columns of `export-report`.
pub const REPORT_COLUMNS: [&str; 26] = [
	"block",
	"hash",
	"time_utc",
	"circulating_units",
	"pending_redemption_units",
	"liabilities_units",
	"authorized_unissued_units",
	"genesis_supply_units",
	"total_minted_units",
	"total_burned_units",
	"reconciles",
	"circulating_equals_genesis_plus_minted_minus_burned",
	"reserves_status",
	"reserves_total_units",
	"eligible_reserves_units",
	"backing_ratio",
	"liquidity_ratio",
	"largest_custodian_share",
	"attestation_age_seconds",
	"report_hash",
	"peg_price",
	"peg_deviation_bps",
	"peg_stale",
	"breaker_level",
	"active_pauses",
	"overdue_redemptions",
];

/// The columns of `export-audit`.
pub const AUDIT_COLUMNS: [&str; 10] = [
	"block",
	"block_hash",
	"time_utc",
	"extrinsic_index",
	"event_index",
	"pallet",
	"action",
	"by",
	"legal_reference",
	"details",
];

/// The columns of `export-payments`.
pub const PAYMENT_COLUMNS: [&str; 10] = [
	"block",
	"block_hash",
	"time_utc",
	"extrinsic_index",
	"event_index",
	"from",
	"to",
	"amount_units",
	"amount_usdx",
	"reference",
];

fn runtime() -> Result<tokio::runtime::Runtime> {
	Ok(tokio::runtime::Builder::new_current_thread().enable_all().build()?)
}

fn output(path: &Option<PathBuf>) -> Result<csv::Writer<Box<dyn Write>>> {
	let sink: Box<dyn Write> = match path {
		Some(path) => Box::new(std::fs::File::create(path)?),
		None => Box::new(std::io::stdout()),
	};
	Ok(csv::Writer::from_writer(sink))
}

/// Connects, and resolves the range's end.
async fn connect(range: &ExportRange) -> Result<(WsClient, u32)> {
	// An audit chunk of 1,000 busy blocks can be large: accept what a node may send.
	let client = WsClientBuilder::default()
		.max_response_size(64 * 1024 * 1024)
		.build(&range.rpc_url)
		.await
		.map_err(|e| format!("cannot reach the node's RPC at {}: {e}", range.rpc_url))?;
	let to = match range.to {
		Some(to) => to,
		None => {
			let hash: H256 = client.request("chain_getFinalizedHead", rpc_params![]).await?;
			let header: Value = client.request("chain_getHeader", rpc_params![hash]).await?;
			let number = header["number"].as_str().ok_or("a header has a number")?;
			u32::from_str_radix(number.trim_start_matches("0x"), 16)?
		}
	};
	if to < range.from {
		return Err(format!("--to {to} is before --from {}", range.from).into());
	}
	Ok((client, to))
}

/// The block range `from..=to` (with `from <= to`) cut into consecutive ranges of at most
/// `size` blocks, as the RPC methods with a bounded range take them.
fn chunks(from: u32, to: u32, size: u32) -> impl Iterator<Item = (u32, u32)> {
	let size = size.max(1);
	let mut next = Some(from);
	std::iter::from_fn(move || {
		let start = next?;
		let end = start.saturating_add(size - 1).min(to);
		next = (end < to).then(|| end + 1);
		Some((start, end))
	})
}

/// A JSON string or number field as text; empty when absent or null.
fn field(value: &Value, path: &[&str]) -> String {
	let mut at = value;
	for key in path {
		at = &at[*key];
	}
	match at {
		Value::Null => String::new(),
		Value::String(s) => s.clone(),
		other => other.to_string(),
	}
}

/// Whether circulating = genesis + minted − burned in a report, checked here.
fn reconciles_here(report: &Value) -> Result<bool> {
	let units = |name: &str| -> Result<u128> {
		Ok(field(report, &["supply", name, "units"]).parse::<u128>()?)
	};
	let expected = units("genesisSupply")?
		.checked_add(units("totalMinted")?)
		.and_then(|sum| sum.checked_sub(units("totalBurned").ok()?));
	Ok(expected == Some(units("circulating")?))
}

/// One CSV row of a report.
pub fn report_row(report: &Value) -> Result<Vec<String>> {
	let pauses = report["breaker"]["activePauses"]
		.as_array()
		.map(|p| p.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" "))
		.unwrap_or_default();
	Ok(vec![
		field(report, &["block", "number"]),
		field(report, &["block", "hash"]),
		field(report, &["block", "time", "utc"]),
		field(report, &["supply", "circulating", "units"]),
		field(report, &["supply", "pendingRedemption", "units"]),
		field(report, &["supply", "liabilities", "units"]),
		field(report, &["supply", "authorizedUnissued", "units"]),
		field(report, &["supply", "genesisSupply", "units"]),
		field(report, &["supply", "totalMinted", "units"]),
		field(report, &["supply", "totalBurned", "units"]),
		field(report, &["supply", "reconciles"]),
		reconciles_here(report)?.to_string(),
		field(report, &["reserves", "status"]),
		field(report, &["reserves", "total", "units"]),
		field(report, &["reserves", "eligible", "units"]),
		field(report, &["reserves", "backingRatio", "decimal"]),
		field(report, &["reserves", "liquidityRatio", "decimal"]),
		field(report, &["reserves", "largestCustodianShare", "decimal"]),
		field(report, &["reserves", "ageSeconds"]),
		field(report, &["reserves", "reportHash"]),
		field(report, &["peg", "price", "decimal"]),
		field(report, &["peg", "deviationBps"]),
		field(report, &["peg", "stale"]),
		field(report, &["breaker", "level"]),
		pauses,
		field(report, &["overdueRedemptions", "count"]),
	])
}

/// One CSV row of an audit entry.
pub fn audit_row(entry: &Value) -> Vec<String> {
	vec![
		field(entry, &["block"]),
		field(entry, &["blockHash"]),
		field(entry, &["time", "utc"]),
		field(entry, &["extrinsicIndex"]),
		field(entry, &["eventIndex"]),
		field(entry, &["pallet"]),
		field(entry, &["action"]),
		field(entry, &["by"]),
		field(entry, &["legalReference"]),
		entry["details"].to_string(),
	]
}

/// One CSV row of a payment found with `reference` (hex).
pub fn payment_row(payment: &Value, reference: &str) -> Vec<String> {
	vec![
		field(payment, &["block"]),
		field(payment, &["blockHash"]),
		field(payment, &["time", "utc"]),
		field(payment, &["extrinsicIndex"]),
		field(payment, &["eventIndex"]),
		field(payment, &["from"]),
		field(payment, &["to"]),
		field(payment, &["amount", "units"]),
		field(payment, &["amount", "usdx"]),
		reference.to_string(),
	]
}

impl ExportReportCmd {
	/// Writes the CSV.
	pub fn run(&self) -> Result<()> {
		runtime()?.block_on(async {
			let (client, to) = connect(&self.range).await?;
			let mut csv = output(&self.range.output)?;
			csv.write_record(REPORT_COLUMNS)?;
			let mut blocks: Vec<u32> =
				(self.range.from..=to).step_by(self.every as usize).collect();
			if blocks.last() != Some(&to) {
				blocks.push(to);
			}
			for number in blocks {
				let hash: Option<H256> =
					client.request("chain_getBlockHash", rpc_params![number]).await?;
				let hash = hash.ok_or_else(|| format!("the node has no block #{number}"))?;
				let report: Value = client
					.request("usdx_report", rpc_params![hash])
					.await
					.map_err(|e| format!("usdx_report at #{number}: {e}"))?;
				csv.write_record(report_row(&report)?)?;
			}
			csv.flush()?;
			Ok(())
		})
	}
}

impl ExportAuditCmd {
	/// Writes the CSV.
	pub fn run(&self) -> Result<()> {
		runtime()?.block_on(async {
			let (client, to) = connect(&self.range).await?;
			let mut csv = output(&self.range.output)?;
			csv.write_record(AUDIT_COLUMNS)?;
			for (start, end) in chunks(self.range.from, to, MAX_AUDIT_RANGE) {
				let trail: Value = client
					.request("usdx_auditTrail", rpc_params![start, end])
					.await
					.map_err(|e| format!("usdx_auditTrail #{start}..=#{end}: {e}"))?;
				for entry in trail["entries"].as_array().into_iter().flatten() {
					csv.write_record(audit_row(entry))?;
				}
			}
			csv.flush()?;
			Ok(())
		})
	}
}

impl ExportPaymentsCmd {
	/// Writes the CSV.
	pub fn run(&self) -> Result<()> {
		runtime()?.block_on(async {
			let (client, to) = connect(&self.range).await?;
			let mut csv = output(&self.range.output)?;
			csv.write_record(PAYMENT_COLUMNS)?;
			for (start, end) in chunks(self.range.from, to, MAX_PAYMENT_SEARCH_RANGE) {
				let found: Value = client
					.request(
						"usdx_paymentsByReference",
						rpc_params![self.reference.as_str(), start, end],
					)
					.await
					.map_err(|e| format!("usdx_paymentsByReference #{start}..=#{end}: {e}"))?;
				let reference = field(&found, &["reference"]);
				for payment in found["payments"].as_array().into_iter().flatten() {
					csv.write_record(payment_row(payment, &reference))?;
				}
			}
			csv.flush()?;
			Ok(())
		})
	}
}

#[cfg(test)]
mod tests {
	use super::chunks;

	#[test]
	fn ranges_are_cut_into_chunks_the_rpc_accepts() {
		let cut = |from, to, size| chunks(from, to, size).collect::<Vec<_>>();
		assert_eq!(cut(0, 0, 1_000), vec![(0, 0)]);
		assert_eq!(cut(5, 2_004, 1_000), vec![(5, 1_004), (1_005, 2_004)]);
		assert_eq!(cut(0, 2_000, 1_000), vec![(0, 999), (1_000, 1_999), (2_000, 2_000)]);
		assert_eq!(cut(u32::MAX - 1, u32::MAX, 1_000), vec![(u32::MAX - 1, u32::MAX)]);
	}
}
