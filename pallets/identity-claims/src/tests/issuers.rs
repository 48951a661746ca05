//! Trusted claim issuers.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{topics, Actor};

#[test]
fn add_trusted_issuer_works_and_sorts_topics() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(IdentityClaims::add_trusted_issuer(
			governance(),
			PROVIDER,
			bounded(&[topics::AML, topics::KYC])
		));
		System::assert_last_event(
			Event::TrustedIssuerAdded {
				issuer: PROVIDER,
				topics: bounded(&[topics::KYC, topics::AML]),
				by: Actor::Root,
			}
			.into(),
		);
		assert_eq!(
			TrustedIssuers::<Test>::get(PROVIDER).expect("trusted").to_vec(),
			vec![topics::KYC, topics::AML]
		);
		assert!(IdentityClaims::is_trusted_for(&PROVIDER, topics::KYC));
		assert!(IdentityClaims::is_trusted_for(&PROVIDER, topics::AML));
		assert!(!IdentityClaims::is_trusted_for(&PROVIDER, topics::KYB));
	});
}

#[test]
fn add_trusted_issuer_errors() {
	ExtBuilder::verified().build_and_execute(|| {
		for origin in [registrar(), RuntimeOrigin::signed(PROVIDER)] {
			assert_noop!(
				IdentityClaims::add_trusted_issuer(origin, MALLORY, bounded(&[topics::KYC])),
				Error::<Test>::NotGovernance
			);
		}
		assert_noop!(
			IdentityClaims::add_trusted_issuer(governance(), PROVIDER, bounded(&[topics::KYC])),
			Error::<Test>::AlreadyTrusted
		);
		assert_noop!(
			IdentityClaims::add_trusted_issuer(governance(), MALLORY, bounded(&[])),
			Error::<Test>::NoTopics
		);
		assert_noop!(
			IdentityClaims::add_trusted_issuer(
				governance(),
				MALLORY,
				bounded(&[topics::KYC, topics::AML, topics::KYC])
			),
			Error::<Test>::DuplicateTopic
		);
		assert_noop!(
			IdentityClaims::add_trusted_issuer(governance(), MALLORY, bounded(&[topics::KYC, 99])),
			Error::<Test>::UnknownTopic
		);
		assert_ok!(IdentityClaims::retire_topic(governance(), topics::KYB));
		assert_noop!(
			IdentityClaims::add_trusted_issuer(governance(), MALLORY, bounded(&[topics::KYB])),
			Error::<Test>::RetiredTopic
		);
	});
}

#[test]
fn update_issuer_topics_works() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::update_issuer_topics(
			governance(),
			SCREENER,
			bounded(&[topics::SANCTIONS, topics::AML])
		));
		System::assert_last_event(
			Event::TrustedIssuerUpdated {
				issuer: SCREENER,
				old_topics: bounded(&[topics::SANCTIONS]),
				topics: bounded(&[topics::AML, topics::SANCTIONS]),
				by: Actor::Root,
			}
			.into(),
		);
		assert!(IdentityClaims::is_trusted_for(&SCREENER, topics::AML));
	});
}

#[test]
fn update_issuer_topics_errors() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_noop!(
			IdentityClaims::update_issuer_topics(
				RuntimeOrigin::signed(SCREENER),
				SCREENER,
				bounded(&[topics::KYC])
			),
			Error::<Test>::NotGovernance
		);
		assert_noop!(
			IdentityClaims::update_issuer_topics(governance(), MALLORY, bounded(&[topics::KYC])),
			Error::<Test>::UnknownIssuer
		);
		assert_noop!(
			IdentityClaims::update_issuer_topics(governance(), SCREENER, bounded(&[])),
			Error::<Test>::NoTopics
		);
		assert_noop!(
			IdentityClaims::update_issuer_topics(
				governance(),
				SCREENER,
				bounded(&[topics::AML, topics::AML])
			),
			Error::<Test>::DuplicateTopic
		);
		assert_noop!(
			IdentityClaims::update_issuer_topics(governance(), SCREENER, bounded(&[42])),
			Error::<Test>::UnknownTopic
		);
	});
}

#[test]
fn remove_trusted_issuer_works() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::remove_trusted_issuer(governance(), PROVIDER));
		System::assert_last_event(
			Event::TrustedIssuerRemoved { issuer: PROVIDER, by: Actor::Root }.into(),
		);
		assert!(!TrustedIssuers::<Test>::contains_key(PROVIDER));
		// Its claims are kept, for the record, but no longer count.
		let claim = Claims::<Test>::get(ALICE_ID, topics::KYC).expect("kept");
		assert_eq!(
			IdentityClaims::claim_status(&claim, topics::KYC, START),
			ClaimStatus::IssuerNotTrusted
		);
	});
}

#[test]
fn remove_trusted_issuer_errors() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_noop!(
			IdentityClaims::remove_trusted_issuer(registrar(), PROVIDER),
			Error::<Test>::NotGovernance
		);
		assert_noop!(
			IdentityClaims::remove_trusted_issuer(governance(), MALLORY),
			Error::<Test>::UnknownIssuer
		);
	});
}
