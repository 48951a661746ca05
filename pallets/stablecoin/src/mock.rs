//! A test runtime: `frame_system`, `pallet_timestamp`, `pallet_balances` and this pallet, with
//! the seams (compliance, identity accounts, reserve cap, breaker) mocked by settable
//! thread-local values.

use crate as pallet_stablecoin;
use crate::*;
use core::cell::RefCell;
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{Contains, Hooks, SortedMembers, VariantCountOf},
};
use frame_system::EnsureSignedBy;
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use stablecoin_primitives::{
	Breaker, Compliance, ComplianceError, GuardedOperation, IdentityAccounts, IdentityId,
	Operation, ReserveCap, ReserveStatus,
};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

/// The ledger's balance type.
pub type Balance = u128;

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
	pub type Balances = pallet_balances::Pallet<Test>;

	#[runtime::pallet_index(3)]
	pub type Stablecoin = pallet_stablecoin::Pallet<Test>;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
}

/// One US dollar in smallest units.
pub const USD: Balance = 1_000_000;

/// Holders (compliant unless a test says otherwise).
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CHARLIE: u64 = 3;
pub const DAVE: u64 = 4;
/// Someone with no identity in the tests that need one.
pub const MALLORY: u64 = 66;
/// The role holders.
pub const GOVERNOR: u64 = 100;
pub const FIAT_DESK: u64 = 101;
/// The fiat desk's second and third operators (funding needs two of the three).
pub const FIAT_DESK_2: u64 = 103;
pub const FIAT_DESK_3: u64 = 104;
pub const OFFICER: u64 = 102;
/// The fee and treasury accounts.
pub const FEE: u64 = 200;
pub const TREASURY: u64 = 201;

/// Alice's and Bob's identity (Bob and Charlie share one); Dave has his own. Any other
/// account but Mallory's has an identity of its own, [`own_identity`].
pub const ALICE_ID: IdentityId = 1;
pub const BOB_ID: IdentityId = 2;
pub const DAVE_ID: IdentityId = 4;

/// 2024-01-01T00:00:00Z (a Monday), in milliseconds.
pub const START: Moment = 1_704_067_200_000;
/// One day, in milliseconds.
pub const DAY: Moment = DAY_MS;

ord_parameter_types! {
	pub const Governor: u64 = GOVERNOR;
	pub const Officer: u64 = OFFICER;
}

/// The fiat desk's operators.
pub struct FiatDesk;
impl SortedMembers<u64> for FiatDesk {
	fn sorted_members() -> Vec<u64> {
		vec![FIAT_DESK, FIAT_DESK_2, FIAT_DESK_3]
	}
}

/// The role holders, who cannot be frozen.
pub struct RoleHolders;
impl Contains<u64> for RoleHolders {
	fn contains(who: &u64) -> bool {
		[GOVERNOR, FIAT_DESK, FIAT_DESK_2, FIAT_DESK_3, OFFICER].contains(who)
	}
}

parameter_types! {
	pub const FeeAccount: u64 = FEE;
	pub const TreasuryAccount: u64 = TREASURY;
}

thread_local! {
	static REFUSALS: RefCell<BTreeMap<(u64, Operation), ComplianceError>> =
		const { RefCell::new(BTreeMap::new()) };
	static LIMITS: RefCell<BTreeMap<(u64, Operation), u128>> =
		const { RefCell::new(BTreeMap::new()) };
	static IDENTITIES: RefCell<BTreeMap<IdentityId, Vec<u64>>> =
		const { RefCell::new(BTreeMap::new()) };
	static HEADROOM: RefCell<Balance> = const { RefCell::new(Balance::MAX) };
	static FRESH: RefCell<bool> = const { RefCell::new(true) };
	static SHORT: RefCell<bool> = const { RefCell::new(false) };
	static TRIPPED: RefCell<Vec<GuardedOperation>> = const { RefCell::new(Vec::new()) };
	static VOLUME: RefCell<Vec<(GuardedOperation, Balance)>> = const { RefCell::new(Vec::new()) };
	static WINDING_DOWN: RefCell<bool> = const { RefCell::new(false) };
	static BREAKER_MINT_LIMIT: RefCell<Option<Balance>> = const { RefCell::new(None) };
}

