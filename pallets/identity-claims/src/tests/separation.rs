//! Separation of duties against one rogue or stolen issuer key: claims of other issuers cannot
//! be overwritten, a revocation cannot be undone without governance, and governance clears a
//! claim so that another issuer may take over.
//!
//! `RIVAL` plays the rogue key: a provider trusted, like `PROVIDER`, for KYC and AML.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, pallet_prelude::DispatchResult};
use stablecoin_primitives::{topics, Actor, Compliance, ComplianceError};

fn issue(issuer: u64, identity: IdentityId, topic: TopicId, expires_at: Moment) -> DispatchResult {
	IdentityClaims::issue_claim(
		RuntimeOrigin::signed(issuer),
		identity,
		topic,
		expires_at,
		evidence(0xEE),
	)
}

fn feeless(issuer: u64, identity: IdentityId, topic: TopicId, expires_at: Moment) -> bool {
	IdentityClaims::is_feeless_issue(&RuntimeOrigin::signed(issuer), identity, topic, expires_at)
}

#[test]
fn a_rogue_issuer_cannot_overwrite_another_issuers_claim() {
	ExtBuilder::verified().build_and_execute(|| {
		let before = Claims::<Test>::get(ALICE_ID, topics::KYC).expect("PROVIDER's claim");
		// Neither to extend it, nor to shorten it, nor with other evidence; and it pays.
		for expires_at in [START + MAX_VALIDITY, START + 1, EXPIRY] {
			assert!(!feeless(RIVAL, ALICE_ID, topics::KYC, expires_at));
			assert_noop!(
				issue(RIVAL, ALICE_ID, topics::KYC, expires_at),
				Error::<Test>::ClaimHeldByAnotherIssuer
			);
		}
		assert_eq!(Claims::<Test>::get(ALICE_ID, topics::KYC), Some(before));
		assert_eq!(IdentityClaims::can_mint(&ALICE), Ok(()));
		// It remains free to issue where no claim is held.
		assert_ok!(IdentityClaims::register_identity(
			registrar(),
			IdentityKind::Person,
			*b"FR",
			DAVE
		));
		assert!(feeless(RIVAL, 3, topics::KYC, EXPIRY));
		assert_ok!(issue(RIVAL, 3, topics::KYC, EXPIRY));
		// ... and that claim is now out of `PROVIDER`'s reach in turn.
		assert_noop!(
			issue(PROVIDER, 3, topics::KYC, EXPIRY),
			Error::<Test>::ClaimHeldByAnotherIssuer
		);
	});
}

#[test]
fn a_revoked_claim_cannot_be_reissued_without_governance() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::revoke_claim(
			RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::AML
		));
		let revoked = Claims::<Test>::get(ALICE_ID, topics::AML).expect("kept");
		// Not by the issuer that revoked it (its key may be the stolen one), nor by another.
		for issuer in [PROVIDER, RIVAL] {
			assert!(!feeless(issuer, ALICE_ID, topics::AML, EXPIRY));
			assert_noop!(
				issue(issuer, ALICE_ID, topics::AML, EXPIRY),
				Error::<Test>::ClaimRevokedNeedsGovernance
			);
		}
		// Not even once the revoked claim has expired.
		set_now(EXPIRY);
		for issuer in [PROVIDER, RIVAL] {
			assert_noop!(
				issue(issuer, ALICE_ID, topics::AML, EXPIRY + DAY),
				Error::<Test>::ClaimRevokedNeedsGovernance
			);
		}
		// Nor once its issuer is no longer trusted.
		assert_ok!(IdentityClaims::remove_trusted_issuer(governance(), PROVIDER));
		assert_noop!(
			issue(RIVAL, ALICE_ID, topics::AML, EXPIRY + DAY),
			Error::<Test>::ClaimRevokedNeedsGovernance
		);
		assert_eq!(Claims::<Test>::get(ALICE_ID, topics::AML), Some(revoked));
		assert_eq!(
			IdentityClaims::check_claim(ALICE_ID, topics::AML, EXPIRY),
			Err(ComplianceError::ClaimRevoked { topic: topics::AML })
		);
	});
}

