//! Redemptions: request, payout, rejection, hold and release.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;
use stablecoin_primitives::{ComplianceError, GuardedOperation, Operation};

#[test]
fn redeem_and_payout_happy_path() {
	ExtBuilder::default().build_and_execute(|| {
		let before = issuance();
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		System::assert_last_event(
			Event::<Test>::RedemptionRequested {
				id: 1,
				who: ALICE,
				amount: 999 * USD,
				fee: USD,
				due_at: START + 2 * DAY,
			}
			.into(),
		);
		// Burned at once; the fee went to the fee account.
		assert_eq!(balance(ALICE), 9_000 * USD);
		assert_eq!(balance(FEE), 2 * USD);
		assert_eq!(issuance(), before - 999 * USD);
		assert_eq!(PendingRedemption::<Test>::get(), 999 * USD);
		assert_eq!(Stablecoin::supply_report().pending_redemption, 999 * USD);
		assert_eq!(volumes(), vec![(GuardedOperation::Redeem, 1_000 * USD)]);
		assert_ok!(Stablecoin::confirm_payout(fiat_desk(), 1, reference(7)));
		System::assert_last_event(
			Event::<Test>::RedemptionPaid {
				id: 1,
				who: ALICE,
				amount: 999 * USD,
				payout_ref: reference(7),
				by: actor(FIAT_DESK),
			}
			.into(),
		);
		assert_eq!(PendingRedemption::<Test>::get(), 0);
		assert_eq!(QueuedRedemptions::<Test>::get(), 0);
		assert_eq!(OpenRedemptions::<Test>::get(ALICE_ID), 0);
		// Double confirmation.
		assert_noop!(
			Stablecoin::confirm_payout(fiat_desk(), 1, reference(7)),
			Error::<Test>::UnknownRedemption
		);
	});
}

#[test]
fn whole_balance_can_be_redeemed() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 10_000 * USD));
		assert_eq!(balance(ALICE), 0);
		assert_eq!(PendingRedemption::<Test>::get(), 9_990 * USD);
	});
}

#[test]
fn rejection_returns_the_tokens_but_not_the_fee() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		assert_ok!(Stablecoin::reject_redemption(fiat_desk(), 1, reason("bank refused")));
		System::assert_last_event(
			Event::<Test>::RedemptionRejected {
				id: 1,
				who: ALICE,
				amount: 999 * USD,
				reason: reason("bank refused"),
				by: actor(FIAT_DESK),
			}
			.into(),
		);
		assert_eq!(balance(ALICE), 9_999 * USD);
		assert_eq!(TotalMinted::<Test>::get(), 999 * USD);
		assert_eq!(IssuedFromAllowance::<Test>::get(), 0);
		assert_noop!(
			Stablecoin::reject_redemption(fiat_desk(), 1, reason("again")),
			Error::<Test>::UnknownRedemption
		);
	});
}

#[test]
fn rejection_to_a_frozen_holder_stays_frozen() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("court"), order(1), None));
		assert_ok!(Stablecoin::reject_redemption(fiat_desk(), 1, reason("frozen")));
		assert_eq!(Stablecoin::sanctions_frozen(&ALICE), 9_999 * USD);
	});
}

#[test]
fn hold_and_release() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		assert_ok!(Stablecoin::hold_redemption(officer(), 1, reason("aml review")));
		System::assert_last_event(
			Event::<Test>::RedemptionHeld {
				id: 1,
				reason: reason("aml review"),
				by: actor(OFFICER),
			}
			.into(),
		);
		assert_noop!(
			Stablecoin::hold_redemption(officer(), 1, reason("again")),
			Error::<Test>::AlreadyHeld
		);
		assert_noop!(
			Stablecoin::confirm_payout(fiat_desk(), 1, reference(1)),
			Error::<Test>::RedemptionOnHold
		);
		assert_ok!(Stablecoin::release_redemption(officer(), 1));
		System::assert_last_event(
			Event::<Test>::RedemptionReleased { id: 1, by: actor(OFFICER) }.into(),
		);
		assert_noop!(Stablecoin::release_redemption(officer(), 1), Error::<Test>::NotHeld);
		assert_ok!(Stablecoin::confirm_payout(fiat_desk(), 1, reference(1)));
		assert_noop!(
			Stablecoin::hold_redemption(officer(), 1, reason("late")),
			Error::<Test>::UnknownRedemption
		);
		assert_noop!(
			Stablecoin::release_redemption(officer(), 1),
			Error::<Test>::UnknownRedemption
		);
	});
}

