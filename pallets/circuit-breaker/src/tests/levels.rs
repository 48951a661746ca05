//! The peg breaker's levels: immediate escalation, sustained supply adjustment, recovery one
//! level at a time with hysteresis, and what each level allows.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{Breaker, GuardedOperation::*};
use Level::*;

#[docify::export]
#[test]
fn the_price_path_produces_the_expected_levels_in_order() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(level(), Normal);
		assert!(level_changes().is_empty());

		// 0.994: above 50 bps, Watch at once.
		set_price_milli(994);
		run_block_at(START + MINUTE);
		assert_eq!(level_changes(), vec![(Normal, Watch, Some(-60))]);
		run_until(START + 10 * MINUTE, MINUTE);

		// 0.985: above 100 bps, but Supply adjustment only once sustained for an hour.
		set_price_milli(985);
		run_block_at(START + 11 * MINUTE);
		run_until(START + 70 * MINUTE, MINUTE);
		assert_eq!(level(), Watch, "not yet sustained for the full hour");
		run_block_at(START + 71 * MINUTE);
		assert_eq!(level(), SupplyAdjustment);
		assert_eq!(State::<Test>::get().since, START + 71 * MINUTE);

		// 0.97: above 200 bps, Liquidity at once.
		run_until(START + 80 * MINUTE, MINUTE);
		set_price_milli(970);
		run_block_at(START + 81 * MINUTE);
		assert_eq!(level(), Liquidity);

		// 0.94: above 500 bps, Halt at once.
		set_price_milli(940);
		run_block_at(START + 82 * MINUTE);
		assert_eq!(level(), Halt);
		assert_eq!(State::<Test>::get().cause, LevelCause::Deviation(-600));

		// Back to 0.999: one level per full hour below the current level's threshold.
		set_price_milli(999);
		run_block_at(START + 90 * MINUTE);
		run_until(START + 149 * MINUTE, MINUTE);
		assert_eq!(level(), Halt, "recovery needs a full hour");
		run_block_at(START + 150 * MINUTE);
		assert_eq!(level(), Liquidity);
		run_until(START + 209 * MINUTE, MINUTE);
		assert_eq!(level(), Liquidity, "each step down needs its own hour");
		run_until(START + 400 * MINUTE, MINUTE);
		assert_eq!(level(), Normal);

		assert_eq!(
			level_changes(),
			vec![
				(Normal, Watch, Some(-60)),
				(Watch, SupplyAdjustment, Some(-150)),
				(SupplyAdjustment, Liquidity, Some(-300)),
				(Liquidity, Halt, Some(-600)),
				(Halt, Liquidity, Some(-10)),
				(Liquidity, SupplyAdjustment, Some(-10)),
				(SupplyAdjustment, Watch, Some(-10)),
				(Watch, Normal, Some(-10)),
			]
		);
		// The last step down, to Normal, happened at 90 + 4 hours.
		assert_eq!(State::<Test>::get().since, START + 330 * MINUTE);
	});
}

#[test]
fn escalation_jumps_straight_to_the_highest_level_that_holds() {
	ExtBuilder::default().build_and_execute(|| {
		set_price_milli(940);
		run_block_at(START + MINUTE);
		assert_eq!(level_changes(), vec![(Normal, Halt, Some(-600))]);
		System::assert_last_event(
			Event::LevelChanged { old: Normal, new: Halt, deviation_bps: Some(-600) }.into(),
		);
	});
}

#[test]
fn a_premium_counts_like_a_discount() {
	ExtBuilder::default().build_and_execute(|| {
		set_deviation(250);
		run_block_at(START + MINUTE);
		assert_eq!(level_changes(), vec![(Normal, Liquidity, Some(250))]);
	});
}

#[test]
fn thresholds_are_strict() {
	ExtBuilder::default().build_and_execute(|| {
		set_deviation(-50);
		run_block_at(START + MINUTE);
		assert_eq!(level(), Normal, "exactly 50 bps is not above the watch threshold");
		set_deviation(-51);
		run_block_at(START + 2 * MINUTE);
		assert_eq!(level(), Watch);
		set_deviation(500);
		run_block_at(START + 3 * MINUTE);
		assert_eq!(level(), Liquidity, "exactly 500 bps is not above the halt threshold");
		set_deviation(501);
		run_block_at(START + 4 * MINUTE);
		assert_eq!(level(), Halt);
	});
}

#[test]
fn the_sustain_clock_restarts_when_the_deviation_dips() {
	ExtBuilder::default().build_and_execute(|| {
		set_deviation(-150);
		run_block_at(START + MINUTE);
		run_until(START + 50 * MINUTE, MINUTE);
		assert_eq!(level(), Watch);
		// One observation at or below 100 bps breaks "continuously".
		set_deviation(-100);
		run_block_at(START + 51 * MINUTE);
		assert_eq!(State::<Test>::get().above_supply_since, None);
		set_deviation(-150);
		run_block_at(START + 52 * MINUTE);
		run_until(START + 111 * MINUTE, MINUTE);
		assert_eq!(level(), Watch, "the hour counts from the dip");
		run_block_at(START + 112 * MINUTE);
		assert_eq!(level(), SupplyAdjustment);
		assert_eq!(
			level_changes(),
			vec![(Normal, Watch, Some(-150)), (Watch, SupplyAdjustment, Some(-150))]
		);
	});
}

