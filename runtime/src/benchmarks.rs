//! The pallets whose weights this runtime benchmarks (`stablecoin-node benchmark pallet`,
//! driven by `scripts/bench-weights.sh`, which writes `runtime/src/weights/<name>.rs` for each
//! entry of [`define_benchmarks!`](frame_benchmarking::define_benchmarks)): every pallet of the
//! runtime with calls or transaction extensions, upstream ones included.
//!
//! Most entries run the pallet's own benchmarks. Three upstream pallets are benchmarked here
//! instead, because their own benchmarks cannot run on this runtime:
//!
//! - `pallet_session` ([`session`]): upstream's (`pallet-session-benchmarking`) need
//!   `pallet-staking` and the historical session pallet, which this runtime does not have (the
//!   council's `pallet-validator-set` manages the validators);
//! - `pallet_tx_pause` ([`tx_pause`]): upstream's pause a made-up call name, and this runtime
//!   refuses to pause any call outside `configs::safety::PAUSABLE_CALLS`;
//! - `pallet_whitelist` ([`whitelist`]): two of upstream's whitelist a call with the origin
//!   that dispatches it, and here the two origins differ.
//!
//! Left out: `pallet_grandpa`, whose benchmarks do not match its `WeightInfo` (see
//! `configs::consensus`); `frame_benchmarking::baseline`, a reference measurement that no
//! `WeightInfo` of the runtime uses.

use crate::Runtime;

pub use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};
pub use session::Pallet as SessionBench;
pub use tx_pause::Pallet as TxPauseBench;
pub use whitelist::Pallet as WhitelistBench;

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_timestamp, Timestamp]
	[pallet_session, SessionBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_collective, Council]
	[pallet_multisig, Multisig]
	[pallet_utility, Utility]
	[pallet_preimage, Preimage]
	[pallet_whitelist, WhitelistBench::<Runtime>]
	// The four lists of `pallet-membership` share one configuration and one weight file; it is
	// measured on the longest list.
	[pallet_membership, IdentityRegistrars]
	[pallet_tx_pause, TxPauseBench::<Runtime>]
	[pallet_identity_claims, IdentityClaims]
	[pallet_oracle, Oracle]
	[pallet_reserves, Reserves]
	[pallet_circuit_breaker, CircuitBreaker]
	[pallet_stablecoin, Stablecoin]
	[pallet_validator_set, ValidatorSet]
);

/// `set_code` uploads upstream's sample runtime; `frame_system` leaves out the version check
/// when built with `runtime-benchmarks`.
impl frame_system_benchmarking::Config for Runtime {}

impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

/// Benchmarks of `pallet-session`'s calls, `set_keys` and `purge_keys`, for a runtime whose
/// validators are any account with keys (`ValidatorIdOf` is the identity), as in this one.
///
/// They measure what upstream's do (a first registration of keys: the proof's check, the
/// deposit's hold, the key owners), without `pallet-staking`'s validators.
pub mod session {
	use alloc::vec::Vec;
	use frame_benchmarking::v2::*;
	use frame_system::RawOrigin;
	use pallet_session::{Call, NextKeys};
	use sp_runtime::traits::Convert;

	/// The benchmarks of `pallet-session`, on the runtime `T`.
	pub struct Pallet<T: Config>(pallet_session::Pallet<T>);

	/// What the benchmarks need of the runtime.
	pub trait Config: pallet_session::Config {
		/// Gives `owner` enough to hold the key deposit, and returns fresh session keys with
		/// the proof that `owner` holds them.
		fn prepare_validator(owner: &Self::AccountId) -> (Self::Keys, Vec<u8>);
	}

	#[benchmarks]
	mod benchmarks {
		use super::*;

		#[benchmark]
		fn set_keys() -> Result<(), BenchmarkError> {
			let caller: T::AccountId = whitelisted_caller();
			let (keys, proof) = T::prepare_validator(&caller);
			let validator = T::ValidatorIdOf::convert(caller.clone())
				.ok_or(BenchmarkError::Stop("the caller is no validator"))?;

			#[extrinsic_call]
			_(RawOrigin::Signed(caller), keys, proof);

			assert!(NextKeys::<T>::contains_key(validator));
			Ok(())
		}