/// Compliance answers set by the tests: everyone may do everything unless refused.
pub struct MockCompliance;
impl Compliance<u64> for MockCompliance {
	fn check(who: &u64, operation: Operation) -> Result<(), ComplianceError> {
		REFUSALS.with(|r| r.borrow().get(&(*who, operation)).copied()).map_or(Ok(()), Err)
	}

	fn check_amount(who: &u64, operation: Operation, amount: u128) -> Result<(), ComplianceError> {
		Self::check(who, operation)?;
		match LIMITS.with(|l| l.borrow().get(&(*who, operation)).copied()) {
			Some(limit) if amount > limit => Err(ComplianceError::AboveJurisdictionLimit),
			_ => Ok(()),
		}
	}
}

/// Limit the amount of `operation` by `who`, as its jurisdiction's rule would: what one
/// payment sends, one request's amount, or for `Hold` the balance it may reach by receiving.
pub fn limit(who: u64, operation: Operation, max_amount: Balance) {
	LIMITS.with(|l| l.borrow_mut().insert((who, operation), max_amount));
}

/// Refuse `who` every operation in `operations` with `error`.
pub fn refuse(who: u64, operations: &[Operation], error: ComplianceError) {
	REFUSALS.with(|r| {
		for op in operations {
			r.borrow_mut().insert((who, *op), error);
		}
	});
}

/// Refuse `who` every operation with `error`.
pub fn refuse_all(who: u64, error: ComplianceError) {
	refuse(who, &Operation::ALL, error);
}

/// Let everyone do everything again.
pub fn reset_refusals() {
	REFUSALS.with(|r| r.borrow_mut().clear());
}

/// The identity of an account that no test linked to one: its own (Mallory has none).
pub fn own_identity(who: u64) -> Option<IdentityId> {
	(who != MALLORY).then_some(10_000 + who)
}

/// Identity accounts set by the tests.
pub struct MockIdentities;
impl IdentityAccounts<u64> for MockIdentities {
	fn identity_id_of(who: &u64) -> Option<IdentityId> {
		IDENTITIES
			.with(|i| {
				i.borrow().iter().find(|(_, accounts)| accounts.contains(who)).map(|(id, _)| *id)
			})
			.or_else(|| own_identity(*who))
	}
	fn accounts_of(identity: IdentityId) -> Vec<u64> {
		IDENTITIES.with(|i| i.borrow().get(&identity).cloned().unwrap_or_default())
	}
}

/// Set the accounts of an identity.
pub fn set_identity(identity: IdentityId, accounts: &[u64]) {
	IDENTITIES.with(|i| i.borrow_mut().insert(identity, accounts.to_vec()));
}

/// The reserve cap set by the tests.
pub struct MockReserves;
impl ReserveCap<Balance> for MockReserves {
	fn headroom() -> Balance {
		HEADROOM.with(|h| *h.borrow())
	}
	fn status() -> ReserveStatus {
		if !FRESH.with(|f| *f.borrow()) {
			ReserveStatus::Stale
		} else if SHORT.with(|s| *s.borrow()) {
			ReserveStatus::Shortfall
		} else {
			ReserveStatus::Backed
		}
	}
}

/// Set the reserve headroom.
pub fn set_headroom(headroom: Balance) {
	HEADROOM.with(|h| *h.borrow_mut() = headroom);
}

/// Make the reserves short of the liabilities (status `Shortfall`, when fresh) or not.
pub fn set_short(short: bool) {
	SHORT.with(|s| *s.borrow_mut() = short);
}

/// Make the reserve attestation fresh or stale.
pub fn set_fresh(fresh: bool) {
	FRESH.with(|f| *f.borrow_mut() = fresh);
}

/// The breaker's refusal in the tests.
pub const BREAKER_TRIPPED: DispatchError = DispatchError::Other("breaker tripped");
/// The breaker's refusal of new supply while the reserves are stale or short.
pub const RESERVES_NOT_BACKED: DispatchError = DispatchError::Other("reserves not backed");

