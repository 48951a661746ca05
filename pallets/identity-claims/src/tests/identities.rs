//! Registering, updating and deleting identities; linking and unlinking accounts.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{topics, Actor, Compliance, ComplianceError};

#[test]
fn register_identity_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(IdentityClaims::register_identity(
			registrar(),
			IdentityKind::Person,
			*b"FR",
			ALICE
		));
		System::assert_last_event(
			Event::IdentityRegistered {
				identity: 1,
				kind: IdentityKind::Person,
				jurisdiction: *b"FR",
				account: ALICE,
				by: Actor::Signed(REGISTRAR),
			}
			.into(),
		);
		assert_eq!(AccountIdentity::<Test>::get(ALICE), Some(1));
		let info = Identities::<Test>::get(1).expect("registered");
		assert_eq!(info.kind, IdentityKind::Person);
		assert_eq!(info.jurisdiction, *b"FR");
		assert_eq!(info.accounts.to_vec(), vec![ALICE]);
		assert_eq!(info.created_at, START);
		assert_eq!(NextIdentityId::<Test>::get(), 2);
		assert_eq!(IdentityCount::<Test>::get(), 1);

		assert_ok!(IdentityClaims::register_identity(
			registrar(),
			IdentityKind::Business,
			*b"DE",
			BOB
		));
		assert_eq!(AccountIdentity::<Test>::get(BOB), Some(2));
		assert_eq!(IdentityCount::<Test>::get(), 2);
	});
}

#[test]
fn register_identity_requires_the_registrar() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [RuntimeOrigin::signed(ALICE), governance(), RuntimeOrigin::none()] {
			assert_noop!(
				IdentityClaims::register_identity(origin, IdentityKind::Person, *b"FR", ALICE),
				Error::<Test>::NotRegistrar
			);
		}
	});
}

#[test]
fn register_identity_refuses_a_linked_account() {
	ExtBuilder::verified().build_and_execute(|| {
		for account in [ALICE, CHARLIE] {
			assert_noop!(
				IdentityClaims::register_identity(
					registrar(),
					IdentityKind::Person,
					*b"FR",
					account
				),
				Error::<Test>::AccountTaken
			);
		}
	});
}

#[test]
fn register_identity_refuses_an_invalid_jurisdiction() {
	ExtBuilder::default().build_and_execute(|| {
		for code in [*b"fr", *b"F1", [0, 0], *b"  "] {
			assert_noop!(
				IdentityClaims::register_identity(registrar(), IdentityKind::Person, code, ALICE),
				Error::<Test>::InvalidJurisdiction
			);
		}
	});
}

#[test]
fn add_account_works() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::add_account(registrar(), ALICE_ID, DAVE));
		System::assert_last_event(
			Event::AccountAdded { identity: ALICE_ID, account: DAVE, by: Actor::Signed(REGISTRAR) }
				.into(),
		);
		assert_eq!(AccountIdentity::<Test>::get(DAVE), Some(ALICE_ID));
		assert_eq!(
			Identities::<Test>::get(ALICE_ID).expect("exists").accounts.to_vec(),
			vec![ALICE, DAVE]
		);
		// The new account shares the identity's claims at once.
		assert_eq!(IdentityClaims::can_mint(&DAVE), Ok(()));
	});
}

#[test]
fn add_account_errors() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_noop!(
			IdentityClaims::add_account(RuntimeOrigin::signed(ALICE), ALICE_ID, DAVE),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			IdentityClaims::add_account(registrar(), 99, DAVE),
			Error::<Test>::UnknownIdentity
		);
		// Already linked: to another identity, or to this one.
		assert_noop!(
			IdentityClaims::add_account(registrar(), ALICE_ID, BOB),
			Error::<Test>::AccountTaken
		);
		assert_noop!(
			IdentityClaims::add_account(registrar(), ALICE_ID, ALICE),
			Error::<Test>::AccountTaken
		);
		// MaxAccountsPerIdentity is 4 in the mock.
		for account in [20, 21, 22] {
			assert_ok!(IdentityClaims::add_account(registrar(), ALICE_ID, account));
		}
		assert_noop!(
			IdentityClaims::add_account(registrar(), ALICE_ID, 23),
			Error::<Test>::TooManyAccounts
		);
	});
}

#[test]
fn remove_account_works() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::remove_account(registrar(), CHARLIE));
		System::assert_last_event(
			Event::AccountRemoved {
				identity: BOB_ID,
				account: CHARLIE,
				by: Actor::Signed(REGISTRAR),
			}
			.into(),
		);
		assert_eq!(AccountIdentity::<Test>::get(CHARLIE), None);
		assert_eq!(Identities::<Test>::get(BOB_ID).expect("exists").accounts.to_vec(), vec![BOB]);
		assert_eq!(IdentityClaims::can_hold(&CHARLIE), Err(ComplianceError::NoIdentity));
		assert_eq!(IdentityClaims::can_hold(&BOB), Ok(()));
	});
}

