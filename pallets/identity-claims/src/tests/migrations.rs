//! The storage migrations: the state of version 1, rewritten, answers as before.

use crate::{
	migrations::{v1, MigrateV1ToV2},
	mock::*,
	*,
};
use frame_support::{
	assert_noop,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use stablecoin_primitives::{topics, Compliance, Operation};

/// Every stored entry that holds a topic identifier, in the current layout.
type Snapshot = (
	TopicId,
	Vec<(TopicId, TopicOf<Test>)>,
	Vec<(u64, IssuerTopicsOf<Test>)>,
	Vec<(IdentityId, TopicId, ClaimOf<Test>)>,
	Vec<(Operation, IdentityKind, RequiredTopicsOf<Test>)>,
);

fn snapshot() -> Snapshot {
	let mut topics: Vec<_> = Topics::<Test>::iter().collect();
	topics.sort_by_key(|(id, _)| *id);
	let mut issuers: Vec<_> = TrustedIssuers::<Test>::iter().collect();
	issuers.sort_by_key(|(who, _)| *who);
	let mut claims: Vec<_> = Claims::<Test>::iter().collect();
	claims.sort_by_key(|(identity, topic, _)| (*identity, *topic));
	let mut rules: Vec<_> = RequiredTopics::<Test>::iter().collect();
	rules.sort_by_key(|(operation, kind, _)| (*operation as u8, *kind as u8));
	(NextTopicId::<Test>::get(), topics, issuers, claims, rules)
}

fn widen<S: frame_support::traits::Get<u32>>(
	list: BoundedVec<TopicId, S>,
) -> BoundedVec<v1::OldTopicId, S> {
	BoundedVec::truncate_from(list.into_iter().map(v1::OldTopicId::from).collect())
}

/// Rewrite the current state in the layout of version 1, as a chain at version 1 holds it.
fn back_to_v1() {
	let next = NextTopicId::<Test>::take();
	v1::NextTopicId::<Test>::put(v1::OldTopicId::from(next));
	for (id, info) in Topics::<Test>::drain().collect::<Vec<_>>() {
		v1::Topics::<Test>::insert(v1::OldTopicId::from(id), info);
	}
	for (identity, topic, claim) in Claims::<Test>::drain().collect::<Vec<_>>() {
		v1::Claims::<Test>::insert(identity, v1::OldTopicId::from(topic), claim);
	}
	for (issuer, list) in TrustedIssuers::<Test>::drain().collect::<Vec<_>>() {
		v1::TrustedIssuers::<Test>::insert(issuer, widen(list));
	}
	for (operation, kind, list) in RequiredTopics::<Test>::drain().collect::<Vec<_>>() {
		v1::RequiredTopics::<Test>::insert(operation, kind, widen(list));
	}
	// Version 1 kept no compliance statuses.
	let _ = ComplianceStatuses::<Test>::clear(u32::MAX, None);
	RulesEpoch::<Test>::kill();
	StorageVersion::new(1).put::<IdentityClaims>();
}

#[test]
fn version_1_topic_identifiers_are_rewritten_as_two_bytes() {
	ExtBuilder::verified().build_and_execute(|| {
		let before = snapshot();
		assert!(!before.3.is_empty(), "the scenario has claims to migrate");
		back_to_v1();
		// In the old layout, the new storage finds nothing under its keys: a runtime without
		// the migration would see no claims at all.
		assert!(Claims::<Test>::get(ALICE_ID, topics::KYC).is_none());
		assert!(IdentityClaims::can_hold(&ALICE).is_err());

		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(IdentityClaims::on_chain_storage_version(), 2);
		assert_eq!(snapshot(), before);
		assert_eq!(IdentityClaims::can_hold(&ALICE), Ok(()));
		assert_eq!(IdentityClaims::can_mint(&BOB), Ok(()));
	});
}

#[test]
fn the_migration_runs_once() {
	ExtBuilder::verified().build_and_execute(|| {
		// A chain built at version 2 (a runtime's genesis writes the version; this mock
		// builds the pallet's storage alone): the migration does nothing.
		StorageVersion::new(2).put::<IdentityClaims>();
		let before = snapshot();
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(snapshot(), before);
		assert_eq!(IdentityClaims::on_chain_storage_version(), 2);
	});
}

#[test]
fn a_counter_past_the_last_two_byte_identifier_becomes_the_exhausted_counter() {
	ExtBuilder::verified().build_and_execute(|| {
		back_to_v1();
		v1::NextTopicId::<Test>::put(v1::OldTopicId::from(TopicId::MAX) + 1);
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(NextTopicId::<Test>::get(), TopicId::MAX);
		// No topic can be added any more: the last identifier is the "no rule" marker.
		assert_noop!(
			IdentityClaims::add_topic(governance(), b"One more".to_vec().try_into().unwrap()),
			Error::<Test>::Overflow
		);
	});
}
