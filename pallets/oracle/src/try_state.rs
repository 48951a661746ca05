//! The pallet's invariants, checked by the `try_state` hook and after every unit test.

use crate::*;
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Zero, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage. Iterates all of it: for tests and
	/// `try-runtime` only.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::try_state_feeders()?;
		Self::try_state_keys()?;
		Self::try_state_reports()?;
		Self::try_state_aggregates()?;
		Ok(())
	}

	/// Feeders are sorted, unique, within `MaxFeeders`, and exactly they have health records.
	fn try_state_feeders() -> Result<(), TryRuntimeError> {
		let feeders = Feeders::<T>::get();
		ensure!(feeders.len() as u32 <= T::MaxFeeders::get(), "more feeders than MaxFeeders");
		ensure!(feeders.windows(2).all(|w| w[0] < w[1]), "feeders not sorted/unique");
		for feeder in feeders.iter() {
			ensure!(Health::<T>::contains_key(feeder), "feeder without a health record");
		}
		for (who, _) in Health::<T>::iter() {
			ensure!(feeders.binary_search(&who).is_ok(), "health record of a non-feeder");
		}
		Ok(())
	}

	/// Keys are within `MaxPriceKeys` and have valid parameters.
	fn try_state_keys() -> Result<(), TryRuntimeError> {
		let mut keys: u32 = 0;
		for (key, params) in PriceKeys::<T>::iter() {
			keys += 1;
			Self::validate_params(&key, &params).map_err(|_| "invalid price key parameters")?;
		}
		ensure!(keys == PriceKeys::<T>::count(), "PriceKeys counter does not match");
		ensure!(keys <= T::MaxPriceKeys::get(), "more price keys than MaxPriceKeys");
		Ok(())
	}

	/// Reports exist only for registered keys, come from current feeders, one per feeder, with
	/// a positive price.
	fn try_state_reports() -> Result<(), TryRuntimeError> {
		let feeders = Feeders::<T>::get();
		for (key, reports) in Reports::<T>::iter() {
			ensure!(PriceKeys::<T>::contains_key(key), "reports for an unregistered key");
			ensure!(reports.len() as u32 <= T::MaxFeeders::get(), "more reports than MaxFeeders");
			for (i, report) in reports.iter().enumerate() {
				ensure!(feeders.binary_search(&report.feeder).is_ok(), "report of a non-feeder");
				ensure!(
					!reports[..i].iter().any(|r| r.feeder == report.feeder),
					"two reports of one feeder for a key"
				);
				ensure!(!report.price.is_zero(), "report with a zero price");
			}
		}
		Ok(())
	}

	/// Aggregates and history exist only for registered keys; contributors are sorted, unique,
	/// non-empty and within `MaxFeeders`; history is within `HistoryDepth`, ordered by time
	/// and round, and ends with the current aggregate.
	fn try_state_aggregates() -> Result<(), TryRuntimeError> {
		for (key, aggregate) in Aggregates::<T>::iter() {
			ensure!(PriceKeys::<T>::contains_key(key), "aggregate for an unregistered key");
			let contributors = &aggregate.contributors;
			ensure!(!contributors.is_empty(), "aggregate without contributors");
			ensure!(
				contributors.len() as u32 <= T::MaxFeeders::get(),
				"more contributors than MaxFeeders"
			);
			ensure!(contributors.windows(2).all(|w| w[0] < w[1]), "contributors not sorted/unique");
			ensure!(!aggregate.price.is_zero(), "aggregate with a zero price");
			ensure!(aggregate.round >= 1, "aggregate of round 0");
			let history = History::<T>::get(key);
			ensure!(
				history.last() == Some(&aggregate.observation()),
				"history does not end with the current aggregate"
			);
		}
		for (key, history) in History::<T>::iter() {
			ensure!(PriceKeys::<T>::contains_key(key), "history for an unregistered key");
			ensure!(Aggregates::<T>::contains_key(key), "history without an aggregate");
			ensure!(
				history.len() as u32 <= T::HistoryDepth::get(),
				"history longer than HistoryDepth"
			);
			ensure!(
				history.windows(2).all(|w| w[0].at < w[1].at && w[0].round < w[1].round),
				"history not ordered by time and round"
			);
		}
		Ok(())
	}
}
