//! Reserve quality alerts: liquidity below its target and custodian concentration above its
//! target, one event per change of state.

use crate::{mock::*, *};
use frame_support::assert_ok;
use sp_runtime::{PerThing, Perbill};
use stablecoin_primitives::{ReserveCap, ReserveQuality};

/// The quality-alert events emitted so far.
fn quality_events() -> Vec<Event<Test>> {
	reserve_events()
		.into_iter()
		.filter(|e| {
			matches!(
				e,
				Event::LiquidityBelowTarget { .. }
					| Event::LiquidityRestored { .. }
					| Event::ConcentrationAboveTarget { .. }
					| Event::ConcentrationRestored { .. }
			)
		})
		.collect()
}

/// `cash` held by the bank, `bills` by the broker.
fn attest(as_of: Moment, cash: Balance, bills: Balance, n: u8) {
	assert_ok!(Reserves::submit_attestation(signed(ANNA), report(as_of, cash, bills, n)));
}

#[test]
fn no_attestation_no_alert() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(QualityAlerts::<Test>::get(), ReserveQuality::default());
		assert_eq!(<Reserves as ReserveCap<Balance>>::quality(), ReserveQuality::default());
	});
}

#[test]
fn a_new_attestation_raises_and_clears_each_alert_once() {
	ExtBuilder::default().supply(10 * USD).build_and_execute(|| {
		set_now(START + 10);
		// 40% cash at the bank, 60% T-bills at the broker: liquid enough (above 20%), but the
		// broker holds 60% (the target is below 50%).
		attest(START, 40 * USD, 60 * USD, 1);
		let concentrated =
			ReserveQuality { liquidity_below_target: false, concentration_above_target: true };
		assert_eq!(<Reserves as ReserveCap<Balance>>::quality(), concentrated);
		assert_eq!(
			quality_events(),
			vec![Event::ConcentrationAboveTarget {
				largest_share: Perbill::from_percent(60),
				target: Perbill::from_percent(50),
			}]
		);
		// The same state again: no new event.
		attest(START + 1, 41 * USD, 59 * USD, 2);
		assert_eq!(quality_events().len(), 1);

		// 10% cash, 90% bills: illiquid and still concentrated.
		attest(START + 2, 10 * USD, 90 * USD, 3);
		assert_eq!(
			QualityAlerts::<Test>::get(),
			ReserveQuality { liquidity_below_target: true, concentration_above_target: true }
		);
		assert_eq!(
			quality_events().last(),
			Some(&Event::LiquidityBelowTarget {
				liquidity: Perbill::from_percent(10),
				target: Perbill::from_percent(20),
			})
		);

		// 30 cash at the bank, 40 of bills split between the broker and a fund: both targets
		// met, both alerts cleared.
		let mut balanced = report(START + 3, 30 * USD, 40 * USD, 4);
		balanced.custodians = vec![
			(custodian("bank"), 30 * USD),
			(custodian("broker"), 20 * USD),
			(custodian("fund"), 20 * USD),
		]
		.try_into()
		.expect("three custodians");
		assert_ok!(Reserves::submit_attestation(signed(ANNA), balanced));
		assert_eq!(QualityAlerts::<Test>::get(), ReserveQuality::default());
		let events = quality_events();
		assert_eq!(
			&events[events.len() - 2..],
			&[
				Event::LiquidityRestored {
					liquidity: Perbill::from_rational_with_rounding(
						30u32,
						70u32,
						sp_runtime::Rounding::Down
					)
					.expect("a fraction"),
					target: Perbill::from_percent(20),
				},
				Event::ConcentrationRestored {
					largest_share: Perbill::from_rational_with_rounding(
						30u32,
						70u32,
						sp_runtime::Rounding::Up
					)
					.expect("a fraction"),
					target: Perbill::from_percent(50),
				},
			]
		);
	});
}

#[test]
fn changing_a_target_or_a_haircut_re_evaluates_the_alerts() {
	ExtBuilder::default().attested(report(START, 30 * USD, 70 * USD, 1)).build_and_execute(|| {
		// Genesis: 30% liquid (fine), 70% at the broker (above target).
		assert!(QualityAlerts::<Test>::get().concentration_above_target);
		assert!(!QualityAlerts::<Test>::get().liquidity_below_target);
		assert_ok!(Reserves::set_thresholds(
			governance(),
			Thresholds {
				min_liquidity: Perbill::from_percent(30),
				max_concentration: Perbill::from_percent(80),
			}
		));
		// 30% is not above a 30% target; 70% is below 80%.
		assert_eq!(
			QualityAlerts::<Test>::get(),
			ReserveQuality { liquidity_below_target: true, concentration_above_target: false }
		);
		assert_eq!(
			quality_events(),
			vec![
				Event::LiquidityBelowTarget {
					liquidity: Perbill::from_percent(30),
					target: Perbill::from_percent(30),
				},
				Event::ConcentrationRestored {
					largest_share: Perbill::from_percent(70),
					target: Perbill::from_percent(80),
				},
			]
		);
		// A 50% haircut on T-bills: eligible 30 + 35, cash-like 30 of 65: liquid again.
		assert_ok!(Reserves::set_haircut(
			governance(),
			AssetCategory::TreasuryBills,
			Perbill::from_percent(50)
		));
		assert!(!QualityAlerts::<Test>::get().liquidity_below_target);
		assert!(matches!(quality_events().last(), Some(Event::LiquidityRestored { .. })));
	});
}
