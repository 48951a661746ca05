//! Manual pauses: the guardian pauses, only governance lifts.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{Actor, Breaker, GuardedOperation::*};

#[test]
fn the_guardian_pauses_one_operation_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CircuitBreaker::pause(guardian(), Some(Transfer), reason("exploit")));
		System::assert_last_event(
			Event::OperationPaused {
				operation: Transfer,
				by: Actor::Signed(GUARDIAN),
				reason: reason("exploit"),
			}
			.into(),
		);
		assert_noop!(CircuitBreaker::ensure_allowed(Transfer, 1), Error::<Test>::Paused);
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, 1));
		assert_eq!(CircuitBreaker::check(Transfer, 1), Err(Refusal::Paused));
	});
}

#[test]
fn the_guardian_cannot_unpause_and_governance_can() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CircuitBreaker::pause(guardian(), Some(Mint), reason("incident")));
		assert_noop!(
			CircuitBreaker::unpause(guardian(), Some(Mint), reason("over")),
			Error::<Test>::NotGovernance
		);
		assert_ok!(CircuitBreaker::unpause(governance(), Some(Mint), reason("over")));
		System::assert_last_event(
			Event::OperationUnpaused { operation: Mint, by: Actor::Root, reason: reason("over") }
				.into(),
		);
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, 1));
	});
}

#[test]
fn governance_may_pause_too_and_others_may_not() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CircuitBreaker::pause(RuntimeOrigin::signed(MALLORY), None, reason("x")),
			Error::<Test>::NotGuardianOrGovernance
		);
		assert_noop!(
			CircuitBreaker::pause(RuntimeOrigin::none(), None, reason("x")),
			Error::<Test>::NotGuardianOrGovernance
		);
		assert_noop!(
			CircuitBreaker::unpause(RuntimeOrigin::signed(MALLORY), None, reason("x")),
			Error::<Test>::NotGovernance
		);
		assert_ok!(CircuitBreaker::pause(governance(), Some(Redeem), reason("bank holiday")));
		System::assert_last_event(
			Event::OperationPaused {
				operation: Redeem,
				by: Actor::Root,
				reason: reason("bank holiday"),
			}
			.into(),
		);
		// A manual pause may stop redemptions, unlike a level.
		assert_noop!(CircuitBreaker::ensure_allowed(Redeem, 1), Error::<Test>::Paused);
	});
}

#[test]
fn pausing_everything_pauses_what_is_not_paused_yet() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CircuitBreaker::pause(guardian(), Some(Mint), reason("first")));
		assert_ok!(CircuitBreaker::pause(guardian(), None, reason("all")));
		let paused: Vec<_> = events()
			.into_iter()
			.filter_map(|e| match e {
				Event::OperationPaused { operation, reason: r, .. } => Some((operation, r)),
				_ => None,
			})
			.collect();
		assert_eq!(
			paused,
			vec![(Mint, reason("first")), (Redeem, reason("all")), (Transfer, reason("all"))]
		);
		// The first pause keeps its reason.
		assert_eq!(Paused::<Test>::get(Mint).map(|p| p.reason), Some(reason("first")));
		assert_noop!(
			CircuitBreaker::pause(guardian(), None, reason("again")),
			Error::<Test>::AlreadyPaused
		);
		assert_noop!(
			CircuitBreaker::pause(guardian(), Some(Redeem), reason("again")),
			Error::<Test>::AlreadyPaused
		);
		for op in stablecoin_primitives::GuardedOperation::ALL {
			assert_noop!(CircuitBreaker::ensure_allowed(op, 1), Error::<Test>::Paused);
		}

		assert_ok!(CircuitBreaker::unpause(governance(), None, reason("resolved")));
		assert_eq!(Paused::<Test>::iter().count(), 0);
		assert_noop!(
			CircuitBreaker::unpause(governance(), None, reason("again")),
			Error::<Test>::NotPaused
		);
		assert_noop!(
			CircuitBreaker::unpause(governance(), Some(Mint), reason("again")),
			Error::<Test>::NotPaused
		);
	});
}

#[test]
fn a_pause_needs_a_reason() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CircuitBreaker::pause(guardian(), None, reason("")),
			Error::<Test>::EmptyReason
		);
		assert_ok!(CircuitBreaker::pause(guardian(), None, reason("r")));
		assert_noop!(
			CircuitBreaker::unpause(governance(), None, reason("")),
			Error::<Test>::EmptyReason
		);
	});
}

#[test]
fn a_pause_is_reported_before_the_level() {
	ExtBuilder::default().build_and_execute(|| {
		set_deviation(-600);
		run_block_at(START + MINUTE);
		assert_ok!(CircuitBreaker::pause(guardian(), Some(Mint), reason("r")));
		assert_noop!(CircuitBreaker::ensure_allowed(Mint, 1), Error::<Test>::Paused);
	});
}
