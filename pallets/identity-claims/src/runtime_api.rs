//! The runtime API of the identity claims pallet.
//!
//! Wallets, integrators and regulators ask it, through `state_call`, what the chain knows about
//! an account: its identity, its claims and whether each operation is allowed now and if not
//! why. The runtime implements it by calling the pallet's read helpers:
//! [`Pallet::identity_of`](crate::Pallet::identity_of),
//! [`Pallet::valid_claims_of`](crate::Pallet::valid_claims_of),
//! [`Pallet::check_operation`](crate::Pallet::check_operation),
//! [`Pallet::account_status`](crate::Pallet::account_status) and
//! [`Pallet::jurisdiction_rules_of`](crate::Pallet::jurisdiction_rules_of).

use crate::types::{AccountStatus, ClaimView, IdentityView, JurisdictionRuleView};
use alloc::vec::Vec;
use codec::Codec;
use stablecoin_primitives::{ComplianceError, CountryCode, Operation};

sp_api::decl_runtime_apis! {
	/// Compliance queries about an account.
	///
	/// Version 2 added [`IdentityClaimsApi::jurisdiction_rules`].
	#[api_version(2)]
	pub trait IdentityClaimsApi<AccountId>
	where
		AccountId: Codec,
	{
		/// The identity `who` belongs to, if any.
		fn identity_of(who: AccountId) -> Option<IdentityView<AccountId>>;

		/// The claims of `who`'s identity that are valid now, by topic.
		fn valid_claims(who: AccountId) -> Vec<ClaimView<AccountId>>;

		/// Whether `who` may perform `operation` now, and if not the first reason why.
		fn check(who: AccountId, operation: Operation) -> Result<(), ComplianceError>;

		/// Everything at once: identity, every claim with its state, every operation.
		fn account_status(who: AccountId) -> AccountStatus<AccountId>;

		/// What `jurisdiction` adds to the compliance rules (extra topics, a lower limit), for
		/// each operation it has a rule for, in `Operation::ALL` order.
		#[api_version(2)]
		fn jurisdiction_rules(jurisdiction: CountryCode) -> Vec<JurisdictionRuleView>;
	}
}
