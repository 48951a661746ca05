//! The read helpers behind the runtime API.

use crate::{mock::*, *};
use frame_support::assert_ok;
use stablecoin_primitives::{topics, ComplianceError, Operation};

#[test]
fn account_status_of_a_verified_holder() {
	ExtBuilder::verified().build_and_execute(|| {
		let status = IdentityClaims::account_status(&ALICE);
		assert_eq!(
			status.identity,
			Some(IdentityView {
				id: ALICE_ID,
				kind: IdentityKind::Person,
				jurisdiction: *b"FR",
				accounts: vec![ALICE],
				created_at: 0,
			})
		);
		let topics_and_status: Vec<_> =
			status.claims.iter().map(|view| (view.topic, view.status)).collect();
		assert_eq!(
			topics_and_status,
			vec![(topics::KYC, ClaimStatus::Valid), (topics::AML, ClaimStatus::Valid)]
		);
		assert_eq!(status.claims[0].claim.issuer, PROVIDER);
		assert_eq!(
			status.operations,
			vec![
				OperationStatus { operation: Operation::Hold, result: Ok(()) },
				OperationStatus { operation: Operation::Send, result: Ok(()) },
				OperationStatus { operation: Operation::Mint, result: Ok(()) },
				OperationStatus { operation: Operation::Redeem, result: Ok(()) },
				OperationStatus {
					operation: Operation::BulkMint,
					result: Err(ComplianceError::ClaimMissing { topic: topics::ACCREDITED }),
				},
			]
		);
		assert_eq!(IdentityClaims::identity_of(&CHARLIE).map(|view| view.id), Some(BOB_ID));
	});
}

#[test]
fn claims_say_why_they_do_not_count() {
	ExtBuilder::verified()
		.claim(BOB_ID, topics::SANCTIONS, SCREENER, START + DAY)
		.build_and_execute(|| {
			assert_ok!(IdentityClaims::revoke_claim(
				RuntimeOrigin::signed(PROVIDER),
				BOB_ID,
				topics::AML
			));
			assert_ok!(IdentityClaims::update_issuer_topics(
				governance(),
				PROVIDER,
				bounded(&[topics::KYC, topics::AML, topics::ACCREDITED])
			));
			assert_ok!(IdentityClaims::retire_topic(governance(), topics::ACCREDITED));
			set_now(START + DAY);
			let status: Vec<_> = IdentityClaims::account_status(&BOB)
				.claims
				.iter()
				.map(|view| (view.topic, view.status))
				.collect();
			assert_eq!(
				status,
				vec![
					(topics::KYB, ClaimStatus::IssuerNotTrusted),
					(topics::AML, ClaimStatus::Revoked),
					(topics::SANCTIONS, ClaimStatus::Expired),
					(topics::ACCREDITED, ClaimStatus::TopicRetired),
				]
			);
			assert!(IdentityClaims::valid_claims_of(&BOB).is_empty());
		});
}

#[test]
fn an_unknown_account_has_no_status() {
	ExtBuilder::verified().build_and_execute(|| {
		let status = IdentityClaims::account_status(&DAVE);
		assert_eq!(status.identity, None);
		assert!(status.claims.is_empty());
		assert_eq!(status.operations.len(), Operation::ALL.len());
		assert!(status.operations.iter().all(|op| op.result == Err(ComplianceError::NoIdentity)));
		assert!(IdentityClaims::valid_claims_of(&DAVE).is_empty());
	});
}

#[test]
fn identity_accounts_lists_every_account_of_a_client() {
	use stablecoin_primitives::IdentityAccounts;
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::add_account(registrar(), ALICE_ID, DAVE));
		assert_eq!(
			<IdentityClaims as IdentityAccounts<u64>>::identity_id_of(&DAVE),
			Some(ALICE_ID)
		);
		assert_eq!(
			<IdentityClaims as IdentityAccounts<u64>>::accounts_of(ALICE_ID),
			vec![ALICE, DAVE]
		);
		assert_eq!(<IdentityClaims as IdentityAccounts<u64>>::identity_id_of(&MALLORY), None);
		assert!(<IdentityClaims as IdentityAccounts<u64>>::accounts_of(99).is_empty());
	});
}
