//! The price seam: "what does the market pay for one USDX, and how far is that from the peg?".
//!
//! `pallet-oracle` implements [`PriceFeed`] from its feeders' aggregated reports; the circuit
//! breaker reads it to choose its level. Prices are [`FixedU128`] (18 decimal places), so
//! `1.0` is `FixedU128::from_u32(1)` and `0.995` is `FixedU128::from_rational(995, 1000)`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
pub use frame_support::sp_runtime::FixedU128;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

use crate::Moment;

/// Identifies a price series: the price of one unit of `base` in units of `quote`.
///
/// Symbols are upper-case ASCII, left-aligned and padded with zero bytes to eight bytes, so
/// the key has a fixed size and a fixed encoding; [`PriceKey::new`] builds one from strings.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct PriceKey {
	/// What is priced, e.g. `USDX`.
	pub base: [u8; 8],
	/// What it is priced in, e.g. `USD`.
	pub quote: [u8; 8],
}

impl PriceKey {
	/// The market price of the stablecoin in US dollars: the series the circuit breaker watches.
	pub const USDX_USD: PriceKey = PriceKey::new(b"USDX", b"USD");
	/// The euro in US dollars, for a chain whose stablecoin is pegged to the euro.
	pub const EUR_USD: PriceKey = PriceKey::new(b"EUR", b"USD");

	/// A key from two symbols of at most eight bytes each (longer symbols are cut at eight).
	pub const fn new(base: &[u8], quote: &[u8]) -> Self {
		PriceKey { base: pad_symbol(base), quote: pad_symbol(quote) }
	}
}

const fn pad_symbol(symbol: &[u8]) -> [u8; 8] {
	let mut padded = [0u8; 8];
	let mut i = 0;
	while i < symbol.len() && i < 8 {
		padded[i] = symbol[i];
		i += 1;
	}
	padded
}

/// One aggregated price as the oracle published it.
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
)]
pub struct PriceObservation {
	/// The aggregated price.
	pub price: FixedU128,
	/// Signed deviation of `price` from the series' target peg, in basis points
	/// (`0.9950` against `1.0000` is `-50`); saturates at the bounds of `i32`.
	pub deviation_bps: i32,
	/// When the aggregate was computed.
	pub at: Moment,
	/// The aggregation round that produced it (counts up per key).
	pub round: u32,
}

/// Read access to aggregated prices, for pallets that react to the market.
pub trait PriceFeed {
	/// The latest aggregate of `key` if it is fresh: enough feeders reported recently and the
	/// aggregate is not older than the key's maximum age. `None` when stale or never priced,
	/// so that "no price" is never mistaken for "on peg".
	fn fresh_price(key: &PriceKey) -> Option<PriceObservation>;

	/// The latest aggregate of `key` whether fresh or not (`None` if never priced).
	fn last_price(key: &PriceKey) -> Option<PriceObservation>;

	/// Whether `key` has no fresh aggregate.
	fn is_stale(key: &PriceKey) -> bool {
		Self::fresh_price(key).is_none()
	}
}

/// Signed deviation of `price` from `peg` in basis points, rounded toward zero.
///
/// Exact for any pair of values: the difference is scaled with a 256-bit-safe
/// multiply-divide, and results beyond `i32` saturate. A zero `peg` yields `0`.
pub fn deviation_bps(price: FixedU128, peg: FixedU128) -> i32 {
	use frame_support::sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};
	let (p, g) = (price.into_inner(), peg.into_inner());
	if g == 0 {
		return 0;
	}
	let (diff, negative) = if p >= g { (p - g, false) } else { (g - p, true) };
	let magnitude =
		multiply_by_rational_with_rounding(diff, 10_000, g, Rounding::Down).unwrap_or(u128::MAX);
	let magnitude = i32::try_from(magnitude).unwrap_or(i32::MAX);
	if negative {
		-magnitude
	} else {
		magnitude
	}
}

/// A [`PriceFeed`] that always reports `1.0`, fresh, on peg: for tests and chains without an
/// oracle.
pub struct AlwaysOnPeg;

impl PriceFeed for AlwaysOnPeg {
	fn fresh_price(_key: &PriceKey) -> Option<PriceObservation> {
		Some(PriceObservation { price: FixedU128::from_u32(1), deviation_bps: 0, at: 0, round: 0 })
	}
	fn last_price(key: &PriceKey) -> Option<PriceObservation> {
		Self::fresh_price(key)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn deviation_is_exact_on_known_values() {
		let one = FixedU128::from_u32(1);
		assert_eq!(deviation_bps(FixedU128::from_rational(9950, 10_000), one), -50);
		assert_eq!(deviation_bps(FixedU128::from_rational(10_050, 10_000), one), 50);
		assert_eq!(deviation_bps(one, one), 0);
		assert_eq!(deviation_bps(FixedU128::from_rational(94, 100), one), -600);
		// Rounds toward zero: 0.99995 is -0.5 bps.
		assert_eq!(deviation_bps(FixedU128::from_rational(99_995, 100_000), one), 0);
	}

	#[test]
	fn deviation_does_not_overflow_at_the_extremes() {
		let one = FixedU128::from_u32(1);
		assert_eq!(deviation_bps(FixedU128::from_inner(u128::MAX), one), i32::MAX);
		assert_eq!(deviation_bps(FixedU128::from_inner(0), one), -10_000);
		assert_eq!(deviation_bps(one, FixedU128::from_inner(0)), 0);
		assert_eq!(
			deviation_bps(FixedU128::from_inner(u128::MAX), FixedU128::from_inner(u128::MAX)),
			0
		);
		assert_eq!(
			deviation_bps(FixedU128::from_inner(1), FixedU128::from_inner(u128::MAX)),
			-9_999
		);
	}

	#[test]
	fn keys_pad_symbols() {
		assert_eq!(PriceKey::USDX_USD.base, *b"USDX\0\0\0\0");
		assert_eq!(PriceKey::USDX_USD.quote, *b"USD\0\0\0\0\0");
		assert_eq!(PriceKey::new(b"TOOLONGSYMBOL", b"X").base, *b"TOOLONGS");
	}
}
