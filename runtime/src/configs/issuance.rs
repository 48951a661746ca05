//! Issuance and redemption: `pallet-stablecoin`, the controller of the USDX ledger, and the
//! two operator lists it answers to (the fiat desk and the compliance officers), both kept by
//! the council with `pallet-membership`.
//!
//! Separation of duties: the council authorizes supply, sets parameters and orders seizures;
//! the fiat desk confirms that fiat arrived or left; compliance officers freeze accounts and
//! hold redemptions. No one of them can create, approve and move a mint alone.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains},
	PalletId,
};
use frame_system::EnsureSignedBy;
use sp_runtime::traits::AccountIdConversion;

use super::{currency::FeeCollectorAccount, governance::GovernanceOrigin};
use crate::{
	AccountId, Balances, CircuitBreaker, ComplianceOfficers, FiatDesk, IdentityClaims, Reserves,
	Runtime, RuntimeCall, RuntimeFreezeReason, Timestamp,
};

/// The fiat desk's list is kept by `pallet-membership`, instance 3.
pub type FiatDeskInstance = pallet_membership::Instance3;
/// The compliance officers' list is kept by `pallet-membership`, instance 4.
pub type ComplianceOfficersInstance = pallet_membership::Instance4;

/// The fiat desk's list: kept by governance, each change recorded in `Audit.Authorized`.
impl super::roles::GovernedList for FiatDeskInstance {
	type Scope = super::roles::FiatDeskMembershipScope;
	type MaxMembers = ConstU32<16>;
}

/// The compliance officers' list: kept by governance, each change recorded in `Audit.Authorized`.
impl super::roles::GovernedList for ComplianceOfficersInstance {
	type Scope = super::roles::ComplianceOfficersMembershipScope;
	type MaxMembers = ConstU32<16>;
}

parameter_types! {
	/// Identifier of the treasury account, where seized funds go when they are not burned.
	pub const TreasuryPalletId: PalletId = PalletId(*b"usdx/try");
	/// The issuer's treasury account.
	pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
}

impl pallet_stablecoin::Config for Runtime {
	type Currency = Balances;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type GovernanceOrigin = GovernanceOrigin;
	/// Only an appointed fiat-desk operator confirms funding and payouts: not the council,
	/// which authorizes the supply.
	type FiatDeskOrigin = EnsureSignedBy<FiatDesk, AccountId>;
	/// Only an appointed compliance officer freezes accounts and holds redemptions.
	type ComplianceOrigin = EnsureSignedBy<ComplianceOfficers, AccountId>;
	type Compliance = IdentityClaims;
	type IdentityAccounts = IdentityClaims;
	/// No role holder can be frozen: governance removes the role first.
	type ProtectedAccounts = super::roles::RoleHolders;
	type ReserveCap = Reserves;
	type Breaker = CircuitBreaker;
	type Time = Timestamp;
	/// Mint and redemption fees go to the same account as transaction fees.
	type FeeAccount = FeeCollectorAccount;
	type TreasuryAccount = TreasuryAccount;
	/// An institution may have many redemptions in flight; one holder may not crowd out the
	/// queue, which has no global bound.
	type MaxOpenRedemptionsPerIdentity = ConstU32<256>;
	/// Mint requests one identity may have open at once (`TooManyOpenMints` beyond).
	type MaxOpenMintsPerIdentity = ConstU32<32>;
	/// Funded mint requests that may wait at once for governance to authorize supply.
	type MaxAwaitingMints = ConstU32<64>;
	/// Queued redemptions the overdue scan looks at per block; the queue itself is unbounded.
	type MaxOverdueChecksPerBlock = ConstU32<8>;
	type MaxMintsPerAuthorization = ConstU32<8>;
	type MaxReasonLen = ConstU32<256>;
	/// A payroll of up to 500 payees in one call; a larger one is split. At the measured
	/// weight per payee this keeps one batch well inside a block's normal share.
	type MaxPayoutsPerBatch = ConstU32<500>;
	/// The US Federal Reserve observes eleven holidays a year; 32 leaves room for another
	/// jurisdiction's calendar and for extraordinary closures.
	type MaxHolidaysPerYear = ConstU32<32>;
	/// Sixteen freezes lifted per block at most: a sanctions list lifted at once clears in a
	/// few blocks without crowding the block's hooks.
	type MaxFreezeExpiriesPerBlock = ConstU32<16>;
	type WeightInfo = crate::weights::pallet_stablecoin::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helper::StablecoinBenchmarkHelper;
}

