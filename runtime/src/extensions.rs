//! The runtime's own transaction extensions: [`OperatorPriority`] and [`PaymentLane`].
//!
//! Paid user traffic is ordered in the pool by its fee and tip. The oracle's feeders, the
//! reserve attestors and the claim issuers keep the chain's controls alive: a stale price or
//! a stale attestation stops mints, a lapsed claim stops a holder. Their transactions must
//! not be crowded out by a busy chain, so an operator's own operation (a feeder's
//! `submit_price`, an attestor's `submit_attestation`, a trusted issuer's `issue_claim` or
//! `revoke_claim` for a topic it is trusted for) gets [`OPERATOR_PRIORITY`] on top of any
//! other priority. Anyone else's transaction, and an operator's other calls, get nothing
//! extra.
//!
//! While the coin is being wound down (`CircuitBreaker::enter_wind_down`), redemptions come
//! first among users' transactions: a `Stablecoin.request_redemption` gets
//! [`WIND_DOWN_REDEMPTION_PRIORITY`], above any paid transfer and below the operators, whose
//! prices and attestations keep redemptions honest.

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::DispatchClass,
	pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError},
	traits::OriginTrait,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::{TransactionPriority, ValidTransaction},
	Weight,
};

use crate::{
	configs::{PaymentLaneShare, RuntimeBlockWeights},
	AccountId, CircuitBreaker, IdentityClaims, Oracle, Reserves, Runtime, RuntimeCall,
	RuntimeOrigin,
};

/// The priority an operator's own operation adds: half the range, above what any realistic
/// tip buys (a user would need to tip about 900 million USDX to match it).
pub const OPERATOR_PRIORITY: TransactionPriority = TransactionPriority::MAX / 2;

/// The priority a redemption request adds while the coin is being wound down: a quarter of the
/// range, above what any realistic tip buys and below [`OPERATOR_PRIORITY`].
pub const WIND_DOWN_REDEMPTION_PRIORITY: TransactionPriority = TransactionPriority::MAX / 4;

/// Whether `call` is a redemption request.
fn is_redemption_request(call: &RuntimeCall) -> bool {
	matches!(call, RuntimeCall::Stablecoin(pallet_stablecoin::Call::request_redemption { .. }))
}

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

/// Gives an operator's own operation [`OPERATOR_PRIORITY`] in the transaction pool, and a
/// redemption request [`WIND_DOWN_REDEMPTION_PRIORITY`] during a wind-down.
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

	/// One read of the role list or the issuer's trusted topics for an operator call, one of
	/// the wind-down state for a redemption request (priced with the runtime's database
	/// weights); nothing for other calls.
	fn weight(&self, call: &RuntimeCall) -> Weight {
		if OperatorOperation::of(call).is_some() || is_redemption_request(call) {
			<Runtime as frame_system::Config>::DbWeight::get().reads(1)
		} else {
			Weight::zero()
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
			Some(_) if is_redemption_request(call) && CircuitBreaker::is_winding_down() => {
				WIND_DOWN_REDEMPTION_PRIORITY
			}
			_ => 0,
		};
		Ok((ValidTransaction { priority, ..Default::default() }, (), origin))
	}

	impl_tx_ext_default!(RuntimeCall; prepare);
}

/// Whether `call` is a payment: a USDX transfer of any kind ([`pallet_stablecoin`]'s
/// `transfer`, `transfer_all`, `transfer_with_reference` and `pay_batch`). A transfer wrapped
/// in another call (a `Utility` batch, a multisig) is not: it is the wrapper that is weighed
/// and dispatched.
pub fn is_payment(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Stablecoin(
			pallet_stablecoin::Call::transfer { .. }
				| pallet_stablecoin::Call::transfer_all { .. }
				| pallet_stablecoin::Call::transfer_with_reference { .. }
				| pallet_stablecoin::Call::pay_batch { .. }
		)
	)
}

/// The most normal-class weight a block may have used, this transaction included, for a
/// call that is neither a payment nor an operator's own operation to be included:
/// everything but [`PaymentLaneShare`] of the normal-class limit.
pub fn non_payment_weight_limit() -> Weight {
	let normal = RuntimeBlockWeights::get().get(DispatchClass::Normal).max_total.unwrap_or_else(
		// The runtime's block weights always set a normal-class total; without one, the
		// whole block is the limit.
		|| RuntimeBlockWeights::get().max_block,
	);
	normal.saturating_sub(PaymentLaneShare::get() * normal)
}

/// Keeps [`PaymentLaneShare`] of every block's normal-class weight for payments
/// ([`is_payment`]) and for the operators' own operations (prices, attestations, claims):
/// any other normal-class call is refused from a block once the block's normal-class weight,
/// its own included, would pass [`non_payment_weight_limit`].
///
/// The check is made when a transaction is applied in a block (`prepare`), by the author and
/// by every validator importing the block; the transaction pool does not refuse anything for
/// it. A refused call gets `InvalidTransaction::ExhaustsResources`, so the author leaves it in
/// the pool for a later block and goes on with the payments behind it. Payments may use the
/// whole block: the share is a floor for them, not a ceiling for the rest.
#[derive(Encode, Decode, DecodeWithMemTracking, Default, Clone, Eq, PartialEq, TypeInfo)]
pub struct PaymentLane;

impl core::fmt::Debug for PaymentLane {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "PaymentLane")
	}
}

impl PaymentLane {
	/// Whether the current block still has room for `call`, signed by `who`, of dispatch
	/// class `class`, once the block's normal-class weight is what `frame_system` records now.
	pub fn admits(who: Option<&AccountId>, call: &RuntimeCall, class: DispatchClass) -> bool {
		if class != DispatchClass::Normal || is_payment(call) {
			return true;
		}
		if who.is_some_and(|who| is_operator_operation(who, call)) {
			return true;
		}
		let used = *frame_system::Pallet::<Runtime>::block_weight().get(DispatchClass::Normal);
		used.all_lte(non_payment_weight_limit())
	}
}

impl TransactionExtension<RuntimeCall> for PaymentLane {
	const IDENTIFIER: &'static str = "PaymentLane";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	/// Nothing beyond what is already weighed: the block's weight record it reads is read
	/// and written by `CheckWeight` for every transaction, and the role read of an operator
	/// call is weighed by [`OperatorPriority`].
	fn weight(&self, _call: &RuntimeCall) -> Weight {
		Weight::zero()
	}

	fn prepare(
		self,
		_val: Self::Val,
		origin: &RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		// `CheckWeight` comes before this extension, so the block's recorded weight already
		// includes this transaction's.
		if Self::admits(origin.as_signer(), call, info.class) {
			Ok(())
		} else {
			Err(InvalidTransaction::ExhaustsResources.into())
		}
	}

	impl_tx_ext_default!(RuntimeCall; validate);
}
