//! A test runtime: `frame_system`, `pallet_timestamp` and this pallet, with an oracle and a
//! reserve cap whose answers the tests set.

use crate as pallet_circuit_breaker;
use crate::*;
use core::cell::RefCell;
use frame_support::{derive_impl, ord_parameter_types, parameter_types, traits::Hooks};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_runtime::BuildStorage;
use stablecoin_primitives::{
	deviation_bps, FixedU128, GuardedOperation, PriceFeed, PriceKey, PriceObservation, ReserveCap,
	ReserveQuality, ReserveStatus,
};

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
	pub type CircuitBreaker = pallet_circuit_breaker::Pallet<Test>;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

/// The guardian's account.
pub const GUARDIAN: u64 = 7;
/// An account with no role.
pub const MALLORY: u64 = 66;

ord_parameter_types! {
	pub const Guardian: u64 = GUARDIAN;
}

parameter_types! {
	pub const PegKey: PriceKey = PriceKey::USDX_USD;
}

thread_local! {
	static PRICE: RefCell<Option<FixedU128>> = const { RefCell::new(None) };
	static ROUND: RefCell<u32> = const { RefCell::new(0) };
	static RESERVES: RefCell<ReserveStatus> = const { RefCell::new(ReserveStatus::Backed) };
	static MINT_CEILING: RefCell<Option<u128>> = const { RefCell::new(None) };
	static QUALITY: RefCell<ReserveQuality> = const {
		RefCell::new(ReserveQuality { liquidity_below_target: false, concentration_above_target: false })
	};
}

/// The stablecoin's renounced mint-limit ceiling, as the tests set it.
pub struct MockMintCeiling;

impl stablecoin_primitives::MintLimitCeiling<u128> for MockMintCeiling {
	fn mint_limit_ceiling() -> Option<u128> {
		MINT_CEILING.with(|c| *c.borrow())
	}
}

/// Renounce raising mint limits above `ceiling`, as the stablecoin pallet would.
pub fn set_mint_ceiling(ceiling: u128) {
	MINT_CEILING.with(|c| *c.borrow_mut() = Some(ceiling));
}

/// An oracle whose fresh USDX/USD price the tests set (`None`: stale). Other keys are never
/// priced.
pub struct MockPriceFeed;

impl PriceFeed for MockPriceFeed {
	fn fresh_price(key: &PriceKey) -> Option<PriceObservation> {
		if *key != PriceKey::USDX_USD {
			return None;
		}
		PRICE.with(|p| *p.borrow()).map(|price| PriceObservation {
			price,
			deviation_bps: deviation_bps(price, FixedU128::from_u32(1)),
			at: stablecoin_primitives::now::<<Test as Config>::Time>(),
			round: ROUND.with(|r| *r.borrow()),
		})
	}
	fn last_price(key: &PriceKey) -> Option<PriceObservation> {
		Self::fresh_price(key)
	}
}

/// A reserve cap whose status the tests set.
pub struct MockReserves;

impl ReserveCap<u128> for MockReserves {
	fn headroom() -> u128 {
		match Self::status() {
			ReserveStatus::Backed => u128::MAX,
			_ => 0,
		}
	}
	fn status() -> ReserveStatus {
		RESERVES.with(|r| *r.borrow())
	}
	fn quality() -> ReserveQuality {
		QUALITY.with(|q| *q.borrow())
	}
}

/// Set the reserves' quality alerts.
pub fn set_quality(quality: ReserveQuality) {
	QUALITY.with(|q| *q.borrow_mut() = quality);
}

#[derive_impl(pallet_circuit_breaker::config_preludes::TestDefaultConfig)]
impl pallet_circuit_breaker::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type GuardianOrigin = EnsureSignedBy<Guardian, u64>;
	type Time = Timestamp;
	type PriceFeed = MockPriceFeed;
	type PegKey = PegKey;
	type ReserveCap = MockReserves;
	type MintLimitCeiling = MockMintCeiling;
}

/// The time the tests start at: 2024-01-01T00:00:00Z, in milliseconds (an hour boundary).
pub const START: Moment = 1_704_067_200_000;
/// One minute, in milliseconds.
pub const MINUTE: Moment = 60_000;
/// One hour, in milliseconds.
pub const HOUR: Moment = HOUR_MS;
/// One USDX in its smallest unit (6 decimals).
pub const USDX: u128 = 1_000_000;

