//! `usdx_peg`: the aggregated USDX/USD price, its deviation from the peg, and its history.

use serde::Serialize;
use stablecoin_primitives::PriceKey;
use stablecoin_runtime::pallets::oracle::runtime_api::OracleApi;

use super::{
	chain::{call, BlockRef, BlockView, Chain},
	error::RpcError,
	format::{address, Price, Time},
};

/// The peg at a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PegView {
	/// The block the figures are read at.
	pub block: BlockView,
	/// The price series (`USDX/USD`).
	pub key: String,
	/// The target price.
	pub target: Option<Price>,
	/// The latest aggregate, if the feeders ever reached a quorum.
	pub current: Option<AggregateView>,
	/// The time-weighted average price over the series' window, if there is history.
	pub twap: Option<Price>,
	/// The TWAP window, in seconds.
	pub twap_window_seconds: Option<u64>,
	/// Earlier aggregates, oldest first (the chain keeps a bounded ring of them).
	pub history: Vec<ObservationView>,
}

/// The latest aggregate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AggregateView {
	/// The median of the feeders' reports.
	pub price: Price,
	/// Signed deviation from the target, in basis points.
	pub deviation_bps: i32,
	/// The aggregation round.
	pub round: u32,
	/// When it was computed.
	pub at: Time,
	/// Its age at this block, in seconds.
	pub age_seconds: u64,
	/// Whether it is older than the series' maximum age.
	pub stale: bool,
	/// The feeders whose reports made it.
	pub contributors: Vec<String>,
}

/// One earlier aggregate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObservationView {
	/// The price.
	pub price: Price,
	/// Signed deviation from the target, in basis points.
	pub deviation_bps: i32,
	/// When it was computed.
	pub at: Time,
	/// Its round.
	pub round: u32,
}

/// The peg at `block`.
pub fn peg(chain: &Chain, block: &BlockRef) -> Result<PegView, RpcError> {
	let api = chain.api();
	let key = PriceKey::USDX_USD;
	let now = chain.time(block)?;
	let state = call("OracleApi_price_state", api.price_state(block.hash, key))?;
	let twap = call("OracleApi_twap", api.twap(block.hash, key))?;
	let history = call("OracleApi_price_history", api.price_history(block.hash, key))?;
	let params = call("OracleApi_price_keys", api.price_keys(block.hash))?
		.into_iter()
		.find_map(|(k, params)| (k == key).then_some(params));
	Ok(PegView {
		block: chain.view(block)?,
		key: "USDX/USD".to_string(),
		target: params.as_ref().map(|p| Price::new(p.peg)),
		current: state.map(|s| AggregateView {
			price: Price::new(s.price),
			deviation_bps: s.deviation_bps,
			round: s.round,
			at: Time::new(s.at),
			age_seconds: now.saturating_sub(s.at) / 1_000,
			stale: s.stale,
			contributors: s.contributors.iter().map(address).collect(),
		}),
		twap: twap.map(Price::new),
		twap_window_seconds: params.map(|p| p.twap_window / 1_000),
		history: history
			.into_iter()
			.map(|o| ObservationView {
				price: Price::new(o.price),
				deviation_bps: o.deviation_bps,
				at: Time::new(o.at),
				round: o.round,
			})
			.collect(),
	})
}
