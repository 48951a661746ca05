//! The treasury allowance and the parameters.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Permill;

#[test]
fn authorize_and_reduce_track_the_totals() {
	ExtBuilder::default().allowance(0).build_and_execute(|| {
		assert_ok!(Stablecoin::authorize_supply(governance(), 500 * USD));
		System::assert_last_event(
			Event::<Test>::SupplyAuthorized {
				amount: 500 * USD,
				old_allowance: 0,
				allowance: 500 * USD,
				by: actor(GOVERNOR),
			}
			.into(),
		);
		assert_ok!(Stablecoin::reduce_allowance(governance(), 200 * USD));
		System::assert_last_event(
			Event::<Test>::AllowanceReduced {
				amount: 200 * USD,
				old_allowance: 500 * USD,
				allowance: 300 * USD,
				by: actor(GOVERNOR),
			}
			.into(),
		);
		assert_eq!(Allowance::<Test>::get(), 300 * USD);
		assert_eq!(TotalAuthorized::<Test>::get(), 300 * USD);
	});
}

#[test]
fn allowance_refusals() {
	ExtBuilder::default().allowance(100 * USD).build_and_execute(|| {
		assert_noop!(Stablecoin::authorize_supply(governance(), 0), Error::<Test>::ZeroAmount);
		assert_noop!(Stablecoin::reduce_allowance(governance(), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Stablecoin::reduce_allowance(governance(), 101 * USD),
			Error::<Test>::AllowanceTooSmall
		);
		assert_noop!(
			Stablecoin::authorize_supply(governance(), Balance::MAX),
			Error::<Test>::Overflow
		);
		for origin in [signed(ALICE), fiat_desk(), officer(), RuntimeOrigin::root()] {
			assert_noop!(
				Stablecoin::authorize_supply(origin.clone(), USD),
				Error::<Test>::NotGovernance
			);
			assert_noop!(Stablecoin::reduce_allowance(origin, USD), Error::<Test>::NotGovernance);
		}
	});
}

#[test]
fn parameters_are_validated_and_reported() {
	ExtBuilder::default().build_and_execute(|| {
		let old = Params::<Test>::get();
		assert_eq!(old, Parameters::defaults_with_unit(1_000_000));
		assert_eq!(old.mint.min, 100 * USD);
		assert_eq!(old.bulk_mint.max, 100_000_000 * USD);
		let mut new = old;
		new.mint.fee = Permill::from_parts(2_000);
		new.settlement_days = 3;
		assert_ok!(Stablecoin::set_parameters(governance(), new));
		System::assert_last_event(
			Event::<Test>::ParametersSet { old, new, by: actor(GOVERNOR) }.into(),
		);
		assert_noop!(Stablecoin::set_parameters(signed(ALICE), old), Error::<Test>::NotGovernance);
		let mut bad = old;
		bad.mint.min = bad.mint.max + 1;
		assert_noop!(
			Stablecoin::set_parameters(governance(), bad),
			Error::<Test>::InvalidParameters
		);
		let mut bad = old;
		bad.redeem.fee = Permill::from_percent(11);
		assert_noop!(
			Stablecoin::set_parameters(governance(), bad),
			Error::<Test>::InvalidParameters
		);
		let mut bad = old;
		bad.settlement_days = 0;
		assert_noop!(
			Stablecoin::set_parameters(governance(), bad),
			Error::<Test>::InvalidParameters
		);
		let mut bad = old;
		bad.bulk_mint.min = 0;
		assert_noop!(
			Stablecoin::set_parameters(governance(), bad),
			Error::<Test>::InvalidParameters
		);
	});
}

#[test]
fn fees_round_up() {
	ExtBuilder::default().build_and_execute(|| {
		let rate = Permill::from_parts(1_000);
		assert_eq!(Stablecoin::fee_of(1_000 * USD, rate), USD);
		assert_eq!(Stablecoin::fee_of(1, rate), 1);
		assert_eq!(Stablecoin::fee_of(1_001, rate), 2);
		assert_eq!(Stablecoin::fee_of(0, rate), 0);
		assert_eq!(Stablecoin::fee_of(100 * USD + 1, rate), 100_001);
	});
}
