//! Storage migrations of the pallet.
//!
//! # v1 to v2: two-byte topic identifiers
//!
//! [`TopicId`] went from `u32` to `u16`, so that a compliance refusal can name its topic
//! inside a pallet error (see [`stablecoin_primitives::ComplianceError`]). Every stored topic
//! identifier is rewritten: the [`NextTopicId`] counter, the keys of [`Topics`] and
//! [`Claims`], and the topic lists of [`TrustedIssuers`] and [`RequiredTopics`]. Nothing else
//! changes. Topics are numbered from 1 as governance adds them, so every identifier fits;
//! `pre_upgrade` refuses a state where one would not (try-runtime runs it against the live
//! state before an upgrade).
//!
//! It runs in one block. It reads and rewrites every claim, so it suits the networks that
//! exist today (their claims number in the tens); a network with many thousands of
//! identities would run it as a multi-block migration instead.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::*,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use sp_runtime::Saturating;
use stablecoin_primitives::{IdentityId, Operation};

/// The storage layout of version 1: topic identifiers were `u32`.
pub mod v1 {
	use super::*;

	/// A topic identifier as version 1 stored it.
	pub type OldTopicId = u32;

	/// [`crate::NextTopicId`] in version 1.
	#[frame_support::storage_alias]
	pub type NextTopicId<T: Config> = StorageValue<Pallet<T>, OldTopicId>;

	/// [`crate::Topics`] in version 1.
	#[frame_support::storage_alias]
	pub type Topics<T: Config> = StorageMap<Pallet<T>, Twox64Concat, OldTopicId, TopicOf<T>>;

	/// [`crate::TrustedIssuers`] in version 1.
	#[frame_support::storage_alias]
	pub type TrustedIssuers<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		BoundedVec<OldTopicId, <T as Config>::MaxTopicsPerIssuer>,
	>;

	/// [`crate::Claims`] in version 1.
	#[frame_support::storage_alias]
	pub type Claims<T: Config> =
		StorageDoubleMap<Pallet<T>, Twox64Concat, IdentityId, Twox64Concat, OldTopicId, ClaimOf<T>>;

	/// [`crate::RequiredTopics`] in version 1.
	#[frame_support::storage_alias]
	pub type RequiredTopics<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		Operation,
		Twox64Concat,
		IdentityKind,
		BoundedVec<OldTopicId, <T as Config>::MaxRequiredTopics>,
	>;
}

/// The entry counts a migration must keep, compared before and after it under try-runtime.
#[cfg(feature = "try-runtime")]
#[derive(Encode, Decode, PartialEq, Eq, Debug, Default)]
struct Counts {
	topics: u32,
	issuers: u32,
	claims: u32,
	rules: u32,
}

/// Rewrites every stored topic identifier from `u32` to `u16` (storage version 1 to 2). Use
/// [`MigrateV1ToV2`], which runs it once, at version 1 only.
pub struct TopicIdsToU16<T>(core::marker::PhantomData<T>);

impl<T: Config> TopicIdsToU16<T> {
	/// The new identifier of `old`, if it fits.
	fn narrow(old: v1::OldTopicId) -> Option<TopicId> {
		TopicId::try_from(old).ok()
	}

	/// A stored list of version-1 identifiers with each identifier narrowed, if all fit.
	fn narrow_list<S: Get<u32>>(
		old: BoundedVec<v1::OldTopicId, S>,
	) -> Option<BoundedVec<TopicId, S>> {
		let narrowed: Vec<TopicId> = old.into_iter().map(Self::narrow).collect::<Option<_>>()?;
		// Same length as `old`, which was within `S`.
		BoundedVec::try_from(narrowed).ok()
	}
}

impl<T: Config> UncheckedOnRuntimeUpgrade for TopicIdsToU16<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);

		if let Some(next) = v1::NextTopicId::<T>::take() {
			// `NextTopicId` is one past the largest identifier: it may be exactly 65,536.
			NextTopicId::<T>::put(Self::narrow(next).unwrap_or(TopicId::MAX));
			reads.saturating_inc();
			writes.saturating_inc();
		}

		// Each map is read out whole before the new entries are written under the same
		// prefix, so that no iteration meets a key of the new layout.
		let topics: Vec<_> = v1::Topics::<T>::drain().collect();
		for (old, info) in topics {
			reads.saturating_inc();
			writes.saturating_accrue(2);
			if let Some(id) = Self::narrow(old) {
				Topics::<T>::insert(id, info);
			}
		}

		let claims: Vec<_> = v1::Claims::<T>::drain().collect();
		for (identity, old, claim) in claims {
			reads.saturating_inc();
			writes.saturating_accrue(2);
			if let Some(topic) = Self::narrow(old) {
				Claims::<T>::insert(identity, topic, claim);
			}
		}

		// Values only: the keys keep their layout, so the entries are rewritten in place.
		let issuers: Vec<_> = v1::TrustedIssuers::<T>::iter().collect();
		for (issuer, old) in issuers {
			reads.saturating_inc();
			writes.saturating_inc();
			match Self::narrow_list(old) {
				Some(list) => TrustedIssuers::<T>::insert(issuer, list),
				None => TrustedIssuers::<T>::remove(issuer),
			}
		}
		let rules: Vec<_> = v1::RequiredTopics::<T>::iter().collect();
		for (operation, kind, old) in rules {
			reads.saturating_inc();
			writes.saturating_inc();
			match Self::narrow_list(old) {
				Some(list) => RequiredTopics::<T>::insert(operation, kind, list),
				None => RequiredTopics::<T>::remove(operation, kind),
			}
		}

		// The rewritten rules and claims are what kept compliance statuses restate.
		Pallet::<T>::invalidate_compliance_statuses();
		reads.saturating_inc();
		writes.saturating_inc();

		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		let fits = |id: &v1::OldTopicId| Self::narrow(*id).is_some();
		let mut counts = Counts::default();
		for (id, _) in v1::Topics::<T>::iter() {
			ensure!(fits(&id), "a topic identifier does not fit two bytes");
			counts.topics += 1;
		}
		for (_, list) in v1::TrustedIssuers::<T>::iter() {
			ensure!(list.iter().all(fits), "an issuer's topic does not fit two bytes");
			counts.issuers += 1;
		}
		for (_, topic, _) in v1::Claims::<T>::iter() {
			ensure!(fits(&topic), "a claim's topic does not fit two bytes");
			counts.claims += 1;
		}
		for (_, _, list) in v1::RequiredTopics::<T>::iter() {
			ensure!(list.iter().all(fits), "a rule's topic does not fit two bytes");
			counts.rules += 1;
		}
		Ok(counts.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before =
			Counts::decode(&mut &state[..]).map_err(|_| "the pre-upgrade counts do not decode")?;
		let after = Counts {
			topics: Topics::<T>::iter().count() as u32,
			issuers: TrustedIssuers::<T>::iter().count() as u32,
			claims: Claims::<T>::iter().count() as u32,
			rules: RequiredTopics::<T>::iter().count() as u32,
		};
		ensure!(before == after, "the migration lost entries");
		Ok(())
	}
}

/// [`TopicIdsToU16`], run once: at storage version 1, which it sets to 2.
pub type MigrateV1ToV2<T> =
	VersionedMigration<1, 2, TopicIdsToU16<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