/// Whether a call may be dispatched by a non-root origin, as far as the ledger is concerned.
///
/// Every `Balances` call is refused: users move USDX with `Stablecoin::transfer`, which checks
/// compliance, freezes and the circuit breaker, and only `pallet-stablecoin` creates or
/// destroys USDX, so that supply reconciles. Root (a runtime upgrade or migration) is not
/// filtered.
pub struct NoRawLedgerCalls;

impl Contains<RuntimeCall> for NoRawLedgerCalls {
	fn contains(call: &RuntimeCall) -> bool {
		// Only in the benchmarking build, never on a chain: `benchmark extrinsic --pallet
		// balances --extrinsic transfer_keep_alive` fills a block with plain ledger transfers to
		// set the cost of a compliant `Stablecoin::transfer` against (scripts/bench-tps.sh).
		// Refused, the plain transfer would fail at once and its block would measure nothing.
		#[cfg(feature = "runtime-benchmarks")]
		if matches!(call, RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { .. }))
		{
			return true;
		}
		!matches!(call, RuntimeCall::Balances(_))
	}
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper {
	use alloc::vec::Vec;
	use frame_benchmarking::account;
	use frame_support::traits::Hooks;
	use frame_system::RawOrigin;
	use sp_runtime::FixedU128;
	use stablecoin_primitives::{IdentityAccounts, IdentityId, PriceKey};

	use crate::{AccountId, CircuitBreaker, IdentityClaims, Oracle, System};

	/// Prepares the real oracle, circuit breaker and identity pallets for the stablecoin
	/// benchmarks.
	pub struct StablecoinBenchmarkHelper;

	impl pallet_stablecoin::BenchmarkHelper<AccountId> for StablecoinBenchmarkHelper {
		/// A fresh on-peg USDX/USD price from a quorum of feeders, seen by the circuit breaker.
		/// The reserves come from the preset's genesis attestation, which covers the minimum
		/// amounts the benchmarks mint.
		fn prepare_operations() {
			let key = PriceKey::USDX_USD;
			let quorum = Oracle::price_keys()
				.into_iter()
				.find(|(k, _)| *k == key)
				.map(|(_, params)| params.quorum)
				.unwrap_or(1);
			for i in 0..quorum {
				let feeder: AccountId = account("feeder", i, 0);
				let _ = Oracle::add_feeder(RawOrigin::Root.into(), feeder.clone());
				let _ = Oracle::submit_price(
					RawOrigin::Signed(feeder).into(),
					key,
					FixedU128::from_u32(1),
				);
			}
			CircuitBreaker::on_initialize(System::block_number());
		}

		fn identity_with_accounts(accounts: u32) -> Option<(IdentityId, Vec<AccountId>)> {
			let members: Vec<AccountId> =
				(0..accounts.max(1)).map(|i| account("client", i, 0)).collect();
			IdentityClaims::register_identity(
				RawOrigin::Root.into(),
				pallet_identity_claims::IdentityKind::Person,
				*b"US",
				members[0].clone(),
			)
			.ok()?;
			let identity =
				<IdentityClaims as IdentityAccounts<AccountId>>::identity_id_of(&members[0])?;
			for member in &members[1..] {
				IdentityClaims::add_account(RawOrigin::Root.into(), identity, member.clone())
					.ok()?;
			}
			Some((identity, members))
		}

		/// The timestamp, which the timestamp inherent writes at the start of every block, and
		/// what the circuit breaker's and the identity pallet's block initializations read for
		/// the payments of the block ([`crate::weights::keys_read_before_payments`]).
		fn keys_read_every_block() -> Vec<Vec<u8>> {
			crate::weights::keys_read_before_payments()
		}
	}
}
