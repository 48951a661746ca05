//! [`RefuseFrozenSigner`]: the transaction pool refuses a frozen account's transactions with
//! an error that says so.
//!
//! A frozen account's whole balance is frozen, so without this check its transactions would be
//! refused as "Inability to pay some fees", which tells a wallet nothing. The runtime puts this
//! extension before the fee payment: a frozen signer's transaction is invalid with
//! [`InvalidTransaction::Custom`]`(`[`ACCOUNT_FROZEN`]`)`, before any fee is computed.

use crate::{Config, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{pallet_prelude::TransactionSource, traits::OriginTrait, DefaultNoBound};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::InvalidTransaction,
	Weight,
};

/// The custom validity error code of a transaction signed by a frozen account:
/// `InvalidTransaction::Custom(ACCOUNT_FROZEN)`.
pub const ACCOUNT_FROZEN: u8 = 0xF0;

/// Refuses transactions whose signer is frozen by the compliance officer, with
/// `InvalidTransaction::Custom(`[`ACCOUNT_FROZEN`]`)`. Unsigned and root origins pass.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct RefuseFrozenSigner<T>(PhantomData<T>);

impl<T> RefuseFrozenSigner<T> {
	/// The extension (it carries no data).
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> core::fmt::Debug for RefuseFrozenSigner<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "RefuseFrozenSigner")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for RefuseFrozenSigner<T> {
	const IDENTIFIER: &'static str = "RefuseFrozenSigner";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, _call: &T::RuntimeCall) -> Weight {
		T::WeightInfo::refuse_frozen_signer()
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		if let Some(who) = origin.as_signer() {
			if Pallet::<T>::is_frozen(who) {
				return Err(InvalidTransaction::Custom(ACCOUNT_FROZEN).into());
			}
		}
		Ok((Default::default(), (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
