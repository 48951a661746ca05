//! The pallet's logic, outside the macro: the `do_*` helpers behind each call, the calendar,
//! the overdue check, genesis and the read helpers behind the runtime API.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult, Get, Weight},
	storage::with_storage_layer,
	traits::{
		fungible::{Inspect, InspectFreeze, Mutate, MutateFreeze},
		tokens::{Fortitude, Precision, Preservation},
		Contains, EnsureOrigin,
	},
	BoundedVec,
};
use frame_system::pallet_prelude::OriginFor;
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, SaturatedConversion, Saturating, Zero},
	Permill,
};
use stablecoin_primitives::{
	Breaker, Compliance, ComplianceError, GuardedOperation, IdentityAccounts, IdentityId,
	Operation, ReserveCap,
};

impl<T: Config> Pallet<T> {
	// ---- origins, time, small helpers ------------------------------------------------------

	/// Check the fiat desk origin and say which operator it is: refused with
	/// [`Error::NotFiatDesk`].
	pub(crate) fn ensure_fiat_desk(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		T::FiatDeskOrigin::ensure_origin(origin).map_err(|_| Error::<T>::NotFiatDesk.into())
	}

	/// Check that the origin is a fiat-desk operator or governance, and say who it is:
	/// refused with [`Error::NotFiatDeskOrGovernance`].
	pub(crate) fn ensure_fiat_desk_or_governance(
		origin: OriginFor<T>,
	) -> Result<ActorOf<T>, DispatchError> {
		match T::FiatDeskOrigin::try_origin(origin) {
			Ok(desk) => Ok(Actor::Signed(desk)),
			Err(origin) => Actor::ensure_by::<T::GovernanceOrigin, _>(origin)
				.map_err(|_| Error::<T>::NotFiatDeskOrGovernance.into()),
		}
	}

	/// Check the governance origin and say who it is: refused with [`Error::NotGovernance`].
	pub(crate) fn ensure_governance(origin: OriginFor<T>) -> Result<ActorOf<T>, DispatchError> {
		Actor::ensure_by::<T::GovernanceOrigin, _>(origin)
			.map_err(|_| Error::<T>::NotGovernance.into())
	}

	/// Check that the origin is a compliance officer or governance (which can overrule the
	/// officer), and say who it is: refused with [`Error::NotComplianceOfficerOrGovernance`].
	pub(crate) fn ensure_compliance_or_governance(
		origin: OriginFor<T>,
	) -> Result<ActorOf<T>, DispatchError> {
		if T::ComplianceOrigin::try_origin(origin.clone()).is_ok() {
			return Ok(Actor::from_origin(origin));
		}
		Actor::ensure_by::<T::GovernanceOrigin, _>(origin)
			.map_err(|_| Error::<T>::NotComplianceOfficerOrGovernance.into())
	}

	/// Check the compliance officer origin and say who it is: refused with
	/// [`Error::NotComplianceOfficer`].
	pub(crate) fn ensure_compliance_officer(
		origin: OriginFor<T>,
	) -> Result<ActorOf<T>, DispatchError> {
		Actor::ensure_by::<T::ComplianceOrigin, _>(origin)
			.map_err(|_| Error::<T>::NotComplianceOfficer.into())
	}

	/// The fee on `amount` at `rate`, rounded up to the next smallest unit. Never more than
	/// `amount`, since `rate` is at most 100%.
	pub fn fee_of(amount: BalanceOf<T>, rate: Permill) -> BalanceOf<T> {
		rate.mul_ceil(amount)
	}

	/// `who` may perform `operation` on `amount` (within its jurisdiction's limit), or the
	/// named reason why not.
	pub(crate) fn ensure_compliant(
		who: &T::AccountId,
		operation: Operation,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Compliance::check_amount(who, operation, amount.saturated_into())
			.map_err(|e| Error::<T>::NotCompliant(e).into())
	}

	/// `who` may receive `amount`: compliant to hold, with the balance it would reach within
	/// its jurisdiction's limit.
	fn may_receive(who: &T::AccountId, amount: BalanceOf<T>) -> Result<(), ComplianceError> {
		// A would-be balance, only compared with a limit: saturating is exact below the
		// total issuance, which the ledger keeps within its type.
		let balance_after = T::Currency::total_balance(who).saturating_add(amount);
		T::Compliance::check_amount(who, Operation::Hold, balance_after.saturated_into())
	}

	/// Whether `who` carries the freeze flag.
	pub fn is_frozen(who: &T::AccountId) -> bool {
		FrozenAccounts::<T>::contains_key(who)
	}

	/// The runtime's freeze identifier of the sanctions freeze.
	fn sanctions_id() -> T::RuntimeFreezeReason {
		FreezeReason::Sanctions.into()
	}

	/// Freeze the whole balance of `who` on the ledger (a zero balance thaws instead).
	fn freeze_whole_balance(who: &T::AccountId) -> Result<BalanceOf<T>, DispatchError> {
		let amount = T::Currency::total_balance(who);
		T::Currency::set_freeze(&Self::sanctions_id(), who, amount)?;
		Ok(amount)
	}

	/// After crediting `who` outside a user transfer (fees, seized funds, a returned
	/// redemption): if it is frozen, grow its freeze to cover the new balance.
	fn refreeze_if_frozen(who: &T::AccountId) -> DispatchResult {
		if Self::is_frozen(who) {
			Self::freeze_whole_balance(who)?;
		}
		Ok(())
	}

	/// What the reserves must cover: the total issuance plus the pending redemptions (burned,
	/// but their fiat is still owed). Saturating: a report, not a ledger entry.
	pub fn liabilities() -> BalanceOf<T> {
		T::Currency::total_issuance().saturating_add(PendingRedemption::<T>::get())
	}

	/// The drop in total issuance since `before`: what an operation burned, dust included.
	fn burned_since(before: BalanceOf<T>) -> BalanceOf<T> {
		before.saturating_sub(T::Currency::total_issuance())
	}

	fn add_to_counter(
		counter: impl FnOnce() -> BalanceOf<T>,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		counter().checked_add(&amount).ok_or_else(|| Error::<T>::Overflow.into())
	}

	// ---- allowance and parameters ----------------------------------------------------------

