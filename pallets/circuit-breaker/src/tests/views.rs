//! The read helpers behind the runtime API.

use crate::{mock::*, *};
use frame_support::assert_ok;
use stablecoin_primitives::{Breaker, GuardedOperation::*};

#[test]
fn the_level_view_reports_level_since_and_cause() {
	ExtBuilder::default().build_and_execute(|| {
		set_deviation(-300);
		run_block_at(START + MINUTE);
		assert_eq!(
			CircuitBreaker::level_view(),
			LevelView {
				level: Level::Liquidity,
				since: START + MINUTE,
				cause: LevelCause::Deviation(-300),
				last_deviation_bps: Some(-300),
				oracle_stale: false,
			}
		);
	});
}

#[test]
fn the_parameters_view_lists_everything() {
	ExtBuilder::default().limits(Redeem, Some(5), None).build_and_execute(|| {
		let view = CircuitBreaker::parameters_view();
		assert_eq!(view.parameters, BreakerParameters::default());
		assert_eq!(view.level_policies, DEFAULT_LEVEL_POLICIES);
		assert_eq!(
			view.volume_limits,
			vec![
				(Mint, VolumeLimits::default()),
				(Redeem, VolumeLimits { per_block: Some(5), per_day: None }),
				(Transfer, VolumeLimits::default()),
			]
		);
	});
}

#[test]
fn active_pauses_are_listed_in_order() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(CircuitBreaker::active_pauses().is_empty());
		assert_ok!(CircuitBreaker::pause(guardian(), Some(Transfer), reason("t")));
		assert_ok!(CircuitBreaker::pause(guardian(), Some(Mint), reason("m")));
		assert_eq!(
			CircuitBreaker::active_pauses(),
			vec![
				PauseView { operation: Mint, since: START, reason: b"m".to_vec() },
				PauseView { operation: Transfer, since: START, reason: b"t".to_vec() },
			]
		);
	});
}

#[test]
fn check_agrees_with_the_trait() {
	ExtBuilder::default().limits(Mint, Some(10), None).build_and_execute(|| {
		assert_eq!(CircuitBreaker::check(Mint, 10), Ok(()));
		assert_eq!(CircuitBreaker::check(Mint, 11), Err(Refusal::BlockLimitExceeded));
		assert!(CircuitBreaker::ensure_allowed(Mint, 11).is_err());
		set_stale();
		run_block_at(START + MINUTE);
		assert_eq!(CircuitBreaker::check(Mint, 1), Err(Refusal::OracleStale));
		assert!(CircuitBreaker::level_view().oracle_stale);
	});
}
