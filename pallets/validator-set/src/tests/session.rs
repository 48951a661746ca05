//! The pallet as the session manager: changes reach `pallet_session` at the session boundary.

use crate::{mock::*, *};
use frame_support::assert_ok;
use pallet_session::SessionManager;

/// The `NewSetPlanned` events so far.
fn planned() -> Vec<(u32, Vec<u64>)> {
	validator_set_events()
		.into_iter()
		.filter_map(|event| match event {
			Event::NewSetPlanned { session, validators } => {
				Some((session, validators.into_inner()))
			}
			_ => None,
		})
		.collect()
}

#[docify::export]
#[test]
fn an_added_validator_becomes_active_after_two_rotations() {
	ExtBuilder::default().build_and_execute(|| {
		// Session 0: governance adds D.
		assert_ok!(ValidatorSet::add_validator(governance(), D));

		// Session 1 starts with the old set; the new one is planned for session 2.
		run_to_session(1);
		assert_eq!(Session::validators(), vec![A, B, C]);
		assert_eq!(planned(), vec![(2, vec![A, B, C, D])]);
		System::assert_has_event(
			Event::NewSetPlanned {
				session: 2,
				validators: ValidatorsOf::<Test>::truncate_from(vec![A, B, C, D]),
			}
			.into(),
		);
		assert!(!SetChanged::<Test>::get());
		let queued: Vec<u64> = Session::queued_keys().into_iter().map(|(v, _)| v).collect();
		assert_eq!(queued, vec![A, B, C, D]);

		// Session 2 runs with D.
		run_to_session(2);
		assert_eq!(Session::validators(), vec![A, B, C, D]);

		// Later rotations keep the set and plan nothing more.
		run_to_session(4);
		assert_eq!(Session::validators(), vec![A, B, C, D]);
		assert_eq!(planned().len(), 1);
	});
}

#[test]
fn removed_and_replaced_validators_leave_the_session() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(governance(), B));
		assert_ok!(ValidatorSet::replace_validator(governance(), C, E));
		run_to_session(2);
		assert_eq!(Session::validators(), vec![A, E]);
		// Two changes in one session, one plan.
		assert_eq!(planned(), vec![(2, vec![A, E])]);
	});
}

#[test]
fn a_change_in_a_later_session_is_planned_then() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_session(1);
		// Session 1: replace A by D; planned when session 1 ends, for session 3.
		assert_ok!(ValidatorSet::replace_validator(governance(), A, D));
		run_to_session(2);
		assert_eq!(Session::validators(), vec![A, B, C]);
		assert_eq!(planned(), vec![(3, vec![B, C, D])]);
		run_to_session(3);
		assert_eq!(Session::validators(), vec![B, C, D]);
		assert_eq!(planned().len(), 1);
	});
}

#[test]
fn session_manager_hooks() {
	ExtBuilder::default().build_and_execute(|| {
		// Unchanged: keep the current set.
		assert_eq!(ValidatorSet::new_session(7), None);
		assert_eq!(ValidatorSet::new_session_genesis(0), Some(vec![A, B, C]));
		ValidatorSet::start_session(7);
		ValidatorSet::end_session(7);
		// Changed: the whole set, once.
		assert_ok!(ValidatorSet::add_validator(governance(), D));
		assert_eq!(ValidatorSet::new_session(8), Some(vec![A, B, C, D]));
		System::assert_last_event(
			Event::NewSetPlanned {
				session: 8,
				validators: ValidatorsOf::<Test>::truncate_from(vec![A, B, C, D]),
			}
			.into(),
		);
		assert_eq!(ValidatorSet::new_session(9), None);
		assert_eq!(planned().len(), 1);
	});
}

#[test]
fn an_empty_set_is_never_handed_to_the_session() {
	ExtBuilder::default().build().execute_with(|| {
		// Only reachable if genesis never set the pallet up.
		Validators::<Test>::kill();
		SetChanged::<Test>::put(true);
		assert_eq!(ValidatorSet::new_session_genesis(0), None);
		assert_eq!(ValidatorSet::new_session(2), None);
		assert!(planned().is_empty());
	});
}

#[test]
fn a_validator_that_purges_its_keys_is_skipped_by_the_session() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(governance(), D));
		assert_ok!(Session::purge_keys(signed(D)));
		run_to_session(2);
		// Still in this pallet's set, but not an authority: governance should remove it.
		assert_eq!(validators(), vec![A, B, C, D]);
		assert_eq!(Session::validators(), vec![A, B, C]);
	});
}
