//! Benchmarks (FRAME v2), each for the worst case of its call: the set as large as the call
//! allows ([`Config::MaxValidators`] less one for `add_validator`, full for the others), so
//! that the stored vector read, searched and written is the longest.
//!
//! The runtime's [`Config::BenchmarkHelper`] gives joining validators session keys.
//!
//! Run as unit tests with `cargo test -p pallet-validator-set --features runtime-benchmarks`;
//! `scripts/bench-weights.sh` runs them through the node to regenerate the runtime's weights.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as ValidatorSet;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};

const SEED: u32 = 0;

fn update_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Replace the set by `n` fresh validators; returns them, sorted.
fn set_of<T: Config>(n: u32) -> Result<Vec<T::AccountId>, BenchmarkError> {
	let mut validators: Vec<T::AccountId> = (0..n).map(|i| account("validator", i, SEED)).collect();
	validators.sort();
	validators.dedup();
	let set = ValidatorsOf::<T>::try_from(validators.clone())
		.map_err(|_| BenchmarkError::Stop("set larger than MaxValidators"))?;
	Validators::<T>::put(set);
	SetChanged::<T>::kill();
	Ok(validators)
}

/// An account outside the set, with session keys.
fn candidate<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("candidate", 0, SEED);
	T::BenchmarkHelper::register_keys(&who);
	who
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let origin = update_origin::<T>()?;
		set_of::<T>(T::MaxValidators::get().saturating_sub(1))?;
		let who = candidate::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(ValidatorSet::<T>::is_validator(&who));
		assert!(SetChanged::<T>::get());
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let origin = update_origin::<T>()?;
		let validators = set_of::<T>(T::MaxValidators::get())?;
		// The first one, so that every other validator moves.
		let who = validators.first().cloned().ok_or(BenchmarkError::Stop("empty set"))?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!ValidatorSet::<T>::is_validator(&who));
		assert!(SetChanged::<T>::get());
		Ok(())
	}

	#[benchmark]
	fn replace_validator() -> Result<(), BenchmarkError> {
		let origin = update_origin::<T>()?;
		let validators = set_of::<T>(T::MaxValidators::get())?;
		let old = validators.first().cloned().ok_or(BenchmarkError::Stop("empty set"))?;
		let new = candidate::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, old.clone(), new.clone());

		assert!(!ValidatorSet::<T>::is_validator(&old));
		assert!(ValidatorSet::<T>::is_validator(&new));
		Ok(())
	}

	impl_benchmark_test_suite!(ValidatorSet, crate::mock::new_test_ext(), crate::mock::Test);
}