		#[benchmark]
		fn purge_keys() -> Result<(), BenchmarkError> {
			let caller: T::AccountId = whitelisted_caller();
			let (keys, proof) = T::prepare_validator(&caller);
			let validator = T::ValidatorIdOf::convert(caller.clone())
				.ok_or(BenchmarkError::Stop("the caller is no validator"))?;
			pallet_session::Pallet::<T>::set_keys(
				RawOrigin::Signed(caller.clone()).into(),
				keys,
				proof,
			)?;

			#[extrinsic_call]
			_(RawOrigin::Signed(caller));

			assert!(!NextKeys::<T>::contains_key(validator));
			Ok(())
		}
	}

	impl Config for crate::Runtime {
		fn prepare_validator(owner: &crate::AccountId) -> (crate::SessionKeys, Vec<u8>) {
			use codec::Encode;
			use frame_support::traits::fungible::Mutate;
			// The key deposit is held on top of the existential deposit.
			crate::Balances::mint_into(
				owner,
				crate::configs::consensus::SessionKeyDeposit::get() + crate::EXISTENTIAL_DEPOSIT,
			)
			.expect("a benchmark account can be funded");
			let generated = crate::SessionKeys::generate(&owner.encode(), None);
			(generated.keys, generated.proof.encode())
		}
	}
}

/// Benchmarks of `pallet-tx-pause`'s calls, `pause` and `unpause`, on the pausable call with
/// the longest name (upstream's pause a made-up name of the longest length the pallet allows,
/// which this runtime refuses to pause: only `configs::safety::PAUSABLE_CALLS` can be).
pub mod tx_pause {
	use frame_benchmarking::v2::*;
	use frame_support::traits::EnsureOrigin;
	use pallet_tx_pause::{Call, PausedCalls, RuntimeCallNameOf};

	use crate::configs::safety::PAUSABLE_CALLS;

	/// The benchmarks of `pallet-tx-pause`, on the runtime `T`.
	pub struct Pallet<T: Config>(pallet_tx_pause::Pallet<T>);

	/// What the benchmarks need of the runtime: nothing beyond the pallet.
	pub trait Config: pallet_tx_pause::Config {}

	impl Config for crate::Runtime {}

	/// The pausable call with the longest name, the costliest to hash as a storage key.
	fn longest_pausable_call<T: Config>() -> Result<RuntimeCallNameOf<T>, BenchmarkError> {
		let (pallet, call) = PAUSABLE_CALLS
			.iter()
			.max_by_key(|(pallet, call)| pallet.len() + call.len())
			.ok_or(BenchmarkError::Stop("no call can be paused"))?;
		let too_long = |_| BenchmarkError::Stop("a pausable call's name is too long");
		Ok((
			pallet.to_vec().try_into().map_err(too_long)?,
			call.to_vec().try_into().map_err(too_long)?,
		))
	}

	#[benchmarks]
	mod benchmarks {
		use super::*;

		#[benchmark]
		fn pause() -> Result<(), BenchmarkError> {
			let origin =
				T::PauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
			let full_name = longest_pausable_call::<T>()?;

			#[extrinsic_call]
			_(origin as T::RuntimeOrigin, full_name.clone());

			assert!(PausedCalls::<T>::contains_key(full_name));
			Ok(())
		}

		#[benchmark]
		fn unpause() -> Result<(), BenchmarkError> {
			let pause_origin =
				T::PauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
			let origin = T::UnpauseOrigin::try_successful_origin()
				.map_err(|_| BenchmarkError::Weightless)?;
			let full_name = longest_pausable_call::<T>()?;
			pallet_tx_pause::Pallet::<T>::pause(pause_origin, full_name.clone())?;

			#[extrinsic_call]
			_(origin as T::RuntimeOrigin, full_name.clone());

			assert!(!PausedCalls::<T>::contains_key(full_name));
			Ok(())
		}
	}
}

