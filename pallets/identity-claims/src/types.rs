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

/// One operation's compliance verdict for an identity, as [`ComplianceStatuses`] keeps it.
///
/// Computed from the rules and claims when they change. Time alone changes it only when a
/// claim it relies on expires (nothing becomes valid by waiting): it records the first such
/// moment, from which it is recomputed on use.
///
/// [`ComplianceStatuses`]: crate::ComplianceStatuses
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
pub struct CachedVerdict {
	/// The earliest expiry among the valid claims the verdict relied on (every claim the rule
	/// asks for if allowed, those checked before the reason if refused), with its topic (the
	/// first in checking order among equal expiries). From that moment on the verdict is
	/// [`ComplianceError::ClaimExpired`] for that topic.
	pub expires: Option<(Moment, TopicId)>,
	/// The verdict until then: allowed, with the jurisdiction's limit on the amount if it sets
	/// one, or refused with its reason.
	pub outcome: Result<Option<u128>, ComplianceError>,
}

impl CachedVerdict {
	/// A refusal that no passing time changes.
	pub fn refused(reason: ComplianceError) -> Self {
		Self { expires: None, outcome: Err(reason) }
	}

	/// Whether a claim the verdict relies on has expired at time `now`.
	pub fn has_expired(&self, now: Moment) -> bool {
		self.expires.is_some_and(|(expires_at, _)| now >= expires_at)
	}

	/// The verdict at time `now` on `amount` (none: the amount is not judged): expiry first,
	/// then the stored outcome, then the jurisdiction's limit, the order in which the full
	/// check reports them.
	pub fn judge(&self, now: Moment, amount: Option<u128>) -> Result<(), ComplianceError> {
		if let Some((expires_at, topic)) = self.expires {
			if now >= expires_at {
				return Err(ComplianceError::ClaimExpired { topic });
			}
		}
		let limit = self.outcome?;
		if let (Some(limit), Some(amount)) = (limit, amount) {
			if amount > limit {
				return Err(ComplianceError::AboveJurisdictionLimit);
			}
		}
		Ok(())
	}
}

/// What the compliance check of one account needs, kept per account so that a payment reads
/// one storage item per party instead of the identity, the rules, and each required claim,
/// its topic and its issuer.
///
/// See [`ComplianceStatuses`](crate::ComplianceStatuses) for the invariant that keeps it true.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct ComplianceStatus {
	/// The identity the account belongs to.
	pub identity: IdentityId,
	/// The value of [`RulesEpoch`](crate::RulesEpoch) the verdicts were computed under; any
	/// other value means the rules changed since, and the verdicts are not used.
	pub epoch: u64,
	/// One verdict per operation, in [`Operation::ALL`] order.
	pub verdicts: [CachedVerdict; Operation::ALL.len()],
}

impl ComplianceStatus {
	/// The verdict kept for `operation`.
	pub fn verdict(&self, operation: Operation) -> &CachedVerdict {
		// `Operation::ALL` lists the operations in declaration order, so an operation's
		// discriminant is its index there, below the array's length.
		&self.verdicts[operation as usize]
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
