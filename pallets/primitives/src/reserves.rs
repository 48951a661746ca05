//! The reserve seams: "how much new supply do the attested reserves still cover?" and
//! "how much USDX circulates?".
//!
//! `pallet-reserves` implements [`ReserveCap`] from its effective attestation; the stablecoin
//! pallet and the circuit breaker read it before minting. The stablecoin pallet implements
//! [`Supply`], which the reserves pallet reads to compare reserves with circulating supply.
//! Reserve amounts are in the stablecoin's smallest unit (one millionth of a US dollar for
//! USDX), so reserves and supply compare without conversion.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	sp_runtime::{
		traits::{AtLeast32BitUnsigned, Bounded, MaybeSerializeDeserialize, Member},
		FixedPointOperand,
	},
	Parameter,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// An amount of the stablecoin in its smallest unit (`u128` in the runtime): the `Balance`
/// that the pallets counting money without holding it (the reserves and the circuit breaker)
/// take in their `Config`, each the same way, and that the seams above exchange.
pub trait Amount:
	Parameter
	+ Member
	+ MaxEncodedLen
	+ Copy
	+ Default
	+ AtLeast32BitUnsigned
	+ FixedPointOperand
	+ MaybeSerializeDeserialize
{
}

impl<T> Amount for T where
	T: Parameter
		+ Member
		+ MaxEncodedLen
		+ Copy
		+ Default
		+ AtLeast32BitUnsigned
		+ FixedPointOperand
		+ MaybeSerializeDeserialize
{
}

/// Where the backing of the supply stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub enum ReserveStatus {
	/// No attestation has taken effect yet.
	NoAttestation,
	/// Fresh attestation, eligible reserves at least equal to circulating supply.
	Backed,
	/// Fresh attestation, but circulating supply exceeds eligible reserves.
	Shortfall,
	/// The effective attestation is older than the maximum age.
	Stale,
}

/// The quality alerts of the reserves: whether the effective attestation misses the liquidity
/// or the concentration target governance set. Both `false` without an attestation.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct ReserveQuality {
	/// The cash-like share of eligible reserves is at or below its target.
	pub liquidity_below_target: bool,
	/// The largest custodian's share of the reserves is at or above its target.
	pub concentration_above_target: bool,
}

/// Read access to the reserve cap, for pallets that create supply.
pub trait ReserveCap<Balance> {
	/// How much new supply the eligible reserves still cover: eligible reserves minus the
	/// liabilities ([`Supply::liabilities`]), and zero unless the status is
	/// [`ReserveStatus::Backed`].
	fn headroom() -> Balance;

	/// The current state of the backing.
	fn status() -> ReserveStatus;

	/// The current quality alerts (none by default).
	fn quality() -> ReserveQuality {
		ReserveQuality::default()
	}
}

/// What the reserves must cover.
pub trait Supply<Balance> {
	/// The issuer's liabilities: tokens in circulation plus tokens already burned for
	/// redemptions whose fiat has not been paid out yet. The fiat of a pending redemption is
	/// still in the reserves and still owed, so new supply may not count on it.
	fn liabilities() -> Balance;
}

/// A [`ReserveCap`] with unlimited headroom, for tests and chains without proof of reserve.
pub struct UnlimitedReserves;

impl<Balance: Bounded> ReserveCap<Balance> for UnlimitedReserves {
	fn headroom() -> Balance {
		Balance::max_value()
	}
	fn status() -> ReserveStatus {
		ReserveStatus::Backed
	}
}