/// Benchmarks of `pallet-whitelist`'s calls: upstream's, except that the call is whitelisted
/// by the whitelisting origin. Upstream's `dispatch_whitelisted_call` and
/// `dispatch_whitelisted_call_with_preimage` whitelist it with the *dispatching* origin, which
/// works where both are root; here a motion of three quarters of the council whitelists
/// (`WhitelistOrigin`) and one member dispatches (`DispatchWhitelistedOrigin`), and no origin
/// is both.
pub mod whitelist {
	use alloc::{boxed::Box, vec};
	use codec::Encode;
	use frame_benchmarking::v2::*;
	use frame_support::{
		dispatch::GetDispatchInfo,
		ensure,
		traits::{EnsureOrigin, Get, QueryPreimage, StorePreimage},
	};
	use pallet_whitelist::{Call, DeferredDispatch, WhitelistedCall};
	use sp_runtime::{
		traits::{BlockNumberProvider, Hash},
		Saturating,
	};

	/// The benchmarks of `pallet-whitelist`, on the runtime `T`.
	pub struct Pallet<T: Config>(pallet_whitelist::Pallet<T>);

	/// What the benchmarks need of the runtime: nothing beyond the pallet.
	pub trait Config: pallet_whitelist::Config {}

	impl Config for crate::Runtime {}

	/// Whitelists `call_hash` as a motion of the council does.
	fn whitelist<T: Config>(call_hash: T::Hash) -> Result<(), BenchmarkError> {
		let origin =
			T::WhitelistOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		pallet_whitelist::Pallet::<T>::whitelist_call(origin, call_hash)?;
		Ok(())
	}

	/// Defers the dispatch of `call_hash`, as a member's dispatch before the motion passed
	/// does.
	fn defer<T: Config>(call_hash: T::Hash) {
		let expire_at = T::BlockNumberProvider::current_block_number()
			.saturating_add(T::DeferredDispatchExpiration::get());
		DeferredDispatch::<T>::insert(call_hash, expire_at);
	}

	#[benchmarks]
	mod benchmarks {
		use super::*;

		#[benchmark]
		fn whitelist_call() -> Result<(), BenchmarkError> {
			let origin = T::WhitelistOrigin::try_successful_origin()
				.map_err(|_| BenchmarkError::Weightless)?;
			let call_hash = Default::default();

			#[extrinsic_call]
			_(origin as T::RuntimeOrigin, call_hash);

			ensure!(WhitelistedCall::<T>::contains_key(call_hash), "call not whitelisted");
			ensure!(T::Preimages::is_requested(&call_hash), "preimage not requested");
			Ok(())
		}

		#[benchmark]
		fn remove_whitelisted_call() -> Result<(), BenchmarkError> {
			let origin = T::WhitelistOrigin::try_successful_origin()
				.map_err(|_| BenchmarkError::Weightless)?;
			let call_hash = Default::default();
			whitelist::<T>(call_hash)?;

			#[extrinsic_call]
			_(origin as T::RuntimeOrigin, call_hash);

			ensure!(!WhitelistedCall::<T>::contains_key(call_hash), "whitelist not removed");
			ensure!(!T::Preimages::is_requested(&call_hash), "preimage still requested");
			Ok(())
		}

		// Measured through `dispatch_whitelisted_call_with_preimage`, the costlier of the two
		// calls that defer: the origin check, the `WhitelistedCall` read and hashing the
		// `n`-byte call.
		#[benchmark]
		fn defer_dispatch(n: Linear<1, 10_000>) -> Result<(), BenchmarkError> {
			let origin = T::DispatchWhitelistedOrigin::try_successful_origin()
				.map_err(|_| BenchmarkError::Weightless)?;
			let call: <T as pallet_whitelist::Config>::RuntimeCall =
				frame_system::Call::remark { remark: vec![1u8; n as usize] }.into();
			let call_hash = T::Hashing::hash_of(&call);

			#[extrinsic_call]
			dispatch_whitelisted_call_with_preimage(origin as T::RuntimeOrigin, Box::new(call));

			ensure!(DeferredDispatch::<T>::contains_key(call_hash), "dispatch not deferred");
			Ok(())
		}

