//! Governance appoints and removes attestors and sets the quorum.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::Actor;

#[test]
fn only_governance_manages_attestors_and_parameters() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [signed(ANNA), signed(MALLORY), RuntimeOrigin::none()] {
			assert_noop!(
				Reserves::add_attestor(origin.clone(), MALLORY),
				Error::<Test>::NotGovernance
			);
			assert_noop!(
				Reserves::remove_attestor(origin.clone(), ANNA),
				Error::<Test>::NotGovernance
			);
			assert_noop!(Reserves::set_quorum(origin.clone(), 2), Error::<Test>::NotGovernance);
			assert_noop!(
				Reserves::set_max_age(origin.clone(), DAY_MS),
				Error::<Test>::NotGovernance
			);
			assert_noop!(
				Reserves::set_haircut(
					origin.clone(),
					AssetCategory::TreasuryBills,
					sp_runtime::Perbill::from_percent(1)
				),
				Error::<Test>::NotGovernance
			);
			assert_noop!(
				Reserves::set_thresholds(origin.clone(), Thresholds::default()),
				Error::<Test>::NotGovernance
			);
			assert_noop!(
				Reserves::discard_pending(origin, sp_core::H256::zero()),
				Error::<Test>::NotGovernance
			);
		}
	});
}

#[test]
fn add_attestor_works_and_keeps_them_sorted() {
	ExtBuilder::default().attestors(&[CLARA]).build_and_execute(|| {
		assert_ok!(Reserves::add_attestor(governance(), ANNA));
		System::assert_last_event(Event::AttestorAdded { attestor: ANNA, by: Actor::Root }.into());
		assert_ok!(Reserves::add_attestor(governance(), BORIS));
		assert_eq!(Reserves::attestors(), vec![ANNA, BORIS, CLARA]);
		assert!(Reserves::is_attestor(&BORIS));
	});
}

#[test]
fn add_attestor_errors() {
	// MaxAttestors is 5 in the mock.
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Reserves::add_attestor(governance(), ANNA), Error::<Test>::AlreadyAttestor);
		assert_ok!(Reserves::add_attestor(governance(), 10));
		assert_ok!(Reserves::add_attestor(governance(), 11));
		assert_noop!(Reserves::add_attestor(governance(), 12), Error::<Test>::TooManyAttestors);
	});
}

#[test]
fn remove_attestor_drops_its_proposals_and_withdraws_its_approvals() {
	ExtBuilder::default().quorum(3).build_and_execute(|| {
		assert_ok!(Reserves::add_attestor(governance(), 10));
		let shared = report(START, 100 * USD, 0, 1);
		let alone = report(START, 100 * USD, 0, 2);
		assert_ok!(Reserves::submit_attestation(signed(ANNA), shared.clone()));
		assert_ok!(Reserves::submit_attestation(signed(BORIS), shared.clone()));
		assert_ok!(Reserves::submit_attestation(signed(BORIS), alone.clone()));

		assert_ok!(Reserves::remove_attestor(governance(), BORIS));
		System::assert_last_event(
			Event::AttestorRemoved { attestor: BORIS, withdrawn: 1, dropped: 1, by: Actor::Root }
				.into(),
		);
		assert_eq!(Reserves::attestors(), vec![ANNA, CLARA, 10]);
		// The report Boris proposed is gone; the shared one keeps Anna's approval.
		let pending = Reserves::pending_reports();
		assert_eq!(pending.len(), 1);
		assert_eq!(pending[0].hash, Reserves::content_hash(&shared));
		assert_eq!(pending[0].approvals, vec![ANNA]);

		// So Clara's approval is not enough any more.
		assert_ok!(Reserves::submit_attestation(signed(CLARA), shared.clone()));
		assert!(Effective::<Test>::get().is_none());
		assert_ok!(Reserves::submit_attestation(signed(10), shared));
		assert!(Effective::<Test>::get().is_some());
	});
}

#[test]
fn remove_attestor_errors() {
	ExtBuilder::default().quorum(3).build_and_execute(|| {
		assert_noop!(Reserves::remove_attestor(governance(), MALLORY), Error::<Test>::NotAttestor);
		assert_noop!(
			Reserves::remove_attestor(governance(), ANNA),
			Error::<Test>::QuorumUnreachable
		);
		assert_ok!(Reserves::set_quorum(governance(), 2));
		assert_ok!(Reserves::remove_attestor(governance(), ANNA));
		assert_noop!(
			Reserves::remove_attestor(governance(), BORIS),
			Error::<Test>::QuorumUnreachable
		);
	});
}

#[test]
fn the_last_attestor_may_be_removed_at_quorum_one() {
	ExtBuilder::default().attestors(&[ANNA]).build_and_execute(|| {
		assert_ok!(Reserves::remove_attestor(governance(), ANNA));
		assert!(Reserves::attestors().is_empty());
		assert_eq!(Quorum::<Test>::get(), 1);
	});
}

#[test]
fn set_quorum_works_within_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Quorum::<Test>::get(), 1);
		assert_ok!(Reserves::set_quorum(governance(), 3));
		System::assert_last_event(Event::QuorumSet { old: 1, new: 3, by: Actor::Root }.into());
		assert_eq!(Reserves::parameters().quorum, 3);
		assert_noop!(Reserves::set_quorum(governance(), 0), Error::<Test>::InvalidQuorum);
		assert_noop!(Reserves::set_quorum(governance(), 4), Error::<Test>::InvalidQuorum);
	});
}

#[test]
fn lowering_the_quorum_lets_the_next_identical_report_take_effect() {
	ExtBuilder::default().quorum(3).build_and_execute(|| {
		let r = report(START, 100 * USD, 0, 1);
		assert_ok!(Reserves::submit_attestation(signed(ANNA), r.clone()));
		assert_ok!(Reserves::submit_attestation(signed(BORIS), r.clone()));
		assert_ok!(Reserves::set_quorum(governance(), 2));
		assert!(Effective::<Test>::get().is_none());
		assert_ok!(Reserves::submit_attestation(signed(CLARA), r));
		assert_eq!(
			Effective::<Test>::get().map(|record| record.attestors.to_vec()),
			Some(vec![ANNA, BORIS, CLARA])
		);
	});
}
