//! The pallet's invariants, checked by the `try_state` hook and after every unit test.

use crate::{functions::LIMITED_OPERATIONS, *};
use frame_support::ensure;
use sp_runtime::{
	traits::{CheckedAdd, Zero},
	TryRuntimeError,
};
use stablecoin_primitives::GuardedOperation;

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage. Reads a fixed number of values.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::try_state_parameters()?;
		Self::try_state_level()?;
		Self::try_state_volumes()?;
		Self::try_state_pauses()?;
		Self::try_state_wind_down()?;
		Self::try_state_mint_ceiling()?;
		Ok(())
	}

	/// Thresholds are positive, strictly increasing and bounded; periods are bounded; no level
	/// suspends redemptions.
	fn try_state_parameters() -> Result<(), TryRuntimeError> {
		let params = Parameters::<T>::get();
		ensure!(params.thresholds.is_valid(), "thresholds not strictly increasing and bounded");
		ensure!(
			params.sustain_period <= MAX_PERIOD && params.recovery_period <= MAX_PERIOD,
			"period too long"
		);
		let policies = Policies::<T>::get();
		ensure!(
			Level::ALL.iter().all(|level| policy_of(&policies, *level).redeem),
			"a level policy suspends redemptions"
		);
		Ok(())
	}

	/// The level is consistent with its clocks.
	fn try_state_level() -> Result<(), TryRuntimeError> {
		let state = State::<T>::get();
		let now = stablecoin_primitives::now::<T::Time>();
		ensure!(state.since <= now, "level entered in the future");
		if let Some(start) = state.below_since {
			ensure!(state.level != Level::Normal, "recovery clock running at Normal");
			ensure!(!state.oracle_stale, "recovery clock running while the oracle is stale");
			ensure!(state.since <= start, "recovery clock started before the level");
			ensure!(start <= now, "recovery clock started in the future");
			if let Some(deviation) = state.last_deviation_bps {
				// Both clocks restart when the thresholds change, so this holds at all times.
				let threshold = Parameters::<T>::get().thresholds.lower_threshold(state.level);
				ensure!(
					deviation.unsigned_abs() <= threshold,
					"recovery clock running while the deviation is above the level's threshold"
				);
			}
		}
		if let Some(start) = state.above_supply_since {
			ensure!(start <= now, "sustain clock started in the future");
		}
		if state.cause == LevelCause::StaleOracle {
			ensure!(state.level == Level::Halt, "a stale oracle caused a level other than Halt");
		}
		if state.last_deviation_bps.is_none() {
			ensure!(
				matches!(state.cause, LevelCause::Genesis | LevelCause::StaleOracle),
				"a deviation caused the level before any price was seen"
			);
			ensure!(state.below_since.is_none(), "recovery clock running before any price");
		}
		if state.cause == LevelCause::Genesis {
			ensure!(state.level == Level::Normal, "genesis level other than Normal");
		}
		Ok(())
	}

	/// Volume windows sum to their buckets, are not ahead of the clock, a block's volume is
	/// within its hour's bucket, and recorded volume is within the limits that were in force
	/// for the whole block or window. Transfers have no volume records or limits.
	fn try_state_volumes() -> Result<(), TryRuntimeError> {
		let now_hour = functions::hour_of(stablecoin_primitives::now::<T::Time>());
		let block = frame_system::Pallet::<T>::block_number();
		for operation in LIMITED_OPERATIONS {
			let volume = Volumes::<T>::get(operation);
			ensure!(volume.hour <= now_hour, "volume window rolled past the clock");
			ensure!(volume.block <= block, "volume recorded in a future block");
			let sum = volume
				.buckets
				.iter()
				.try_fold(T::Balance::default(), |sum, bucket| sum.checked_add(bucket));
			if let Some(sum) = sum {
				ensure!(sum == volume.window_total, "window total is not the sum of its buckets");
			}
			let index = (volume.hour % u64::from(WINDOW_HOURS)) as usize;
			let current = volume.buckets.get(index).copied().ok_or("bucket index out of range")?;
			ensure!(volume.block_total <= current, "block volume beyond its hour's bucket");

			let limits = Limits::<T>::get(operation);
			let changed = LimitsChangedAt::<T>::get(operation);
			let block_applies = changed.is_none_or(|(at, _)| at < volume.block);
			if let (Some(limit), true) = (limits.per_block, block_applies) {
				ensure!(volume.block_total <= limit, "block volume beyond the block limit");
			}
			let day_applies = changed.is_none_or(|(_, hour)| {
				hour.saturating_add(u64::from(WINDOW_HOURS)) <= volume.hour
			});
			if let (Some(limit), true) = (limits.per_day, day_applies) {
				ensure!(volume.window_total <= limit, "window volume beyond the daily limit");
			}
		}
		ensure!(
			!Volumes::<T>::contains_key(GuardedOperation::Transfer),
			"volume recorded for transfers"
		);
		ensure!(
			!Limits::<T>::contains_key(GuardedOperation::Transfer),
			"volume limits for transfers"
		);
		Ok(())
	}

	/// Every pause has a reason and is not in the future.
	fn try_state_pauses() -> Result<(), TryRuntimeError> {
		let now = stablecoin_primitives::now::<T::Time>();
		for operation in GuardedOperation::ALL {
			if let Some(pause) = Paused::<T>::get(operation) {
				ensure!(!pause.reason.is_empty(), "pause without a reason");
				ensure!(pause.at <= now, "pause in the future");
			}
		}
		Ok(())
	}

	/// A wind-down has a reason, is not in the future, and refuses every mint.
	fn try_state_wind_down() -> Result<(), TryRuntimeError> {
		if let Some(info) = WindDown::<T>::get() {
			ensure!(!info.reason.is_empty(), "wind-down without a reason");
			ensure!(
				info.since <= stablecoin_primitives::now::<T::Time>(),
				"wind-down in the future"
			);
			ensure!(
				Self::check(GuardedOperation::Mint, Zero::zero()) == Err(Refusal::WindingDown),
				"a mint is not refused during the wind-down"
			);
		}
		Ok(())
	}

	/// Once raising mint limits above a ceiling is renounced, both mint limits are set and at
	/// most the ceiling.
	fn try_state_mint_ceiling() -> Result<(), TryRuntimeError> {
		Self::ensure_within_ceiling(
			GuardedOperation::Mint,
			&Limits::<T>::get(GuardedOperation::Mint),
		)
		.map_err(|_| "mint volume limits above the renounced ceiling".into())
	}
}