#[test]
fn redemption_refusals() {
	ExtBuilder::default().frozen(CHARLIE).build_and_execute(|| {
		assert_noop!(
			Stablecoin::request_redemption(signed(ALICE), 100 * USD - 1),
			Error::<Test>::BelowMinimum
		);
		assert_noop!(
			Stablecoin::request_redemption(signed(ALICE), 10_000 * USD + 1),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Stablecoin::request_redemption(signed(CHARLIE), 1_000 * USD),
			Error::<Test>::HolderFrozen
		);
		refuse(BOB, &[Operation::Redeem], ComplianceError::ClaimExpired { topic: 2 });
		assert_noop!(
			Stablecoin::request_redemption(signed(BOB), 1_000 * USD),
			Error::<Test>::NotCompliant(ComplianceError::ClaimExpired { topic: 2 })
		);
		trip(GuardedOperation::Redeem, true);
		assert_noop!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD), BREAKER_TRIPPED);
		trip(GuardedOperation::Redeem, false);
		// A price halt trips mints and transfers, never redemptions.
		trip(GuardedOperation::Mint, true);
		trip(GuardedOperation::Transfer, true);
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		assert_noop!(
			Stablecoin::request_redemption(RuntimeOrigin::root(), 1_000 * USD),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn one_holder_cannot_block_other_redemptions() {
	ExtBuilder::default().build_and_execute(|| {
		// Alice fills her identity's cap (eight in the mock)...
		for _ in 0..8 {
			assert_ok!(Stablecoin::request_redemption(signed(ALICE), 100 * USD));
		}
		assert_noop!(
			Stablecoin::request_redemption(signed(ALICE), 100 * USD),
			Error::<Test>::TooManyOpenRedemptions
		);
		assert_eq!(OpenRedemptions::<Test>::get(ALICE_ID), 8);
		// ...and everyone else still redeems: there is no global cap.
		for _ in 0..8 {
			assert_ok!(Stablecoin::request_redemption(signed(BOB), 100 * USD));
		}
		assert_eq!(Stablecoin::redemption_queue().len(), 16);
		assert_eq!(QueuedRedemptions::<Test>::get(), 16);
		// A settled redemption frees a place of its identity.
		assert_ok!(Stablecoin::confirm_payout(fiat_desk(), 1, reference(1)));
		assert_eq!(OpenRedemptions::<Test>::get(ALICE_ID), 7);
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 100 * USD));
	});
}

#[test]
fn a_run_of_many_holders_is_queued_and_flagged_with_a_bounded_scan() {
	ExtBuilder::default().build_and_execute(|| {
		let holders: Vec<u64> = (1_000..1_040).collect();
		for who in &holders {
			assert_ok!(Stablecoin::transfer(signed(ALICE), *who, 200 * USD));
			assert_ok!(Stablecoin::request_redemption(signed(*who), 200 * USD));
		}
		assert_eq!(QueuedRedemptions::<Test>::get(), 40);
		// Some settle early; the scan skips them.
		for id in [3, 4, 5, 20] {
			assert_ok!(Stablecoin::confirm_payout(fiat_desk(), id, reference(1)));
		}
		// Before the due time: the scan stops at the first queued request.
		run_blocks(1);
		assert_eq!(OverdueCursor::<Test>::get(), 1);
		set_now(START + 3 * DAY);
		// Two identifiers per block in the mock.
		run_blocks(1);
		assert_eq!(OverdueCursor::<Test>::get(), 3);
		run_blocks(30);
		assert_eq!(OverdueCursor::<Test>::get(), 41);
		let flagged = stablecoin_events()
			.into_iter()
			.filter(|e| matches!(e, Event::RedemptionOverdue { .. }))
			.count();
		assert_eq!(flagged, 36, "every unsettled redemption flagged exactly once");
		run_blocks(5);
		assert_eq!(OverdueCursor::<Test>::get(), 41);
	});
}

