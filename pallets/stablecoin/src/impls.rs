//! Trait implementations for the other pallets: [`Supply`] for `pallet-reserves`.

use crate::*;
use frame_support::traits::fungible::Inspect;
use stablecoin_primitives::Supply;

impl<T: Config> Supply<BalanceOf<T>> for Pallet<T> {
	/// The ledger's total issuance. Tokens of pending redemptions are already burned, so they
	/// are not part of it.
	fn circulating() -> BalanceOf<T> {
		T::Currency::total_issuance()
	}
}
