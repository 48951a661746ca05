//! The business-day calendar of redemptions (T+`settlement_days`): UTC days, Saturdays and
//! Sundays off, and the bank holidays governance keeps per year
//! ([`Holidays`](crate::Holidays)). Pure date arithmetic here; the pallet reads the holidays.
//!
//! Days are UTC days of 86 400 000 ms from the Unix epoch; 1970-01-01 (day 0) was a Thursday,
//! so day `d` is a Saturday when `d % 7 == 2` and a Sunday when `d % 7 == 3`. Counting starts
//! on the day after the request and stops on the `business_days`-th business day, at the
//! request's time of day. With no holidays, a T+2 request on Friday is due on Tuesday, one on
//! Saturday or Sunday on Tuesday, one on Monday on Wednesday; a holiday Monday moves the
//! Friday request to Wednesday.

use crate::types::{HolidayDate, Moment, DAY_MS};

/// The first year the calendar knows (the Unix epoch's).
pub const FIRST_YEAR: u16 = 1970;

/// The most days the due-date walk looks at: a year and a half, far beyond
/// `MAX_SETTLEMENT_DAYS` business days plus the weekends and holidays between them.
pub const MAX_CALENDAR_WALK: u64 = 550;

/// The civil date (year, month 1..=12, day 1..=31) of day `day` since 1970-01-01 (the
/// proleptic Gregorian calendar, by the days-from-civil inversion of Howard Hinnant's
/// `civil_from_days`).
pub fn civil_from_days(day: u64) -> (u64, u8, u8) {
	let z = day.saturating_add(719_468);
	let era = z / 146_097;
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let d = doy - (153 * mp + 2) / 5 + 1;
	let m = if mp < 10 { mp + 3 } else { mp - 9 };
	let y = yoe + era * 400 + u64::from(m <= 2);
	// `m` is 1..=12 and `d` 1..=31 by construction.
	(y, m as u8, d as u8)
}

/// Whether `year` is a leap year.
pub fn is_leap_year(year: u64) -> bool {
	(year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// How many days `month` (1..=12) of `year` has; zero for a month out of range.
pub fn days_in_month(year: u64, month: u8) -> u8 {
	match month {
		1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
		4 | 6 | 9 | 11 => 30,
		2 if is_leap_year(year) => 29,
		2 => 28,
		_ => 0,
	}
}

/// Whether `date` exists in `year`.
pub fn is_valid_date(year: u64, date: &HolidayDate) -> bool {
	date.day >= 1 && date.day <= days_in_month(year, date.month)
}

/// Whether day `day` since the Unix epoch is a Saturday or a Sunday (1970-01-01 was a
/// Thursday).
pub fn is_weekend(day: u64) -> bool {
	matches!(day % 7, 2 | 3)
}

/// The time `business_days` business days after `requested_at`, at the same time of day:
/// each day after the request's counts unless it is a weekend day or `is_holiday(year, date)`
/// says it is a bank holiday. Saturates at the end of time; gives up (and answers the day
/// reached) after [`MAX_CALENDAR_WALK`] days, which a valid calendar never needs.
pub fn due_time(
	requested_at: Moment,
	business_days: u32,
	mut is_holiday: impl FnMut(u64, HolidayDate) -> bool,
) -> Moment {
	let mut day = requested_at / DAY_MS;
	let mut counted = 0u32;
	let mut walked = 0u64;
	while counted < business_days && walked < MAX_CALENDAR_WALK {
		day = day.saturating_add(1);
		walked = walked.saturating_add(1);
		if is_weekend(day) {
			continue;
		}
		let (year, month, day_of_month) = civil_from_days(day);
		if !is_holiday(year, HolidayDate { month, day: day_of_month }) {
			counted = counted.saturating_add(1);
		}
	}
	let time_of_day = requested_at % DAY_MS;
	day.saturating_mul(DAY_MS).saturating_add(time_of_day)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn civil_dates_match_known_days() {
		assert_eq!(civil_from_days(0), (1970, 1, 1));
		assert_eq!(civil_from_days(59), (1970, 3, 1));
		// 2000-02-29 (a leap day of a century divisible by 400) is day 11_016.
		assert_eq!(civil_from_days(11_016), (2000, 2, 29));
		// 2024-01-01 is day 19_723; 2026-12-31 is day 20_818.
		assert_eq!(civil_from_days(19_723), (2024, 1, 1));
		assert_eq!(civil_from_days(20_818), (2026, 12, 31));
		assert_eq!(civil_from_days(20_819), (2027, 1, 1));
	}

	#[test]
	fn months_have_their_lengths() {
		assert_eq!(days_in_month(2024, 2), 29);
		assert_eq!(days_in_month(2100, 2), 28);
		assert_eq!(days_in_month(2000, 2), 29);
		assert_eq!(days_in_month(2026, 4), 30);
		assert_eq!(days_in_month(2026, 13), 0);
		assert!(is_valid_date(2024, &HolidayDate { month: 2, day: 29 }));
		assert!(!is_valid_date(2026, &HolidayDate { month: 2, day: 29 }));
		assert!(!is_valid_date(2026, &HolidayDate { month: 0, day: 1 }));
		assert!(!is_valid_date(2026, &HolidayDate { month: 1, day: 0 }));
	}

	#[test]
	fn a_holiday_is_skipped_like_a_weekend() {
		// Friday 2026-12-25 is a holiday: T+1 from Thursday the 24th is Monday the 28th.
		let thursday = 20_811 * DAY_MS + 3_600_000;
		assert_eq!(civil_from_days(20_811), (2026, 12, 24));
		let christmas = |year: u64, date: HolidayDate| {
			year == 2026 && date == HolidayDate { month: 12, day: 25 }
		};
		assert_eq!(due_time(thursday, 1, christmas), (20_811 + 4) * DAY_MS + 3_600_000);
		assert_eq!(due_time(thursday, 1, |_, _| false), (20_811 + 1) * DAY_MS + 3_600_000);
	}

	#[test]
	fn a_calendar_of_nothing_but_holidays_ends_the_walk() {
		let due = due_time(0, 2, |_, _| true);
		assert_eq!(due, MAX_CALENDAR_WALK * DAY_MS);
	}
}
