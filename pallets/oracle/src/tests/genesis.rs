//! The genesis configuration.

use crate::{mock::*, *};

#[test]
fn genesis_sets_feeders_and_keys() {
	ExtBuilder::default().feeders(&[C, A, B]).key(EUR, params()).build_and_execute(|| {
		assert_eq!(Feeders::<Test>::get().to_vec(), vec![A, B, C]);
		assert_eq!(Oracle::feeder_health().len(), 3);
		assert_eq!(PriceKeys::<Test>::count(), 2);
		assert_eq!(PriceKeys::<Test>::get(EUR), Some(params()));
	});
}

#[test]
#[should_panic(expected = "cannot add feeder")]
fn genesis_refuses_duplicate_feeders() {
	ExtBuilder::default().feeders(&[A, A]).build();
}

#[test]
#[should_panic(expected = "cannot add feeder")]
fn genesis_refuses_too_many_feeders() {
	ExtBuilder::default().feeders(&[1, 2, 3, 4, 5, 6, 7, 8]).build();
}

#[test]
#[should_panic(expected = "cannot register price key")]
fn genesis_refuses_invalid_parameters() {
	ExtBuilder::default().key(EUR, PriceKeyParams { quorum: 0, ..params() }).build();
}

#[test]
#[should_panic(expected = "cannot register price key")]
fn genesis_refuses_duplicate_keys() {
	ExtBuilder::default().key(USDX, params()).build();
}

#[test]
fn empty_genesis_has_nothing() {
	ExtBuilder::empty().build_and_execute(|| {
		assert!(Feeders::<Test>::get().is_empty());
		assert!(Oracle::price_keys().is_empty());
		assert_eq!(
			Oracle::submit_price(signed(A), USDX, p(10_000)),
			Err(Error::<Test>::NotFeeder.into())
		);
	});
}