#[test]
fn governance_clears_a_revoked_claim_then_another_issuer_issues() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::revoke_claim(
			RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::AML
		));
		let revoked = Claims::<Test>::get(ALICE_ID, topics::AML).expect("kept");
		assert_ok!(IdentityClaims::clear_claim(governance(), ALICE_ID, topics::AML));
		System::assert_last_event(
			Event::ClaimCleared {
				identity: ALICE_ID,
				topic: topics::AML,
				claim: revoked,
				by: Actor::Root,
			}
			.into(),
		);
		assert!(!Claims::<Test>::contains_key(ALICE_ID, topics::AML));
		assert_eq!(
			IdentityClaims::can_hold(&ALICE),
			Err(ComplianceError::ClaimMissing { topic: topics::AML })
		);
		// Now any trusted issuer may issue a fresh claim, for free.
		assert!(feeless(RIVAL, ALICE_ID, topics::AML, EXPIRY));
		assert_ok!(issue(RIVAL, ALICE_ID, topics::AML, EXPIRY));
		assert_eq!(
			Claims::<Test>::get(ALICE_ID, topics::AML).map(|claim| claim.issuer),
			Some(RIVAL)
		);
		assert_eq!(IdentityClaims::can_hold(&ALICE), Ok(()));
	});
}

#[test]
fn governance_hands_a_valid_claim_over_to_another_issuer() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_noop!(
			issue(RIVAL, ALICE_ID, topics::KYC, EXPIRY),
			Error::<Test>::ClaimHeldByAnotherIssuer
		);
		assert_ok!(IdentityClaims::clear_claim(governance(), ALICE_ID, topics::KYC));
		assert_ok!(issue(RIVAL, ALICE_ID, topics::KYC, EXPIRY));
		assert_eq!(IdentityClaims::can_mint(&ALICE), Ok(()));
	});
}

#[test]
fn clear_claim_errors() {
	ExtBuilder::verified().build_and_execute(|| {
		// Issuers (the claim's own included), the registrar, holders: not governance.
		for origin in [
			RuntimeOrigin::signed(PROVIDER),
			RuntimeOrigin::signed(RIVAL),
			RuntimeOrigin::signed(ALICE),
			registrar(),
			RuntimeOrigin::none(),
		] {
			assert_noop!(
				IdentityClaims::clear_claim(origin, ALICE_ID, topics::KYC),
				Error::<Test>::NotGovernance
			);
		}
		assert_noop!(
			IdentityClaims::clear_claim(governance(), ALICE_ID, topics::SANCTIONS),
			Error::<Test>::UnknownClaim
		);
		assert_noop!(
			IdentityClaims::clear_claim(governance(), 99, topics::KYC),
			Error::<Test>::UnknownClaim
		);
	});
}

#[test]
fn another_issuer_may_replace_an_expired_claim() {
	ExtBuilder::verified().build_and_execute(|| {
		set_now(EXPIRY - 1);
		assert_noop!(
			issue(RIVAL, ALICE_ID, topics::KYC, EXPIRY + DAY),
			Error::<Test>::ClaimHeldByAnotherIssuer
		);
		// Valid strictly before `expires_at`: at `EXPIRY` it no longer counts.
		set_now(EXPIRY);
		assert!(feeless(RIVAL, ALICE_ID, topics::KYC, EXPIRY + DAY));
		assert_ok!(issue(RIVAL, ALICE_ID, topics::KYC, EXPIRY + DAY));
		let claim = Claims::<Test>::get(ALICE_ID, topics::KYC).expect("issued");
		assert_eq!((claim.issuer, claim.issued_at), (RIVAL, EXPIRY));
	});
}

#[test]
fn another_issuer_may_replace_the_claim_of_an_issuer_no_longer_trusted() {
	ExtBuilder::verified().build_and_execute(|| {
		// Governance stops trusting `PROVIDER` for KYC: its KYC claims no longer count, and
		// its clients may be verified again by another provider without waiting for expiry.
		assert_ok!(IdentityClaims::update_issuer_topics(
			governance(),
			PROVIDER,
			bounded(&[topics::KYB, topics::AML, topics::ACCREDITED])
		));
		assert_noop!(
			issue(RIVAL, ALICE_ID, topics::AML, EXPIRY),
			Error::<Test>::ClaimHeldByAnotherIssuer
		);
		assert_ok!(issue(RIVAL, ALICE_ID, topics::KYC, EXPIRY));
		assert_eq!(IdentityClaims::can_mint(&ALICE), Ok(()));
	});
}

#[test]
fn a_stolen_key_cannot_issue_a_claim_that_outlives_the_maximum_validity() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::register_identity(
			registrar(),
			IdentityKind::Person,
			*b"FR",
			DAVE
		));
		for expires_at in [START + MAX_VALIDITY + 1, Moment::MAX] {
			assert!(!feeless(RIVAL, 3, topics::KYC, expires_at));
			assert_noop!(issue(RIVAL, 3, topics::KYC, expires_at), Error::<Test>::ValidityTooLong);
		}
		// Its own renewals are bounded the same way.
		assert_noop!(
			issue(PROVIDER, ALICE_ID, topics::KYC, START + MAX_VALIDITY + 1),
			Error::<Test>::ValidityTooLong
		);
	});
}
