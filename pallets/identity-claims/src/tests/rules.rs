//! Governance of the compliance rules: required topics and blocked jurisdictions.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{topics, Actor, Compliance, ComplianceError, Operation};

#[test]
fn set_required_topics_works() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::set_required_topics(
			governance(),
			Operation::Mint,
			IdentityKind::Person,
			bounded(&[topics::SANCTIONS, topics::KYC, topics::AML])
		));
		System::assert_last_event(
			Event::RequiredTopicsSet {
				operation: Operation::Mint,
				kind: IdentityKind::Person,
				old_topics: Some(bounded(&[topics::KYC, topics::AML])),
				topics: bounded(&[topics::KYC, topics::AML, topics::SANCTIONS]),
				by: Actor::Root,
			}
			.into(),
		);
		assert_eq!(
			RequiredTopics::<Test>::get(Operation::Mint, IdentityKind::Person)
				.map(|topics| topics.to_vec()),
			Some(vec![topics::KYC, topics::AML, topics::SANCTIONS])
		);
		// Alice has no sanctions screening claim yet.
		assert_eq!(
			IdentityClaims::can_mint(&ALICE),
			Err(ComplianceError::ClaimMissing { topic: topics::SANCTIONS })
		);
		assert_eq!(IdentityClaims::can_redeem(&ALICE), Ok(()));

		// An empty list is a rule too: an identity suffices.
		assert_ok!(IdentityClaims::set_required_topics(
			governance(),
			Operation::Mint,
			IdentityKind::Person,
			bounded(&[])
		));
		assert_eq!(
			RequiredTopics::<Test>::get(Operation::Mint, IdentityKind::Person),
			Some(bounded(&[]))
		);
		assert_ok!(IdentityClaims::register_identity(
			registrar(),
			IdentityKind::Person,
			*b"FR",
			DAVE
		));
		assert_eq!(IdentityClaims::can_mint(&DAVE), Ok(()));
		assert_eq!(
			IdentityClaims::can_hold(&DAVE),
			Err(ComplianceError::ClaimMissing { topic: topics::KYC })
		);
	});
}

#[test]
fn setting_a_first_rule_allows_what_was_refused() {
	ExtBuilder::default().identity(1, IdentityKind::Business, *b"DE", &[DAVE]).build_and_execute(
		|| {
			assert_eq!(
				IdentityClaims::can_redeem(&DAVE),
				Err(ComplianceError::ClaimMissing { topic: NO_RULE_TOPIC })
			);
			assert_ok!(IdentityClaims::set_required_topics(
				governance(),
				Operation::Redeem,
				IdentityKind::Business,
				bounded(&[])
			));
			System::assert_last_event(
				Event::RequiredTopicsSet {
					operation: Operation::Redeem,
					kind: IdentityKind::Business,
					old_topics: None,
					topics: bounded(&[]),
					by: Actor::Root,
				}
				.into(),
			);
			assert_eq!(IdentityClaims::can_redeem(&DAVE), Ok(()));
			assert_eq!(
				IdentityClaims::can_mint(&DAVE),
				Err(ComplianceError::ClaimMissing { topic: NO_RULE_TOPIC })
			);
		},
	);
}

#[test]
fn set_required_topics_errors() {
	ExtBuilder::verified().build_and_execute(|| {
		let set = |origin, topics: &[TopicId]| {
			IdentityClaims::set_required_topics(
				origin,
				Operation::Hold,
				IdentityKind::Business,
				bounded(topics),
			)
		};
		assert_noop!(set(registrar(), &[topics::KYB]), Error::<Test>::NotGovernance);
		assert_noop!(
			set(RuntimeOrigin::signed(PROVIDER), &[topics::KYB]),
			Error::<Test>::NotGovernance
		);
		assert_noop!(set(governance(), &[topics::KYB, topics::KYB]), Error::<Test>::DuplicateTopic);
		assert_noop!(set(governance(), &[topics::KYB, 77]), Error::<Test>::UnknownTopic);
		assert_ok!(IdentityClaims::retire_topic(governance(), topics::SANCTIONS));
		assert_noop!(set(governance(), &[topics::SANCTIONS]), Error::<Test>::RetiredTopic);
	});
}

#[test]
fn block_and_unblock_jurisdiction_work() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::block_jurisdiction(governance(), *b"KP"));
		System::assert_last_event(
			Event::JurisdictionBlocked { jurisdiction: *b"KP", by: Actor::Root }.into(),
		);
		assert_ok!(IdentityClaims::block_jurisdiction(governance(), *b"IR"));
		assert_eq!(BlockedJurisdictions::<Test>::get().to_vec(), vec![*b"KP", *b"IR"]);

		assert_ok!(IdentityClaims::unblock_jurisdiction(governance(), *b"KP"));
		System::assert_last_event(
			Event::JurisdictionUnblocked { jurisdiction: *b"KP", by: Actor::Root }.into(),
		);
		assert_eq!(BlockedJurisdictions::<Test>::get().to_vec(), vec![*b"IR"]);
	});
}

#[test]
fn block_jurisdiction_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			IdentityClaims::block_jurisdiction(registrar(), *b"KP"),
			Error::<Test>::NotGovernance
		);
		assert_noop!(
			IdentityClaims::block_jurisdiction(governance(), *b"kp"),
			Error::<Test>::InvalidJurisdiction
		);
		assert_ok!(IdentityClaims::block_jurisdiction(governance(), *b"KP"));
		assert_noop!(
			IdentityClaims::block_jurisdiction(governance(), *b"KP"),
			Error::<Test>::AlreadyBlocked
		);
		// MaxBlockedJurisdictions is 4 in the mock.
		for code in [*b"IR", *b"SY", *b"CU"] {
			assert_ok!(IdentityClaims::block_jurisdiction(governance(), code));
		}
		assert_noop!(
			IdentityClaims::block_jurisdiction(governance(), *b"RU"),
			Error::<Test>::TooManyBlockedJurisdictions
		);
	});
}

#[test]
fn unblock_jurisdiction_errors() {
	ExtBuilder::default().blocked(*b"KP").build_and_execute(|| {
		assert_noop!(
			IdentityClaims::unblock_jurisdiction(RuntimeOrigin::signed(ALICE), *b"KP"),
			Error::<Test>::NotGovernance
		);
		assert_noop!(
			IdentityClaims::unblock_jurisdiction(governance(), *b"IR"),
			Error::<Test>::NotBlocked
		);
	});
}