	/// Authorize `amount` of new supply, then execute waiting requests. Returns how many
	/// waiting requests were looked at (for the weight).
	pub(crate) fn do_authorize_supply(
		amount: BalanceOf<T>,
		by: ActorOf<T>,
	) -> Result<u32, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let old_allowance = Allowance::<T>::get();
		let allowance = old_allowance.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		let total = Self::add_to_counter(TotalAuthorized::<T>::get, amount)?;
		Allowance::<T>::put(allowance);
		TotalAuthorized::<T>::put(total);
		Self::deposit_event(Event::SupplyAuthorized { amount, old_allowance, allowance, by });
		Ok(Self::process_awaiting(T::MaxMintsPerAuthorization::get()))
	}

	/// Execute waiting mint requests, oldest first, at most `limit`; stop at the first whose
	/// amount the allowance does not cover (silently: it keeps waiting) or that is refused
	/// (with [`Event::MintExecutionBlocked`]). Returns how many requests were looked at.
	pub(crate) fn process_awaiting(limit: u32) -> u32 {
		let mut queue = AwaitingAuthorization::<T>::get();
		let mut looked_at = 0u32;
		while looked_at < limit {
			let Some(&id) = queue.first() else { break };
			looked_at = looked_at.saturating_add(1);
			let Some(request) = MintRequests::<T>::get(id) else {
				// Defensive: a queued id always has a request (checked by `try_state`).
				queue.remove(0);
				continue;
			};
			if !matches!(request.status, MintStatus::AwaitingAuthorization { .. }) {
				// Defensive: only funded, approved requests are queued (checked by
				// `try_state`).
				queue.remove(0);
				continue;
			}
			if request.amount > Allowance::<T>::get() {
				break;
			}
			let outcome = with_storage_layer(|| {
				let headroom = Self::ensure_mint_allowed(&request)?;
				Self::issue(id, request.clone(), headroom)
			});
			match outcome {
				Ok(()) => {
					queue.remove(0);
				}
				Err(error) => {
					Self::deposit_event(Event::MintExecutionBlocked { id, error });
					break;
				}
			}
		}
		AwaitingAuthorization::<T>::put(queue);
		looked_at
	}

	/// Reduce the unissued allowance by `amount`.
	pub(crate) fn do_reduce_allowance(amount: BalanceOf<T>, by: ActorOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let old_allowance = Allowance::<T>::get();
		let allowance = old_allowance.checked_sub(&amount).ok_or(Error::<T>::AllowanceTooSmall)?;
		// Invariant: TotalAuthorized >= Allowance, so this cannot underflow.
		let total = TotalAuthorized::<T>::get().checked_sub(&amount).ok_or(Error::<T>::Overflow)?;
		Allowance::<T>::put(allowance);
		TotalAuthorized::<T>::put(total);
		Self::deposit_event(Event::AllowanceReduced { amount, old_allowance, allowance, by });
		Ok(())
	}

	/// Replace the parameters.
	pub(crate) fn do_set_parameters(new: ParametersOf<T>, by: ActorOf<T>) -> DispatchResult {
		ensure!(new.is_valid(), Error::<T>::InvalidParameters);
		if let Some(ceiling) = Self::mint_limit_ceiling() {
			ensure!(
				new.mint_maxima_within(&ceiling),
				Error::<T>::RenouncedPower(Power::RaiseMintLimits)
			);
		}
		let old = Params::<T>::get();
		Params::<T>::put(new);
		Self::deposit_event(Event::ParametersSet { old, new, by });
		Ok(())
	}

	// ---- mint requests ---------------------------------------------------------------------

	/// The compliance operation a mint tier needs.
	fn mint_operation(tier: MintTier) -> Operation {
		match tier {
			MintTier::Standard => Operation::Mint,
			MintTier::Bulk => Operation::BulkMint,
		}
	}

	/// The identity of `who`, whose open requests are counted against the per-identity caps.
	fn identity_of(who: &T::AccountId) -> Result<IdentityId, DispatchError> {
		T::IdentityAccounts::identity_id_of(who)
			.ok_or_else(|| Error::<T>::NotCompliant(ComplianceError::NoIdentity).into())
	}

	/// One more open request than `open`, up to `max` (else `full`).
	fn open_one(open: u32, max: u32, full: Error<T>) -> Result<u32, DispatchError> {
		ensure!(open < max, full);
		Ok(open.saturating_add(1))
	}

	/// One open request less than `count`, for `mutate_exists`: the entry goes at zero.
	/// Invariant (`try_state`): a count matches the identity's open requests, so it is
	/// positive when one closes; `checked_sub` keeps a broken count from underflowing.
	fn close_one(count: &mut Option<u32>) {
		*count = count.and_then(|open| open.checked_sub(1)).filter(|open| *open > 0);
	}

	/// Record a mint request.
	pub(crate) fn do_request_mint(
		who: T::AccountId,
		amount: BalanceOf<T>,
		tier: MintTier,
	) -> Result<MintId, DispatchError> {
		ensure!(!T::Breaker::is_winding_down(), Error::<T>::WindingDown);
		Self::ensure_compliant(&who, Self::mint_operation(tier), amount)?;
		ensure!(!Self::is_frozen(&who), Error::<T>::HolderFrozen);
		let params = Params::<T>::get();
		let limits = params.mint_limits(tier);
		ensure!(amount >= limits.min, Error::<T>::BelowMinimum);
		ensure!(amount <= limits.max, Error::<T>::AboveMaximum);
		let identity = Self::identity_of(&who)?;
		let open = Self::open_one(
			OpenMints::<T>::get(identity),
			T::MaxOpenMintsPerIdentity::get(),
			Error::<T>::TooManyOpenMints,
		)?;
		let fee = Self::fee_of(amount, limits.fee);
		let id = NextMintId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		NextMintId::<T>::put(next);
		OpenMints::<T>::insert(identity, open);
		let request = MintRequest {
			who: who.clone(),
			identity,
			amount,
			fee,
			tier,
			requested_at: stablecoin_primitives::now::<T::Time>(),
			status: MintStatus::AwaitingFunding,
			funding: FundingConfirmations::default(),
		};
		MintRequests::<T>::insert(id, request);
		Self::deposit_event(Event::MintRequested { id, who, amount, fee, tier });
		Ok(id)
	}

	/// Take a closed mint request out of storage and its identity's count.
	fn close_mint(id: MintId, request: &MintRequestOf<T>) {
		MintRequests::<T>::remove(id);
		OpenMints::<T>::mutate_exists(request.identity, Self::close_one);
	}

	/// Cancel a mint request before funding.
	pub(crate) fn do_cancel_mint(who: T::AccountId, id: MintId) -> DispatchResult {
		let request = MintRequests::<T>::get(id).ok_or(Error::<T>::UnknownMintRequest)?;
		ensure!(request.who == who, Error::<T>::NotRequester);
		ensure!(request.status == MintStatus::AwaitingFunding, Error::<T>::NotAwaitingFunding);
		Self::close_mint(id, &request);
		Self::deposit_event(Event::MintCancelled { id, who });
		Ok(())
	}

	/// Everything but the allowance that must hold for `request` to be minted now: the
	/// holder's compliance and freeze flag, the breaker and the reserve cap. Returns the
	/// headroom it checked, for [`Self::issue`].
	pub(crate) fn ensure_mint_allowed(
		request: &MintRequestOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		Self::ensure_compliant(&request.who, Self::mint_operation(request.tier), request.amount)?;
		ensure!(!Self::is_frozen(&request.who), Error::<T>::HolderFrozen);
		// The holder receives the amount net of the fee (`fee <= amount` by construction).
		Self::may_receive(&request.who, request.amount.saturating_sub(request.fee))
			.map_err(Error::<T>::NotCompliant)?;
		T::Breaker::ensure_allowed(GuardedOperation::Mint, request.amount)?;
		// The reserves' freshness is the breaker's rule (it refuses mints on a stale
		// attestation); the amount against the headroom is this pallet's.
		let headroom = T::ReserveCap::headroom();
		ensure!(headroom >= request.amount, Error::<T>::ReserveCapExceeded);
		Ok(headroom)
	}

	/// Mint `request` out of the allowance (the caller checked everything else with
	/// [`Self::ensure_mint_allowed`], which saw `headroom`); the request leaves storage.
	fn issue(id: MintId, request: MintRequestOf<T>, headroom: BalanceOf<T>) -> DispatchResult {
		let amount = request.amount;
		let fee = request.fee;
		let allowance =
			Allowance::<T>::get().checked_sub(&amount).ok_or(Error::<T>::AllowanceTooSmall)?;
		let issued = Self::add_to_counter(IssuedFromAllowance::<T>::get, amount)?;
		let minted = Self::add_to_counter(TotalMinted::<T>::get, amount)?;
		let fees = Self::add_to_counter(FeesCollected::<T>::get, fee)?;
		// The reserves this mint is checked against (`headroom >= amount`); a report, so
		// saturating.
		let reserves = headroom.saturating_add(Self::liabilities());
		// `fee <= amount` by construction (`fee_of` never exceeds the amount).
		let net = amount.checked_sub(&fee).ok_or(Error::<T>::Overflow)?;
		T::Breaker::admit(GuardedOperation::Mint, amount)?;
		T::Currency::mint_into(&request.who, net)?;
		if !fee.is_zero() {
			let fee_account = T::FeeAccount::get();
			T::Currency::mint_into(&fee_account, fee)?;
			Self::refreeze_if_frozen(&fee_account)?;
		}
		Allowance::<T>::put(allowance);
		IssuedFromAllowance::<T>::put(issued);
		TotalMinted::<T>::put(minted);
		FeesCollected::<T>::put(fees);
		ReservesAtLastMint::<T>::put(reserves);
		Self::close_mint(id, &request);
		Self::deposit_event(Event::Minted { id, who: request.who, amount, fee });
		Ok(())
	}

	/// Record one fiat-desk operator's confirmation of a request's funding; on the last one
	/// required, execute the request or make it wait.
	pub(crate) fn do_confirm_funding(
		id: MintId,
		ledger_ref: H256,
		desk: T::AccountId,
	) -> DispatchResult {
		let mut request = MintRequests::<T>::get(id).ok_or(Error::<T>::UnknownMintRequest)?;
		ensure!(request.status == MintStatus::AwaitingFunding, Error::<T>::NotAwaitingFunding);
		ensure!(request.who != desk, Error::<T>::RequesterCannotConfirm);
		ensure!(!request.funding.by.contains(&desk), Error::<T>::AlreadyConfirmed);
		if let Some(first) = request.funding.ledger_ref {
			ensure!(first == ledger_ref, Error::<T>::LedgerRefMismatch);
		}
		let params = Params::<T>::get();
		let required = params.funding_confirmations;
		request.funding.ledger_ref = Some(ledger_ref);
		// Full only if `required` is above the bound, which `Parameters::is_valid` forbids;
		// a full list of distinct confirmers is more than enough.
		let _ = request.funding.by.try_push(desk.clone());
		let confirmations = u32::try_from(request.funding.by.len()).unwrap_or(u32::MAX);
		Self::deposit_event(Event::FundingConfirmed {
			id,
			ledger_ref,
			by: desk,
			confirmations,
			required,
		});
		if confirmations < required {
			MintRequests::<T>::insert(id, request);
			return Ok(());
		}

		let headroom = Self::ensure_mint_allowed(&request)?;
		Self::deposit_event(Event::MintFunded {
			id,
			ledger_ref,
			confirmed_by: request.funding.by.to_vec(),
		});
		if request.amount > params.approval_threshold {
			request.status = MintStatus::AwaitingApproval { ledger_ref };
			let amount = request.amount;
			MintRequests::<T>::insert(id, request);
			Self::deposit_event(Event::MintAwaitingApproval {
				id,
				amount,
				threshold: params.approval_threshold,
			});
			return Ok(());
		}
		let available = Allowance::<T>::get();
		let ahead = u32::try_from(AwaitingAuthorization::<T>::decode_len().unwrap_or(0))
			.unwrap_or(u32::MAX);
		let waiting_for = if ahead > 0 {
			MintWaitReason::QueuedBehind { ahead }
		} else if request.amount > available {
			MintWaitReason::Allowance { needed: request.amount, available }
		} else {
			return Self::issue(id, request, headroom);
		};
		Self::enqueue_funded(id, request, ledger_ref)?;
		Self::deposit_event(Event::MintAwaitingAuthorization { id, waiting_for });
		Ok(())
	}

	/// Put a funded (and, above the threshold, approved) request at the end of the FIFO queue.
	fn enqueue_funded(
		id: MintId,
		mut request: MintRequestOf<T>,
		ledger_ref: H256,
	) -> DispatchResult {
		AwaitingAuthorization::<T>::try_mutate(|queue| queue.try_push(id))
			.map_err(|_| Error::<T>::AwaitingQueueFull)?;
		request.status = MintStatus::AwaitingAuthorization { ledger_ref };
		MintRequests::<T>::insert(id, request);
		Ok(())
	}

	/// Governance approves a request above the approval threshold: it joins the queue, which
	/// executes as far as the allowance reaches. Returns how many queued requests were looked
	/// at (for the weight).
	pub(crate) fn do_approve_mint(id: MintId, by: ActorOf<T>) -> Result<u32, DispatchError> {
		let request = MintRequests::<T>::get(id).ok_or(Error::<T>::UnknownMintRequest)?;
		let MintStatus::AwaitingApproval { ledger_ref } = request.status else {
			return Err(Error::<T>::NotAwaitingApproval.into());
		};
		Self::enqueue_funded(id, request, ledger_ref)?;
		Self::deposit_event(Event::MintApproved { id, by });
		Ok(Self::process_awaiting(T::MaxMintsPerAuthorization::get()))
	}

	/// Reject an open mint request.
	pub(crate) fn do_reject_mint(
		id: MintId,
		reason: ReasonOf<T>,
		by: ActorOf<T>,
	) -> DispatchResult {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		let request = MintRequests::<T>::get(id).ok_or(Error::<T>::UnknownMintRequest)?;
		if matches!(request.status, MintStatus::AwaitingAuthorization { .. }) {
			AwaitingAuthorization::<T>::mutate(|queue| queue.retain(|queued| *queued != id));
		}
		Self::close_mint(id, &request);
		Self::deposit_event(Event::MintRejected { id, who: request.who, reason, by });
		Ok(())
	}

	// ---- redemptions -----------------------------------------------------------------------

	/// The time `business_days` business days after `requested_at`, at the same time of day:
	/// Saturdays, Sundays and bank holidays ([`Holidays`]) are skipped
	/// ([`calendar::due_time`]). Always reads two years' holidays, the request's and the next
	/// (the walk of at most [`MAX_SETTLEMENT_DAYS`] business days never goes further), so that
	/// its weight is the same every day of the year.
	pub fn due_time(requested_at: Moment, business_days: u32) -> Moment {
		let (first_year, _, _) = calendar::civil_from_days(requested_at / DAY_MS);
		let holidays_of =
			|year: u64| u16::try_from(year).map(Holidays::<T>::get).unwrap_or_default();
		let this_year = holidays_of(first_year);
		let next_year = holidays_of(first_year.saturating_add(1));
		calendar::due_time(requested_at, business_days, |year, date| {
			let holidays = if year == first_year {
				&this_year
			} else if year == first_year.saturating_add(1) {
				&next_year
			} else {
				return false;
			};
			holidays.binary_search(&date).is_ok()
		})
	}

	/// Whether day `day` since the Unix epoch is a Saturday or a Sunday.
	pub fn is_weekend(day: u64) -> bool {
		calendar::is_weekend(day)
	}

	pub(crate) fn do_set_holidays(year: u16, new: HolidaysOf<T>, by: ActorOf<T>) -> DispatchResult {
		ensure!(year >= calendar::FIRST_YEAR, Error::<T>::HolidayYearTooEarly);
		ensure!(
			new.iter().all(|date| calendar::is_valid_date(u64::from(year), date)),
			Error::<T>::InvalidHolidayDate
		);
		ensure!(new.windows(2).all(|pair| pair[0] < pair[1]), Error::<T>::HolidaysNotAscending);
		let old = Holidays::<T>::get(year);
		if new.is_empty() {
			Holidays::<T>::remove(year);
		} else {
			Holidays::<T>::insert(year, new.clone());
		}
		Self::deposit_event(Event::HolidaysSet { year, old, new, by });
		Ok(())
	}

	/// Burn a redemption and queue it.
	pub(crate) fn do_request_redemption(
		who: T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<RedemptionId, DispatchError> {
		Self::ensure_compliant(&who, Operation::Redeem, amount)?;
		ensure!(!Self::is_frozen(&who), Error::<T>::HolderFrozen);
		let params = Params::<T>::get();
		ensure!(amount >= params.redeem.min, Error::<T>::BelowMinimum);
		ensure!(amount <= params.redeem.max, Error::<T>::AboveMaximum);
		T::Breaker::admit(GuardedOperation::Redeem, amount)?;
		ensure!(
			T::Currency::reducible_balance(&who, Preservation::Expendable, Fortitude::Polite)
				>= amount,
			Error::<T>::InsufficientBalance
		);
		let identity = Self::identity_of(&who)?;
		let open = Self::open_one(
			OpenRedemptions::<T>::get(identity),
			T::MaxOpenRedemptionsPerIdentity::get(),
			Error::<T>::TooManyOpenRedemptions,
		)?;
		let queued = QueuedRedemptions::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;
		let fee = Self::fee_of(amount, params.redeem.fee);
		// `fee <= amount` by construction.
		let net = amount.checked_sub(&fee).ok_or(Error::<T>::Overflow)?;
		let id = NextRedemptionId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let pending = Self::add_to_counter(PendingRedemption::<T>::get, net)?;
		let fees = Self::add_to_counter(FeesCollected::<T>::get, fee)?;
		let now = stablecoin_primitives::now::<T::Time>();
		let due_at = Self::due_time(now, params.settlement_days);

		let before = T::Currency::total_issuance();
		if !fee.is_zero() {
			// The holder keeps at least `net` after the fee, so the account stays alive.
			let fee_account = T::FeeAccount::get();
			T::Currency::transfer(&who, &fee_account, fee, Preservation::Preserve)?;
			Self::refreeze_if_frozen(&fee_account)?;
		}
		T::Currency::burn_from(
			&who,
			net,
			Preservation::Expendable,
			Precision::Exact,
			Fortitude::Polite,
		)?;
		let burned = Self::add_to_counter(TotalBurned::<T>::get, Self::burned_since(before))?;

		NextRedemptionId::<T>::put(next);
		OpenRedemptions::<T>::insert(identity, open);
		QueuedRedemptions::<T>::put(queued);
		PendingRedemption::<T>::put(pending);
		FeesCollected::<T>::put(fees);
		TotalBurned::<T>::put(burned);
		Redemptions::<T>::insert(
			id,
			Redemption {
				who: who.clone(),
				identity,
				amount: net,
				fee,
				requested_at: now,
				due_at,
				status: RedemptionStatus::Pending,
				overdue: false,
			},
		);
		Self::deposit_event(Event::RedemptionRequested { id, who, amount: net, fee, due_at });
		Ok(id)
	}

	/// Take a redemption out of the queue, the pending total and its identity's count.
	fn dequeue_redemption(id: RedemptionId, redemption: &RedemptionOf<T>) -> DispatchResult {
		// Invariant (`try_state`): PendingRedemption is the sum of the queued amounts.
		let pending = PendingRedemption::<T>::get()
			.checked_sub(&redemption.amount)
			.ok_or(Error::<T>::Overflow)?;
		PendingRedemption::<T>::put(pending);
		// Invariant (`try_state`): the count matches the queue, so it is positive here;
		// saturating keeps a broken count from underflowing.
		QueuedRedemptions::<T>::mutate(|queued| *queued = queued.saturating_sub(1));
		OpenRedemptions::<T>::mutate_exists(redemption.identity, Self::close_one);
		Redemptions::<T>::remove(id);
		Ok(())
	}

	/// Confirm a redemption's payout.
	pub(crate) fn do_confirm_payout(
		id: RedemptionId,
		payout_ref: H256,
		by: ActorOf<T>,
	) -> DispatchResult {
		let redemption = Redemptions::<T>::get(id).ok_or(Error::<T>::UnknownRedemption)?;
		ensure!(redemption.status != RedemptionStatus::Held, Error::<T>::RedemptionOnHold);
		Self::dequeue_redemption(id, &redemption)?;
		Self::deposit_event(Event::RedemptionPaid {
			id,
			who: redemption.who,
			amount: redemption.amount,
			payout_ref,
			by,
		});
		Ok(())
	}

	/// Reject a redemption and re-mint its amount to the holder.
	pub(crate) fn do_reject_redemption(
		id: RedemptionId,
		reason: ReasonOf<T>,
		by: ActorOf<T>,
	) -> DispatchResult {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		let redemption = Redemptions::<T>::get(id).ok_or(Error::<T>::UnknownRedemption)?;
		// The tokens return to circulation: the breaker admits them as new supply, which
		// needs fresh reserves covering the liabilities (the breaker's rule). The liabilities
		// do not grow (the amount moves from pending to circulating), so no headroom check.
		T::Breaker::admit(GuardedOperation::Mint, redemption.amount)?;
		let minted = Self::add_to_counter(TotalMinted::<T>::get, redemption.amount)?;
		Self::dequeue_redemption(id, &redemption)?;
		T::Currency::mint_into(&redemption.who, redemption.amount)?;
		Self::refreeze_if_frozen(&redemption.who)?;
		TotalMinted::<T>::put(minted);
		Self::deposit_event(Event::RedemptionRejected {
			id,
			who: redemption.who,
			amount: redemption.amount,
			reason,
			by,
		});
		Ok(())
	}

	/// Put a redemption on hold.
	pub(crate) fn do_hold_redemption(
		id: RedemptionId,
		reason: ReasonOf<T>,
		by: ActorOf<T>,
	) -> DispatchResult {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		let mut redemption = Redemptions::<T>::get(id).ok_or(Error::<T>::UnknownRedemption)?;
		ensure!(redemption.status == RedemptionStatus::Pending, Error::<T>::AlreadyHeld);
		redemption.status = RedemptionStatus::Held;
		Redemptions::<T>::insert(id, redemption);
		Self::deposit_event(Event::RedemptionHeld { id, reason, by });
		Ok(())
	}

	/// Release a held redemption.
	pub(crate) fn do_release_redemption(id: RedemptionId, by: ActorOf<T>) -> DispatchResult {
		let mut redemption = Redemptions::<T>::get(id).ok_or(Error::<T>::UnknownRedemption)?;
		ensure!(redemption.status == RedemptionStatus::Held, Error::<T>::NotHeld);
		redemption.status = RedemptionStatus::Pending;
		Redemptions::<T>::insert(id, redemption);
		Self::deposit_event(Event::RedemptionReleased { id, by });
		Ok(())
	}

	/// Walk the queue from [`OverdueCursor`], looking at up to `MaxOverdueChecksPerBlock`
	/// identifiers: settled ones are skipped, late ones (held ones included: the hold shows in
	/// their status) are flagged with one [`Event::RedemptionOverdue`] each, and the walk stops
	/// at the first queued redemption that is not due yet. Returns the weight used.
	///
	/// Redemptions are due in request order while the settlement period is unchanged; after
	/// governance shortens it, a later request can fall due first and is flagged once the
	/// walk reaches it. Runs in `on_initialize`, before this block's timestamp is set, so
	/// "now" is the previous block's time: a request is flagged at most one block late.
	pub fn check_overdue() -> Weight {
		let next = NextRedemptionId::<T>::get();
		let mut cursor = OverdueCursor::<T>::get();
		if cursor >= next {
			return T::WeightInfo::on_initialize(0);
		}
		let now = stablecoin_primitives::now::<T::Time>();
		let mut checks = 0u32;
		while checks < T::MaxOverdueChecksPerBlock::get() && cursor < next {
			checks = checks.saturating_add(1);
			if let Some(mut redemption) = Redemptions::<T>::get(cursor) {
				if now < redemption.due_at {
					break;
				}
				if !redemption.overdue {
					redemption.overdue = true;
					Self::deposit_event(Event::RedemptionOverdue {
						id: cursor,
						who: redemption.who.clone(),
						amount: redemption.amount,
						due_at: redemption.due_at,
					});
					Redemptions::<T>::insert(cursor, redemption);
				}
			}
			cursor = cursor.saturating_add(1);
		}
		OverdueCursor::<T>::put(cursor);
		T::WeightInfo::on_initialize(checks)
	}

	// ---- transfers -------------------------------------------------------------------------

	/// The ledger's refusal of a movement of funds, in this pallet's words: an amount above
	/// what the sender can spend (keeping its account alive) is
	/// [`Error::InsufficientBalance`], a payment that would leave the receiver below the
	/// existential deposit is [`Error::BelowExistentialDeposit`]; anything else is passed on.
	pub(crate) fn ledger_error(error: DispatchError) -> DispatchError {
		use sp_runtime::{ArithmeticError, TokenError};
		match error {
			DispatchError::Token(
				TokenError::FundsUnavailable | TokenError::NotExpendable | TokenError::Frozen,
			)
			| DispatchError::Arithmetic(ArithmeticError::Underflow) => {
				Error::<T>::InsufficientBalance.into()
			}
			DispatchError::Token(TokenError::BelowMinimum) => {
				Error::<T>::BelowExistentialDeposit.into()
			}
			other => other,
		}
	}

	/// Move `amount` from `from` to `to`: an exact amount keeping the sender's account alive,
	/// or everything the sender can spend.
	pub(crate) fn do_transfer(
		from: T::AccountId,
		to: T::AccountId,
		amount: TransferAmount<BalanceOf<T>>,
		reference: Option<PaymentReference>,
	) -> DispatchResult {
		Self::do_transfer_with(from, to, amount, reference, None)
	}

	/// A transfer, with its payment reference and its travel-rule record if it has them.
	pub(crate) fn do_transfer_with(
		from: T::AccountId,
		to: T::AccountId,
		amount: TransferAmount<BalanceOf<T>>,
		reference: Option<PaymentReference>,
		record: Option<TravelRuleRecord>,
	) -> DispatchResult {
		if let TransferAmount::Exactly(amount) = amount {
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		}
		let (amount, preservation) = match amount {
			TransferAmount::Exactly(amount) => (amount, Preservation::Preserve),
			TransferAmount::All => (
				T::Currency::reducible_balance(&from, Preservation::Expendable, Fortitude::Polite),
				Preservation::Expendable,
			),
		};
		Self::ensure_may_send(&from, amount)?;
		ensure!(!Self::is_frozen(&to), Error::<T>::ReceiverFrozen);
		Self::may_receive(&to, amount).map_err(Error::<T>::ReceiverNotCompliant)?;
		// Only `All` can come to nothing: an exact amount was checked above.
		ensure!(!amount.is_zero(), Error::<T>::NothingToTransfer);
		let pending_record = Self::travel_rule_check(&from, &to, amount, record)?;
		T::Breaker::admit(GuardedOperation::Transfer, amount)?;
		T::Currency::transfer(&from, &to, amount, preservation).map_err(Self::ledger_error)?;
		Self::deposit_transferred(from.clone(), to.clone(), amount, reference);
		if let Some(record) = pending_record {
			Self::store_travel_rule_record(from, to, amount, record)?;
		}
		Ok(())
	}

	// ---- travel rule -----------------------------------------------------------------------

	pub(crate) fn do_set_travel_rule(
		new: TravelRuleSettingsOf<T>,
		by: ActorOf<T>,
	) -> DispatchResult {
		ensure!(
			!new.threshold.is_zero() && new.structuring_window > 0,
			Error::<T>::InvalidTravelRule
		);
		let old = TravelRule::<T>::get();
		TravelRule::<T>::put(new);
		Self::deposit_event(Event::TravelRuleSet { old, new, by });
		Ok(())
	}

	/// Read [`TravelRule`] once at the start of every block. Every payment reads it; the block
	/// pays for the read here and the payments of the block find it in the node's cache, so a
	/// payment's benchmark need not count it again. Returns the weight of the read.
	pub(crate) fn read_travel_rule() -> Weight {
		let _ = TravelRule::<T>::get();
		T::DbWeight::get().reads(1)
	}

	/// The storage keys of the items every block's initialization reads that every payment
	/// reads too ([`Self::read_travel_rule`]). The payment benchmarks whitelist them.
	pub fn keys_read_every_block() -> [Vec<u8>; 1] {
		[TravelRule::<T>::hashed_key().to_vec()]
	}

	/// The travel rule for a transfer of `amount` from `from` to `to`, before anything moves:
	/// a transfer between accounts of one identity is exempt; at or above the threshold the
	/// record is required; a given record is checked and returned to be stored after the
	/// transfer; below the threshold without a record, the payment counts toward the sender's
	/// structuring watch.
	fn travel_rule_check(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
		record: Option<TravelRuleRecord>,
	) -> Result<Option<TravelRuleRecord>, DispatchError> {
		if let Some(record) = &record {
			ensure!(record.record_hash != H256::zero(), Error::<T>::EmptyTravelRuleRecord);
			for provider in [record.originator_provider, record.beneficiary_provider] {
				ensure!(
					!T::IdentityAccounts::accounts_of(provider).is_empty(),
					Error::<T>::UnknownServiceProvider
				);
			}
			return Ok(Some(*record));
		}
		let sender = T::IdentityAccounts::identity_id_of(from);
		let receiver = T::IdentityAccounts::identity_id_of(to);
		if sender.is_some() && sender == receiver {
			return Ok(None);
		}
		let rule = TravelRule::<T>::get();
		ensure!(amount < rule.threshold, Error::<T>::TravelRuleRecordRequired);
		if let (Some(sender), Some(receiver)) = (sender, receiver) {
			Self::watch_for_structuring(sender, receiver, amount, &rule);
		}
		Ok(None)
	}

	/// Add a payment below the threshold to the sender's window for its beneficiary and
	/// announce structuring once per window when the window's payments (two or more) reach the
	/// threshold together. Expired windows are dropped; a new beneficiary beyond
	/// [`MAX_WATCHED_BENEFICIARIES`] replaces the oldest window. One read and one write.
	fn watch_for_structuring(
		sender: IdentityId,
		beneficiary: IdentityId,
		amount: BalanceOf<T>,
		rule: &TravelRuleSettingsOf<T>,
	) {
		let now = stablecoin_primitives::now::<T::Time>();
		let mut watch = StructuringWatch::<T>::get(sender);
		watch.retain(|window| now.saturating_sub(window.since) < rule.structuring_window);
		let index = match watch.iter().position(|window| window.beneficiary == beneficiary) {
			Some(index) => index,
			None => {
				if watch.is_full() {
					// Full: the oldest window gives way (`watch` is not empty).
					let oldest = watch
						.iter()
						.enumerate()
						.min_by_key(|(_, window)| window.since)
						.map_or(0, |(index, _)| index);
					watch.remove(oldest);
				}
				let fresh = StructuringWindow {
					beneficiary,
					since: now,
					total: Zero::zero(),
					transfers: 0,
					flagged: false,
				};
				// There is room: the list was below its bound or one window was removed.
				let _ = watch.try_push(fresh);
				watch.len().saturating_sub(1)
			}
		};
		if let Some(window) = watch.get_mut(index) {
			// Saturating: a report, not a ledger entry.
			window.total = window.total.saturating_add(amount);
			window.transfers = window.transfers.saturating_add(1);
			if !window.flagged && window.transfers >= 2 && window.total >= rule.threshold {
				window.flagged = true;
				Self::deposit_event(Event::StructuringSuspected {
					identity: sender,
					beneficiary,
					total: window.total,
					transfers: window.transfers,
					since: window.since,
				});
			}
		}
		if watch.is_empty() {
			StructuringWatch::<T>::remove(sender);
		} else {
			StructuringWatch::<T>::insert(sender, watch);
		}
	}

	/// Keep a transfer's travel-rule record and announce it.
	fn store_travel_rule_record(
		from: T::AccountId,
		to: T::AccountId,
		amount: BalanceOf<T>,
		record: TravelRuleRecord,
	) -> DispatchResult {
		let id = NextTravelRuleId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		NextTravelRuleId::<T>::put(next);
		TravelRuleRecords::<T>::insert(
			id,
			TravelRuleEntry {
				from: from.clone(),
				to: to.clone(),
				amount,
				record,
				at: stablecoin_primitives::now::<T::Time>(),
			},
		);
		Self::deposit_event(Event::TravelRuleRecorded { id, from, to, amount, record });
		Ok(())
	}

	/// Up to `limit` travel-rule records after the one with identifier `after` (from the
	/// first when `None`), in order: for the runtime API.
	pub fn travel_rule_records(after: Option<u64>, limit: u32) -> Vec<(u64, TravelRuleEntryOf<T>)> {
		let start = after.map_or(1, |id| id.saturating_add(1));
		let end = NextTravelRuleId::<T>::get();
		(start..end)
			.take(limit as usize)
			.filter_map(|id| TravelRuleRecords::<T>::get(id).map(|entry| (id, entry)))
			.collect()
	}

	/// The sender's side of a payment of `amount`: not frozen, and compliant for `Send`
	/// within its jurisdiction's limit.
	fn ensure_may_send(from: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!Self::is_frozen(from), Error::<T>::SenderFrozen);
		T::Compliance::check_amount(from, Operation::Send, amount.saturated_into())
			.map_err(Error::<T>::SenderNotCompliant)?;
		Ok(())
	}

	/// Pay every payout of a batch from `from`, or none.
	pub(crate) fn do_pay_batch(from: T::AccountId, payouts: PayoutsOf<T>) -> DispatchResult {
		ensure!(!payouts.is_empty(), Error::<T>::EmptyBatch);
		let total = payouts
			.iter()
			.try_fold(BalanceOf::<T>::zero(), |total, payout| total.checked_add(&payout.amount))
			.ok_or(Error::<T>::Overflow)?;
		// The batch is one payment of its total, for the sender's jurisdiction limit.
		Self::ensure_may_send(&from, total)?;
		// Every payee is checked before anything moves, so that the first refused payment is
		// named whatever comes after it.
		for (index, payout) in payouts.iter().enumerate() {
			let refused = |reason| Self::payout_refused(index, reason);
			ensure!(!payout.amount.is_zero(), refused(PayoutRefusal::ZeroAmount));
			ensure!(!Self::is_frozen(&payout.dest), refused(PayoutRefusal::PayeeFrozen));
			// What this payee receives in the batch up to this payout (the total fits, so
			// every part of it does).
			let received = payouts[..=index]
				.iter()
				.filter(|earlier| earlier.dest == payout.dest)
				.fold(BalanceOf::<T>::zero(), |sum, earlier| sum.saturating_add(earlier.amount));
			Self::may_receive(&payout.dest, received)
				.map_err(|_| refused(PayoutRefusal::PayeeNotCompliant))?;
		}
		let spendable =
			T::Currency::reducible_balance(&from, Preservation::Preserve, Fortitude::Polite);
		ensure!(total <= spendable, Error::<T>::InsufficientBalance);
		// The travel rule, once the batch is known to be affordable: a payment at or above the
		// threshold needs its own record, smaller ones count toward the structuring watch.
		for (index, payout) in payouts.iter().enumerate() {
			Self::travel_rule_check(&from, &payout.dest, payout.amount, None).map_err(|e| {
				if e == Error::<T>::TravelRuleRecordRequired.into() {
					Self::payout_refused(index, PayoutRefusal::TravelRuleRecordRequired).into()
				} else {
					e
				}
			})?;
		}
		T::Breaker::admit(GuardedOperation::Transfer, total)?;
		// `payouts` is bounded by `MaxPayoutsPerBatch`, so the count fits a `u32`.
		let count = payouts.len() as u32;
		for (index, payout) in payouts.into_iter().enumerate() {
			// With the total covered, the ledger refuses only a payment that would leave a
			// new payee below the existential deposit.
			T::Currency::transfer(&from, &payout.dest, payout.amount, Preservation::Preserve)
				.map_err(|_| Self::payout_refused(index, PayoutRefusal::LedgerRefused))?;
			Self::deposit_transferred(
				from.clone(),
				payout.dest,
				payout.amount,
				Some(payout.reference),
			);
		}
		Self::deposit_event(Event::BatchPaid { from, payouts: count, total });
		Ok(())
	}

	/// The error of a refused payment of a batch, at position `index`.
	fn payout_refused(index: usize, reason: PayoutRefusal) -> Error<T> {
		// A batch holds at most `MaxPayoutsPerBatch` (documented as at most 65,536)
		// payments; a larger position saturates rather than panic.
		Error::<T>::PayoutRefused { index: u16::try_from(index).unwrap_or(u16::MAX), reason }
	}

	/// The event topic under which a payment with `reference` is indexed: the runtime's hash
	/// of [`PAYMENT_TOPIC_PREFIX`] followed by the reference's 32 bytes.
	pub fn payment_topic(reference: &PaymentReference) -> T::Hash {
		<T::Hashing as sp_runtime::traits::Hash>::hash(
			&[PAYMENT_TOPIC_PREFIX, &reference[..]].concat(),
		)
	}

	/// Record a transfer; one with a reference is indexed under its [`Self::payment_topic`].
	fn deposit_transferred(
		from: T::AccountId,
		to: T::AccountId,
		amount: BalanceOf<T>,
		reference: Option<PaymentReference>,
	) {
		let event = Event::<T>::Transferred { from, to, amount, reference };
		match reference {
			Some(reference) => frame_system::Pallet::<T>::deposit_event_indexed(
				&[Self::payment_topic(&reference)],
				<T as frame_system::Config>::RuntimeEvent::from(event),
			),
			None => Self::deposit_event(event),
		}
	}

	// ---- freeze and seize ------------------------------------------------------------------

	/// Check what every freeze needs: a reason, an order unless freezing without one is
	/// renounced, and an expiry (if any) in the future.
	fn check_freeze_terms(
		reason: &ReasonOf<T>,
		order: &Option<LegalOrder>,
		expires_at: Option<Moment>,
	) -> DispatchResult {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		if order.is_none() {
			Self::ensure_not_renounced(Power::FreezeWithoutLegalOrder)?;
		}
		if let Some(expiry) = expires_at {
			ensure!(expiry > stablecoin_primitives::now::<T::Time>(), Error::<T>::ExpiryInThePast);
		}
		Ok(())
	}

	/// Freeze one account.
	pub(crate) fn do_freeze_account(
		who: T::AccountId,
		reason: ReasonOf<T>,
		order: Option<LegalOrder>,
		expires_at: Option<Moment>,
		identity: Option<IdentityId>,
		by: ActorOf<T>,
	) -> DispatchResult {
		Self::check_freeze_terms(&reason, &order, expires_at)?;
		ensure!(!T::ProtectedAccounts::contains(&who), Error::<T>::ProtectedAccount);
		ensure!(!Self::is_frozen(&who), Error::<T>::AlreadyFrozen);
		if let Some(expiry) = expires_at {
			Self::schedule_expiry(&who, expiry)?;
		}
		let amount = Self::freeze_whole_balance(&who)?;
		FrozenAccounts::<T>::insert(
			&who,
			FreezeRecord {
				reason: reason.clone(),
				order: order.clone(),
				identity,
				since: stablecoin_primitives::now::<T::Time>(),
				expires_at,
			},
		);
		Self::deposit_event(Event::AccountFrozen {
			who,
			amount,
			reason,
			order,
			expires_at,
			identity,
			by,
		});
		Ok(())
	}

	/// Unfreeze one account.
	pub(crate) fn do_unfreeze_account(who: T::AccountId, by: ActorOf<T>) -> DispatchResult {
		Self::lift_freeze(&who)?;
		Self::deposit_event(Event::AccountUnfrozen { who, by });
		Ok(())
	}

	/// Thaw `who`'s ledger freeze and forget its record and any scheduled expiry.
	fn lift_freeze(who: &T::AccountId) -> DispatchResult {
		let record = FrozenAccounts::<T>::get(who).ok_or(Error::<T>::NotFrozen)?;
		T::Currency::thaw(&Self::sanctions_id(), who)?;
		FrozenAccounts::<T>::remove(who);
		if let Some(expiry) = record.expires_at {
			Self::unschedule_expiry(who, expiry);
		}
		Ok(())
	}

	/// Schedule `who`'s freeze to lift at `expiry`.
	fn schedule_expiry(who: &T::AccountId, expiry: Moment) -> DispatchResult {
		let scheduled =
			ScheduledExpiries::<T>::get().checked_add(1).ok_or(Error::<T>::TooManyExpiries)?;
		let day = expiry / DAY_MS;
		FreezeExpiries::<T>::insert(day, who, ());
		ScheduledExpiries::<T>::put(scheduled);
		// The walk's start stays at or before every scheduled day.
		if NextExpiryDay::<T>::get().is_none_or(|next| day < next) {
			NextExpiryDay::<T>::put(day);
		}
		Ok(())
	}

	/// Forget the scheduled expiry of `who`'s freeze at `expiry`.
	fn unschedule_expiry(who: &T::AccountId, expiry: Moment) {
		let day = expiry / DAY_MS;
		if FreezeExpiries::<T>::take(day, who).is_some() {
			let left = ScheduledExpiries::<T>::get().saturating_sub(1);
			ScheduledExpiries::<T>::put(left);
			if left == 0 {
				NextExpiryDay::<T>::kill();
			}
		}
	}

	/// Lift up to [`Config::MaxFreezeExpiriesPerBlock`] freezes whose expiry has passed, each
	/// with [`Event::FreezeExpired`]. Walks the scheduled days from [`NextExpiryDay`] up to
	/// today: a day's entries not yet due (later that day) wait; an empty past day moves the
	/// walk on by one day per block. Runs in `on_initialize`, where "now" is the previous
	/// block's time: a freeze lifts at most a block or two after its expiry, more only if
	/// more freezes than the per-block limit expire together. Returns the weight used.
	pub fn lift_expired_freezes() -> Weight {
		let Some(day) = NextExpiryDay::<T>::get() else {
			return T::WeightInfo::lift_expired_freezes(0);
		};
		let now = stablecoin_primitives::now::<T::Time>();
		let today = now / DAY_MS;
		if day > today {
			return T::WeightInfo::lift_expired_freezes(0);
		}
		let due: Vec<T::AccountId> = FreezeExpiries::<T>::iter_key_prefix(day)
			.take(T::MaxFreezeExpiriesPerBlock::get() as usize)
			.collect();
		let mut lifted = 0u32;
		let mut waiting = false;
		for who in &due {
			match FrozenAccounts::<T>::get(who).and_then(|record| record.expires_at) {
				Some(expiry) if expiry <= now => {
					// The record is there, so the freeze lifts; a ledger refusal to thaw
					// leaves it scheduled for the next block.
					if Self::lift_freeze(who).is_ok() {
						lifted = lifted.saturating_add(1);
						Self::deposit_event(Event::FreezeExpired {
							who: who.clone(),
							expired_at: expiry,
						});
					} else {
						waiting = true;
					}
				}
				Some(_) => waiting = true,
				// No longer frozen with an expiry: a stale entry.
				None => Self::unschedule_expiry(who, day.saturating_mul(DAY_MS)),
			}
		}
		let full = due.len() as u32 >= T::MaxFreezeExpiriesPerBlock::get();
		// The day is done when nothing of it waits and the page was not full; move on.
		if !waiting && !full && day < today && NextExpiryDay::<T>::get() == Some(day) {
			NextExpiryDay::<T>::put(day.saturating_add(1));
		}
		T::WeightInfo::lift_expired_freezes(due.len() as u32)
	}

	/// Freeze every account of an identity. Returns how many accounts it listed.
	pub(crate) fn do_freeze_identity(
		identity: IdentityId,
		reason: ReasonOf<T>,
		order: Option<LegalOrder>,
		expires_at: Option<Moment>,
		by: ActorOf<T>,
	) -> Result<u32, DispatchError> {
		Self::check_freeze_terms(&reason, &order, expires_at)?;
		let accounts = T::IdentityAccounts::accounts_of(identity);
		ensure!(!accounts.is_empty(), Error::<T>::UnknownIdentity);
		let listed = u32::try_from(accounts.len()).unwrap_or(u32::MAX);
		ensure!(listed <= MAX_ACCOUNTS_PER_IDENTITY_FREEZE, Error::<T>::TooManyAccounts);
		ensure!(!accounts.iter().any(T::ProtectedAccounts::contains), Error::<T>::ProtectedAccount);
		let mut frozen = 0u32;
		for who in accounts {
			if !Self::is_frozen(&who) {
				Self::do_freeze_account(
					who,
					reason.clone(),
					order.clone(),
					expires_at,
					Some(identity),
					by.clone(),
				)?;
				frozen = frozen.saturating_add(1);
			}
		}
		ensure!(frozen > 0, Error::<T>::AlreadyFrozen);
		Self::deposit_event(Event::IdentityFrozen { identity, accounts: frozen, by });
		Ok(listed)
	}

	/// Take `amount` out of `from` to `destination`: burned (counted in `TotalBurned`) or moved
	/// to the treasury (whose freeze grows if it is frozen). Seizures and fee sweeps share it.
	fn take_out(
		from: &T::AccountId,
		amount: BalanceOf<T>,
		destination: SeizeTo,
		preservation: Preservation,
		fortitude: Fortitude,
	) -> DispatchResult {
		match destination {
			SeizeTo::Burn => {
				let before = T::Currency::total_issuance();
				T::Currency::burn_from(from, amount, preservation, Precision::Exact, fortitude)?;
				let burned =
					Self::add_to_counter(TotalBurned::<T>::get, Self::burned_since(before))?;
				TotalBurned::<T>::put(burned);
			}
			SeizeTo::Treasury => {
				let treasury = T::TreasuryAccount::get();
				T::Currency::transfer(from, &treasury, amount, preservation)?;
				Self::refreeze_if_frozen(&treasury)?;
			}
		}
		Ok(())
	}

	/// Unfreeze every frozen account of an identity. Returns how many accounts it listed.
	pub(crate) fn do_unfreeze_identity(
		identity: IdentityId,
		by: ActorOf<T>,
	) -> Result<u32, DispatchError> {
		let accounts = T::IdentityAccounts::accounts_of(identity);
		ensure!(!accounts.is_empty(), Error::<T>::UnknownIdentity);
		let listed = u32::try_from(accounts.len()).unwrap_or(u32::MAX);
		ensure!(listed <= MAX_ACCOUNTS_PER_IDENTITY_FREEZE, Error::<T>::TooManyAccounts);
		let mut unfrozen = 0u32;
		for who in accounts {
			if Self::is_frozen(&who) {
				Self::do_unfreeze_account(who, by.clone())?;
				unfrozen = unfrozen.saturating_add(1);
			}
		}
		ensure!(unfrozen > 0, Error::<T>::NotFrozen);
		Self::deposit_event(Event::IdentityUnfrozen { identity, accounts: unfrozen, by });
		Ok(listed)
	}

	/// Sweep the fee account's revenue above its existential deposit.
	pub(crate) fn do_sweep_fees(destination: SweepTo, by: ActorOf<T>) -> DispatchResult {
		let fee_account = T::FeeAccount::get();
		let amount =
			T::Currency::reducible_balance(&fee_account, Preservation::Preserve, Fortitude::Polite);
		ensure!(!amount.is_zero(), Error::<T>::NothingToSweep);
		Self::take_out(
			&fee_account,
			amount,
			destination,
			Preservation::Preserve,
			Fortitude::Polite,
		)?;
		Self::deposit_event(Event::FeesSwept { amount, destination, by });
		Ok(())
	}

	/// Seize a frozen account's free balance.
	pub(crate) fn do_seize(
		who: T::AccountId,
		destination: SeizeTo,
		order_ref: H256,
		by: ActorOf<T>,
	) -> DispatchResult {
		Self::ensure_not_renounced(Power::Seizure)?;
		ensure!(Self::is_frozen(&who), Error::<T>::NotFrozen);
		let amount = T::Currency::balance(&who);
		ensure!(!amount.is_zero(), Error::<T>::NothingToSeize);
		T::Currency::thaw(&Self::sanctions_id(), &who)?;
		Self::take_out(&who, amount, destination, Preservation::Expendable, Fortitude::Force)?;
		// Whatever is left (funds on hold) stays frozen.
		Self::freeze_whole_balance(&who)?;
		Self::deposit_event(Event::Seized { who, amount, destination, order_ref, by });
		Ok(())
	}

	/// Burn from the treasury account.
	pub(crate) fn do_emergency_burn(amount: BalanceOf<T>, by: ActorOf<T>) -> DispatchResult {
		Self::ensure_not_renounced(Power::EmergencyBurn)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let treasury = T::TreasuryAccount::get();
		ensure!(
			T::Currency::reducible_balance(&treasury, Preservation::Expendable, Fortitude::Polite)
				>= amount,
			Error::<T>::InsufficientBalance
		);
		let before = T::Currency::total_issuance();
		T::Currency::burn_from(
			&treasury,
			amount,
			Preservation::Expendable,
			Precision::Exact,
			Fortitude::Polite,
		)?;
		let burned = Self::add_to_counter(TotalBurned::<T>::get, Self::burned_since(before))?;
		TotalBurned::<T>::put(burned);
		Self::deposit_event(Event::EmergencyBurned { amount, by });
		Ok(())
	}

	// ---- renounced powers ------------------------------------------------------------------

	/// Refuse a renounced power with [`Error::RenouncedPower`].
	pub(crate) fn ensure_not_renounced(power: Power) -> DispatchResult {
		ensure!(!RenouncedPowers::<T>::contains_key(power), Error::<T>::RenouncedPower(power));
		Ok(())
	}

	/// The ceiling above which governance renounced raising mint limits, if it did.
	pub fn mint_limit_ceiling() -> Option<BalanceOf<T>> {
		RenouncedPowers::<T>::get(Power::RaiseMintLimits).and_then(|record| record.ceiling)
	}

	pub(crate) fn do_renounce_power(
		renunciation: Renunciation<BalanceOf<T>>,
		by: ActorOf<T>,
	) -> DispatchResult {
		let power = renunciation.power();
		let ceiling = match renunciation {
			Renunciation::MintLimitsAbove { ceiling } => {
				// Renouncing again is giving up more: only a lower ceiling.
				if let Some(current) = Self::mint_limit_ceiling() {
					ensure!(ceiling < current, Error::<T>::AlreadyRenounced);
				}
				ensure!(
					Params::<T>::get().mint_maxima_within(&ceiling)
						&& T::Breaker::mint_limits_within(ceiling),
					Error::<T>::MintLimitsAboveCeiling
				);
				Some(ceiling)
			}
			Renunciation::Seizure
			| Renunciation::EmergencyBurn
			| Renunciation::FreezeWithoutLegalOrder => {
				ensure!(!RenouncedPowers::<T>::contains_key(power), Error::<T>::AlreadyRenounced);
				None
			}
		};
		let since = stablecoin_primitives::now::<T::Time>();
		RenouncedPowers::<T>::insert(power, RenunciationRecord { since, ceiling });
		Self::deposit_event(Event::PowerRenounced { renunciation, by });
		Ok(())
	}

	/// Every frozen account with its freeze (a view: walks every freeze).
	pub fn frozen_accounts() -> Vec<(T::AccountId, FreezeView)> {
		FrozenAccounts::<T>::iter().map(|(who, record)| (who, record.into())).collect()
	}

	/// The identities frozen as a whole (by [`Call::freeze_identity`]) that still have a frozen
	/// account, ascending (a view: walks every freeze).
	pub fn frozen_identities() -> Vec<IdentityId> {
		let mut identities: Vec<IdentityId> =
			FrozenAccounts::<T>::iter_values().filter_map(|record| record.identity).collect();
		identities.sort_unstable();
		identities.dedup();
		identities
	}

	/// What the issuer owes `who`: its tokens plus the fiat of its queued redemptions. Walks
	/// the whole redemption queue: for the runtime API, never for a call.
	pub fn holder_claim(who: &T::AccountId) -> HolderClaim<BalanceOf<T>> {
		let balance = T::Currency::total_balance(who);
		let queued_redemptions = Redemptions::<T>::iter_values()
			.filter(|redemption| redemption.who == *who)
			.fold(Zero::zero(), |sum: BalanceOf<T>, redemption| {
				sum.saturating_add(redemption.amount)
			});
		HolderClaim {
			balance,
			queued_redemptions,
			total: balance.saturating_add(queued_redemptions),
		}
	}

	/// Every renounced power, with when and any ceiling (at most [`Power::ALL`]'s three).
	pub fn renounced_powers() -> Vec<(Power, RenunciationRecord<BalanceOf<T>>)> {
		Power::ALL
			.iter()
			.filter_map(|power| RenouncedPowers::<T>::get(power).map(|record| (*power, record)))
			.collect()
	}

	// ---- genesis ---------------------------------------------------------------------------

	/// Build the genesis state. Panics on invalid input: a chain must not start broken.
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) {
		assert!(config.parameters.is_valid(), "genesis parameters are invalid");
		// The fee account exists from genesis, so that fees of any size can be credited to it
		// and a sweep can always leave it alive: endow it with the existential deposit if the
		// ledger's genesis did not (counted in the genesis supply).
		let fee_account = T::FeeAccount::get();
		let missing =
			T::Currency::minimum_balance().saturating_sub(T::Currency::balance(&fee_account));
		if !missing.is_zero() {
			T::Currency::mint_into(&fee_account, missing).expect("genesis endows the fee account");
		}
		// No tokens start outside compliance: every account the ledger's genesis endowed,
		// but the pallet's own fee and treasury accounts, must be allowed to hold.
		let treasury = T::TreasuryAccount::get();
		for (who, _) in frame_system::Account::<T>::iter() {
			if who == fee_account || who == treasury || T::Currency::total_balance(&who).is_zero() {
				continue;
			}
			if let Err(e) = T::Compliance::check(&who, Operation::Hold) {
				panic!("genesis: {who:?} holds funds without a verified identity ({e:?})");
			}
		}
		Params::<T>::put(config.parameters);
		GenesisSupply::<T>::put(T::Currency::total_issuance());
		// Only mints add to the liabilities, so until the first one they stay within what
		// they are at genesis (`pallet-reserves` checks them against its genesis attestation).
		ReservesAtLastMint::<T>::put(Self::liabilities());
		if let Some(rule) = config.travel_rule {
			assert!(
				!rule.threshold.is_zero() && rule.structuring_window > 0,
				"genesis travel rule must have a positive threshold and window"
			);
			TravelRule::<T>::put(rule);
		}
		Allowance::<T>::put(config.initial_allowance);
		TotalAuthorized::<T>::put(config.initial_allowance);
		for (who, reason) in &config.frozen_accounts {
			let reason: ReasonOf<T> =
				BoundedVec::try_from(reason.clone()).expect("genesis freeze reason too long");
			assert!(!reason.is_empty(), "genesis freeze reason is empty");
			assert!(!Self::is_frozen(who), "account frozen twice at genesis");
			Self::freeze_whole_balance(who).expect("genesis freeze applies");
			FrozenAccounts::<T>::insert(
				who,
				FreezeRecord { reason, order: None, identity: None, since: 0, expires_at: None },
			);
		}
	}

	// ---- reads (runtime API) ---------------------------------------------------------------

	/// The supply figures.
	pub fn supply_report() -> SupplyReport<BalanceOf<T>> {
		SupplyReport {
			authorized_unissued: Allowance::<T>::get(),
			pending_redemption: PendingRedemption::<T>::get(),
			circulating: T::Currency::total_issuance(),
			genesis_supply: GenesisSupply::<T>::get(),
			total_minted: TotalMinted::<T>::get(),
			total_burned: TotalBurned::<T>::get(),
			fees_collected: FeesCollected::<T>::get(),
			total_authorized: TotalAuthorized::<T>::get(),
			issued_from_allowance: IssuedFromAllowance::<T>::get(),
		}
	}

	/// The redemption queue, oldest first. Reads the whole queue: for the runtime API
	/// (off-chain), never for a call or a hook.
	pub fn redemption_queue() -> Vec<(RedemptionId, RedemptionOf<T>)> {
		let mut queue: Vec<_> = Redemptions::<T>::iter().collect();
		queue.sort_unstable_by_key(|(id, _)| *id);
		queue
	}

	/// One page of the redemption queue: at most `limit` queued redemptions after `after`
	/// (from the start when `None`), in storage order (the order of the map's hashed keys, not
	/// of identifiers), so that a reader can walk a queue of any length a page at a time.
	/// Reads at most `limit` records.
	pub fn redemptions_page(
		after: Option<RedemptionId>,
		limit: u32,
	) -> Vec<(RedemptionId, RedemptionOf<T>)> {
		let limit = limit as usize;
		match after {
			Some(id) => Redemptions::<T>::iter_from(Redemptions::<T>::hashed_key_for(id))
				.take(limit)
				.collect(),
			None => Redemptions::<T>::iter().take(limit).collect(),
		}
	}

	/// Queued redemptions past their due time now, oldest first.
	pub fn overdue_redemptions() -> Vec<(RedemptionId, RedemptionOf<T>)> {
		let now = stablecoin_primitives::now::<T::Time>();
		Self::redemption_queue().into_iter().filter(|(_, r)| now >= r.due_at).collect()
	}

	/// The mint requests waiting for governance, oldest first.
	pub fn awaiting_authorization() -> Vec<(MintId, MintRequestOf<T>)> {
		AwaitingAuthorization::<T>::get()
			.into_iter()
			.filter_map(|id| MintRequests::<T>::get(id).map(|r| (id, r)))
			.collect()
	}

	/// An account's balance and freeze.
	pub fn account_status(who: &T::AccountId) -> AccountStatus<BalanceOf<T>> {
		AccountStatus {
			balance: T::Currency::total_balance(who),
			transferable: T::Currency::reducible_balance(
				who,
				Preservation::Expendable,
				Fortitude::Polite,
			),
			freeze: FrozenAccounts::<T>::get(who).map(Into::into),
		}
	}

	/// The amount the sanctions freeze holds on `who`'s ledger account.
	pub fn sanctions_frozen(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_frozen(&Self::sanctions_id(), who)
	}
}