		#[benchmark]
		fn remove_deferred_dispatch() -> Result<(), BenchmarkError> {
			let caller: T::AccountId = whitelisted_caller();
			let call: <T as pallet_whitelist::Config>::RuntimeCall =
				frame_system::Call::remark { remark: vec![] }.into();
			let call_hash = T::Hashing::hash_of(&call);
			// An entry that has just expired, so that anyone may remove it.
			DeferredDispatch::<T>::insert(
				call_hash,
				T::BlockNumberProvider::current_block_number(),
			);

			#[extrinsic_call]
			_(frame_system::RawOrigin::Signed(caller), call_hash);

			ensure!(!DeferredDispatch::<T>::contains_key(call_hash), "deferred entry not removed");
			Ok(())
		}

		// The costlier path: the call was deferred and a signed account relays it, which also
		// reads and removes the deferred entry. The call is the longest preimage there can be.
		#[benchmark(pov_mode = Measured {
			Whitelist: MaxEncodedLen,
			Preimage: MaxEncodedLen,
			// The preimage's length is a witness of the call.
			Preimage::PreimageFor: Measured
		})]
		fn dispatch_whitelisted_call(
			n: Linear<1, { T::Preimages::MAX_LENGTH as u32 - 10 }>,
		) -> Result<(), BenchmarkError> {
			let caller: T::AccountId = whitelisted_caller();
			let call: <T as pallet_whitelist::Config>::RuntimeCall =
				frame_system::Call::remark { remark: vec![1u8; n as usize] }.into();
			let call_weight = call.get_dispatch_info().call_weight;
			let encoded_call = call.encode();
			let call_encoded_len = encoded_call.len() as u32;
			let call_hash = T::Hashing::hash_of(&call);
			defer::<T>(call_hash);
			whitelist::<T>(call_hash)?;
			T::Preimages::note(encoded_call.into())?;

			#[extrinsic_call]
			_(frame_system::RawOrigin::Signed(caller), call_hash, call_encoded_len, call_weight);

			ensure!(!WhitelistedCall::<T>::contains_key(call_hash), "whitelist not removed");
			ensure!(!DeferredDispatch::<T>::contains_key(call_hash), "deferred entry not removed");
			ensure!(!T::Preimages::is_requested(&call_hash), "preimage still requested");
			Ok(())
		}

		#[benchmark]
		fn dispatch_whitelisted_call_with_preimage(
			n: Linear<1, 10_000>,
		) -> Result<(), BenchmarkError> {
			let caller: T::AccountId = whitelisted_caller();
			let call: <T as pallet_whitelist::Config>::RuntimeCall =
				frame_system::Call::remark { remark: vec![1u8; n as usize] }.into();
			let call_hash = T::Hashing::hash_of(&call);
			defer::<T>(call_hash);
			whitelist::<T>(call_hash)?;

			#[extrinsic_call]
			_(frame_system::RawOrigin::Signed(caller), Box::new(call));

			ensure!(!WhitelistedCall::<T>::contains_key(call_hash), "whitelist not removed");
			ensure!(!DeferredDispatch::<T>::contains_key(call_hash), "deferred entry not removed");
			ensure!(!T::Preimages::is_requested(&call_hash), "preimage still requested");
			Ok(())
		}
	}
}

/// Every benchmark above, run natively once per shape of its components as
/// `stablecoin-node benchmark pallet` runs it first (with its verification), on the development
/// genesis: so that a benchmark this runtime cannot run fails here, not an hour into
/// `scripts/bench-weights.sh` (the CLI writes no weight file for a pallet with a failed
/// benchmark). It measures nothing: the database side of the benchmark host functions is
/// stubbed (`BenchExternalities`).
#[cfg(test)]
mod tests {
	use std::{
		any::{Any, TypeId},
		panic::{catch_unwind, AssertUnwindSafe},
	};

	use codec::Encode;
	use frame_benchmarking::{
		runtime_decl_for_benchmark::BenchmarkV2, BenchmarkConfig, BenchmarkParameter,
	};
	use sp_core::traits::{ReadRuntimeVersion, ReadRuntimeVersionExt};
	use sp_externalities::{Extension, ExtensionStore, Externalities, MultiRemovalResults};
	use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
	use sp_storage::{ChildInfo, StateVersion, TrackedStorageKey};

	use crate::{tests::preset_storage, Block, Runtime, VERSION};

	/// Pallets whose benchmarks run without their verification (`--no-verify` in
	/// `scripts/bench-weights.sh`), and why.
	const NOT_VERIFIED: &[&str] = &[
		// `remove_member` checks that the `MembershipChanged` handler knows the prime; this
		// runtime's lists have none (`()`).
		"pallet_membership",
	];