/// The governance origin.
pub fn governance() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// The guardian's origin.
pub fn guardian() -> RuntimeOrigin {
	RuntimeOrigin::signed(GUARDIAN)
}

/// Set the oracle's fresh price, in thousandths of a dollar (`994` is 0.994).
pub fn set_price_milli(milli: u128) {
	PRICE.with(|p| *p.borrow_mut() = Some(FixedU128::from_rational(milli, 1000)));
	ROUND.with(|r| *r.borrow_mut() += 1);
}

/// Set the oracle's fresh price from a deviation in basis points (`-60` is 0.9940).
pub fn set_deviation(bps: i32) {
	let inner = 1_000_000_000_000_000_000i128 + i128::from(bps) * 100_000_000_000_000;
	PRICE.with(|p| *p.borrow_mut() = Some(FixedU128::from_inner(inner.max(0) as u128)));
}

/// Make the oracle stale.
pub fn set_stale() {
	PRICE.with(|p| *p.borrow_mut() = None);
}

/// Set the reserve status.
pub fn set_reserves(status: ReserveStatus) {
	RESERVES.with(|r| *r.borrow_mut() = status);
}

/// Move the clock.
pub fn set_now(now: Moment) {
	Timestamp::set_timestamp(now);
}

/// Start the next block with the clock at `now` and run the pallet's hook, which then sees
/// `now` (in the runtime the hook sees the previous block's time; the tests model the time at
/// which the hook observes the price).
pub fn run_block_at(now: Moment) {
	let n = System::block_number() + 1;
	System::set_block_number(n);
	set_now(now);
	CircuitBreaker::on_initialize(n);
}

/// Run blocks every `step` milliseconds until `until` (inclusive, if it lies on a step).
pub fn run_until(until: Moment, step: Moment) {
	let mut now = stablecoin_primitives::now::<<Test as Config>::Time>();
	while now.saturating_add(step) <= until {
		now += step;
		run_block_at(now);
	}
}

/// A bounded reason.
pub fn reason(text: &str) -> Reason {
	text.as_bytes().to_vec().try_into().expect("short reason")
}

/// The pallet's events, in order.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::CircuitBreaker(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The level transitions so far, as `(old, new, deviation)`.
pub fn level_changes() -> Vec<(Level, Level, Option<i32>)> {
	events()
		.into_iter()
		.filter_map(|event| match event {
			Event::LevelChanged { old, new, deviation_bps } => Some((old, new, deviation_bps)),
			_ => None,
		})
		.collect()
}

/// The current level.
pub fn level() -> Level {
	State::<Test>::get().level
}

/// Genesis for the tests.
pub struct ExtBuilder {
	genesis: pallet_circuit_breaker::GenesisConfig<Test>,
	observe_first: bool,
}

impl Default for ExtBuilder {
	/// The default parameters, no limits, a fresh on-peg price and backed reserves, observed
	/// once at block 1.
	fn default() -> Self {
		Self { genesis: Default::default(), observe_first: true }
	}
}

impl ExtBuilder {
	/// Set the volume limits of an operation.
	pub fn limits(
		mut self,
		operation: GuardedOperation,
		per_block: Option<u128>,
		per_day: Option<u128>,
	) -> Self {
		self.genesis.volume_limits.push((operation, VolumeLimits { per_block, per_day }));
		self
	}

	/// Set the parameters.
	pub fn parameters(mut self, parameters: BreakerParameters) -> Self {
		self.genesis.parameters = parameters;
		self
	}

	/// Override a level policy.
	pub fn level_policy(mut self, level: Level, allowed: AllowedOperations) -> Self {
		self.genesis.level_policies.push((level, allowed));
		self
	}

	/// Do not run the hook at block 1: the state is exactly the genesis state.
	pub fn unobserved(mut self) -> Self {
		self.observe_first = false;
		self
	}

	/// The externalities, at block 1 and time `START`, with the oracle on peg and the reserves
	/// backed.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.expect("system genesis builds");
		self.genesis.assimilate_storage(&mut storage).expect("pallet genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		set_price_milli(1000);
		set_reserves(ReserveStatus::Backed);
		MINT_CEILING.with(|c| *c.borrow_mut() = None);
		set_quality(ReserveQuality::default());
		ext.execute_with(|| {
			System::set_block_number(1);
			set_now(START);
			if self.observe_first {
				CircuitBreaker::on_initialize(1);
			}
		});
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			CircuitBreaker::do_try_state().expect("invariants hold after the test");
		});
	}
}
