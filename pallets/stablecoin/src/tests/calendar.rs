//! The T+2 calendar and the overdue check.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

/// Midday UTC on 2024-01-01 (Monday) plus `days`.
fn day(days: u64) -> Moment {
	START + DAY / 2 + days * DAY
}

#[test]
fn business_days_skip_weekends() {
	ExtBuilder::default().build_and_execute(|| {
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
	});
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

fn holidays(dates: &[(u8, u8)]) -> HolidaysOf<Test> {
	dates
		.iter()
		.map(|(month, day)| HolidayDate { month: *month, day: *day })
		.collect::<Vec<_>>()
		.try_into()
		.expect("within the bound")
}

#[test]
fn a_redemption_skips_the_bank_holidays_governance_declares() {
	ExtBuilder::default().build_and_execute(|| {
		// Monday 2024-01-08 (day 7) is declared a holiday: Friday's T+2 is Wednesday.
		assert_ok!(Stablecoin::set_holidays(governance(), 2024, holidays(&[(1, 8)])));
		System::assert_last_event(
			Event::<Test>::HolidaysSet {
				year: 2024,
				old: holidays(&[]),
				new: holidays(&[(1, 8)]),
				by: actor(GOVERNOR),
			}
			.into(),
		);
		assert_eq!(Holidays::<Test>::get(2024), holidays(&[(1, 8)]));
		set_now(day(4));
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		assert_eq!(Redemptions::<Test>::get(1).unwrap().due_at, day(9));
		// The queued redemption keeps its due time when the calendar changes.
		assert_ok!(Stablecoin::set_holidays(governance(), 2024, holidays(&[])));
		assert!(!Holidays::<Test>::contains_key(2024));
		assert_eq!(Redemptions::<Test>::get(1).unwrap().due_at, day(9));
		assert_eq!(Stablecoin::due_time(day(4), 2), day(8));
	});
}

#[test]
fn holidays_across_a_new_year_come_from_both_years() {
	ExtBuilder::default().build_and_execute(|| {
		// Thursday 2026-12-31 to T+2: Friday 2027-01-01 and Monday 2027-01-04 are holidays,
		// so the business days are Tuesday the 5th and Wednesday the 6th.
		let thursday = 20_818 * DAY + DAY / 2;
		assert_ok!(Stablecoin::set_holidays(governance(), 2027, holidays(&[(1, 1), (1, 4)])));
		assert_eq!(Stablecoin::due_time(thursday, 2), thursday + 6 * DAY);
		assert_ok!(Stablecoin::set_holidays(governance(), 2026, holidays(&[(12, 25)])));
		assert_eq!(Stablecoin::due_time(thursday, 2), thursday + 6 * DAY);
	});
}

#[test]
fn holidays_are_checked_dates_in_ascending_order_set_by_governance_only() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Stablecoin::set_holidays(officer(), 2026, holidays(&[(12, 25)])),
			Error::<Test>::NotGovernance
		);
		assert_noop!(
			Stablecoin::set_holidays(governance(), 1969, holidays(&[(12, 25)])),
			Error::<Test>::HolidayYearTooEarly
		);
		for invalid in [(2, 29), (13, 1), (4, 31), (1, 0)] {
			assert_noop!(
				Stablecoin::set_holidays(governance(), 2026, holidays(&[invalid])),
				Error::<Test>::InvalidHolidayDate
			);
		}
		assert_ok!(Stablecoin::set_holidays(governance(), 2028, holidays(&[(2, 29)])));
		assert_noop!(
			Stablecoin::set_holidays(governance(), 2026, holidays(&[(12, 25), (1, 1)])),
			Error::<Test>::HolidaysNotAscending
		);
		assert_noop!(
			Stablecoin::set_holidays(governance(), 2026, holidays(&[(1, 1), (1, 1)])),
			Error::<Test>::HolidaysNotAscending
		);
	});
}
