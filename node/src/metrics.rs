//! Prometheus gauges of the chain's own figures, for the alerts operators set: supply,
//! reserves, backing, the peg, the breaker, pauses, overdue redemptions and the attestation's
//! age. They describe the latest finalized block and are computed by the same code as
//! `usdx_report` ([`crate::rpc::report`]), so the RPC and `/metrics` never disagree.
//!
//! The gauges are named `usdx_*` (Substrate's own metrics are `substrate_*`); each is listed
//! with its unit in `docs/monitoring.md`, with sample alert rules in `docs/alerts/`.

use substrate_prometheus_endpoint::{register, Gauge, PrometheusError, Registry, F64};

use crate::rpc::report::{ReportFeed, ReportView};

/// The chain's gauges.
pub struct ChainMetrics {
	block: Gauge<F64>,
	circulating: Gauge<F64>,
	liabilities: Gauge<F64>,
	eligible_reserves: Gauge<F64>,
	backing_ratio: Gauge<F64>,
	peg_deviation_bps: Gauge<F64>,
	peg_stale: Gauge<F64>,
	breaker_level: Gauge<F64>,
	active_pauses: Gauge<F64>,
	overdue_redemptions: Gauge<F64>,
	attestation_age: Gauge<F64>,
	reconciles: Gauge<F64>,
}

fn gauge(registry: &Registry, name: &str, help: &str) -> Result<Gauge<F64>, PrometheusError> {
	register(Gauge::new(name, help)?, registry)
}

/// A decimal USDX string as a float.
fn usdx(amount: &str) -> f64 {
	amount.parse().unwrap_or(f64::NAN)
}

impl ChainMetrics {
	/// Registers the gauges.
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		Ok(Self {
			block: gauge(registry, "usdx_report_block", "The finalized block the usdx_ gauges describe")?,
			circulating: gauge(registry, "usdx_circulating_supply", "Circulating USDX")?,
			liabilities: gauge(
				registry,
				"usdx_liabilities",
				"Circulating USDX plus redemptions not paid out yet",
			)?,
			eligible_reserves: gauge(
				registry,
				"usdx_eligible_reserves",
				"Attested reserves after haircuts, in USD",
			)?,
			backing_ratio: gauge(
				registry,
				"usdx_backing_ratio",
				"Eligible reserves / liabilities (NaN without liabilities or attestation)",
			)?,
			peg_deviation_bps: gauge(
				registry,
				"usdx_peg_deviation_bps",
				"Deviation of the USDX/USD price from the peg, in basis points (NaN without a price)",
			)?,
			peg_stale: gauge(registry, "usdx_peg_stale", "1 when the price is stale or missing")?,
			breaker_level: gauge(
				registry,
				"usdx_breaker_level",
				"Breaker level: 0 Normal, 1 Watch, 2 SupplyAdjustment, 3 Liquidity, 4 Halt",
			)?,
			active_pauses: gauge(
				registry,
				"usdx_active_pauses",
				"Guarded operations paused by hand plus calls paused through tx-pause",
			)?,
			overdue_redemptions: gauge(
				registry,
				"usdx_overdue_redemptions",
				"Redemptions past their payout due time",
			)?,
			attestation_age: gauge(
				registry,
				"usdx_attestation_age_seconds",
				"Age of the effective reserve attestation (NaN without one)",
			)?,
			reconciles: gauge(
				registry,
				"usdx_supply_reconciles",
				"1 when circulating = total issuance = genesis + minted - burned and authorized = unissued + issued",
			)?,
		})
	}

	/// Sets every gauge from `report`.
	pub fn update(&self, report: &ReportView) {
		let reserves = &report.reserves;
		self.block.set(f64::from(report.block.number));
		self.circulating.set(usdx(&report.supply.circulating.usdx));
		self.liabilities.set(usdx(&report.supply.liabilities.usdx));
		self.eligible_reserves.set(reserves.eligible.as_ref().map_or(f64::NAN, |a| usdx(&a.usdx)));
		self.backing_ratio.set(reserves.backing_ratio.as_ref().map_or(f64::NAN, |r| r.as_f64()));
		self.peg_deviation_bps
			.set(report.peg.as_ref().map_or(f64::NAN, |p| f64::from(p.deviation_bps)));
		self.peg_stale.set(if report.peg.as_ref().is_some_and(|p| !p.stale) { 0.0 } else { 1.0 });
		self.breaker_level.set(f64::from(report.breaker.level_index));
		self.active_pauses
			.set((report.breaker.active_pauses.len() + report.breaker.paused_calls.len()) as f64);
		self.overdue_redemptions.set(report.overdue_redemptions.count as f64);
		self.attestation_age.set(reserves.age_seconds.map_or(f64::NAN, |age| age as f64));
		self.reconciles.set(if report.supply.reconciles { 1.0 } else { 0.0 });
	}

	/// Keeps the gauges at the latest report of `feed` until the node stops.
	pub async fn run(self, feed: ReportFeed) {
		let mut latest = feed.subscribe();
		loop {
			let report = latest.borrow_and_update().clone();
			if let Some(report) = report {
				self.update(&report);
			}
			if latest.changed().await.is_err() {
				return;
			}
		}
	}
}
