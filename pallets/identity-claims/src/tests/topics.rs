//! The claim topic registry.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{topics, Actor, Compliance, ComplianceError, Operation};

fn name(s: &[u8]) -> TopicNameOf<Test> {
	s.to_vec().try_into().expect("short name")
}

#[test]
fn add_topic_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(NextTopicId::<Test>::get(), 6);
		assert_ok!(IdentityClaims::add_topic(governance(), name(b"Travel rule")));
		System::assert_last_event(
			Event::TopicAdded { topic: 6, name: name(b"Travel rule"), by: Actor::Root }.into(),
		);
		let info = Topics::<Test>::get(6).expect("added");
		assert_eq!(info.name.to_vec(), b"Travel rule".to_vec());
		assert!(!info.retired);
		assert_eq!(TopicCount::<Test>::get(), 6);
		assert_eq!(NextTopicId::<Test>::get(), 7);
	});
}

#[test]
fn add_topic_errors() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [registrar(), RuntimeOrigin::signed(ALICE)] {
			assert_noop!(
				IdentityClaims::add_topic(origin, name(b"Travel rule")),
				Error::<Test>::NotGovernance
			);
		}
		assert_noop!(IdentityClaims::add_topic(governance(), name(b"")), Error::<Test>::EmptyName);
		// MaxTopics is 12 in the mock and the standard five are there already.
		for i in 0..7u8 {
			assert_ok!(IdentityClaims::add_topic(governance(), name(&[b'a' + i])));
		}
		assert_eq!(TopicCount::<Test>::get(), 12);
		assert_noop!(
			IdentityClaims::add_topic(governance(), name(b"one too many")),
			Error::<Test>::TooManyTopics
		);
	});
}

#[test]
fn retired_topics_still_count_towards_the_limit() {
	ExtBuilder::default().build_and_execute(|| {
		for i in 0..7u8 {
			assert_ok!(IdentityClaims::add_topic(governance(), name(&[b'a' + i])));
		}
		assert_ok!(IdentityClaims::retire_topic(governance(), 6));
		assert_noop!(
			IdentityClaims::add_topic(governance(), name(b"again")),
			Error::<Test>::TooManyTopics
		);
	});
}

#[test]
fn retire_topic_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(IdentityClaims::retire_topic(governance(), topics::ACCREDITED));
		System::assert_last_event(
			Event::TopicRetired { topic: topics::ACCREDITED, by: Actor::Root }.into(),
		);
		assert!(Topics::<Test>::get(topics::ACCREDITED).expect("kept").retired);
		assert!(!IdentityClaims::is_topic_active(topics::ACCREDITED));
		// The registry keeps it: retiring does not free a slot.
		assert_eq!(TopicCount::<Test>::get(), 5);
	});
}

#[test]
fn retire_topic_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			IdentityClaims::retire_topic(registrar(), topics::KYC),
			Error::<Test>::NotGovernance
		);
		assert_noop!(IdentityClaims::retire_topic(governance(), 99), Error::<Test>::UnknownTopic);
		assert_ok!(IdentityClaims::retire_topic(governance(), topics::KYC));
		assert_noop!(
			IdentityClaims::retire_topic(governance(), topics::KYC),
			Error::<Test>::RetiredTopic
		);
	});
}

#[test]
fn a_retired_topic_can_no_longer_be_issued_trusted_or_required() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::retire_topic(governance(), topics::SANCTIONS));
		assert_noop!(
			IdentityClaims::issue_claim(
				RuntimeOrigin::signed(SCREENER),
				ALICE_ID,
				topics::SANCTIONS,
				EXPIRY,
				evidence(9)
			),
			Error::<Test>::RetiredTopic
		);
		assert_noop!(
			IdentityClaims::add_trusted_issuer(
				governance(),
				MALLORY,
				bounded(&[topics::SANCTIONS])
			),
			Error::<Test>::RetiredTopic
		);
		assert_noop!(
			IdentityClaims::set_required_topics(
				governance(),
				Operation::Mint,
				IdentityKind::Person,
				bounded(&[topics::KYC, topics::SANCTIONS])
			),
			Error::<Test>::RetiredTopic
		);
		// Nothing else changed.
		assert_eq!(IdentityClaims::can_mint(&ALICE), Ok(()));
		assert_eq!(
			IdentityClaims::check_claim(ALICE_ID, topics::SANCTIONS, START),
			Err(ComplianceError::TopicRetired { topic: topics::SANCTIONS })
		);
	});
}
