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

	/// Whether the coin is being wound down: no new mints (not even requests), while
	/// transfers and redemptions go on. Governance alone enters and leaves it.
	fn is_winding_down() -> bool {
		false
	}

	/// Whether the breaker's mint volume limits are both set and at most `ceiling`: asked
	/// before governance renounces raising mint limits above it.
	fn mint_limits_within(_ceiling: Balance) -> bool {
		true
	}
}

/// The highest mint limit governance may still set, once it has renounced for good the power
/// to raise mint limits above a ceiling (`None`: not renounced). The stablecoin pallet keeps
/// the renunciation; the circuit breaker refuses mint volume limits above it.
pub trait MintLimitCeiling<Balance> {
	/// The ceiling, if the power to raise mint limits above it was renounced.
	fn mint_limit_ceiling() -> Option<Balance>;
}

/// No ceiling: every mint limit may be raised.
impl<Balance> MintLimitCeiling<Balance> for () {
	fn mint_limit_ceiling() -> Option<Balance> {
		None
	}
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
