//! The `Compliance` answers, and what flips them.

use crate::{mock::*, *};
use frame_support::assert_ok;
use stablecoin_primitives::{topics, Compliance, ComplianceError, Operation};

/// `can_*` for every operation, in `Operation::ALL` order.
fn answers(who: u64) -> Vec<Result<(), ComplianceError>> {
	vec![
		IdentityClaims::can_hold(&who),
		IdentityClaims::can_send(&who),
		IdentityClaims::can_mint(&who),
		IdentityClaims::can_redeem(&who),
		IdentityClaims::can_bulk_mint(&who),
	]
}

/// The same refusal for every operation.
fn refused_everywhere(e: ComplianceError) -> Vec<Result<(), ComplianceError>> {
	vec![Err(e); 5]
}

#[test]
fn the_helpers_match_check() {
	ExtBuilder::verified().build_and_execute(|| {
		for who in [ALICE, BOB, DAVE] {
			let expected: Vec<_> =
				Operation::ALL.iter().map(|op| IdentityClaims::check(&who, *op)).collect();
			assert_eq!(answers(who), expected);
		}
	});
}

#[test]
fn verified_accounts_are_allowed() {
	ExtBuilder::verified().build_and_execute(|| {
		// A person: everything but bulk mints, which need the accredited claim.
		assert_eq!(
			answers(ALICE),
			vec![
				Ok(()),
				Ok(()),
				Ok(()),
				Ok(()),
				Err(ComplianceError::ClaimMissing { topic: topics::ACCREDITED })
			]
		);
		// A business with two accounts: everything, from either account.
		assert_eq!(answers(BOB), vec![Ok(()); 5]);
		assert_eq!(answers(CHARLIE), vec![Ok(()); 5]);
	});
}

#[test]
fn an_account_without_identity_is_refused() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_eq!(answers(DAVE), refused_everywhere(ComplianceError::NoIdentity));
	});
}

#[test]
fn an_identity_without_claims_is_refused() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::register_identity(
			registrar(),
			IdentityKind::Person,
			*b"FR",
			DAVE
		));
		assert_eq!(
			answers(DAVE),
			refused_everywhere(ComplianceError::ClaimMissing { topic: topics::KYC })
		);
	});
}

/// The refusal for an operation without a rule.
const NO_RULE: ComplianceError = ComplianceError::ClaimMissing { topic: NO_RULE_TOPIC };

#[test]
fn without_a_rule_every_operation_is_refused() {
	// Compliance fails closed: a rule forgotten at genesis refuses, it does not allow.
	ExtBuilder::default().identity(1, IdentityKind::Person, *b"US", &[DAVE]).build_and_execute(
		|| {
			assert_eq!(answers(DAVE), refused_everywhere(NO_RULE));
			// An account without identity is refused for that first.
			assert_eq!(answers(EVE), refused_everywhere(ComplianceError::NoIdentity));
			assert!(!Topics::<Test>::contains_key(NO_RULE_TOPIC));
		},
	);
}

#[test]
fn a_rule_for_one_kind_does_not_cover_the_other() {
	ExtBuilder::default()
		.identity(1, IdentityKind::Person, *b"US", &[DAVE])
		.identity(2, IdentityKind::Business, *b"US", &[EVE])
		.rules(vec![(Operation::Hold, IdentityKind::Person, vec![])])
		.build_and_execute(|| {
			assert_eq!(IdentityClaims::can_hold(&DAVE), Ok(()));
			assert_eq!(IdentityClaims::can_send(&DAVE), Err(NO_RULE));
			assert_eq!(IdentityClaims::can_hold(&EVE), Err(NO_RULE));
		});
}

#[test]
fn an_empty_rule_requires_an_identity_and_nothing_more() {
	ExtBuilder::default()
		.identity(1, IdentityKind::Person, *b"US", &[DAVE])
		.rules(Operation::ALL.iter().map(|op| (*op, IdentityKind::Person, vec![])).collect())
		.build_and_execute(|| {
			assert_eq!(
				RequiredTopics::<Test>::get(Operation::Mint, IdentityKind::Person),
				Some(bounded(&[]))
			);
			assert_eq!(answers(DAVE), vec![Ok(()); 5]);
			assert_eq!(answers(EVE), refused_everywhere(ComplianceError::NoIdentity));
		});
}

