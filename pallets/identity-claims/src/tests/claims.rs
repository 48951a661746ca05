//! Issuing and revoking claims; feeless issuer calls.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, dispatch::CheckIfFeeless, traits::Get};
use sp_runtime::DispatchError;
use stablecoin_primitives::topics;

/// Alice without claims, `PROVIDER` trusted for KYC and AML.
fn onboarding() -> ExtBuilder {
	ExtBuilder::default()
		.issuer(PROVIDER, &[topics::KYC, topics::AML])
		.issuer(SCREENER, &[topics::SANCTIONS])
		.identity(ALICE_ID, IdentityKind::Person, *b"FR", &[ALICE])
}

#[test]
fn issue_claim_works() {
	onboarding().build_and_execute(|| {
		assert_ok!(IdentityClaims::issue_claim(
			RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::KYC,
			EXPIRY,
			evidence(7)
		));
		System::assert_last_event(
			Event::ClaimIssued {
				identity: ALICE_ID,
				topic: topics::KYC,
				issuer: PROVIDER,
				issued_at: START,
				expires_at: EXPIRY,
				evidence: evidence(7),
			}
			.into(),
		);
		assert_eq!(
			Claims::<Test>::get(ALICE_ID, topics::KYC),
			Some(Claim {
				issuer: PROVIDER,
				issued_at: START,
				expires_at: EXPIRY,
				evidence: evidence(7),
				revoked_at: None,
			})
		);
		assert_eq!(IdentityClaims::check_claim(ALICE_ID, topics::KYC, START), Ok(()));
	});
}

#[test]
fn an_issuer_renews_its_own_claim() {
	ExtBuilder::verified().build_and_execute(|| {
		set_now(START + DAY);
		assert_ok!(IdentityClaims::issue_claim(
			RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::KYC,
			EXPIRY + DAY,
			evidence(8)
		));
		let claim = Claims::<Test>::get(ALICE_ID, topics::KYC).expect("issued");
		assert_eq!(claim.issuer, PROVIDER);
		assert_eq!(claim.revoked_at, None);
		assert_eq!(claim.issued_at, START + DAY);
		assert_eq!(claim.expires_at, EXPIRY + DAY);
		assert_eq!(claim.evidence, evidence(8));
	});
}

#[test]
fn issue_claim_errors() {
	onboarding().build_and_execute(|| {
		let issue = |origin: RuntimeOrigin, identity, topic, expires_at| {
			IdentityClaims::issue_claim(origin, identity, topic, expires_at, evidence(1))
		};
		// Unauthorized origins: issuers are signed accounts.
		for origin in [RuntimeOrigin::none(), governance()] {
			assert_noop!(issue(origin, ALICE_ID, topics::KYC, EXPIRY), DispatchError::BadOrigin);
		}
		let provider = || RuntimeOrigin::signed(PROVIDER);
		assert_noop!(issue(provider(), 99, topics::KYC, EXPIRY), Error::<Test>::UnknownIdentity);
		assert_noop!(issue(provider(), ALICE_ID, 99, EXPIRY), Error::<Test>::UnknownTopic);
		assert_noop!(
			issue(RuntimeOrigin::signed(MALLORY), ALICE_ID, topics::KYC, EXPIRY),
			Error::<Test>::UnknownIssuer
		);
		// A trusted issuer, but not for this topic.
		assert_noop!(
			issue(RuntimeOrigin::signed(SCREENER), ALICE_ID, topics::KYC, EXPIRY),
			Error::<Test>::NotTrustedForTopic
		);
		assert_noop!(
			issue(provider(), ALICE_ID, topics::KYB, EXPIRY),
			Error::<Test>::NotTrustedForTopic
		);
		// Expired: now, or in the past.
		assert_noop!(
			issue(provider(), ALICE_ID, topics::KYC, START),
			Error::<Test>::AlreadyExpired
		);
		assert_noop!(
			issue(provider(), ALICE_ID, topics::KYC, START - 1),
			Error::<Test>::AlreadyExpired
		);
		// Valid for longer than `MaxClaimValidity`.
		assert_noop!(
			issue(provider(), ALICE_ID, topics::KYC, START + MAX_VALIDITY + 1),
			Error::<Test>::ValidityTooLong
		);
		assert_noop!(
			issue(provider(), ALICE_ID, topics::KYC, Moment::MAX),
			Error::<Test>::ValidityTooLong
		);
		assert_ok!(IdentityClaims::retire_topic(governance(), topics::AML));
		assert_noop!(issue(provider(), ALICE_ID, topics::AML, EXPIRY), Error::<Test>::RetiredTopic);
	});
}

