//! The stale-oracle policies: "no price" is never "on peg".

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{Breaker, GuardedOperation::*};
use Level::*;

fn stale_events() -> (usize, usize) {
	let events = events();
	(
		events.iter().filter(|e| matches!(e, Event::OracleWentStale { .. })).count(),
		events.iter().filter(|e| matches!(e, Event::OracleReturned { .. })).count(),
	)
}

#[test]
fn at_genesis_the_oracle_counts_as_stale_until_the_first_price() {
	ExtBuilder::default().unobserved().build_and_execute(|| {
		assert!(State::<Test>::get().oracle_stale);
		assert_noop!(CircuitBreaker::ensure_allowed(Mint, USDX), Error::<Test>::OracleStale);
		run_block_at(START + MINUTE);
		System::assert_last_event(Event::OracleReturned { deviation_bps: 0 }.into());
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, USDX));
	});
}

#[test]
fn by_default_a_stale_oracle_keeps_the_level_and_refuses_mints() {
	ExtBuilder::default().build_and_execute(|| {
		set_deviation(-60);
		run_block_at(START + MINUTE);
		assert_eq!(level(), Watch);
		set_deviation(-10);
		run_block_at(START + 2 * MINUTE);
		run_until(START + 30 * MINUTE, MINUTE);

		set_stale();
		run_block_at(START + 31 * MINUTE);
		System::assert_last_event(Event::OracleWentStale { level: Watch }.into());
		assert_eq!(State::<Test>::get().below_since, None, "no evidence of recovery");
		run_until(START + 5 * HOUR, MINUTE);
		assert_eq!(stale_events(), (1, 1), "one event when it goes stale, however long");
		assert_eq!(level(), Watch, "never recovers without a price");
		assert_noop!(CircuitBreaker::ensure_allowed(Mint, USDX), Error::<Test>::OracleStale);
		assert_ok!(CircuitBreaker::ensure_allowed(Redeem, USDX));
		assert_ok!(CircuitBreaker::ensure_allowed(Transfer, USDX));

		// A stale oracle does not escalate either (the price is unknown, not bad).
		set_deviation(-10);
		run_block_at(START + 5 * HOUR + MINUTE);
		System::assert_last_event(Event::OracleReturned { deviation_bps: -10 }.into());
		assert_eq!(stale_events(), (1, 2));
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, USDX));
		// The recovery hour counts from the return.
		run_until(START + 6 * HOUR, MINUTE);
		assert_eq!(level(), Watch);
		run_block_at(START + 6 * HOUR + MINUTE);
		assert_eq!(level(), Normal);
	});
}

#[test]
fn the_keep_level_policy_refuses_nothing_extra() {
	let params = BreakerParameters {
		stale_oracle_policy: StaleOraclePolicy::KeepLevel,
		..Default::default()
	};
	ExtBuilder::default().parameters(params).build_and_execute(|| {
		set_stale();
		run_block_at(START + MINUTE);
		assert!(State::<Test>::get().oracle_stale);
		assert_eq!(level(), Normal);
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, USDX));
	});
}

#[test]
fn the_halt_policy_halts_at_once_and_recovers_with_hysteresis() {
	let params =
		BreakerParameters { stale_oracle_policy: StaleOraclePolicy::Halt, ..Default::default() };
	ExtBuilder::default().parameters(params).build_and_execute(|| {
		set_stale();
		run_block_at(START + MINUTE);
		assert_eq!(level_changes(), vec![(Normal, Halt, None)]);
		assert_eq!(State::<Test>::get().cause, LevelCause::StaleOracle);
		assert_noop!(CircuitBreaker::ensure_allowed(Mint, USDX), Error::<Test>::SuspendedByLevel);
		assert_ok!(CircuitBreaker::ensure_allowed(Redeem, USDX));
		run_block_at(START + 2 * MINUTE);
		assert_eq!(level_changes().len(), 1);

		set_deviation(0);
		run_block_at(START + 3 * MINUTE);
		assert_eq!(level(), Halt);
		run_until(START + 3 * MINUTE + 4 * HOUR, MINUTE);
		assert_eq!(
			level_changes(),
			vec![
				(Normal, Halt, None),
				(Halt, Liquidity, Some(0)),
				(Liquidity, SupplyAdjustment, Some(0)),
				(SupplyAdjustment, Watch, Some(0)),
				(Watch, Normal, Some(0)),
			]
		);
	});
}

#[test]
fn while_stale_the_sustain_clock_keeps_running() {
	ExtBuilder::default().build_and_execute(|| {
		set_deviation(-150);
		run_block_at(START + MINUTE);
		set_stale();
		run_until(START + 2 * HOUR, MINUTE);
		assert_eq!(level(), Watch, "no escalation without a price");
		set_deviation(-150);
		run_block_at(START + 2 * HOUR + MINUTE);
		assert_eq!(level(), SupplyAdjustment, "a gap in the data is not a return to the peg");
	});
}
