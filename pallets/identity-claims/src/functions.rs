//! The pallet's logic, outside the macro: the `do_*` helpers behind each call, the validity
//! rules for claims, the compliance check and the read helpers behind the runtime API.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult, Get},
	weights::Weight,
};
use frame_system::pallet_prelude::OriginFor;
use sp_core::H256;
use stablecoin_primitives::{
	is_valid_country_code, ComplianceError, CountryCode, Operation, TopicId,
};

impl<T: Config> Pallet<T> {
	/// Read [`RulesEpoch`] once at the start of every block. Every payment's compliance check
	/// reads it; the block pays for the read here and the payments of the block find it in the
	/// node's cache, so a payment's benchmark need not count it again
	/// ([`Self::keys_read_every_block`]). Returns the weight of the read.
	pub(crate) fn read_rules_epoch() -> Weight {
		let _ = RulesEpoch::<T>::get();
		T::DbWeight::get().reads(1)
	}

	/// The storage keys of the items every block's initialization reads that a payment's
	/// compliance check reads too ([`Self::read_rules_epoch`]). Benchmarks of payments whitelist
	/// them.
	pub fn keys_read_every_block() -> [Vec<u8>; 1] {
		[RulesEpoch::<T>::hashed_key().to_vec()]
	}

	/// Check the registrar origin and say who it is: refused with [`Error::NotRegistrar`].
	pub(crate) fn ensure_registrar(origin: OriginFor<T>) -> Result<ActorOf<T>, DispatchError> {
		Actor::ensure_by::<T::RegistrarOrigin, _>(origin)
			.map_err(|_| Error::<T>::NotRegistrar.into())
	}

	/// Check the governance origin and say who it is: refused with [`Error::NotGovernance`].
	pub(crate) fn ensure_governance(origin: OriginFor<T>) -> Result<ActorOf<T>, DispatchError> {
		Actor::ensure_by::<T::GovernanceOrigin, _>(origin)
			.map_err(|_| Error::<T>::NotGovernance.into())
	}

	fn ensure_jurisdiction(code: &CountryCode) -> DispatchResult {
		ensure!(is_valid_country_code(code), Error::<T>::InvalidJurisdiction);
		Ok(())
	}

	// ---- identities ------------------------------------------------------------------------

	pub(crate) fn do_register_identity(
		kind: IdentityKind,
		jurisdiction: CountryCode,
		account: T::AccountId,
		by: ActorOf<T>,
	) -> Result<IdentityId, DispatchError> {
		Self::ensure_jurisdiction(&jurisdiction)?;
		ensure!(!AccountIdentity::<T>::contains_key(&account), Error::<T>::AccountTaken);
		let identity = NextIdentityId::<T>::get();
		let next = identity.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let count = IdentityCount::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;
		let accounts = BoundedVec::try_from(alloc::vec![account.clone()])
			.map_err(|_| Error::<T>::TooManyAccounts)?;

		Identities::<T>::insert(
			identity,
			IdentityInfo {
				kind,
				jurisdiction,
				accounts,
				created_at: stablecoin_primitives::now::<T::Time>(),
			},
		);
		AccountIdentity::<T>::insert(&account, identity);
		NextIdentityId::<T>::put(next);
		IdentityCount::<T>::put(count);
		Self::refresh_identity(identity);
		Self::deposit_event(Event::IdentityRegistered {
			identity,
			kind,
			jurisdiction,
			account,
			by,
		});
		Ok(identity)
	}

	pub(crate) fn do_add_account(
		identity: IdentityId,
		account: T::AccountId,
		by: ActorOf<T>,
	) -> DispatchResult {
		Identities::<T>::try_mutate(identity, |maybe| -> DispatchResult {
			let info = maybe.as_mut().ok_or(Error::<T>::UnknownIdentity)?;
			ensure!(!AccountIdentity::<T>::contains_key(&account), Error::<T>::AccountTaken);
			info.accounts.try_push(account.clone()).map_err(|_| Error::<T>::TooManyAccounts)?;
			Ok(())
		})?;
		AccountIdentity::<T>::insert(&account, identity);
		Self::refresh_account(&account);
		Self::deposit_event(Event::AccountAdded { identity, account, by });
		Ok(())
	}

