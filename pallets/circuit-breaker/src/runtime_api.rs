//! The runtime API of the circuit breaker pallet.
//!
//! Wallets, integrators, the issuer's operations desk and regulators ask it, through
//! `state_call`, where the breaker stands: the level and why, the parameters, the manual
//! pauses, how much mint and redemption volume is left, and whether an operation of a given
//! size would be allowed now. Answers are as of the queried block's state and timestamp. The
//! runtime implements it by calling the pallet's read helpers:
//! [`Pallet::level_view`](crate::Pallet::level_view),
//! [`Pallet::parameters_view`](crate::Pallet::parameters_view),
//! [`Pallet::active_pauses`](crate::Pallet::active_pauses),
//! [`Pallet::remaining_volume`](crate::Pallet::remaining_volume),
//! [`Pallet::check`](crate::Pallet::check) and
//! [`Pallet::wind_down_view`](crate::Pallet::wind_down_view).

use crate::types::{
	LevelView, ParametersView, PauseView, Refusal, RemainingVolume, ReserveQualityPolicy,
	WindDownView,
};
use alloc::vec::Vec;
use codec::Codec;
use stablecoin_primitives::GuardedOperation;

sp_api::decl_runtime_apis! {
	/// Queries about the circuit breaker.
	///
	/// Version 2 added [`wind_down`](CircuitBreakerApi::wind_down) and
	/// [`reserve_quality_policy`](CircuitBreakerApi::reserve_quality_policy).
	#[api_version(2)]
	pub trait CircuitBreakerApi<Balance>
	where
		Balance: Codec,
	{
		/// The current level, since when, why, the last fresh deviation and whether the oracle
		/// is stale.
		fn level() -> LevelView;

		/// Thresholds, periods, stale-oracle policy, level policies and volume limits.
		fn parameters() -> ParametersView<Balance>;

		/// The operations paused manually, with since when and why.
		fn active_pauses() -> Vec<PauseView>;

		/// What is left of `operation`'s block and rolling 24-hour limits (`None`: unlimited).
		fn remaining_volume(operation: GuardedOperation) -> RemainingVolume<Balance>;

		/// Whether `operation` of `amount` would be allowed now, and if not the first reason.
		fn check(operation: GuardedOperation, amount: Balance) -> Result<(), Refusal>;

		/// The wind-down, if the coin is being wound down (no new mints).
		#[api_version(2)]
		fn wind_down() -> Option<WindDownView>;

		/// Whether the reserve quality alerts refuse mints.
		#[api_version(2)]
		fn reserve_quality_policy() -> ReserveQualityPolicy;
	}
}
