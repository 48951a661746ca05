//! # Validator set pallet
//!
//! The USDX chain's answer to "who produces and finalizes blocks?": a permissioned set of
//! validators, changed only by governance, which `pallet-session` hands to Aura and GRANDPA at
//! each session rotation.
//!
//! ## Overview
//!
//! The chain runs Aura (block production) and GRANDPA (finality) with authorities rotated by
//! `pallet-session`. This pallet is the session's
//! [`SessionManager`](pallet_session::SessionManager): it keeps the validator set
//! ([`Validators`], account ids, sorted, at most [`Config::MaxValidators`]) and, when the set
//! has changed, gives the new set to the session at the next rotation.
//!
//! Governance ([`Config::UpdateOrigin`], a council motion in the runtime) adds
//! (`add_validator`), removes (`remove_validator`) and replaces (`replace_validator`)
//! validators. A validator must first register its session keys with `pallet-session`
//! (`session.set_keys`, checked through [`Config::ValidatorRegistration`]), so that a new
//! validator can never leave Aura or GRANDPA with an authority that has no keys.
//!
//! ## Primary features
//!
//! - **Governed.** Only [`Config::UpdateOrigin`] changes the set; every change emits an event
//!   naming who made it ([`Actor`]).
//! - **GRANDPA stays live.** The set never shrinks below [`Config::MinValidators`] (nor ever
//!   to zero): a removal that would leave fewer is refused with
//!   [`Error::TooFewValidators`]. Replacing a validator keeps the size of the set, so a
//!   compromised validator can be swapped out even at the minimum.
//! - **Keys first.** A validator is added (or brought in by a replacement) only if its session
//!   keys are registered; otherwise [`Error::KeysNotRegistered`].
//! - **Changes wait for the session boundary.** Calls only change [`Validators`] and set
//!   [`SetChanged`]; at the next rotation the session receives the whole set, once
//!   ([`Event::NewSetPlanned`]), however many changes were made in between.
//! - **Bounded.** The set is a bounded vector of at most [`Config::MaxValidators`]; membership
//!   is a binary search; no call or hook iterates anything else.
//!
//! ## Example
//!
//! A validator added by governance, active two session rotations later (the unit test
//! `an_added_validator_becomes_active_after_two_rotations`):
//!
#![doc = docify::embed!("src/tests/session.rs", an_added_validator_becomes_active_after_two_rotations)]
//!
//! ## Low-level details
//!
//! - **Timing.** `pallet-session` plans a set one session ahead: a change made during session
//!   `s` is returned by `new_session(s + 2)` when `s` ends, and the new validators author
//!   from session `s + 2` on. GRANDPA enacts the change when the block of that rotation is
//!   finalized.
//! - **Genesis.** The genesis set ([`GenesisConfig::initial_validators`]) is sorted and
//!   deduplicated; the build panics if it is larger than [`Config::MaxValidators`]. It may
//!   be smaller than [`Config::MinValidators`] (a development chain with one validator); such
//!   a set can grow and be replaced, but not shrink. The session takes it through
//!   `new_session_genesis`, so in the runtime this pallet must come **before** `Session`
//!   (genesis is built in pallet order), and the session's genesis `keys` must hold the keys
//!   of every initial validator.
//! - **Empty genesis.** An empty genesis set is accepted and stores nothing, because FRAME
//!   builds `RuntimeGenesisConfig::default()` in a unit test it generates for every runtime
//!   (`test_genesis_config_builds`), which a panic would fail. The pallet is then
//!   *unmanaged*: `new_session_genesis` returns `None`, so the session starts from its own
//!   genesis `keys`, and `try_state` reports the missing set. Every real chain spec must list
//!   the validators: governance's first `add_validator` on an empty set would hand the
//!   session a set of one.
//! - **Keys may still vanish.** A validator can `purge_keys` after it was added. The session
//!   skips validators without keys when it queues a set (with a warning), so the active set
//!   may then be smaller than [`Validators`]; governance should remove or replace such a
//!   validator. Removed validators keep their keys (and key deposit) until they purge them.
//! - **Session manager.** `new_session` returns `None` (keep the current set) unless
//!   [`SetChanged`] is set; then it clears the flag and returns the whole set.
//!   `new_session_genesis` returns the set if it is not empty. `start_session` and
//!   `end_session` do nothing. The session charges its rotation as a full block, so the hook
//!   needs no weight of its own.
//! - **Invariants**, checked by `try_state` (and after every unit test): validators are
//!   sorted and unique, and there are at least one and at most [`Config::MaxValidators`]
//!   of them. At least [`Config::MinValidators`] is not an invariant, because genesis may
//!   hold fewer; the calls never move the count below it, or further below it.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impls;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use frame_support::BoundedVec;
use stablecoin_primitives::Actor;

