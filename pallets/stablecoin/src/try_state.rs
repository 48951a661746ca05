//! The pallet's invariants, checked by the `try_state` hook and after every unit test.

use crate::*;
use frame_support::{
	ensure,
	traits::{fungible::Inspect, Get},
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage. Iterates the queues and the frozen
	/// accounts: for tests and `try-runtime` only.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::try_state_supply()?;
		Self::try_state_mints()?;
		Self::try_state_redemptions()?;
		Self::try_state_frozen()?;
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
	/// waiting request is queued.
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
		for (id, request) in MintRequests::<T>::iter() {
			ensure!(id < next, "mint id not below NextMintId");
			ensure!(request.fee <= request.amount, "mint fee above amount");
			if matches!(request.status, MintStatus::AwaitingAuthorization { .. }) {
				ensure!(queue.contains(&id), "waiting mint request not queued");
			}
		}
		Ok(())
	}

	/// The pending total is the sum of the queue; queue and records match one to one.
	fn try_state_redemptions() -> Result<(), TryRuntimeError> {
		let queue = RedemptionQueue::<T>::get();
		ensure!(queue.len() as u32 <= T::MaxRedemptionQueue::get(), "redemption queue too long");
		let mut sum = BalanceOf::<T>::zero();
		for (i, id) in queue.iter().enumerate() {
			ensure!(!queue[..i].contains(id), "redemption queued twice");
			let redemption = Redemptions::<T>::get(id).ok_or("queued redemption missing")?;
			sum = sum.checked_add(&redemption.amount).ok_or("pending sum overflows")?;
		}
		ensure!(PendingRedemption::<T>::get() == sum, "pending redemption != sum of queue");
		let next = NextRedemptionId::<T>::get();
		let mut records = 0usize;
		for (id, _) in Redemptions::<T>::iter() {
			records += 1;
			ensure!(id < next, "redemption id not below NextRedemptionId");
		}
		ensure!(records == queue.len(), "redemption records and queue differ");
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
