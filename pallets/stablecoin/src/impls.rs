//! Trait implementations for the other pallets: [`Supply`] for `pallet-reserves`.

use crate::*;
use stablecoin_primitives::Supply;

impl<T: Config> Supply<BalanceOf<T>> for Pallet<T> {
	/// The ledger's total issuance plus the pending redemptions: their tokens are burned, but
	/// their fiat is still owed out of the reserves. Saturates: a report, not a ledger entry.
	fn liabilities() -> BalanceOf<T> {
		Pallet::<T>::liabilities()
	}
}
