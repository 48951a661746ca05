//! The history ring, the time-weighted average and the runtime API views.

use crate::{mock::*, *};

fn one() -> PriceKeyParams {
	PriceKeyParams { quorum: 1, ..params() }
}

#[test]
fn history_ring_wraps_at_history_depth() {
	ExtBuilder::default().usdx(one()).build_and_execute(|| {
		for i in 0..7u128 {
			submit(A, USDX, p(9_990 + i));
			next_block();
		}
		let history = Oracle::price_history(USDX);
		// HistoryDepth is 5: rounds 3 to 7 are kept, oldest first.
		assert_eq!(history.len(), 5);
		assert_eq!(history.iter().map(|o| o.round).collect::<Vec<_>>(), vec![3, 4, 5, 6, 7]);
		assert_eq!(history[0].price, p(9_992));
		assert_eq!(history[4].price, p(9_996));
		assert_eq!(history[0].at, START + 2 * BLOCK);
		assert_eq!(history[4].deviation_bps, -4);
	});
}

#[test]
fn rounds_in_one_block_share_one_history_entry() {
	ExtBuilder::default().usdx(one()).build_and_execute(|| {
		submit(A, USDX, p(10_000));
		submit(B, USDX, p(10_020));
		submit(C, USDX, p(10_040));
		let history = Oracle::price_history(USDX);
		assert_eq!(history.len(), 1);
		assert_eq!((history[0].price, history[0].round), (p(10_020), 3));
	});
}

#[test]
fn twap_on_a_known_path() {
	ExtBuilder::default().usdx(one()).build_and_execute(|| {
		// 1.00 for 10 minutes, 1.02 for 30 minutes, 0.99 for the last 20 minutes.
		submit(A, USDX, p(10_000));
		next_block_after(10 * MINUTE);
		submit(A, USDX, p(10_200));
		next_block_after(30 * MINUTE);
		submit(A, USDX, p(9_900));
		set_now(START + HOUR);
		// Over the hour: (1.00 * 10 + 1.02 * 30 + 0.99 * 20) / 60 = 1.00666...
		assert_eq!(Oracle::twap(USDX), Some(FixedU128::from_inner(1_006_666_666_666_666_666)));

		// Over the last 30 minutes: (1.02 * 10 + 0.99 * 20) / 30 = 1.
		assert_eq!(
			aggregation::time_weighted_average(
				&Oracle::price_history(USDX),
				START + HOUR,
				30 * MINUTE
			),
			Some(p(10_000))
		);
		// A window longer than the history covers the history only.
		assert_eq!(
			aggregation::time_weighted_average(
				&Oracle::price_history(USDX),
				START + HOUR,
				10 * HOUR
			),
			Some(FixedU128::from_inner(1_006_666_666_666_666_666))
		);
		// At the time of the last observation, with no time elapsed since: the last step
		// counts for nothing, so the average is over the 40 minutes before it.
		assert_eq!(
			aggregation::time_weighted_average(
				&Oracle::price_history(USDX),
				START + 40 * MINUTE,
				HOUR
			),
			Some(FixedU128::from_inner(1_015_000_000_000_000_000))
		);
		assert_eq!(Oracle::twap(EUR), None);
	});
}

#[test]
fn twap_of_a_single_observation_is_its_price() {
	ExtBuilder::default().usdx(one()).build_and_execute(|| {
		assert_eq!(Oracle::twap(USDX), None);
		submit(A, USDX, p(9_980));
		assert_eq!(Oracle::twap(USDX), Some(p(9_980)));
		set_now(START + 5 * HOUR);
		assert_eq!(Oracle::twap(USDX), Some(p(9_980)));
	});
}

#[test]
fn runtime_api_views() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Oracle::price_state(USDX), None);
		submit(B, USDX, p(9_950));
		submit(A, USDX, p(9_970));
		assert_eq!(
			Oracle::price_state(USDX),
			Some(PriceState {
				price: p(9_960),
				deviation_bps: -40,
				round: 1,
				at: START,
				stale: false,
				contributors: vec![A, B],
			})
		);
		set_now(START + 2 * MINUTE);
		assert!(Oracle::price_state(USDX).is_some_and(|s| s.stale));
		assert_eq!(Oracle::price_keys(), vec![(USDX, params())]);
		assert_eq!(
			Oracle::feeder_health(),
			vec![
				(A, FeederHealth { reports: 1, outliers: 0, last_report_at: Some(START) }),
				(B, FeederHealth { reports: 1, outliers: 0, last_report_at: Some(START) }),
				(C, FeederHealth::default()),
			]
		);
	});
}
