//! # Identity claims pallet
//!
//! The USDX chain's answer to "is this account allowed?": identities, the accounts they own,
//! trusted claim issuers, KYC/KYB/AML claims, and the compliance rules that turn them into a
//! yes or a no for each [`Operation`](stablecoin_primitives::Operation).
//!
//! ## Overview
//!
//! A client of the issuer passes KYC (a person) or KYB (a business) and AML/sanctions screening
//! off-chain. The identity registrar records an *identity* for the client — its kind and its
//! jurisdiction, never personal data — and links the client's accounts to it. A *trusted claim
//! issuer* (a KYC/KYB/AML provider appointed by governance for given *topics*) then records a
//! *claim* on that identity for each topic it checked: when it was issued, when it expires and a
//! hash of the off-chain evidence.
//!
//! Governance sets, for every operation and kind of identity, which topics are required, what
//! each jurisdiction adds to that (extra topics, a lower limit on the amount), and which
//! jurisdictions are blocked. The pallet implements
//! [`Compliance`](stablecoin_primitives::Compliance), which the stablecoin pallet asks before
//! every transfer, mint and redemption.
//!
//! ## Primary features
//!
//! - **Validity is decided when it is read.** A claim counts only if, *now*, its issuer is
//!   trusted for its topic, it has not expired, it has not been revoked and its topic has not
//!   been retired. Removing a compromised issuer or retiring a topic therefore invalidates every
//!   claim at once, without a loop over the claims. The issuer named inside a claim is never
//!   trusted on its own word.
//! - **One read per party on the payment path.** The verdicts for every operation are kept
//!   per account ([`ComplianceStatuses`]), recomputed by every call that changes the identity
//!   or its claims, made stale at once by every rule change (a counter, [`RulesEpoch`], not a
//!   loop), and judged against the clock when read, so a claim's expiry still takes effect at
//!   its exact moment. A payment checks each party with one read, whatever the number of
//!   topics the rules require; a stale or missing status is recomputed on use and the block
//!   carries that weight. `try_state` and a property test hold the kept answers to the full
//!   check.
//! - **Rules per operation and per kind, failing closed.** `RequiredTopics(operation, kind)`
//!   lists the topics an identity must hold a valid claim for; a person typically needs KYC, a
//!   business KYB. An empty list still requires an identity. An operation with *no* rule for
//!   the identity's kind is refused, so a rule forgotten at genesis or by governance refuses
//!   rather than allows. A blocked jurisdiction refuses every operation even when all claims
//!   are valid.
//! - **Jurisdictions tighten, never loosen.** `JurisdictionRules(jurisdiction, operation)`
//!   ([`JurisdictionRule`]) adds topics to the kind's rule and may cap the amount of one
//!   operation; [`Compliance::check_amount`](stablecoin_primitives::Compliance::check_amount)
//!   judges the cap, last, with
//!   [`AboveJurisdictionLimit`](stablecoin_primitives::ComplianceError::AboveJurisdictionLimit).
//!   A jurisdiction's rule never lifts a topic of the kind's rule nor a block.
//! - **Claims cannot be taken over.** An issuer may renew its own claims, and may replace
//!   another issuer's claim only once it no longer counts (expired, or its issuer no longer
//!   trusted for the topic). A revoked claim stays as the record of the revocation: no issuer,
//!   not even the one that revoked it, may re-issue it until governance clears it
//!   (`clear_claim`). A claim is valid for at most [`Config::MaxClaimValidity`] from its
//!   issue. One rogue or stolen issuer key can therefore neither overwrite other issuers'
//!   clients, nor undo a revocation, nor issue a claim valid for years.
//! - **Reasons, not just booleans.** A refusal is a
//!   [`ComplianceError`](stablecoin_primitives::ComplianceError) naming what failed (no identity,
//!   blocked jurisdiction, or which topic's claim is missing, expired, revoked, untrusted or
//!   retired). The [runtime API](runtime_api::IdentityClaimsApi) gives wallets and regulators the
//!   same answers for every operation at once.
//! - **Separation of duties.** The registrar ([`Config::RegistrarOrigin`]) manages identities;
//!   governance ([`Config::GovernanceOrigin`]) manages topics, issuers and rules; issuers, as
//!   signed accounts, issue and revoke claims only for their own topics. An issuer call is
//!   feeless (`#[pallet::feeless_if]`) exactly when it succeeds — the condition runs the same
//!   check function as the call — so providers need no funds and a failing call always pays.
//!   Every change emits an event naming who made it ([`Actor`]).
//! - **Bounded.** Every stored value has a `MaxEncodedLen`; lists are bounded by constants.
//!
//! ## Example
//!
//! Onboarding a client and the moment its KYC claim expires (the unit test
//! `expiry_by_time_flips_allowed_to_refused`):
//!
#![doc = docify::embed!("src/tests/compliance.rs", expiry_by_time_flips_allowed_to_refused)]
//!
//! ## Low-level details
//!
//! - Time is `frame_support::traits::UnixTime` ([`Config::Time`], `pallet-timestamp` in the
//!   runtime), stored as milliseconds since the Unix epoch ([`Moment`]). A claim is valid while
//!   `now < expires_at`; `issue_claim` accepts `now < expires_at <= now + MaxClaimValidity`.
//!   Claims of the genesis configuration are issued at time 0 and not bound by
//!   `MaxClaimValidity` (a chain's founders choose them), so it is no storage invariant.
//! - A refusal for want of a rule is reported as
//!   [`ClaimMissing { topic: NO_RULE_TOPIC }`](stablecoin_primitives::ComplianceError::ClaimMissing):
//!   [`NO_RULE_TOPIC`] (`TopicId::MAX`) is never the identifier of a real topic.
//! - Identifiers of identities and topics come from counters starting at 1 and are never reused.
//!   The topic registry holds at most [`Config::MaxTopics`] topics, retired ones included, so an
//!   identity holds at most that many claims and deleting it is bounded.
//! - Invariants, checked by `try_state` (and after every unit test): every linked account points
//!   to an existing identity that lists it; every identity lists at least one account, each
//!   linked back to it; counters match the stored entries and stay within their bounds; claims,
//!   issuers and rules refer to existing identities and topics; every jurisdiction rule has a
//!   valid code and adds a topic or a limit.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impls;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::BoundedVec;
use stablecoin_primitives::{Actor, TopicId};

