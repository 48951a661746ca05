//! Submitting prices: who may, how often, and which submissions are feeless.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, dispatch::CheckIfFeeless};
use sp_runtime::DispatchError;

#[test]
fn a_feeder_submits_and_its_health_counts_it() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Oracle::submit_price(signed(A), USDX, p(9_990)));
		System::assert_last_event(
			Event::PriceReported { key: USDX, feeder: A, price: p(9_990) }.into(),
		);
		let reports = Reports::<Test>::get(USDX);
		assert_eq!(reports.len(), 1);
		assert_eq!(reports[0].price, p(9_990));
		assert_eq!(reports[0].at, START);
		assert_eq!(reports[0].block, 1);
		assert_eq!(
			Health::<Test>::get(A),
			Some(FeederHealth { reports: 1, outliers: 0, last_report_at: Some(START) })
		);
		// A new report in a later block replaces the old one.
		next_block();
		assert_ok!(Oracle::submit_price(signed(A), USDX, p(9_995)));
		let reports = Reports::<Test>::get(USDX);
		assert_eq!(reports.len(), 1);
		assert_eq!(reports[0].price, p(9_995));
		assert_eq!(Health::<Test>::get(A).map(|h| h.reports), Some(2));
	});
}

#[test]
fn submission_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Oracle::submit_price(signed(MALLORY), USDX, p(10_000)),
			Error::<Test>::NotFeeder
		);
		// Governance is not a feeder either.
		assert_noop!(Oracle::submit_price(signed(GOV), USDX, p(10_000)), Error::<Test>::NotFeeder);
		assert_noop!(Oracle::submit_price(governance(), USDX, p(10_000)), DispatchError::BadOrigin);
		assert_noop!(
			Oracle::submit_price(signed(A), USDX, FixedU128::from_inner(0)),
			Error::<Test>::ZeroPrice
		);
		assert_noop!(Oracle::submit_price(signed(A), EUR, p(10_000)), Error::<Test>::UnknownKey);
	});
}

#[test]
fn one_report_per_key_per_block() {
	ExtBuilder::default().key(EUR, params()).build_and_execute(|| {
		assert_ok!(Oracle::submit_price(signed(A), USDX, p(10_000)));
		assert_noop!(
			Oracle::submit_price(signed(A), USDX, p(10_010)),
			Error::<Test>::AlreadyReported
		);
		// Another key, or another feeder, in the same block is fine.
		assert_ok!(Oracle::submit_price(signed(A), EUR, p(10_800)));
		assert_ok!(Oracle::submit_price(signed(B), USDX, p(10_000)));
		next_block();
		assert_ok!(Oracle::submit_price(signed(A), USDX, p(10_010)));
	});
}

#[test]
fn submissions_are_feeless_exactly_when_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		let call = |price| Call::<Test>::submit_price { key: USDX, price };
		let on = |key| Call::<Test>::submit_price { key, price: p(10_000) };
		assert!(call(p(10_000)).is_feeless(&signed(A)));
		assert!(!call(p(10_000)).is_feeless(&signed(MALLORY)));
		assert!(!call(p(10_000)).is_feeless(&signed(GOV)));
		assert!(!call(p(10_000)).is_feeless(&governance()));
		assert!(!call(FixedU128::from_inner(0)).is_feeless(&signed(A)));
		assert!(!on(EUR).is_feeless(&signed(A)));

		assert_ok!(Oracle::submit_price(signed(A), USDX, p(10_000)));
		assert!(!call(p(10_000)).is_feeless(&signed(A)), "already reported in this block");
		assert!(call(p(10_000)).is_feeless(&signed(B)));
		next_block();
		assert!(call(p(10_000)).is_feeless(&signed(A)));

		// Governance calls always pay.
		assert!(!Call::<Test>::add_feeder { feeder: E }.is_feeless(&governance()));
		assert!(!Call::<Test>::remove_price_key { key: USDX }.is_feeless(&governance()));
	});
}
