//! The kept compliance status ([`ComplianceStatuses`]): a payment's check reads one item per
//! party, and the answer flips at the exact moment a claim expires, is revoked or cleared,
//! its issuer is removed or the rules change.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{topics, Compliance, ComplianceError, Operation};

/// The kept status of `who`, if it is current.
fn kept(who: u64) -> Option<ComplianceStatus> {
	IdentityClaims::current_status(&who)
}

#[test]
fn every_linked_account_starts_with_a_current_status() {
	ExtBuilder::verified().build_and_execute(|| {
		// A person's first required topic is KYC, a business's KYB; all expire together.
		for (who, identity, first) in [
			(ALICE, ALICE_ID, topics::KYC),
			(BOB, BOB_ID, topics::KYB),
			(CHARLIE, BOB_ID, topics::KYB),
		] {
			let status = kept(who).expect("kept from genesis");
			assert_eq!(status.identity, identity);
			assert_eq!(status.verdict(Operation::Send).expires, Some((EXPIRY, first)));
			assert_eq!(status.verdict(Operation::Send).outcome, Ok(None));
		}
		assert!(!ComplianceStatuses::<Test>::contains_key(DAVE));
	});
}

#[test]
fn operations_index_their_verdicts_in_declaration_order() {
	for (index, operation) in Operation::ALL.iter().enumerate() {
		assert_eq!(*operation as usize, index);
	}
}

#[test]
fn the_kept_answer_flips_at_the_exact_moment_a_claim_expires() {
	ExtBuilder::verified().build_and_execute(|| {
		// Alice's AML claim is renewed to expire a day later than her KYC claim.
		assert_ok!(IdentityClaims::issue_claim(
			RuntimeOrigin::signed(PROVIDER),
			ALICE_ID,
			topics::AML,
			EXPIRY + DAY,
			evidence(9)
		));
		let status = kept(ALICE).expect("refreshed by the renewal");
		assert_eq!(status.verdict(Operation::Send).expires, Some((EXPIRY, topics::KYC)));

		set_now(EXPIRY - 1);
		assert_eq!(IdentityClaims::check_amount(&ALICE, Operation::Send, 5), Ok(()));
		set_now(EXPIRY);
		assert_eq!(
			IdentityClaims::check_amount(&ALICE, Operation::Send, 5),
			Err(ComplianceError::ClaimExpired { topic: topics::KYC })
		);
		// The recomputed status no longer relies on the expired claim.
		let status = kept(ALICE).expect("recomputed on use");
		assert_eq!(
			status.verdict(Operation::Send).outcome,
			Err(ComplianceError::ClaimExpired { topic: topics::KYC })
		);
		assert_eq!(
			IdentityClaims::check(&ALICE, Operation::Send),
			IdentityClaims::check_operation(&ALICE, Operation::Send)
		);
	});
}

#[test]
fn a_revocation_or_a_clearing_refuses_at_once_on_every_account() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::revoke_claim(
			RuntimeOrigin::signed(PROVIDER),
			BOB_ID,
			topics::AML
		));
		for who in [BOB, CHARLIE] {
			assert_eq!(
				kept(who).map(|status| status.verdict(Operation::Send).outcome),
				Some(Err(ComplianceError::ClaimRevoked { topic: topics::AML }))
			);
			assert_eq!(
				IdentityClaims::can_send(&who),
				Err(ComplianceError::ClaimRevoked { topic: topics::AML })
			);
		}
		assert_ok!(IdentityClaims::clear_claim(governance(), BOB_ID, topics::AML));
		assert_eq!(
			IdentityClaims::can_hold(&CHARLIE),
			Err(ComplianceError::ClaimMissing { topic: topics::AML })
		);
		assert_ok!(IdentityClaims::issue_claim(
			RuntimeOrigin::signed(PROVIDER),
			BOB_ID,
			topics::AML,
			EXPIRY,
			evidence(3)
		));
		assert_eq!(IdentityClaims::can_hold(&CHARLIE), Ok(()));
	});
}

#[test]
fn removing_an_issuer_makes_every_status_stale_at_once() {
	ExtBuilder::verified().build_and_execute(|| {
		let epoch = RulesEpoch::<Test>::get();
		assert_ok!(IdentityClaims::remove_trusted_issuer(governance(), PROVIDER));
		assert_eq!(RulesEpoch::<Test>::get(), epoch + 1);
		// No status was touched, and none is used any more.
		assert!(ComplianceStatuses::<Test>::contains_key(ALICE));
		assert_eq!(kept(ALICE), None);
		assert_eq!(
			IdentityClaims::can_send(&ALICE),
			Err(ComplianceError::IssuerNotTrusted { topic: topics::KYC })
		);
		// The check recomputed Alice's status under the new rules.
		assert_eq!(kept(ALICE).map(|status| status.epoch), Some(epoch + 1));
		// Trusting the issuer again makes its claims count again, at once.
		assert_ok!(IdentityClaims::add_trusted_issuer(
			governance(),
			PROVIDER,
			bounded(&[topics::KYC, topics::KYB, topics::AML, topics::ACCREDITED])
		));
		assert_eq!(kept(ALICE), None);
		assert_eq!(IdentityClaims::can_send(&ALICE), Ok(()));
	});
}

