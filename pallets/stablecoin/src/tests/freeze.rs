//! Freezes, identity freezes, seizures and emergency burns.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::Inspect,
		tokens::{Fortitude, Preservation},
	},
};

#[test]
fn freeze_is_a_ledger_freeze_of_the_whole_balance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("OFAC"), reference(3)));
		System::assert_last_event(
			Event::<Test>::AccountFrozen {
				who: ALICE,
				amount: 10_000 * USD,
				reason: reason("OFAC"),
				case_ref: reference(3),
				identity: None,
				by: actor(OFFICER),
			}
			.into(),
		);
		assert_eq!(Stablecoin::sanctions_frozen(&ALICE), 10_000 * USD);
		// Nothing can leave the account on the ledger: no transfer, no fee payment.
		assert_eq!(
			Balances::reducible_balance(&ALICE, Preservation::Expendable, Fortitude::Polite),
			0
		);
		assert_eq!(Stablecoin::account_status(&ALICE).transferable, 0);
		assert!(Stablecoin::account_status(&ALICE).freeze.is_some());
		assert_noop!(Stablecoin::transfer(signed(ALICE), BOB, USD), Error::<Test>::SenderFrozen);
		assert_noop!(Stablecoin::transfer(signed(BOB), ALICE, USD), Error::<Test>::ReceiverFrozen);
		assert_noop!(
			Stablecoin::request_redemption(signed(ALICE), 1_000 * USD),
			Error::<Test>::HolderFrozen
		);
		assert_noop!(
			Stablecoin::freeze_account(officer(), ALICE, reason("again"), reference(3)),
			Error::<Test>::AlreadyFrozen
		);
		assert_ok!(Stablecoin::unfreeze_account(officer(), ALICE));
		System::assert_last_event(
			Event::<Test>::AccountUnfrozen { who: ALICE, by: actor(OFFICER) }.into(),
		);
		assert_eq!(Stablecoin::sanctions_frozen(&ALICE), 0);
		assert_noop!(Stablecoin::unfreeze_account(officer(), ALICE), Error::<Test>::NotFrozen);
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, USD));
	});
}

#[test]
fn freeze_refusals_and_origins() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Stablecoin::freeze_account(officer(), ALICE, reason(""), reference(3)),
			Error::<Test>::EmptyReason
		);
		for origin in [signed(ALICE), governance(), fiat_desk()] {
			assert_noop!(
				Stablecoin::freeze_account(origin.clone(), ALICE, reason("x"), reference(3)),
				Error::<Test>::NotComplianceOfficer
			);
			assert_noop!(
				Stablecoin::freeze_identity(origin, ALICE_ID, reason("x"), reference(3)),
				Error::<Test>::NotComplianceOfficer
			);
		}
		// An account with no balance can be frozen too (it then refuses incoming funds).
		assert_ok!(Stablecoin::freeze_account(officer(), DAVE, reason("x"), reference(3)));
		assert_noop!(Stablecoin::transfer(signed(BOB), DAVE, USD), Error::<Test>::ReceiverFrozen);
	});
}

#[test]
fn freeze_identity_freezes_every_account() {
	ExtBuilder::default().build_and_execute(|| {
		set_identity(BOB_ID, &[BOB, CHARLIE]);
		assert_ok!(Stablecoin::freeze_account(officer(), CHARLIE, reason("first"), reference(1)));
		assert_ok!(Stablecoin::freeze_identity(officer(), BOB_ID, reason("court"), reference(2)));
		System::assert_last_event(
			Event::<Test>::IdentityFrozen { identity: BOB_ID, accounts: 1, by: actor(OFFICER) }
				.into(),
		);
		assert!(Stablecoin::is_frozen(&BOB));
		assert_eq!(FrozenAccounts::<Test>::get(BOB).unwrap().identity, Some(BOB_ID));
		assert_eq!(FrozenAccounts::<Test>::get(CHARLIE).unwrap().identity, None);
		assert_noop!(
			Stablecoin::freeze_identity(officer(), BOB_ID, reason("court"), reference(2)),
			Error::<Test>::AlreadyFrozen
		);
		assert_noop!(
			Stablecoin::freeze_identity(officer(), 77, reason("court"), reference(2)),
			Error::<Test>::UnknownIdentity
		);
		let many: Vec<u64> = (1_000..1_000 + MAX_ACCOUNTS_PER_IDENTITY_FREEZE as u64 + 1).collect();
		set_identity(9, &many);
		assert_noop!(
			Stablecoin::freeze_identity(officer(), 9, reason("court"), reference(2)),
			Error::<Test>::TooManyAccounts
		);
		assert_noop!(
			Stablecoin::freeze_identity(officer(), BOB_ID, reason(""), reference(2)),
			Error::<Test>::EmptyReason
		);
	});
}

