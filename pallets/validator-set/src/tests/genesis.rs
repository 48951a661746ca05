//! The genesis configuration, and the session taking the genesis set.

use crate::{mock::*, *};
use frame_support::traits::{Get, Hooks};

#[test]
fn genesis_sorts_and_deduplicates() {
	ExtBuilder::default().validators(&[C, A, B, A]).build_and_execute(|| {
		assert_eq!(validators(), vec![A, B, C]);
		assert!(!SetChanged::<Test>::get());
		assert!(ValidatorSet::is_validator(&B));
		assert!(!ValidatorSet::is_validator(&D));
	});
}

#[test]
fn session_starts_with_the_genesis_set() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Session::current_index(), 0);
		assert_eq!(Session::validators(), vec![A, B, C]);
		let queued: Vec<u64> = Session::queued_keys().into_iter().map(|(v, _)| v).collect();
		assert_eq!(queued, vec![A, B, C]);
		// Nothing changed, so the first rotations keep the genesis set and plan nothing.
		run_to_session(2);
		assert_eq!(Session::validators(), vec![A, B, C]);
		assert!(validator_set_events().is_empty());
	});
}

#[test]
fn a_single_genesis_validator_is_allowed() {
	ExtBuilder::default().validators(&[A]).build_and_execute(|| {
		assert_eq!(validators(), vec![A]);
		assert_eq!(Session::validators(), vec![A]);
	});
}

#[test]
fn an_empty_genesis_leaves_the_session_to_its_keys() {
	ExtBuilder::default().validators(&[A, B]).unmanaged().build().execute_with(|| {
		assert!(validators().is_empty());
		assert_eq!(Session::validators(), vec![A, B]);
		// Nothing changed: the session keeps its set.
		run_to_session(2);
		assert_eq!(Session::validators(), vec![A, B]);
		assert!(validator_set_events().is_empty());
		// The missing set is what `try_state` reports.
		assert!(ValidatorSet::do_try_state().is_err());
	});
}

#[test]
#[should_panic(expected = "more than MaxValidators")]
fn genesis_refuses_too_many_validators() {
	ExtBuilder::default().validators(&[1, 2, 3, 4, 5, 6]).candidates(&[]).build();
}

#[test]
fn bounds_are_consistent() {
	ExtBuilder::default().build_and_execute(|| {
		ValidatorSet::integrity_test();
		assert_eq!(ValidatorSet::min_validators(), 2);
		let max: u32 = <Test as Config>::MaxValidators::get();
		assert_eq!(max, 5, "the tests assume at most five validators");
	});
}

#[test]
fn storage_version_is_one() {
	use frame_support::traits::{GetStorageVersion, StorageVersion};
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(ValidatorSet::in_code_storage_version(), StorageVersion::new(1));
		assert_eq!(ValidatorSet::on_chain_storage_version(), StorageVersion::new(1));
	});
}

#[test]
fn try_state_catches_broken_sets() {
	ExtBuilder::default().build().execute_with(|| {
		Validators::<Test>::put(ValidatorsOf::<Test>::truncate_from(vec![B, A]));
		assert!(ValidatorSet::do_try_state().is_err());
		Validators::<Test>::put(ValidatorsOf::<Test>::truncate_from(vec![A, A]));
		assert!(ValidatorSet::do_try_state().is_err());
		Validators::<Test>::kill();
		assert!(ValidatorSet::do_try_state().is_err());
		Validators::<Test>::put(ValidatorsOf::<Test>::truncate_from(vec![A]));
		assert!(ValidatorSet::do_try_state().is_ok());
	});
}
