//! Quorum of identical reports, conflicting reports and the history.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{ReserveCap, ReserveStatus};

#[test]
fn one_of_one_takes_effect_at_once() {
	ExtBuilder::default().attestors(&[ANNA]).supply(60 * USD).build_and_execute(|| {
		let r = report(START, 100 * USD, 0, 1);
		let hash = Reserves::content_hash(&r);
		assert_eq!(Reserves::status(), ReserveStatus::NoAttestation);

		assert_ok!(Reserves::submit_attestation(signed(ANNA), r.clone()));

		System::assert_has_event(
			Event::AttestationSubmitted {
				hash,
				as_of: START,
				attestor: ANNA,
				approvals: 1,
				quorum: 1,
			}
			.into(),
		);
		System::assert_has_event(
			Event::AttestationEffective {
				hash,
				sequence: 0,
				as_of: START,
				total: 100 * USD,
				eligible: 100 * USD,
				dropped: 0,
			}
			.into(),
		);
		System::assert_last_event(
			Event::ReservesRestored { supply: 60 * USD, eligible: 100 * USD }.into(),
		);
		let effective = Effective::<Test>::get().expect("effective");
		assert_eq!(effective.attestation, r);
		assert_eq!(effective.attestors.to_vec(), vec![ANNA]);
		assert_eq!(effective.effective_at, START);
		assert!(Pending::<Test>::get().is_empty());
		assert_eq!(Reserves::status(), ReserveStatus::Backed);
		assert_eq!(Reserves::headroom(), 40 * USD);
	});
}

#[docify::export]
#[test]
fn two_of_three_takes_effect_on_the_second_identical_report() {
	ExtBuilder::default().quorum(2).build_and_execute(|| {
		let r = report(START, 100 * USD, 0, 1);
		let hash = Reserves::content_hash(&r);

		assert_ok!(Reserves::submit_attestation(signed(ANNA), r.clone()));
		System::assert_last_event(
			Event::AttestationSubmitted {
				hash,
				as_of: START,
				attestor: ANNA,
				approvals: 1,
				quorum: 2,
			}
			.into(),
		);
		assert!(Effective::<Test>::get().is_none());
		let pending = Pending::<Test>::get();
		assert_eq!(pending.len(), 1);
		assert_eq!(pending[0].hash, hash);
		assert_eq!(pending[0].approvals.to_vec(), vec![ANNA]);
		assert_eq!(Reserves::status(), ReserveStatus::NoAttestation);

		assert_ok!(Reserves::submit_attestation(signed(CLARA), r.clone()));
		System::assert_has_event(
			Event::AttestationSubmitted {
				hash,
				as_of: START,
				attestor: CLARA,
				approvals: 2,
				quorum: 2,
			}
			.into(),
		);
		let effective = Effective::<Test>::get().expect("effective after the second report");
		assert_eq!(effective.hash, hash);
		assert_eq!(effective.attestors.to_vec(), vec![ANNA, CLARA]);
		assert!(Pending::<Test>::get().is_empty());
		assert_eq!(Reserves::status(), ReserveStatus::Backed);

		// The third attestor's identical report is the effective one already.
		assert_noop!(
			Reserves::submit_attestation(signed(BORIS), r),
			Error::<Test>::AlreadyEffective
		);
	});
}

#[test]
fn the_same_attestor_twice_is_refused() {
	ExtBuilder::default().quorum(2).build_and_execute(|| {
		let r = report(START, 100 * USD, 0, 1);
		assert_ok!(Reserves::submit_attestation(signed(ANNA), r.clone()));
		assert_noop!(
			Reserves::submit_attestation(signed(ANNA), r),
			Error::<Test>::AlreadySubmitted
		);
		assert!(Effective::<Test>::get().is_none());
	});
}

