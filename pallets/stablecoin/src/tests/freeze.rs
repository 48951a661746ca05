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
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("OFAC"), order(3), None));
		System::assert_last_event(
			Event::<Test>::AccountFrozen {
				who: ALICE,
				amount: 10_000 * USD,
				reason: reason("OFAC"),
				order: order(3),
				expires_at: None,
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
			Stablecoin::freeze_account(officer(), ALICE, reason("again"), order(3), None),
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
			Stablecoin::freeze_account(officer(), ALICE, reason(""), order(3), None),
			Error::<Test>::EmptyReason
		);
		for origin in [signed(ALICE), governance(), fiat_desk()] {
			assert_noop!(
				Stablecoin::freeze_account(origin.clone(), ALICE, reason("x"), order(3), None),
				Error::<Test>::NotComplianceOfficer
			);
			assert_noop!(
				Stablecoin::freeze_identity(origin, ALICE_ID, reason("x"), order(3), None),
				Error::<Test>::NotComplianceOfficer
			);
		}
		// An account with no balance can be frozen too (it then refuses incoming funds).
		assert_ok!(Stablecoin::freeze_account(officer(), DAVE, reason("x"), order(3), None));
		assert_noop!(Stablecoin::transfer(signed(BOB), DAVE, USD), Error::<Test>::ReceiverFrozen);
	});
}

#[test]
fn freeze_identity_freezes_every_account() {
	ExtBuilder::default().build_and_execute(|| {
		set_identity(BOB_ID, &[BOB, CHARLIE]);
		assert_ok!(Stablecoin::freeze_account(officer(), CHARLIE, reason("first"), order(1), None));
		assert_ok!(Stablecoin::freeze_identity(officer(), BOB_ID, reason("court"), order(2), None));
		System::assert_last_event(
			Event::<Test>::IdentityFrozen { identity: BOB_ID, accounts: 1, by: actor(OFFICER) }
				.into(),
		);
		assert!(Stablecoin::is_frozen(&BOB));
		assert_eq!(FrozenAccounts::<Test>::get(BOB).unwrap().identity, Some(BOB_ID));
		assert_eq!(FrozenAccounts::<Test>::get(CHARLIE).unwrap().identity, None);
		assert_noop!(
			Stablecoin::freeze_identity(officer(), BOB_ID, reason("court"), order(2), None),
			Error::<Test>::AlreadyFrozen
		);
		assert_noop!(
			Stablecoin::freeze_identity(officer(), 77, reason("court"), order(2), None),
			Error::<Test>::UnknownIdentity
		);
		let many: Vec<u64> = (1_000..1_000 + MAX_ACCOUNTS_PER_IDENTITY_FREEZE as u64 + 1).collect();
		set_identity(9, &many);
		assert_noop!(
			Stablecoin::freeze_identity(officer(), 9, reason("court"), order(2), None),
			Error::<Test>::TooManyAccounts
		);
		assert_noop!(
			Stablecoin::freeze_identity(officer(), BOB_ID, reason(""), order(2), None),
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
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("x"), order(1), None));
		assert_ok!(Stablecoin::freeze_account(officer(), BOB, reason("x"), order(1), None));
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
		assert_ok!(Stablecoin::freeze_account(officer(), FEE, reason("x"), order(1), None));
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
				Stablecoin::freeze_account(officer(), role, reason("rogue"), order(1), None),
				Error::<Test>::ProtectedAccount
			);
		}
		// Nor through an identity that holds a role.
		set_identity(BOB_ID, &[BOB, GOVERNOR]);
		assert_noop!(
			Stablecoin::freeze_identity(officer(), BOB_ID, reason("rogue"), order(1), None),
			Error::<Test>::ProtectedAccount
		);
		assert!(!Stablecoin::is_frozen(&BOB));
		// Holders are still frozen as before.
		assert_ok!(Stablecoin::freeze_account(
			officer(),
			ALICE,
			reason("sanctions"),
			order(1),
			None
		));
	});
}

#[test]
fn governance_overrules_a_freeze_of_an_account_or_an_identity() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("mistake"), order(1), None));
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

		assert_ok!(Stablecoin::freeze_identity(officer(), BOB_ID, reason("court"), order(2), None));
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
		assert_ok!(Stablecoin::freeze_identity(officer(), BOB_ID, reason("court"), order(2), None));
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
		assert_ok!(Stablecoin::freeze_account(
			officer(),
			ALICE,
			reason("sanctions"),
			order(1),
			None
		));
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

