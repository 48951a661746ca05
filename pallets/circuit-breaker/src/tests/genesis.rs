//! The genesis configuration.

use crate::{mock::*, *};
use stablecoin_primitives::GuardedOperation::*;

#[test]
fn the_default_genesis_uses_the_issuers_terms() {
	ExtBuilder::default().unobserved().build_and_execute(|| {
		let params = Parameters::<Test>::get();
		assert_eq!(
			params.thresholds,
			Thresholds { watch: 50, supply_adjustment: 100, liquidity: 200, halt: 500 }
		);
		assert_eq!(params.sustain_period, HOUR);
		assert_eq!(params.recovery_period, HOUR);
		assert_eq!(params.stale_oracle_policy, StaleOraclePolicy::KeepLevelRefuseMints);
		assert_eq!(Policies::<Test>::get(), DEFAULT_LEVEL_POLICIES);
		assert!(!policy_of(&DEFAULT_LEVEL_POLICIES, Level::Halt).mint);
		assert!(!policy_of(&DEFAULT_LEVEL_POLICIES, Level::Halt).transfer);
		assert_eq!(State::<Test>::get(), BreakerState::default());
		assert_eq!(level(), Level::Normal);
		assert_eq!(Limits::<Test>::iter().count(), 0);
	});
}

#[test]
fn the_genesis_sets_limits_and_policies() {
	let strict = AllowedOperations { mint: false, redeem: true, transfer: true };
	ExtBuilder::default()
		.limits(Mint, Some(10_000_000 * USDX), Some(50_000_000 * USDX))
		.level_policy(Level::Liquidity, strict)
		.build_and_execute(|| {
			assert_eq!(
				Limits::<Test>::get(Mint),
				VolumeLimits {
					per_block: Some(10_000_000 * USDX),
					per_day: Some(50_000_000 * USDX)
				}
			);
			assert_eq!(policy_of(&Policies::<Test>::get(), Level::Liquidity), &strict);
		});
}

#[test]
#[should_panic(expected = "genesis parameters are valid")]
fn the_genesis_refuses_invalid_thresholds() {
	let params = BreakerParameters {
		thresholds: Thresholds { watch: 100, supply_adjustment: 50, liquidity: 200, halt: 500 },
		..Default::default()
	};
	ExtBuilder::default().parameters(params).build();
}

#[test]
#[should_panic(expected = "genesis volume limits are valid")]
fn the_genesis_refuses_transfer_limits() {
	ExtBuilder::default().limits(Transfer, Some(1), None).build();
}

#[test]
#[should_panic(expected = "genesis level policy must allow redemptions")]
fn the_genesis_refuses_a_policy_that_halts_redemptions() {
	ExtBuilder::default()
		.level_policy(
			Level::Halt,
			AllowedOperations { mint: false, redeem: false, transfer: false },
		)
		.build();
}

#[test]
fn the_genesis_config_round_trips_through_json() {
	let config = crate::GenesisConfig::<Test> {
		parameters: BreakerParameters::default(),
		level_policies: vec![(Level::Watch, AllowedOperations::ALL)],
		volume_limits: vec![(Mint, VolumeLimits { per_block: Some(1), per_day: None })],
	};
	let json = serde_json::to_string(&config).expect("serializes");
	let back: crate::GenesisConfig<Test> = serde_json::from_str(&json).expect("deserializes");
	assert_eq!(back.volume_limits, config.volume_limits);
	assert_eq!(back.parameters, config.parameters);
}
