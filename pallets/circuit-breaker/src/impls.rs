//! The traits this pallet implements for other pallets.

use crate::*;
use frame_support::pallet_prelude::DispatchResult;
use stablecoin_primitives::{Breaker, GuardedOperation};

/// The stablecoin pallet's view of the circuit breaker: manual pauses, the level's policy, the
/// stale-oracle policy, the reserve breaker and the volume limits of this pallet.
impl<T: Config> Breaker<T::Balance> for Pallet<T> {
	fn ensure_allowed(operation: GuardedOperation, amount: T::Balance) -> DispatchResult {
		Self::check(operation, amount)
			.map_err(|refusal| Self::refusal_error(operation, refusal).into())
	}

	fn admit(operation: GuardedOperation, amount: T::Balance) -> DispatchResult {
		<Self as Breaker<T::Balance>>::ensure_allowed(operation, amount)?;
		Self::record_volume(operation, amount);
		Ok(())
	}

	fn is_winding_down() -> bool {
		Pallet::<T>::is_winding_down()
	}

	fn mint_limits_within(ceiling: T::Balance) -> bool {
		Self::limits_within(&Limits::<T>::get(GuardedOperation::Mint), ceiling)
	}
}
