//! Benchmarks (FRAME v2), each for the worst case of its call: [`Config::MaxFeeders`] feeders,
//! all with fresh reports on the key, and the key's history full.
//!
//! Run as unit tests with `cargo test -p pallet-oracle --features runtime-benchmarks`;
//! `scripts/bench-weights.sh` runs them through the node to regenerate `weights.rs`.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Oracle;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get, Hooks};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};

const SEED: u32 = 0;

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A price key of its own for each benchmark index.
fn bench_key(i: u32) -> PriceKey {
	let mut key = PriceKey::new(b"BNCH", b"USD");
	key.base[4..8].copy_from_slice(&i.to_be_bytes());
	key
}

/// Parameters that let every benchmark round publish: quorum 1, wide windows.
fn bench_params() -> PriceKeyParams {
	PriceKeyParams {
		quorum: 1,
		max_age: Moment::MAX / 4,
		outlier_band_bps: 100,
		peg: FixedU128::from_u32(1),
		twap_window: Moment::MAX / 4,
	}
}

/// Fill the feeder set to [`Config::MaxFeeders`] (less `leave_free`); returns the feeders.
fn fill_feeders<T: Config>(leave_free: u32) -> Result<Vec<T::AccountId>, BenchmarkError> {
	let target = T::MaxFeeders::get().saturating_sub(leave_free) as usize;
	let mut i = 0;
	while Feeders::<T>::get().len() < target {
		Oracle::<T>::do_add_feeder(account("feeder", i, SEED), Actor::Root)?;
		i += 1;
	}
	Ok(Feeders::<T>::get().into_inner())
}

/// Remove every registered key, then register `n` benchmark keys with [`bench_params`].
fn only_keys<T: Config>(n: u32) -> Result<Vec<PriceKey>, BenchmarkError> {
	let existing: Vec<PriceKey> = PriceKeys::<T>::iter_keys().collect();
	for key in existing {
		Oracle::<T>::do_remove_price_key(key, Actor::Root)?;
	}
	let keys: Vec<PriceKey> = (0..n).map(bench_key).collect();
	for key in keys.iter() {
		Oracle::<T>::do_register_price_key(*key, bench_params(), Actor::Root)?;
	}
	Ok(keys)
}

/// Give `key` a fresh report from each of `feeders` (made in block 0, so every feeder may
/// report again), an aggregate contributed by all of them and a full history. The first
/// `outliers` reports are far from the others and not yet counted.
fn fill_key<T: Config>(key: PriceKey, feeders: &[T::AccountId], outliers: usize) {
	let now = stablecoin_primitives::now::<T::Time>();
	let one = FixedU128::from_u32(1);
	let reports: Vec<ReportOf<T>> = feeders
		.iter()
		.enumerate()
		.map(|(i, feeder)| FeederReport {
			feeder: feeder.clone(),
			price: if i < outliers { FixedU128::from_u32(1_000) } else { one },
			at: now,
			block: 0u32.into(),
			outlier: false,
		})
		.collect();
	Reports::<T>::insert(key, BoundedVec::truncate_from(reports));
	let depth = T::HistoryDepth::get();
	let history: Vec<PriceObservation> = (0..depth)
		.map(|i| PriceObservation {
			price: one,
			deviation_bps: 0,
			at: now.saturating_sub(Moment::from(depth - i)),
			round: i + 1,
		})
		.collect();
	History::<T>::insert(key, BoundedVec::truncate_from(history));
	Aggregates::<T>::insert(
		key,
		Aggregate {
			price: one,
			deviation_bps: 0,
			round: depth,
			at: now.saturating_sub(1),
			stale: false,
			contributors: BoundedVec::truncate_from(feeders.to_vec()),
		},
	);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The feeder set holds all but one feeder.
	#[benchmark]
	fn add_feeder() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		fill_feeders::<T>(1)?;
		let feeder: T::AccountId = account("new", 0, SEED);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, feeder.clone());

		assert!(Oracle::<T>::is_feeder(&feeder));
		Ok(())
	}

	/// `k` keys, each with a report from every feeder.
	#[benchmark]
	fn remove_feeder(k: Linear<1, { T::MaxPriceKeys::get() }>) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let feeders = fill_feeders::<T>(0)?;
		for key in only_keys::<T>(k)? {
			fill_key::<T>(key, &feeders, 0);
		}
		let feeder = feeders.last().cloned().ok_or("at least one feeder")?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, feeder.clone());

		assert!(!Oracle::<T>::is_feeder(&feeder));
		Ok(())
	}

	/// All but one key registered.
	#[benchmark]
	fn register_price_key() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		only_keys::<T>(T::MaxPriceKeys::get().saturating_sub(1))?;
		let key = bench_key(u32::MAX);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, key, bench_params());

		assert!(PriceKeys::<T>::contains_key(key));
		Ok(())
	}

	#[benchmark]
	fn update_price_key() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let key = bench_key(0);
		if !PriceKeys::<T>::contains_key(key) {
			only_keys::<T>(1)?;
		}
		let params = PriceKeyParams { outlier_band_bps: 200, ..bench_params() };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, key, params);

		assert_eq!(PriceKeys::<T>::get(key), Some(params));
		Ok(())
	}

	/// The key has a report from every feeder, an aggregate and a full history.
	#[benchmark]
	fn remove_price_key() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let feeders = fill_feeders::<T>(0)?;
		let key = only_keys::<T>(1)?.pop().ok_or("one key")?;
		fill_key::<T>(key, &feeders, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, key);

		assert!(!Aggregates::<T>::contains_key(key));
		Ok(())
	}

	/// `f` fresh reports on the key (the caller's among them, replaced), as many of the others
	/// as can be while still a minority newly found to be outliers, and a full history.
	#[benchmark]
	fn submit_price(f: Linear<1, { T::MaxFeeders::get() }>) -> Result<(), BenchmarkError> {
		let feeders = fill_feeders::<T>(0)?;
		let key = only_keys::<T>(1)?.pop().ok_or("one key")?;
		let reporting = feeders.get(..f as usize).ok_or("f within MaxFeeders")?;
		let outliers = (f as usize).saturating_sub(1) / 2;
		fill_key::<T>(key, reporting, outliers);
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let caller = reporting.last().cloned().ok_or("at least one feeder")?;
		let round = Aggregates::<T>::get(key).map_or(0, |a| a.round);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), key, FixedU128::from_u32(1));

		assert_eq!(Aggregates::<T>::get(key).map(|a| a.round), Some(round + 1));
		Ok(())
	}

	/// `k` keys, each with a fresh aggregate that goes stale for lack of a quorum, and a
	/// report from all but one feeder.
	#[benchmark]
	fn on_finalize(k: Linear<1, { T::MaxPriceKeys::get() }>) -> Result<(), BenchmarkError> {
		let feeders = fill_feeders::<T>(0)?;
		let reporting = feeders.get(..feeders.len().saturating_sub(1)).unwrap_or_default();
		let params = PriceKeyParams { quorum: T::MaxFeeders::get(), ..bench_params() };
		let keys = only_keys::<T>(k)?;
		for key in keys.iter() {
			PriceKeys::<T>::insert(key, params);
			fill_key::<T>(*key, reporting, 0);
		}
		let n: BlockNumberFor<T> = 1u32.into();

		#[block]
		{
			Oracle::<T>::on_finalize(n);
		}

		for key in keys {
			assert!(Aggregates::<T>::get(key).is_some_and(|a| a.stale));
		}
		Ok(())
	}

	impl_benchmark_test_suite!(Oracle, crate::mock::new_test_ext(), crate::mock::Test);
}
