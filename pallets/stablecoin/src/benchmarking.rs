//! Benchmarks (FRAME v2), each for the worst case of its call.
//!
//! Run as unit tests with `cargo test -p pallet-stablecoin --features runtime-benchmarks`;
//! `scripts/bench-weights.sh` runs them through the node to regenerate the runtime's weights.
//! The runtime's [`Config::BenchmarkHelper`] makes minting possible (fresh reserves, an
//! open breaker) and provides identities for `freeze_identity`.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Stablecoin;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get, Hooks,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::{
	traits::{Bounded, One, Saturating, Zero},
	Permill,
};
use stablecoin_primitives::{Compliance, IdentityAccounts, IdentityId};

const SEED: u32 = 0;

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn fiat_desk<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::FiatDeskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn officer<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::ComplianceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A reason of the maximum length.
fn longest_reason<T: Config>() -> ReasonOf<T> {
	BoundedVec::truncate_from(vec![b'r'; T::MaxReasonLen::get() as usize])
}

/// A compliant holder owning `amount`.
fn holder<T: Config>(name: &'static str, i: u32, amount: BalanceOf<T>) -> T::AccountId {
	let who: T::AccountId = account(name, i, SEED);
	T::Compliance::make_compliant(&who);
	if !amount.is_zero() {
		let _ = T::Currency::mint_into(&who, amount);
	}
	who
}

/// A compliant holder of `amount` who signs a payment, with the two records of it that the
/// transaction's extensions read before the call runs whitelisted:
///
/// - its account record, as `pallet_balances` does for the sender of its own transfer
///   benchmarks: the transaction-payment extension reads and writes it (the fee, paid in USDX);
/// - its freeze flag ([`FrozenAccounts`]), which [`RefuseFrozenSigner`](crate::RefuseFrozenSigner)
///   reads for every signed transaction.
///
/// Each extension's own weight pays for those accesses, so the call finds both records in the
/// block's overlay, not the database (runtime test
/// `a_signed_payment_reads_before_its_call_what_payment_benchmarks_whitelist_for_the_signer`).
fn paying_signer<T: Config>(name: &'static str, amount: BalanceOf<T>) -> T::AccountId {
	let who = holder::<T>(name, 0, amount);
	whitelist_account!(who);
	frame_benchmarking::benchmarking::add_to_whitelist(
		FrozenAccounts::<T>::hashed_key_for(&who).into(),
	);
	who
}

/// Whitelist what every payment reads that the block has read before its transactions: this
/// pallet's travel rule (read in every block's initialization, [`Pallet::read_travel_rule`])
/// and the other pallets' items the runtime names ([`BenchmarkHelper::keys_read_every_block`]).
/// The block's initialization pays for those reads once; the payments find them in the node's
/// cache.
fn whitelist_reads_of_every_block<T: Config>() {
	for key in Stablecoin::<T>::keys_read_every_block()
		.into_iter()
		.chain(T::BenchmarkHelper::keys_read_every_block())
	{
		frame_benchmarking::benchmarking::add_to_whitelist(key.into());
	}
}

/// The setup of a payment benchmark at its worst case: the block-wide reads whitelisted, a
/// signer holding `held` with a full structuring watch, and a new compliant receiver.
fn worst_case_payment<T: Config>(held: BalanceOf<T>) -> (T::AccountId, T::AccountId) {
	T::BenchmarkHelper::prepare_operations();
	whitelist_reads_of_every_block::<T>();
	let from = paying_signer::<T>("sender", held);
	let to = holder::<T>("receiver", 0, Zero::zero());
	full_structuring_watch::<T>(&from);
	(from, to)
}

/// Make sure the fee and treasury accounts exist, so fees of any size can be credited.
fn endow_operating_accounts<T: Config>() {
	let ed = T::Currency::minimum_balance();
	for who in [T::FeeAccount::get(), T::TreasuryAccount::get()] {
		if T::Currency::balance(&who) < ed {
			let _ = T::Currency::mint_into(&who, ed);
		}
	}
}

