//! The runtime API of the oracle pallet.
//!
//! Wallets, integrators and regulators ask it, through `state_call`, for the current price of
//! a key and whether it is fresh, its history, its time-weighted average, the registered keys
//! and how each feeder has been doing. The runtime implements it by calling the pallet's read
//! helpers: [`Pallet::price_state`](crate::Pallet::price_state),
//! [`Pallet::price_history`](crate::Pallet::price_history),
//! [`Pallet::twap`](crate::Pallet::twap), [`Pallet::price_keys`](crate::Pallet::price_keys)
//! and [`Pallet::feeder_health`](crate::Pallet::feeder_health).

use crate::types::{FeederHealth, PriceKeyParams, PriceState};
use alloc::vec::Vec;
use codec::Codec;
use stablecoin_primitives::{FixedU128, PriceKey, PriceObservation};

sp_api::decl_runtime_apis! {
	/// Price queries.
	pub trait OracleApi<AccountId>
	where
		AccountId: Codec,
	{
		/// The latest aggregate of `key` with its contributors and whether it is stale now;
		/// `None` if the key was never priced.
		fn price_state(key: PriceKey) -> Option<PriceState<AccountId>>;

		/// The last aggregates of `key`, oldest first.
		fn price_history(key: PriceKey) -> Vec<PriceObservation>;

		/// The time-weighted average price of `key` over its TWAP window.
		fn twap(key: PriceKey) -> Option<FixedU128>;

		/// Every registered price key with its parameters.
		fn price_keys() -> Vec<(PriceKey, PriceKeyParams)>;

		/// Every feeder with its health record.
		fn feeder_health() -> Vec<(AccountId, FeederHealth)>;
	}
}
