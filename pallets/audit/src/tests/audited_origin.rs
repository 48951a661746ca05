//! [`AuditedOrigin`]: an event naming who passed the origin check, only when the call
//! succeeds.

use crate::{mock::*, AuditedOrigin, Event};
use frame_support::{
	assert_err_ignore_postinfo, assert_ok,
	traits::{EnsureOrigin, OriginTrait},
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::{traits::Dispatchable, DispatchError, Either};
use stablecoin_primitives::Actor;

#[test]
fn a_passed_check_is_recorded_and_returns_the_inner_success() {
	build_and_execute(|| {
		assert_eq!(
			AuditedOrigin::<Test, EnsureSigned<u64>, DirectScope>::try_origin(
				RuntimeOrigin::signed(ALICE)
			)
			.ok(),
			Some(ALICE)
		);
		System::assert_last_event(
			Event::Authorized { scope: Scope::Direct, by: Actor::Signed(ALICE) }.into(),
		);
		assert_eq!(
			AuditedOrigin::<Test, Privileged, GuardedScope>::try_origin(RuntimeOrigin::signed(
				GUARDIAN
			))
			.ok(),
			Some(Either::Left(GUARDIAN))
		);
		assert_ok!(AuditedOrigin::<Test, EnsureRoot<u64>, DirectScope>::ensure_origin(
			RuntimeOrigin::root()
		));
		assert_eq!(
			audit_events(),
			vec![
				Event::Authorized { scope: Scope::Direct, by: Actor::Signed(ALICE) },
				Event::Authorized { scope: Scope::Guarded, by: Actor::Signed(GUARDIAN) },
				Event::Authorized { scope: Scope::Direct, by: Actor::Root },
			]
		);
	});
}

#[test]
fn a_refused_origin_is_given_back_and_not_recorded() {
	build_and_execute(|| {
		let refused = AuditedOrigin::<Test, EnsureRoot<u64>, DirectScope>::try_origin(
			RuntimeOrigin::signed(MALLORY),
		);
		assert_eq!(refused.err().and_then(|origin| origin.as_signer().copied()), Some(MALLORY));
		assert!(AuditedOrigin::<Test, Privileged, GuardedScope>::ensure_origin(
			RuntimeOrigin::none()
		)
		.is_err());
		assert!(events().is_empty());
	});
}

#[test]
fn a_successful_call_records_its_actor() {
	build_and_execute(|| {
		assert_ok!(guarded(false).dispatch(RuntimeOrigin::signed(GUARDIAN)));
		System::assert_last_event(
			Event::Authorized { scope: Scope::Guarded, by: Actor::Signed(GUARDIAN) }.into(),
		);
		assert_ok!(guarded(false).dispatch(RuntimeOrigin::root()));
		System::assert_last_event(
			Event::Authorized { scope: Scope::Guarded, by: Actor::Root }.into(),
		);
		assert_eq!(audit_events().len(), 2);
	});
}

#[test]
fn a_failed_call_records_nothing() {
	build_and_execute(|| {
		// The check passed, then the call failed: the event is reverted with the call.
		assert_err_ignore_postinfo!(
			guarded(true).dispatch(RuntimeOrigin::signed(GUARDIAN)),
			probe::Error::<Test>::Failed
		);
		// The check failed.
		assert_err_ignore_postinfo!(
			guarded(false).dispatch(RuntimeOrigin::signed(MALLORY)),
			DispatchError::BadOrigin
		);
		assert!(events().is_empty());
	});
}

#[cfg(feature = "runtime-benchmarks")]
#[test]
fn the_successful_origin_is_the_inner_ones() {
	build_and_execute(|| {
		let origin = AuditedOrigin::<Test, Privileged, GuardedScope>::try_successful_origin()
			.expect("the inner origin has one");
		assert!(Privileged::try_origin(origin).is_ok());
	});
}
