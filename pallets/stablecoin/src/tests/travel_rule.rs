//! The travel rule: transfers at or above the threshold to another identity carry a record of
//! the originator and beneficiary data; smaller payments that add up are flagged.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

/// The default threshold: 3,000 USDX.
const THRESHOLD: Balance = 3_000 * USD;

fn record(n: u8) -> TravelRuleRecord {
	TravelRuleRecord {
		record_hash: reference(n),
		originator_provider: ALICE_ID,
		beneficiary_provider: BOB_ID,
	}
}

fn structuring_events() -> Vec<Event<Test>> {
	stablecoin_events()
		.into_iter()
		.filter(|e| matches!(e, Event::StructuringSuspected { .. }))
		.collect()
}

#[test]
fn a_transfer_just_below_the_threshold_needs_no_record_and_one_at_it_does() {
	ExtBuilder::default().travel_rule(THRESHOLD).build_and_execute(|| {
		// The default is the US rule's 3,000 USDX (the mock sets it here too).
		assert_eq!(
			<DefaultTravelRule<Test> as frame_support::traits::Get<_>>::get().threshold,
			THRESHOLD
		);
		assert_eq!(TravelRule::<Test>::get().threshold, THRESHOLD);
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, THRESHOLD - 1));
		assert_noop!(
			Stablecoin::transfer(signed(ALICE), BOB, THRESHOLD),
			Error::<Test>::TravelRuleRecordRequired
		);
		assert_noop!(
			Stablecoin::transfer_with_reference(signed(ALICE), BOB, THRESHOLD, [1; 32]),
			Error::<Test>::TravelRuleRecordRequired
		);
		assert_ok!(Stablecoin::transfer_with_travel_rule(signed(ALICE), BOB, THRESHOLD, record(1)));
		System::assert_last_event(
			Event::<Test>::TravelRuleRecorded {
				id: 1,
				from: ALICE,
				to: BOB,
				amount: THRESHOLD,
				record: record(1),
			}
			.into(),
		);
		let entry = TravelRuleRecords::<Test>::get(1).expect("kept");
		assert_eq!(
			(entry.from, entry.to, entry.amount, entry.record),
			(ALICE, BOB, THRESHOLD, record(1))
		);
		assert_eq!(Stablecoin::travel_rule_records(None, 10), vec![(1, entry)]);
	});
}

#[test]
fn transfers_between_accounts_of_one_identity_are_exempt() {
	ExtBuilder::default().travel_rule(THRESHOLD).build_and_execute(|| {
		// Bob and Charlie are one identity.
		assert_ok!(Stablecoin::transfer(signed(BOB), CHARLIE, 5_000 * USD));
		assert_ok!(Stablecoin::transfer_all(signed(CHARLIE), BOB));
		assert!(TravelRuleRecords::<Test>::iter().next().is_none());
		assert!(StructuringWatch::<Test>::iter().next().is_none());
	});
}

#[test]
fn transfer_all_and_batches_follow_the_rule() {
	ExtBuilder::default().travel_rule(THRESHOLD).build_and_execute(|| {
		assert_noop!(
			Stablecoin::transfer_all(signed(ALICE), DAVE),
			Error::<Test>::TravelRuleRecordRequired
		);
		let payouts: PayoutsOf<Test> = vec![
			Payout { dest: BOB, amount: 100 * USD, reference: [1; 32] },
			Payout { dest: DAVE, amount: THRESHOLD, reference: [2; 32] },
		]
		.try_into()
		.expect("within the bound");
		assert_noop!(
			Stablecoin::pay_batch(signed(ALICE), payouts),
			Error::<Test>::PayoutRefused {
				index: 1,
				reason: PayoutRefusal::TravelRuleRecordRequired
			}
		);
	});
}

#[test]
fn a_record_must_name_known_providers_and_a_hash() {
	ExtBuilder::default().travel_rule(THRESHOLD).build_and_execute(|| {
		let mut bad = record(1);
		bad.record_hash = Default::default();
		assert_noop!(
			Stablecoin::transfer_with_travel_rule(signed(ALICE), BOB, THRESHOLD, bad),
			Error::<Test>::EmptyTravelRuleRecord
		);
		let mut unknown = record(1);
		unknown.beneficiary_provider = 999;
		assert_noop!(
			Stablecoin::transfer_with_travel_rule(signed(ALICE), BOB, THRESHOLD, unknown),
			Error::<Test>::UnknownServiceProvider
		);
		// The transfer's own checks still apply.
		assert_noop!(
			Stablecoin::transfer_with_travel_rule(signed(ALICE), BOB, 0, record(1)),
			Error::<Test>::ZeroAmount
		);
	});
}

#[test]
fn small_payments_to_one_beneficiary_that_add_up_are_flagged_once_per_window() {
	ExtBuilder::default().travel_rule(THRESHOLD).build_and_execute(|| {
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, 1_000 * USD));
		assert_ok!(Stablecoin::transfer(signed(ALICE), CHARLIE, 1_000 * USD));
		assert!(structuring_events().is_empty());
		// To Dave: another beneficiary, its own window.
		assert_ok!(Stablecoin::transfer(signed(ALICE), DAVE, 2_999 * USD));
		assert!(structuring_events().is_empty());
		// The third payment to Bob's identity reaches 3,000.
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, 1_000 * USD));
		assert_eq!(
			structuring_events(),
			vec![Event::StructuringSuspected {
				identity: ALICE_ID,
				beneficiary: BOB_ID,
				total: THRESHOLD,
				transfers: 3,
				since: START,
			}]
		);
		// Once per window.
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, 10 * USD));
		assert_eq!(structuring_events().len(), 1);
		// After the window, the count starts again.
		set_now(START + DAY);
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, 2_000 * USD));
		assert_eq!(structuring_events().len(), 1);
		let watch = StructuringWatch::<Test>::get(ALICE_ID);
		assert_eq!(watch.len(), 1, "the expired windows were dropped");
		assert_eq!(watch[0].total, 2_000 * USD);
	});
}

#[test]
fn governance_sets_the_threshold_and_window() {
	ExtBuilder::default().travel_rule(THRESHOLD).build_and_execute(|| {
		let eur = TravelRuleSettings { threshold: 1_000 * USD, structuring_window: 7 * DAY };
		assert_noop!(Stablecoin::set_travel_rule(officer(), eur), Error::<Test>::NotGovernance);
		for invalid in [
			TravelRuleSettings { threshold: 0, structuring_window: DAY },
			TravelRuleSettings { threshold: USD, structuring_window: 0 },
		] {
			assert_noop!(
				Stablecoin::set_travel_rule(governance(), invalid),
				Error::<Test>::InvalidTravelRule
			);
		}
		assert_ok!(Stablecoin::set_travel_rule(governance(), eur));
		System::assert_last_event(
			Event::<Test>::TravelRuleSet {
				old: TravelRuleSettings { threshold: THRESHOLD, structuring_window: DAY },
				new: eur,
				by: actor(GOVERNOR),
			}
			.into(),
		);
		assert_noop!(
			Stablecoin::transfer(signed(ALICE), BOB, 1_000 * USD),
			Error::<Test>::TravelRuleRecordRequired
		);
	});
}
