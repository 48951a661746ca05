//! Time as every pallet of the chain reads it: milliseconds since the Unix epoch, from the
//! runtime's clock (`pallet-timestamp`, the block's time).

use frame_support::traits::UnixTime;

/// A time on chain, in milliseconds since the Unix epoch (`pallet-timestamp`'s `Moment`).
pub type Moment = u64;

/// One minute, in milliseconds.
pub const MINUTE_MS: Moment = 60_000;
/// One hour, in milliseconds.
pub const HOUR_MS: Moment = 60 * MINUTE_MS;
/// One day, in milliseconds. The chain's calendar is UTC: every day has exactly this length.
pub const DAY_MS: Moment = 24 * HOUR_MS;

/// Now, as `Clock` tells it, in milliseconds since the Unix epoch. A clock beyond the year
/// 584 million saturates at [`Moment::MAX`].
pub fn now<Clock: UnixTime>() -> Moment {
	Moment::try_from(Clock::now().as_millis()).unwrap_or(Moment::MAX)
}

#[cfg(test)]
mod tests {
	use super::*;

	struct FixedClock;
	impl UnixTime for FixedClock {
		fn now() -> core::time::Duration {
			core::time::Duration::from_millis(1_700_000_000_123)
		}
	}

	#[test]
	fn now_reads_the_clock_in_milliseconds() {
		assert_eq!(now::<FixedClock>(), 1_700_000_000_123);
		assert_eq!(DAY_MS, 86_400_000);
		assert_eq!(HOUR_MS, 3_600_000);
	}
}