/// A standard mint request of the minimum amount by a compliant holder, recorded in
/// `status`, its funding confirmed by `confirmed_by` made-up operators.
fn mint_request<T: Config>(
	who: T::AccountId,
	status: MintStatus,
	confirmed_by: u32,
) -> Result<MintId, BenchmarkError> {
	let params = Params::<T>::get();
	let amount = params.mint.min;
	let identity = T::IdentityAccounts::identity_id_of(&who)
		.ok_or(BenchmarkError::Stop("holder without identity"))?;
	let id = NextMintId::<T>::get();
	NextMintId::<T>::put(id.saturating_add(1));
	let mut funding = FundingConfirmations::default();
	for i in 0..confirmed_by {
		funding.ledger_ref = Some(H256::repeat_byte(1));
		funding
			.by
			.try_push(account("confirmer", i, SEED))
			.map_err(|_| BenchmarkError::Stop("too many confirmers"))?;
	}
	MintRequests::<T>::insert(
		id,
		MintRequest {
			who,
			identity,
			amount,
			fee: Stablecoin::<T>::fee_of(amount, params.mint.fee),
			tier: MintTier::Standard,
			requested_at: 0,
			status,
			funding,
		},
	);
	OpenMints::<T>::mutate(identity, |open| *open = open.saturating_add(1));
	Ok(id)
}

/// Fill the waiting queue with `n` funded requests of distinct compliant holders.
fn fill_awaiting<T: Config>(n: u32) -> Result<(), BenchmarkError> {
	for i in 0..n {
		let who = holder::<T>("waiting", i, Zero::zero());
		let funded = MintStatus::AwaitingAuthorization { ledger_ref: H256::repeat_byte(1) };
		let id = mint_request::<T>(who, funded, MIN_FUNDING_CONFIRMATIONS)?;
		AwaitingAuthorization::<T>::try_mutate(|q| q.try_push(id))
			.map_err(|_| BenchmarkError::Stop("awaiting queue full"))?;
	}
	Ok(())
}

/// Queue `n` redemptions (already due) of one holder; returns the holder and the last
/// identifier.
fn fill_redemptions<T: Config>(n: u32) -> Result<(T::AccountId, RedemptionId), BenchmarkError> {
	let who = holder::<T>("redeemer", 0, Zero::zero());
	let identity = T::IdentityAccounts::identity_id_of(&who)
		.ok_or(BenchmarkError::Stop("holder without identity"))?;
	let amount = Params::<T>::get().redeem.min;
	let mut last = 0;
	for _ in 0..n {
		let id = NextRedemptionId::<T>::get();
		NextRedemptionId::<T>::put(id.saturating_add(1));
		Redemptions::<T>::insert(
			id,
			Redemption {
				who: who.clone(),
				identity,
				amount,
				fee: Zero::zero(),
				requested_at: 0,
				due_at: 0,
				status: RedemptionStatus::Pending,
				overdue: false,
			},
		);
		OpenRedemptions::<T>::mutate(identity, |open| *open = open.saturating_add(1));
		QueuedRedemptions::<T>::mutate(|queued| *queued = queued.saturating_add(1));
		PendingRedemption::<T>::mutate(|p| *p = p.saturating_add(amount));
		last = id;
	}
	Ok((who, last))
}

/// A legal order with the longest case identifier.
fn longest_order() -> Option<LegalOrder> {
	Some(LegalOrder {
		case_id: BoundedVec::truncate_from(vec![b'c'; MAX_CASE_ID_LEN as usize]),
		order_hash: H256::repeat_byte(3),
	})
}

/// An expiry a day after the chain's time now.
fn a_day_from_now<T: Config>() -> Moment {
	stablecoin_primitives::now::<T::Time>().saturating_add(DAY_MS)
}

/// A full structuring watch for `who`'s identity (if it has one), so that a payment to a new
/// beneficiary evicts the oldest window: the watch's worst case.
fn full_structuring_watch<T: Config>(who: &T::AccountId) {
	if let Some(identity) = T::IdentityAccounts::identity_id_of(who) {
		let now = stablecoin_primitives::now::<T::Time>();
		let windows = (0..MAX_WATCHED_BENEFICIARIES)
			.map(|i| StructuringWindow {
				beneficiary: IdentityId::MAX - IdentityId::from(i),
				since: now,
				total: One::one(),
				transfers: 1,
				flagged: false,
			})
			.collect::<alloc::vec::Vec<_>>();
		StructuringWatch::<T>::insert(identity, StructuringWatchOf::<T>::truncate_from(windows));
	}
}

/// The most holidays a year may have, each a valid date (days of January to December).
fn full_year_of_holidays<T: Config>() -> HolidaysOf<T> {
	let dates = (0..T::MaxHolidaysPerYear::get())
		.map(|i| HolidayDate { month: (i / 28 % 12 + 1) as u8, day: (i % 28 + 1) as u8 })
		.collect::<alloc::vec::Vec<_>>();
	HolidaysOf::<T>::truncate_from(dates)
}

