//! Time and consensus: `pallet-timestamp`, the validator set (`pallet-validator-set`, kept by
//! the council), sessions (`pallet-session`), Aura block production and GRANDPA finality.
//!
//! Aura and GRANDPA authorities follow the session: a validator registers its keys with
//! `session.set_keys` (after `author_rotateKeysWithOwner` on its node), a council motion adds
//! it to the validator set, and the session that starts after the next rotation makes it an
//! authority of both. See `docs/validators.md`.

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use super::governance::SupermajorityOrigin;
use crate::{
	AccountId, Aura, Balance, Balances, BlockNumber, Runtime, RuntimeEvent, Session, SessionKeys,
	ValidatorSet, SLOT_DURATION, USDX,
};

/// Most validators the chain can have.
pub type MaxAuthorities = ConstU32<32>;

/// Blocks in one session: twenty seconds.
///
/// A validator change, and a GRANDPA recovery (`grandpa.note_stalled`), takes effect at a
/// session boundary: within two sessions of the motion. Short sessions keep that within a
/// minute on the development and local chains; a production network of institutions may
/// prefer ten minutes (`600`), which only spaces out the moments a change can take effect.
pub const SESSION_LENGTH: BlockNumber = 20;

/// The fewest validators the council may leave in the set: a removal that would leave fewer
/// is refused (`TooFewValidators`).
///
/// GRANDPA finalizes with the votes of more than two thirds of the validators, so a set of
/// `n` keeps finalizing with `(n - 1) / 3` (rounded down) validators absent: none below four.
/// The runtime never goes below three, the local testnet's size; a production network should
/// keep at least four, so that one validator can fail without stopping finality. (The
/// development chain starts with its one validator; the minimum applies to removals.)
pub const MIN_VALIDATORS: u32 = 3;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Aura's slot is twice this period, so half the slot duration gives the slot length.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_validator_set::Config for Runtime {
	/// Three quarters of the council add, remove and replace validators.
	type UpdateOrigin = SupermajorityOrigin;
	/// A validator must have registered its session keys before it is added.
	type ValidatorRegistration = Session;
	type MaxValidators = MaxAuthorities;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type WeightInfo = crate::weights::pallet_validator_set::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SessionKeysForBenchmarks;
}

/// Registers session keys for an account as a validator does, so that benchmarks can add it:
/// fresh keys from the benchmark's keystore, their proof of possession, `session.set_keys`.
#[cfg(feature = "runtime-benchmarks")]
pub struct SessionKeysForBenchmarks;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::BenchmarkHelper<AccountId> for SessionKeysForBenchmarks {
	fn register_keys(who: &AccountId) {
		use codec::Encode;
		use frame_support::traits::fungible::Mutate;
		// The key deposit is held on top of the existential deposit.
		Balances::mint_into(who, SessionKeyDeposit::get() + crate::EXISTENTIAL_DEPOSIT)
			.expect("a benchmark account can be funded");
		let generated = SessionKeys::generate(&who.encode(), None);
		Session::set_keys(
			frame_system::RawOrigin::Signed(who.clone()).into(),
			generated.keys,
			generated.proof.encode(),
		)
		.expect("fresh keys with their proof register");
	}
}

parameter_types! {
	/// Blocks in one session.
	pub const SessionPeriod: BlockNumber = SESSION_LENGTH;
	/// The first session starts at genesis.
	pub const SessionOffset: BlockNumber = 0;
	/// Held from a validator's account while its session keys are registered (returned by
	/// `session.purge_keys`), so that nobody stores keys for free.
	pub const SessionKeyDeposit: Balance = 10 * USDX;
}

/// Sessions rotate every [`SESSION_LENGTH`] blocks.
pub type SessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is known by its account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = SessionRotation;
	type NextSessionRotation = SessionRotation;
	/// The council's validator set decides who validates in each session.
	type SessionManager = ValidatorSet;
	/// Aura and GRANDPA take their authorities from the session.
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// A permissioned chain has no slashing and no automatic disabling.
	type DisablingStrategy = ();
	type WeightInfo = crate::weights::pallet_session::WeightInfo<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// The pallet's own figures: its benchmarks (`check_equivocation_proof`, `note_stalled`)
	/// do not match its `WeightInfo` (`report_equivocation`, `note_stalled`), so the benchmark
	/// CLI cannot write a weight file that implements it. `report_equivocation` cannot be
	/// called here (`KeyOwnerProof` is `Void`); `note_stalled`, a rare root call, is weighed at
	/// 3 µs and one RocksDB write, more than a ParityDB write costs.
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	/// A permissioned chain has no nominators.
	type MaxNominators = ConstU32<0>;
	/// Equivocation reports are not used (no key-ownership proofs), so only the current
	/// set id's session is remembered.
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}