#[test]
fn the_recovery_clock_restarts_when_the_deviation_rises_again() {
	ExtBuilder::default().build_and_execute(|| {
		set_deviation(-300);
		run_block_at(START + MINUTE);
		assert_eq!(level(), Liquidity);
		// Below 200 bps for 40 minutes: the clock runs even above lower thresholds.
		set_deviation(-150);
		run_block_at(START + 2 * MINUTE);
		assert_eq!(State::<Test>::get().below_since, Some(START + 2 * MINUTE));
		run_until(START + 40 * MINUTE, MINUTE);
		// Above 200 bps again for one block: the clock stops.
		set_deviation(-201);
		run_block_at(START + 41 * MINUTE);
		assert_eq!(State::<Test>::get().below_since, None);
		assert_eq!(level(), Liquidity);
		set_deviation(-10);
		run_block_at(START + 42 * MINUTE);
		run_until(START + 101 * MINUTE, MINUTE);
		assert_eq!(level(), Liquidity, "the hour counts from the return below the threshold");
		run_block_at(START + 102 * MINUTE);
		assert_eq!(level(), SupplyAdjustment);
		assert_eq!(
			level_changes(),
			vec![(Normal, Liquidity, Some(-300)), (Liquidity, SupplyAdjustment, Some(-10))]
		);
	});
}

#[test]
fn a_level_does_not_fall_while_the_deviation_stays_above_its_threshold() {
	ExtBuilder::default().build_and_execute(|| {
		set_deviation(-300);
		run_block_at(START + MINUTE);
		run_until(START + 5 * HOUR, 10 * MINUTE);
		assert_eq!(level(), Liquidity);
		assert_eq!(level_changes().len(), 1);
	});
}

#[test]
fn at_halt_transfers_and_mints_are_refused_and_redemptions_continue() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, USDX));
		assert_ok!(CircuitBreaker::ensure_allowed(Transfer, USDX));
		set_price_milli(940);
		run_block_at(START + MINUTE);
		assert_eq!(level(), Halt);
		assert_noop!(CircuitBreaker::ensure_allowed(Mint, USDX), Error::<Test>::SuspendedByLevel);
		assert_noop!(
			CircuitBreaker::ensure_allowed(Transfer, USDX),
			Error::<Test>::SuspendedByLevel
		);
		assert_ok!(CircuitBreaker::ensure_allowed(Redeem, USDX));
		assert_eq!(CircuitBreaker::check(Mint, USDX), Err(Refusal::SuspendedAtLevel(Halt)));
	});
}

#[test]
fn levels_below_halt_allow_everything_by_default() {
	ExtBuilder::default().build_and_execute(|| {
		set_deviation(-300);
		run_block_at(START + MINUTE);
		assert_eq!(level(), Liquidity);
		for op in stablecoin_primitives::GuardedOperation::ALL {
			assert_ok!(CircuitBreaker::ensure_allowed(op, USDX));
		}
	});
}

#[test]
fn governance_policies_apply_per_level() {
	let no_transfers = AllowedOperations { mint: true, redeem: true, transfer: false };
	ExtBuilder::default().level_policy(Liquidity, no_transfers).build_and_execute(|| {
		set_deviation(-300);
		run_block_at(START + MINUTE);
		assert_noop!(
			CircuitBreaker::ensure_allowed(Transfer, USDX),
			Error::<Test>::SuspendedByLevel
		);
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, USDX));
		// At Halt, mints may be allowed again by governance.
		assert_ok!(CircuitBreaker::set_level_policy(governance(), Halt, AllowedOperations::ALL));
		set_deviation(-600);
		run_block_at(START + 2 * MINUTE);
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, USDX));
	});
}

#[test]
fn recovery_period_zero_steps_down_one_level_per_block() {
	let params = BreakerParameters { recovery_period: 0, ..Default::default() };
	ExtBuilder::default().parameters(params).build_and_execute(|| {
		set_deviation(-600);
		run_block_at(START + MINUTE);
		set_deviation(0);
		run_block_at(START + 2 * MINUTE);
		assert_eq!(level(), Liquidity);
		run_block_at(START + 3 * MINUTE);
		assert_eq!(level(), SupplyAdjustment);
		run_block_at(START + 4 * MINUTE);
		run_block_at(START + 5 * MINUTE);
		assert_eq!(level(), Normal);
		run_block_at(START + 6 * MINUTE);
		assert_eq!(level_changes().len(), 5);
	});
}