	/// The externalities of a test, with the benchmark host functions' database side stubbed:
	/// `commit` keeps the changes in the overlay (there is no database to write to), `wipe`
	/// drops them back to the genesis state, and nothing is counted.
	struct BenchExternalities<E> {
		inner: E,
		whitelist: Vec<TrackedStorageKey>,
	}

	impl<E: ExtensionStore> ExtensionStore for BenchExternalities<E> {
		fn extension_by_type_id(&mut self, type_id: TypeId) -> Option<&mut dyn Any> {
			self.inner.extension_by_type_id(type_id)
		}

		fn register_extension_with_type_id(
			&mut self,
			type_id: TypeId,
			extension: Box<dyn Extension>,
		) -> Result<(), sp_externalities::Error> {
			self.inner.register_extension_with_type_id(type_id, extension)
		}

		fn deregister_extension_by_type_id(
			&mut self,
			type_id: TypeId,
		) -> Result<(), sp_externalities::Error> {
			self.inner.deregister_extension_by_type_id(type_id)
		}
	}

	impl<E: Externalities> Externalities for BenchExternalities<E> {
		fn set_offchain_storage(&mut self, key: &[u8], value: Option<&[u8]>) {
			self.inner.set_offchain_storage(key, value)
		}

		fn storage(&mut self, key: &[u8]) -> Option<Vec<u8>> {
			self.inner.storage(key)
		}

		fn storage_hash(&mut self, key: &[u8]) -> Option<Vec<u8>> {
			self.inner.storage_hash(key)
		}

		fn child_storage_hash(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
			self.inner.child_storage_hash(child_info, key)
		}

		fn child_storage(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
			self.inner.child_storage(child_info, key)
		}

		fn next_storage_key(&mut self, key: &[u8]) -> Option<Vec<u8>> {
			self.inner.next_storage_key(key)
		}

		fn next_child_storage_key(
			&mut self,
			child_info: &ChildInfo,
			key: &[u8],
		) -> Option<Vec<u8>> {
			self.inner.next_child_storage_key(child_info, key)
		}

		fn kill_child_storage(
			&mut self,
			child_info: &ChildInfo,
			maybe_limit: Option<u32>,
			maybe_cursor: Option<&[u8]>,
		) -> MultiRemovalResults {
			self.inner.kill_child_storage(child_info, maybe_limit, maybe_cursor)
		}

		fn clear_prefix(
			&mut self,
			prefix: &[u8],
			maybe_limit: Option<u32>,
			maybe_cursor: Option<&[u8]>,
		) -> MultiRemovalResults {
			self.inner.clear_prefix(prefix, maybe_limit, maybe_cursor)
		}

		fn clear_child_prefix(
			&mut self,
			child_info: &ChildInfo,
			prefix: &[u8],
			maybe_limit: Option<u32>,
			maybe_cursor: Option<&[u8]>,
		) -> MultiRemovalResults {
			self.inner.clear_child_prefix(child_info, prefix, maybe_limit, maybe_cursor)
		}

		fn place_storage(&mut self, key: Vec<u8>, value: Option<Vec<u8>>) {
			self.inner.place_storage(key, value)
		}

		fn place_child_storage(
			&mut self,
			child_info: &ChildInfo,
			key: Vec<u8>,
			value: Option<Vec<u8>>,
		) {
			self.inner.place_child_storage(child_info, key, value)
		}

		fn storage_root(&mut self, state_version: StateVersion) -> Vec<u8> {
			self.inner.storage_root(state_version)
		}

		fn child_storage_root(
			&mut self,
			child_info: &ChildInfo,
			state_version: StateVersion,
		) -> Vec<u8> {
			self.inner.child_storage_root(child_info, state_version)
		}

		fn storage_append(&mut self, key: Vec<u8>, value: Vec<u8>) {
			self.inner.storage_append(key, value)
		}

		fn storage_start_transaction(&mut self) {
			self.inner.storage_start_transaction()
		}

		fn storage_rollback_transaction(&mut self) -> Result<(), ()> {
			self.inner.storage_rollback_transaction()
		}

