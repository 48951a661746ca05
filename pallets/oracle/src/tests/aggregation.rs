//! Aggregation rounds: median, quorum, expiry, outliers and deviation from the peg.

use crate::{mock::*, *};
use frame_support::assert_ok;
use stablecoin_primitives::PriceFeed;

fn aggregate() -> AggregateOf<Test> {
	Aggregates::<Test>::get(USDX).expect("USDX is priced")
}

#[test]
fn median_of_an_odd_count_is_the_middle_report() {
	ExtBuilder::default().build_and_execute(|| {
		submit(A, USDX, p(9_970));
		submit(B, USDX, p(9_950));
		submit(C, USDX, p(9_960));
		let agg = aggregate();
		assert_eq!(agg.price, p(9_960));
		assert_eq!(agg.round, 2);
		assert_eq!(agg.deviation_bps, -40);
		assert_eq!(agg.contributors.to_vec(), vec![A, B, C]);
		System::assert_last_event(
			Event::AggregateUpdated {
				key: USDX,
				old_price: Some(p(9_960)),
				new_price: p(9_960),
				deviation_bps: -40,
				round: 2,
			}
			.into(),
		);
	});
}

#[test]
fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
	ExtBuilder::default().feeders(&[A, B, C, D]).build_and_execute(|| {
		submit(A, USDX, p(9_990));
		submit(B, USDX, p(9_950));
		// Two reports: the mean of both.
		assert_eq!(aggregate().price, p(9_970));
		System::assert_last_event(
			Event::AggregateUpdated {
				key: USDX,
				old_price: None,
				new_price: p(9_970),
				deviation_bps: -30,
				round: 1,
			}
			.into(),
		);
		submit(C, USDX, p(9_970));
		submit(D, USDX, p(9_960));
		// 0.9950, 0.9960, 0.9970, 0.9990: the mean of 0.9960 and 0.9970.
		assert_eq!(aggregate().price, p(9_965));
		assert_eq!(aggregate().round, 3);
		assert_eq!(aggregate().contributors.to_vec(), vec![A, B, C, D]);
	});
}

#[test]
fn without_a_quorum_there_is_no_price() {
	let three = PriceKeyParams { quorum: 3, ..params() };
	ExtBuilder::default().usdx(three).build_and_execute(|| {
		submit(A, USDX, p(10_000));
		submit(B, USDX, p(10_000));
		assert_eq!(Aggregates::<Test>::get(USDX), None);
		assert_eq!(Oracle::fresh_price(&USDX), None);
		assert_eq!(Oracle::last_price(&USDX), None);
		assert!(Oracle::is_stale(&USDX));
		submit(C, USDX, p(10_000));
		let fresh = Oracle::fresh_price(&USDX).expect("quorum reached");
		assert_eq!(fresh.price, p(10_000));
		assert_eq!(fresh.round, 1);
	});
}

#[test]
fn losing_the_quorum_goes_stale_and_hides_the_old_price() {
	let three = PriceKeyParams { quorum: 3, ..params() };
	ExtBuilder::default().usdx(three).build_and_execute(|| {
		submit(A, USDX, p(10_000));
		submit(B, USDX, p(10_000));
		submit(C, USDX, p(10_000));
		next_block_after(MINUTE / 2);
		submit(A, USDX, p(10_001));
		let old = Oracle::fresh_price(&USDX).expect("fresh");
		assert_eq!((old.price, old.round), (p(10_000), 2));
		// B's and C's reports expire; only A's is fresh.
		set_now(START + MINUTE + MINUTE / 2);
		System::reset_events();
		next_block();
		assert!(aggregate().stale);
		assert_eq!(Oracle::fresh_price(&USDX), None, "never the old price");
		assert!(Oracle::is_stale(&USDX));
		assert_eq!(Oracle::last_price(&USDX), Some(old));
		assert_eq!(oracle_events(), vec![Event::WentStale { key: USDX, round: 2 }]);
		// Neither a round without a quorum nor the hook announces it twice.
		System::reset_events();
		submit(A, USDX, p(9_000));
		next_block();
		assert_eq!(
			oracle_events(),
			vec![Event::PriceReported { key: USDX, feeder: A, price: p(9_000) }]
		);
	});
}

#[test]
fn a_round_without_quorum_makes_the_key_stale() {
	ExtBuilder::default().build_and_execute(|| {
		submit(A, USDX, p(10_000));
		submit(B, USDX, p(10_000));
		assert!(Oracle::fresh_price(&USDX).is_some());
		// Both reports expire without the hook running; the next round lacks a quorum.
		set_now(START + MINUTE + 1);
		System::set_block_number(2);
		System::reset_events();
		submit(C, USDX, p(10_000));
		assert!(aggregate().stale);
		assert_eq!(
			oracle_events(),
			vec![
				Event::PriceReported { key: USDX, feeder: C, price: p(10_000) },
				Event::WentStale { key: USDX, round: 1 },
			]
		);
		assert_eq!(Oracle::fresh_price(&USDX), None);
		// A new quorum revives the key with the next round.
		submit(A, USDX, p(10_010));
		assert!(!aggregate().stale);
		assert_eq!(aggregate().round, 2);
		assert_eq!(aggregate().price, p(10_005));
		assert_eq!(aggregate().contributors.to_vec(), vec![A, C]);
	});
}

