//! Per-jurisdiction rules: extra topics and lower limits on top of the rule of each kind.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{topics, Actor, Compliance, ComplianceError, CountryCode, Operation};

/// A rule with `topics` and `max_amount`.
fn rule(topics: &[TopicId], max_amount: Option<u128>) -> JurisdictionRuleOf<Test> {
	JurisdictionRule { extra_topics: bounded(topics), max_amount }
}

/// Germany (Bob's and Charlie's identity) asks senders for a sanctions screening too.
fn germany_screens_senders() {
	assert_ok!(IdentityClaims::set_jurisdiction_rule(
		governance(),
		*b"DE",
		Operation::Send,
		Some(rule(&[topics::SANCTIONS], None))
	));
}

#[test]
fn an_extra_topic_is_required_in_its_jurisdiction_only() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_eq!(IdentityClaims::can_send(&BOB), Ok(()));
		germany_screens_senders();
		System::assert_last_event(
			Event::JurisdictionRuleSet {
				jurisdiction: *b"DE",
				operation: Operation::Send,
				old_rule: None,
				rule: Some(rule(&[topics::SANCTIONS], None)),
				by: Actor::Root,
			}
			.into(),
		);
		// Both accounts of the German identity need it to send, and only to send.
		let missing = Err(ComplianceError::ClaimMissing { topic: topics::SANCTIONS });
		assert_eq!(IdentityClaims::can_send(&BOB), missing);
		assert_eq!(IdentityClaims::can_send(&CHARLIE), missing);
		assert_eq!(IdentityClaims::can_hold(&BOB), Ok(()));
		assert_eq!(IdentityClaims::can_redeem(&BOB), Ok(()));
		// A French person is not affected.
		assert_eq!(IdentityClaims::can_send(&ALICE), Ok(()));

		// The screening claim satisfies the rule.
		assert_ok!(IdentityClaims::issue_claim(
			RuntimeOrigin::signed(SCREENER),
			BOB_ID,
			topics::SANCTIONS,
			EXPIRY,
			evidence(9)
		));
		assert_eq!(IdentityClaims::can_send(&BOB), Ok(()));
		// It counts only while it is valid, like any required claim.
		assert_ok!(IdentityClaims::revoke_claim(
			RuntimeOrigin::signed(SCREENER),
			BOB_ID,
			topics::SANCTIONS
		));
		assert_eq!(
			IdentityClaims::can_send(&CHARLIE),
			Err(ComplianceError::ClaimRevoked { topic: topics::SANCTIONS })
		);
	});
}

#[test]
fn the_rule_of_the_kind_is_judged_before_the_jurisdiction() {
	ExtBuilder::verified().build_and_execute(|| {
		germany_screens_senders();
		// Bob lacks the sanctions claim, and his claims lapse: the kind's first topic is named.
		set_now(EXPIRY);
		assert_eq!(
			IdentityClaims::can_send(&BOB),
			Err(ComplianceError::ClaimExpired { topic: topics::KYB })
		);
	});
}

#[test]
fn a_topic_both_rules_require_is_checked_once() {
	ExtBuilder::verified().build_and_execute(|| {
		// AML is already in the rule of both kinds: the German rule adds nothing new.
		assert_ok!(IdentityClaims::set_jurisdiction_rule(
			governance(),
			*b"DE",
			Operation::Send,
			Some(rule(&[topics::AML], None))
		));
		assert_eq!(IdentityClaims::can_send(&BOB), Ok(()));
	});
}

#[test]
fn a_lower_limit_refuses_above_it_and_only_there() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::set_jurisdiction_rule(
			governance(),
			*b"FR",
			Operation::Redeem,
			Some(rule(&[], Some(1_000)))
		));
		assert_eq!(IdentityClaims::check_amount(&ALICE, Operation::Redeem, 1_000), Ok(()));
		assert_eq!(
			IdentityClaims::check_amount(&ALICE, Operation::Redeem, 1_001),
			Err(ComplianceError::AboveJurisdictionLimit)
		);
		// Without an amount the limit is not judged; other operations and jurisdictions are
		// not limited.
		assert_eq!(IdentityClaims::can_redeem(&ALICE), Ok(()));
		assert_eq!(IdentityClaims::check_amount(&ALICE, Operation::Send, u128::MAX), Ok(()));
		assert_eq!(IdentityClaims::check_amount(&BOB, Operation::Redeem, u128::MAX), Ok(()));
		// A missing claim is named before the limit.
		set_now(EXPIRY);
		assert_eq!(
			IdentityClaims::check_amount(&ALICE, Operation::Redeem, 1_001),
			Err(ComplianceError::ClaimExpired { topic: topics::KYC })
		);
	});
}

#[test]
fn a_blocked_jurisdiction_stays_blocked_whatever_its_rules() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::set_jurisdiction_rule(
			governance(),
			*b"DE",
			Operation::Hold,
			Some(rule(&[], Some(u128::MAX)))
		));
		assert_ok!(IdentityClaims::block_jurisdiction(governance(), *b"DE"));
		assert_eq!(
			IdentityClaims::check_amount(&BOB, Operation::Hold, 1),
			Err(ComplianceError::JurisdictionBlocked)
		);
	});
}