#[test]
fn a_conflicting_report_does_not_take_effect_and_is_visible() {
	ExtBuilder::default().quorum(2).build_and_execute(|| {
		let honest = report(START, 100 * USD, 0, 1);
		let other = report(START, 120 * USD, 0, 2);
		let (h1, h2) = (Reserves::content_hash(&honest), Reserves::content_hash(&other));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), honest.clone()));

		assert_ok!(Reserves::submit_attestation(signed(BORIS), other.clone()));
		System::assert_last_event(
			Event::ConflictingAttestation {
				hash: h2,
				conflicts_with: h1,
				as_of: START,
				attestor: BORIS,
			}
			.into(),
		);
		assert!(Effective::<Test>::get().is_none());
		let pending = Reserves::pending_reports();
		assert_eq!(pending.len(), 2);
		assert_eq!((pending[0].hash, pending[0].approvals.clone()), (h1, vec![ANNA]));
		assert_eq!((pending[1].hash, pending[1].approvals.clone()), (h2, vec![BORIS]));

		// The honest report reaches its quorum; the conflicting one for the same date is
		// dropped.
		assert_ok!(Reserves::submit_attestation(signed(CLARA), honest));
		System::assert_has_event(
			Event::AttestationEffective {
				hash: h1,
				sequence: 0,
				as_of: START,
				total: 100 * USD,
				eligible: 100 * USD,
				dropped: 1,
			}
			.into(),
		);
		assert_eq!(Effective::<Test>::get().map(|r| r.hash), Some(h1));
		assert!(Pending::<Test>::get().is_empty());

		// A different report for the date of the effective one is a visible candidate too.
		assert_ok!(Reserves::submit_attestation(signed(BORIS), other));
		System::assert_last_event(
			Event::ConflictingAttestation {
				hash: h2,
				conflicts_with: h1,
				as_of: START,
				attestor: BORIS,
			}
			.into(),
		);
		assert_eq!(Effective::<Test>::get().map(|r| r.hash), Some(h1));
		assert_eq!(Pending::<Test>::get().len(), 1);
	});
}

#[test]
fn a_newer_report_clears_older_candidates_but_keeps_newer_ones() {
	ExtBuilder::default().quorum(2).build_and_execute(|| {
		set_now(START + 10 * DAY_MS);
		let old = report(START, 100 * USD, 0, 1);
		let mid = report(START + DAY_MS, 100 * USD, 0, 2);
		let new = report(START + 2 * DAY_MS, 100 * USD, 0, 3);
		assert_ok!(Reserves::submit_attestation(signed(ANNA), old.clone()));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), new.clone()));
		assert_ok!(Reserves::submit_attestation(signed(CLARA), mid.clone()));
		assert_ok!(Reserves::submit_attestation(signed(BORIS), mid.clone()));
		System::assert_has_event(
			Event::AttestationEffective {
				hash: Reserves::content_hash(&mid),
				sequence: 0,
				as_of: START + DAY_MS,
				total: 100 * USD,
				eligible: 100 * USD,
				dropped: 1,
			}
			.into(),
		);
		let pending = Pending::<Test>::get();
		assert_eq!(pending.len(), 1);
		assert_eq!(pending[0].hash, Reserves::content_hash(&new));

		// An attestation older than the effective one is refused.
		assert_noop!(
			Reserves::submit_attestation(signed(CLARA), old),
			Error::<Test>::OlderThanEffective
		);
	});
}

#[test]
fn the_history_is_a_bounded_ring_of_effective_attestations() {
	// MaxHistory is 3 in the mock.
	ExtBuilder::default().build_and_execute(|| {
		set_now(START + 10 * DAY_MS);
		let reports: Vec<_> =
			(0..5u8).map(|i| report(START + u64::from(i) * DAY_MS, 100 * USD, 0, i)).collect();
		for r in &reports {
			assert_ok!(Reserves::submit_attestation(signed(ANNA), r.clone()));
		}
		let history = Reserves::attestation_history();
		assert_eq!(history.len(), 3);
		assert_eq!(history.iter().map(|r| r.sequence).collect::<Vec<_>>(), vec![2, 3, 4]);
		for (record, r) in history.iter().zip(&reports[2..]) {
			assert_eq!(record.attestation, r.clone().into_view());
		}
		assert_eq!(NextSequence::<Test>::get(), 5);
		assert_eq!(Reserves::effective_attestation().map(|r| r.sequence), Some(4));
	});
}
