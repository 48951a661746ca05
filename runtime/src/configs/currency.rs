//! The USDX ledger (`pallet-balances`) and transaction fees paid in USDX.

use frame_support::{
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU128, ConstU32, ConstU8, VariantCountOf},
	weights::{ConstantMultiplier, Weight, WeightToFee},
	PalletId,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::{AccountIdConversion, One};

use crate::{
	AccountId, Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	System, EXISTENTIAL_DEPOSIT,
};

/// Reference compute time (in weight units, picoseconds) that costs one micro-USDX in fees:
/// two microseconds.
///
/// With it a compliant transfer costs under the tenth of a cent a payment should cost:
/// `Stablecoin::transfer` at its benchmarked weight (its compliance, freeze and
/// circuit-breaker reads included, at ParityDB's read and write costs), the base extrinsic
/// weight and the transaction extensions, plus the length fee of its roughly 150 bytes. The
/// runtime test `a_compliant_transfer_costs_under_a_tenth_of_a_cent` fails above 1,000
/// micro-USDX; docs/payments.md breaks a measured figure down and gives the spam argument.
pub const REF_TIME_PER_MICRO_USDX: u64 = 2_000_000;

/// Fee per byte of an extrinsic, in micro-USDX: a byte of block space costs as much as two
/// microseconds of compute.
pub const TRANSACTION_BYTE_FEE: Balance = 1;

/// Converts the compute time of a call into its fee: one micro-USDX per
/// [`REF_TIME_PER_MICRO_USDX`] units of reference time, rounded up so that no call is free.
pub struct RefTimeToFee;

impl WeightToFee for RefTimeToFee {
	type Balance = Balance;

	fn weight_to_fee(weight: &Weight) -> Balance {
		Balance::from(weight.ref_time().div_ceil(REF_TIME_PER_MICRO_USDX))
	}
}

parameter_types! {
	/// Identifier of the account that collects transaction fees.
	pub const FeeCollectorPalletId: PalletId = PalletId(*b"usdx/fee");
	/// The account transaction fees are paid to: the issuer's fee revenue, which stays part
	/// of the circulating supply (fees move USDX, they do not burn it).
	pub FeeCollectorAccount: AccountId = FeeCollectorPalletId::get().into_account_truncating();
	/// Fees do not rise with congestion: a stablecoin payment costs the same at every hour.
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// Fee per byte.
	pub const TransactionByteFee: Balance = TRANSACTION_BYTE_FEE;
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	/// Dust of a reaped account goes to the fee account: USDX is only ever created or
	/// destroyed by `pallet-stablecoin`, so that supply reconciles.
	type DustRemoval = ResolveTo<FeeCollectorAccount, Balances>;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ResolveTo<FeeCollectorAccount, Balances>>;
	/// Operational (emergency) calls pay five times the fee for their priority.
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = RefTimeToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}
