//! The pallet's invariants, checked by the `try_state` hook and after every unit test.

use crate::*;
use alloc::collections::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::Inspect, Get},
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Zero},
	TryRuntimeError,
};
use stablecoin_primitives::IdentityId;

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage. Iterates the queues and the frozen
	/// accounts: for tests and `try-runtime` only.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::try_state_supply()?;
		Self::try_state_mints()?;
		Self::try_state_redemptions()?;
		Self::try_state_frozen()?;
		Self::try_state_renounced()?;
		Self::try_state_expiries()?;
		Ok(())
	}

	/// Every freeze with an expiry is scheduled on its expiry's day and nothing else is; the
	/// count matches; the walk starts at or before the earliest scheduled day.
	fn try_state_expiries() -> Result<(), TryRuntimeError> {
		let mut scheduled = 0u32;
		for (day, who, ()) in FreezeExpiries::<T>::iter() {
			scheduled = scheduled.saturating_add(1);
			let record =
				FrozenAccounts::<T>::get(&who).ok_or("an expiry of an unfrozen account")?;
			ensure!(
				record.expires_at.map(|expiry| expiry / DAY_MS) == Some(day),
				"an expiry scheduled on another day than the freeze's"
			);
			ensure!(
				NextExpiryDay::<T>::get().is_some_and(|next| next <= day),
				"a scheduled expiry before the walk's start"
			);
		}
		ensure!(scheduled == ScheduledExpiries::<T>::get(), "scheduled expiries miscounted");
		ensure!(
			(scheduled == 0) == NextExpiryDay::<T>::get().is_none(),
			"a walk start without scheduled expiries, or none with them"
		);
		for (who, record) in FrozenAccounts::<T>::iter() {
			if let Some(expiry) = record.expires_at {
				ensure!(
					FreezeExpiries::<T>::contains_key(expiry / DAY_MS, &who),
					"a freeze with an expiry that is not scheduled"
				);
			}
		}
		Ok(())
	}

	/// Only the mint-limit renunciation has a ceiling, and the parameters keep within it; no
	/// renunciation is dated in the future. Reads at most three entries.
	fn try_state_renounced() -> Result<(), TryRuntimeError> {
		let now = stablecoin_primitives::now::<T::Time>();
		for (power, record) in Self::renounced_powers() {
			ensure!(record.since <= now, "a power renounced in the future");
			ensure!(
				record.ceiling.is_some() == (power == Power::RaiseMintLimits),
				"a ceiling on a power other than the mint limits, or none on them"
			);
		}
		if let Some(ceiling) = Self::mint_limit_ceiling() {
			ensure!(
				Params::<T>::get().mint_maxima_within(&ceiling),
				"a mint maximum above the renounced ceiling"
			);
		}
		Ok(())
	}

	/// Total issuance == genesis supply + minted - burned; authorized == allowance + issued.
	fn try_state_supply() -> Result<(), TryRuntimeError> {
		let expected = GenesisSupply::<T>::get()
			.checked_add(&TotalMinted::<T>::get())
			.and_then(|sum| sum.checked_sub(&TotalBurned::<T>::get()))
			.ok_or("genesis + minted - burned overflows")?;
		ensure!(
			T::Currency::total_issuance() == expected,
			"total issuance != genesis supply + minted - burned"
		);
		let authorized = Allowance::<T>::get()
			.checked_add(&IssuedFromAllowance::<T>::get())
			.ok_or("allowance + issued overflows")?;
		ensure!(
			TotalAuthorized::<T>::get() == authorized,
			"total authorized != allowance + issued from it"
		);
		ensure!(Params::<T>::get().is_valid(), "stored parameters are invalid");
		Ok(())
	}

	/// The waiting queue holds distinct, existing requests in the waiting state, and every
	/// waiting request is queued; confirmations are distinct, never the requester's, and
	/// complete once funded; the per-identity counts match the open requests.
	fn try_state_mints() -> Result<(), TryRuntimeError> {
		let queue = AwaitingAuthorization::<T>::get();
		ensure!(queue.len() as u32 <= T::MaxAwaitingMints::get(), "awaiting queue too long");
		let next = NextMintId::<T>::get();
		for (i, id) in queue.iter().enumerate() {
			ensure!(!queue[..i].contains(id), "mint request queued twice");
			let request = MintRequests::<T>::get(id).ok_or("queued mint request missing")?;
			ensure!(
				matches!(request.status, MintStatus::AwaitingAuthorization { .. }),
				"queued mint request not awaiting authorization"
			);
		}
		let mut open = BTreeMap::<IdentityId, u32>::new();
		for (id, request) in MintRequests::<T>::iter() {
			ensure!(id < next, "mint id not below NextMintId");
			ensure!(request.fee <= request.amount, "mint fee above amount");
			let confirmers = &request.funding.by;
			ensure!(!confirmers.contains(&request.who), "requester confirmed its own funding");
			for (i, by) in confirmers.iter().enumerate() {
				ensure!(!confirmers[..i].contains(by), "an operator confirmed twice");
			}
			match request.status {
				MintStatus::AwaitingFunding => {}
				MintStatus::AwaitingApproval { ledger_ref }
				| MintStatus::AwaitingAuthorization { ledger_ref } => {
					ensure!(
						confirmers.len() as u32 >= MIN_FUNDING_CONFIRMATIONS,
						"funded mint request without four-eyes confirmation"
					);
					ensure!(
						request.funding.ledger_ref == Some(ledger_ref),
						"funded mint request's ledger entry differs from the confirmed one"
					);
				}
			}
			if matches!(request.status, MintStatus::AwaitingAuthorization { .. }) {
				ensure!(queue.contains(&id), "waiting mint request not queued");
			}
			let count = open.entry(request.identity).or_default();
			*count = count.saturating_add(1);
		}
		for (identity, count) in OpenMints::<T>::iter() {
			ensure!(open.remove(&identity) == Some(count), "open mint count differs");
			ensure!(count <= T::MaxOpenMintsPerIdentity::get(), "open mint count above cap");
		}
		ensure!(open.is_empty(), "identity with open mints but no count");
		Ok(())
	}

	/// The pending total is the sum of the queue; the counts match it; the overdue cursor has
	/// passed only settled or flagged redemptions; the liabilities are within the reserves the
	/// last mint was checked against.
	fn try_state_redemptions() -> Result<(), TryRuntimeError> {
		let next = NextRedemptionId::<T>::get();
		let cursor = OverdueCursor::<T>::get();
		ensure!(cursor <= next, "overdue cursor beyond the last redemption");
		let mut sum = BalanceOf::<T>::zero();
		let mut records = 0u32;
		let mut open = BTreeMap::<IdentityId, u32>::new();
		for (id, redemption) in Redemptions::<T>::iter() {
			records = records.saturating_add(1);
			ensure!(id < next, "redemption id not below NextRedemptionId");
			ensure!(id >= cursor || redemption.overdue, "cursor passed an unflagged redemption");
			sum = sum.checked_add(&redemption.amount).ok_or("pending sum overflows")?;
			let count = open.entry(redemption.identity).or_default();
			*count = count.saturating_add(1);
		}
		ensure!(PendingRedemption::<T>::get() == sum, "pending redemption != sum of queue");
		ensure!(QueuedRedemptions::<T>::get() == records, "queued redemption count differs");
		for (identity, count) in OpenRedemptions::<T>::iter() {
			ensure!(open.remove(&identity) == Some(count), "open redemption count differs");
			ensure!(
				count <= T::MaxOpenRedemptionsPerIdentity::get(),
				"open redemption count above cap"
			);
		}
		ensure!(open.is_empty(), "identity with redemptions but no count");
		ensure!(
			Self::liabilities() <= ReservesAtLastMint::<T>::get(),
			"circulating + pending redemptions exceed the reserves at the last mint"
		);
		Ok(())
	}

	/// Every frozen-flagged account has a sanctions freeze equal to its whole balance.
	fn try_state_frozen() -> Result<(), TryRuntimeError> {
		for (who, record) in FrozenAccounts::<T>::iter() {
			ensure!(!record.reason.is_empty(), "freeze without a reason");
			ensure!(
				Self::sanctions_frozen(&who) == T::Currency::total_balance(&who),
				"frozen account's freeze differs from its balance"
			);
		}
		Ok(())
	}
}
