//! Registering, updating and removing price keys.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn register_update_and_remove_a_key() {
	ExtBuilder::default().build_and_execute(|| {
		let eur = PriceKeyParams { peg: p(10_800), ..params() };
		assert_ok!(Oracle::register_price_key(governance(), EUR, eur));
		System::assert_last_event(
			Event::PriceKeyRegistered { key: EUR, params: eur, by: Actor::Root }.into(),
		);
		assert_eq!(PriceKeys::<Test>::get(EUR), Some(eur));

		let wider = PriceKeyParams { outlier_band_bps: 300, quorum: 3, ..eur };
		assert_ok!(Oracle::update_price_key(signed(GOV), EUR, wider));
		System::assert_last_event(
			Event::PriceKeyUpdated {
				key: EUR,
				old_params: eur,
				params: wider,
				by: Actor::Signed(GOV),
			}
			.into(),
		);
		assert_eq!(PriceKeys::<Test>::get(EUR), Some(wider));
		assert_eq!(Oracle::price_keys().len(), 2);

		assert_ok!(Oracle::remove_price_key(governance(), EUR));
		System::assert_last_event(
			Event::PriceKeyRemoved { key: EUR, params: wider, by: Actor::Root }.into(),
		);
		assert_eq!(PriceKeys::<Test>::get(EUR), None);
	});
}

#[test]
fn removing_a_key_removes_its_data() {
	ExtBuilder::default().build_and_execute(|| {
		submit(A, USDX, p(10_000));
		submit(B, USDX, p(10_000));
		assert!(Aggregates::<Test>::contains_key(USDX));
		assert_ok!(Oracle::remove_price_key(governance(), USDX));
		assert!(!Reports::<Test>::contains_key(USDX));
		assert!(!Aggregates::<Test>::contains_key(USDX));
		assert!(!History::<Test>::contains_key(USDX));
		assert_eq!(<Oracle as stablecoin_primitives::PriceFeed>::last_price(&USDX), None);
		assert_noop!(Oracle::submit_price(signed(A), USDX, p(10_000)), Error::<Test>::UnknownKey);
	});
}

#[test]
fn key_calls_need_governance() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [signed(MALLORY), signed(A), RuntimeOrigin::none()] {
			assert_noop!(
				Oracle::register_price_key(origin.clone(), EUR, params()),
				Error::<Test>::NotGovernance
			);
			assert_noop!(
				Oracle::update_price_key(origin.clone(), USDX, params()),
				Error::<Test>::NotGovernance
			);
			assert_noop!(Oracle::remove_price_key(origin, USDX), Error::<Test>::NotGovernance);
		}
	});
}

#[test]
fn parameters_are_validated() {
	ExtBuilder::default().build_and_execute(|| {
		let cases = [
			(PriceKeyParams { quorum: 0, ..params() }, Error::<Test>::InvalidQuorum),
			(PriceKeyParams { quorum: 8, ..params() }, Error::<Test>::InvalidQuorum),
			(PriceKeyParams { max_age: 0, ..params() }, Error::<Test>::InvalidMaxAge),
			(PriceKeyParams { outlier_band_bps: 0, ..params() }, Error::<Test>::InvalidOutlierBand),
			(
				PriceKeyParams { peg: FixedU128::from_inner(0), ..params() },
				Error::<Test>::InvalidPeg,
			),
			(PriceKeyParams { twap_window: 0, ..params() }, Error::<Test>::InvalidTwapWindow),
		];
		for (bad, error) in cases {
			let error: DispatchError = error.into();
			assert_noop!(Oracle::register_price_key(governance(), EUR, bad), error);
			assert_noop!(Oracle::update_price_key(governance(), USDX, bad), error);
		}
		// The largest valid quorum is MaxFeeders.
		assert_ok!(Oracle::register_price_key(
			governance(),
			EUR,
			PriceKeyParams { quorum: 7, ..params() }
		));
		assert_noop!(
			Oracle::register_price_key(governance(), PriceKey::new(b"", b"USD"), params()),
			Error::<Test>::InvalidKey
		);
		assert_noop!(
			Oracle::register_price_key(governance(), PriceKey::new(b"GBP", b""), params()),
			Error::<Test>::InvalidKey
		);
	});
}

#[test]
fn key_registry_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Oracle::register_price_key(governance(), USDX, params()),
			Error::<Test>::KeyExists
		);
		assert_noop!(
			Oracle::update_price_key(governance(), EUR, params()),
			Error::<Test>::UnknownKey
		);
		assert_noop!(Oracle::remove_price_key(governance(), EUR), Error::<Test>::UnknownKey);
		for quote in [b"EUR", b"GBP", b"CHF"] {
			assert_ok!(Oracle::register_price_key(
				governance(),
				PriceKey::new(b"USD", quote),
				params()
			));
		}
		assert_noop!(
			Oracle::register_price_key(governance(), EUR, params()),
			Error::<Test>::TooManyKeys
		);
	});
}
