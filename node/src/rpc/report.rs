//! `usdx_report`: the one snapshot a supervisor files: supply, reserves and their ratios, the
//! peg, the breaker and the overdue redemptions, at one block. The subscription
//! `usdx_subscribeReport`, the Prometheus gauges and the CSV export all use it.

use serde::Serialize;

use super::{
	breaker,
	chain::{BlockRef, BlockView, Chain},
	error::RpcError,
	format::{Amount, Price, Ratio, Time},
	peg, requests, reserves, supply,
};

/// The supervisor's snapshot at a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportView {
	/// The block it is taken at.
	pub block: BlockView,
	/// The supply figures.
	pub supply: SupplySummary,
	/// The reserves and their ratios.
	pub reserves: ReservesSummary,
	/// The peg, if the feeders ever reached a quorum.
	pub peg: Option<PegSummary>,
	/// The breaker.
	pub breaker: BreakerSummary,
	/// The overdue redemptions.
	pub overdue_redemptions: OverdueSummary,
}

/// Supply in a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SupplySummary {
	/// Tokens in circulation.
	pub circulating: Amount,
	/// Burned for redemptions not paid out yet.
	pub pending_redemption: Amount,
	/// Circulating plus pending redemptions.
	pub liabilities: Amount,
	/// Authorized by governance, not issued yet.
	pub authorized_unissued: Amount,
	/// Supply at genesis.
	pub genesis_supply: Amount,
	/// Minted since genesis.
	pub total_minted: Amount,
	/// Burned since genesis.
	pub total_burned: Amount,
	/// Whether circulating = total issuance = genesis + minted − burned, and the allowance
	/// adds up.
	pub reconciles: bool,
}

/// Reserves in a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReservesSummary {
	/// `NoAttestation`, `Backed`, `Shortfall` or `Stale`.
	pub status: String,
	/// Reserves reported by the effective attestation.
	pub total: Option<Amount>,
	/// Reserves after haircuts.
	pub eligible: Option<Amount>,
	/// eligible / liabilities.
	pub backing_ratio: Option<Ratio>,
	/// cash-like / eligible reserves.
	pub liquidity_ratio: Option<Ratio>,
	/// The largest custodian's share.
	pub largest_custodian_share: Option<Ratio>,
	/// New supply the reserves still cover.
	pub headroom: Option<Amount>,
	/// The date the attestation's balances are as of.
	pub as_of: Option<Time>,
	/// The attestation's age, in seconds.
	pub age_seconds: Option<u64>,
	/// The hash of the off-chain report.
	pub report_hash: Option<String>,
}

/// The peg in a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PegSummary {
	/// The aggregated USDX/USD price.
	pub price: Price,
	/// Signed deviation from the peg, in basis points.
	pub deviation_bps: i32,
	/// Whether the price is stale.
	pub stale: bool,
	/// The aggregation round.
	pub round: u32,
	/// The price's age, in seconds.
	pub age_seconds: u64,
}

/// The breaker in a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BreakerSummary {
	/// The level's name.
	pub level: String,
	/// The level, 0 (`Normal`) to 4 (`Halt`).
	pub level_index: u32,
	/// Since when.
	pub since: Time,
	/// The guarded operations paused by hand (`Mint`, `Redeem`, `Transfer`).
	pub active_pauses: Vec<String>,
	/// The calls paused through `pallet-tx-pause`, as `Pallet.call`.
	pub paused_calls: Vec<String>,
}

/// Overdue redemptions in a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OverdueSummary {
	/// How many.
	pub count: u64,
	/// What they owe together.
	pub total: Amount,
}

/// The report at `block`.
pub fn report(chain: &Chain, block: &BlockRef) -> Result<ReportView, RpcError> {
	let supply = supply::supply(chain, block)?;
	let reserves = reserves::reserves(chain, block)?;
	let peg = peg::peg(chain, block)?;
	let breaker = breaker::breaker(chain, block)?;
	let overdue = requests::overdue(chain, block)?;
	let figures = reserves.figures.as_ref();
	let attestation = reserves.attestation.as_ref();
	Ok(ReportView {
		block: supply.block.clone(),
		supply: SupplySummary {
			circulating: supply.circulating,
			pending_redemption: supply.pending_redemption,
			liabilities: supply.liabilities,
			authorized_unissued: supply.authorized_unissued,
			genesis_supply: supply.genesis_supply,
			total_minted: supply.total_minted,
			total_burned: supply.total_burned,
			reconciles: supply.reconciliation.reconciles,
		},
		reserves: ReservesSummary {
			status: reserves.status,
			total: attestation.map(|a| a.total.clone()),
			eligible: figures.map(|f| f.eligible.clone()),
			backing_ratio: figures.and_then(|f| f.backing_ratio.clone()),
			liquidity_ratio: figures.map(|f| f.liquidity_ratio.clone()),
			largest_custodian_share: figures.map(|f| f.largest_custodian_share.clone()),
			headroom: figures.map(|f| f.headroom.clone()),
			as_of: attestation.map(|a| a.as_of.clone()),
			age_seconds: figures.map(|f| f.age_seconds),
			report_hash: attestation.map(|a| a.report_hash.clone()),
		},
		peg: peg.current.map(|c| PegSummary {
			price: c.price,
			deviation_bps: c.deviation_bps,
			stale: c.stale,
			round: c.round,
			age_seconds: c.age_seconds,
		}),
		breaker: BreakerSummary {
			level: breaker.level,
			level_index: breaker.level_index,
			since: breaker.since,
			active_pauses: breaker.active_pauses.into_iter().map(|p| p.operation).collect(),
			paused_calls: breaker.paused_calls,
		},
		overdue_redemptions: OverdueSummary { count: overdue.count, total: overdue.total },
	})
}

/// The report at each newly finalized block, computed once for all its readers (the
/// `usdx_subscribeReport` subscribers and the Prometheus gauges), so that subscribers cost
/// the node no runtime calls of their own.
#[derive(Clone)]
pub struct ReportFeed {
	latest: tokio::sync::watch::Receiver<Option<std::sync::Arc<ReportView>>>,
}

impl ReportFeed {
	/// The feed, and the task that keeps it current until the node stops (to be spawned).
	pub fn new(chain: Chain) -> (Self, impl std::future::Future<Output = ()> + Send + 'static) {
		use futures::StreamExt;
		use sc_client_api::BlockchainEvents;
		let (sender, latest) = tokio::sync::watch::channel(None);
		let task = async move {
			let mut finalized = chain.client.finality_notification_stream();
			let publish = |block: BlockRef| match report(&chain, &block) {
				Ok(report) => {
					sender.send_replace(Some(std::sync::Arc::new(report)));
				}
				Err(e) => log::warn!(
					target: "usdx",
					"no usdx_ report at #{}: {}",
					block.number,
					e.message()
				),
			};
			publish(chain.finalized());
			while let Some(notification) = finalized.next().await {
				publish(BlockRef { hash: notification.hash, number: notification.header.number });
			}
		};
		(Self { latest }, task)
	}

	/// A reader of the latest report; `changed()` wakes it at each new one.
	pub fn subscribe(&self) -> tokio::sync::watch::Receiver<Option<std::sync::Arc<ReportView>>> {
		self.latest.clone()
	}
}