#[test]
fn a_blocked_jurisdiction_is_reported_before_a_missing_rule() {
	ExtBuilder::default()
		.identity(1, IdentityKind::Person, *b"KP", &[DAVE])
		.blocked(*b"KP")
		.build_and_execute(|| {
			assert_eq!(answers(DAVE), refused_everywhere(ComplianceError::JurisdictionBlocked));
		});
}

#[docify::export]
#[test]
fn expiry_by_time_flips_allowed_to_refused() {
	ExtBuilder::verified().build_and_execute(|| {
		set_now(EXPIRY - 1);
		assert_eq!(IdentityClaims::can_mint(&ALICE), Ok(()));
		assert_eq!(IdentityClaims::can_hold(&BOB), Ok(()));
		// Valid strictly before `expires_at`.
		set_now(EXPIRY);
		assert_eq!(
			answers(ALICE),
			refused_everywhere(ComplianceError::ClaimExpired { topic: topics::KYC })
		);
		assert_eq!(
			answers(BOB),
			refused_everywhere(ComplianceError::ClaimExpired { topic: topics::KYB })
		);
		// A renewal restores it.
		assert_ok!(IdentityClaims::issue_claim(
			RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::KYC,
			EXPIRY + 365 * DAY,
			evidence(2)
		));
		assert_eq!(
			IdentityClaims::can_mint(&ALICE),
			Err(ComplianceError::ClaimExpired { topic: topics::AML })
		);
		assert_ok!(IdentityClaims::issue_claim(
			RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::AML,
			EXPIRY + 365 * DAY,
			evidence(3)
		));
		assert_eq!(IdentityClaims::can_mint(&ALICE), Ok(()));
	});
}

#[test]
fn revocation_flips_allowed_to_refused() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_eq!(IdentityClaims::can_redeem(&ALICE), Ok(()));
		assert_ok!(IdentityClaims::revoke_claim(
			RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::AML
		));
		// Every rule for persons requires AML, bulk mints included.
		assert_eq!(
			answers(ALICE),
			refused_everywhere(ComplianceError::ClaimRevoked { topic: topics::AML })
		);
		// Bob is not affected.
		assert_eq!(answers(BOB), vec![Ok(()); 5]);
	});
}

#[test]
fn issuer_removal_flips_allowed_to_refused() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_eq!(IdentityClaims::can_mint(&ALICE), Ok(()));
		assert_eq!(IdentityClaims::can_bulk_mint(&BOB), Ok(()));
		assert_ok!(IdentityClaims::remove_trusted_issuer(governance(), PROVIDER));
		assert_eq!(
			answers(ALICE),
			refused_everywhere(ComplianceError::IssuerNotTrusted { topic: topics::KYC })
		);
		assert_eq!(
			answers(BOB),
			refused_everywhere(ComplianceError::IssuerNotTrusted { topic: topics::KYB })
		);
		// Trusting it again restores its claims (nothing was deleted).
		assert_ok!(IdentityClaims::add_trusted_issuer(
			governance(),
			PROVIDER,
			bounded(&[topics::KYC, topics::KYB, topics::AML, topics::ACCREDITED])
		));
		assert_eq!(answers(BOB), vec![Ok(()); 5]);
	});
}

#[test]
fn an_issuer_losing_a_topic_flips_only_that_topic() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::update_issuer_topics(
			governance(),
			PROVIDER,
			bounded(&[topics::KYB, topics::AML, topics::ACCREDITED])
		));
		assert_eq!(
			IdentityClaims::can_hold(&ALICE),
			Err(ComplianceError::IssuerNotTrusted { topic: topics::KYC })
		);
		assert_eq!(answers(BOB), vec![Ok(()); 5]);
	});
}

