//! Parameters set by governance: maximum age, haircuts, thresholds, and discarding a
//! candidate.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;
use stablecoin_primitives::{Actor, ReserveCap, ReserveStatus};

#[test]
fn set_max_age_works_and_may_change_the_status() {
	ExtBuilder::default().attested(report(START - 2 * DAY_MS, 100 * USD, 0, 1)).build_and_execute(
		|| {
			assert_eq!(Reserves::status(), ReserveStatus::Backed);
			assert_ok!(Reserves::set_max_age(governance(), DAY_MS));
			System::assert_has_event(
				Event::MaxAgeSet { old: DEFAULT_MAX_AGE, new: DAY_MS, by: Actor::Root }.into(),
			);
			System::assert_last_event(
				Event::AttestationStale { as_of: START - 2 * DAY_MS, age: 2 * DAY_MS }.into(),
			);
			assert_eq!(LastStatus::<Test>::get(), ReserveStatus::Stale);
			assert_eq!(Reserves::parameters().max_age, DAY_MS);
			assert_noop!(Reserves::set_max_age(governance(), 0), Error::<Test>::ZeroMaxAge);
		},
	);
}

#[test]
fn set_haircut_works_and_other_cannot_be_set() {
	ExtBuilder::default().build_and_execute(|| {
		let h = Perbill::from_percent(2);
		assert_ok!(Reserves::set_haircut(governance(), AssetCategory::TreasuryBills, h));
		System::assert_last_event(
			Event::HaircutSet {
				category: AssetCategory::TreasuryBills,
				old: Perbill::zero(),
				new: h,
				by: Actor::Root,
			}
			.into(),
		);
		assert_eq!(CategoryHaircuts::<Test>::get().treasury_bills, h);
		assert_eq!(CategoryHaircuts::<Test>::get().get(AssetCategory::TreasuryBills), h);
		assert_noop!(
			Reserves::set_haircut(governance(), AssetCategory::Other, Perbill::zero()),
			Error::<Test>::IneligibleCategory
		);
	});
}

#[test]
fn set_thresholds_works() {
	ExtBuilder::default().build_and_execute(|| {
		let new = Thresholds {
			min_liquidity: Perbill::from_percent(30),
			max_concentration: Perbill::from_percent(40),
		};
		assert_ok!(Reserves::set_thresholds(governance(), new));
		System::assert_last_event(
			Event::ThresholdsSet { old: Thresholds::default(), new, by: Actor::Root }.into(),
		);
		assert_eq!(Reserves::parameters().thresholds, new);
	});
}

#[test]
fn discard_pending_works() {
	ExtBuilder::default().quorum(2).build_and_execute(|| {
		let r = report(START, 100 * USD, 0, 1);
		let hash = Reserves::content_hash(&r);
		assert_ok!(Reserves::submit_attestation(signed(ANNA), r));
		assert_ok!(Reserves::discard_pending(governance(), hash));
		System::assert_last_event(Event::PendingDiscarded { hash, by: Actor::Root }.into());
		assert!(Pending::<Test>::get().is_empty());
		assert_noop!(Reserves::discard_pending(governance(), hash), Error::<Test>::UnknownReport);
	});
}
