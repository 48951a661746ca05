//! Derived figures: eligible reserves after haircuts, ratios, concentration and headroom.

use crate::{mock::*, *};
use frame_support::assert_ok;
use sp_core::H256;
use sp_runtime::{FixedU128, PerThing, Perbill};
use stablecoin_primitives::{ReserveCap, ReserveStatus};

/// A report with every category and three custodians.
fn mixed(as_of: Moment) -> AttestationOf<Test> {
	let amounts = CategoryAmounts {
		cash_and_deposits: 200 * USD,
		treasury_bills: 500 * USD,
		overnight_reverse_repo: 100 * USD,
		government_money_market_funds: 150 * USD,
		other: 50 * USD,
	};
	Attestation {
		as_of,
		period_start: as_of - DAY_MS,
		period_end: as_of,
		amounts,
		custodians: vec![
			(custodian("bank"), 300 * USD),
			(custodian("broker"), 450 * USD),
			(custodian("fund"), 250 * USD),
		]
		.try_into()
		.expect("within bounds"),
		total: 1_000 * USD,
		report_hash: H256::repeat_byte(7),
	}
}

#[test]
fn other_never_counts_and_haircuts_reduce_each_category_exactly() {
	ExtBuilder::default().attested(mixed(START)).supply(900 * USD).build_and_execute(|| {
		// No haircuts: everything but the 50 of `Other`.
		let figures = Reserves::figures().expect("effective");
		assert_eq!(figures.total, 1_000 * USD);
		assert_eq!(figures.eligible, 950 * USD);
		assert_eq!(figures.cash_like, 300 * USD);

		// 2% on T-bills (−10), 5% on money market funds (−7.5), 100% on reverse repo (−100).
		for (category, percent) in [
			(AssetCategory::TreasuryBills, 2),
			(AssetCategory::GovernmentMoneyMarketFunds, 5),
			(AssetCategory::OvernightReverseRepo, 100),
		] {
			assert_ok!(Reserves::set_haircut(
				governance(),
				category,
				Perbill::from_percent(percent)
			));
		}
		let figures = Reserves::figures().expect("effective");
		assert_eq!(figures.eligible, 950 * USD - 10 * USD - 7_500_000 - 100 * USD);
		assert_eq!(figures.eligible, 832_500_000);
		assert_eq!(figures.cash_like, 200 * USD);
		// 900 circulating > 832.5 eligible: a shortfall, no headroom.
		assert_eq!(figures.status, ReserveStatus::Shortfall);
		assert_eq!(figures.headroom, 0);
		assert_eq!(Reserves::headroom(), 0);
		System::assert_last_event(
			Event::ReserveShortfall { supply: 900 * USD, eligible: 832_500_000 }.into(),
		);
	});
}

#[test]
fn a_haircut_rounds_the_deduction_up() {
	let h = Haircuts { treasury_bills: Perbill::from_parts(1), ..Default::default() };
	// 1 ppb of 999_999_999 units is 0.999…: the deduction is one unit.
	assert_eq!(h.eligible(AssetCategory::TreasuryBills, 999_999_999u128), 999_999_998);
	assert_eq!(h.eligible(AssetCategory::TreasuryBills, 1_000_000_000u128), 999_999_999);
	assert_eq!(h.eligible(AssetCategory::CashAndDeposits, 7u128), 7);
	assert_eq!(h.eligible(AssetCategory::Other, u128::MAX), 0);
	assert_eq!(h.get(AssetCategory::Other), Perbill::one());
}

#[test]
fn ratios_concentration_and_headroom_are_exact() {
	ExtBuilder::default().attested(mixed(START)).supply(760 * USD).build_and_execute(|| {
		let figures = Reserves::figures().expect("effective");
		assert_eq!(figures.status, ReserveStatus::Backed);
		assert_eq!(figures.supply, 760 * USD);
		// 950 / 760 = 1.25 exactly.
		assert_eq!(figures.backing_ratio, Some(FixedU128::from_rational(5, 4)));
		// 300 / 950, rounded down: 0.315789473…
		assert_eq!(figures.liquidity_ratio, Perbill::from_parts(315_789_473));
		assert!(figures.meets_liquidity_target);
		// 450 / 1000.
		assert_eq!(figures.largest_custodian_share, Perbill::from_percent(45));
		assert!(figures.meets_concentration_target);
		assert_eq!(figures.headroom, 190 * USD);
		assert_eq!(Reserves::headroom(), 190 * USD);
		assert_eq!((figures.as_of, figures.age), (START, 0));

		// Tighter targets are missed.
		assert_ok!(Reserves::set_thresholds(
			governance(),
			Thresholds {
				min_liquidity: Perbill::from_parts(315_789_473),
				max_concentration: Perbill::from_percent(45),
			}
		));
		let figures = Reserves::figures().expect("effective");
		assert!(!figures.meets_liquidity_target);
		assert!(!figures.meets_concentration_target);
	});
}