	pub(crate) fn do_remove_account(account: T::AccountId, by: ActorOf<T>) -> DispatchResult {
		let identity = AccountIdentity::<T>::get(&account).ok_or(Error::<T>::UnknownAccount)?;
		Identities::<T>::try_mutate(identity, |maybe| -> DispatchResult {
			// The reverse index always points to an existing identity (an invariant).
			let info = maybe.as_mut().ok_or(Error::<T>::UnknownIdentity)?;
			ensure!(info.accounts.len() > 1, Error::<T>::LastAccount);
			info.accounts.retain(|a| a != &account);
			Ok(())
		})?;
		AccountIdentity::<T>::remove(&account);
		ComplianceStatuses::<T>::remove(&account);
		Self::deposit_event(Event::AccountRemoved { identity, account, by });
		Ok(())
	}

	pub(crate) fn do_update_identity(
		identity: IdentityId,
		kind: IdentityKind,
		jurisdiction: CountryCode,
		by: ActorOf<T>,
	) -> DispatchResult {
		Self::ensure_jurisdiction(&jurisdiction)?;
		let (old_kind, old_jurisdiction) =
			Identities::<T>::try_mutate(identity, |maybe| -> Result<_, DispatchError> {
				let info = maybe.as_mut().ok_or(Error::<T>::UnknownIdentity)?;
				let old = (info.kind, info.jurisdiction);
				info.kind = kind;
				info.jurisdiction = jurisdiction;
				Ok(old)
			})?;
		Self::refresh_identity(identity);
		Self::deposit_event(Event::IdentityUpdated {
			identity,
			old_kind,
			kind,
			old_jurisdiction,
			jurisdiction,
			by,
		});
		Ok(())
	}

	/// Delete an identity; returns how many accounts were unlinked and claims removed.
	pub(crate) fn do_delete_identity(
		identity: IdentityId,
		by: ActorOf<T>,
	) -> Result<(u32, u32), DispatchError> {
		let info = Identities::<T>::take(identity).ok_or(Error::<T>::UnknownIdentity)?;
		for account in info.accounts.iter() {
			AccountIdentity::<T>::remove(account);
			ComplianceStatuses::<T>::remove(account);
		}
		// An identity holds at most one claim per topic, and there are at most `MaxTopics`
		// topics, so this removes every claim.
		let removed = Claims::<T>::clear_prefix(identity, T::MaxTopics::get(), None);
		IdentityCount::<T>::mutate(|count| *count = count.saturating_sub(1));

		let accounts = info.accounts.len() as u32;
		let claims = removed.unique;
		Self::deposit_event(Event::IdentityDeleted { identity, accounts, claims, by });
		Ok((accounts, claims))
	}

	// ---- topics ----------------------------------------------------------------------------

	pub(crate) fn do_add_topic(
		name: TopicNameOf<T>,
		by: ActorOf<T>,
	) -> Result<TopicId, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let count = TopicCount::<T>::get();
		ensure!(count < T::MaxTopics::get(), Error::<T>::TooManyTopics);
		let topic = NextTopicId::<T>::get();
		let next = topic.checked_add(1).ok_or(Error::<T>::Overflow)?;

