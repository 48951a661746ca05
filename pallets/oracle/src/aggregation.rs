//! The arithmetic of aggregation, free of storage: medians, the outlier band and the
//! time-weighted average. Every step is overflow-free for any `FixedU128` input.

use sp_core::U256;
use stablecoin_primitives::{deviation_bps, FixedU128, Moment, PriceObservation};

/// The median of `values` (sorted in place): the middle value of an odd count, the mean of
/// the two middle values of an even count (rounded down to the last of the 18 decimals).
/// `None` for no values.
///
/// The mean is computed as `low + (high - low) / 2` on the inner integers, so it never
/// overflows and always lies between the two middle values.
pub fn median(values: &mut [FixedU128]) -> Option<FixedU128> {
	values.sort_unstable();
	let len = values.len();
	let upper = *values.get(len / 2)?;
	if len % 2 == 1 {
		return Some(upper);
	}
	let lower = *values.get(len.checked_sub(2)? / 2)?;
	let (low, high) = (lower.into_inner(), upper.into_inner());
	Some(FixedU128::from_inner(low.saturating_add(high.saturating_sub(low) / 2)))
}

/// Whether `price` lies within `band_bps` basis points of `median`.
///
/// The distance is [`deviation_bps`] (exact, rounded toward zero, saturating), so a report
/// is kept when its distance, rounded down to whole basis points, is at most the band.
pub fn within_band(price: FixedU128, median: FixedU128, band_bps: u32) -> bool {
	deviation_bps(price, median).unsigned_abs() <= band_bps
}

/// The time-weighted average of the prices in `history` (oldest first) over the window
/// `[now - window, now]`.
///
/// Each observation holds from its own time until the next observation's time (the latest
/// until `now`); the part of each such step that falls inside the window is weighted by its
/// length. When the history starts inside the window the average covers only the time since
/// its first observation; when every observation was made at `now`, it is the latest price.
/// Observations after `now` are ignored. `None` when there is no observation at or before
/// `now`.
///
/// The weighted sum is computed exactly in 256 bits and divided once (rounding down), so the
/// result never overflows and lies between the lowest and the highest price weighted.
pub fn time_weighted_average(
	history: &[PriceObservation],
	now: Moment,
	window: Moment,
) -> Option<FixedU128> {
	let start = now.saturating_sub(window);
	let usable = history.iter().take_while(|o| o.at <= now).count();
	let history = history.get(..usable)?;
	let latest = history.last()?.price;

	let segment = |i: usize| -> (u128, Moment) {
		let Some(observation) = history.get(i) else { return (0, 0) };
		let end = history.get(i.saturating_add(1)).map_or(now, |next| next.at.min(now));
		let begin = observation.at.max(start);
		(observation.price.into_inner(), end.saturating_sub(begin))
	};
	let total: Moment = (0..history.len()).map(|i| segment(i).1).fold(0, Moment::saturating_add);
	if total == 0 {
		return Some(latest);
	}
	// Exact: each term is below 2^192 and there are at most `HistoryDepth` of them.
	let sum = (0..history.len()).map(segment).fold(U256::zero(), |acc, (price, duration)| {
		acc.saturating_add(U256::from(price).saturating_mul(U256::from(duration)))
	});
	let average = sum / U256::from(total);
	// The average of prices that fit in a `u128` fits in a `u128`.
	let average = u128::try_from(average).unwrap_or(u128::MAX);
	Some(FixedU128::from_inner(average))
}