/// The most accounts one `refresh_compliance` call recomputes.
pub const MAX_REFRESH_ACCOUNTS: u32 = 64;

/// The stored identity type of runtime `T`.
pub type IdentityOf<T> =
	IdentityInfo<<T as frame_system::Config>::AccountId, <T as Config>::MaxAccountsPerIdentity>;
/// The stored topic type of runtime `T`.
pub type TopicOf<T> = TopicInfo<<T as Config>::MaxTopicNameLen>;
/// The stored claim type of runtime `T`.
pub type ClaimOf<T> = Claim<<T as frame_system::Config>::AccountId>;
/// Who performed a privileged action, in runtime `T`.
pub type ActorOf<T> = Actor<<T as frame_system::Config>::AccountId>;
/// A topic name, bounded by [`Config::MaxTopicNameLen`].
pub type TopicNameOf<T> = BoundedVec<u8, <T as Config>::MaxTopicNameLen>;
/// The topics an issuer is trusted for, bounded by [`Config::MaxTopicsPerIssuer`].
pub type IssuerTopicsOf<T> = BoundedVec<TopicId, <T as Config>::MaxTopicsPerIssuer>;
/// The topics a rule requires, bounded by [`Config::MaxRequiredTopics`].
pub type RequiredTopicsOf<T> = BoundedVec<TopicId, <T as Config>::MaxRequiredTopics>;
/// A jurisdiction's extra rule for one operation, its topics bounded by
/// [`Config::MaxRequiredTopics`].
pub type JurisdictionRuleOf<T> = JurisdictionRule<<T as Config>::MaxRequiredTopics>;
/// The blocked jurisdictions, bounded by [`Config::MaxBlockedJurisdictions`].
pub type BlockedListOf<T> =
	BoundedVec<stablecoin_primitives::CountryCode, <T as Config>::MaxBlockedJurisdictions>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use stablecoin_primitives::{CountryCode, Operation};

	/// The layout of this pallet's storage. Bump it with every change of a stored type and
	/// add a versioned migration to the runtime's `Migrations`.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Default configurations of this pallet.
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl,
			traits::{ConstU32, ConstU64},
		};

		/// The default [`Config::MaxClaimValidity`]: 400 days, in milliseconds. A yearly
		/// re-verification plus a month's grace to renew it.
		pub type DefaultMaxClaimValidity = ConstU64<{ 400 * DAY_MS }>;

		/// Small bounds for unit tests, so that limits are easy to reach; the default claim
		/// validity ([`DefaultMaxClaimValidity`]).
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxAccountsPerIdentity = ConstU32<4>;
			type MaxTopics = ConstU32<12>;
			type MaxTopicNameLen = ConstU32<32>;
			type MaxTopicsPerIssuer = ConstU32<4>;
			type MaxRequiredTopics = ConstU32<4>;
			type MaxBlockedJurisdictions = ConstU32<4>;
			type MaxClaimValidity = DefaultMaxClaimValidity;
			type WeightInfo = ();
		}
	}

	/// Configuration of the pallet.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The identity registrar: registers, updates and deletes identities and links and
		/// unlinks their accounts.
		#[pallet::no_default]
		type RegistrarOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Governance: manages claim topics, trusted issuers and compliance rules.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Wall-clock time, for issuing and expiring claims (`pallet_timestamp::Pallet` in the
		/// runtime). Read as milliseconds since the Unix epoch.
		#[pallet::no_default]
		type Time: UnixTime;

		/// The most accounts one identity may own. At least 2, so that a wallet can be
		/// rotated (link the new account, then unlink the old one).
		#[pallet::constant]
		type MaxAccountsPerIdentity: Get<u32>;

		/// The most topics the registry may ever hold, retired ones included. Also the most
		/// claims one identity can hold.
		#[pallet::constant]
		type MaxTopics: Get<u32>;

		/// The longest topic name, in bytes.
		#[pallet::constant]
		type MaxTopicNameLen: Get<u32>;

		/// The most topics one issuer may be trusted for.
		#[pallet::constant]
		type MaxTopicsPerIssuer: Get<u32>;

		/// The most topics one compliance rule may require.
		#[pallet::constant]
		type MaxRequiredTopics: Get<u32>;

		/// The most jurisdictions that may be blocked at once.
		#[pallet::constant]
		type MaxBlockedJurisdictions: Get<u32>;

		/// The longest a claim may be valid, in milliseconds from the moment it is issued:
		/// `issue_claim` refuses an `expires_at` after `now + MaxClaimValidity`
		/// ([`Error::ValidityTooLong`]), so a claim must be renewed, with fresh evidence, at
		/// least this often. Must be positive. Claims written by the genesis configuration are
		/// not bound by it.
		#[pallet::constant]
		type MaxClaimValidity: Get<Moment>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The first identifier handed out by a counter.
	#[pallet::type_value]
	pub fn FirstId() -> u64 {
		1
	}

	/// The first topic identifier handed out by the counter.
	#[pallet::type_value]
	pub fn FirstTopicId() -> TopicId {
		1
	}

	/// The identifier the next registered identity gets.
	#[pallet::storage]
	pub type NextIdentityId<T> = StorageValue<_, IdentityId, ValueQuery, FirstId>;

	/// How many identities exist.
	#[pallet::storage]
	pub type IdentityCount<T> = StorageValue<_, u64, ValueQuery>;

	/// Identities by identifier.
	#[pallet::storage]
	pub type Identities<T: Config> = StorageMap<_, Twox64Concat, IdentityId, IdentityOf<T>>;

	/// The identity each linked account belongs to (the reverse index of
	/// [`IdentityInfo::accounts`]).
	#[pallet::storage]
	pub type AccountIdentity<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, IdentityId>;

	/// The identifier the next added topic gets.
	#[pallet::storage]
	pub type NextTopicId<T> = StorageValue<_, TopicId, ValueQuery, FirstTopicId>;

	/// How many topics the registry holds, retired ones included.
	#[pallet::storage]
	pub type TopicCount<T> = StorageValue<_, u32, ValueQuery>;

	/// The claim topic registry.
	#[pallet::storage]
	pub type Topics<T: Config> = StorageMap<_, Twox64Concat, TopicId, TopicOf<T>>;

	/// Trusted claim issuers and the topics each is trusted for (sorted, no duplicates).
	#[pallet::storage]
	pub type TrustedIssuers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, IssuerTopicsOf<T>>;

	/// Claims, by identity and topic. At most one claim per topic. A new claim replaces the
	/// old one only when the same issuer renews it or the old one no longer counts (expired,
	/// or its issuer is no longer trusted for the topic); a revoked claim stays, as the record
	/// of the revocation, until governance clears it (`clear_claim`).
	#[pallet::storage]
	pub type Claims<T: Config> =
		StorageDoubleMap<_, Twox64Concat, IdentityId, Twox64Concat, TopicId, ClaimOf<T>>;

	/// The compliance rules: the topics an identity of a given kind needs valid claims for to
	/// perform an operation (sorted, no duplicates). An empty list requires an identity and
	/// nothing more. No entry: no rule is configured, and the operation is refused to every
	/// identity of that kind (compliance fails closed, see [`NO_RULE_TOPIC`]).
	#[pallet::storage]
	pub type RequiredTopics<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		Operation,
		Twox64Concat,
		IdentityKind,
		RequiredTopicsOf<T>,
		OptionQuery,
	>;

	/// Jurisdictions whose identities may perform no operation.
	#[pallet::storage]
	pub type BlockedJurisdictions<T: Config> = StorageValue<_, BlockedListOf<T>, ValueQuery>;

	/// Per-jurisdiction rules: what a jurisdiction adds, for one operation, to the rule of
	/// the identity's kind in [`RequiredTopics`] (extra topics, a lower limit). No entry: the
	/// kind's rule alone applies. Bounded by the key space: a two-letter code and one of the
	/// five operations.
	#[pallet::storage]
	pub type JurisdictionRules<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CountryCode,
		Twox64Concat,
		Operation,
		JurisdictionRuleOf<T>,
		OptionQuery,
	>;

	/// Advanced by every governance change that can change the compliance of many identities
	/// at once: retiring a topic, trusting, re-scoping or removing an issuer, and setting
	/// required topics, blocked jurisdictions or jurisdiction rules. A
	/// [`ComplianceStatus`] computed under an older value is not used.
	#[pallet::storage]
	pub type RulesEpoch<T> = StorageValue<_, u64, ValueQuery>;

	/// Each linked account's compliance verdicts, one per operation, so that the check before
	/// a payment reads one item per party.
	///
	/// **Invariant** (checked by `try_state`): an entry exists only for an account linked to
	/// an identity, names that identity, and, if its `epoch` is the current [`RulesEpoch`],
	/// holds for every operation whose claims have not expired since exactly the verdict the
	/// full check computes now from identities, rules and claims. It is kept true by:
	/// - recomputing the entries of all of an identity's accounts (at most
	///   [`Config::MaxAccountsPerIdentity`]) in every call that changes that identity or one
	///   of its claims: registering, linking, updating, issuing, revoking, clearing;
	/// - removing the entry of an unlinked account and of a deleted identity's accounts;
	/// - advancing [`RulesEpoch`] in every call that changes what many identities' verdicts
	///   depend on, which makes every entry stale at once, without a loop; a storage migration
	///   that rewrites this pallet's data does the same
	///   ([`Pallet::invalidate_compliance_statuses`]);
	/// - time: a verdict records when the earliest of the claims it relies on expires; from
	///   that exact moment it is recomputed before use, and nothing else changes with time.
	///
	/// A missing or stale entry is recomputed on use (`Compliance::check`), and the extra
	/// weight of that is added to the block; anyone can refresh entries ahead of use with
	/// [`Pallet::refresh_compliance`].
	#[pallet::storage]
	pub type ComplianceStatuses<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ComplianceStatus>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An identity was registered with its first account.
		IdentityRegistered {
			identity: IdentityId,
			kind: IdentityKind,
			jurisdiction: CountryCode,
			account: T::AccountId,
			by: ActorOf<T>,
		},
		/// An identity's kind or jurisdiction changed.
		IdentityUpdated {
			identity: IdentityId,
			old_kind: IdentityKind,
			kind: IdentityKind,
			old_jurisdiction: CountryCode,
			jurisdiction: CountryCode,
			by: ActorOf<T>,
		},
		/// An identity was deleted with all its account links and claims.
		IdentityDeleted { identity: IdentityId, accounts: u32, claims: u32, by: ActorOf<T> },
		/// An account was linked to an identity.
		AccountAdded { identity: IdentityId, account: T::AccountId, by: ActorOf<T> },
		/// An account was unlinked from its identity.
		AccountRemoved { identity: IdentityId, account: T::AccountId, by: ActorOf<T> },
		/// A claim topic was added to the registry.
		TopicAdded { topic: TopicId, name: TopicNameOf<T>, by: ActorOf<T> },
		/// A claim topic was retired: no claim for it is valid any more.
		TopicRetired { topic: TopicId, by: ActorOf<T> },
		/// A claim issuer became trusted for some topics.
		TrustedIssuerAdded { issuer: T::AccountId, topics: IssuerTopicsOf<T>, by: ActorOf<T> },
		/// The topics a trusted issuer is trusted for changed.
		TrustedIssuerUpdated {
			issuer: T::AccountId,
			old_topics: IssuerTopicsOf<T>,
			topics: IssuerTopicsOf<T>,
			by: ActorOf<T>,
		},
		/// A claim issuer is no longer trusted: none of its claims is valid any more.
		TrustedIssuerRemoved { issuer: T::AccountId, by: ActorOf<T> },
		/// The topics required for an operation by an identity kind changed. `old_topics` is
		/// `None` if no rule was configured before.
		RequiredTopicsSet {
			operation: Operation,
			kind: IdentityKind,
			old_topics: Option<RequiredTopicsOf<T>>,
			topics: RequiredTopicsOf<T>,
			by: ActorOf<T>,
		},
		/// A jurisdiction was blocked.
		JurisdictionBlocked { jurisdiction: CountryCode, by: ActorOf<T> },
		/// A jurisdiction was unblocked.
		JurisdictionUnblocked { jurisdiction: CountryCode, by: ActorOf<T> },
		/// A jurisdiction's rule for an operation was set, changed or removed (`rule` is
		/// `None` when removed, `old_rule` is `None` when there was none).
		JurisdictionRuleSet {
			jurisdiction: CountryCode,
			operation: Operation,
			old_rule: Option<JurisdictionRuleOf<T>>,
			rule: Option<JurisdictionRuleOf<T>>,
			by: ActorOf<T>,
		},
		/// A trusted issuer issued (or replaced) the claim of an identity for a topic.
		ClaimIssued {
			identity: IdentityId,
			topic: TopicId,
			issuer: T::AccountId,
			issued_at: Moment,
			expires_at: Moment,
			evidence: H256,
		},
		/// An issuer revoked a claim it had issued.
		ClaimRevoked {
			identity: IdentityId,
			topic: TopicId,
			issuer: T::AccountId,
			revoked_at: Moment,
		},
		/// Governance cleared the claim of an identity for a topic, so that a trusted issuer
		/// may issue a fresh one. `claim` is the record that was removed.
		ClaimCleared { identity: IdentityId, topic: TopicId, claim: ClaimOf<T>, by: ActorOf<T> },
		/// `by` recomputed the compliance status of `accounts` accounts under the current rules
		/// (`refresh_compliance`); `unlinked` of them belong to no identity and hold none.
		ComplianceRefreshed { accounts: u32, unlinked: u32, by: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The jurisdiction is not two upper-case ASCII letters (ISO 3166-1 alpha-2).
		InvalidJurisdiction,
		/// The account already belongs to an identity.
		AccountTaken,
		/// The identity already owns the maximum number of accounts.
		TooManyAccounts,
		/// No identity has this identifier.
		UnknownIdentity,
		/// The account does not belong to any identity.
		UnknownAccount,
		/// The account is its identity's only account; delete the identity instead.
		LastAccount,
		/// An identifier counter is exhausted.
		Overflow,
		/// A topic name must not be empty.
		EmptyName,
		/// The topic registry is full.
		TooManyTopics,
		/// No topic has this identifier.
		UnknownTopic,
		/// The topic has been retired.
		RetiredTopic,
		/// A topic is listed twice.
		DuplicateTopic,
		/// An issuer must be trusted for at least one topic.
		NoTopics,
		/// The account is already a trusted issuer.
		AlreadyTrusted,
		/// The account is not a trusted issuer.
		UnknownIssuer,
		/// The issuer is not trusted for this topic.
		NotTrustedForTopic,
		/// The expiry time is not in the future.
		AlreadyExpired,
		/// The identity has no claim for this topic.
		UnknownClaim,
		/// Only the issuer of a claim may revoke it.
		NotClaimIssuer,
		/// The claim has already been revoked.
		AlreadyRevoked,
		/// The jurisdiction is already blocked.
		AlreadyBlocked,
		/// The jurisdiction is not blocked.
		NotBlocked,
		/// The blocked list is full.
		TooManyBlockedJurisdictions,
		/// The expiry time is more than [`Config::MaxClaimValidity`] after now.
		ValidityTooLong,
		/// The identity holds a claim for this topic from another issuer that still counts
		/// (not expired, its issuer still trusted for the topic); only that issuer may renew
		/// it, or governance clear it.
		ClaimHeldByAnotherIssuer,
		/// The identity's claim for this topic was revoked; only governance may clear it
		/// (`clear_claim`) before a new claim is issued.
		ClaimRevokedNeedsGovernance,
		/// A jurisdiction rule must require an extra topic or set a limit; to drop a rule, set
		/// none.
		EmptyJurisdictionRule,
		/// The jurisdiction has no rule for this operation to remove.
		NoJurisdictionRule,
		/// The call needs governance (a council motion), and the origin is not it.
		NotGovernance,
		/// The call needs an identity registrar (or governance), and the origin is neither.
		NotRegistrar,
		/// `refresh_compliance` was given no account.
		NothingToRefresh,
	}

	/// The initial registry, issuers, identities, claims and rules.
	///
	/// Invalid entries make the genesis build panic: a chain must not start in a state that
	/// breaks the pallet's invariants.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Claim topics as `(id, name)`. The default is the standard set of
		/// [`stablecoin_primitives::topics::STANDARD`].
		pub topics: Vec<(TopicId, Vec<u8>)>,
		/// Topics to register retired, by identifier (already in `topics`).
		pub retired_topics: Vec<TopicId>,
		/// Trusted issuers as `(issuer, topics)`.
		pub trusted_issuers: Vec<(T::AccountId, Vec<TopicId>)>,
		/// Identities as `(id, kind, jurisdiction, accounts)`; `accounts` must not be empty.
		pub identities: Vec<(IdentityId, IdentityKind, CountryCode, Vec<T::AccountId>)>,
		/// Claims as `(identity, topic, issuer, expires_at, evidence)`, issued at time 0; the
		/// issuer must be trusted for the topic.
		pub claims: Vec<(IdentityId, TopicId, T::AccountId, Moment, H256)>,
		/// Compliance rules as `(operation, kind, required topics)`.
		pub required_topics: Vec<(Operation, IdentityKind, Vec<TopicId>)>,
		/// Blocked jurisdictions.
		pub blocked_jurisdictions: Vec<CountryCode>,
		/// Per-jurisdiction rules as `(jurisdiction, operation, extra topics, max amount)`.
		pub jurisdiction_rules: Vec<(CountryCode, Operation, Vec<TopicId>, Option<u128>)>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self {
				topics: stablecoin_primitives::topics::STANDARD
					.iter()
					.map(|(id, name)| (*id, name.to_vec()))
					.collect(),
				retired_topics: Vec::new(),
				trusted_issuers: Vec::new(),
				identities: Vec::new(),
				claims: Vec::new(),
				required_topics: Vec::new(),
				blocked_jurisdictions: Vec::new(),
				jurisdiction_rules: Vec::new(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Read the rules epoch, which every payment's compliance check reads
		/// ([`Pallet::read_rules_epoch`]): one read a block.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::read_rules_epoch()
		}

		fn integrity_test() {
			assert!(
				T::MaxAccountsPerIdentity::get() >= 2,
				"MaxAccountsPerIdentity must allow a wallet rotation (at least 2)"
			);
			assert!(T::MaxTopics::get() > 0, "MaxTopics must be positive");
			assert!(T::MaxTopicNameLen::get() > 0, "MaxTopicNameLen must be positive");
			assert!(
				T::MaxTopicsPerIssuer::get() > 0
					&& T::MaxTopicsPerIssuer::get() <= T::MaxTopics::get(),
				"MaxTopicsPerIssuer must be in 1..=MaxTopics"
			);
			assert!(
				T::MaxRequiredTopics::get() <= T::MaxTopics::get(),
				"MaxRequiredTopics must not exceed MaxTopics"
			);
			assert!(T::MaxClaimValidity::get() > 0, "MaxClaimValidity must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a new identity owning `account`.
		///
		/// - Origin: [`Config::RegistrarOrigin`].
		/// - Emits [`Event::IdentityRegistered`] with the new identifier.
		/// - Errors: [`Error::NotRegistrar`]; [`Error::InvalidJurisdiction`] if `jurisdiction` is
		///   not two upper-case letters; [`Error::AccountTaken`] if `account` already belongs to an
		///   identity; [`Error::Overflow`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_identity())]
		pub fn register_identity(
			origin: OriginFor<T>,
			kind: IdentityKind,
			jurisdiction: CountryCode,
			account: T::AccountId,
		) -> DispatchResult {
			let by = Self::ensure_registrar(origin)?;
			Self::do_register_identity(kind, jurisdiction, account, by).map(|_| ())
		}

		/// Link another account to an identity.
		///
		/// - Origin: [`Config::RegistrarOrigin`].
		/// - Emits [`Event::AccountAdded`].
		/// - Errors: [`Error::NotRegistrar`]; [`Error::UnknownIdentity`]; [`Error::AccountTaken`]
		///   if the account already belongs to an identity (this one included);
		///   [`Error::TooManyAccounts`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_account())]
		pub fn add_account(
			origin: OriginFor<T>,
			identity: IdentityId,
			account: T::AccountId,
		) -> DispatchResult {
			let by = Self::ensure_registrar(origin)?;
			Self::do_add_account(identity, account, by)
		}

		/// Unlink an account from its identity.
		///
		/// - Origin: [`Config::RegistrarOrigin`].
		/// - Emits [`Event::AccountRemoved`].
		/// - Errors: [`Error::NotRegistrar`]; [`Error::UnknownAccount`] if the account belongs to
		///   no identity; [`Error::LastAccount`] if it is the identity's only account.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_account())]
		pub fn remove_account(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let by = Self::ensure_registrar(origin)?;
			Self::do_remove_account(account, by)
		}

		/// Change an identity's kind and jurisdiction.
		///
		/// - Origin: [`Config::RegistrarOrigin`].
		/// - Emits [`Event::IdentityUpdated`] with the old and new values.
		/// - Errors: [`Error::NotRegistrar`]; [`Error::InvalidJurisdiction`];
		///   [`Error::UnknownIdentity`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::update_identity())]
		pub fn update_identity(
			origin: OriginFor<T>,
			identity: IdentityId,
			kind: IdentityKind,
			jurisdiction: CountryCode,
		) -> DispatchResult {
			let by = Self::ensure_registrar(origin)?;
			Self::do_update_identity(identity, kind, jurisdiction, by)
		}

		/// Delete an identity, unlinking all its accounts and removing all its claims.
		///
		/// - Origin: [`Config::RegistrarOrigin`].
		/// - Emits [`Event::IdentityDeleted`] with the number of accounts and claims removed.
		/// - Errors: [`Error::NotRegistrar`]; [`Error::UnknownIdentity`].
		/// - Weight: charged for the maximum number of accounts and claims, refunded to the
		///   actual numbers.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::delete_identity(
			T::MaxAccountsPerIdentity::get(),
			T::MaxTopics::get(),
		))]
		pub fn delete_identity(
			origin: OriginFor<T>,
			identity: IdentityId,
		) -> DispatchResultWithPostInfo {
			let by = Self::ensure_registrar(origin)?;
			let (accounts, claims) = Self::do_delete_identity(identity, by)?;
			Ok(Some(T::WeightInfo::delete_identity(accounts, claims)).into())
		}

		/// Add a claim topic to the registry under the next free identifier.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::TopicAdded`] with the new identifier.
		/// - Errors: [`Error::NotGovernance`]; [`Error::EmptyName`]; [`Error::TooManyTopics`] if
		///   the registry holds [`Config::MaxTopics`] topics; [`Error::Overflow`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::add_topic())]
		pub fn add_topic(origin: OriginFor<T>, name: TopicNameOf<T>) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_add_topic(name, by).map(|_| ())
		}

		/// Retire a claim topic. From now on no claim for it is valid, it cannot be issued,
		/// trusted or required, and rules that still require it refuse everyone: update them
		/// first. Retiring is final.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::TopicRetired`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::UnknownTopic`]; [`Error::RetiredTopic`] if
		///   already retired.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::retire_topic())]
		pub fn retire_topic(origin: OriginFor<T>, topic: TopicId) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_retire_topic(topic, by)
		}

		/// Trust `issuer` to issue claims for `topics`.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::TrustedIssuerAdded`] with the topics, sorted.
		/// - Errors: [`Error::NotGovernance`]; [`Error::AlreadyTrusted`] (use
		///   `update_issuer_topics`); [`Error::NoTopics`]; [`Error::DuplicateTopic`];
		///   [`Error::UnknownTopic`]; [`Error::RetiredTopic`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::add_trusted_issuer(topics.len() as u32))]
		pub fn add_trusted_issuer(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			topics: IssuerTopicsOf<T>,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_add_trusted_issuer(issuer, topics, by)
		}

		/// Replace the topics a trusted issuer is trusted for. Its claims for topics it loses
		/// stop being valid at once.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::TrustedIssuerUpdated`] with the old and new topics.
		/// - Errors: [`Error::NotGovernance`]; [`Error::UnknownIssuer`]; [`Error::NoTopics`] (use
		///   `remove_trusted_issuer`); [`Error::DuplicateTopic`]; [`Error::UnknownTopic`];
		///   [`Error::RetiredTopic`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::update_issuer_topics(topics.len() as u32))]
		pub fn update_issuer_topics(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			topics: IssuerTopicsOf<T>,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_update_issuer_topics(issuer, topics, by)
		}

		/// Stop trusting a claim issuer. Every claim it issued stops being valid at once (it
		/// is checked when read; no claim is touched).
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::TrustedIssuerRemoved`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::UnknownIssuer`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::remove_trusted_issuer())]
		pub fn remove_trusted_issuer(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_remove_trusted_issuer(issuer, by)
		}

		/// Set the compliance rule for `operation` by identities of `kind`: the topics they
		/// need valid claims for. An empty list is a rule too: an identity suffices. Until a
		/// rule is set, the operation is refused to every identity of that kind.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::RequiredTopicsSet`] with the old and new topics.
		/// - Errors: [`Error::NotGovernance`]; [`Error::DuplicateTopic`]; [`Error::UnknownTopic`];
		///   [`Error::RetiredTopic`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::set_required_topics(topics.len() as u32))]
		pub fn set_required_topics(
			origin: OriginFor<T>,
			operation: Operation,
			kind: IdentityKind,
			topics: RequiredTopicsOf<T>,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_required_topics(operation, kind, topics, by)
		}

		/// Block a jurisdiction: its identities may perform no operation, whatever their
		/// claims.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::JurisdictionBlocked`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::InvalidJurisdiction`];
		///   [`Error::AlreadyBlocked`]; [`Error::TooManyBlockedJurisdictions`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::block_jurisdiction())]
		pub fn block_jurisdiction(
			origin: OriginFor<T>,
			jurisdiction: CountryCode,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_block_jurisdiction(jurisdiction, by)
		}

		/// Unblock a jurisdiction.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::JurisdictionUnblocked`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::NotBlocked`].
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::unblock_jurisdiction())]
		pub fn unblock_jurisdiction(
			origin: OriginFor<T>,
			jurisdiction: CountryCode,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_unblock_jurisdiction(jurisdiction, by)
		}

		/// Set what `jurisdiction` adds to the compliance rule for `operation`: extra topics its
		/// identities must prove and a lower limit on the amount. `None` removes the rule.
		/// Identities of every kind in the jurisdiction are covered; the rule of their kind
		/// still applies, and a blocked jurisdiction stays blocked.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::JurisdictionRuleSet`] with the old and new rule.
		/// - Errors: [`Error::NotGovernance`]; [`Error::InvalidJurisdiction`];
		///   [`Error::EmptyJurisdictionRule`]; [`Error::DuplicateTopic`];
		///   [`Error::UnknownTopic`]; [`Error::RetiredTopic`]; [`Error::NoJurisdictionRule`]
		///   when removing a rule that does not exist.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::set_jurisdiction_rule(
			rule.as_ref().map_or(0, |rule| rule.extra_topics.len() as u32)
		))]
		pub fn set_jurisdiction_rule(
			origin: OriginFor<T>,
			jurisdiction: CountryCode,
			operation: Operation,
			rule: Option<JurisdictionRuleOf<T>>,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_jurisdiction_rule(jurisdiction, operation, rule, by)
		}

		/// Issue a claim on `identity` for `topic`, valid until `expires_at` (milliseconds
		/// since the Unix epoch, at most [`Config::MaxClaimValidity`] from now), with the hash
		/// of the off-chain evidence.
		///
		/// If the identity already holds a claim for `topic`, the new claim replaces it only
		/// when the signer issued it (a renewal), or when it no longer counts because it
		/// expired or its issuer is no longer trusted for the topic. A claim of another issuer
		/// that still counts cannot be overwritten, and a revoked claim cannot be re-issued
		/// by anyone until governance clears it (`clear_claim`): one rogue or stolen issuer
		/// key can neither take over other issuers' clients nor undo a revocation.
		///
		/// - Origin: signed by a trusted issuer for `topic`. Feeless exactly when the call
		///   succeeds (the same checks are run, without writing).
		/// - Emits [`Event::ClaimIssued`].
		/// - Errors: `BadOrigin` if not signed; [`Error::UnknownIdentity`];
		///   [`Error::UnknownTopic`]; [`Error::RetiredTopic`]; [`Error::UnknownIssuer`] if the
		///   signer is not a trusted issuer; [`Error::NotTrustedForTopic`];
		///   [`Error::AlreadyExpired`] if `expires_at` is not after now;
		///   [`Error::ValidityTooLong`]; [`Error::ClaimRevokedNeedsGovernance`];
		///   [`Error::ClaimHeldByAnotherIssuer`].
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::issue_claim())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, identity: &IdentityId, topic: &TopicId, expires_at: &Moment, _evidence: &H256| -> bool {
			Pallet::<T>::is_feeless_issue(origin, *identity, *topic, *expires_at)
		})]
		pub fn issue_claim(
			origin: OriginFor<T>,
			identity: IdentityId,
			topic: TopicId,
			expires_at: Moment,
			evidence: H256,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_issue_claim(issuer, identity, topic, expires_at, evidence)
		}

		/// Revoke a claim. Only the account that issued it may; a revocation can only narrow
		/// rights, so it is allowed even after the issuer lost its trust.
		///
		/// - Origin: signed by the claim's issuer. Feeless when the call succeeds and the
		///   signer is still trusted for the topic: an issuer governance has removed pays, so
		///   a removed key cannot fill blocks for free.
		/// - Emits [`Event::ClaimRevoked`].
		/// - Errors: `BadOrigin` if not signed; [`Error::UnknownClaim`];
		///   [`Error::NotClaimIssuer`]; [`Error::AlreadyRevoked`].
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::revoke_claim())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, identity: &IdentityId, topic: &TopicId| -> bool {
			Pallet::<T>::is_feeless_revoke(origin, *identity, *topic)
		})]
		pub fn revoke_claim(
			origin: OriginFor<T>,
			identity: IdentityId,
			topic: TopicId,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_revoke_claim(issuer, identity, topic)
		}

		/// Remove the claim of `identity` for `topic`, whatever its state, so that a trusted
		/// issuer may issue a fresh one. This is the only way to re-issue a revoked claim, and
		/// the way to hand a client whose claim still counts over to another issuer. The
		/// identity holds no claim for the topic until one is issued.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::ClaimCleared`] with the removed claim and who cleared it.
		/// - Errors: [`Error::NotGovernance`]; [`Error::UnknownClaim`].
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::clear_claim())]
		pub fn clear_claim(
			origin: OriginFor<T>,
			identity: IdentityId,
			topic: TopicId,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_clear_claim(identity, topic, by)
		}

		/// Recompute the compliance status of `accounts` under the current rules, ahead of
		/// their next payment: after governance changed the rules (which makes every kept
		/// status stale), a payment from or to an account whose status is stale recomputes it
		/// itself, and the block carries that extra weight.
		///
		/// - Origin: any signed account; it pays the fee. Changes nothing but the kept
		///   statuses, which only ever restate what the rules and claims say.
		/// - Emits [`Event::ComplianceRefreshed`].
		/// - Errors: `BadOrigin` if not signed; [`Error::NothingToRefresh`] if `accounts` is
		///   empty.
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::refresh_compliance(accounts.len() as u32))]
		pub fn refresh_compliance(
			origin: OriginFor<T>,
			accounts: BoundedVec<T::AccountId, ConstU32<MAX_REFRESH_ACCOUNTS>>,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			ensure!(!accounts.is_empty(), Error::<T>::NothingToRefresh);
			let unlinked =
				accounts.iter().filter(|account| Self::refresh_account(account).is_none()).count()
					as u32;
			Self::deposit_event(Event::ComplianceRefreshed {
				accounts: accounts.len() as u32,
				unlinked,
				by,
			});
			Ok(())
		}
	}
}
