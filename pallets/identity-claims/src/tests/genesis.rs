//! The genesis configuration.

use crate::{mock::*, *};
use stablecoin_primitives::{topics, Compliance, Operation};

#[test]
fn the_default_genesis_registers_the_standard_topics() {
	ExtBuilder::default().build_and_execute(|| {
		let expected: Vec<(TopicId, Vec<u8>)> = vec![
			(topics::KYC, b"KYC".to_vec()),
			(topics::KYB, b"KYB".to_vec()),
			(topics::AML, b"AML screening".to_vec()),
			(topics::SANCTIONS, b"Sanctions screening".to_vec()),
			(topics::ACCREDITED, b"Accredited / institutional".to_vec()),
		];
		for (id, name) in expected {
			let info = Topics::<Test>::get(id).expect("standard topic");
			assert_eq!(info.name.to_vec(), name);
			assert!(!info.retired);
		}
		assert_eq!(TopicCount::<Test>::get(), 5);
		assert_eq!(NextTopicId::<Test>::get(), 6);
		assert_eq!(NextIdentityId::<Test>::get(), 1);
		assert_eq!(IdentityCount::<Test>::get(), 0);
		assert_eq!(TrustedIssuers::<Test>::iter().count(), 0);
	});
}

#[test]
fn the_genesis_builds_issuers_identities_claims_and_rules() {
	ExtBuilder::verified().blocked(*b"KP").build_and_execute(|| {
		assert_eq!(
			TrustedIssuers::<Test>::get(PROVIDER).expect("trusted").to_vec(),
			vec![topics::KYC, topics::KYB, topics::AML, topics::ACCREDITED]
		);
		assert_eq!(AccountIdentity::<Test>::get(ALICE), Some(ALICE_ID));
		assert_eq!(AccountIdentity::<Test>::get(BOB), Some(BOB_ID));
		assert_eq!(AccountIdentity::<Test>::get(CHARLIE), Some(BOB_ID));
		let bob = Identities::<Test>::get(BOB_ID).expect("exists");
		assert_eq!(bob.kind, IdentityKind::Business);
		assert_eq!(bob.jurisdiction, *b"DE");
		assert_eq!(bob.accounts.to_vec(), vec![BOB, CHARLIE]);
		assert_eq!(NextIdentityId::<Test>::get(), 3);
		assert_eq!(IdentityCount::<Test>::get(), 2);
		let claim = Claims::<Test>::get(ALICE_ID, topics::KYC).expect("issued at genesis");
		assert_eq!(claim.issuer, PROVIDER);
		assert_eq!((claim.issued_at, claim.expires_at), (0, EXPIRY));
		assert_eq!(
			RequiredTopics::<Test>::get(Operation::BulkMint, IdentityKind::Business)
				.map(|topics| topics.to_vec()),
			Some(vec![topics::KYB, topics::AML, topics::ACCREDITED])
		);
		assert_eq!(BlockedJurisdictions::<Test>::get().to_vec(), vec![*b"KP"]);
		// Usable at once.
		assert_eq!(IdentityClaims::can_mint(&ALICE), Ok(()));
		assert_eq!(IdentityClaims::can_bulk_mint(&CHARLIE), Ok(()));
	});
}

#[test]
fn the_genesis_may_use_its_own_topics_and_retire_some() {
	let genesis = GenesisConfig::<Test> {
		topics: vec![(10, b"KYC".to_vec()), (20, b"Legacy".to_vec())],
		retired_topics: vec![20],
		..Default::default()
	};
	ExtBuilder::default().genesis(genesis).build_and_execute(|| {
		assert_eq!(TopicCount::<Test>::get(), 2);
		assert_eq!(NextTopicId::<Test>::get(), 21);
		assert!(IdentityClaims::is_topic_active(10));
		assert!(!IdentityClaims::is_topic_active(20));
		assert!(!Topics::<Test>::contains_key(topics::KYC));
	});
}

#[test]
#[should_panic(expected = "genesis: claim issuer not trusted")]
fn a_genesis_claim_from_an_untrusted_issuer_panics() {
	ExtBuilder::default()
		.identity(1, IdentityKind::Person, *b"FR", &[ALICE])
		.claim(1, topics::KYC, MALLORY, EXPIRY)
		.build();
}

#[test]
#[should_panic(expected = "genesis: account linked twice")]
fn a_genesis_account_in_two_identities_panics() {
	ExtBuilder::default()
		.identity(1, IdentityKind::Person, *b"FR", &[ALICE])
		.identity(2, IdentityKind::Person, *b"FR", &[ALICE])
		.build();
}

#[test]
#[should_panic(expected = "genesis: invalid jurisdiction")]
fn a_genesis_identity_with_an_invalid_jurisdiction_panics() {
	ExtBuilder::default().identity(1, IdentityKind::Person, *b"fr", &[ALICE]).build();
}

#[test]
#[should_panic(expected = "genesis: identity 1 has no account")]
fn a_genesis_identity_without_accounts_panics() {
	ExtBuilder::default().identity(1, IdentityKind::Person, *b"FR", &[]).build();
}

#[test]
#[should_panic(expected = "genesis: invalid rule")]
fn a_genesis_rule_on_an_unknown_topic_panics() {
	ExtBuilder::default().rules(vec![(Operation::Mint, IdentityKind::Person, vec![99])]).build();
}

#[test]
#[should_panic(expected = "genesis: topic id reserved")]
fn a_genesis_topic_with_the_reserved_id_panics() {
	let genesis = GenesisConfig::<Test> {
		topics: vec![(NO_RULE_TOPIC, b"No rule".to_vec())],
		..Default::default()
	};
	ExtBuilder::default().genesis(genesis).build();
}

#[test]
#[should_panic(expected = "genesis: duplicate claim")]
fn a_genesis_claim_given_twice_panics() {
	ExtBuilder::default()
		.issuer(PROVIDER, &[topics::KYC])
		.identity(1, IdentityKind::Person, *b"FR", &[ALICE])
		.claim(1, topics::KYC, PROVIDER, EXPIRY)
		.claim(1, topics::KYC, PROVIDER, EXPIRY + 1)
		.build();
}

#[test]
fn the_default_genesis_configures_no_rule_so_everything_is_refused() {
	ExtBuilder::default().identity(1, IdentityKind::Person, *b"FR", &[ALICE]).build_and_execute(
		|| {
			assert_eq!(RequiredTopics::<Test>::iter().count(), 0);
			for operation in Operation::ALL {
				assert_eq!(
					IdentityClaims::check(&ALICE, operation),
					Err(stablecoin_primitives::ComplianceError::ClaimMissing {
						topic: NO_RULE_TOPIC
					})
				);
			}
		},
	);
}

#[test]
fn the_verified_genesis_configures_a_rule_for_every_operation_and_kind() {
	ExtBuilder::verified().build_and_execute(|| {
		for operation in Operation::ALL {
			for kind in IdentityKind::ALL {
				assert!(RequiredTopics::<Test>::contains_key(operation, kind), "{operation:?}");
			}
		}
	});
}
