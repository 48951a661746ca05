//! The T+2 calendar and the overdue check.

use crate::{mock::*, *};
use frame_support::assert_ok;

/// Midday UTC on 2024-01-01 (Monday) plus `days`.
fn day(days: u64) -> Moment {
	START + DAY / 2 + days * DAY
}

#[test]
fn business_days_skip_weekends() {
	// 1970-01-01 was a Thursday.
	assert!(!Stablecoin::is_weekend(0));
	assert!(Stablecoin::is_weekend(2));
	assert!(Stablecoin::is_weekend(3));
	assert!(!Stablecoin::is_weekend(4));
	// Monday -> Wednesday, Wednesday -> Friday.
	assert_eq!(Stablecoin::due_time(day(0), 2), day(2));
	assert_eq!(Stablecoin::due_time(day(2), 2), day(4));
	// Thursday -> Monday, Friday -> Tuesday.
	assert_eq!(Stablecoin::due_time(day(3), 2), day(7));
	assert_eq!(Stablecoin::due_time(day(4), 2), day(8));
	// Saturday and Sunday -> Tuesday.
	assert_eq!(Stablecoin::due_time(day(5), 2), day(8));
	assert_eq!(Stablecoin::due_time(day(6), 2), day(8));
	// T+1 from Friday is Monday; T+5 from Monday is the next Monday.
	assert_eq!(Stablecoin::due_time(day(4), 1), day(7));
	assert_eq!(Stablecoin::due_time(day(0), 5), day(7));
	// Saturates instead of overflowing.
	assert_eq!(Stablecoin::due_time(Moment::MAX - 1, 2), Moment::MAX);
}

#[test]
fn friday_redemption_is_due_tuesday() {
	ExtBuilder::default().build_and_execute(|| {
		set_now(day(4));
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		assert_eq!(Redemptions::<Test>::get(1).unwrap().due_at, day(8));
	});
}

#[test]
fn overdue_is_reported_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		let due = Redemptions::<Test>::get(1).unwrap().due_at;
		assert_eq!(due, START + 2 * DAY);
		set_now(due - 1);
		run_blocks(3);
		assert!(Stablecoin::overdue_redemptions().is_empty());
		set_now(due);
		run_blocks(3);
		let overdue: Vec<_> = stablecoin_events()
			.into_iter()
			.filter(|e| matches!(e, Event::RedemptionOverdue { .. }))
			.collect();
		assert_eq!(
			overdue,
			vec![Event::RedemptionOverdue { id: 1, who: ALICE, amount: 999 * USD, due_at: due }]
		);
		assert!(Redemptions::<Test>::get(1).unwrap().overdue);
		assert_eq!(Stablecoin::overdue_redemptions().len(), 1);
	});
}

#[test]
fn overdue_check_is_bounded_and_resumes() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, BOB, CHARLIE] {
			assert_ok!(Stablecoin::request_redemption(signed(who), 1_000 * USD));
		}
		set_now(START + 10 * DAY);
		// Two checks per block in the mock.
		run_blocks(1);
		let flagged =
			|n| (1..=3u64).filter(|id| Redemptions::<Test>::get(id).unwrap().overdue).count() == n;
		assert!(flagged(2));
		run_blocks(1);
		assert!(flagged(3));
		run_blocks(5);
		let events = stablecoin_events()
			.into_iter()
			.filter(|e| matches!(e, Event::RedemptionOverdue { .. }))
			.count();
		assert_eq!(events, 3);
	});
}
