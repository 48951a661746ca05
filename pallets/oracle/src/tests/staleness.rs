//! The per-block staleness check.

use crate::{mock::*, *};
use stablecoin_primitives::PriceFeed;

#[test]
fn an_old_aggregate_goes_stale_once() {
	// A quorum of 1, so that the aggregate's own age is what expires.
	let one = PriceKeyParams { quorum: 1, ..params() };
	ExtBuilder::default().usdx(one).build_and_execute(|| {
		submit(A, USDX, p(10_000));
		System::reset_events();
		// Nine blocks of 6 s: 54 s old, still fresh.
		for _ in 0..9 {
			next_block();
		}
		assert!(Oracle::fresh_price(&USDX).is_some());
		assert!(oracle_events().is_empty());
		// 60 s is the limit, 66 s is past it: fresh_price says so at once...
		next_block();
		assert!(Oracle::fresh_price(&USDX).is_some());
		next_block();
		assert_eq!(Oracle::fresh_price(&USDX), None);
		assert!(!Aggregates::<Test>::get(USDX).is_some_and(|a| a.stale));
		// ...and the hook marks it at the end of the block, once.
		next_block();
		assert!(Aggregates::<Test>::get(USDX).is_some_and(|a| a.stale));
		next_block();
		next_block();
		assert_eq!(oracle_events(), vec![Event::WentStale { key: USDX, round: 1 }]);
		assert!(Oracle::price_state(USDX).is_some_and(|s| s.stale));
	});
}

#[test]
fn expired_reports_make_a_young_aggregate_stale() {
	ExtBuilder::default().build_and_execute(|| {
		submit(A, USDX, p(10_000));
		next_block_after(50_000);
		submit(B, USDX, p(10_000));
		let agg = Aggregates::<Test>::get(USDX).expect("priced");
		assert_eq!(agg.at, START + 50_000);
		System::reset_events();
		// At START + 61 s the aggregate is 11 s old but only B's report is fresh.
		set_now(START + MINUTE + 1);
		assert_eq!(Oracle::fresh_price(&USDX), None);
		next_block();
		assert_eq!(oracle_events(), vec![Event::WentStale { key: USDX, round: 1 }]);
	});
}

#[test]
fn the_hook_visits_every_key_and_leaves_fresh_ones_alone() {
	let one = PriceKeyParams { quorum: 1, ..params() };
	let short = PriceKeyParams { quorum: 1, max_age: BLOCK, ..params() };
	ExtBuilder::default().usdx(one).key(EUR, short).build_and_execute(|| {
		submit(A, USDX, p(10_000));
		submit(A, EUR, p(10_800));
		System::reset_events();
		next_block();
		next_block_after(1);
		next_block();
		assert_eq!(oracle_events(), vec![Event::WentStale { key: EUR, round: 1 }]);
		assert!(Oracle::fresh_price(&USDX).is_some());
		assert_eq!(Oracle::check_staleness(), 2);
	});
}