#[test]
fn the_issuer_named_in_a_claim_is_not_trusted_on_its_word() {
	// A claim whose issuer was never trusted for the topic (e.g. injected by a migration or a
	// compromised registrar) does not count.
	ExtBuilder::verified().build_and_execute(|| {
		// Written behind the calls' back, as a migration does, which then makes the kept
		// compliance statuses stale.
		Claims::<Test>::mutate(ALICE_ID, topics::KYC, |claim| {
			claim.as_mut().expect("exists").issuer = MALLORY;
		});
		IdentityClaims::invalidate_compliance_statuses();
		assert_eq!(
			IdentityClaims::can_hold(&ALICE),
			Err(ComplianceError::IssuerNotTrusted { topic: topics::KYC })
		);
		// Another trusted issuer for the topic does not make it count either.
		Claims::<Test>::mutate(ALICE_ID, topics::KYC, |claim| {
			claim.as_mut().expect("exists").issuer = SCREENER;
		});
		IdentityClaims::invalidate_compliance_statuses();
		assert_eq!(
			IdentityClaims::can_hold(&ALICE),
			Err(ComplianceError::IssuerNotTrusted { topic: topics::KYC })
		);
	});
}

#[test]
fn topic_retirement_flips_allowed_to_refused() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_eq!(IdentityClaims::can_send(&ALICE), Ok(()));
		assert_ok!(IdentityClaims::retire_topic(governance(), topics::AML));
		assert_eq!(
			answers(ALICE),
			refused_everywhere(ComplianceError::TopicRetired { topic: topics::AML })
		);
		assert_eq!(
			answers(BOB),
			refused_everywhere(ComplianceError::TopicRetired { topic: topics::AML })
		);
		// Governance drops the retired topic from the rules: allowed again.
		for op in [Operation::Hold, Operation::Send, Operation::Mint, Operation::Redeem] {
			assert_ok!(IdentityClaims::set_required_topics(
				governance(),
				op,
				IdentityKind::Person,
				bounded(&[topics::KYC])
			));
		}
		assert_eq!(IdentityClaims::can_send(&ALICE), Ok(()));
	});
}

#[test]
fn a_blocked_jurisdiction_refuses_even_with_all_claims_valid() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_eq!(answers(BOB), vec![Ok(()); 5]);
		assert_ok!(IdentityClaims::block_jurisdiction(governance(), *b"DE"));
		// Every claim is still valid...
		assert_eq!(IdentityClaims::valid_claims_of(&BOB).len(), 3);
		// ... yet every operation is refused, from every account of the identity.
		assert_eq!(answers(BOB), refused_everywhere(ComplianceError::JurisdictionBlocked));
		assert_eq!(answers(CHARLIE), refused_everywhere(ComplianceError::JurisdictionBlocked));
		// Other jurisdictions are not affected.
		assert_eq!(IdentityClaims::can_mint(&ALICE), Ok(()));
		assert_ok!(IdentityClaims::unblock_jurisdiction(governance(), *b"DE"));
		assert_eq!(answers(BOB), vec![Ok(()); 5]);
	});
}

#[test]
fn moving_to_a_blocked_jurisdiction_refuses() {
	ExtBuilder::verified().blocked(*b"KP").build_and_execute(|| {
		assert_eq!(IdentityClaims::can_hold(&ALICE), Ok(()));
		assert_ok!(IdentityClaims::update_identity(
			registrar(),
			ALICE_ID,
			IdentityKind::Person,
			*b"KP"
		));
		assert_eq!(answers(ALICE), refused_everywhere(ComplianceError::JurisdictionBlocked));
	});
}

#[cfg(feature = "runtime-benchmarks")]
#[test]
fn make_compliant_allows_every_operation() {
	ExtBuilder::verified().blocked(*b"ZZ").build_and_execute(|| {
		// A fresh account, and one whose identity lacks the accredited claim.
		IdentityClaims::make_compliant(&DAVE);
		IdentityClaims::make_compliant(&ALICE);
		assert_eq!(answers(DAVE), vec![Ok(()); 5]);
		assert_eq!(answers(ALICE), vec![Ok(()); 5]);
	});
}
