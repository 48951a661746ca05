//! The runtime's own transaction extension: [`OperatorPriority`].
//!
//! Paid user traffic is ordered in the pool by its fee and tip. The oracle's feeders, the
//! reserve attestors and the claim issuers keep the chain's controls alive: a stale price or
//! a stale attestation stops mints, a lapsed claim stops a holder. Their transactions must
//! not be crowded out by a busy chain, so an operator's own operation (a feeder's
//! `submit_price`, an attestor's `submit_attestation`, a trusted issuer's `issue_claim` or
//! `revoke_claim` for a topic it is trusted for) gets [`OPERATOR_PRIORITY`] on top of any
//! other priority. Anyone else's transaction, and an operator's other calls, get nothing
//! extra.

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{pallet_prelude::TransactionSource, traits::OriginTrait};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::{TransactionPriority, ValidTransaction},
	Weight,
};

use crate::{AccountId, IdentityClaims, Oracle, Reserves, Runtime, RuntimeCall, RuntimeOrigin};

/// The priority an operator's own operation adds: half the range, above what any realistic
/// tip buys (a user would need to tip about 900 million USDX to match it).
pub const OPERATOR_PRIORITY: TransactionPriority = TransactionPriority::MAX / 2;

/// An operator's own operation: what an operator call is, whoever signs it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OperatorOperation {
	/// `oracle.submit_price`: a feeder's.
	Price,
	/// `reserves.submit_attestation`: an attestor's.
	Attestation,
	/// `identity_claims.issue_claim` or `revoke_claim` for a topic: a trusted issuer's.
	Claim(stablecoin_primitives::TopicId),
}

impl OperatorOperation {
	/// The operator operation `call` is, if any.
	pub fn of(call: &RuntimeCall) -> Option<Self> {
		match call {
			RuntimeCall::Oracle(pallet_oracle::Call::submit_price { .. }) => Some(Self::Price),
			RuntimeCall::Reserves(pallet_reserves::Call::submit_attestation { .. }) => {
				Some(Self::Attestation)
			}
			RuntimeCall::IdentityClaims(
				pallet_identity_claims::Call::issue_claim { topic, .. }
				| pallet_identity_claims::Call::revoke_claim { topic, .. },
			) => Some(Self::Claim(*topic)),
			_ => None,
		}
	}

	/// Whether `who` holds the role this operation belongs to now (one read).
	pub fn is_performed_by(self, who: &AccountId) -> bool {
		match self {
			Self::Price => Oracle::is_feeder(who),
			Self::Attestation => Reserves::is_attestor(who),
			Self::Claim(topic) => IdentityClaims::is_trusted_for(who, topic),
		}
	}
}

/// Whether `call` is an operation of a role that `who` holds now.
pub fn is_operator_operation(who: &AccountId, call: &RuntimeCall) -> bool {
	OperatorOperation::of(call).is_some_and(|operation| operation.is_performed_by(who))
}

/// Gives an operator's own operation [`OPERATOR_PRIORITY`] in the transaction pool.
#[derive(Encode, Decode, DecodeWithMemTracking, Default, Clone, Eq, PartialEq, TypeInfo)]
pub struct OperatorPriority;

impl core::fmt::Debug for OperatorPriority {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "OperatorPriority")
	}
}

impl TransactionExtension<RuntimeCall> for OperatorPriority {
	const IDENTIFIER: &'static str = "OperatorPriority";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	/// One read of the role list or the issuer's trusted topics for an operator call (priced
	/// with the runtime's database weights); nothing for other calls.
	fn weight(&self, call: &RuntimeCall) -> Weight {
		match OperatorOperation::of(call) {
			Some(_) => <Runtime as frame_system::Config>::DbWeight::get().reads(1),
			None => Weight::zero(),
		}
	}

	fn validate(
		&self,
		origin: RuntimeOrigin,
		call: &RuntimeCall,
		_info: &DispatchInfoOf<RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		let priority = match origin.as_signer() {
			Some(who) if is_operator_operation(who, call) => OPERATOR_PRIORITY,
			_ => 0,
		};
		Ok((ValidTransaction { priority, ..Default::default() }, (), origin))
	}

	impl_tx_ext_default!(RuntimeCall; prepare);
}
