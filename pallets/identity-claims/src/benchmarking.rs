//! Benchmarks (FRAME v2), each for the worst case of its call.
//!
//! Run as unit tests with `cargo test -p pallet-identity-claims --features runtime-benchmarks`;
//! `scripts/bench-weights.sh` runs them through the node to regenerate `weights.rs`.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as IdentityClaims;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_core::H256;
use stablecoin_primitives::{Actor, CountryCode, Operation};

const SEED: u32 = 0;
/// Claims written straight to storage by the benchmarks never expire.
const FOREVER: Moment = Moment::MAX;

/// The latest expiry `issue_claim` accepts now.
fn longest_validity<T: Config>() -> Moment {
	stablecoin_primitives::now::<T::Time>().saturating_add(T::MaxClaimValidity::get())
}

fn registrar<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::RegistrarOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A topic name of the maximum length.
fn longest_name<T: Config>() -> TopicNameOf<T> {
	BoundedVec::truncate_from(vec![b'n'; T::MaxTopicNameLen::get() as usize])
}

/// The `n` lowest active topics, adding topics to the registry as needed.
fn active_topics<T: Config>(n: u32) -> Result<Vec<TopicId>, BenchmarkError> {
	let mut active: Vec<TopicId> =
		Topics::<T>::iter().filter(|(_, info)| !info.retired).map(|(id, _)| id).collect();
	while (active.len() as u32) < n {
		active.push(IdentityClaims::<T>::do_add_topic(longest_name::<T>(), Actor::Root)?);
	}
	active.sort_unstable();
	active.truncate(n as usize);
	Ok(active)
}

/// A new identity owning `a` accounts (at least one).
fn identity_with<T: Config>(a: u32) -> Result<(IdentityId, Vec<T::AccountId>), BenchmarkError> {
	let first: T::AccountId = account("holder", 0, SEED);
	let identity = IdentityClaims::<T>::do_register_identity(
		IdentityKind::Business,
		*b"CH",
		first.clone(),
		Actor::Root,
	)?;
	let mut accounts = vec![first];
	for i in 1..a.max(1) {
		let next: T::AccountId = account("holder", i, SEED);
		IdentityClaims::<T>::do_add_account(identity, next.clone(), Actor::Root)?;
		accounts.push(next);
	}
	Ok((identity, accounts))
}

/// Issuer number `n`, trusted for the maximum number of topics (the lowest active ones);
/// returns it and its topics.
fn busiest_issuer<T: Config>(n: u32) -> Result<(T::AccountId, Vec<TopicId>), BenchmarkError> {
	let issuer: T::AccountId = account("issuer", n, SEED);
	let topics = active_topics::<T>(T::MaxTopicsPerIssuer::get())?;
	IdentityClaims::<T>::do_add_trusted_issuer(
		issuer.clone(),
		BoundedVec::truncate_from(topics.clone()),
		Actor::Root,
	)?;
	Ok((issuer, topics))
}

/// Fill the blocked list with `n` two-letter codes other than `except`.
fn fill_blocked<T: Config>(n: u32, except: CountryCode) {
	let codes: Vec<CountryCode> = (0u32..26 * 26)
		.map(|i| [b'A' + (i / 26) as u8, b'A' + (i % 26) as u8])
		.filter(|code| code != &except)
		.take(n as usize)
		.collect();
	BlockedJurisdictions::<T>::put(BoundedVec::truncate_from(codes));
}

/// The worst case of the claim calls: the busiest issuer has already issued a claim for its
/// last topic on an identity with the maximum number of accounts.
fn claim_on_largest_identity<T: Config>(
) -> Result<(IdentityId, T::AccountId, TopicId), BenchmarkError> {
	let (identity, _) = identity_with::<T>(T::MaxAccountsPerIdentity::get())?;
	let (issuer, topics) = busiest_issuer::<T>(0)?;
	let topic = *topics.last().ok_or("at least one topic")?;
	IdentityClaims::<T>::do_issue_claim(
		issuer.clone(),
		identity,
		topic,
		longest_validity::<T>(),
		H256::repeat_byte(1),
	)?;
	strictest_rules::<T>(&[identity], *b"CH")?;
	Ok((identity, issuer, topic))
}

