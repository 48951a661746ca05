//! The market and the backing: the price oracle (`pallet-oracle`), proof of reserve
//! (`pallet-reserves`) and the circuit breaker that reacts to both (`pallet-circuit-breaker`).
//!
//! Feeders' reports become an aggregated USDX/USD price; attestors' reports become eligible
//! reserves; the circuit breaker reads both, through the `PriceFeed` and `ReserveCap` seams,
//! and answers the stablecoin pallet's "may this mint / redemption / transfer go ahead?".
//! The reserves and the stablecoin read each other, each through its own seam: the reserves
//! compare their eligible total with the liabilities the stablecoin reports (`Supply`), and
//! the stablecoin checks a mint's amount against the headroom the reserves report
//! (`ReserveCap`). Neither writes the other's state.

use frame_support::{parameter_types, traits::ConstU32};
use stablecoin_primitives::PriceKey;

use super::{governance::GovernanceOrigin, safety::GuardianOrigin};
use crate::{Balance, Oracle, Reserves, Runtime, Timestamp};

impl pallet_oracle::Config for Runtime {
	type GovernanceOrigin = GovernanceOrigin;
	/// Reports age by the block timestamp.
	type Time = Timestamp;
	/// Up to 16 independent price feeders.
	type MaxFeeders = ConstU32<16>;
	/// USDX/USD plus a few FX pairs.
	type MaxPriceKeys = ConstU32<8>;
	/// The last 64 aggregates of each price stay in state for regulators and the average.
	type HistoryDepth = ConstU32<64>;
	type WeightInfo = crate::weights::pallet_oracle::WeightInfo<Runtime>;
}

impl pallet_reserves::Config for Runtime {
	type GovernanceOrigin = GovernanceOrigin;
	/// Attestations age by the block timestamp.
	type Time = Timestamp;
	type Balance = crate::Balance;
	/// The liabilities the reserves must cover, as the stablecoin pallet reports them:
	/// circulating USDX plus redemptions burned but not paid out yet.
	type Supply = crate::Stablecoin;
	/// Up to 16 independent reserve attestors.
	type MaxAttestors = ConstU32<16>;
	type MaxCustodians = ConstU32<16>;
	type MaxHistory = ConstU32<32>;
	/// Room for every attestor's proposals, so that no attestor can crowd out another.
	type MaxPendingReports = ConstU32<32>;
	/// One attestor may have two candidate reports pending at once.
	type MaxPendingPerAttestor = ConstU32<2>;
	type WeightInfo = crate::weights::pallet_reserves::WeightInfo<Runtime>;
}

parameter_types! {
	/// The price series the circuit breaker watches: USDX in US dollars.
	pub const PegKey: PriceKey = PriceKey::USDX_USD;
}

impl pallet_circuit_breaker::Config for Runtime {
	type GovernanceOrigin = GovernanceOrigin;
	/// Guardians pause at once; only governance lifts a pause.
	type GuardianOrigin = GuardianOrigin;
	type Time = Timestamp;
	type Balance = Balance;
	type PriceFeed = Oracle;
	type PegKey = PegKey;
	type ReserveCap = Reserves;
	/// The stablecoin keeps renounced powers: mint volume limits stay within its ceiling.
	type MintLimitCeiling = crate::Stablecoin;
	type WeightInfo = crate::weights::pallet_circuit_breaker::WeightInfo<Runtime>;
}
