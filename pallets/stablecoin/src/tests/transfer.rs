//! Compliant transfers.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, TokenError};
use stablecoin_primitives::{ComplianceError, GuardedOperation, Operation};

#[test]
fn transfer_moves_funds_and_reports_volume() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, 250 * USD));
		System::assert_last_event(
			Event::<Test>::Transferred { from: ALICE, to: BOB, amount: 250 * USD, reference: None }
				.into(),
		);
		assert_eq!(balance(ALICE), 9_750 * USD);
		assert_eq!(balance(BOB), 10_250 * USD);
		assert_eq!(volumes(), vec![(GuardedOperation::Transfer, 250 * USD)]);
	});
}

#[test]
fn transfer_keeps_the_sender_alive() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Stablecoin::transfer(signed(ALICE), DAVE, 10_000 * USD),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Stablecoin::transfer_all(signed(ALICE), DAVE));
		System::assert_last_event(
			Event::<Test>::Transferred {
				from: ALICE,
				to: DAVE,
				amount: 10_000 * USD,
				reference: None,
			}
			.into(),
		);
		assert_eq!(balance(ALICE), 0);
		assert_eq!(balance(DAVE), 10_000 * USD);
		assert_noop!(
			Stablecoin::transfer_all(signed(ALICE), DAVE),
			Error::<Test>::NothingToTransfer
		);
	});
}

#[test]
fn transfer_refusals() {
	ExtBuilder::default().frozen(CHARLIE).build_and_execute(|| {
		assert_noop!(Stablecoin::transfer(signed(ALICE), BOB, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Stablecoin::transfer(signed(CHARLIE), BOB, USD), Error::<Test>::SenderFrozen);
		assert_noop!(
			Stablecoin::transfer(signed(ALICE), CHARLIE, USD),
			Error::<Test>::ReceiverFrozen
		);
		assert_noop!(Stablecoin::transfer_all(signed(CHARLIE), BOB), Error::<Test>::SenderFrozen);
		refuse(ALICE, &[Operation::Send], ComplianceError::ClaimExpired { topic: 1 });
		assert_noop!(
			Stablecoin::transfer(signed(ALICE), BOB, USD),
			Error::<Test>::SenderNotCompliant(ComplianceError::ClaimExpired { topic: 1 })
		);
		refuse_all(MALLORY, ComplianceError::NoIdentity);
		assert_noop!(
			Stablecoin::transfer(signed(BOB), MALLORY, USD),
			Error::<Test>::ReceiverNotCompliant(ComplianceError::NoIdentity)
		);
		trip(GuardedOperation::Transfer, true);
		assert_noop!(Stablecoin::transfer(signed(BOB), DAVE, USD), BREAKER_TRIPPED);
		trip(GuardedOperation::Transfer, false);
		assert_noop!(
			Stablecoin::transfer(signed(BOB), DAVE, 20_000 * USD),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Stablecoin::transfer(RuntimeOrigin::root(), DAVE, USD),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_ledgers_refusals_are_named_in_this_pallets_words() {
	ExtBuilder::default().build_and_execute(|| {
		let named = |error: DispatchError| Stablecoin::ledger_error(error);
		for short in [
			DispatchError::Token(TokenError::FundsUnavailable),
			DispatchError::Token(TokenError::NotExpendable),
			DispatchError::Token(TokenError::Frozen),
			DispatchError::Arithmetic(sp_runtime::ArithmeticError::Underflow),
		] {
			assert_eq!(named(short), Error::<Test>::InsufficientBalance.into());
		}
		assert_eq!(
			named(DispatchError::Token(TokenError::BelowMinimum)),
			Error::<Test>::BelowExistentialDeposit.into()
		);
		// Anything else is passed on as the ledger said it.
		assert_eq!(named(DispatchError::BadOrigin), DispatchError::BadOrigin);
	});
}