		Topics::<T>::insert(topic, TopicInfo { name: name.clone(), retired: false });
		TopicCount::<T>::put(count.saturating_add(1));
		NextTopicId::<T>::put(next);
		Self::deposit_event(Event::TopicAdded { topic, name, by });
		Ok(topic)
	}

	pub(crate) fn do_retire_topic(topic: TopicId, by: ActorOf<T>) -> DispatchResult {
		Topics::<T>::try_mutate(topic, |maybe| -> DispatchResult {
			let info = maybe.as_mut().ok_or(Error::<T>::UnknownTopic)?;
			ensure!(!info.retired, Error::<T>::RetiredTopic);
			info.retired = true;
			Ok(())
		})?;
		Self::advance_rules_epoch();
		Self::deposit_event(Event::TopicRetired { topic, by });
		Ok(())
	}

	/// Whether `topic` exists and is not retired.
	pub fn is_topic_active(topic: TopicId) -> bool {
		Topics::<T>::get(topic).is_some_and(|info| !info.retired)
	}

	fn ensure_topic_active(topic: TopicId) -> DispatchResult {
		let info = Topics::<T>::get(topic).ok_or(Error::<T>::UnknownTopic)?;
		ensure!(!info.retired, Error::<T>::RetiredTopic);
		Ok(())
	}

	/// Sort a topic set, refuse duplicates and topics that are unknown or retired.
	fn normalise_topics<S: Get<u32>>(
		topics: BoundedVec<TopicId, S>,
	) -> Result<BoundedVec<TopicId, S>, DispatchError> {
		let mut topics = topics.into_inner();
		topics.sort_unstable();
		ensure!(topics.windows(2).all(|w| w[0] < w[1]), Error::<T>::DuplicateTopic);
		for topic in &topics {
			Self::ensure_topic_active(*topic)?;
		}
		// Same length as the bounded input.
		Ok(BoundedVec::truncate_from(topics))
	}

	// ---- trusted issuers -------------------------------------------------------------------

	pub(crate) fn do_add_trusted_issuer(
		issuer: T::AccountId,
		topics: IssuerTopicsOf<T>,
		by: ActorOf<T>,
	) -> DispatchResult {
		ensure!(!TrustedIssuers::<T>::contains_key(&issuer), Error::<T>::AlreadyTrusted);
		ensure!(!topics.is_empty(), Error::<T>::NoTopics);
		let topics = Self::normalise_topics(topics)?;
		TrustedIssuers::<T>::insert(&issuer, &topics);
		// A removed issuer trusted again makes its claims count again.
		Self::advance_rules_epoch();
		Self::deposit_event(Event::TrustedIssuerAdded { issuer, topics, by });
		Ok(())
	}

	pub(crate) fn do_update_issuer_topics(
		issuer: T::AccountId,
		topics: IssuerTopicsOf<T>,
		by: ActorOf<T>,
	) -> DispatchResult {
		let old_topics = TrustedIssuers::<T>::get(&issuer).ok_or(Error::<T>::UnknownIssuer)?;
		ensure!(!topics.is_empty(), Error::<T>::NoTopics);
		let topics = Self::normalise_topics(topics)?;
		TrustedIssuers::<T>::insert(&issuer, &topics);
		Self::advance_rules_epoch();
		Self::deposit_event(Event::TrustedIssuerUpdated { issuer, old_topics, topics, by });
		Ok(())
	}

	pub(crate) fn do_remove_trusted_issuer(issuer: T::AccountId, by: ActorOf<T>) -> DispatchResult {
		ensure!(TrustedIssuers::<T>::contains_key(&issuer), Error::<T>::UnknownIssuer);
		TrustedIssuers::<T>::remove(&issuer);
		Self::advance_rules_epoch();
		Self::deposit_event(Event::TrustedIssuerRemoved { issuer, by });
		Ok(())
	}

	/// Whether `issuer` is trusted for `topic` now.
	pub fn is_trusted_for(issuer: &T::AccountId, topic: TopicId) -> bool {
		TrustedIssuers::<T>::get(issuer).is_some_and(|topics| topics.binary_search(&topic).is_ok())
	}

	// ---- rules -----------------------------------------------------------------------------

	pub(crate) fn do_set_required_topics(
		operation: Operation,
		kind: IdentityKind,
		topics: RequiredTopicsOf<T>,
		by: ActorOf<T>,
	) -> DispatchResult {
		let topics = Self::normalise_topics(topics)?;
		// An empty list is stored too: it is a rule (an identity suffices), unlike no entry.
		let old_topics = RequiredTopics::<T>::get(operation, kind);
		RequiredTopics::<T>::insert(operation, kind, &topics);
		Self::advance_rules_epoch();
		Self::deposit_event(Event::RequiredTopicsSet { operation, kind, old_topics, topics, by });
		Ok(())
	}

	pub(crate) fn do_block_jurisdiction(
		jurisdiction: CountryCode,
		by: ActorOf<T>,
	) -> DispatchResult {
		Self::ensure_jurisdiction(&jurisdiction)?;
		BlockedJurisdictions::<T>::try_mutate(|list| -> DispatchResult {
			ensure!(!list.contains(&jurisdiction), Error::<T>::AlreadyBlocked);
			list.try_push(jurisdiction).map_err(|_| Error::<T>::TooManyBlockedJurisdictions)?;
			Ok(())
		})?;
		Self::advance_rules_epoch();
		Self::deposit_event(Event::JurisdictionBlocked { jurisdiction, by });
		Ok(())
	}

	pub(crate) fn do_unblock_jurisdiction(
		jurisdiction: CountryCode,
		by: ActorOf<T>,
	) -> DispatchResult {
		BlockedJurisdictions::<T>::try_mutate(|list| -> DispatchResult {
			let position =
				list.iter().position(|c| c == &jurisdiction).ok_or(Error::<T>::NotBlocked)?;
			list.remove(position);
			Ok(())
		})?;
		Self::advance_rules_epoch();
		Self::deposit_event(Event::JurisdictionUnblocked { jurisdiction, by });
		Ok(())
	}

	pub(crate) fn do_set_jurisdiction_rule(
		jurisdiction: CountryCode,
		operation: Operation,
		rule: Option<JurisdictionRuleOf<T>>,
		by: ActorOf<T>,
	) -> DispatchResult {
		Self::ensure_jurisdiction(&jurisdiction)?;
		let rule = match rule {
			Some(rule) => {
				ensure!(
					!rule.extra_topics.is_empty() || rule.max_amount.is_some(),
					Error::<T>::EmptyJurisdictionRule
				);
				let extra_topics = Self::normalise_topics(rule.extra_topics)?;
				Some(JurisdictionRule { extra_topics, max_amount: rule.max_amount })
			}
			None => None,
		};
		let old_rule = JurisdictionRules::<T>::get(jurisdiction, operation);
		match &rule {
			Some(rule) => JurisdictionRules::<T>::insert(jurisdiction, operation, rule),
			None => {
				ensure!(old_rule.is_some(), Error::<T>::NoJurisdictionRule);
				JurisdictionRules::<T>::remove(jurisdiction, operation);
			}
		}
		Self::advance_rules_epoch();
		Self::deposit_event(Event::JurisdictionRuleSet {
			jurisdiction,
			operation,
			old_rule,
			rule,
			by,
		});
		Ok(())
	}

	// ---- claims ----------------------------------------------------------------------------

	/// Check that `issuer` may issue a claim on `identity` for `topic` expiring at
	/// `expires_at`, at time `now`. Writes nothing: the one owner of the rules of
	/// `issue_claim`, shared by the call and its `feeless_if` condition.
	///
	/// Checked in the order the call documents its errors: identity, topic, issuer's trust,
	/// expiry window, then the claim already held for the topic (see [`Self::check_replace`]).
	pub(crate) fn check_issue(
		issuer: &T::AccountId,
		identity: IdentityId,
		topic: TopicId,
		expires_at: Moment,
		now: Moment,
	) -> DispatchResult {
		ensure!(Identities::<T>::contains_key(identity), Error::<T>::UnknownIdentity);
		Self::ensure_topic_active(topic)?;
		let topics = TrustedIssuers::<T>::get(issuer).ok_or(Error::<T>::UnknownIssuer)?;
		ensure!(topics.binary_search(&topic).is_ok(), Error::<T>::NotTrustedForTopic);
		ensure!(expires_at > now, Error::<T>::AlreadyExpired);
		// Saturating: near the end of time the window is merely cut short, never wrapped.
		ensure!(
			expires_at <= now.saturating_add(T::MaxClaimValidity::get()),
			Error::<T>::ValidityTooLong
		);
		if let Some(held) = Claims::<T>::get(identity, topic) {
			Self::check_replace(issuer, &held, topic, now)?;
		}
		Ok(())
	}

	/// Whether `issuer` may replace the claim `held` for `topic` at time `now`:
	///
	/// - a revoked claim, never ([`Error::ClaimRevokedNeedsGovernance`]): it is the record of
	///   the revocation, and only governance clears it;
	/// - its own claim, always (a renewal);
	/// - another issuer's claim, only once it no longer counts: it has expired, or its issuer
	///   is no longer trusted for the topic (only governance can bring that about). Otherwise
	///   [`Error::ClaimHeldByAnotherIssuer`].
	fn check_replace(
		issuer: &T::AccountId,
		held: &ClaimOf<T>,
		topic: TopicId,
		now: Moment,
	) -> DispatchResult {
		ensure!(held.revoked_at.is_none(), Error::<T>::ClaimRevokedNeedsGovernance);
		let still_counts = now < held.expires_at && Self::is_trusted_for(&held.issuer, topic);
		ensure!(&held.issuer == issuer || !still_counts, Error::<T>::ClaimHeldByAnotherIssuer);
		Ok(())
	}

	pub(crate) fn do_issue_claim(
		issuer: T::AccountId,
		identity: IdentityId,
		topic: TopicId,
		expires_at: Moment,
		evidence: H256,
	) -> DispatchResult {
		let issued_at = stablecoin_primitives::now::<T::Time>();
		Self::check_issue(&issuer, identity, topic, expires_at, issued_at)?;

		Claims::<T>::insert(
			identity,
			topic,
			Claim { issuer: issuer.clone(), issued_at, expires_at, evidence, revoked_at: None },
		);
		Self::refresh_identity(identity);
		Self::deposit_event(Event::ClaimIssued {
			identity,
			topic,
			issuer,
			issued_at,
			expires_at,
			evidence,
		});
		Ok(())
	}

	/// Check that `issuer` may revoke the claim of `identity` for `topic`, and return the
	/// claim. Writes nothing: the one owner of the rules of `revoke_claim`, shared by the call
	/// and its `feeless_if` condition. Trust is not required: a revocation only narrows
	/// rights.
	pub(crate) fn check_revoke(
		issuer: &T::AccountId,
		identity: IdentityId,
		topic: TopicId,
	) -> Result<ClaimOf<T>, DispatchError> {
		let claim = Claims::<T>::get(identity, topic).ok_or(Error::<T>::UnknownClaim)?;
		ensure!(&claim.issuer == issuer, Error::<T>::NotClaimIssuer);
		ensure!(claim.revoked_at.is_none(), Error::<T>::AlreadyRevoked);
		Ok(claim)
	}

	pub(crate) fn do_revoke_claim(
		issuer: T::AccountId,
		identity: IdentityId,
		topic: TopicId,
	) -> DispatchResult {
		let mut claim = Self::check_revoke(&issuer, identity, topic)?;
		let revoked_at = stablecoin_primitives::now::<T::Time>();
		claim.revoked_at = Some(revoked_at);
		Claims::<T>::insert(identity, topic, claim);
		Self::refresh_identity(identity);
		Self::deposit_event(Event::ClaimRevoked { identity, topic, issuer, revoked_at });
		Ok(())
	}

	pub(crate) fn do_clear_claim(
		identity: IdentityId,
		topic: TopicId,
		by: ActorOf<T>,
	) -> DispatchResult {
		let claim = Claims::<T>::take(identity, topic).ok_or(Error::<T>::UnknownClaim)?;
		Self::refresh_identity(identity);
		Self::deposit_event(Event::ClaimCleared { identity, topic, claim, by });
		Ok(())
	}

	/// The `feeless_if` condition of `issue_claim`: the signed call would succeed now
	/// ([`Self::check_issue`]). A failing call always pays.
	pub(crate) fn is_feeless_issue(
		origin: &OriginFor<T>,
		identity: IdentityId,
		topic: TopicId,
		expires_at: Moment,
	) -> bool {
		let Ok(who) = frame_system::ensure_signed(origin.clone()) else {
			return false;
		};
		Self::check_issue(
			&who,
			identity,
			topic,
			expires_at,
			stablecoin_primitives::now::<T::Time>(),
		)
		.is_ok()
	}

	/// The `feeless_if` condition of `revoke_claim`: the signed call would succeed now
	/// ([`Self::check_revoke`]) and the signer is still trusted for the topic. An issuer that
	/// governance removed may still revoke its claims, but pays for it, so that a removed
	/// (possibly stolen) key cannot fill blocks for free.
	pub(crate) fn is_feeless_revoke(
		origin: &OriginFor<T>,
		identity: IdentityId,
		topic: TopicId,
	) -> bool {
		let Ok(who) = frame_system::ensure_signed(origin.clone()) else {
			return false;
		};
		Self::check_revoke(&who, identity, topic).is_ok() && Self::is_trusted_for(&who, topic)
	}

	// ---- validity and compliance -----------------------------------------------------------

	/// The state of `claim` for `topic` at time `now`.
	///
	/// Checked in this order: topic retired, revoked, expired, issuer no longer trusted.
	pub fn claim_status(claim: &ClaimOf<T>, topic: TopicId, now: Moment) -> ClaimStatus {
		if !Self::is_topic_active(topic) {
			ClaimStatus::TopicRetired
		} else if claim.revoked_at.is_some() {
			ClaimStatus::Revoked
		} else if now >= claim.expires_at {
			ClaimStatus::Expired
		} else if !Self::is_trusted_for(&claim.issuer, topic) {
			ClaimStatus::IssuerNotTrusted
		} else {
			ClaimStatus::Valid
		}
	}

	/// Whether `identity` holds a valid claim for `topic` at time `now`, and if not why.
	pub fn check_claim(
		identity: IdentityId,
		topic: TopicId,
		now: Moment,
	) -> Result<(), ComplianceError> {
		Self::valid_claim_expiry(identity, topic, now).map(|_| ())
	}

	/// When the valid claim of `identity` for `topic` expires, or why it holds none at time
	/// `now` ([`Self::check_claim`]).
	fn valid_claim_expiry(
		identity: IdentityId,
		topic: TopicId,
		now: Moment,
	) -> Result<Moment, ComplianceError> {
		if !Self::is_topic_active(topic) {
			return Err(ComplianceError::TopicRetired { topic });
		}
		let claim =
			Claims::<T>::get(identity, topic).ok_or(ComplianceError::ClaimMissing { topic })?;
		Self::claim_status(&claim, topic, now).into_result(topic)?;
		Ok(claim.expires_at)
	}

	/// Whether `who` may perform `operation` now, and if not the first reason why: no
	/// identity, a blocked jurisdiction, no rule for the operation and the identity's kind
	/// (`ClaimMissing { topic: NO_RULE_TOPIC }`), each topic that rule requires in order, then
	/// each extra topic the identity's jurisdiction requires for the operation. Limits on the
	/// amount are judged by [`Self::check_operation_amount`].
	///
	/// Reads at most `5 + 3 * 2 * MaxRequiredTopics` storage items; no unbounded loop.
	pub fn check_operation(
		who: &T::AccountId,
		operation: Operation,
	) -> Result<(), ComplianceError> {
		Self::check_operation_amount(who, operation, None)
	}

	/// [`Self::check_operation`], and, when `amount` is given, whether it is within the
	/// `max_amount` of the jurisdiction's rule for the operation
	/// ([`ComplianceError::AboveJurisdictionLimit`]), judged last.
	pub fn check_operation_amount(
		who: &T::AccountId,
		operation: Operation,
		amount: Option<u128>,
	) -> Result<(), ComplianceError> {
		let identity = AccountIdentity::<T>::get(who).ok_or(ComplianceError::NoIdentity)?;
		let info = Identities::<T>::get(identity).ok_or(ComplianceError::NoIdentity)?;
		let now = stablecoin_primitives::now::<T::Time>();
		let blocked = BlockedJurisdictions::<T>::get().contains(&info.jurisdiction);
		Self::evaluate(identity, &info, blocked, operation, now).judge(now, amount)
	}

	/// The verdict for `operation` of `identity` (stored as `info`) computed at time `now`
	/// from the rules and claims as they stand, in the order [`Self::check_operation`]
	/// documents; `blocked` says whether its jurisdiction is blocked.
	fn evaluate(
		identity: IdentityId,
		info: &IdentityOf<T>,
		blocked: bool,
		operation: Operation,
		now: Moment,
	) -> CachedVerdict {
		if blocked {
			return CachedVerdict::refused(ComplianceError::JurisdictionBlocked);
		}
		// No rule configured: refused (compliance fails closed). An empty rule requires the
		// identity alone.
		let Some(required) = RequiredTopics::<T>::get(operation, info.kind) else {
			return CachedVerdict::refused(ComplianceError::ClaimMissing { topic: NO_RULE_TOPIC });
		};
		let local = JurisdictionRules::<T>::get(info.jurisdiction, operation);
		// Both lists are sorted: a topic the kind's rule requires is checked once, with it.
		let extra = local
			.iter()
			.flat_map(|rule| rule.extra_topics.iter())
			.filter(|topic| required.binary_search(topic).is_err());
		let mut expires: Option<(Moment, TopicId)> = None;
		for topic in required.iter().chain(extra) {
			match Self::valid_claim_expiry(identity, *topic, now) {
				Ok(expires_at) => {
					if expires.is_none_or(|(earliest, _)| expires_at < earliest) {
						expires = Some((expires_at, *topic));
					}
				}
				Err(reason) => return CachedVerdict { expires, outcome: Err(reason) },
			}
		}
		CachedVerdict { expires, outcome: Ok(local.and_then(|rule| rule.max_amount)) }
	}

	/// The compliance status of the accounts of `identity` (stored as `info`), computed now
	/// under the current rules.
	pub(crate) fn compute_status(identity: IdentityId, info: &IdentityOf<T>) -> ComplianceStatus {
		let now = stablecoin_primitives::now::<T::Time>();
		let blocked = BlockedJurisdictions::<T>::get().contains(&info.jurisdiction);
		ComplianceStatus {
			identity,
			epoch: RulesEpoch::<T>::get(),
			verdicts: Operation::ALL
				.map(|operation| Self::evaluate(identity, info, blocked, operation, now)),
		}
	}

	/// Recompute and store the compliance status of every account of `identity` (at most
	/// [`Config::MaxAccountsPerIdentity`] writes; one evaluation, since they share it).
	pub(crate) fn refresh_identity(identity: IdentityId) {
		let Some(info) = Identities::<T>::get(identity) else { return };
		let status = Self::compute_status(identity, &info);
		for account in info.accounts.iter() {
			ComplianceStatuses::<T>::insert(account, &status);
		}
	}

	/// Recompute and store the compliance status of `who`, and return it; or, if `who`
	/// belongs to no identity, remove any status it has and return `None`.
	pub(crate) fn refresh_account(who: &T::AccountId) -> Option<ComplianceStatus> {
		let status = AccountIdentity::<T>::get(who).and_then(|identity| {
			Identities::<T>::get(identity).map(|info| Self::compute_status(identity, &info))
		});
		match &status {
			Some(status) => ComplianceStatuses::<T>::insert(who, status),
			None => ComplianceStatuses::<T>::remove(who),
		}
		status
	}

	/// Make every kept compliance status stale, so that each is recomputed before its next
	/// use. A storage migration that rewrites identities, claims, issuers, topics or rules
	/// must call it (see [`ComplianceStatuses`]).
	pub fn invalidate_compliance_statuses() {
		Self::advance_rules_epoch();
	}

	/// Make every kept compliance status stale: the rules changed.
	fn advance_rules_epoch() {
		// Saturating: 2^64 rule changes cannot happen; no wrap could ever revive a stale entry.
		RulesEpoch::<T>::mutate(|epoch| *epoch = epoch.saturating_add(1));
	}

	/// The kept status of `who` if it was computed under the current rules.
	pub fn current_status(who: &T::AccountId) -> Option<ComplianceStatus> {
		ComplianceStatuses::<T>::get(who).filter(|status| status.epoch == RulesEpoch::<T>::get())
	}

	/// [`Self::check_operation_amount`] as payments ask it: from the kept status of `who` (one
	/// read), with the same answer. A status that is missing, stale, or whose verdict for
	/// `operation` relies on a claim that has expired since, is recomputed first and stored,
	/// and the weight of that ([`WeightInfo::refresh_compliance`] of one account) is added to
	/// the block, so the block's weight never understates its work.
	pub fn check_kept(
		who: &T::AccountId,
		operation: Operation,
		amount: Option<u128>,
	) -> Result<(), ComplianceError> {
		let now = stablecoin_primitives::now::<T::Time>();
		let status = match Self::current_status(who) {
			Some(status) if !status.verdict(operation).has_expired(now) => status,
			_ => {
				frame_system::Pallet::<T>::register_extra_weight_unchecked(
					T::WeightInfo::refresh_compliance(1),
					frame_support::dispatch::DispatchClass::Normal,
				);
				Self::refresh_account(who).ok_or(ComplianceError::NoIdentity)?
			}
		};
		status.verdict(operation).judge(now, amount)
	}

	/// The rules `jurisdiction` adds, by operation, in [`Operation::ALL`] order.
	pub fn jurisdiction_rules_of(jurisdiction: CountryCode) -> Vec<JurisdictionRuleView> {
		Operation::ALL
			.iter()
			.filter_map(|operation| {
				JurisdictionRules::<T>::get(jurisdiction, operation).map(|rule| {
					JurisdictionRuleView {
						operation: *operation,
						extra_topics: rule.extra_topics.into_inner(),
						max_amount: rule.max_amount,
					}
				})
			})
			.collect()
	}

	// ---- read helpers for the runtime API --------------------------------------------------

	/// The identity `who` belongs to.
	pub fn identity_of(who: &T::AccountId) -> Option<IdentityView<T::AccountId>> {
		let id = AccountIdentity::<T>::get(who)?;
		let info = Identities::<T>::get(id)?;
		Some(IdentityView {
			id,
			kind: info.kind,
			jurisdiction: info.jurisdiction,
			accounts: info.accounts.into_inner(),
			created_at: info.created_at,
		})
	}

	/// Every claim on the identity `who` belongs to, by topic, with its state now.
	pub fn claims_of(who: &T::AccountId) -> Vec<ClaimView<T::AccountId>> {
		let Some(identity) = AccountIdentity::<T>::get(who) else {
			return Vec::new();
		};
		let now = stablecoin_primitives::now::<T::Time>();
		// At most `MaxTopics` entries.
		let mut claims: Vec<_> = Claims::<T>::iter_prefix(identity)
			.map(|(topic, claim)| {
				let status = Self::claim_status(&claim, topic, now);
				ClaimView { topic, claim, status }
			})
			.collect();
		claims.sort_by_key(|view| view.topic);
		claims
	}

	/// The valid claims on the identity `who` belongs to, by topic.
	pub fn valid_claims_of(who: &T::AccountId) -> Vec<ClaimView<T::AccountId>> {
		let mut claims = Self::claims_of(who);
		claims.retain(|view| view.status == ClaimStatus::Valid);
		claims
	}

	/// For each operation, whether `who` may perform it now and if not why.
	pub fn operations_of(who: &T::AccountId) -> Vec<OperationStatus> {
		Operation::ALL
			.iter()
			.map(|operation| OperationStatus {
				operation: *operation,
				result: Self::check_operation(who, *operation),
			})
			.collect()
	}

	/// Everything about `who`: identity, claims with their state, and each operation.
	pub fn account_status(who: &T::AccountId) -> AccountStatus<T::AccountId> {
		AccountStatus {
			identity: Self::identity_of(who),
			claims: Self::claims_of(who),
			operations: Self::operations_of(who),
		}
	}

	// ---- genesis ---------------------------------------------------------------------------

	/// Build the genesis state. Panics on any invalid entry.
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) {
		let by = || Actor::Root;

		let max_topics = T::MaxTopics::get();
		assert!(config.topics.len() as u64 <= max_topics as u64, "genesis: too many topics");
		let mut next_topic = NextTopicId::<T>::get();
		for (topic, name) in &config.topics {
			assert!(*topic != NO_RULE_TOPIC, "genesis: topic id reserved");
			assert!(!Topics::<T>::contains_key(topic), "genesis: duplicate topic {topic}");
			let name: TopicNameOf<T> =
				name.clone().try_into().expect("genesis: topic name too long");
			assert!(!name.is_empty(), "genesis: empty topic name");
			Topics::<T>::insert(topic, TopicInfo { name, retired: false });
			next_topic = next_topic.max(topic.checked_add(1).expect("genesis: topic id overflow"));
		}
		TopicCount::<T>::put(config.topics.len() as u32);
		NextTopicId::<T>::put(next_topic);
		for topic in &config.retired_topics {
			Self::do_retire_topic(*topic, by()).expect("genesis: cannot retire topic");
		}

		for (issuer, topics) in &config.trusted_issuers {
			let topics: IssuerTopicsOf<T> =
				topics.clone().try_into().expect("genesis: issuer has too many topics");
			Self::do_add_trusted_issuer(issuer.clone(), topics, by())
				.expect("genesis: invalid trusted issuer");
		}

		let mut next_identity = NextIdentityId::<T>::get();
		for (identity, kind, jurisdiction, accounts) in &config.identities {
			assert!(
				!Identities::<T>::contains_key(identity),
				"genesis: duplicate identity {identity}"
			);
			assert!(is_valid_country_code(jurisdiction), "genesis: invalid jurisdiction");
			assert!(!accounts.is_empty(), "genesis: identity {identity} has no account");
			for account in accounts {
				assert!(
					!AccountIdentity::<T>::contains_key(account),
					"genesis: account linked twice"
				);
				AccountIdentity::<T>::insert(account, identity);
			}
			let accounts = accounts.clone().try_into().expect("genesis: too many accounts");
			Identities::<T>::insert(
				identity,
				IdentityInfo { kind: *kind, jurisdiction: *jurisdiction, accounts, created_at: 0 },
			);
			next_identity =
				next_identity.max(identity.checked_add(1).expect("genesis: identity id overflow"));
		}
		NextIdentityId::<T>::put(next_identity);
		IdentityCount::<T>::put(config.identities.len() as u64);

		for (identity, topic, issuer, expires_at, evidence) in &config.claims {
			assert!(Identities::<T>::contains_key(identity), "genesis: claim on unknown identity");
			assert!(Self::is_topic_active(*topic), "genesis: claim for unknown or retired topic");
			assert!(Self::is_trusted_for(issuer, *topic), "genesis: claim issuer not trusted");
			assert!(*expires_at > 0, "genesis: claim already expired");
			assert!(!Claims::<T>::contains_key(identity, topic), "genesis: duplicate claim");
			Claims::<T>::insert(
				identity,
				topic,
				Claim {
					issuer: issuer.clone(),
					issued_at: 0,
					expires_at: *expires_at,
					evidence: *evidence,
					revoked_at: None,
				},
			);
		}

		for (operation, kind, topics) in &config.required_topics {
			let topics: RequiredTopicsOf<T> =
				topics.clone().try_into().expect("genesis: rule requires too many topics");
			Self::do_set_required_topics(*operation, *kind, topics, by())
				.expect("genesis: invalid rule");
		}

		for jurisdiction in &config.blocked_jurisdictions {
			Self::do_block_jurisdiction(*jurisdiction, by())
				.expect("genesis: invalid blocked jurisdiction");
		}

		for (jurisdiction, operation, topics, max_amount) in &config.jurisdiction_rules {
			let extra_topics =
				topics.clone().try_into().expect("genesis: jurisdiction rule has too many topics");
			assert!(
				!JurisdictionRules::<T>::contains_key(jurisdiction, operation),
				"genesis: jurisdiction rule set twice"
			);
			Self::do_set_jurisdiction_rule(
				*jurisdiction,
				*operation,
				Some(JurisdictionRule { extra_topics, max_amount: *max_amount }),
				by(),
			)
			.expect("genesis: invalid jurisdiction rule");
		}

		// Every linked account starts with its compliance status kept, under the final rules.
		for (identity, ..) in &config.identities {
			Self::refresh_identity(*identity);
		}
	}
}