#[test]
fn a_freeze_carries_its_legal_order_and_lifts_by_itself_at_its_expiry() {
	ExtBuilder::default().build_and_execute(|| {
		let expiry = START + 3 * DAY + 1;
		assert_ok!(Stablecoin::freeze_account(
			officer(),
			ALICE,
			reason("court order"),
			order(7),
			Some(expiry)
		));
		System::assert_last_event(
			Event::<Test>::AccountFrozen {
				who: ALICE,
				amount: 10_000 * USD,
				reason: reason("court order"),
				order: order(7),
				expires_at: Some(expiry),
				identity: None,
				by: actor(OFFICER),
			}
			.into(),
		);
		let view = Stablecoin::account_status(&ALICE).freeze.expect("frozen");
		assert_eq!(view.case_id, Some(b"case-7".to_vec()));
		assert_eq!(view.order_hash, Some(reference(7)));
		assert_eq!(view.expires_at, Some(expiry));
		assert_eq!(Stablecoin::frozen_accounts(), vec![(ALICE, view)]);
		assert_eq!(ScheduledExpiries::<Test>::get(), 1);

		// Not yet: a millisecond before the expiry the freeze holds.
		set_now(expiry - 1);
		run_blocks(2);
		assert!(Stablecoin::is_frozen(&ALICE));
		set_now(expiry);
		run_blocks(1);
		assert!(!Stablecoin::is_frozen(&ALICE));
		System::assert_has_event(
			Event::<Test>::FreezeExpired { who: ALICE, expired_at: expiry }.into(),
		);
		assert_eq!(ScheduledExpiries::<Test>::get(), 0);
		assert_eq!(NextExpiryDay::<Test>::get(), None);
		assert!(Stablecoin::frozen_accounts().is_empty());
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, USD));
	});
}

#[test]
fn an_expiry_must_be_in_the_future_and_an_early_unfreeze_cancels_it() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Stablecoin::freeze_account(officer(), ALICE, reason("x"), order(1), Some(START)),
			Error::<Test>::ExpiryInThePast
		);
		assert_ok!(Stablecoin::freeze_account(
			officer(),
			ALICE,
			reason("x"),
			order(1),
			Some(START + DAY)
		));
		assert_ok!(Stablecoin::unfreeze_account(governance(), ALICE));
		assert_eq!(ScheduledExpiries::<Test>::get(), 0);
		assert_eq!(FreezeExpiries::<Test>::iter().count(), 0);
		// A later freeze without expiry is not lifted by the earlier schedule.
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("y"), order(2), None));
		set_now(START + 2 * DAY);
		run_blocks(2);
		assert!(Stablecoin::is_frozen(&ALICE));
	});
}

#[test]
fn many_expiries_at_once_are_lifted_a_few_per_block() {
	ExtBuilder::default().build_and_execute(|| {
		// The mock lifts at most two per block.
		let expiry = START + DAY;
		for who in [ALICE, BOB, CHARLIE, DAVE] {
			assert_ok!(Stablecoin::freeze_account(
				officer(),
				who,
				reason("list"),
				order(1),
				Some(expiry)
			));
		}
		set_now(expiry + 5 * DAY);
		run_blocks(1);
		let still_frozen =
			[ALICE, BOB, CHARLIE, DAVE].iter().filter(|who| Stablecoin::is_frozen(who)).count();
		assert_eq!(still_frozen, 2);
		run_blocks(1);
		assert!([ALICE, BOB, CHARLIE, DAVE].iter().all(|who| !Stablecoin::is_frozen(who)));
		// The walk then moves on, one empty day per block, and stops when nothing is left.
		assert_eq!(NextExpiryDay::<Test>::get(), None);
	});
}

#[test]
fn a_freeze_without_a_legal_order_is_precautionary_until_that_power_is_renounced() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("suspicion"), None, None));
		assert_eq!(Stablecoin::account_status(&ALICE).freeze.expect("frozen").case_id, None);
		assert_ok!(Stablecoin::renounce_power(governance(), Renunciation::FreezeWithoutLegalOrder));
		assert_noop!(
			Stablecoin::freeze_account(officer(), BOB, reason("suspicion"), None, None),
			Error::<Test>::RenouncedPower(Power::FreezeWithoutLegalOrder)
		);
		assert_noop!(
			Stablecoin::freeze_identity(officer(), BOB_ID, reason("suspicion"), None, None),
			Error::<Test>::RenouncedPower(Power::FreezeWithoutLegalOrder)
		);
		assert_ok!(Stablecoin::freeze_account(officer(), BOB, reason("OFAC"), order(3), None));
	});
}

#[test]
fn the_frozen_lists_name_accounts_and_identities() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::freeze_identity(officer(), BOB_ID, reason("court"), order(2), None));
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("x"), order(1), None));
		let mut frozen: Vec<u64> =
			Stablecoin::frozen_accounts().into_iter().map(|(who, _)| who).collect();
		frozen.sort();
		assert_eq!(frozen, vec![ALICE, BOB, CHARLIE]);
		assert_eq!(Stablecoin::frozen_identities(), vec![BOB_ID]);
	});
}
