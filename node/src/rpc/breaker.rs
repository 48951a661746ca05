//! `usdx_breaker`: the peg breaker's level, since when and why, the manual pauses, and what is
//! left under the volume limits.

use serde::Serialize;
use sp_api::ApiExt;
use stablecoin_primitives::GuardedOperation;
use stablecoin_runtime::{
	opaque::Block,
	pallets::circuit_breaker::{runtime_api::CircuitBreakerApi, LevelCause},
	Balance,
};

use super::{
	chain::{call, BlockRef, BlockView, Chain},
	error::RpcError,
	format::{text, Amount, Time},
};

/// The breaker at a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BreakerView {
	/// The block the figures are read at.
	pub block: BlockView,
	/// `Normal`, `Watch`, `SupplyAdjustment`, `Liquidity` or `Halt`.
	pub level: String,
	/// The level as a number, 0 (`Normal`) to 4 (`Halt`).
	pub level_index: u32,
	/// Since when the level holds.
	pub since: Time,
	/// Why: `Genesis`, `Deviation` (see `causeDeviationBps`) or `StaleOracle`.
	pub cause: String,
	/// The deviations, in basis points, above which each level is entered (governance sets
	/// them): what a chart of the peg marks.
	pub thresholds: ThresholdsView,
	/// The deviation that set the level, for `cause: Deviation`.
	pub cause_deviation_bps: Option<i32>,
	/// The last deviation the breaker saw.
	pub last_deviation_bps: Option<i32>,
	/// Whether the oracle is stale.
	pub oracle_stale: bool,
	/// The manual pauses of guarded operations in force.
	pub active_pauses: Vec<PauseView>,
	/// The calls paused through `pallet-tx-pause` (guardian or governance), as `Pallet.call`.
	pub paused_calls: Vec<String>,
	/// Per guarded operation: whether it is allowed now and what is left of its limits.
	pub operations: Vec<OperationView>,
	/// The coin's wind-down (no new mints), if governance entered it; `null` otherwise and
	/// at blocks whose runtime had no wind-down.
	pub wind_down: Option<WindDownView>,
}

/// The breaker's thresholds, in basis points of deviation from the peg.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThresholdsView {
	/// Above this, `Watch`.
	pub watch_bps: u32,
	/// Above this for the sustain period, `SupplyAdjustment`.
	pub supply_adjustment_bps: u32,
	/// Above this, `Liquidity`.
	pub liquidity_bps: u32,
	/// Above this, `Halt`.
	pub halt_bps: u32,
}

/// The coin's wind-down.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WindDownView {
	/// Since when.
	pub since: Time,
	/// The reason governance gave.
	pub reason: String,
}

/// A manual pause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PauseView {
	/// `Mint`, `Redeem` or `Transfer`.
	pub operation: String,
	/// Since when.
	pub since: Time,
	/// The reason the guardian or governance gave.
	pub reason: String,
}

/// One guarded operation now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationView {
	/// `Mint`, `Redeem` or `Transfer`.
	pub operation: String,
	/// Whether the breaker lets it through now (for any amount within the limits).
	pub allowed: bool,
	/// Why not, when it is refused (`Paused`, `SuspendedAtLevel(Halt)`, `OracleStale`, ...).
	pub refusal: Option<String>,
	/// What is left in this block; `null` when unlimited.
	pub remaining_per_block: Option<Amount>,
	/// What is left in the rolling 24 hours; `null` when unlimited.
	pub remaining_per_day: Option<Amount>,
}

/// The breaker at `block`.
pub fn breaker(chain: &Chain, block: &BlockRef) -> Result<BreakerView, RpcError> {
	let api = chain.api();
	let level = call("CircuitBreakerApi_level", api.level(block.hash))?;
	let pauses = call("CircuitBreakerApi_active_pauses", api.active_pauses(block.hash))?;
	let thresholds =
		call("CircuitBreakerApi_parameters", api.parameters(block.hash))?.parameters.thresholds;
	// Runtime API version 2 added the wind-down; older blocks had none.
	let version = call(
		"CircuitBreakerApi version",
		api.api_version::<dyn CircuitBreakerApi<Block, Balance>>(block.hash),
	)?;
	let wind_down = if version.is_some_and(|v| v >= 2) {
		call("CircuitBreakerApi_wind_down", api.wind_down(block.hash))?
			.map(|w| WindDownView { since: Time::new(w.since), reason: text(&w.reason) })
	} else {
		None
	};
	let mut operations = Vec::new();
	for operation in GuardedOperation::ALL {
		let remaining = call(
			"CircuitBreakerApi_remaining_volume",
			api.remaining_volume(block.hash, operation),
		)?;
		let check = call(
			"CircuitBreakerApi_check",
			CircuitBreakerApi::check(&*api, block.hash, operation, 0),
		)?;
		operations.push(OperationView {
			operation: format!("{operation:?}"),
			allowed: check.is_ok(),
			refusal: check.err().map(|refusal| format!("{refusal:?}")),
			remaining_per_block: remaining.per_block.map(Amount::new),
			remaining_per_day: remaining.per_day.map(Amount::new),
		});
	}
	let (cause, cause_deviation_bps) = match level.cause {
		LevelCause::Genesis => ("Genesis", None),
		LevelCause::Deviation(bps) => ("Deviation", Some(bps)),
		LevelCause::StaleOracle => ("StaleOracle", None),
	};
	Ok(BreakerView {
		block: chain.view(block)?,
		level: format!("{:?}", level.level),
		level_index: level.level.index() as u32,
		since: Time::new(level.since),
		cause: cause.to_string(),
		thresholds: ThresholdsView {
			watch_bps: thresholds.watch,
			supply_adjustment_bps: thresholds.supply_adjustment,
			liquidity_bps: thresholds.liquidity,
			halt_bps: thresholds.halt,
		},
		cause_deviation_bps,
		last_deviation_bps: level.last_deviation_bps,
		oracle_stale: level.oracle_stale,
		active_pauses: pauses
			.into_iter()
			.map(|p| PauseView {
				operation: format!("{:?}", p.operation),
				since: Time::new(p.since),
				reason: text(&p.reason),
			})
			.collect(),
		paused_calls: chain.paused_calls(block)?,
		operations,
		wind_down,
	})
}