#[test]
fn remove_account_errors() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_noop!(
			IdentityClaims::remove_account(governance(), CHARLIE),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			IdentityClaims::remove_account(registrar(), DAVE),
			Error::<Test>::UnknownAccount
		);
		assert_noop!(
			IdentityClaims::remove_account(registrar(), ALICE),
			Error::<Test>::LastAccount
		);
	});
}

#[test]
fn a_wallet_can_be_rotated() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::add_account(registrar(), ALICE_ID, DAVE));
		assert_ok!(IdentityClaims::remove_account(registrar(), ALICE));
		assert_eq!(IdentityClaims::can_mint(&DAVE), Ok(()));
		assert_eq!(IdentityClaims::can_mint(&ALICE), Err(ComplianceError::NoIdentity));
		// The old account may now join another identity.
		assert_ok!(IdentityClaims::add_account(registrar(), BOB_ID, ALICE));
	});
}

#[test]
fn update_identity_works() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_ok!(IdentityClaims::update_identity(
			registrar(),
			ALICE_ID,
			IdentityKind::Business,
			*b"BE"
		));
		System::assert_last_event(
			Event::IdentityUpdated {
				identity: ALICE_ID,
				old_kind: IdentityKind::Person,
				kind: IdentityKind::Business,
				old_jurisdiction: *b"FR",
				jurisdiction: *b"BE",
				by: Actor::Signed(REGISTRAR),
			}
			.into(),
		);
		let info = Identities::<Test>::get(ALICE_ID).expect("exists");
		assert_eq!((info.kind, info.jurisdiction), (IdentityKind::Business, *b"BE"));
		// Rules are per kind: as a business, Alice now needs a KYB claim.
		assert_eq!(
			IdentityClaims::can_hold(&ALICE),
			Err(ComplianceError::ClaimMissing { topic: topics::KYB })
		);
	});
}

#[test]
fn update_identity_errors() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_noop!(
			IdentityClaims::update_identity(
				RuntimeOrigin::signed(ALICE),
				ALICE_ID,
				IdentityKind::Person,
				*b"US"
			),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			IdentityClaims::update_identity(registrar(), 99, IdentityKind::Person, *b"US"),
			Error::<Test>::UnknownIdentity
		);
		assert_noop!(
			IdentityClaims::update_identity(registrar(), ALICE_ID, IdentityKind::Person, *b"us"),
			Error::<Test>::InvalidJurisdiction
		);
	});
}

#[test]
fn delete_identity_removes_accounts_and_claims() {
	ExtBuilder::verified().build_and_execute(|| {
		let post = IdentityClaims::delete_identity(registrar(), BOB_ID).expect("deleted");
		// Charged for the maximum, refunded to two accounts and three claims.
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::delete_identity(2, 3)));
		System::assert_last_event(
			Event::IdentityDeleted {
				identity: BOB_ID,
				accounts: 2,
				claims: 3,
				by: Actor::Signed(REGISTRAR),
			}
			.into(),
		);
		assert!(!Identities::<Test>::contains_key(BOB_ID));
		assert_eq!(AccountIdentity::<Test>::get(BOB), None);
		assert_eq!(AccountIdentity::<Test>::get(CHARLIE), None);
		assert_eq!(Claims::<Test>::iter_prefix(BOB_ID).count(), 0);
		assert_eq!(IdentityCount::<Test>::get(), 1);
		assert_eq!(IdentityClaims::can_hold(&BOB), Err(ComplianceError::NoIdentity));
		// Alice is untouched.
		assert_eq!(Claims::<Test>::iter_prefix(ALICE_ID).count(), 2);
		assert_eq!(IdentityClaims::can_hold(&ALICE), Ok(()));
	});
}

#[test]
fn delete_identity_errors() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_noop!(
			IdentityClaims::delete_identity(RuntimeOrigin::signed(BOB), BOB_ID),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			IdentityClaims::delete_identity(registrar(), 99),
			Error::<Test>::UnknownIdentity
		);
	});
}

#[test]
fn identity_ids_are_never_reused() {
	ExtBuilder::verified().build_and_execute(|| {
		assert_eq!(NextIdentityId::<Test>::get(), 3);
		assert_ok!(IdentityClaims::delete_identity(registrar(), BOB_ID));
		assert_ok!(IdentityClaims::register_identity(
			registrar(),
			IdentityKind::Business,
			*b"DE",
			BOB
		));
		assert_eq!(AccountIdentity::<Test>::get(BOB), Some(3));
		// The old claims did not come back with the account.
		assert_eq!(
			IdentityClaims::can_hold(&BOB),
			Err(ComplianceError::ClaimMissing { topic: topics::KYB })
		);
	});
}