#[test]
fn expired_reports_are_ignored() {
	ExtBuilder::default().build_and_execute(|| {
		submit(A, USDX, p(9_950));
		next_block_after(MINUTE + 1);
		submit(B, USDX, p(10_000));
		submit(C, USDX, p(10_010));
		// A's report is older than max_age: the median of B and C only.
		let agg = aggregate();
		assert_eq!(agg.price, p(10_005));
		assert_eq!(agg.contributors.to_vec(), vec![B, C]);
		assert_eq!(agg.round, 1);
	});
}

#[test]
fn a_report_exactly_max_age_old_is_still_fresh() {
	ExtBuilder::default().build_and_execute(|| {
		submit(A, USDX, p(9_950));
		next_block_after(MINUTE);
		submit(B, USDX, p(10_000));
		assert_eq!(aggregate().price, p(9_975));
		assert_eq!(aggregate().contributors.to_vec(), vec![A, B]);
	});
}

#[docify::export]
#[test]
fn outliers_are_dropped_and_counted_once() {
	ExtBuilder::default().build_and_execute(|| {
		submit(A, USDX, p(9_950));
		submit(B, USDX, p(9_960));
		System::reset_events();
		submit(C, USDX, p(12_000));
		// Median of all three is 0.9960; 1.2000 is 2048 bps away, beyond the 100 bps band.
		assert_eq!(
			oracle_events(),
			vec![
				Event::PriceReported { key: USDX, feeder: C, price: p(12_000) },
				Event::OutlierRejected { key: USDX, feeder: C, price: p(12_000), median: p(9_960) },
				Event::AggregateUpdated {
					key: USDX,
					old_price: Some(p(9_955)),
					new_price: p(9_955),
					deviation_bps: -45,
					round: 2,
				},
			]
		);
		assert_eq!(aggregate().contributors.to_vec(), vec![A, B]);
		assert_eq!(Health::<Test>::get(C).map(|h| (h.reports, h.outliers)), Some((1, 1)));
		assert_eq!(Health::<Test>::get(A).map(|h| (h.reports, h.outliers)), Some((1, 0)));

		// The same report takes part in the next round: dropped again, not counted again.
		next_block();
		System::reset_events();
		submit(A, USDX, p(9_950));
		assert_eq!(aggregate().price, p(9_955));
		assert_eq!(aggregate().round, 3);
		assert_eq!(Health::<Test>::get(C).map(|h| h.outliers), Some(1));
		assert!(!oracle_events().iter().any(|e| matches!(e, Event::OutlierRejected { .. })));
		// A new report of C far away is a new outlier.
		submit(C, USDX, p(5_000));
		assert_eq!(Health::<Test>::get(C).map(|h| (h.reports, h.outliers)), Some((2, 2)));
	});
}

#[test]
fn too_few_survivors_make_the_key_stale() {
	let three = PriceKeyParams { quorum: 3, ..params() };
	ExtBuilder::default().usdx(three).build_and_execute(|| {
		submit(A, USDX, p(10_000));
		submit(B, USDX, p(10_000));
		submit(C, USDX, p(10_000));
		next_block();
		System::reset_events();
		submit(C, USDX, p(20_000));
		assert!(aggregate().stale);
		assert_eq!(aggregate().price, p(10_000));
		assert_eq!(
			oracle_events(),
			vec![
				Event::PriceReported { key: USDX, feeder: C, price: p(20_000) },
				Event::OutlierRejected {
					key: USDX,
					feeder: C,
					price: p(20_000),
					median: p(10_000)
				},
				Event::WentStale { key: USDX, round: 1 },
			]
		);
		assert_eq!(Oracle::fresh_price(&USDX), None);
	});
}

#[test]
fn deviation_from_the_peg_is_signed_basis_points() {
	let eur = PriceKeyParams { peg: p(10_800), ..params() };
	ExtBuilder::default().key(EUR, eur).build_and_execute(|| {
		submit(A, USDX, p(9_950));
		submit(B, USDX, p(9_950));
		assert_eq!(Oracle::fresh_price(&USDX).map(|o| o.deviation_bps), Some(-50));
		// EUR/USD at 1.0854 against a peg of 1.08 is +50 bps.
		submit(A, EUR, p(10_854));
		submit(B, EUR, p(10_854));
		assert_eq!(Oracle::fresh_price(&EUR).map(|o| o.deviation_bps), Some(50));
	});
}

#[test]
fn extreme_prices_do_not_overflow() {
	let wide = PriceKeyParams { outlier_band_bps: u32::MAX, ..params() };
	ExtBuilder::default().usdx(wide).build_and_execute(|| {
		let max = FixedU128::from_inner(u128::MAX);
		let tiny = FixedU128::from_inner(1);
		submit(A, USDX, max);
		submit(B, USDX, max);
		assert_eq!(aggregate().price, max);
		assert_eq!(aggregate().deviation_bps, i32::MAX);
		submit(C, USDX, FixedU128::from_inner(u128::MAX - 1));
		assert_eq!(aggregate().price, max);
		next_block();
		submit(A, USDX, tiny);
		submit(B, USDX, tiny);
		// 1, 1, MAX - 1: the median is 1 (the band takes everything).
		assert_eq!(aggregate().price, tiny);
		assert_eq!(aggregate().deviation_bps, -9_999);
		assert_ok!(Oracle::submit_price(signed(C), USDX, max));
	});
}