#[test]
fn redemption_wrong_origins() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		for origin in [signed(ALICE), governance(), officer()] {
			assert_noop!(
				Stablecoin::confirm_payout(origin.clone(), 1, reference(1)),
				Error::<Test>::NotFiatDesk
			);
			assert_noop!(
				Stablecoin::reject_redemption(origin, 1, reason("x")),
				Error::<Test>::NotFiatDesk
			);
		}
		for origin in [signed(ALICE), governance(), fiat_desk()] {
			assert_noop!(
				Stablecoin::hold_redemption(origin.clone(), 1, reason("x")),
				Error::<Test>::NotComplianceOfficer
			);
			assert_noop!(
				Stablecoin::release_redemption(origin, 1),
				Error::<Test>::NotComplianceOfficer
			);
		}
		assert_noop!(
			Stablecoin::confirm_payout(fiat_desk(), 9, reference(1)),
			Error::<Test>::UnknownRedemption
		);
		assert_noop!(
			Stablecoin::reject_redemption(fiat_desk(), 1, reason("")),
			Error::<Test>::EmptyReason
		);
		assert_noop!(
			Stablecoin::hold_redemption(officer(), 1, reason("")),
			Error::<Test>::EmptyReason
		);
	});
}

#[test]
fn returning_a_rejected_redemption_passes_the_reserve_and_breaker_checks() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		let liabilities = Stablecoin::liabilities();
		set_fresh(false);
		assert_noop!(
			Stablecoin::reject_redemption(fiat_desk(), 1, reason("bank refused")),
			RESERVES_NOT_BACKED
		);
		set_fresh(true);
		set_short(true);
		assert_noop!(
			Stablecoin::reject_redemption(fiat_desk(), 1, reason("bank refused")),
			RESERVES_NOT_BACKED
		);
		set_short(false);
		trip(GuardedOperation::Mint, true);
		assert_noop!(
			Stablecoin::reject_redemption(fiat_desk(), 1, reason("bank refused")),
			BREAKER_TRIPPED
		);
		// It waits, visibly: still queued and owed.
		assert_eq!(Stablecoin::redemption_queue().len(), 1);
		trip(GuardedOperation::Mint, false);
		assert_ok!(Stablecoin::reject_redemption(fiat_desk(), 1, reason("bank refused")));
		// The tokens moved from pending back to circulation: the liabilities did not grow.
		assert_eq!(Stablecoin::liabilities(), liabilities);
		assert!(volumes().contains(&(GuardedOperation::Mint, 999 * USD)));
	});
}

#[test]
fn pending_redemptions_count_against_the_reserves() {
	ExtBuilder::default().build_and_execute(|| {
		let before = Stablecoin::liabilities();
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		// Burned, but still owed: the liabilities did not change (the fee stays in
		// circulation).
		assert_eq!(Stablecoin::liabilities(), before);
		assert_eq!(issuance() + PendingRedemption::<Test>::get(), before);
		assert_ok!(Stablecoin::confirm_payout(fiat_desk(), 1, reference(1)));
		assert_eq!(Stablecoin::liabilities(), before - 999 * USD);
	});
}

#[test]
fn the_queue_is_read_a_bounded_page_at_a_time() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..5 {
			assert_ok!(Stablecoin::request_redemption(signed(ALICE), 100 * USD));
			assert_ok!(Stablecoin::request_redemption(signed(BOB), 100 * USD));
		}
		// A settled redemption leaves the queue and every page.
		assert_ok!(Stablecoin::confirm_payout(fiat_desk(), 4, reference(4)));

		// Pages of three walk the whole queue once, each read bounded by its limit.
		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = Stablecoin::redemptions_page(after, 3);
			assert!(page.len() <= 3);
			let Some((last, _)) = page.last() else { break };
			after = Some(*last);
			seen.extend(page.into_iter().map(|(id, _)| id));
		}
		seen.sort_unstable();
		let queue: Vec<_> = Stablecoin::redemption_queue().into_iter().map(|(id, _)| id).collect();
		assert_eq!(seen, queue);
		assert_eq!(seen.len(), 9);
		assert!(!seen.contains(&4));
		// A limit of zero reads nothing.
		assert!(Stablecoin::redemptions_page(None, 0).is_empty());
	});
}
