//! Types stored by the pallet and returned by its runtime API.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;
use stablecoin_primitives::{ComplianceError, CountryCode, Operation, TopicId};

pub use stablecoin_primitives::{IdentityId, Moment, DAY_MS};

/// The topic named by [`ComplianceError::ClaimMissing`] when an operation is refused because
/// no compliance rule is configured for it and the identity's kind (compliance fails closed).
///
/// Never the identifier of a real topic: the topic counter stops below it
/// ([`Error::Overflow`](crate::Error::Overflow)) and the genesis build refuses it.
pub const NO_RULE_TOPIC: TopicId = TopicId::MAX;

/// What kind of client an identity is. Compliance rules are set per kind, because a person
/// proves KYC while a business proves KYB.
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
pub enum IdentityKind {
	/// A natural person.
	Person,
	/// A legal entity.
	Business,
}

impl IdentityKind {
	/// Both kinds, in a fixed order.
	pub const ALL: [IdentityKind; 2] = [IdentityKind::Person, IdentityKind::Business];
}

/// An identity: a client of the issuer, who owns one or more accounts.
///
/// No personal data is stored: only the kind, the jurisdiction and the accounts.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxAccounts))]
#[codec(mel_bound(AccountId: MaxEncodedLen))]
pub struct IdentityInfo<AccountId, MaxAccounts>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxAccounts: Get<u32>,
{
	/// Person or business.
	pub kind: IdentityKind,
	/// ISO 3166-1 alpha-2 code of the jurisdiction the client belongs to.
	pub jurisdiction: CountryCode,
	/// The accounts this identity owns; never empty, each listed once.
	pub accounts: BoundedVec<AccountId, MaxAccounts>,
	/// When the identity was registered.
	pub created_at: Moment,
}

/// A claim topic in the registry.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxNameLen))]
pub struct TopicInfo<MaxNameLen: Get<u32>> {
	/// Human-readable name, e.g. `KYC`.
	pub name: BoundedVec<u8, MaxNameLen>,
	/// A retired topic can no longer be issued, trusted or required, and no claim for it is
	/// valid. Retiring is final; the identifier is never reused.
	pub retired: bool,
}

/// What a jurisdiction adds to the compliance rules for one operation, on top of the rule
/// for the identity's kind: more topics to prove, a lower limit on the amount, or both.
///
/// A jurisdiction can only tighten the rules: an identity in it still needs every topic of
/// its kind's rule, and a blocked jurisdiction stays blocked whatever its rules say.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxTopics))]
pub struct JurisdictionRule<MaxTopics: Get<u32>> {
	/// Topics an identity of the jurisdiction must also hold valid claims for (sorted, no
	/// duplicates; a topic the kind's rule already requires is checked once).
	pub extra_topics: BoundedVec<TopicId, MaxTopics>,
	/// The largest amount of one operation, in the ledger's smallest units, if limited: what
	/// one payment sends (`Send`), one request's amount (`Mint`, `BulkMint`, `Redeem`), or the
	/// balance an account may reach by receiving (`Hold`).
	pub max_amount: Option<u128>,
}

/// A claim that a trusted issuer made about an identity, for one topic.
///
/// The claim itself carries no authority: it is valid only while its issuer is trusted for the
/// topic *now*, it has not expired and it has not been revoked (see [`ClaimStatus`]).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Claim<AccountId> {
	/// The account that issued the claim.
	pub issuer: AccountId,
	/// When it was issued.
	pub issued_at: Moment,
	/// The claim is valid strictly before this time.
	pub expires_at: Moment,
	/// Hash of the off-chain evidence (the provider's report); no personal data on chain.
	pub evidence: H256,
	/// When the issuer revoked it, if it did.
	pub revoked_at: Option<Moment>,
}

/// The state of a claim at a given time.
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
pub enum ClaimStatus {
	/// The claim counts.
	Valid,
	/// The expiry time has passed.
	Expired,
	/// The issuer revoked it.
	Revoked,
	/// Its issuer is no longer trusted for its topic.
	IssuerNotTrusted,
	/// Its topic was retired.
	TopicRetired,
}

impl ClaimStatus {
	/// The compliance refusal that a claim in this state causes for a required `topic`.
	pub fn into_result(self, topic: TopicId) -> Result<(), ComplianceError> {
		match self {
			ClaimStatus::Valid => Ok(()),
			ClaimStatus::Expired => Err(ComplianceError::ClaimExpired { topic }),
			ClaimStatus::Revoked => Err(ComplianceError::ClaimRevoked { topic }),
			ClaimStatus::IssuerNotTrusted => Err(ComplianceError::IssuerNotTrusted { topic }),
			ClaimStatus::TopicRetired => Err(ComplianceError::TopicRetired { topic }),
		}
	}
}

/// An identity as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct IdentityView<AccountId> {
	/// The identity's identifier.
	pub id: IdentityId,
	/// Person or business.
	pub kind: IdentityKind,
	/// ISO 3166-1 alpha-2 jurisdiction.
	pub jurisdiction: CountryCode,
	/// The accounts it owns.
	pub accounts: Vec<AccountId>,
	/// When it was registered.
	pub created_at: Moment,
}

/// A claim as the runtime API returns it, with its topic and its state now.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ClaimView<AccountId> {
	/// The claim's topic.
	pub topic: TopicId,
	/// The stored claim.
	pub claim: Claim<AccountId>,
	/// Whether it counts now, and if not why.
	pub status: ClaimStatus,
}

/// A jurisdiction's rule for one operation, as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct JurisdictionRuleView {
	/// The operation the rule is for.
	pub operation: Operation,
	/// Topics required on top of the rule of the identity's kind.
	pub extra_topics: Vec<TopicId>,
	/// The largest amount of one operation, in the ledger's smallest units, if limited.
	pub max_amount: Option<u128>,
}

/// Whether an account may perform one operation now, and if not why.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct OperationStatus {
	/// The operation.
	pub operation: Operation,
	/// `Ok(())` if allowed, otherwise the first reason it is refused.
	pub result: Result<(), ComplianceError>,
}

/// Everything the chain knows about an account's compliance, for wallets and regulators.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct AccountStatus<AccountId> {
	/// The identity the account belongs to, if any.
	pub identity: Option<IdentityView<AccountId>>,
	/// Every claim on that identity (valid or not), with its state now.
	pub claims: Vec<ClaimView<AccountId>>,
	/// For each [`Operation`], in [`Operation::ALL`] order, whether it is allowed.
	pub operations: Vec<OperationStatus>,
}
