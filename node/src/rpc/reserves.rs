//! `usdx_reserves`: the effective attestation and the figures the chain derives from it.

use serde::Serialize;
use stablecoin_runtime::pallets::reserves::runtime_api::ReservesApi;

use super::{
	chain::{call, BlockRef, BlockView, Chain},
	error::RpcError,
	format::{address, hash_hex, Amount, Ratio, Time},
};

/// The reserves at a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReservesView {
	/// The block the figures are read at.
	pub block: BlockView,
	/// `NoAttestation`, `Backed`, `Shortfall` or `Stale`.
	pub status: String,
	/// The effective attestation, if one has taken effect.
	pub attestation: Option<AttestationView>,
	/// The figures derived from it, if one has taken effect.
	pub figures: Option<FiguresView>,
	/// The targets the ratios are judged against.
	pub targets: TargetsView,
}

/// The attestation in effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttestationView {
	/// Its sequence number (counts up per effective attestation).
	pub sequence: u64,
	/// The content hash the attestors approved.
	pub hash: String,
	/// The hash of the off-chain report (the accountant's PDF).
	pub report_hash: String,
	/// The date the balances are as of.
	pub as_of: Time,
	/// Start of the reporting period.
	pub period_start: Time,
	/// End of the reporting period.
	pub period_end: Time,
	/// When the quorum was reached and it took effect.
	pub effective_at: Time,
	/// Total reserves reported.
	pub total: Amount,
	/// Per asset category.
	pub categories: Vec<CategoryView>,
	/// Per custodian.
	pub custodians: Vec<CustodianView>,
	/// The attestors whose approvals made the quorum.
	pub attestors: Vec<String>,
}

/// One asset category's amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryView {
	/// The category.
	pub category: String,
	/// The amount held in it.
	pub amount: Amount,
}

/// One custodian's holding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CustodianView {
	/// The custodian's 32-byte tag: its name when the tag is zero-padded text, else hex.
	pub custodian: String,
	/// The amount it holds.
	pub amount: Amount,
}

/// What the chain derives from the attestation and the liabilities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FiguresView {
	/// Reserves after haircuts: what counts as backing.
	pub eligible: Amount,
	/// Cash and overnight reverse repo (the liquid part).
	pub cash_like: Amount,
	/// The liabilities judged against them (circulating plus pending redemptions).
	pub liabilities: Amount,
	/// eligible / liabilities; `null` when there are no liabilities.
	pub backing_ratio: Option<Ratio>,
	/// cash-like / eligible reserves.
	pub liquidity_ratio: Ratio,
	/// The largest custodian's share of total reserves.
	pub largest_custodian_share: Ratio,
	/// Whether the liquidity ratio meets its target.
	pub meets_liquidity_target: bool,
	/// Whether the largest custodian share stays under its cap.
	pub meets_concentration_target: bool,
	/// How much new supply the eligible reserves still cover (zero unless `Backed`).
	pub headroom: Amount,
	/// How old the attestation is, in seconds.
	pub age_seconds: u64,
}

/// The targets and limits the attestation is judged against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetsView {
	/// The minimum liquidity ratio.
	pub min_liquidity: Ratio,
	/// The maximum share of one custodian.
	pub max_concentration: Ratio,
	/// The age after which the attestation is stale, in seconds.
	pub max_age_seconds: u64,
	/// How many attestors must approve a report.
	pub quorum: u32,
}

/// A custodian tag as its name when it is zero-padded printable text, else as hex.
fn custodian_name(tag: &[u8; 32]) -> String {
	let end = tag.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
	match std::str::from_utf8(&tag[..end]) {
		Ok(name) if end > 0 && name.chars().all(|c| !c.is_control()) => name.to_string(),
		_ => hash_hex(&sp_core::H256(*tag)),
	}
}

/// The reserves at `block`.
pub fn reserves(chain: &Chain, block: &BlockRef) -> Result<ReservesView, RpcError> {
	let api = chain.api();
	let status = call("ReservesApi_status", api.status(block.hash))?;
	let figures = call("ReservesApi_figures", api.figures(block.hash))?;
	let record = call("ReservesApi_effective_attestation", api.effective_attestation(block.hash))?;
	let parameters = call("ReservesApi_parameters", api.parameters(block.hash))?;
	let attestation = record.map(|record| {
		let a = record.attestation;
		let categories = [
			("cashAndDeposits", a.amounts.cash_and_deposits),
			("treasuryBills", a.amounts.treasury_bills),
			("overnightReverseRepo", a.amounts.overnight_reverse_repo),
			("governmentMoneyMarketFunds", a.amounts.government_money_market_funds),
			("other", a.amounts.other),
		]
		.into_iter()
		.map(|(category, amount)| CategoryView {
			category: category.to_string(),
			amount: Amount::new(amount),
		})
		.collect();
		AttestationView {
			sequence: record.sequence,
			hash: hash_hex(&record.hash),
			report_hash: hash_hex(&a.report_hash),
			as_of: Time::new(a.as_of),
			period_start: Time::new(a.period_start),
			period_end: Time::new(a.period_end),
			effective_at: Time::new(record.effective_at),
			total: Amount::new(a.total),
			categories,
			custodians: a
				.custodians
				.iter()
				.map(|(tag, amount)| CustodianView {
					custodian: custodian_name(tag),
					amount: Amount::new(*amount),
				})
				.collect(),
			attestors: record.attestors.iter().map(address).collect(),
		}
	});
	let figures = figures.map(|f| FiguresView {
		eligible: Amount::new(f.eligible),
		cash_like: Amount::new(f.cash_like),
		liabilities: Amount::new(f.supply),
		backing_ratio: f.backing_ratio.map(Ratio::from_fixed),
		liquidity_ratio: Ratio::from_perbill(f.liquidity_ratio),
		largest_custodian_share: Ratio::from_perbill(f.largest_custodian_share),
		meets_liquidity_target: f.meets_liquidity_target,
		meets_concentration_target: f.meets_concentration_target,
		headroom: Amount::new(f.headroom),
		age_seconds: f.age / 1_000,
	});
	Ok(ReservesView {
		block: chain.view(block)?,
		status: format!("{status:?}"),
		attestation,
		figures,
		targets: TargetsView {
			min_liquidity: Ratio::from_perbill(parameters.thresholds.min_liquidity),
			max_concentration: Ratio::from_perbill(parameters.thresholds.max_concentration),
			max_age_seconds: parameters.max_age / 1_000,
			quorum: parameters.quorum,
		},
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn custodians_by_name_or_hex() {
		let mut tag = [0u8; 32];
		tag[..8].copy_from_slice(b"BNY MELL");
		assert_eq!(custodian_name(&tag), "BNY MELL");
		assert_eq!(custodian_name(&[0xff; 32]), format!("0x{}", "ff".repeat(32)));
		assert_eq!(custodian_name(&[0; 32]), format!("0x{}", "00".repeat(32)));
	}
}
