//! Trait implementations for the other pallets: [`Supply`] for `pallet-reserves`, and
//! [`MintLimitCeiling`] for the circuit breaker.

use crate::*;
use stablecoin_primitives::{MintLimitCeiling, Supply};

impl<T: Config> Supply<BalanceOf<T>> for Pallet<T> {
	/// The ledger's total issuance plus the pending redemptions: their tokens are burned, but
	/// their fiat is still owed out of the reserves. Saturates: a report, not a ledger entry.
	fn liabilities() -> BalanceOf<T> {
		Pallet::<T>::liabilities()
	}
}

impl<T: Config> MintLimitCeiling<BalanceOf<T>> for Pallet<T> {
	/// The ceiling of [`Renunciation::MintLimitsAbove`], once renounced.
	fn mint_limit_ceiling() -> Option<BalanceOf<T>> {
		Pallet::<T>::mint_limit_ceiling()
	}
}
