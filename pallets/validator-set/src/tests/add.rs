//! Adding validators.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn add_validator_works_and_names_who_did_it() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(governance(), E));
		System::assert_last_event(Event::ValidatorAdded { validator: E, by: Actor::Root }.into());
		assert_eq!(validators(), vec![A, B, C, E]);
		assert!(SetChanged::<Test>::get());

		assert_ok!(ValidatorSet::add_validator(signed(GOV), D));
		System::assert_last_event(
			Event::ValidatorAdded { validator: D, by: Actor::Signed(GOV) }.into(),
		);
		// Kept sorted.
		assert_eq!(validators(), vec![A, B, C, D, E]);
	});
}

#[test]
fn add_validator_refuses_other_origins() {
	ExtBuilder::default().build_and_execute(|| {
		// Signed accounts other than governance, validators and the candidate included.
		for origin in [signed(MALLORY), signed(A), signed(D), RuntimeOrigin::none()] {
			assert_noop!(ValidatorSet::add_validator(origin, D), Error::<Test>::NotGovernance);
		}
		assert!(!SetChanged::<Test>::get());
	});
}

#[test]
fn add_validator_refuses_a_validator() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::add_validator(governance(), A), Error::<Test>::AlreadyValidator);
	});
}

#[test]
fn add_validator_needs_registered_keys() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ValidatorSet::add_validator(governance(), MALLORY),
			Error::<Test>::KeysNotRegistered
		);
		// Once MALLORY sets keys, it can be added.
		set_keys(MALLORY);
		assert_ok!(ValidatorSet::add_validator(governance(), MALLORY));
		assert_eq!(validators(), vec![A, B, C, MALLORY]);
	});
}

#[test]
fn add_validator_refuses_after_keys_are_purged() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Session::purge_keys(signed(D)));
		assert_noop!(
			ValidatorSet::add_validator(governance(), D),
			Error::<Test>::KeysNotRegistered
		);
	});
}

#[test]
fn add_validator_stops_at_max_validators() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(governance(), D));
		assert_ok!(ValidatorSet::add_validator(governance(), E));
		assert_eq!(validators().len(), 5);
		assert_noop!(
			ValidatorSet::add_validator(governance(), F),
			Error::<Test>::TooManyValidators
		);
		// A validator's own key is still checked first.
		assert_noop!(ValidatorSet::add_validator(governance(), A), Error::<Test>::AlreadyValidator);
	});
}
