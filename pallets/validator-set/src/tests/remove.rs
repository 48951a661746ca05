//! Removing validators.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn remove_validator_works_and_names_who_did_it() {
	ExtBuilder::default().validators(&[A, B, C, D]).build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(governance(), B));
		System::assert_last_event(Event::ValidatorRemoved { validator: B, by: Actor::Root }.into());
		assert_eq!(validators(), vec![A, C, D]);
		assert!(SetChanged::<Test>::get());

		assert_ok!(ValidatorSet::remove_validator(signed(GOV), D));
		System::assert_last_event(
			Event::ValidatorRemoved { validator: D, by: Actor::Signed(GOV) }.into(),
		);
		assert_eq!(validators(), vec![A, C]);
	});
}

#[test]
fn remove_validator_refuses_other_origins() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [signed(MALLORY), signed(A), RuntimeOrigin::none()] {
			assert_noop!(ValidatorSet::remove_validator(origin, C), Error::<Test>::NotGovernance);
		}
	});
}

#[test]
fn remove_validator_refuses_a_non_validator() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::remove_validator(governance(), D), Error::<Test>::NotValidator);
		assert_noop!(
			ValidatorSet::remove_validator(governance(), MALLORY),
			Error::<Test>::NotValidator
		);
	});
}

#[test]
fn remove_validator_keeps_min_validators() {
	ExtBuilder::default().build_and_execute(|| {
		// Three validators, at least two: one may go, then no more.
		assert_ok!(ValidatorSet::remove_validator(governance(), C));
		assert_eq!(validators(), vec![A, B]);
		assert_noop!(
			ValidatorSet::remove_validator(governance(), B),
			Error::<Test>::TooFewValidators
		);
		// A non-validator is still reported as such.
		assert_noop!(ValidatorSet::remove_validator(governance(), C), Error::<Test>::NotValidator);
	});
}

#[test]
fn below_min_validators_the_set_can_grow_but_not_shrink() {
	ExtBuilder::default().validators(&[A]).build_and_execute(|| {
		assert_noop!(
			ValidatorSet::remove_validator(governance(), A),
			Error::<Test>::TooFewValidators
		);
		assert_ok!(ValidatorSet::add_validator(governance(), D));
		assert_noop!(
			ValidatorSet::remove_validator(governance(), A),
			Error::<Test>::TooFewValidators
		);
		assert_ok!(ValidatorSet::add_validator(governance(), E));
		assert_ok!(ValidatorSet::remove_validator(governance(), A));
		assert_eq!(validators(), vec![D, E]);
	});
}
