//! Limits a holder's jurisdiction sets on the amount of an operation, as the compliance
//! seam judges them (`Compliance::check_amount`): the pallet passes the right amount for each
//! path and reports the refusal with its reason.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{ComplianceError, Operation};

const ABOVE_LIMIT: ComplianceError = ComplianceError::AboveJurisdictionLimit;

#[test]
fn a_sender_may_send_up_to_its_limit_in_one_payment() {
	ExtBuilder::default().build_and_execute(|| {
		limit(ALICE, Operation::Send, 1_000 * USD);
		assert_noop!(
			Stablecoin::transfer(signed(ALICE), BOB, 1_000 * USD + 1),
			Error::<Test>::SenderNotCompliant(ABOVE_LIMIT)
		);
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, 1_000 * USD));
		// The limit is per payment, and `transfer_all` is judged on what it would send.
		assert_noop!(
			Stablecoin::transfer_all(signed(ALICE), BOB),
			Error::<Test>::SenderNotCompliant(ABOVE_LIMIT)
		);
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, 1_000 * USD));
		// Bob is not limited.
		assert_ok!(Stablecoin::transfer(signed(BOB), ALICE, 5_000 * USD));
	});
}

#[test]
fn a_receiver_may_reach_its_holding_limit_and_not_pass_it() {
	ExtBuilder::default().build_and_execute(|| {
		// Bob holds 10,000 USD and may hold 10,500.
		limit(BOB, Operation::Hold, 10_500 * USD);
		assert_noop!(
			Stablecoin::transfer(signed(ALICE), BOB, 500 * USD + 1),
			Error::<Test>::ReceiverNotCompliant(ABOVE_LIMIT)
		);
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, 500 * USD));
		assert_eq!(balance(BOB), 10_500 * USD);
		assert_noop!(
			Stablecoin::transfer(signed(ALICE), BOB, 1),
			Error::<Test>::ReceiverNotCompliant(ABOVE_LIMIT)
		);
		// Once Bob spends, he may receive again.
		assert_ok!(Stablecoin::transfer(signed(BOB), ALICE, 100 * USD));
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, 100 * USD));
	});
}

#[test]
fn a_batch_is_one_payment_of_its_total_and_counts_what_each_payee_receives() {
	ExtBuilder::default().build_and_execute(|| {
		let payout = |dest, amount| Payout { dest, amount, reference: [0u8; 32] } as PayoutOf<Test>;
		let batch = |payouts: Vec<PayoutOf<Test>>| -> PayoutsOf<Test> {
			payouts.try_into().expect("within MaxPayoutsPerBatch")
		};
		limit(ALICE, Operation::Send, 300 * USD);
		assert_noop!(
			Stablecoin::pay_batch(
				signed(ALICE),
				batch(vec![payout(BOB, 200 * USD), payout(DAVE, 101 * USD)])
			),
			Error::<Test>::SenderNotCompliant(ABOVE_LIMIT)
		);
		// Dave starts empty and may hold 150: two payouts to him in one batch are added up.
		limit(DAVE, Operation::Hold, 150 * USD);
		assert_noop!(
			Stablecoin::pay_batch(
				signed(ALICE),
				batch(vec![payout(DAVE, 100 * USD), payout(BOB, USD), payout(DAVE, 51 * USD)])
			),
			Error::<Test>::PayoutRefused { index: 2, reason: PayoutRefusal::PayeeNotCompliant }
		);
		assert_ok!(Stablecoin::pay_batch(
			signed(ALICE),
			batch(vec![payout(DAVE, 100 * USD), payout(BOB, USD), payout(DAVE, 50 * USD)])
		));
		assert_eq!(balance(DAVE), 150 * USD);
	});
}

#[test]
fn a_mint_request_is_limited_and_the_minted_balance_too() {
	ExtBuilder::default().build_and_execute(|| {
		limit(ALICE, Operation::Mint, 2_000 * USD);
		assert_noop!(
			Stablecoin::request_mint(signed(ALICE), 2_000 * USD + 1, MintTier::Standard),
			Error::<Test>::NotCompliant(ABOVE_LIMIT)
		);
		assert_ok!(Stablecoin::request_mint(signed(ALICE), 2_000 * USD, MintTier::Standard));
		let id = NextMintId::<Test>::get() - 1;

		// Alice holds 10,000 USD; the mint would credit 1,998 (2,000 less the 0.1% fee).
		limit(ALICE, Operation::Hold, 11_997 * USD);
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), id, reference(1)));
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)),
			Error::<Test>::NotCompliant(ABOVE_LIMIT)
		);
		limit(ALICE, Operation::Hold, 11_998 * USD);
		assert_ok!(Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)));
		assert_eq!(balance(ALICE), 11_998 * USD);
	});
}

#[test]
fn a_redemption_is_limited_per_request() {
	ExtBuilder::default().build_and_execute(|| {
		limit(ALICE, Operation::Redeem, 500 * USD);
		assert_noop!(
			Stablecoin::request_redemption(signed(ALICE), 500 * USD + 1),
			Error::<Test>::NotCompliant(ABOVE_LIMIT)
		);
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 500 * USD));
	});
}