/// Full holiday lists for this year and the next, which a due date is computed from.
fn full_holidays_around_now<T: Config>() {
	let today = stablecoin_primitives::now::<T::Time>() / DAY_MS;
	let (year, _, _) = crate::calendar::civil_from_days(today);
	let year = u16::try_from(year).unwrap_or(u16::MAX - 1);
	Holidays::<T>::insert(year, full_year_of_holidays::<T>());
	Holidays::<T>::insert(year.saturating_add(1), full_year_of_holidays::<T>());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `m` waiting requests of distinct new holders all execute.
	#[benchmark]
	fn authorize_supply(
		m: Linear<0, { T::MaxMintsPerAuthorization::get() }>,
	) -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::prepare_operations();
		endow_operating_accounts::<T>();
		let origin = governance::<T>()?;
		fill_awaiting::<T>(m)?;
		let min = Params::<T>::get().mint.min;
		let amount = min.saturating_mul(BalanceOf::<T>::from(m.max(1)));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, amount);

		assert!(AwaitingAuthorization::<T>::get().is_empty());
		Ok(())
	}

	#[benchmark]
	fn reduce_allowance() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		Stablecoin::<T>::do_authorize_supply(1_000u32.into(), Actor::Root)?;
		let before = Allowance::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 1u32.into());

		assert_eq!(Allowance::<T>::get(), before.saturating_sub(1u32.into()));
		Ok(())
	}

	#[benchmark]
	fn set_parameters() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let mut params = Params::<T>::get();
		params.mint.fee = Permill::from_parts(2_000);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);

		assert_eq!(Params::<T>::get(), params);
		Ok(())
	}

	#[benchmark]
	fn request_mint() -> Result<(), BenchmarkError> {
		let who = holder::<T>("holder", 0, Zero::zero());
		let amount = Params::<T>::get().bulk_mint.min;
		let id = NextMintId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), amount, MintTier::Bulk);

		assert!(MintRequests::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn cancel_mint() -> Result<(), BenchmarkError> {
		let who = holder::<T>("holder", 0, Zero::zero());
		let id = mint_request::<T>(who.clone(), MintStatus::AwaitingFunding, 0)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who), id);

		assert!(!MintRequests::<T>::contains_key(id));
		Ok(())
	}

	/// The last confirmation, which executes the request at once, to a new account.
	#[benchmark]
	fn confirm_funding() -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::prepare_operations();
		endow_operating_accounts::<T>();
		let origin = fiat_desk::<T>()?;
		let who = holder::<T>("holder", 0, Zero::zero());
		let required = Params::<T>::get().funding_confirmations;
		let id = mint_request::<T>(who, MintStatus::AwaitingFunding, required.saturating_sub(1))?;
		Stablecoin::<T>::do_authorize_supply(Params::<T>::get().mint.min, Actor::Root)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::repeat_byte(1));

		assert!(!MintRequests::<T>::contains_key(id), "minted");
		Ok(())
	}

	/// The approved request joins the end of a queue of `m - 1`, and all `m` execute.
	#[benchmark]
	fn approve_mint(
		m: Linear<1, { T::MaxMintsPerAuthorization::get() }>,
	) -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::prepare_operations();
		endow_operating_accounts::<T>();
		let origin = governance::<T>()?;
		fill_awaiting::<T>(m.saturating_sub(1))?;
		let who = holder::<T>("approved", 0, Zero::zero());
		let id = mint_request::<T>(
			who,
			MintStatus::AwaitingApproval { ledger_ref: H256::repeat_byte(1) },
			MIN_FUNDING_CONFIRMATIONS,
		)?;
		let min = Params::<T>::get().mint.min;
		Stablecoin::<T>::do_authorize_supply(
			min.saturating_mul(BalanceOf::<T>::from(m)),
			Actor::Root,
		)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!MintRequests::<T>::contains_key(id), "minted");
		assert!(AwaitingAuthorization::<T>::get().is_empty());
		Ok(())
	}

	/// The last of a full waiting queue.
	#[benchmark]
	fn reject_mint() -> Result<(), BenchmarkError> {
		let origin = fiat_desk::<T>()?;
		fill_awaiting::<T>(T::MaxAwaitingMints::get())?;
		let id = NextMintId::<T>::get().saturating_sub(1);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, longest_reason::<T>());

		assert!(!MintRequests::<T>::contains_key(id));
		Ok(())
	}

	/// With the holder's other redemptions queued up to one below the per-identity cap, and
	/// the most holidays declared for the two years the due date is computed from.
	#[benchmark]
	fn request_redemption() -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::prepare_operations();
		endow_operating_accounts::<T>();
		full_holidays_around_now::<T>();
		let (who, _) =
			fill_redemptions::<T>(T::MaxOpenRedemptionsPerIdentity::get().saturating_sub(1))?;
		let amount = Params::<T>::get().redeem.min;
		let _ = T::Currency::mint_into(&who, amount.saturating_mul(2u32.into()));
		let id = NextRedemptionId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), amount);

		assert!(Redemptions::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn confirm_payout() -> Result<(), BenchmarkError> {
		let origin = fiat_desk::<T>()?;
		let (_, id) = fill_redemptions::<T>(1)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::repeat_byte(2));

		assert!(!Redemptions::<T>::contains_key(id));
		Ok(())
	}

	/// To a frozen holder (the freeze grows), through the reserve and breaker checks.
	#[benchmark]
	fn reject_redemption() -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::prepare_operations();
		let origin = fiat_desk::<T>()?;
		let (who, id) = fill_redemptions::<T>(1)?;
		let _ = T::Currency::mint_into(&who, Params::<T>::get().redeem.min);
		Stablecoin::<T>::do_freeze_account(
			who,
			longest_reason::<T>(),
			longest_order(),
			None,
			None,
			Actor::Root,
		)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, longest_reason::<T>());

		assert!(!Redemptions::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn hold_redemption() -> Result<(), BenchmarkError> {
		let origin = officer::<T>()?;
		let (_, id) = fill_redemptions::<T>(1)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, longest_reason::<T>());

		assert_eq!(Redemptions::<T>::get(id).map(|r| r.status), Some(RedemptionStatus::Held));
		Ok(())
	}

	#[benchmark]
	fn release_redemption() -> Result<(), BenchmarkError> {
		let origin = officer::<T>()?;
		let (_, id) = fill_redemptions::<T>(1)?;
		Stablecoin::<T>::do_hold_redemption(id, longest_reason::<T>(), Actor::Root)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert_eq!(Redemptions::<T>::get(id).map(|r| r.status), Some(RedemptionStatus::Pending));
		Ok(())
	}

	/// To a new account.
	#[benchmark]
	fn transfer() -> Result<(), BenchmarkError> {
		let amount = Params::<T>::get().mint.min;
		let (from, to) = worst_case_payment::<T>(amount.saturating_mul(2u32.into()));

		#[extrinsic_call]
		_(RawOrigin::Signed(from), to.clone(), amount);

		assert_eq!(T::Currency::balance(&to), amount);
		Ok(())
	}

	/// At the threshold to a new account of another identity, with a record naming known
	/// providers.
	#[benchmark]
	fn transfer_with_travel_rule() -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::prepare_operations();
		whitelist_reads_of_every_block::<T>();
		let (provider, _) =
			T::BenchmarkHelper::identity_with_accounts(1).ok_or(BenchmarkError::Skip)?;
		// The threshold's value does not change the work; a mint's minimum keeps the amounts
		// fundable whatever threshold the chain has.
		let amount = Params::<T>::get().mint.min;
		TravelRule::<T>::mutate(|rule| rule.threshold = amount);
		let from = paying_signer::<T>("sender", amount.saturating_mul(2u32.into()));
		let to = holder::<T>("receiver", 0, Zero::zero());
		let record = TravelRuleRecord {
			record_hash: H256::repeat_byte(9),
			originator_provider: provider,
			beneficiary_provider: provider,
		};
		let id = NextTravelRuleId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(from), to.clone(), amount, record);

		assert_eq!(T::Currency::balance(&to), amount);
		assert!(TravelRuleRecords::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn set_travel_rule() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let settings = TravelRuleSettings {
			threshold: BalanceOf::<T>::from(1_000_000_000u32),
			structuring_window: DAY_MS,
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, settings);

		assert_eq!(TravelRule::<T>::get(), settings);
		Ok(())
	}

	/// To a new account, with a reference (an indexed event).
	#[benchmark]
	fn transfer_with_reference() -> Result<(), BenchmarkError> {
		let amount = Params::<T>::get().mint.min;
		let (from, to) = worst_case_payment::<T>(amount.saturating_mul(2u32.into()));

		#[extrinsic_call]
		_(RawOrigin::Signed(from), to.clone(), amount, [7u8; 32]);

		assert_eq!(T::Currency::balance(&to), amount);
		Ok(())
	}

	/// `n` payments, each to a new account with its own reference.
	#[benchmark]
	fn pay_batch(n: Linear<1, { T::MaxPayoutsPerBatch::get() }>) -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::prepare_operations();
		whitelist_reads_of_every_block::<T>();
		let amount = Params::<T>::get().mint.min;
		let total = amount.saturating_mul(n.saturating_add(1).into());
		let from = paying_signer::<T>("payer", total);
		let payouts: alloc::vec::Vec<PayoutOf<T>> = (0..n)
			.map(|i| Payout {
				dest: holder::<T>("payee", i, Zero::zero()),
				amount,
				reference: [(i % 256) as u8; 32],
			})
			.collect();
		let last = payouts.last().map(|p| p.dest.clone());
		let payouts: PayoutsOf<T> =
			payouts.try_into().map_err(|_| BenchmarkError::Stop("batch too long"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(from), payouts);

		if let Some(last) = last {
			assert_eq!(T::Currency::balance(&last), amount);
		}
		Ok(())
	}

	/// To a new account, reaping the sender.
	#[benchmark]
	fn transfer_all() -> Result<(), BenchmarkError> {
		let amount = Params::<T>::get().mint.min;
		let (from, to) = worst_case_payment::<T>(amount);

		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), to.clone());

		assert_eq!(T::Currency::balance(&from), Zero::zero());
		Ok(())
	}

	#[benchmark]
	fn freeze_account() -> Result<(), BenchmarkError> {
		let origin = officer::<T>()?;
		let who = holder::<T>("holder", 0, Params::<T>::get().mint.min);

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			who.clone(),
			longest_reason::<T>(),
			longest_order(),
			Some(a_day_from_now::<T>()),
		);

		assert!(Stablecoin::<T>::is_frozen(&who));
		Ok(())
	}

	#[benchmark]
	fn unfreeze_account() -> Result<(), BenchmarkError> {
		let origin = officer::<T>()?;
		let who = holder::<T>("holder", 0, Params::<T>::get().mint.min);
		Stablecoin::<T>::do_freeze_account(
			who.clone(),
			longest_reason::<T>(),
			longest_order(),
			None,
			None,
			Actor::Root,
		)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Stablecoin::<T>::is_frozen(&who));
		Ok(())
	}

	/// An identity with `a` funded accounts, none frozen yet.
	#[benchmark]
	fn freeze_identity(
		a: Linear<1, MAX_ACCOUNTS_PER_IDENTITY_FREEZE>,
	) -> Result<(), BenchmarkError> {
		let origin = officer::<T>()?;
		let (identity, accounts) =
			T::BenchmarkHelper::identity_with_accounts(a).ok_or(BenchmarkError::Skip)?;
		for who in &accounts {
			let _ = T::Currency::mint_into(who, Params::<T>::get().mint.min);
		}

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			identity,
			longest_reason::<T>(),
			longest_order(),
			Some(a_day_from_now::<T>()),
		);

		assert!(accounts.iter().all(Stablecoin::<T>::is_frozen));
		Ok(())
	}

	/// Moved to the treasury (two accounts touched).
	#[benchmark]
	fn seize() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		endow_operating_accounts::<T>();
		let who = holder::<T>("holder", 0, Params::<T>::get().mint.min);
		Stablecoin::<T>::do_freeze_account(
			who.clone(),
			longest_reason::<T>(),
			longest_order(),
			None,
			None,
			Actor::Root,
		)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), SeizeTo::Treasury, H256::repeat_byte(5));

		assert_eq!(T::Currency::balance(&who), Zero::zero());
		Ok(())
	}

	/// An identity with `a` frozen accounts.
	#[benchmark]
	fn unfreeze_identity(
		a: Linear<1, MAX_ACCOUNTS_PER_IDENTITY_FREEZE>,
	) -> Result<(), BenchmarkError> {
		let origin = officer::<T>()?;
		let (identity, accounts) =
			T::BenchmarkHelper::identity_with_accounts(a).ok_or(BenchmarkError::Skip)?;
		for who in &accounts {
			let _ = T::Currency::mint_into(who, Params::<T>::get().mint.min);
		}
		Stablecoin::<T>::do_freeze_identity(
			identity,
			longest_reason::<T>(),
			longest_order(),
			None,
			Actor::Root,
		)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, identity);

		assert!(!accounts.iter().any(Stablecoin::<T>::is_frozen));
		Ok(())
	}

	/// To the treasury (two accounts touched).
	#[benchmark]
	fn sweep_fees() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		endow_operating_accounts::<T>();
		let fee_account = T::FeeAccount::get();
		let _ = T::Currency::mint_into(&fee_account, Params::<T>::get().mint.min);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, SweepTo::Treasury);

		assert_eq!(T::Currency::balance(&fee_account), T::Currency::minimum_balance());
		Ok(())
	}

	#[benchmark]
	fn emergency_burn() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let amount = Params::<T>::get().mint.min;
		let _ =
			T::Currency::mint_into(&T::TreasuryAccount::get(), amount.saturating_mul(2u32.into()));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, amount);

		Ok(())
	}

	/// The worst case: lowering a renounced mint-limit ceiling, which reads the ceiling, the
	/// parameters and the circuit breaker's mint limits.
	#[benchmark]
	fn renounce_power() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let highest = BalanceOf::<T>::max_value();
		RenouncedPowers::<T>::insert(
			Power::RaiseMintLimits,
			RenunciationRecord { since: 0, ceiling: Some(highest) },
		);
		let ceiling = highest.saturating_sub(1u32.into());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Renunciation::MintLimitsAbove { ceiling });

		assert_eq!(Stablecoin::<T>::mint_limit_ceiling(), Some(ceiling));
		Ok(())
	}

	/// `n` frozen accounts whose freezes expired, lifted by the hook.
	#[benchmark]
	fn lift_expired_freezes(n: Linear<0, { T::MaxFreezeExpiriesPerBlock::get() }>) {
		let mut accounts = alloc::vec::Vec::new();
		for i in 0..n {
			let who = holder::<T>("frozen", i, Params::<T>::get().mint.min);
			Stablecoin::<T>::do_freeze_account(
				who.clone(),
				longest_reason::<T>(),
				longest_order(),
				None,
				None,
				Actor::Root,
			)
			.expect("a holder can be frozen");
			// Expired at the epoch's first day, which the walk starts from.
			FrozenAccounts::<T>::mutate(&who, |record| {
				if let Some(record) = record {
					record.expires_at = Some(0);
				}
			});
			FreezeExpiries::<T>::insert(0, &who, ());
			accounts.push(who);
		}
		ScheduledExpiries::<T>::put(n);
		NextExpiryDay::<T>::put(0);

		#[block]
		{
			Stablecoin::<T>::lift_expired_freezes();
		}

		for who in &accounts {
			assert!(!Stablecoin::<T>::is_frozen(who));
		}
	}

	/// A full year of holidays replacing a full year.
	#[benchmark]
	fn set_holidays() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let year = 2030u16;
		Holidays::<T>::insert(year, full_year_of_holidays::<T>());
		let mut dates = full_year_of_holidays::<T>();
		// A different list of the same size: every date moved to the next month's same day.
		for date in dates.iter_mut() {
			date.month = date.month % 12 + 1;
		}
		dates.sort();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, year, dates.clone());

		assert_eq!(Holidays::<T>::get(year), dates);
		Ok(())
	}

	/// The pool's check of a frozen signer (one read of its freeze flag).
	#[benchmark]
	fn refuse_frozen_signer() -> Result<(), BenchmarkError> {
		let who = holder::<T>("holder", 0, Params::<T>::get().mint.min);
		Stablecoin::<T>::do_freeze_account(
			who.clone(),
			longest_reason::<T>(),
			longest_order(),
			None,
			None,
			Actor::Root,
		)?;
		let frozen;

		#[block]
		{
			frozen = Stablecoin::<T>::is_frozen(&who);
		}

		assert!(frozen);
		Ok(())
	}

	/// `n` due redemptions, none flagged yet.
	#[benchmark]
	fn on_initialize(
		n: Linear<0, { T::MaxOverdueChecksPerBlock::get() }>,
	) -> Result<(), BenchmarkError> {
		fill_redemptions::<T>(n)?;

		#[block]
		{
			Stablecoin::<T>::on_initialize(1u32.into());
		}

		assert!(Redemptions::<T>::iter().all(|(_, r)| r.overdue));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Stablecoin,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
