//! Types stored by the pallet and returned by its runtime API.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use stablecoin_primitives::{FixedU128, Moment, PriceObservation};

/// How a price series is aggregated and when it counts as fresh. Set by governance per
/// [`PriceKey`](stablecoin_primitives::PriceKey).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct PriceKeyParams {
	/// The least number of fresh reports (and of reports left after outliers are dropped)
	/// an aggregate needs. In `1..=MaxFeeders`.
	pub quorum: u32,
	/// How long, in milliseconds, a report and an aggregate stay fresh. Positive.
	pub max_age: Moment,
	/// Reports farther than this many basis points from the median of all fresh reports are
	/// outliers and are dropped. Positive.
	pub outlier_band_bps: u32,
	/// The target price of the series (`1.0` for USDX/USD); deviations are measured against
	/// it. Positive.
	pub peg: FixedU128,
	/// The window, in milliseconds, of the time-weighted average price. Positive.
	pub twap_window: Moment,
}

/// A feeder's latest report for one price key.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct FeederReport<AccountId, BlockNumber> {
	/// Who reported.
	pub feeder: AccountId,
	/// The reported price (positive).
	pub price: FixedU128,
	/// When it was reported.
	pub at: Moment,
	/// The block it was reported in (a feeder reports a key at most once per block).
	pub block: BlockNumber,
	/// Whether this report has already been counted as an outlier against its feeder (each
	/// report counts at most once, however many rounds it takes part in).
	pub outlier: bool,
}

/// The latest aggregate of a price key.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxFeeders))]
#[codec(mel_bound(AccountId: MaxEncodedLen))]
pub struct Aggregate<AccountId, MaxFeeders>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxFeeders: Get<u32>,
{
	/// The aggregated price: the median of the reports that survived outlier rejection.
	pub price: FixedU128,
	/// Signed deviation of `price` from the key's peg at the time, in basis points.
	pub deviation_bps: i32,
	/// The round that produced it; counts up per key from 1.
	pub round: u32,
	/// When it was computed.
	pub at: Moment,
	/// `true` once the key went stale after this aggregate (too few fresh reports, or the
	/// aggregate older than the key's `max_age`); cleared by the next aggregate.
	pub stale: bool,
	/// The feeders whose reports made up `price`, sorted, each once.
	pub contributors: BoundedVec<AccountId, MaxFeeders>,
}

impl<AccountId, MaxFeeders> Aggregate<AccountId, MaxFeeders>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxFeeders: Get<u32>,
{
	/// The aggregate as the [`PriceFeed`](stablecoin_primitives::PriceFeed) reports it.
	pub fn observation(&self) -> PriceObservation {
		PriceObservation {
			price: self.price,
			deviation_bps: self.deviation_bps,
			at: self.at,
			round: self.round,
		}
	}
}

/// How a feeder has been doing, for governance and regulators.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct FeederHealth {
	/// How many of its reports were accepted.
	pub reports: u32,
	/// How many of its reports were dropped as outliers (each report counted once).
	pub outliers: u32,
	/// When it last reported, if ever.
	pub last_report_at: Option<Moment>,
}

/// The state of a price key as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PriceState<AccountId> {
	/// The latest aggregated price.
	pub price: FixedU128,
	/// Its signed deviation from the peg, in basis points.
	pub deviation_bps: i32,
	/// The round that produced it.
	pub round: u32,
	/// When it was computed.
	pub at: Moment,
	/// Whether the key is stale now (the price must not be relied on).
	pub stale: bool,
	/// The feeders whose reports made up the price.
	pub contributors: Vec<AccountId>,
}
