//! A test runtime: `frame_system`, the real `pallet_collective` as the council (with
//! [`Motion`] as its proposal type), this pallet, and a `probe` pallet whose calls record who
//! they see acting.

use crate as pallet_audit;
use crate::*;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, ConstU64, EitherOfDiverse},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use pallet_collective::{EnsureProportionAtLeast, Instance1, PrimeDefaultVote};
use scale_info::TypeInfo;
use sp_runtime::BuildStorage;

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
	pub type Council = pallet_collective::Pallet<Test, Instance1>;

	#[runtime::pallet_index(2)]
	pub type Audit = pallet_audit::Pallet<Test>;

	#[runtime::pallet_index(3)]
	pub type Probe = probe::Pallet<Test>;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	/// The most weight a council motion may dispatch.
	pub MaxProposalWeight: Weight = Weight::from_parts(1_000_000_000_000, u64::MAX);
}

impl pallet_collective::Config<Instance1> for Test {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = Motion<RuntimeCall>;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = ConstU64<3>;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<100>;
	type DefaultVote = PrimeDefaultVote;
	type WeightInfo = ();
	type SetMembersOrigin = EnsureRoot<u64>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<u64>;
	type KillOrigin = EnsureRoot<u64>;
	type Consideration = ();
}

impl MotionCall for RuntimeCall {}

/// What the test runtime's audited origins authorize.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Scope {
	/// The probe's guarded call.
	Guarded,
	/// An origin audited directly in the tests.
	Direct,
}

parameter_types! {
	/// The scope of the probe's guard.
	pub const GuardedScope: Scope = Scope::Guarded;
	/// The scope of the origins audited directly in the tests.
	pub const DirectScope: Scope = Scope::Direct;
}

impl pallet_audit::Config for Test {
	type Scope = Scope;
}

/// A council member (the proposer in the tests).
pub const ALICE: u64 = 1;
/// A council member.
pub const BOB: u64 = 2;
/// A council member.
pub const CHARLIE: u64 = 3;
/// The guardian: passes the probe's guard alone.
pub const GUARDIAN: u64 = 10;
/// Nobody in particular.
pub const MALLORY: u64 = 66;

ord_parameter_types! {
	/// The guardian, as a type.
	pub const Guardian: u64 = GUARDIAN;
}

/// Two thirds of the council.
pub type CouncilTwoThirds = EnsureProportionAtLeast<u64, Instance1, 2, 3>;

/// The probe's privileged origin, unaudited: the guardian, root, or two thirds of the
/// council.
pub type Privileged = EitherOfDiverse<
	EnsureSignedBy<Guardian, u64>,
	EitherOfDiverse<EnsureRoot<u64>, CouncilTwoThirds>,
>;

impl probe::Config for Test {
	type Guard = AuditedOrigin<Test, Privileged, GuardedScope>;
}

/// A pallet whose calls say who they see acting.
#[frame_support::pallet(dev_mode)]
pub mod probe {
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Dispatchable;
	use stablecoin_primitives::Actor;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The origin of [`Pallet::guarded`].
		type Guard: EnsureOrigin<Self::RuntimeOrigin>;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The call saw `by` acting.
		Seen { by: Actor<T::AccountId> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The call failed after its origin check, as asked.
		Failed,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Record who acts.
		#[pallet::call_index(0)]
		pub fn record(origin: OriginFor<T>) -> DispatchResult {
			Self::deposit_event(Event::Seen { by: Actor::from_origin(origin) });
			Ok(())
		}

		/// Record who acts, dispatch `call` as a motion with the same origin, and record who
		/// acts again.
		#[pallet::call_index(1)]
		pub fn within(
			origin: OriginFor<T>,
			call: Box<<T as frame_system::Config>::RuntimeCall>,
		) -> DispatchResult {
			Self::deposit_event(Event::Seen { by: Actor::from_origin(origin.clone()) });
			crate::Motion(*call).dispatch(origin.clone()).map_err(|e| e.error)?;
			Self::deposit_event(Event::Seen { by: Actor::from_origin(origin) });
			Ok(())
		}

		/// Check [`Config::Guard`], then fail if `fail`.
		#[pallet::call_index(2)]
		pub fn guarded(origin: OriginFor<T>, fail: bool) -> DispatchResult {
			T::Guard::ensure_origin(origin)?;
			ensure!(!fail, Error::<T>::Failed);
			Ok(())
		}
	}
}

/// A call of the probe, as a runtime call.
pub fn record() -> RuntimeCall {
	RuntimeCall::Probe(probe::Call::record {})
}

/// The probe's guarded call, as a runtime call.
pub fn guarded(fail: bool) -> RuntimeCall {
	RuntimeCall::Probe(probe::Call::guarded { fail })
}

/// The probe's `within` call, as a runtime call.
pub fn within(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Probe(probe::Call::within { call: Box::new(call) })
}

/// The events so far, oldest first.
pub fn events() -> Vec<RuntimeEvent> {
	System::events().into_iter().map(|record| record.event).collect()
}

/// The actors the probe saw, oldest first.
pub fn seen() -> Vec<ActorOf<Test>> {
	events()
		.into_iter()
		.filter_map(|event| match event {
			RuntimeEvent::Probe(probe::Event::Seen { by }) => Some(by),
			_ => None,
		})
		.collect()
}

/// This pallet's events so far, oldest first.
pub fn audit_events() -> Vec<Event<Test>> {
	events()
		.into_iter()
		.filter_map(|event| match event {
			RuntimeEvent::Audit(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The externalities, at block 1, with the council `ALICE`, `BOB`, `CHARLIE`.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let genesis = RuntimeGenesisConfig {
		system: Default::default(),
		council: pallet_collective::GenesisConfig {
			members: vec![ALICE, BOB, CHARLIE],
			..Default::default()
		},
	};
	let storage = genesis.build_storage().expect("genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run `test` in [`new_test_ext`], then check that no motion is left in
/// [`CurrentMotion`](stablecoin_primitives::CurrentMotion).
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		assert!(!stablecoin_primitives::CurrentMotion::exists(), "no motion outlives its dispatch");
	});
}
