//! The pallet's invariants, checked by the `try_state` hook and after every unit test.

use crate::*;
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;
use stablecoin_primitives::{is_valid_country_code, Operation};

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage. Iterates all of it: for tests and
	/// `try-runtime` only.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::try_state_identities()?;
		Self::try_state_topics()?;
		Self::try_state_issuers_and_rules()?;
		Self::try_state_claims()?;
		Self::try_state_compliance_statuses()?;
		Ok(())
	}

	/// Every linked account points to an existing identity that lists it; every identity
	/// lists at least one account, each once and each linked back to it; the counters match.
	fn try_state_identities() -> Result<(), TryRuntimeError> {
		let next = NextIdentityId::<T>::get();
		let mut identities: u64 = 0;
		let mut listed_accounts: u64 = 0;
		for (id, info) in Identities::<T>::iter() {
			identities += 1;
			ensure!(id < next, "identity id not below NextIdentityId");
			ensure!(!info.accounts.is_empty(), "identity without accounts");
			ensure!(
				info.accounts.len() as u32 <= T::MaxAccountsPerIdentity::get(),
				"identity owns too many accounts"
			);
			ensure!(
				is_valid_country_code(&info.jurisdiction),
				"identity with invalid jurisdiction"
			);
			for (i, account) in info.accounts.iter().enumerate() {
				ensure!(
					!info.accounts[..i].contains(account),
					"account listed twice by an identity"
				);
				ensure!(
					AccountIdentity::<T>::get(account) == Some(id),
					"identity lists an account that does not point back to it"
				);
				listed_accounts += 1;
			}
		}
		ensure!(IdentityCount::<T>::get() == identities, "IdentityCount does not match");

		let mut linked_accounts: u64 = 0;
		for (account, id) in AccountIdentity::<T>::iter() {
			linked_accounts += 1;
			let info = Identities::<T>::get(id).ok_or("account points to a missing identity")?;
			ensure!(
				info.accounts.contains(&account),
				"account points to an identity that does not list it"
			);
		}
		ensure!(linked_accounts == listed_accounts, "reverse index size does not match");
		Ok(())
	}

	/// The topic counter matches the registry, which stays within `MaxTopics`.
	fn try_state_topics() -> Result<(), TryRuntimeError> {
		let next = NextTopicId::<T>::get();
		let mut topics: u32 = 0;
		for (id, info) in Topics::<T>::iter() {
			topics += 1;
			ensure!(id < next, "topic id not below NextTopicId");
			ensure!(!info.name.is_empty(), "topic without a name");
		}
		ensure!(TopicCount::<T>::get() == topics, "TopicCount does not match");
		ensure!(topics <= T::MaxTopics::get(), "more topics than MaxTopics");
		Ok(())
	}

	/// Issuer topic sets and rules are sorted, free of duplicates and name existing topics (a
	/// rule may be empty: identity only); each jurisdiction rule has a valid code and adds a
	/// topic or a limit; blocked jurisdictions are valid and listed once.
	fn try_state_issuers_and_rules() -> Result<(), TryRuntimeError> {
		for (_, topics) in TrustedIssuers::<T>::iter() {
			ensure!(!topics.is_empty(), "trusted issuer without topics");
			ensure!(topics.windows(2).all(|w| w[0] < w[1]), "issuer topics not sorted/unique");
			for topic in topics.iter() {
				ensure!(Topics::<T>::contains_key(topic), "issuer trusted for a missing topic");
			}
		}
		for (_, _, topics) in RequiredTopics::<T>::iter() {
			ensure!(topics.windows(2).all(|w| w[0] < w[1]), "rule topics not sorted/unique");
			for topic in topics.iter() {
				ensure!(Topics::<T>::contains_key(topic), "rule requires a missing topic");
			}
		}
		for (code, _, rule) in JurisdictionRules::<T>::iter() {
			ensure!(is_valid_country_code(&code), "jurisdiction rule for an invalid code");
			ensure!(
				!rule.extra_topics.is_empty() || rule.max_amount.is_some(),
				"jurisdiction rule that adds nothing"
			);
			ensure!(
				rule.extra_topics.windows(2).all(|w| w[0] < w[1]),
				"jurisdiction rule topics not sorted/unique"
			);
			for topic in rule.extra_topics.iter() {
				ensure!(
					Topics::<T>::contains_key(topic),
					"jurisdiction rule requires a missing topic"
				);
			}
		}
		let blocked = BlockedJurisdictions::<T>::get();
		for (i, code) in blocked.iter().enumerate() {
			ensure!(is_valid_country_code(code), "invalid blocked jurisdiction");
			ensure!(!blocked[..i].contains(code), "jurisdiction blocked twice");
		}
		Ok(())
	}

	/// Every claim is on an existing identity, for an existing topic, and not issued after it
	/// expires or was revoked.
	fn try_state_claims() -> Result<(), TryRuntimeError> {
		for (identity, topic, claim) in Claims::<T>::iter() {
			ensure!(Identities::<T>::contains_key(identity), "claim on a missing identity");
			ensure!(Topics::<T>::contains_key(topic), "claim for a missing topic");
			ensure!(claim.issued_at < claim.expires_at, "claim expires before it is issued");
			if let Some(revoked_at) = claim.revoked_at {
				ensure!(revoked_at >= claim.issued_at, "claim revoked before it was issued");
			}
		}
		Ok(())
	}

	/// The invariant of [`ComplianceStatuses`]: every kept status belongs to an account linked
	/// to the identity it names, was computed under the current or an earlier rules epoch,
	/// and, if under the current one, holds for every operation whose claims have not expired
	/// since exactly the verdict computed from the rules and claims now. (A verdict whose
	/// claim has expired is recomputed before it is used.)
	fn try_state_compliance_statuses() -> Result<(), TryRuntimeError> {
		let epoch = RulesEpoch::<T>::get();
		let now = stablecoin_primitives::now::<T::Time>();
		for (account, status) in ComplianceStatuses::<T>::iter() {
			ensure!(
				AccountIdentity::<T>::get(&account) == Some(status.identity),
				"compliance status kept for an account not linked to its identity"
			);
			ensure!(status.epoch <= epoch, "compliance status from a future rules epoch");
			if status.epoch != epoch {
				continue;
			}
			let info = Identities::<T>::get(status.identity)
				.ok_or("compliance status of a missing identity")?;
			let fresh = Self::compute_status(status.identity, &info);
			for operation in Operation::ALL {
				let kept = status.verdict(operation);
				ensure!(
					kept.has_expired(now) || kept == fresh.verdict(operation),
					"kept compliance status disagrees with the rules and claims"
				);
			}
		}
		Ok(())
	}
}
