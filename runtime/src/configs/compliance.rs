//! Compliance: identities, claim issuers and claims (`pallet-identity-claims`), and the
//! identity registrars who register identities (a `pallet-membership` list the council keeps).

use frame_support::traits::{ConstU32, EitherOfDiverse};
use frame_system::EnsureSignedBy;

use super::governance::GovernanceOrigin;
use crate::{AccountId, IdentityRegistrars, Runtime, RuntimeEvent, Timestamp};

/// The list of identity registrars is kept by `pallet-membership`, instance 1.
pub type IdentityRegistrarsInstance = pallet_membership::Instance1;

/// The identity registrars' list: kept by governance, each change recorded in `Audit.Authorized`.
impl super::roles::GovernedList for IdentityRegistrarsInstance {
	type Scope = super::roles::IdentityRegistrarsMembershipScope;
	type MaxMembers = ConstU32<32>;
}

/// Who may register identities and link accounts to them: an appointed registrar, or
/// governance itself.
pub type IdentityRegistrarOrigin =
	EitherOfDiverse<EnsureSignedBy<IdentityRegistrars, AccountId>, GovernanceOrigin>;

impl pallet_identity_claims::Config for Runtime {
	type RegistrarOrigin = IdentityRegistrarOrigin;
	type GovernanceOrigin = GovernanceOrigin;
	/// Claims expire by the block timestamp.
	type Time = Timestamp;
	/// A client may hold up to 16 wallets.
	type MaxAccountsPerIdentity = ConstU32<16>;
	type MaxTopics = ConstU32<32>;
	type MaxTopicNameLen = ConstU32<64>;
	type MaxTopicsPerIssuer = ConstU32<8>;
	type MaxRequiredTopics = ConstU32<8>;
	type MaxBlockedJurisdictions = ConstU32<64>;
	/// A claim is valid for at most 400 days: KYC is refreshed at least yearly.
	type MaxClaimValidity = pallet_identity_claims::config_preludes::DefaultMaxClaimValidity;
	type WeightInfo = crate::weights::pallet_identity_claims::WeightInfo<Runtime>;
}

impl pallet_skip_feeless_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
}
