//! Benchmarks (FRAME v2), each for the worst case of its call, and of the per-block hook.
//!
//! Run as unit tests with `cargo test -p pallet-circuit-breaker --features runtime-benchmarks`;
//! `scripts/bench-weights.sh` runs them through the node to regenerate `weights.rs`.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::{functions::LIMITED_OPERATIONS, Pallet as CircuitBreaker};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Bounded;
use stablecoin_primitives::{GuardedOperation, PriceFeed};

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn guardian<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GuardianOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A reason of the maximum length.
fn longest_reason() -> Reason {
	Reason::truncate_from(vec![b'r'; MAX_REASON_LEN as usize])
}

/// Volume in every bucket of both windows, so that a roll of 24 hours empties all of them.
fn full_windows<T: Config>(block: BlockNumberFor<T>, hour: u64) {
	let one: T::Balance = 1u32.into();
	for operation in LIMITED_OPERATIONS {
		Volumes::<T>::insert(
			operation,
			VolumeState {
				block,
				block_total: one,
				hour,
				buckets: [one; WINDOW_HOURS as usize],
				window_total: T::Balance::from(WINDOW_HOURS),
			},
		);
		Limits::<T>::insert(
			operation,
			VolumeLimits {
				per_block: Some(T::Balance::max_value()),
				per_day: Some(T::Balance::max_value()),
			},
		);
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// New thresholds, so that the clocks are restarted too.
	#[benchmark]
	fn set_parameters() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let new = BreakerParameters {
			thresholds: Thresholds { watch: 40, supply_adjustment: 90, liquidity: 190, halt: 490 },
			sustain_period: MAX_PERIOD,
			recovery_period: MAX_PERIOD,
			stale_oracle_policy: StaleOraclePolicy::Halt,
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, new);

		assert_eq!(Parameters::<T>::get(), new);
		Ok(())
	}

	#[benchmark]
	fn set_level_policy() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Level::Liquidity, AllowedOperations::REDEEM_ONLY);

		assert_eq!(
			policy_of(&Policies::<T>::get(), Level::Liquidity),
			&AllowedOperations::REDEEM_ONLY
		);
		Ok(())
	}

	#[benchmark]
	fn set_volume_limits() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let limits = VolumeLimits {
			per_block: Some(T::Balance::max_value()),
			per_day: Some(T::Balance::max_value()),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, GuardedOperation::Mint, limits);

		assert_eq!(Limits::<T>::get(GuardedOperation::Mint), limits);
		Ok(())
	}

	/// Every operation, with the longest reason.
	#[benchmark]
	fn pause() -> Result<(), BenchmarkError> {
		let origin = guardian::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, None, longest_reason());

		assert_eq!(Paused::<T>::iter().count(), GuardedOperation::ALL.len());
		Ok(())
	}

	/// Every operation paused, every one lifted.
	#[benchmark]
	fn unpause() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		CircuitBreaker::<T>::do_pause(None, longest_reason(), Actor::Root)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, None, longest_reason());

		assert_eq!(Paused::<T>::iter().count(), 0);
		Ok(())
	}

	#[benchmark]
	fn set_reserve_quality_policy() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let policy = ReserveQualityPolicy {
			refuse_mints_on_low_liquidity: true,
			refuse_mints_on_concentration: true,
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, policy);

		assert_eq!(QualityPolicy::<T>::get(), policy);
		Ok(())
	}

	/// With the longest reason.
	#[benchmark]
	fn enter_wind_down() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, longest_reason());

		assert!(CircuitBreaker::<T>::is_winding_down());
		Ok(())
	}

	/// With the longest reason.
	#[benchmark]
	fn exit_wind_down() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		CircuitBreaker::<T>::do_enter_wind_down(longest_reason(), Actor::Root)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, longest_reason());

		assert!(!CircuitBreaker::<T>::is_winding_down());
		Ok(())
	}

	/// A level transition, both oracle edges' bookkeeping and a 24-hour roll of both windows.
	///
	/// The runtime's oracle cannot be told what to report, so the state is arranged so that
	/// whatever it reports causes a transition: with no fresh price the `Halt` stale policy
	/// halts from `Normal`; with a fresh price at most the halt threshold, `Halt` steps down
	/// after an expired recovery clock; with a larger one, `Normal` escalates to `Halt`.
	#[benchmark]
	fn on_initialize() -> Result<(), BenchmarkError> {
		let now = stablecoin_primitives::now::<T::Time>().max(MAX_PERIOD.saturating_mul(2));
		let block = frame_system::Pallet::<T>::block_number();
		let params = BreakerParameters {
			stale_oracle_policy: StaleOraclePolicy::Halt,
			..Default::default()
		};
		Parameters::<T>::put(params);
		// The oracle edge is reported too: the state assumes the opposite of what it reports.
		let state = match T::PriceFeed::fresh_price(&T::PegKey::get()) {
			Some(o) if o.deviation_bps.unsigned_abs() <= params.thresholds.halt => BreakerState {
				level: Level::Halt,
				since: 0,
				cause: LevelCause::Deviation(0),
				below_since: Some(0),
				..Default::default()
			},
			Some(_) => BreakerState::default(),
			None => BreakerState { oracle_stale: false, ..Default::default() },
		};
		State::<T>::put(state);
		full_windows::<T>(block, functions::hour_of(now).saturating_sub(u64::from(WINDOW_HOURS)));
		let next = block + 1u32.into();

		// The hook's own work, with the clock pinned to `now` (the runtime's clock cannot be set
		// generically): read the time, observe, roll.
		#[block]
		{
			let _ = stablecoin_primitives::now::<T::Time>();
			CircuitBreaker::<T>::observe(now);
			CircuitBreaker::<T>::roll_volumes(next, now);
		}

		assert_ne!(State::<T>::get().level, state.level);
		for operation in LIMITED_OPERATIONS {
			assert_eq!(Volumes::<T>::get(operation).window_total, 0u32.into());
		}
		Ok(())
	}

	impl_benchmark_test_suite!(
		CircuitBreaker,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