		fn storage_commit_transaction(&mut self) -> Result<(), ()> {
			self.inner.storage_commit_transaction()
		}

		fn wipe(&mut self) {
			self.inner.wipe()
		}

		fn commit(&mut self) {}

		fn read_write_count(&self) -> (u32, u32, u32, u32) {
			(0, 0, 0, 0)
		}

		fn reset_read_write_count(&mut self) {}

		fn get_whitelist(&self) -> Vec<TrackedStorageKey> {
			self.whitelist.clone()
		}

		fn set_whitelist(&mut self, new: Vec<TrackedStorageKey>) {
			self.whitelist = new;
		}

		fn get_read_and_written_keys(&self) -> Vec<(Vec<u8>, u32, u32, bool)> {
			Vec::new()
		}
	}

	/// Reads every code `set_code` is shown as this runtime's version (`frame_system` does
	/// not compare versions when built with `runtime-benchmarks`).
	struct ThisVersion;

	impl ReadRuntimeVersion for ThisVersion {
		fn read_runtime_version(
			&self,
			_code: &[u8],
			_ext: &mut dyn sp_externalities::Externalities,
		) -> Result<Vec<u8>, String> {
			Ok(VERSION.encode())
		}
	}

	/// The shapes of components the CLI verifies first: all at their lowest, all at their
	/// highest, and each at its lowest with the others at their highest.
	fn component_shapes(
		components: &[(BenchmarkParameter, u32, u32)],
	) -> Vec<Vec<(BenchmarkParameter, u32)>> {
		let highest: Vec<_> = components.iter().map(|(p, _, high)| (*p, *high)).collect();
		let mut shapes = vec![components.iter().map(|(p, low, _)| (*p, *low)).collect()];
		shapes.push(highest.clone());
		for (i, (_, low, _)) in components.iter().enumerate() {
			let mut shape = highest.clone();
			shape[i].1 = *low;
			if !shapes.contains(&shape) {
				shapes.push(shape);
			}
		}
		shapes.dedup();
		shapes
	}

	/// Runs one benchmark as the CLI's runtime call does, on a fresh development genesis.
	fn run(config: BenchmarkConfig) -> Result<(), String> {
		let mut test = preset_storage("development");
		let state = test.externalities();
		state.register_extension(KeystoreExt::new(MemoryKeystore::new()));
		state.register_extension(ReadRuntimeVersionExt::new(ThisVersion));
		let mut ext = BenchExternalities { inner: state.ext(), whitelist: Vec::new() };
		sp_externalities::set_and_run_with_externalities(&mut ext, || {
			catch_unwind(AssertUnwindSafe(|| {
				<Runtime as BenchmarkV2<Block>>::dispatch_benchmark(config).map(|_| ())
			}))
			.unwrap_or_else(|panic| {
				Err(panic
					.downcast_ref::<String>()
					.cloned()
					.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
					.unwrap_or_else(|| "panicked".into()))
			})
		})
	}

	#[test]
	fn every_benchmark_runs_and_verifies_on_the_development_genesis() {
		let (pallets, _) = <Runtime as BenchmarkV2<Block>>::benchmark_metadata(false);
		let mut failures = Vec::new();
		let mut runs = 0;
		for pallet in pallets {
			let name = String::from_utf8_lossy(&pallet.pallet).into_owned();
			let verify = !NOT_VERIFIED.contains(&name.as_str());
			for benchmark in &pallet.benchmarks {
				let benchmark_name = String::from_utf8_lossy(&benchmark.name).into_owned();
				for components in component_shapes(&benchmark.components) {
					runs += 1;
					let config = BenchmarkConfig {
						pallet: pallet.pallet.clone(),
						instance: pallet.instance.clone(),
						benchmark: benchmark.name.clone(),
						selected_components: components.clone(),
						verify,
						internal_repeats: 1,
					};
					if let Err(error) = run(config) {
						failures.push(format!("{name}::{benchmark_name} {components:?}: {error}"));
					}
				}
			}
		}
		assert!(runs > 0, "no benchmark listed");
		assert!(
			failures.is_empty(),
			"{} of {runs} runs failed:\n{}",
			failures.len(),
			failures.join("\n")
		);
	}
}