#[test]
fn seize_burns_or_moves_to_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Stablecoin::seize(governance(), ALICE, SeizeTo::Burn, reference(4)),
			Error::<Test>::NotFrozen
		);
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("x"), reference(1)));
		assert_ok!(Stablecoin::freeze_account(officer(), BOB, reason("x"), reference(1)));
		let before = issuance();
		assert_ok!(Stablecoin::seize(governance(), ALICE, SeizeTo::Burn, reference(4)));
		System::assert_last_event(
			Event::<Test>::Seized {
				who: ALICE,
				amount: 10_000 * USD,
				destination: SeizeTo::Burn,
				order_ref: reference(4),
				by: actor(GOVERNOR),
			}
			.into(),
		);
		assert_eq!(issuance(), before - 10_000 * USD);
		assert_eq!(TotalBurned::<Test>::get(), 10_000 * USD);
		assert!(Stablecoin::is_frozen(&ALICE));
		assert_noop!(
			Stablecoin::seize(governance(), ALICE, SeizeTo::Burn, reference(4)),
			Error::<Test>::NothingToSeize
		);
		assert_ok!(Stablecoin::seize(governance(), BOB, SeizeTo::Treasury, reference(5)));
		assert_eq!(balance(TREASURY), 11_000 * USD);
		assert_eq!(balance(BOB), 0);
		assert_eq!(issuance(), before - 10_000 * USD);
		for origin in [signed(ALICE), officer(), fiat_desk()] {
			assert_noop!(
				Stablecoin::seize(origin, CHARLIE, SeizeTo::Burn, reference(4)),
				Error::<Test>::NotGovernance
			);
		}
	});
}

#[test]
fn emergency_burn_from_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::emergency_burn(governance(), 400 * USD));
		System::assert_last_event(
			Event::<Test>::EmergencyBurned { amount: 400 * USD, by: actor(GOVERNOR) }.into(),
		);
		assert_eq!(balance(TREASURY), 600 * USD);
		assert_eq!(TotalBurned::<Test>::get(), 400 * USD);
		assert_noop!(
			Stablecoin::emergency_burn(governance(), 601 * USD),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(Stablecoin::emergency_burn(governance(), 0), Error::<Test>::ZeroAmount);
		assert_noop!(Stablecoin::emergency_burn(officer(), USD), Error::<Test>::NotGovernance);
	});
}

#[test]
fn frozen_fee_account_stays_fully_frozen_when_fees_arrive() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::freeze_account(officer(), FEE, reason("x"), reference(1)));
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		assert_ok!(Stablecoin::request_mint(signed(BOB), 1_000 * USD, MintTier::Standard));
		assert_ok!(fund(1, reference(2)));
		assert_eq!(Stablecoin::sanctions_frozen(&FEE), 3 * USD);
	});
}

#[test]
fn a_compliance_officer_cannot_freeze_a_role_holder() {
	ExtBuilder::default().build_and_execute(|| {
		for role in [GOVERNOR, FIAT_DESK, FIAT_DESK_2, FIAT_DESK_3, OFFICER] {
			assert_noop!(
				Stablecoin::freeze_account(officer(), role, reason("rogue"), reference(1)),
				Error::<Test>::ProtectedAccount
			);
		}
		// Nor through an identity that holds a role.
		set_identity(BOB_ID, &[BOB, GOVERNOR]);
		assert_noop!(
			Stablecoin::freeze_identity(officer(), BOB_ID, reason("rogue"), reference(1)),
			Error::<Test>::ProtectedAccount
		);
		assert!(!Stablecoin::is_frozen(&BOB));
		// Holders are still frozen as before.
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("sanctions"), reference(1)));
	});
}

