//! The status watched by the block hooks: one event per change, and the reserve cap.

use crate::{mock::*, *};
use frame_support::assert_ok;
use stablecoin_primitives::{ReserveCap, ReserveStatus};

/// The status events emitted so far.
fn status_events() -> Vec<Event<Test>> {
	reserve_events()
		.into_iter()
		.filter(|e| {
			matches!(
				e,
				Event::ReserveShortfall { .. }
					| Event::AttestationStale { .. }
					| Event::ReservesRestored { .. }
			)
		})
		.collect()
}

#[test]
fn staleness_by_time_is_announced_once_and_recovery_too() {
	ExtBuilder::default()
		.attested(report(START, 100 * USD, 0, 1))
		.supply(80 * USD)
		.build_and_execute(|| {
			let max_age = MaxAge::<Test>::get();
			assert!(Reserves::is_fresh());
			// Exactly at the maximum age: still fresh, no event.
			next_block(START + max_age);
			assert!(Reserves::is_fresh());
			assert_eq!(LastStatus::<Test>::get(), ReserveStatus::Backed);
			assert!(status_events().is_empty());

			// One millisecond later: stale, announced once over several blocks.
			next_block(START + max_age + 1);
			assert!(!Reserves::is_fresh());
			assert_eq!(Reserves::status(), ReserveStatus::Stale);
			assert_eq!(Reserves::headroom(), 0);
			System::assert_last_event(
				Event::AttestationStale { as_of: START, age: max_age + 1 }.into(),
			);
			next_block(START + max_age + 2);
			next_block(START + max_age + DAY_MS);
			assert_eq!(
				status_events(),
				vec![Event::AttestationStale { as_of: START, age: max_age + 1 }]
			);

			// A fresh attestation restores the reserves, once.
			let now = START + max_age + DAY_MS;
			assert_ok!(Reserves::submit_attestation(signed(ANNA), report(now, 100 * USD, 0, 2)));
			System::assert_last_event(
				Event::ReservesRestored { supply: 80 * USD, eligible: 100 * USD }.into(),
			);
			next_block(now + 1);
			next_block(now + 2);
			assert_eq!(status_events().len(), 2);
			assert_eq!(LastStatus::<Test>::get(), ReserveStatus::Backed);
			assert_eq!(Reserves::headroom(), 20 * USD);
		});
}

#[test]
fn a_shortfall_when_supply_grows_past_reserves_is_announced_once() {
	ExtBuilder::default()
		.attested(report(START, 100 * USD, 0, 1))
		.supply(100 * USD)
		.build_and_execute(|| {
			assert_eq!(Reserves::status(), ReserveStatus::Backed);
			next_block(START + 1);
			assert!(status_events().is_empty());

			set_supply(100 * USD + 1);
			// The cap sees it at once; the event comes with the next hook.
			assert_eq!(Reserves::status(), ReserveStatus::Shortfall);
			assert_eq!(Reserves::headroom(), 0);
			assert!(Reserves::is_fresh());
			next_block(START + 2);
			System::assert_last_event(
				Event::ReserveShortfall { supply: 100 * USD + 1, eligible: 100 * USD }.into(),
			);
			set_supply(150 * USD);
			next_block(START + 3);
			next_block(START + 4);
			assert_eq!(status_events().len(), 1);

			// Redemptions bring the supply back under the reserves.
			set_supply(90 * USD);
			next_block(START + 5);
			System::assert_last_event(
				Event::ReservesRestored { supply: 90 * USD, eligible: 100 * USD }.into(),
			);
			next_block(START + 6);
			assert_eq!(
				status_events(),
				vec![
					Event::ReserveShortfall { supply: 100 * USD + 1, eligible: 100 * USD },
					Event::ReservesRestored { supply: 90 * USD, eligible: 100 * USD },
				]
			);
		});
}

#[test]
fn staleness_takes_precedence_over_a_shortfall() {
	ExtBuilder::default()
		.attested(report(START, 100 * USD, 0, 1))
		.supply(200 * USD)
		.build_and_execute(|| {
			// The genesis refuses a shortfall; the supply outgrew the reserves in block 1.
			assert_eq!(LastStatus::<Test>::get(), ReserveStatus::Shortfall);
			assert_eq!(status_events().len(), 1);
			assert!(matches!(status_events()[0], Event::ReserveShortfall { .. }));
			next_block(START + MaxAge::<Test>::get() + 1);
			assert_eq!(Reserves::status(), ReserveStatus::Stale);
			assert_eq!(status_events().len(), 2);
			assert!(matches!(status_events()[1], Event::AttestationStale { .. }));
		});
}

#[test]
fn the_hooks_check_the_status_in_both_hooks() {
	use frame_support::traits::Hooks;
	ExtBuilder::default().attested(report(START, 100 * USD, 0, 1)).build_and_execute(|| {
		set_supply(101 * USD);
		<Reserves as Hooks<u64>>::on_finalize(1);
		assert_eq!(LastStatus::<Test>::get(), ReserveStatus::Shortfall);
		set_supply(99 * USD);
		<Reserves as Hooks<u64>>::on_initialize(2);
		assert_eq!(LastStatus::<Test>::get(), ReserveStatus::Backed);
		assert_eq!(status_events().len(), 2);
	});
}

#[test]
fn the_first_attestation_announces_backing() {
	ExtBuilder::default().supply(10 * USD).build_and_execute(|| {
		assert_eq!(LastStatus::<Test>::get(), ReserveStatus::NoAttestation);
		next_block(START + 1);
		assert!(status_events().is_empty());
		assert_ok!(Reserves::submit_attestation(signed(ANNA), report(START, 5 * USD, 0, 1)));
		System::assert_last_event(
			Event::ReserveShortfall { supply: 10 * USD, eligible: 5 * USD }.into(),
		);
	});
}

/// The reserves cover the liabilities: circulating supply plus redemptions burned but not yet
/// paid out. Burning for a redemption frees no headroom; paying the fiat out does.
#[test]
fn pending_redemptions_count_as_liabilities() {
	ExtBuilder::default()
		.attested(report(START, 100 * USD, 0, 1))
		.supply(70 * USD)
		.build_and_execute(|| {
			assert_eq!(Reserves::headroom(), 30 * USD);

			// 20 USD burned for a redemption, fiat not paid yet: the liabilities stay 70.
			set_supply(50 * USD);
			set_pending_redemptions(20 * USD);
			assert_eq!(Reserves::headroom(), 30 * USD);
			let figures = Reserves::figures().expect("effective");
			assert_eq!((figures.supply, figures.headroom), (70 * USD, 30 * USD));

			// Liabilities above the reserves are a shortfall, though the circulating supply
			// alone is covered.
			set_pending_redemptions(60 * USD);
			assert_eq!(Reserves::status(), ReserveStatus::Shortfall);
			assert_eq!(Reserves::headroom(), 0);
			next_block(START + 1);
			System::assert_last_event(
				Event::ReserveShortfall { supply: 110 * USD, eligible: 100 * USD }.into(),
			);

			// The fiat is paid out: the reserves cover the liabilities again, with more room.
			set_pending_redemptions(0);
			next_block(START + 2);
			System::assert_last_event(
				Event::ReservesRestored { supply: 50 * USD, eligible: 100 * USD }.into(),
			);
			assert_eq!(Reserves::headroom(), 50 * USD);
		});
}
