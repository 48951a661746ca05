//! Governance parameters: validation, old/new events, origins.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{Actor, GuardedOperation::*};

fn thresholds(watch: u32, supply: u32, liquidity: u32, halt: u32) -> BreakerParameters {
	BreakerParameters {
		thresholds: Thresholds { watch, supply_adjustment: supply, liquidity, halt },
		..Default::default()
	}
}

#[test]
fn governance_sets_parameters_with_old_and_new_values() {
	ExtBuilder::default().build_and_execute(|| {
		let new = BreakerParameters {
			thresholds: Thresholds { watch: 25, supply_adjustment: 75, liquidity: 150, halt: 300 },
			sustain_period: 30 * MINUTE,
			recovery_period: 2 * HOUR,
			stale_oracle_policy: StaleOraclePolicy::Halt,
		};
		assert_ok!(CircuitBreaker::set_parameters(governance(), new));
		assert_eq!(Parameters::<Test>::get(), new);
		System::assert_last_event(
			Event::ParametersSet { old: BreakerParameters::default(), new, by: Actor::Root }.into(),
		);
		// The new thresholds apply at the next observation.
		set_deviation(-310);
		run_block_at(START + MINUTE);
		assert_eq!(level(), Level::Halt);
	});
}

#[test]
fn thresholds_must_be_positive_strictly_increasing_and_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		for bad in [
			thresholds(0, 100, 200, 500),
			thresholds(100, 100, 200, 500),
			thresholds(50, 200, 100, 500),
			thresholds(50, 100, 500, 500),
			thresholds(50, 100, 200, 10_001),
		] {
			assert_noop!(
				CircuitBreaker::set_parameters(governance(), bad),
				Error::<Test>::InvalidThresholds
			);
		}
		assert_ok!(CircuitBreaker::set_parameters(governance(), thresholds(1, 2, 3, 10_000)));
	});
}

#[test]
fn periods_are_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		for (sustain, recovery) in [(MAX_PERIOD + 1, HOUR), (HOUR, MAX_PERIOD + 1)] {
			let bad = BreakerParameters {
				sustain_period: sustain,
				recovery_period: recovery,
				..Default::default()
			};
			assert_noop!(
				CircuitBreaker::set_parameters(governance(), bad),
				Error::<Test>::PeriodTooLong
			);
		}
	});
}

#[test]
fn changing_the_thresholds_restarts_the_clocks() {
	ExtBuilder::default().build_and_execute(|| {
		set_deviation(-150);
		run_block_at(START + MINUTE);
		assert!(State::<Test>::get().above_supply_since.is_some());
		assert_ok!(CircuitBreaker::set_parameters(governance(), thresholds(40, 100, 200, 500)));
		assert_eq!(State::<Test>::get().above_supply_since, None);
		// Same thresholds, other periods: clocks untouched.
		run_block_at(START + 2 * MINUTE);
		let params =
			BreakerParameters { recovery_period: 2 * HOUR, ..thresholds(40, 100, 200, 500) };
		assert_ok!(CircuitBreaker::set_parameters(governance(), params));
		assert_eq!(State::<Test>::get().above_supply_since, Some(START + 2 * MINUTE));
	});
}

#[test]
fn only_governance_sets_parameters() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [guardian(), RuntimeOrigin::signed(MALLORY), RuntimeOrigin::none()] {
			assert_noop!(
				CircuitBreaker::set_parameters(origin.clone(), BreakerParameters::default()),
				Error::<Test>::NotGovernance
			);
			assert_noop!(
				CircuitBreaker::set_level_policy(
					origin.clone(),
					Level::Halt,
					AllowedOperations::ALL
				),
				Error::<Test>::NotGovernance
			);
			assert_noop!(
				CircuitBreaker::set_volume_limits(origin, Mint, VolumeLimits::default()),
				Error::<Test>::NotGovernance
			);
		}
	});
}

#[test]
fn level_policies_never_suspend_redemptions() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CircuitBreaker::set_level_policy(
				governance(),
				Level::Halt,
				AllowedOperations { mint: false, redeem: false, transfer: false }
			),
			Error::<Test>::RedemptionNeverSuspended
		);
		let new = AllowedOperations { mint: false, redeem: true, transfer: true };
		assert_ok!(CircuitBreaker::set_level_policy(governance(), Level::Liquidity, new));
		System::assert_last_event(
			Event::LevelPolicySet {
				level: Level::Liquidity,
				old: AllowedOperations::ALL,
				new,
				by: Actor::Root,
			}
			.into(),
		);
		assert_eq!(policy_of(&Policies::<Test>::get(), Level::Liquidity), &new);
	});
}

#[test]
fn volume_limits_are_validated() {
	ExtBuilder::default().build_and_execute(|| {
		let limits = |b, d| VolumeLimits { per_block: b, per_day: d };
		assert_noop!(
			CircuitBreaker::set_volume_limits(governance(), Transfer, limits(Some(1), None)),
			Error::<Test>::NotVolumeLimited
		);
		assert_noop!(
			CircuitBreaker::set_volume_limits(governance(), Mint, limits(Some(0), None)),
			Error::<Test>::ZeroLimit
		);
		assert_noop!(
			CircuitBreaker::set_volume_limits(governance(), Redeem, limits(None, Some(0))),
			Error::<Test>::ZeroLimit
		);
		assert_noop!(
			CircuitBreaker::set_volume_limits(governance(), Mint, limits(Some(11), Some(10))),
			Error::<Test>::BlockLimitAboveDailyLimit
		);
		assert_ok!(CircuitBreaker::set_volume_limits(
			governance(),
			Mint,
			limits(Some(10), Some(10))
		));
		System::assert_last_event(
			Event::VolumeLimitsSet {
				operation: Mint,
				old: VolumeLimits::default(),
				new: limits(Some(10), Some(10)),
				by: Actor::Root,
			}
			.into(),
		);
		// Back to unlimited.
		assert_ok!(CircuitBreaker::set_volume_limits(governance(), Mint, limits(None, None)));
		assert!(!Limits::<Test>::contains_key(Mint));
	});
}