#[test]
fn every_rule_change_advances_the_epoch() {
	ExtBuilder::verified().build_and_execute(|| {
		let changes: Vec<Box<dyn Fn() -> DispatchResult>> = vec![
			Box::new(|| IdentityClaims::block_jurisdiction(governance(), *b"FR")),
			Box::new(|| IdentityClaims::unblock_jurisdiction(governance(), *b"FR")),
			Box::new(|| {
				IdentityClaims::set_required_topics(
					governance(),
					Operation::Send,
					IdentityKind::Person,
					bounded(&[topics::KYC]),
				)
			}),
			Box::new(|| {
				IdentityClaims::set_jurisdiction_rule(
					governance(),
					*b"FR",
					Operation::Send,
					Some(JurisdictionRule { extra_topics: bounded(&[]), max_amount: Some(10) }),
				)
			}),
			Box::new(|| {
				IdentityClaims::update_issuer_topics(
					governance(),
					SCREENER,
					bounded(&[topics::AML]),
				)
			}),
			Box::new(|| IdentityClaims::retire_topic(governance(), topics::ACCREDITED)),
		];
		for change in changes {
			let epoch = RulesEpoch::<Test>::get();
			assert_ok!(change());
			assert_eq!(RulesEpoch::<Test>::get(), epoch + 1);
			assert_eq!(kept(ALICE), None);
			// The next check recomputes, and agrees with the full check.
			for operation in Operation::ALL {
				assert_eq!(
					IdentityClaims::check_amount(&ALICE, operation, 11),
					IdentityClaims::check_operation_amount(&ALICE, operation, Some(11))
				);
			}
		}
		// The French limit of 10 now binds Alice's payments.
		assert_eq!(
			IdentityClaims::check_amount(&ALICE, Operation::Send, 11),
			Err(ComplianceError::AboveJurisdictionLimit)
		);
		assert_eq!(IdentityClaims::check_amount(&ALICE, Operation::Send, 10), Ok(()));
	});
}

#[test]
fn linking_unlinking_and_deleting_keep_statuses_for_linked_accounts_only() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::add_account(registrar(), ALICE_ID, DAVE));
		assert_eq!(kept(DAVE).map(|status| status.identity), Some(ALICE_ID));
		assert_eq!(IdentityClaims::can_send(&DAVE), Ok(()));
		assert_ok!(IdentityClaims::remove_account(registrar(), DAVE));
		assert!(!ComplianceStatuses::<Test>::contains_key(DAVE));
		assert_eq!(IdentityClaims::can_send(&DAVE), Err(ComplianceError::NoIdentity));

		assert_ok!(IdentityClaims::update_identity(
			registrar(),
			BOB_ID,
			IdentityKind::Person,
			*b"DE"
		));
		// A person needs KYC, which Bob's identity does not hold.
		assert_eq!(
			kept(CHARLIE).map(|status| status.verdict(Operation::Hold).outcome),
			Some(Err(ComplianceError::ClaimMissing { topic: topics::KYC }))
		);
		assert_ok!(IdentityClaims::delete_identity(registrar(), BOB_ID));
		assert!(!ComplianceStatuses::<Test>::contains_key(BOB));
		assert!(!ComplianceStatuses::<Test>::contains_key(CHARLIE));
	});
}

#[test]
fn anyone_may_refresh_statuses_ahead_of_use() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::block_jurisdiction(governance(), *b"DE"));
		assert_eq!(kept(BOB), None);
		assert_noop!(
			IdentityClaims::refresh_compliance(RuntimeOrigin::signed(EVE), bounded_accounts(&[])),
			Error::<Test>::NothingToRefresh
		);
		assert_noop!(
			IdentityClaims::refresh_compliance(governance(), bounded_accounts(&[BOB])),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(IdentityClaims::refresh_compliance(
			RuntimeOrigin::signed(EVE),
			bounded_accounts(&[BOB, CHARLIE, DAVE])
		));
		System::assert_last_event(
			Event::ComplianceRefreshed { accounts: 3, unlinked: 1, by: EVE }.into(),
		);
		for who in [BOB, CHARLIE] {
			assert_eq!(
				kept(who).map(|status| status.verdict(Operation::Hold).outcome),
				Some(Err(ComplianceError::JurisdictionBlocked))
			);
		}
		assert!(!ComplianceStatuses::<Test>::contains_key(DAVE));
	});
}

fn bounded_accounts(accounts: &[u64]) -> BoundedVec<u64, ConstU32<MAX_REFRESH_ACCOUNTS>> {
	accounts.to_vec().try_into().expect("within bounds")
}

use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use sp_runtime::DispatchResult;
