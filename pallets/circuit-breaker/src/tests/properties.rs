//! Property tests: random price paths respect the level rules; random mints and redemptions
//! never pass the volume limits; the invariants hold throughout.

use crate::{mock::*, *};
use proptest::prelude::*;
use stablecoin_primitives::{Breaker, GuardedOperation};

/// One block: how far the clock moves, and the fresh deviation (`None`: stale).
#[derive(Clone, Debug)]
struct Tick {
	minutes: u64,
	deviation: Option<i32>,
}

fn tick() -> impl Strategy<Value = Tick> {
	let deviation = prop_oneof![
		1 => Just(None),
		3 => (-40i32..40).prop_map(Some),
		6 => (-800i32..800).prop_map(Some),
	];
	(prop_oneof![3 => 1u64..5, 1 => 5u64..120], deviation)
		.prop_map(|(minutes, deviation)| Tick { minutes, deviation })
}

fn policy() -> impl Strategy<Value = StaleOraclePolicy> {
	prop::sample::select(vec![
		StaleOraclePolicy::KeepLevelRefuseMints,
		StaleOraclePolicy::KeepLevel,
		StaleOraclePolicy::Halt,
	])
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	#[test]
	fn random_price_paths_follow_the_level_rules(
		ticks in prop::collection::vec(tick(), 1..150),
		stale_oracle_policy in policy(),
	) {
		let params = BreakerParameters { stale_oracle_policy, ..Default::default() };
		let thresholds = params.thresholds;
		ExtBuilder::default().parameters(params).build_and_execute(|| {
			let mut now = START;
			// Every observation so far, as (time, deviation).
			let mut history: Vec<(Moment, Option<i32>)> = vec![(START, Some(0))];
			for tick in ticks {
				now += tick.minutes * MINUTE;
				match tick.deviation {
					Some(bps) => set_deviation(bps),
					None => set_stale(),
				}
				let before = State::<Test>::get();
				System::reset_events();
				run_block_at(now);
				history.push((now, tick.deviation));
				let after = State::<Test>::get();

				CircuitBreaker::do_try_state().expect("invariants hold");
				let changes = level_changes();
				assert!(changes.len() <= 1, "at most one transition per block");
				assert_eq!(changes.is_empty(), before.level == after.level);
				if let Some(&(old, new, _)) = changes.first() {
					assert_eq!((old, new), (before.level, after.level));
					assert_eq!(after.since, now);
				}

				match tick.deviation {
					Some(bps) => {
						let magnitude = bps.unsigned_abs();
						if magnitude > thresholds.halt {
							assert_eq!(after.level, Level::Halt);
						} else if magnitude > thresholds.liquidity {
							assert!(after.level >= Level::Liquidity);
						} else if magnitude > thresholds.watch {
							assert!(after.level >= Level::Watch);
						}
					},
					None => {
						// No price: never a step down; up only to Halt under the Halt policy.
						assert!(after.level >= before.level);
						if after.level > before.level {
							assert_eq!(stale_oracle_policy, StaleOraclePolicy::Halt);
							assert_eq!(after.level, Level::Halt);
						}
						if stale_oracle_policy == StaleOraclePolicy::Halt {
							assert_eq!(after.level, Level::Halt);
						}
					},
				}

				if after.level < before.level {
					// One step, after a full recovery period of fresh prices at or below the
					// old level's threshold, all observed at the old level.
					assert_eq!(after.level, before.level.lower());
					let threshold = thresholds.lower_threshold(before.level);
					let from = now - HOUR;
					assert!(before.since <= from, "the old level lasted a full period");
					let window: Vec<_> =
						history.iter().filter(|(at, _)| *at >= from).collect();
					assert!(window.iter().all(|(_, d)| d.is_some_and(|d| d.unsigned_abs() <= threshold)));
				}

				// Redemptions are never refused by the level.
				assert_eq!(CircuitBreaker::check(GuardedOperation::Redeem, USDX), Ok(()));
				if after.level == Level::Halt {
					assert!(CircuitBreaker::check(GuardedOperation::Mint, USDX).is_err());
					assert!(CircuitBreaker::check(GuardedOperation::Transfer, USDX).is_err());
				}
				if after.oracle_stale && stale_oracle_policy != StaleOraclePolicy::KeepLevel {
					assert!(CircuitBreaker::check(GuardedOperation::Mint, USDX).is_err());
				}
			}
		});
	}

	#[test]
	fn random_volume_never_passes_the_limits(
		steps in prop::collection::vec(
			(any::<bool>(), 1u128..400, prop_oneof![3 => 0u64..2, 1 => 2u64..200]),
			1..120,
		),
	) {
		const BLOCK: u128 = 500;
		const DAY: u128 = 2_000;
		ExtBuilder::default()
			.limits(GuardedOperation::Mint, Some(BLOCK), Some(DAY))
			.limits(GuardedOperation::Redeem, None, Some(DAY))
			.build_and_execute(|| {
				let mut now = START;
				// Accepted amounts, as (operation is mint, block, hour, amount).
				let mut accepted: Vec<(bool, u64, u64, u128)> = Vec::new();
				for (mint, amount, advance_minutes) in steps {
					if advance_minutes > 0 {
						now += advance_minutes * MINUTE;
						run_block_at(now);
					}
					let op = if mint { GuardedOperation::Mint } else { GuardedOperation::Redeem };
					let block = System::block_number();
					let hour = now / HOUR;
					let in_block: u128 = accepted
						.iter()
						.filter(|(m, b, _, _)| *m == mint && *b == block)
						.map(|(.., a)| a)
						.sum();
					let in_window: u128 = accepted
						.iter()
						.filter(|(m, _, h, _)| *m == mint && h + 24 > hour)
						.map(|(.., a)| a)
						.sum();
					let fits = in_window + amount <= DAY && (!mint || in_block + amount <= BLOCK);
					let result = CircuitBreaker::admit(op, amount);
					assert_eq!(result.is_ok(), fits, "{op:?} {amount} at block {block}");
					if result.is_ok() {
						accepted.push((mint, block, hour, amount));
					}
					let remaining = CircuitBreaker::remaining_volume(op);
					assert_eq!(remaining.per_day, Some(DAY - in_window - if result.is_ok() { amount } else { 0 }));
					CircuitBreaker::do_try_state().expect("invariants hold");
				}
			});
	}
}

#[test]
fn the_state_machine_is_pure() {
	let params = BreakerParameters::default();
	let mut state = BreakerState::default();
	let outcome = crate::functions::step(&mut state, &params, Some(-600), 1_000);
	assert_eq!(outcome.transition, Some((Level::Normal, Level::Halt, Some(-600))));
	assert_eq!(outcome.returned, Some(-600));
	let outcome = crate::functions::step(&mut state, &params, None, 2_000);
	assert!(outcome.went_stale);
	assert_eq!(outcome.transition, None);
}