/// A breaker that refuses the operations the tests trip and records volumes.
pub struct MockBreaker;
impl Breaker<Balance> for MockBreaker {
	fn ensure_allowed(operation: GuardedOperation, _amount: Balance) -> DispatchResult {
		if TRIPPED.with(|t| t.borrow().contains(&operation)) {
			return Err(BREAKER_TRIPPED);
		}
		// As the circuit breaker does: new supply only on fresh reserves covering the
		// liabilities.
		if operation == GuardedOperation::Mint && MockReserves::status() != ReserveStatus::Backed {
			return Err(RESERVES_NOT_BACKED);
		}
		Ok(())
	}
	fn admit(operation: GuardedOperation, amount: Balance) -> DispatchResult {
		Self::ensure_allowed(operation, amount)?;
		VOLUME.with(|v| v.borrow_mut().push((operation, amount)));
		Ok(())
	}
	fn is_winding_down() -> bool {
		WINDING_DOWN.with(|w| *w.borrow())
	}
	fn mint_limits_within(ceiling: Balance) -> bool {
		BREAKER_MINT_LIMIT.with(|l| l.borrow().is_some_and(|limit| limit <= ceiling))
	}
}

/// Put the mocked breaker into wind-down, or take it out.
pub fn set_winding_down(winding_down: bool) {
	WINDING_DOWN.with(|w| *w.borrow_mut() = winding_down);
}

/// Set the mocked breaker's mint volume limit (`None`: unlimited, above any ceiling).
pub fn set_breaker_mint_limit(limit: Option<Balance>) {
	BREAKER_MINT_LIMIT.with(|l| *l.borrow_mut() = limit);
}

/// Trip (or reset) the breaker for `operation`.
pub fn trip(operation: GuardedOperation, tripped: bool) {
	TRIPPED.with(|t| {
		let mut t = t.borrow_mut();
		t.retain(|op| *op != operation);
		if tripped {
			t.push(operation);
		}
	});
}

/// The volumes the pallet reported to the breaker.
pub fn volumes() -> Vec<(GuardedOperation, Balance)> {
	VOLUME.with(|v| v.borrow().clone())
}

fn reset_mocks() {
	REFUSALS.with(|r| r.borrow_mut().clear());
	LIMITS.with(|l| l.borrow_mut().clear());
	IDENTITIES.with(|i| i.borrow_mut().clear());
	set_identity(ALICE_ID, &[ALICE]);
	set_identity(BOB_ID, &[BOB, CHARLIE]);
	set_identity(DAVE_ID, &[DAVE]);
	set_headroom(Balance::MAX);
	set_fresh(true);
	set_short(false);
	TRIPPED.with(|t| t.borrow_mut().clear());
	VOLUME.with(|v| v.borrow_mut().clear());
	set_winding_down(false);
	set_breaker_mint_limit(Some(10_000_000 * USD));
}

#[derive_impl(pallet_stablecoin::config_preludes::TestDefaultConfig)]
impl pallet_stablecoin::Config for Test {
	type Currency = Balances;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type GovernanceOrigin = EnsureSignedBy<Governor, u64>;
	type FiatDeskOrigin = EnsureSignedBy<FiatDesk, u64>;
	type ComplianceOrigin = EnsureSignedBy<Officer, u64>;
	type Compliance = MockCompliance;
	type IdentityAccounts = MockIdentities;
	type ProtectedAccounts = RoleHolders;
	type ReserveCap = MockReserves;
	type Breaker = MockBreaker;
	type Time = Timestamp;
	type FeeAccount = FeeAccount;
	type TreasuryAccount = TreasuryAccount;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Sets up the mocked seams for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<u64> for MockBenchmarkHelper {
	fn identity_with_accounts(accounts: u32) -> Option<(IdentityId, Vec<u64>)> {
		let list: Vec<u64> = (0..u64::from(accounts)).map(|i| 5_000 + i).collect();
		set_identity(7, &list);
		Some((7, list))
	}
}

/// The governance origin.
pub fn governance() -> RuntimeOrigin {
	RuntimeOrigin::signed(GOVERNOR)
}

/// The fiat desk's (first operator's) origin.
pub fn fiat_desk() -> RuntimeOrigin {
	RuntimeOrigin::signed(FIAT_DESK)
}

/// The fiat desk's second operator's origin.
pub fn fiat_desk_2() -> RuntimeOrigin {
	RuntimeOrigin::signed(FIAT_DESK_2)
}

/// Fund mint request `id` with four eyes: the first two fiat-desk operators confirm the
/// same ledger entry.
pub fn fund(id: MintId, ledger_ref: H256) -> DispatchResult {
	Stablecoin::confirm_funding(fiat_desk(), id, ledger_ref)?;
	Stablecoin::confirm_funding(fiat_desk_2(), id, ledger_ref)
}

/// The compliance officer's origin.
pub fn officer() -> RuntimeOrigin {
	RuntimeOrigin::signed(OFFICER)
}

/// A signed origin.
pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// An actor as events name it.
pub fn actor(who: u64) -> ActorOf<Test> {
	Actor::Signed(who)
}

/// A bounded reason.
pub fn reason(text: &str) -> ReasonOf<Test> {
	text.as_bytes().to_vec().try_into().expect("test reason within bounds")
}

/// A recognisable reference hash.
pub fn reference(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// A legal order: case `case-<n>`, order document hash [`reference`]`(n)`.
pub fn order(n: u8) -> Option<LegalOrder> {
	Some(LegalOrder {
		case_id: format!("case-{n}").into_bytes().try_into().expect("a short case id"),
		order_hash: reference(n),
	})
}

/// Move the clock.
pub fn set_now(now: Moment) {
	Timestamp::set_timestamp(now);
}

/// Advance `blocks` blocks, running this pallet's `on_initialize` in each.
pub fn run_blocks(blocks: u64) {
	for _ in 0..blocks {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Stablecoin::on_initialize(next);
	}
}

/// A ledger balance.
pub fn balance(who: u64) -> Balance {
	Balances::free_balance(who)
}

/// The ledger's total issuance.
pub fn issuance() -> Balance {
	pallet_balances::TotalIssuance::<Test>::get()
}

/// The events of this pallet deposited so far.
pub fn stablecoin_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Stablecoin(e) = r.event { Some(e) } else { None })
		.collect()
}

