//! The chain's roles, in one place: who holds a governance, validator or operator role.
//!
//! Every role list is kept by governance (the council's membership, the validator set, the
//! memberships of the fiat desk, the compliance officers, the guardians and the identity
//! registrars, and the feeder, attestor and trusted-issuer lists of their pallets). A holder
//! of any of them cannot be frozen by a compliance officer ([`RoleHolders`] is
//! `pallet-stablecoin`'s `ProtectedAccounts`), so that one compliance key can never stop
//! governance from voting or an operator from working; governance removes the role first if
//! the holder must be frozen.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	parameter_types,
	traits::{Contains, Get, SortedMembers},
};
use scale_info::TypeInfo;

use super::governance::{CouncilCollective, GovernanceOrigin};
use crate::{
	AccountId, ComplianceOfficers, FiatDesk, Guardians, IdentityRegistrars, Oracle, Reserves,
	Runtime, RuntimeEvent, ValidatorSet,
};

/// A role an account can hold on the chain.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
	/// A member of the issuer council (governance).
	Council,
	/// A validator of the current or next set.
	Validator,
	/// A fiat-desk operator: confirms funding and payouts.
	FiatDesk,
	/// A compliance officer: freezes accounts, holds redemptions.
	Compliance,
	/// A guardian: pauses users' operations at once.
	Guardian,
	/// An identity registrar: registers identities and links accounts.
	Registrar,
	/// A price feeder of the oracle.
	Feeder,
	/// A reserve attestor.
	Attestor,
	/// A trusted claim issuer (KYC/KYB provider) for at least one topic.
	ClaimIssuer,
}

impl Role {
	/// Every role.
	pub const ALL: [Role; 9] = [
		Role::Council,
		Role::Validator,
		Role::FiatDesk,
		Role::Compliance,
		Role::Guardian,
		Role::Registrar,
		Role::Feeder,
		Role::Attestor,
		Role::ClaimIssuer,
	];

	/// Whether `who` holds this role now.
	pub fn is_held_by(self, who: &AccountId) -> bool {
		match self {
			Role::Council => {
				pallet_collective::Members::<Runtime, CouncilCollective>::get().contains(who)
			}
			Role::Validator => ValidatorSet::validators().contains(who),
			Role::FiatDesk => <FiatDesk as SortedMembers<AccountId>>::contains(who),
			Role::Compliance => <ComplianceOfficers as SortedMembers<AccountId>>::contains(who),
			Role::Guardian => <Guardians as SortedMembers<AccountId>>::contains(who),
			Role::Registrar => <IdentityRegistrars as SortedMembers<AccountId>>::contains(who),
			Role::Feeder => Oracle::is_feeder(who),
			Role::Attestor => Reserves::is_attestor(who),
			Role::ClaimIssuer => {
				pallet_identity_claims::TrustedIssuers::<Runtime>::contains_key(who)
			}
		}
	}

	/// The roles `who` holds now.
	pub fn held_by(who: &AccountId) -> impl Iterator<Item = Role> + '_ {
		Role::ALL.into_iter().filter(move |role| role.is_held_by(who))
	}
}

/// The accounts that hold any role: `pallet-stablecoin`'s `ProtectedAccounts`. Reads at most
/// one bounded list or map entry per role.
pub struct RoleHolders;

impl Contains<AccountId> for RoleHolders {
	fn contains(who: &AccountId) -> bool {
		Role::ALL.into_iter().any(|role| role.is_held_by(who))
	}
}

/// What an `Audit.Authorized` event says was authorized: a change of one of the role lists
/// whose upstream pallet does not name who made it, or a pause.
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
)]
pub enum AuditScope {
	/// The council's own membership (`council.set_members`).
	CouncilMembership,
	/// The fiat desk's list.
	FiatDeskMembership,
	/// The compliance officers' list.
	ComplianceOfficersMembership,
	/// The guardians' list.
	GuardiansMembership,
	/// The identity registrars' list.
	IdentityRegistrarsMembership,
	/// A call paused chain-wide (`tx_pause.pause`).
	TxPause,
	/// A pause lifted (`tx_pause.unpause`).
	TxUnpause,
	/// A root call's hash whitelisted or removed from the whitelist (`whitelist.*`).
	Whitelist,
	/// A whitelisted call dispatched as root by a council member.
	WhitelistedDispatch,
}

parameter_types! {
	/// Audit scope of the council's membership.
	pub const CouncilMembershipScope: AuditScope = AuditScope::CouncilMembership;
	/// Audit scope of the fiat desk's list.
	pub const FiatDeskMembershipScope: AuditScope = AuditScope::FiatDeskMembership;
	/// Audit scope of the compliance officers' list.
	pub const ComplianceOfficersMembershipScope: AuditScope =
		AuditScope::ComplianceOfficersMembership;
	/// Audit scope of the guardians' list.
	pub const GuardiansMembershipScope: AuditScope = AuditScope::GuardiansMembership;
	/// Audit scope of the identity registrars' list.
	pub const IdentityRegistrarsMembershipScope: AuditScope =
		AuditScope::IdentityRegistrarsMembership;
	/// Audit scope of a pause.
	pub const TxPauseScope: AuditScope = AuditScope::TxPause;
	/// Audit scope of lifting a pause.
	pub const TxUnpauseScope: AuditScope = AuditScope::TxUnpause;
	/// Audit scope of the whitelist of root calls.
	pub const WhitelistScope: AuditScope = AuditScope::Whitelist;
	/// Audit scope of dispatching a whitelisted call.
	pub const WhitelistedDispatchScope: AuditScope = AuditScope::WhitelistedDispatch;
}

/// `O`, recording who passed it in an `Audit.Authorized { scope: S, by }` event.
pub type Audited<O, S> = pallet_audit::AuditedOrigin<Runtime, O, S>;

impl pallet_audit::Config for Runtime {
	type Scope = AuditScope;
}

/// An operator list kept by governance with `pallet-membership`: the fiat desk, the compliance
/// officers, the guardians and the identity registrars. The four lists are configured alike;
/// they differ only in how a change is recorded and in their size.
pub trait GovernedList: 'static {
	/// How a change of the list is recorded in `Audit.Authorized` (the membership pallet's own
	/// events do not say who made it).
	type Scope: Get<AuditScope>;
	/// The most accounts the list holds.
	type MaxMembers: Get<u32>;
}

/// Governance, recorded in `Audit.Authorized` as a change of the list `L`.
pub type ListAdminOrigin<L> = Audited<GovernanceOrigin, <L as GovernedList>::Scope>;

/// Every operator list: only governance appoints, removes, replaces or resets its members.
impl<L: GovernedList> pallet_membership::Config<L> for Runtime
where
	RuntimeEvent: From<pallet_membership::Event<Runtime, L>>,
{
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = ListAdminOrigin<L>;
	type RemoveOrigin = ListAdminOrigin<L>;
	type SwapOrigin = ListAdminOrigin<L>;
	type ResetOrigin = ListAdminOrigin<L>;
	type PrimeOrigin = ListAdminOrigin<L>;
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = L::MaxMembers;
	/// The four lists share one weight file, measured on the identity registrars' list, the
	/// longest (`scripts/bench-weights.sh`: `[pallet_membership, IdentityRegistrars]`).
	type WeightInfo = crate::weights::pallet_membership::WeightInfo<Runtime>;
}