/// The costliest rules to evaluate, for the identities in `identities` (all in `jurisdiction`):
/// every operation requires, for both kinds, the maximum number of topics, and the
/// jurisdiction adds as many other topics and a limit; each identity holds a valid claim for
/// every one of those topics it lacks one for, so an evaluation reads them all. Advances the
/// rules epoch, so the identities' kept statuses are stale.
fn strictest_rules<T: Config>(
	identities: &[IdentityId],
	jurisdiction: CountryCode,
) -> Result<(), BenchmarkError> {
	let most = T::MaxRequiredTopics::get();
	let topics = active_topics::<T>(most.saturating_mul(2))?;
	let (required, extra) = topics.split_at(topics.len().min(most as usize));
	for operation in Operation::ALL {
		for kind in IdentityKind::ALL {
			IdentityClaims::<T>::do_set_required_topics(
				operation,
				kind,
				BoundedVec::truncate_from(required.to_vec()),
				Actor::Root,
			)?;
		}
		if !extra.is_empty() {
			IdentityClaims::<T>::do_set_jurisdiction_rule(
				jurisdiction,
				operation,
				Some(JurisdictionRule {
					extra_topics: BoundedVec::truncate_from(extra.to_vec()),
					max_amount: Some(u128::MAX),
				}),
				Actor::Root,
			)?;
		}
	}
	let per_issuer = T::MaxTopicsPerIssuer::get().max(1) as usize;
	for (n, chunk) in topics.chunks(per_issuer).enumerate() {
		let issuer: T::AccountId = account("rules-issuer", n as u32, SEED);
		if !TrustedIssuers::<T>::contains_key(&issuer) {
			IdentityClaims::<T>::do_add_trusted_issuer(
				issuer.clone(),
				BoundedVec::truncate_from(chunk.to_vec()),
				Actor::Root,
			)?;
		}
		for identity in identities {
			for topic in chunk {
				if !Claims::<T>::contains_key(identity, topic) {
					Claims::<T>::insert(
						identity,
						topic,
						Claim {
							issuer: issuer.clone(),
							issued_at: 0,
							expires_at: FOREVER,
							evidence: H256::repeat_byte(1),
							revoked_at: None,
						},
					);
				}
			}
		}
	}
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_identity() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let account: T::AccountId = account("new", 0, SEED);
		strictest_rules::<T>(&[], *b"CH")?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, IdentityKind::Person, *b"CH", account.clone());

		assert!(AccountIdentity::<T>::contains_key(&account));
		Ok(())
	}

	/// The identity already owns all but one of its accounts.
	#[benchmark]
	fn add_account() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (identity, _) = identity_with::<T>(T::MaxAccountsPerIdentity::get() - 1)?;
		strictest_rules::<T>(&[identity], *b"CH")?;
		let account: T::AccountId = account("new", 0, SEED);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, identity, account.clone());

		assert_eq!(AccountIdentity::<T>::get(&account), Some(identity));
		Ok(())
	}

	/// The identity owns the maximum number of accounts; the last one is removed.
	#[benchmark]
	fn remove_account() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (_, accounts) = identity_with::<T>(T::MaxAccountsPerIdentity::get())?;
		let account = accounts.last().cloned().ok_or("at least one account")?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, account.clone());

		assert!(!AccountIdentity::<T>::contains_key(&account));
		Ok(())
	}

	#[benchmark]
	fn update_identity() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (identity, _) = identity_with::<T>(T::MaxAccountsPerIdentity::get())?;
		strictest_rules::<T>(&[identity], *b"LI")?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, identity, IdentityKind::Person, *b"LI");

		assert_eq!(Identities::<T>::get(identity).map(|info| info.jurisdiction), Some(*b"LI"));
		Ok(())
	}

	/// `a` accounts to unlink, `c` claims to remove.
	#[benchmark]
	fn delete_identity(
		a: Linear<1, { T::MaxAccountsPerIdentity::get() }>,
		c: Linear<0, { T::MaxTopics::get() }>,
	) -> Result<(), BenchmarkError> {
		let origin = registrar::<T>()?;
		let (identity, _) = identity_with::<T>(a)?;
		let issuer: T::AccountId = account("issuer", 0, SEED);
		for topic in active_topics::<T>(c)? {
			Claims::<T>::insert(
				identity,
				topic,
				Claim {
					issuer: issuer.clone(),
					issued_at: 0,
					expires_at: FOREVER,
					evidence: H256::repeat_byte(1),
					revoked_at: None,
				},
			);
		}

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, identity);

		assert!(!Identities::<T>::contains_key(identity));
		assert_eq!(Claims::<T>::iter_prefix(identity).count(), 0);
		Ok(())
	}

	#[benchmark]
	fn add_topic() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let before = TopicCount::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, longest_name::<T>());

		assert_eq!(TopicCount::<T>::get(), before + 1);
		Ok(())
	}

	#[benchmark]
	fn retire_topic() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let topic = active_topics::<T>(1)?[0];

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, topic);

		assert!(!IdentityClaims::<T>::is_topic_active(topic));
		Ok(())
	}

	/// `t` topics, given in reverse order so that they must be sorted.
	#[benchmark]
	fn add_trusted_issuer(
		t: Linear<1, { T::MaxTopicsPerIssuer::get() }>,
	) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let issuer: T::AccountId = account("issuer", 1, SEED);
		let mut topics = active_topics::<T>(t)?;
		topics.reverse();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone(), BoundedVec::truncate_from(topics));

		assert_eq!(TrustedIssuers::<T>::get(&issuer).map(|topics| topics.len() as u32), Some(t));
		Ok(())
	}

	/// An issuer trusted for the maximum number of topics gets `t` topics, in reverse order.
	#[benchmark]
	fn update_issuer_topics(
		t: Linear<1, { T::MaxTopicsPerIssuer::get() }>,
	) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let (issuer, mut topics) = busiest_issuer::<T>(0)?;
		topics.truncate(t as usize);
		topics.reverse();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone(), BoundedVec::truncate_from(topics));

		assert_eq!(TrustedIssuers::<T>::get(&issuer).map(|topics| topics.len() as u32), Some(t));
		Ok(())
	}

	#[benchmark]
	fn remove_trusted_issuer() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let (issuer, _) = busiest_issuer::<T>(0)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone());

		assert!(!TrustedIssuers::<T>::contains_key(&issuer));
		Ok(())
	}

	/// A rule with the maximum number of topics is replaced by one with `t` topics, in
	/// reverse order.
	#[benchmark]
	fn set_required_topics(
		t: Linear<0, { T::MaxRequiredTopics::get() }>,
	) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let mut topics = active_topics::<T>(T::MaxRequiredTopics::get())?;
		IdentityClaims::<T>::do_set_required_topics(
			Operation::BulkMint,
			IdentityKind::Business,
			BoundedVec::truncate_from(topics.clone()),
			Actor::Root,
		)?;
		topics.truncate(t as usize);
		topics.reverse();

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			Operation::BulkMint,
			IdentityKind::Business,
			BoundedVec::truncate_from(topics),
		);

		assert_eq!(
			RequiredTopics::<T>::get(Operation::BulkMint, IdentityKind::Business)
				.map(|topics| topics.len() as u32),
			Some(t)
		);
		Ok(())
	}

	/// The blocked list holds all but one of its entries.
	#[benchmark]
	fn block_jurisdiction() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let code = *b"ZZ";
		fill_blocked::<T>(T::MaxBlockedJurisdictions::get().saturating_sub(1), code);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code);

		assert!(BlockedJurisdictions::<T>::get().contains(&code));
		Ok(())
	}

	/// A rule with the maximum number of extra topics is replaced by one with `t` topics, in
	/// reverse order, and a limit.
	#[benchmark]
	fn set_jurisdiction_rule(
		t: Linear<0, { T::MaxRequiredTopics::get() }>,
	) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let code = *b"ZZ";
		let mut topics = active_topics::<T>(T::MaxRequiredTopics::get())?;
		IdentityClaims::<T>::do_set_jurisdiction_rule(
			code,
			Operation::Send,
			Some(JurisdictionRule {
				extra_topics: BoundedVec::truncate_from(topics.clone()),
				max_amount: None,
			}),
			Actor::Root,
		)?;
		topics.truncate(t as usize);
		topics.reverse();
		let rule = JurisdictionRule {
			extra_topics: BoundedVec::truncate_from(topics),
			max_amount: Some(1),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code, Operation::Send, Some(rule));

		let stored = JurisdictionRules::<T>::get(code, Operation::Send).ok_or("rule stored")?;
		assert_eq!(stored.extra_topics.len() as u32, t);
		assert_eq!(stored.max_amount, Some(1));
		Ok(())
	}

	/// The blocked list is full and the code to unblock is its last entry.
	#[benchmark]
	fn unblock_jurisdiction() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let code = *b"ZZ";
		fill_blocked::<T>(T::MaxBlockedJurisdictions::get().saturating_sub(1), code);
		BlockedJurisdictions::<T>::try_append(code).map_err(|_| "blocked list has room")?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code);

		assert!(!BlockedJurisdictions::<T>::get().contains(&code));
		Ok(())
	}

	/// Every check runs and reads the most: the issuer is trusted for the maximum number of
	/// topics and issues for the last one, for the longest validity, on an identity with the
	/// maximum number of accounts that holds an unexpired claim for the topic from another
	/// issuer. That issuer is still trusted for the maximum number of topics, but no longer
	/// for this one, so its claim no longer counts and is replaced.
	#[benchmark]
	fn issue_claim() -> Result<(), BenchmarkError> {
		let (identity, previous, topic) = claim_on_largest_identity::<T>()?;
		let (issuer, _) = busiest_issuer::<T>(1)?;
		let max = T::MaxTopicsPerIssuer::get();
		let others: Vec<TopicId> =
			active_topics::<T>(max.saturating_add(1).min(T::MaxTopics::get()))?
				.into_iter()
				.filter(|other| *other != topic)
				.take(max as usize)
				.collect();
		IdentityClaims::<T>::do_update_issuer_topics(
			previous,
			BoundedVec::truncate_from(others),
			Actor::Root,
		)?;
		let expires_at = longest_validity::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), identity, topic, expires_at, H256::repeat_byte(2));

		assert_eq!(
			Claims::<T>::get(identity, topic).map(|claim| (claim.issuer, claim.evidence)),
			Some((issuer, H256::repeat_byte(2)))
		);
		Ok(())
	}

	#[benchmark]
	fn revoke_claim() -> Result<(), BenchmarkError> {
		let (identity, issuer, topic) = claim_on_largest_identity::<T>()?;

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), identity, topic);

		assert!(Claims::<T>::get(identity, topic).is_some_and(|claim| claim.revoked_at.is_some()));
		Ok(())
	}

	/// A revoked claim, the case that needs governance, on an identity with the maximum
	/// number of accounts.
	#[benchmark]
	fn clear_claim() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let (identity, issuer, topic) = claim_on_largest_identity::<T>()?;
		IdentityClaims::<T>::do_revoke_claim(issuer, identity, topic)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, identity, topic);

		assert!(!Claims::<T>::contains_key(identity, topic));
		Ok(())
	}

	/// `n` accounts of `n` identities, each with a valid claim for every topic of the
	/// strictest rules, whose kept statuses are stale: each is evaluated in full and stored.
	#[benchmark]
	fn refresh_compliance(n: Linear<1, MAX_REFRESH_ACCOUNTS>) -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let mut accounts = Vec::new();
		let mut identities = Vec::new();
		for i in 0..n {
			let holder: T::AccountId = account("refreshed", i, SEED);
			identities.push(IdentityClaims::<T>::do_register_identity(
				IdentityKind::Business,
				*b"CH",
				holder.clone(),
				Actor::Root,
			)?);
			accounts.push(holder);
		}
		strictest_rules::<T>(&identities, *b"CH")?;
		let epoch = RulesEpoch::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), BoundedVec::truncate_from(accounts.clone()));

		for holder in &accounts {
			let status = ComplianceStatuses::<T>::get(holder).ok_or("status kept")?;
			assert_eq!(status.epoch, epoch);
			assert_eq!(status.verdict(Operation::Send).judge(0, None), Ok(()));
		}
		Ok(())
	}

	impl_benchmark_test_suite!(
		IdentityClaims,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