/// Genesis for the tests.
pub struct ExtBuilder {
	balances: Vec<(u64, Balance)>,
	unverified: Vec<u64>,
	genesis: pallet_stablecoin::GenesisConfig<Test>,
}

impl Default for ExtBuilder {
	/// Alice, Bob and Charlie hold 10 000 USD each, the fee account 1 USD, the treasury
	/// 1 000 USD; governance has authorized 1M USD; default parameters; the travel rule out of
	/// the way (a threshold no transfer reaches: its own tests set one).
	fn default() -> Self {
		Self {
			balances: vec![
				(ALICE, 10_000 * USD),
				(BOB, 10_000 * USD),
				(CHARLIE, 10_000 * USD),
				(FEE, USD),
				(TREASURY, 1_000 * USD),
			],
			unverified: Vec::new(),
			genesis: pallet_stablecoin::GenesisConfig {
				parameters: Default::default(),
				initial_allowance: 1_000_000 * USD,
				frozen_accounts: Vec::new(),
				travel_rule: Some(TravelRuleSettings {
					threshold: Balance::MAX,
					structuring_window: DAY,
				}),
			},
		}
	}
}

impl ExtBuilder {
	/// Set the initial allowance.
	pub fn allowance(mut self, allowance: Balance) -> Self {
		self.genesis.initial_allowance = allowance;
		self
	}

	/// Freeze an account at genesis.
	pub fn frozen(mut self, who: u64) -> Self {
		self.genesis.frozen_accounts.push((who, b"genesis".to_vec()));
		self
	}

	/// Make `who` unverified (refused every operation) before the genesis builds.
	pub fn unverified(mut self, who: u64) -> Self {
		self.unverified.push(who);
		self
	}

	/// Leave the fee account out of the ledger's genesis.
	pub fn without_fee_account(mut self) -> Self {
		self.balances.retain(|(who, _)| *who != FEE);
		self
	}

	/// Set the parameters.
	pub fn parameters(mut self, parameters: ParametersOf<Test>) -> Self {
		self.genesis.parameters = parameters;
		self
	}

	/// Apply the travel rule from `threshold`, with a one-day structuring window.
	pub fn travel_rule(mut self, threshold: Balance) -> Self {
		self.genesis.travel_rule = Some(TravelRuleSettings { threshold, structuring_window: DAY });
		self
	}

	/// The externalities, at block 1 and time `START`, with the mocks reset.
	pub fn build(self) -> sp_io::TestExternalities {
		reset_mocks();
		for who in &self.unverified {
			refuse_all(*who, ComplianceError::NoIdentity);
		}
		let mut storage = frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.expect("system genesis builds");
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.expect("balances genesis builds");
		self.genesis.assimilate_storage(&mut storage).expect("pallet genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			set_now(START);
		});
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Stablecoin::do_try_state().expect("invariants hold after the test");
		});
	}
}
