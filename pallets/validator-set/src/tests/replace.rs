//! Replacing validators.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn replace_validator_works_and_names_who_did_it() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::replace_validator(governance(), A, E));
		System::assert_last_event(
			Event::ValidatorReplaced { old: A, new: E, by: Actor::Root }.into(),
		);
		assert_eq!(validators(), vec![B, C, E]);
		assert!(SetChanged::<Test>::get());

		assert_ok!(ValidatorSet::replace_validator(signed(GOV), E, D));
		System::assert_last_event(
			Event::ValidatorReplaced { old: E, new: D, by: Actor::Signed(GOV) }.into(),
		);
		// Kept sorted.
		assert_eq!(validators(), vec![B, C, D]);
	});
}

#[test]
fn replace_validator_refuses_other_origins() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [signed(MALLORY), signed(A), signed(D), RuntimeOrigin::none()] {
			assert_noop!(
				ValidatorSet::replace_validator(origin, A, D),
				Error::<Test>::NotGovernance
			);
		}
	});
}

#[test]
fn replace_validator_errors() {
	ExtBuilder::default().build_and_execute(|| {
		// `old` must be a validator.
		assert_noop!(
			ValidatorSet::replace_validator(governance(), D, E),
			Error::<Test>::NotValidator
		);
		// `new` must not be one, itself included.
		assert_noop!(
			ValidatorSet::replace_validator(governance(), A, B),
			Error::<Test>::AlreadyValidator
		);
		assert_noop!(
			ValidatorSet::replace_validator(governance(), A, A),
			Error::<Test>::AlreadyValidator
		);
		// `new` must have session keys.
		assert_noop!(
			ValidatorSet::replace_validator(governance(), A, MALLORY),
			Error::<Test>::KeysNotRegistered
		);
	});
}

#[test]
fn replace_validator_works_at_the_bounds() {
	// At the minimum (a removal would be refused) ...
	ExtBuilder::default().validators(&[A, B]).build_and_execute(|| {
		assert_noop!(
			ValidatorSet::remove_validator(governance(), A),
			Error::<Test>::TooFewValidators
		);
		assert_ok!(ValidatorSet::replace_validator(governance(), A, D));
		assert_eq!(validators(), vec![B, D]);
	});
	// ... and at the maximum (an addition would be refused).
	ExtBuilder::default().validators(&[A, B, C, D, E]).candidates(&[F]).build_and_execute(|| {
		assert_noop!(
			ValidatorSet::add_validator(governance(), F),
			Error::<Test>::TooManyValidators
		);
		assert_ok!(ValidatorSet::replace_validator(governance(), C, F));
		assert_eq!(validators(), vec![A, B, D, E, F]);
	});
}
