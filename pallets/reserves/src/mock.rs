//! A test runtime: `frame_system`, `pallet_timestamp` and this pallet, with settable
//! liabilities (circulating supply and pending redemptions).

use crate as pallet_reserves;
use crate::*;
use frame_support::{derive_impl, parameter_types, traits::Hooks};
use frame_system::EnsureRoot;
use sp_core::H256;
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
	pub type Timestamp = pallet_timestamp::Pallet<Test>;

	#[runtime::pallet_index(2)]
	pub type Reserves = pallet_reserves::Pallet<Test>;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

/// Amounts in the tests, as in the runtime ([`Config::Balance`]).
pub type Balance = u128;

parameter_types! {
	/// The circulating supply the mock reports; tests set it (most tests set only this, so
	/// it stands for all the liabilities).
	pub static Circulating: Balance = 0;
	/// Redemptions burned but not yet paid out; tests set it.
	pub static PendingRedemptions: Balance = 0;
}

/// The stablecoin's liabilities, as the tests set them: circulating supply plus pending
/// redemptions.
pub struct MockSupply;

impl stablecoin_primitives::Supply<Balance> for MockSupply {
	fn liabilities() -> Balance {
		// Test amounts stay far below `u128::MAX`.
		Circulating::get().saturating_add(PendingRedemptions::get())
	}
}

#[derive_impl(pallet_reserves::config_preludes::TestDefaultConfig)]
impl pallet_reserves::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type Time = Timestamp;
	type Supply = MockSupply;
}

/// Reserve attestors.
pub const ANNA: u64 = 1;
pub const BORIS: u64 = 2;
pub const CLARA: u64 = 3;
/// An account that is not an attestor.
pub const MALLORY: u64 = 66;

/// The time the tests start at: 2024-01-01T00:00:00Z, in milliseconds.
pub const START: Moment = 1_704_067_200_000;
/// One USD in the smallest unit.
pub const USD: Balance = 1_000_000;

/// The governance origin.
pub fn governance() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// A signed origin.
pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Move the clock.
pub fn set_now(now: Moment) {
	Timestamp::set_timestamp(now);
}

/// Set the circulating supply.
pub fn set_supply(supply: Balance) {
	Circulating::set(supply);
}

/// Set the redemptions burned but not yet paid out.
pub fn set_pending_redemptions(amount: Balance) {
	PendingRedemptions::set(amount);
}

/// A custodian identifier from a short name.
pub fn custodian(name: &str) -> CustodianId {
	let mut id = [0u8; 32];
	id[..name.len()].copy_from_slice(name.as_bytes());
	id
}

/// A report as of `as_of` covering the preceding 30 days: all of `cash` as cash and deposits
/// held by one bank, plus `bills` of T-bills held by a broker; report hash `n`.
pub fn report(as_of: Moment, cash: Balance, bills: Balance, n: u8) -> AttestationOf<Test> {
	let mut custodians = vec![(custodian("bank"), cash)];
	if bills > 0 {
		custodians.push((custodian("broker"), bills));
	}
	Attestation {
		as_of,
		period_start: as_of.saturating_sub(30 * DAY_MS),
		period_end: as_of,
		amounts: CategoryAmounts {
			cash_and_deposits: cash,
			treasury_bills: bills,
			..Default::default()
		},
		custodians: custodians.try_into().expect("within MaxCustodians"),
		total: cash + bills,
		report_hash: H256::repeat_byte(n),
	}
}

/// Advance to the next block, running the hooks of the block that ends and the one that
/// starts, at time `now`.
pub fn next_block(now: Moment) {
	let n = System::block_number();
	<Reserves as Hooks<u64>>::on_finalize(n);
	System::set_block_number(n + 1);
	set_now(now);
	<Reserves as Hooks<u64>>::on_initialize(n + 1);
}

/// The events this pallet emitted, oldest first.
pub fn reserve_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Reserves(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Genesis for the tests.
pub struct ExtBuilder {
	genesis: pallet_reserves::GenesisConfig<Test>,
	genesis_supply: Balance,
	supply: Balance,
}

impl Default for ExtBuilder {
	/// Attestors Anna, Boris and Clara, quorum 1, default parameters, no attestation.
	fn default() -> Self {
		Self {
			genesis: pallet_reserves::GenesisConfig {
				attestors: vec![ANNA, BORIS, CLARA],
				..Default::default()
			},
			genesis_supply: 0,
			supply: 0,
		}
	}
}

impl ExtBuilder {
	/// Set the quorum.
	pub fn quorum(mut self, quorum: u32) -> Self {
		self.genesis.quorum = quorum;
		self
	}

	/// Set the attestors.
	pub fn attestors(mut self, attestors: &[u64]) -> Self {
		self.genesis.attestors = attestors.to_vec();
		self
	}

	/// Start with an effective attestation.
	pub fn attested(mut self, attestation: AttestationOf<Test>) -> Self {
		self.genesis.initial_attestation = Some(attestation.into_view());
		self
	}

	/// Set the circulating supply from block 1 on (no pending redemptions). The genesis
	/// itself is built with [`ExtBuilder::genesis_supply`], so that a test can start in a
	/// shortfall the genesis would refuse.
	pub fn supply(mut self, supply: Balance) -> Self {
		self.supply = supply;
		self
	}

	/// Set the circulating supply the genesis is built with (zero by default).
	pub fn genesis_supply(mut self, supply: Balance) -> Self {
		self.genesis_supply = supply;
		self
	}

	/// Replace the whole genesis.
	pub fn genesis(mut self, genesis: pallet_reserves::GenesisConfig<Test>) -> Self {
		self.genesis = genesis;
		self
	}

	/// The externalities, at block 1 and time `START`, with block 1's hooks run.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.expect("system genesis builds");
		set_supply(self.genesis_supply);
		set_pending_redemptions(0);
		self.genesis.assimilate_storage(&mut storage).expect("pallet genesis builds");
		set_supply(self.supply);
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			set_now(START);
			<Reserves as Hooks<u64>>::on_initialize(1);
		});
		ext
	}

	/// Run `test`, end the block (as a block does before `try_state`), then check the
	/// pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			<Reserves as Hooks<u64>>::on_finalize(System::block_number());
			Reserves::do_try_state().expect("invariants hold after the test");
		});
	}
}