#[test]
fn governance_overrules_a_freeze_of_an_account_or_an_identity() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("mistake"), reference(1)));
		assert_ok!(Stablecoin::unfreeze_account(governance(), ALICE));
		System::assert_last_event(
			Event::<Test>::AccountUnfrozen { who: ALICE, by: actor(GOVERNOR) }.into(),
		);
		assert!(!Stablecoin::is_frozen(&ALICE));
		assert_eq!(Stablecoin::sanctions_frozen(&ALICE), 0);
		assert_noop!(Stablecoin::unfreeze_account(governance(), ALICE), Error::<Test>::NotFrozen);
		for origin in [signed(ALICE), fiat_desk()] {
			assert_noop!(
				Stablecoin::unfreeze_account(origin, ALICE),
				Error::<Test>::NotComplianceOfficerOrGovernance
			);
		}

		assert_ok!(Stablecoin::freeze_identity(officer(), BOB_ID, reason("court"), reference(2)));
		for origin in [signed(BOB), fiat_desk()] {
			assert_noop!(
				Stablecoin::unfreeze_identity(origin, BOB_ID),
				Error::<Test>::NotComplianceOfficerOrGovernance
			);
		}
		assert_noop!(
			Stablecoin::unfreeze_identity(governance(), 77),
			Error::<Test>::UnknownIdentity
		);
		assert_ok!(Stablecoin::unfreeze_identity(governance(), BOB_ID));
		System::assert_last_event(
			Event::<Test>::IdentityUnfrozen { identity: BOB_ID, accounts: 2, by: actor(GOVERNOR) }
				.into(),
		);
		assert!(!Stablecoin::is_frozen(&BOB) && !Stablecoin::is_frozen(&CHARLIE));
		assert_noop!(Stablecoin::unfreeze_identity(officer(), BOB_ID), Error::<Test>::NotFrozen);
		// The officer may unfreeze an identity too.
		assert_ok!(Stablecoin::freeze_identity(officer(), BOB_ID, reason("court"), reference(2)));
		assert_ok!(Stablecoin::unfreeze_identity(officer(), BOB_ID));
		let many: Vec<u64> = (1_000..1_000 + MAX_ACCOUNTS_PER_IDENTITY_FREEZE as u64 + 1).collect();
		set_identity(9, &many);
		assert_noop!(
			Stablecoin::unfreeze_identity(governance(), 9),
			Error::<Test>::TooManyAccounts
		);
	});
}

#[test]
fn governance_sweeps_fee_revenue_to_the_treasury_or_burns_it() {
	ExtBuilder::default().build_and_execute(|| {
		let ed = <Balances as frame_support::traits::fungible::Inspect<u64>>::minimum_balance();
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		// The fee account holds 1 USD from genesis plus the 1 USD fee.
		assert_eq!(balance(FEE), 2 * USD);
		for origin in [signed(ALICE), fiat_desk(), officer()] {
			assert_noop!(
				Stablecoin::sweep_fees(origin, SweepTo::Treasury),
				Error::<Test>::NotGovernance
			);
		}
		let treasury = balance(TREASURY);
		assert_ok!(Stablecoin::sweep_fees(governance(), SweepTo::Treasury));
		System::assert_last_event(
			Event::<Test>::FeesSwept {
				amount: 2 * USD - ed,
				destination: SweepTo::Treasury,
				by: actor(GOVERNOR),
			}
			.into(),
		);
		assert_eq!(balance(FEE), ed, "the fee account stays alive");
		assert_eq!(balance(TREASURY), treasury + 2 * USD - ed);
		assert_noop!(
			Stablecoin::sweep_fees(governance(), SweepTo::Burn),
			Error::<Test>::NothingToSweep
		);
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		let before = issuance();
		let burned = TotalBurned::<Test>::get();
		assert_ok!(Stablecoin::sweep_fees(governance(), SweepTo::Burn));
		assert_eq!(issuance(), before - USD);
		assert_eq!(TotalBurned::<Test>::get(), burned + USD);
		assert_eq!(balance(FEE), ed);
	});
}

#[test]
fn the_fee_account_exists_from_genesis() {
	ExtBuilder::default().without_fee_account().build_and_execute(|| {
		let ed = <Balances as frame_support::traits::fungible::Inspect<u64>>::minimum_balance();
		assert_eq!(balance(FEE), ed);
		assert_eq!(GenesisSupply::<Test>::get(), issuance());
	});
}

#[test]
fn a_frozen_signers_transaction_is_refused_with_a_validity_error_that_says_so() {
	use frame_support::dispatch::DispatchInfo;
	use sp_runtime::{
		traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
		transaction_validity::{InvalidTransaction, TransactionSource},
	};
	ExtBuilder::default().build_and_execute(|| {
		let call: RuntimeCall = Call::<Test>::transfer { dest: BOB, amount: USD }.into();
		let info = DispatchInfo::default();
		let check = |who: u64| {
			RefuseFrozenSigner::<Test>::new().validate_only(
				Some(who).into(),
				&call,
				&info,
				0,
				TransactionSource::External,
				0,
			)
		};
		assert!(check(ALICE).is_ok());
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("sanctions"), reference(1)));
		assert_eq!(
			check(ALICE).map(|_| ()),
			Err(InvalidTransaction::Custom(ACCOUNT_FROZEN).into())
		);
		// Others, and unsigned transactions, are not affected.
		assert!(check(BOB).is_ok());
		assert!(RefuseFrozenSigner::<Test>::new()
			.validate(
				None.into(),
				&call,
				&info,
				0,
				(),
				&TxBaseImplication(&call),
				TransactionSource::External
			)
			.is_ok());
		assert_ok!(Stablecoin::unfreeze_account(officer(), ALICE));
		assert!(check(ALICE).is_ok());
	});
}