#[test]
fn concentration_rounds_up_and_liquidity_down() {
	// One unit of cash at the bank, two of T-bills at the broker.
	ExtBuilder::default().attested(report(START, 1, 2, 1)).build_and_execute(|| {
		let figures = Reserves::figures().expect("effective");
		// 2/3 = 0.666666666…, rounded up; 1/3 = 0.333333333…, rounded down.
		assert_eq!(figures.largest_custodian_share, Perbill::from_parts(666_666_667));
		assert_eq!(figures.liquidity_ratio, Perbill::from_parts(333_333_333));
		// Nothing circulates: no ratio, all eligible is headroom.
		assert_eq!(figures.backing_ratio, None);
		assert_eq!(figures.headroom, 3);
	});
}

#[test]
fn figures_for_a_quadrillion_dollars_do_not_overflow() {
	// 10^15 USD = 10^21 units in each eligible category.
	let q: Balance = 1_000_000_000_000_000 * USD;
	let r = Attestation {
		as_of: START,
		period_start: START,
		period_end: START,
		amounts: CategoryAmounts {
			cash_and_deposits: q,
			treasury_bills: q,
			overnight_reverse_repo: q,
			government_money_market_funds: q,
			other: q,
		},
		custodians: vec![(custodian("a"), 3 * q), (custodian("b"), 2 * q)]
			.try_into()
			.expect("within bounds"),
		total: 5 * q,
		report_hash: H256::zero(),
	};
	ExtBuilder::default().attested(r).supply(3 * q).build_and_execute(|| {
		assert_ok!(Reserves::set_haircut(
			governance(),
			AssetCategory::TreasuryBills,
			Perbill::from_percent(10)
		));
		let figures = Reserves::figures().expect("effective");
		assert_eq!(figures.eligible, 4 * q - q / 10);
		assert_eq!(figures.cash_like, 2 * q);
		// 3.9 q / 3 q = 1.3 exactly.
		assert_eq!(figures.backing_ratio, Some(FixedU128::from_rational(13, 10)));
		assert_eq!(figures.headroom, 4 * q - q / 10 - 3 * q);
		// 2 / 3.9, rounded down.
		assert_eq!(
			figures.liquidity_ratio,
			Perbill::from_rational_with_rounding(20u128, 39, sp_runtime::Rounding::Down)
				.expect("below one")
		);
		assert_eq!(figures.largest_custodian_share, Perbill::from_percent(60));
		assert_eq!(Reserves::status(), ReserveStatus::Backed);
	});
}

#[test]
fn a_tiny_supply_saturates_the_backing_ratio() {
	let q: Balance = 1_000_000_000_000_000 * USD;
	let r = report(START, q, 0, 1);
	ExtBuilder::default().attested(r).supply(1).build_and_execute(|| {
		let figures = Reserves::figures().expect("effective");
		assert_eq!(figures.backing_ratio, Some(FixedU128::from_inner(u128::MAX)));
		assert_eq!(figures.headroom, q - 1);
	});
}

#[test]
fn no_figures_without_an_attestation() {
	ExtBuilder::default().supply(USD).build_and_execute(|| {
		assert_eq!(Reserves::figures(), None);
		assert_eq!(Reserves::headroom(), 0);
		assert!(!Reserves::is_fresh());
		assert_eq!(Reserves::status(), ReserveStatus::NoAttestation);
	});
}

#[test]
fn headroom_is_exact_at_the_boundary() {
	ExtBuilder::default()
		.attested(report(START, 100 * USD, 0, 1))
		.supply(100 * USD)
		.build_and_execute(|| {
			assert_eq!(Reserves::status(), ReserveStatus::Backed);
			assert_eq!(Reserves::headroom(), 0);
			set_supply(100 * USD - 1);
			assert_eq!(Reserves::headroom(), 1);
			set_supply(100 * USD + 1);
			assert_eq!(Reserves::status(), ReserveStatus::Shortfall);
			assert_eq!(Reserves::headroom(), 0);
			set_supply(100 * USD);
		});
}
