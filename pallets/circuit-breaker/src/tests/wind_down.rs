//! The wind-down: governance alone enters and leaves it; no mints meanwhile, transfers and
//! redemptions go on, redemptions free of volume limits. And the renounced mint-limit ceiling.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{Actor, Breaker, GuardedOperation::*};

#[test]
fn governance_enters_wind_down_and_mints_are_refused_while_the_rest_goes_on() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(!CircuitBreaker::is_winding_down());
		assert_ok!(CircuitBreaker::enter_wind_down(governance(), reason("board resolution 7")));
		System::assert_last_event(
			Event::WindDownEntered { by: Actor::Root, reason: reason("board resolution 7") }.into(),
		);
		assert!(<CircuitBreaker as Breaker<u128>>::is_winding_down());
		assert_eq!(
			CircuitBreaker::wind_down_view(),
			Some(WindDownView { since: START, reason: b"board resolution 7".to_vec() })
		);
		assert_noop!(CircuitBreaker::admit(Mint, 1), Error::<Test>::WindingDown);
		assert_noop!(CircuitBreaker::ensure_allowed(Mint, 1), Error::<Test>::WindingDown);
		assert_eq!(CircuitBreaker::check(Mint, 1), Err(Refusal::WindingDown));
		assert_ok!(CircuitBreaker::admit(Transfer, 10 * USDX));
		assert_ok!(CircuitBreaker::admit(Redeem, 10 * USDX));
	});
}

#[test]
fn a_guardian_cannot_enter_or_leave_wind_down() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CircuitBreaker::enter_wind_down(guardian(), reason("panic")),
			Error::<Test>::NotGovernance
		);
		assert_noop!(
			CircuitBreaker::enter_wind_down(RuntimeOrigin::signed(MALLORY), reason("x")),
			Error::<Test>::NotGovernance
		);
		assert_ok!(CircuitBreaker::enter_wind_down(governance(), reason("resolution")));
		assert_noop!(
			CircuitBreaker::exit_wind_down(guardian(), reason("resume")),
			Error::<Test>::NotGovernance
		);
		assert!(CircuitBreaker::is_winding_down());
	});
}

#[test]
fn wind_down_refuses_an_empty_reason_and_a_second_entry_or_an_exit_without_entry() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CircuitBreaker::enter_wind_down(governance(), reason("")),
			Error::<Test>::EmptyReason
		);
		assert_noop!(
			CircuitBreaker::exit_wind_down(governance(), reason("resume")),
			Error::<Test>::NotWindingDown
		);
		assert_ok!(CircuitBreaker::enter_wind_down(governance(), reason("resolution")));
		assert_noop!(
			CircuitBreaker::enter_wind_down(governance(), reason("again")),
			Error::<Test>::AlreadyWindingDown
		);
		assert_noop!(
			CircuitBreaker::exit_wind_down(governance(), reason("")),
			Error::<Test>::EmptyReason
		);
	});
}

#[test]
fn leaving_wind_down_makes_mints_possible_again() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CircuitBreaker::enter_wind_down(governance(), reason("resolution")));
		assert_ok!(CircuitBreaker::exit_wind_down(governance(), reason("recapitalised")));
		System::assert_last_event(
			Event::WindDownExited { by: Actor::Root, reason: reason("recapitalised") }.into(),
		);
		assert!(!CircuitBreaker::is_winding_down());
		assert_eq!(CircuitBreaker::wind_down_view(), None);
		assert_ok!(CircuitBreaker::admit(Mint, 1));
	});
}

#[test]
fn redemptions_during_wind_down_are_neither_limited_nor_counted() {
	ExtBuilder::default().limits(Redeem, Some(100 * USDX), Some(200 * USDX)).build_and_execute(
		|| {
			assert_noop!(
				CircuitBreaker::ensure_allowed(Redeem, 100 * USDX + 1),
				Error::<Test>::BlockRedeemLimitExceeded
			);
			assert_ok!(CircuitBreaker::enter_wind_down(governance(), reason("resolution")));
			assert_ok!(CircuitBreaker::admit(Redeem, 1_000 * USDX));
			assert_ok!(CircuitBreaker::admit(Redeem, 1_000 * USDX));
			// Not counted: the window still holds only what was taken under the limits.
			assert_eq!(CircuitBreaker::current_volume(Redeem).window_total, 0);
			assert_ok!(CircuitBreaker::exit_wind_down(governance(), reason("over")));
			// The limits apply again, in full.
			assert_eq!(CircuitBreaker::remaining_volume(Redeem).per_block, Some(100 * USDX));
			assert_noop!(
				CircuitBreaker::ensure_allowed(Redeem, 100 * USDX + 1),
				Error::<Test>::BlockRedeemLimitExceeded
			);
		},
	);
}

#[test]
fn wind_down_refuses_mints_before_any_other_check() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CircuitBreaker::pause(guardian(), Some(Mint), reason("incident")));
		set_reserves(stablecoin_primitives::ReserveStatus::Shortfall);
		assert_ok!(CircuitBreaker::enter_wind_down(governance(), reason("resolution")));
		assert_eq!(CircuitBreaker::check(Mint, 1), Err(Refusal::WindingDown));
		// A manual pause of redemptions still holds: it is the emergency stop.
		assert_ok!(CircuitBreaker::pause(guardian(), Some(Redeem), reason("exploit")));
		assert_noop!(CircuitBreaker::admit(Redeem, 1), Error::<Test>::Paused);
	});
}

#[test]
fn mint_limits_above_a_renounced_ceiling_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		set_mint_ceiling(1_000 * USDX);
		let limits = |per_block, per_day| VolumeLimits { per_block, per_day };
		assert_noop!(
			CircuitBreaker::set_volume_limits(governance(), Mint, limits(None, None)),
			Error::<Test>::AboveMintLimitCeiling
		);
		assert_noop!(
			CircuitBreaker::set_volume_limits(
				governance(),
				Mint,
				limits(Some(100 * USDX), Some(1_000 * USDX + 1))
			),
			Error::<Test>::AboveMintLimitCeiling
		);
		assert_noop!(
			CircuitBreaker::set_volume_limits(governance(), Mint, limits(Some(100 * USDX), None)),
			Error::<Test>::AboveMintLimitCeiling
		);
		assert_ok!(CircuitBreaker::set_volume_limits(
			governance(),
			Mint,
			limits(Some(100 * USDX), Some(1_000 * USDX))
		));
		assert!(<CircuitBreaker as Breaker<u128>>::mint_limits_within(1_000 * USDX));
		assert!(!<CircuitBreaker as Breaker<u128>>::mint_limits_within(999 * USDX));
		// Redemption limits are not mint limits.
		assert_ok!(CircuitBreaker::set_volume_limits(governance(), Redeem, limits(None, None)));
	});
}

#[test]
fn without_a_ceiling_mint_limits_may_be_lifted() {
	ExtBuilder::default().limits(Mint, Some(USDX), Some(USDX)).build_and_execute(|| {
		assert!(<CircuitBreaker as Breaker<u128>>::mint_limits_within(USDX));
		assert_ok!(CircuitBreaker::set_volume_limits(
			governance(),
			Mint,
			VolumeLimits { per_block: None, per_day: None }
		));
		assert!(!<CircuitBreaker as Breaker<u128>>::mint_limits_within(u128::MAX));
	});
}