/// Who performed a privileged action, in runtime `T`.
pub type ActorOf<T> = Actor<<T as frame_system::Config>::AccountId>;
/// The validator set of runtime `T`, sorted.
pub type ValidatorsOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

/// Prepares the runtime's other pallets for this pallet's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Make `who` registrable as a validator: give it session keys, so that
	/// [`Config::ValidatorRegistration`] reports it as registered.
	fn register_keys(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Default configurations of this pallet.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, traits::ConstU32};

		/// Small bounds for unit tests, so that limits are easy to reach: at most 5 validators,
		/// at least 2.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxValidators = ConstU32<5>;
			type MinValidators = ConstU32<2>;
			type WeightInfo = ();
		}
	}

	/// Configuration of the pallet.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Governance: adds, removes and replaces validators.
		#[pallet::no_default]
		type UpdateOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether an account has registered its session keys (`pallet_session::Pallet` in the
		/// runtime). Checked for every validator that joins the set.
		#[pallet::no_default]
		type ValidatorRegistration: ValidatorRegistration<Self::AccountId>;

		/// The most validators there may be. Above [`Config::MinValidators`].
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The fewest validators the calls may leave, so that GRANDPA keeps a finalizing
		/// supermajority when validators fail. At least 1.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Gives accounts session keys for this pallet's benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The validators, sorted, each once. The session takes this set at the next rotation
	/// after [`SetChanged`] was set.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// Whether [`Validators`] changed since the session last took it: the change waits for the
	/// next session rotation.
	#[pallet::storage]
	pub type SetChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator was added; it takes part from the session after the next.
		ValidatorAdded { validator: T::AccountId, by: ActorOf<T> },
		/// A validator was removed; it leaves from the session after the next.
		ValidatorRemoved { validator: T::AccountId, by: ActorOf<T> },
		/// Validator `old` was replaced by `new`, from the session after the next.
		ValidatorReplaced { old: T::AccountId, new: T::AccountId, by: ActorOf<T> },
		/// The changed set was handed to the session, to become active in `session`.
		NewSetPlanned { session: u32, validators: ValidatorsOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The account has not registered session keys (`session.set_keys`).
		KeysNotRegistered,
		/// There are already [`Config::MaxValidators`] validators.
		TooManyValidators,
		/// The change would leave fewer than [`Config::MinValidators`] validators.
		TooFewValidators,
		/// The call needs the validator set's update origin (governance on this chain), and
		/// the origin is not it.
		NotGovernance,
	}

	/// The initial validators.
	///
	/// The build sorts and deduplicates them, and panics if there are more than
	/// [`Config::MaxValidators`]. An empty list (the `Default`, which FRAME's generated
	/// `test_genesis_config_builds` builds) stores nothing and leaves the session to its own
	/// genesis keys; a real chain spec must list the validators.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validators from genesis on; at most [`Config::MaxValidators`]. Each needs its
		/// session keys in the session's genesis `keys`.
		pub initial_validators: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "MinValidators must be at least 1");
			assert!(
				T::MinValidators::get() < T::MaxValidators::get(),
				"MinValidators must be below MaxValidators, so that a validator can be removed"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add `who` to the validator set, from the session after the next.
		///
		/// - Origin: [`Config::UpdateOrigin`].
		/// - Emits [`Event::ValidatorAdded`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::AlreadyValidator`];
		///   [`Error::KeysNotRegistered`] if `who` has no session keys;
		///   [`Error::TooManyValidators`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_update(origin)?;
			Self::do_add_validator(who, by)
		}

		/// Remove `who` from the validator set, from the session after the next.
		///
		/// - Origin: [`Config::UpdateOrigin`].
		/// - Emits [`Event::ValidatorRemoved`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::NotValidator`]; [`Error::TooFewValidators`]
		///   if fewer than [`Config::MinValidators`] (or none) would remain.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_update(origin)?;
			Self::do_remove_validator(who, by)
		}

		/// Replace validator `old` by `new`, from the session after the next. The size of the
		/// set does not change, so this works at [`Config::MinValidators`] too.
		///
		/// - Origin: [`Config::UpdateOrigin`].
		/// - Emits [`Event::ValidatorReplaced`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::NotValidator`] if `old` is not a validator;
		///   [`Error::AlreadyValidator`] if `new` is one (including `new == old`);
		///   [`Error::KeysNotRegistered`] if `new` has no session keys.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::replace_validator())]
		pub fn replace_validator(
			origin: OriginFor<T>,
			old: T::AccountId,
			new: T::AccountId,
		) -> DispatchResult {
			let by = Self::ensure_update(origin)?;
			Self::do_replace_validator(old, new, by)
		}
	}
}
