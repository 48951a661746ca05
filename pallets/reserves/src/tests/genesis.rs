//! The genesis configuration.

use crate::{mock::*, *};
use sp_runtime::{BuildStorage, Perbill};
use stablecoin_primitives::{ReserveCap, ReserveStatus};

#[test]
fn the_default_genesis_has_default_parameters_and_no_attestation() {
	ExtBuilder::default().genesis(Default::default()).build_and_execute(|| {
		assert!(Reserves::attestors().is_empty());
		assert_eq!(
			Reserves::parameters(),
			ReserveParameters {
				quorum: 1,
				max_age: DEFAULT_MAX_AGE,
				haircuts: Haircuts::default(),
				thresholds: Thresholds {
					min_liquidity: Perbill::from_percent(20),
					max_concentration: Perbill::from_percent(50),
				},
			}
		);
		assert_eq!(Reserves::status(), ReserveStatus::NoAttestation);
		assert_eq!(Reserves::effective_attestation(), None);
		assert!(Reserves::attestation_history().is_empty());
	});
}

#[test]
fn the_genesis_sets_everything_and_starts_backed() {
	let haircuts = Haircuts { treasury_bills: Perbill::from_percent(1), ..Default::default() };
	let thresholds = Thresholds {
		min_liquidity: Perbill::from_percent(25),
		max_concentration: Perbill::from_percent(40),
	};
	let initial = report(START, 100 * USD, 100 * USD, 1);
	ExtBuilder::default()
		.genesis(GenesisConfig {
			attestors: vec![CLARA, ANNA],
			quorum: 2,
			max_age: 7 * DAY_MS,
			haircuts,
			thresholds,
			initial_attestation: Some(initial.clone().into_view()),
		})
		.genesis_supply(150 * USD)
		.supply(150 * USD)
		.build_and_execute(|| {
			assert_eq!(Reserves::attestors(), vec![ANNA, CLARA]);
			assert_eq!(
				Reserves::parameters(),
				ReserveParameters { quorum: 2, max_age: 7 * DAY_MS, haircuts, thresholds }
			);
			let effective = Reserves::effective_attestation().expect("effective at genesis");
			assert_eq!(effective.attestation, initial.into_view());
			assert!(effective.attestors.is_empty());
			assert_eq!(effective.sequence, 0);
			assert_eq!(Reserves::attestation_history(), vec![effective]);
			assert_eq!(LastStatus::<Test>::get(), ReserveStatus::Backed);
			assert_eq!(Reserves::headroom(), 199 * USD - 150 * USD);
		});
}

fn build(genesis: GenesisConfig<Test>) -> Result<sp_runtime::Storage, String> {
	std::panic::catch_unwind(|| genesis.build_storage()).unwrap_or_else(|e| {
		Err(e
			.downcast_ref::<String>()
			.cloned()
			.or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
			.unwrap_or_default())
	})
}

#[test]
fn an_invalid_genesis_panics_with_a_clear_message() {
	let base = || GenesisConfig::<Test> { attestors: vec![ANNA, BORIS], ..Default::default() };
	let cases: Vec<(GenesisConfig<Test>, &str)> = vec![
		(GenesisConfig { attestors: vec![ANNA, ANNA], ..base() }, "duplicate attestor"),
		(GenesisConfig { attestors: (1..=6).collect(), ..base() }, "MaxAttestors"),
		(GenesisConfig { quorum: 0, ..base() }, "quorum"),
		(GenesisConfig { quorum: 3, ..base() }, "quorum"),
		(GenesisConfig { max_age: 0, ..base() }, "maximum age"),
		(
			GenesisConfig {
				initial_attestation: Some({
					let mut r = report(START, 100 * USD, 0, 1).into_view();
					r.total += 1;
					r
				}),
				..base()
			},
			"CategoryTotalMismatch",
		),
		(
			GenesisConfig {
				initial_attestation: Some({
					let mut r = report(START, 100 * USD, 0, 1).into_view();
					r.custodians = (0..5u8).map(|i| ([i; 32], 20 * USD)).collect();
					r
				}),
				..base()
			},
			"MaxCustodians",
		),
	];
	for (genesis, expected) in cases {
		let message = build(genesis).expect_err("invalid genesis must not build");
		assert!(message.contains(expected), "{message:?} should mention {expected:?}");
	}
	assert!(build(base()).is_ok());
}

#[test]
#[should_panic(expected = "exceeds the eligible reserves of the initial attestation")]
fn a_genesis_supply_above_the_genesis_attestation_is_refused() {
	ExtBuilder::default()
		.genesis(GenesisConfig {
			attestors: vec![ANNA],
			quorum: 1,
			max_age: 7 * DAY_MS,
			haircuts: Haircuts::default(),
			thresholds: Default::default(),
			initial_attestation: Some(report(START, 100 * USD, 100 * USD, 1).into_view()),
		})
		.genesis_supply(200 * USD + 1)
		.build();
}
