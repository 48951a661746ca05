//! The circuit-breaker seam: "may this operation of this size go ahead right now?".
//!
//! `pallet-circuit-breaker` implements [`Breaker`] from the peg level, the reserve breaker,
//! volume limits and manual pauses; the stablecoin pallet has every mint, redemption and
//! transfer admitted by it, which checks the operation and counts its volume in one step.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::dispatch::DispatchResult;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// An operation that the circuit breaker can allow, limit or suspend.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub enum GuardedOperation {
	/// New supply (mint requests executing, bulk mints included).
	Mint,
	/// Redemptions (tokens leaving circulation for fiat).
	Redeem,
	/// Transfers between holders.
	Transfer,
}

impl GuardedOperation {
	/// Every guarded operation, in declaration order.
	pub const ALL: [GuardedOperation; 3] =
		[GuardedOperation::Mint, GuardedOperation::Redeem, GuardedOperation::Transfer];
}

/// The circuit breaker as the stablecoin pallet sees it.
pub trait Breaker<Balance> {
	/// `Ok` if `operation` of `amount` may go ahead now; otherwise the breaker's own error,
	/// naming what refused it (level, pause, stale oracle, reserves, or which volume limit).
	/// Records nothing: for checks ahead of the operation and for views.
	fn ensure_allowed(operation: GuardedOperation, amount: Balance) -> DispatchResult;

	/// Admit `operation` of `amount`: check it as [`Breaker::ensure_allowed`] does and, if it
	/// may go ahead, count its volume against the limits, in one step. Call it in the
	/// transaction that performs the operation: if that transaction fails, the count is
	/// undone with it.
	fn admit(operation: GuardedOperation, amount: Balance) -> DispatchResult;
}

/// A [`Breaker`] that allows everything, for tests and chains without a circuit breaker.
pub struct NeverTrips;

impl<Balance> Breaker<Balance> for NeverTrips {
	fn ensure_allowed(_operation: GuardedOperation, _amount: Balance) -> DispatchResult {
		Ok(())
	}
	fn admit(_operation: GuardedOperation, _amount: Balance) -> DispatchResult {
		Ok(())
	}
}
