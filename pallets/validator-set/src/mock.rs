//! A test runtime: `frame_system`, `pallet_balances` (for the session key deposit), this
//! pallet and the real `pallet_session`, with `UintAuthorityId` keys and sessions of
//! [`PERIOD`] blocks.

use crate as pallet_validator_set;
use crate::*;
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU64, EitherOfDiverse, Hooks},
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use pallet_session::{PeriodicSessions, TestSessionHandler};
use sp_runtime::{testing::UintAuthorityId, traits::ConvertInto, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system::Pallet<Test>;

	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances::Pallet<Test>;

	// Before `Session`: the session's genesis asks this pallet for the genesis set.
	#[runtime::pallet_index(2)]
	pub type ValidatorSet = pallet_validator_set::Pallet<Test>;

	#[runtime::pallet_index(3)]
	pub type Session = pallet_session::Pallet<Test>;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// Blocks per session.
pub const PERIOD: u64 = 5;
/// The deposit held when an account first sets session keys.
pub const KEY_DEPOSIT: u64 = 10;

parameter_types! {
	pub const Period: u64 = PERIOD;
	pub const Offset: u64 = 0;
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = PeriodicSessions<Period, Offset>;
	type NextSessionRotation = PeriodicSessions<Period, Offset>;
	type SessionManager = ValidatorSet;
	type SessionHandler = TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<KEY_DEPOSIT>;
}

/// The governance account (governance is root or this account).
pub const GOV: u64 = 100;

ord_parameter_types! {
	pub const Gov: u64 = GOV;
}

#[derive_impl(pallet_validator_set::config_preludes::TestDefaultConfig)]
impl pallet_validator_set::Config for Test {
	type UpdateOrigin = EitherOfDiverse<EnsureRoot<u64>, EnsureSignedBy<Gov, u64>>;
	type ValidatorRegistration = Session;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Gives benchmark accounts funds for the key deposit and session keys.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<u64> for MockBenchmarkHelper {
	fn register_keys(who: &u64) {
		set_keys(*who);
	}
}

/// Genesis validators, with session keys.
pub const A: u64 = 1;
pub const B: u64 = 2;
pub const C: u64 = 3;
/// Not validators at genesis, but with session keys.
pub const D: u64 = 4;
pub const E: u64 = 5;
pub const F: u64 = 6;
/// An account without session keys.
pub const MALLORY: u64 = 66;

/// The governance origin (root).
pub fn governance() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// A signed origin.
pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Fund `who` and register its session keys (`UintAuthorityId(who)`), as a validator does
/// with `session.set_keys` before governance adds it.
pub fn set_keys(who: u64) {
	use frame_support::traits::fungible::Mutate;
	Balances::mint_into(&who, 1_000).expect("minting works");
	Session::set_keys(signed(who), UintAuthorityId(who), Vec::new()).expect("keys set");
}

/// The validator set, as a plain vector.
pub fn validators() -> Vec<u64> {
	Validators::<Test>::get().into_inner()
}

/// Run blocks up to `n`, running the session's `on_initialize` (which rotates sessions every
/// [`PERIOD`] blocks).
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}

/// Run blocks until session `index` has started.
pub fn run_to_session(index: u32) {
	run_to_block(u64::from(index) * PERIOD);
	assert_eq!(Session::current_index(), index);
}

/// This pallet's events so far, oldest first.
pub fn validator_set_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ValidatorSet(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Genesis for the tests.
pub struct ExtBuilder {
	validators: Vec<u64>,
	/// Accounts with session keys that are not genesis validators.
	candidates: Vec<u64>,
	/// Whether this pallet's genesis gets the validators (otherwise only the session does).
	managed: bool,
}

impl Default for ExtBuilder {
	/// Validators A, B and C; D, E and F have session keys too.
	fn default() -> Self {
		Self { validators: vec![A, B, C], candidates: vec![D, E, F], managed: true }
	}
}

impl ExtBuilder {
	/// Set the genesis validators (each given session keys).
	pub fn validators(mut self, validators: &[u64]) -> Self {
		self.validators = validators.to_vec();
		self
	}

	/// Set the accounts that have session keys but are not validators at genesis.
	pub fn candidates(mut self, candidates: &[u64]) -> Self {
		self.candidates = candidates.to_vec();
		self
	}

	/// Give the validators to the session's genesis only, leaving this pallet's genesis
	/// empty.
	pub fn unmanaged(mut self) -> Self {
		self.managed = false;
		self
	}

	/// The externalities, at block 1 (session 0).
	pub fn build(self) -> sp_io::TestExternalities {
		let mut keyed = self.validators.clone();
		keyed.sort();
		keyed.dedup();
		let candidates: Vec<u64> =
			self.candidates.iter().copied().filter(|who| !keyed.contains(who)).collect();
		let key = |who: &u64| (*who, *who, UintAuthorityId(*who));
		let genesis = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig {
				balances: keyed
					.iter()
					.chain(candidates.iter())
					.chain([GOV, MALLORY].iter())
					.map(|who| (*who, 1_000))
					.collect(),
				..Default::default()
			},
			validator_set: pallet_validator_set::GenesisConfig {
				initial_validators: if self.managed { self.validators } else { Vec::new() },
			},
			session: pallet_session::GenesisConfig {
				keys: keyed.iter().map(key).collect(),
				non_authority_keys: candidates.iter().map(key).collect(),
			},
		};
		let storage = genesis.build_storage().expect("genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			ValidatorSet::do_try_state().expect("invariants hold after the test");
		});
	}
}

/// The default genesis, for the benchmark test suite.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}
