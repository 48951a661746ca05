//! Appointing and removing feeders.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn add_feeder_works_and_names_who_did_it() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Oracle::add_feeder(governance(), E));
		System::assert_last_event(Event::FeederAdded { feeder: E, by: Actor::Root }.into());
		assert_ok!(Oracle::add_feeder(signed(GOV), D));
		System::assert_last_event(Event::FeederAdded { feeder: D, by: Actor::Signed(GOV) }.into());
		assert_eq!(Feeders::<Test>::get().to_vec(), vec![A, B, C, D, E]);
		assert_eq!(Health::<Test>::get(D), Some(FeederHealth::default()));
	});
}

#[test]
fn add_feeder_errors() {
	ExtBuilder::default().build_and_execute(|| {
		// Signed accounts other than governance, feeders included, are refused.
		for origin in [signed(MALLORY), signed(A), RuntimeOrigin::none()] {
			assert_noop!(Oracle::add_feeder(origin, E), Error::<Test>::NotGovernance);
		}
		assert_noop!(Oracle::add_feeder(governance(), A), Error::<Test>::AlreadyFeeder);
		for who in 10..14 {
			assert_ok!(Oracle::add_feeder(governance(), who));
		}
		assert_eq!(Feeders::<Test>::get().len(), 7);
		assert_noop!(Oracle::add_feeder(governance(), E), Error::<Test>::TooManyFeeders);
	});
}

#[test]
fn remove_feeder_drops_its_reports_and_health() {
	ExtBuilder::default().key(EUR, params()).build_and_execute(|| {
		submit(A, USDX, p(10_000));
		submit(B, USDX, p(10_000));
		submit(A, EUR, p(10_800));
		assert_ok!(Oracle::remove_feeder(signed(GOV), A));
		System::assert_last_event(
			Event::FeederRemoved { feeder: A, keys: 2, by: Actor::Signed(GOV) }.into(),
		);
		assert_eq!(Feeders::<Test>::get().to_vec(), vec![B, C]);
		assert_eq!(Health::<Test>::get(A), None);
		assert!(Reports::<Test>::get(USDX).iter().all(|r| r.feeder != A));
		assert!(!Reports::<Test>::contains_key(EUR));
		// The aggregate is kept but is no longer fresh: one fresh report for a quorum of 2.
		assert!(Aggregates::<Test>::contains_key(USDX));
		assert_eq!(<Oracle as stablecoin_primitives::PriceFeed>::fresh_price(&USDX), None);
		assert_noop!(Oracle::submit_price(signed(A), USDX, p(10_000)), Error::<Test>::NotFeeder);
	});
}

#[test]
fn remove_feeder_errors() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [signed(MALLORY), signed(A)] {
			assert_noop!(Oracle::remove_feeder(origin, B), Error::<Test>::NotGovernance);
		}
		assert_noop!(Oracle::remove_feeder(governance(), MALLORY), Error::<Test>::NotFeeder);
	});
}