#[test]
fn a_claim_may_be_valid_for_exactly_the_maximum_validity() {
	onboarding().build_and_execute(|| {
		let max: Moment = <Test as Config>::MaxClaimValidity::get();
		assert_eq!(max, MAX_VALIDITY);
		let issue = |expires_at| {
			IdentityClaims::issue_claim(
				RuntimeOrigin::signed(PROVIDER),
				ALICE_ID,
				topics::KYC,
				expires_at,
				evidence(1),
			)
		};
		// One millisecond more is refused, and pays.
		let too_long = START + MAX_VALIDITY + 1;
		let origin = RuntimeOrigin::signed(PROVIDER);
		assert!(!IdentityClaims::is_feeless_issue(&origin, ALICE_ID, topics::KYC, too_long));
		assert_noop!(issue(too_long), Error::<Test>::ValidityTooLong);
		// Exactly the maximum is accepted, for free.
		assert!(IdentityClaims::is_feeless_issue(
			&origin,
			ALICE_ID,
			topics::KYC,
			START + MAX_VALIDITY
		));
		assert_ok!(issue(START + MAX_VALIDITY));
		assert_eq!(
			Claims::<Test>::get(ALICE_ID, topics::KYC).map(|claim| claim.expires_at),
			Some(START + MAX_VALIDITY)
		);
		// The window moves with the clock.
		set_now(START + DAY);
		assert_noop!(issue(START + DAY + MAX_VALIDITY + 1), Error::<Test>::ValidityTooLong);
		assert_ok!(issue(START + DAY + MAX_VALIDITY));
	});
}

#[test]
fn revoke_claim_works() {
	ExtBuilder::verified().build_and_execute(|| {
		set_now(START + DAY);
		assert_ok!(IdentityClaims::revoke_claim(
			RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::AML
		));
		System::assert_last_event(
			Event::ClaimRevoked {
				identity: ALICE_ID,
				topic: topics::AML,
				issuer: PROVIDER,
				revoked_at: START + DAY,
			}
			.into(),
		);
		let claim = Claims::<Test>::get(ALICE_ID, topics::AML).expect("kept for the record");
		assert_eq!(claim.revoked_at, Some(START + DAY));
		assert_eq!(
			IdentityClaims::claim_status(&claim, topics::AML, START + DAY),
			ClaimStatus::Revoked
		);
	});
}

#[test]
fn revoke_claim_errors() {
	ExtBuilder::verified().build_and_execute(|| {
		for origin in [RuntimeOrigin::none(), governance()] {
			assert_noop!(
				IdentityClaims::revoke_claim(origin, ALICE_ID, topics::KYC),
				DispatchError::BadOrigin
			);
		}
		// Signed, but not the claim's issuer (the registrar has no say over claims).
		assert_noop!(
			IdentityClaims::revoke_claim(registrar(), ALICE_ID, topics::KYC),
			Error::<Test>::NotClaimIssuer
		);
		assert_noop!(
			IdentityClaims::revoke_claim(
				RuntimeOrigin::signed(SCREENER),
				ALICE_ID,
				topics::SANCTIONS
			),
			Error::<Test>::UnknownClaim
		);
		assert_noop!(
			IdentityClaims::revoke_claim(RuntimeOrigin::signed(PROVIDER), 99, topics::KYC),
			Error::<Test>::UnknownClaim
		);
		// Another issuer (even one trusted for other topics) may not revoke it.
		assert_noop!(
			IdentityClaims::revoke_claim(RuntimeOrigin::signed(SCREENER), ALICE_ID, topics::KYC),
			Error::<Test>::NotClaimIssuer
		);
		assert_ok!(IdentityClaims::revoke_claim(
			RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::KYC
		));
		assert_noop!(
			IdentityClaims::revoke_claim(RuntimeOrigin::signed(PROVIDER), ALICE_ID, topics::KYC),
			Error::<Test>::AlreadyRevoked
		);
	});
}

#[test]
fn an_issuer_that_lost_its_trust_may_still_revoke() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::remove_trusted_issuer(governance(), PROVIDER));
		// It pays for it.
		assert!(!IdentityClaims::is_feeless_revoke(
			&RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::KYC
		));
		assert_ok!(IdentityClaims::revoke_claim(
			RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::KYC
		));
		// ... but not issue.
		assert_noop!(
			IdentityClaims::issue_claim(
				RuntimeOrigin::signed(PROVIDER),
				ALICE_ID,
				topics::KYC,
				EXPIRY,
				evidence(1)
			),
			Error::<Test>::UnknownIssuer
		);
	});
}