#[test]
fn a_retired_extra_topic_refuses() {
	ExtBuilder::verified().build_and_execute(|| {
		germany_screens_senders();
		assert_ok!(IdentityClaims::retire_topic(governance(), topics::SANCTIONS));
		assert_eq!(
			IdentityClaims::can_send(&BOB),
			Err(ComplianceError::TopicRetired { topic: topics::SANCTIONS })
		);
	});
}

#[test]
fn a_rule_is_replaced_and_removed_with_its_old_value_in_the_event() {
	ExtBuilder::verified().build_and_execute(|| {
		germany_screens_senders();
		// Topics are stored sorted.
		assert_ok!(IdentityClaims::set_jurisdiction_rule(
			governance(),
			*b"DE",
			Operation::Send,
			Some(rule(&[topics::SANCTIONS, topics::KYC], Some(5)))
		));
		System::assert_last_event(
			Event::JurisdictionRuleSet {
				jurisdiction: *b"DE",
				operation: Operation::Send,
				old_rule: Some(rule(&[topics::SANCTIONS], None)),
				rule: Some(rule(&[topics::KYC, topics::SANCTIONS], Some(5))),
				by: Actor::Root,
			}
			.into(),
		);
		assert_eq!(
			IdentityClaims::jurisdiction_rules_of(*b"DE"),
			vec![JurisdictionRuleView {
				operation: Operation::Send,
				extra_topics: vec![topics::KYC, topics::SANCTIONS],
				max_amount: Some(5),
			}]
		);

		assert_ok!(IdentityClaims::set_jurisdiction_rule(
			governance(),
			*b"DE",
			Operation::Send,
			None
		));
		System::assert_last_event(
			Event::JurisdictionRuleSet {
				jurisdiction: *b"DE",
				operation: Operation::Send,
				old_rule: Some(rule(&[topics::KYC, topics::SANCTIONS], Some(5))),
				rule: None,
				by: Actor::Root,
			}
			.into(),
		);
		assert!(IdentityClaims::jurisdiction_rules_of(*b"DE").is_empty());
		assert_eq!(IdentityClaims::can_send(&BOB), Ok(()));
	});
}

#[test]
fn set_jurisdiction_rule_refusals() {
	ExtBuilder::verified().build_and_execute(|| {
		let set = |origin, code: CountryCode, rule| {
			IdentityClaims::set_jurisdiction_rule(origin, code, Operation::Send, rule)
		};
		let screening = || Some(rule(&[topics::SANCTIONS], None));
		// Governance only: not a registrar, not a signed account.
		assert_noop!(set(registrar(), *b"DE", screening()), Error::<Test>::NotGovernance);
		assert_noop!(
			set(RuntimeOrigin::signed(MALLORY), *b"DE", screening()),
			Error::<Test>::NotGovernance
		);
		assert_noop!(set(governance(), *b"de", screening()), Error::<Test>::InvalidJurisdiction);
		assert_noop!(
			set(governance(), *b"DE", Some(rule(&[], None))),
			Error::<Test>::EmptyJurisdictionRule
		);
		assert_noop!(
			set(governance(), *b"DE", Some(rule(&[topics::AML, topics::AML], None))),
			Error::<Test>::DuplicateTopic
		);
		assert_noop!(
			set(governance(), *b"DE", Some(rule(&[99], None))),
			Error::<Test>::UnknownTopic
		);
		assert_ok!(IdentityClaims::retire_topic(governance(), topics::SANCTIONS));
		assert_noop!(set(governance(), *b"DE", screening()), Error::<Test>::RetiredTopic);
		assert_noop!(set(governance(), *b"DE", None), Error::<Test>::NoJurisdictionRule);
	});
}

#[test]
fn genesis_rules_apply_from_the_first_block() {
	ExtBuilder::verified()
		.jurisdiction_rule(*b"DE", Operation::Mint, &[topics::SANCTIONS], Some(10))
		.build_and_execute(|| {
			assert_eq!(
				IdentityClaims::can_mint(&BOB),
				Err(ComplianceError::ClaimMissing { topic: topics::SANCTIONS })
			);
			assert_eq!(
				JurisdictionRules::<Test>::get(*b"DE", Operation::Mint),
				Some(rule(&[topics::SANCTIONS], Some(10)))
			);
		});
}

#[test]
#[should_panic(expected = "genesis: invalid jurisdiction rule")]
fn an_empty_genesis_rule_panics() {
	ExtBuilder::verified().jurisdiction_rule(*b"DE", Operation::Mint, &[], None).build();
}

#[test]
#[should_panic(expected = "genesis: jurisdiction rule set twice")]
fn a_genesis_rule_set_twice_panics() {
	ExtBuilder::verified()
		.jurisdiction_rule(*b"DE", Operation::Mint, &[], Some(1))
		.jurisdiction_rule(*b"DE", Operation::Mint, &[], Some(2))
		.build();
}
