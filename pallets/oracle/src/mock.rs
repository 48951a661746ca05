//! A test runtime: `frame_system`, `pallet_timestamp` and this pallet.

use crate as pallet_oracle;
use crate::*;
use frame_support::{
	derive_impl, ord_parameter_types,
	traits::{EitherOfDiverse, Hooks},
};
use frame_system::{EnsureRoot, EnsureSignedBy};
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
	pub type Oracle = pallet_oracle::Pallet<Test>;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

/// The governance multisig's account (governance is root or this account).
pub const GOV: u64 = 100;

ord_parameter_types! {
	pub const Gov: u64 = GOV;
}

#[derive_impl(pallet_oracle::config_preludes::TestDefaultConfig)]
impl pallet_oracle::Config for Test {
	type GovernanceOrigin = EitherOfDiverse<EnsureRoot<u64>, EnsureSignedBy<Gov, u64>>;
	type Time = Timestamp;
}

/// Feeders.
pub const A: u64 = 1;
pub const B: u64 = 2;
pub const C: u64 = 3;
pub const D: u64 = 4;
pub const E: u64 = 5;
/// An account that is not a feeder.
pub const MALLORY: u64 = 66;

/// The time the tests start at: 2024-01-01T00:00:00Z, in milliseconds.
pub const START: Moment = 1_704_067_200_000;
/// Block time, in milliseconds.
pub const BLOCK: Moment = 6_000;
/// One minute, the default `max_age`.
pub const MINUTE: Moment = 60_000;
/// One hour, the default TWAP window.
pub const HOUR: Moment = 3_600_000;

/// The governance origin (root).
pub fn governance() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// A signed origin.
pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// A price in units of 0.0001: `p(9950)` is `0.9950`.
pub fn p(ten_thousandths: u128) -> FixedU128 {
	FixedU128::from_rational(ten_thousandths, 10_000)
}

/// The default parameters: quorum 2, one-minute age, 1% band, peg 1.0, one-hour TWAP.
pub fn params() -> PriceKeyParams {
	PriceKeyParams {
		quorum: 2,
		max_age: MINUTE,
		outlier_band_bps: 100,
		peg: FixedU128::from_u32(1),
		twap_window: HOUR,
	}
}

/// The default key.
pub const USDX: PriceKey = PriceKey::USDX_USD;
/// An FX key.
pub const EUR: PriceKey = PriceKey::EUR_USD;

/// Move the clock.
pub fn set_now(now: Moment) {
	Timestamp::set_timestamp(now);
}

/// Finish the current block (running the oracle's `on_finalize`) and start the next one,
/// `advance` milliseconds later.
pub fn next_block_after(advance: Moment) {
	let n = System::block_number();
	Oracle::on_finalize(n);
	System::set_block_number(n + 1);
	set_now(stablecoin_primitives::now::<<Test as Config>::Time>() + advance);
	Oracle::on_initialize(n + 1);
}

/// Finish the current block and start the next one, one block time later.
pub fn next_block() {
	next_block_after(BLOCK);
}

/// Submit a price and expect it accepted.
pub fn submit(who: u64, key: PriceKey, price: FixedU128) {
	Oracle::submit_price(signed(who), key, price).expect("submission accepted");
}

/// The oracle's events so far, oldest first.
pub fn oracle_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Oracle(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Genesis for the tests.
pub struct ExtBuilder {
	genesis: pallet_oracle::GenesisConfig<Test>,
}

impl Default for ExtBuilder {
	/// Feeders A, B and C; USDX/USD with [`params`].
	fn default() -> Self {
		Self {
			genesis: pallet_oracle::GenesisConfig {
				feeders: vec![A, B, C],
				price_keys: vec![(USDX, params())],
			},
		}
	}
}

impl ExtBuilder {
	/// No feeders and no keys.
	pub fn empty() -> Self {
		Self { genesis: Default::default() }
	}

	/// Set the feeders.
	pub fn feeders(mut self, feeders: &[u64]) -> Self {
		self.genesis.feeders = feeders.to_vec();
		self
	}

	/// Add a price key.
	pub fn key(mut self, key: PriceKey, params: PriceKeyParams) -> Self {
		self.genesis.price_keys.push((key, params));
		self
	}

	/// Replace USDX/USD's parameters.
	pub fn usdx(mut self, params: PriceKeyParams) -> Self {
		self.genesis.price_keys.retain(|(key, _)| key != &USDX);
		self.genesis.price_keys.push((USDX, params));
		self
	}

	/// The externalities, at block 1 and time `START`.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.expect("system genesis builds");
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
			Oracle::do_try_state().expect("invariants hold after the test");
		});
	}
}

/// Empty externalities (no feeders, no keys), for the benchmark test suite.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::empty().build()
}