#[test]
fn issuer_calls_are_feeless_only_when_they_would_succeed() {
	ExtBuilder::verified().build_and_execute(|| {
		let issue = |identity, topic| Call::<Test>::issue_claim {
			identity,
			topic,
			expires_at: EXPIRY,
			evidence: evidence(1),
		};
		let signed = RuntimeOrigin::signed;
		// A renewal of one's own claim, a first claim.
		assert!(issue(ALICE_ID, topics::KYC).is_feeless(&signed(PROVIDER)));
		assert!(issue(ALICE_ID, topics::SANCTIONS).is_feeless(&signed(SCREENER)));
		// Wrong issuer, untrusted account, unsigned, unknown identity or topic: pays.
		assert!(!issue(ALICE_ID, topics::KYC).is_feeless(&signed(SCREENER)));
		assert!(!issue(ALICE_ID, topics::KYC).is_feeless(&signed(MALLORY)));
		assert!(!issue(ALICE_ID, topics::KYC).is_feeless(&governance()));
		assert!(!issue(99, topics::KYC).is_feeless(&signed(PROVIDER)));
		assert!(!issue(ALICE_ID, 99).is_feeless(&signed(PROVIDER)));
		// Trusted for the topic, but the claim is another issuer's: pays.
		assert!(!issue(ALICE_ID, topics::KYC).is_feeless(&signed(RIVAL)));

		let revoke = |identity, topic| Call::<Test>::revoke_claim { identity, topic };
		assert!(revoke(ALICE_ID, topics::KYC).is_feeless(&signed(PROVIDER)));
		assert!(!revoke(ALICE_ID, topics::KYC).is_feeless(&signed(SCREENER)));
		assert!(!revoke(ALICE_ID, topics::SANCTIONS).is_feeless(&signed(SCREENER)));
		assert_ok!(IdentityClaims::revoke_claim(signed(PROVIDER), ALICE_ID, topics::KYC));
		assert!(!revoke(ALICE_ID, topics::KYC).is_feeless(&signed(PROVIDER)));
		// Re-issuing a revoked claim fails, so it pays.
		assert!(!issue(ALICE_ID, topics::KYC).is_feeless(&signed(PROVIDER)));
		assert!(revoke(ALICE_ID, topics::AML).is_feeless(&signed(PROVIDER)));
		assert_ok!(IdentityClaims::remove_trusted_issuer(governance(), PROVIDER));
		assert!(!revoke(ALICE_ID, topics::AML).is_feeless(&signed(PROVIDER)));
		assert!(!issue(BOB_ID, topics::AML).is_feeless(&signed(PROVIDER)));

		// Registrar and governance calls always pay.
		let call = Call::<Test>::register_identity {
			kind: IdentityKind::Person,
			jurisdiction: *b"FR",
			account: DAVE,
		};
		assert!(!call.is_feeless(&registrar()));
		assert!(!Call::<Test>::retire_topic { topic: topics::KYC }.is_feeless(&governance()));
		let clear = Call::<Test>::clear_claim { identity: ALICE_ID, topic: topics::KYC };
		assert!(!clear.is_feeless(&governance()));
	});
}

#[test]
fn the_feeless_condition_of_issue_claim_is_exactly_success() {
	// Every outcome of `issue_claim`, successful or not: the condition says feeless exactly
	// when the call succeeds.
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::revoke_claim(
			RuntimeOrigin::signed(PROVIDER),
			BOB_ID,
			topics::AML
		));
		let cases: Vec<(u64, IdentityId, TopicId, Moment)> = vec![
			(PROVIDER, ALICE_ID, topics::KYC, EXPIRY), // renewal: ok
			(PROVIDER, ALICE_ID, topics::KYC, START + MAX_VALIDITY), // longest: ok
			(SCREENER, ALICE_ID, topics::SANCTIONS, EXPIRY), // first claim: ok
			(PROVIDER, 99, topics::KYC, EXPIRY),       // UnknownIdentity
			(PROVIDER, ALICE_ID, 99, EXPIRY),          // UnknownTopic
			(MALLORY, ALICE_ID, topics::KYC, EXPIRY),  // UnknownIssuer
			(SCREENER, ALICE_ID, topics::KYC, EXPIRY), // NotTrustedForTopic
			(PROVIDER, ALICE_ID, topics::KYC, START),  // AlreadyExpired
			(PROVIDER, ALICE_ID, topics::KYC, START + MAX_VALIDITY + 1), // ValidityTooLong
			(RIVAL, ALICE_ID, topics::KYC, EXPIRY),    // ClaimHeldByAnotherIssuer
			(PROVIDER, BOB_ID, topics::AML, EXPIRY),   // ClaimRevokedNeedsGovernance
			(RIVAL, BOB_ID, topics::AML, EXPIRY),      // ClaimRevokedNeedsGovernance
		];
		let mut successes = 0;
		for (issuer, identity, topic, expires_at) in cases {
			let origin = RuntimeOrigin::signed(issuer);
			let feeless = IdentityClaims::is_feeless_issue(&origin, identity, topic, expires_at);
			let result = frame_support::storage::with_transaction(|| {
				let result =
					IdentityClaims::issue_claim(origin, identity, topic, expires_at, evidence(9));
				// Undo, so that every case runs against the same state.
				sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(result))
			})
			.expect("rolled back");
			assert_eq!(feeless, result.is_ok(), "{issuer} {identity} {topic} {expires_at}");
			successes += u32::from(result.is_ok());
		}
		assert_eq!(successes, 3);
	});
}
