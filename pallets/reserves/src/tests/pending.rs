//! The pending list cannot be jammed: each attestor may have at most `MaxPendingPerAttestor`
//! proposals pending (2 in the mock, with 5 attestors and 10 pending slots), approving is not
//! limited, and a proposal frees its room when it leaves the list.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::CheckIfFeeless,
	traits::{Get, Hooks},
};
use sp_core::H256;
use stablecoin_primitives::Actor;

/// An attestor that tries to jam proof of reserve.
const ROGUE: u64 = 13;

fn feeless(who: u64, attestation: &AttestationOf<Test>) -> bool {
	Call::<Test>::submit_attestation { attestation: attestation.clone() }.is_feeless(&signed(who))
}

fn hash(attestation: &AttestationOf<Test>) -> H256 {
	Reserves::content_hash(attestation)
}

/// How many pending reports `who` proposed.
fn proposals(who: u64) -> u32 {
	Reserves::proposals_of(&who, &Pending::<Test>::get())
}

/// Anna, Boris, Clara and the rogue attestor, quorum 2.
fn with_rogue() -> ExtBuilder {
	ExtBuilder::default().attestors(&[ANNA, BORIS, CLARA, ROGUE]).quorum(2)
}

#[test]
fn the_mock_limits_satisfy_the_integrity_test() {
	let per: u32 = <Test as Config>::MaxPendingPerAttestor::get();
	let attestors: u32 = <Test as Config>::MaxAttestors::get();
	let max_pending: u32 = <Test as Config>::MaxPendingReports::get();
	assert_eq!((per, attestors, max_pending), (2, 5, 10));
	assert!(max_pending >= attestors * per);
	ExtBuilder::default().build_and_execute(<Reserves as Hooks<u64>>::integrity_test);
}

/// The attack of issue 12: one attestor fills its share with conflicting candidates, for free;
/// the next one is refused, pays and changes nothing; honest attestors still reach quorum.
#[test]
fn one_attestor_cannot_jam_the_pending_list() {
	with_rogue().build_and_execute(|| {
		set_now(START + 2 * DAY_MS);
		let honest = report(START, 100 * USD, 0, 1);
		let fake_a = report(START, 500 * USD, 0, 2);
		let fake_b = report(START + DAY_MS, 500 * USD, 0, 3);
		let fake_c = report(START, 600 * USD, 0, 4);

		// Within its limit, a candidate is feeless, conflicting or not.
		assert!(feeless(ROGUE, &fake_a));
		assert_ok!(Reserves::submit_attestation(signed(ROGUE), fake_a.clone()));
		assert!(feeless(ROGUE, &fake_c));
		assert_ok!(Reserves::submit_attestation(signed(ROGUE), fake_b.clone()));
		assert_eq!(proposals(ROGUE), 2);

		// Beyond it: refused, not feeless, nothing changes; a conflicting one and a new date alike.
		assert!(!feeless(ROGUE, &fake_c));
		assert_noop!(
			Reserves::submit_attestation(signed(ROGUE), fake_c),
			Error::<Test>::TooManyPendingFromAttestor
		);
		let fake_d = report(START + 2 * DAY_MS, 500 * USD, 0, 5);
		assert!(!feeless(ROGUE, &fake_d));
		assert_noop!(
			Reserves::submit_attestation(signed(ROGUE), fake_d),
			Error::<Test>::TooManyPendingFromAttestor
		);

		// An honest attestor still proposes, for free, visibly conflicting with the fake.
		assert!(feeless(ANNA, &honest));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), honest.clone()));
		System::assert_last_event(
			Event::ConflictingAttestation {
				hash: hash(&honest),
				conflicts_with: hash(&fake_a),
				as_of: START,
				attestor: ANNA,
			}
			.into(),
		);
		// A third reaches the quorum; the fake for the same date goes, the later one stays.
		assert!(feeless(CLARA, &honest));
		assert_ok!(Reserves::submit_attestation(signed(CLARA), honest.clone()));
		assert_eq!(Effective::<Test>::get().map(|r| r.hash), Some(hash(&honest)));
		assert_eq!(
			Reserves::pending_reports().iter().map(|r| r.hash).collect::<Vec<_>>(),
			vec![hash(&fake_b)]
		);
		// Its dropped candidate freed one of the rogue's places.
		assert_eq!(proposals(ROGUE), 1);
	});
}

#[test]
fn approving_another_attestors_report_is_not_limited() {
	ExtBuilder::default().quorum(3).build_and_execute(|| {
		set_now(START + 3 * DAY_MS);
		let own: Vec<_> =
			(0..2u8).map(|i| report(START, 100 * USD + u128::from(i), 0, i)).collect();
		for r in &own {
			assert_ok!(Reserves::submit_attestation(signed(ANNA), r.clone()));
		}
		assert_eq!(proposals(ANNA), 2);
		let next = report(START + DAY_MS, 100 * USD, 0, 9);
		assert_noop!(
			Reserves::submit_attestation(signed(ANNA), next.clone()),
			Error::<Test>::TooManyPendingFromAttestor
		);

		// Boris and Clara propose; Anna, at her limit, approves both, for free.
		let by_boris = report(START + DAY_MS, 200 * USD, 0, 10);
		let by_clara = report(START + 2 * DAY_MS, 300 * USD, 0, 11);
		assert_ok!(Reserves::submit_attestation(signed(BORIS), by_boris.clone()));
		assert_ok!(Reserves::submit_attestation(signed(CLARA), by_clara.clone()));
		for r in [&by_boris, &by_clara] {
			assert!(feeless(ANNA, r));
			assert_ok!(Reserves::submit_attestation(signed(ANNA), r.clone()));
		}
		let pending = Reserves::pending_reports();
		assert_eq!(pending.len(), 4);
		assert_eq!(pending[2].approvals, vec![BORIS, ANNA]);
		assert_eq!(pending[3].approvals, vec![CLARA, ANNA]);
		// Approving did not count as proposing.
		assert_eq!((proposals(ANNA), proposals(BORIS), proposals(CLARA)), (2, 1, 1));
		assert_noop!(
			Reserves::submit_attestation(signed(ANNA), next),
			Error::<Test>::TooManyPendingFromAttestor
		);
	});
}

#[test]
fn the_count_drops_when_a_proposal_is_discarded() {
	ExtBuilder::default().quorum(2).build_and_execute(|| {
		set_now(START + 3 * DAY_MS);
		let first = report(START, 100 * USD, 0, 1);
		assert_ok!(Reserves::submit_attestation(signed(ANNA), first.clone()));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), report(START, 101 * USD, 0, 2)));
		let third = report(START + DAY_MS, 100 * USD, 0, 3);
		assert!(!feeless(ANNA, &third));

		assert_ok!(Reserves::discard_pending(governance(), hash(&first)));
		System::assert_last_event(
			Event::PendingDiscarded { hash: hash(&first), by: Actor::Root }.into(),
		);
		assert_eq!(proposals(ANNA), 1);
		assert!(feeless(ANNA, &third));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), third));
		assert_eq!(proposals(ANNA), 2);
	});
}

#[test]
fn the_count_drops_when_a_proposal_reaches_quorum_or_is_superseded() {
	ExtBuilder::default().quorum(2).build_and_execute(|| {
		set_now(START + 3 * DAY_MS);
		let early = report(START, 100 * USD, 0, 1);
		let later = report(START + DAY_MS, 100 * USD, 0, 2);
		assert_ok!(Reserves::submit_attestation(signed(ANNA), early.clone()));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), later.clone()));
		assert_eq!(proposals(ANNA), 2);

		// Her later report reaches quorum: it leaves the list, and her earlier one is
		// superseded (dropped).
		assert_ok!(Reserves::submit_attestation(signed(BORIS), later.clone()));
		System::assert_has_event(
			Event::AttestationEffective {
				hash: hash(&later),
				sequence: 0,
				as_of: START + DAY_MS,
				total: 100 * USD,
				eligible: 100 * USD,
				dropped: 1,
			}
			.into(),
		);
		assert!(Pending::<Test>::get().is_empty());
		assert_eq!(proposals(ANNA), 0);

		// So she proposes two again.
		for i in 0..2u8 {
			let r = report(START + 2 * DAY_MS, 100 * USD + u128::from(i), 0, 10 + i);
			assert!(feeless(ANNA, &r));
			assert_ok!(Reserves::submit_attestation(signed(ANNA), r));
		}
		assert_eq!(proposals(ANNA), 2);
	});
}

/// With every attestor at its limit the list is exactly full, yet nobody is refused with
/// `TooManyPending`: each is refused for its own limit, and approving still works.
#[test]
fn a_full_pending_list_never_refuses_an_attestor_within_its_limit() {
	ExtBuilder::default().attestors(&[ANNA, BORIS, CLARA, 10, 11]).quorum(5).build_and_execute(
		|| {
			set_now(START + 20 * DAY_MS);
			let attestors = [ANNA, BORIS, CLARA, 10, 11];
			let mut n = 0u8;
			for who in attestors {
				for _ in 0..2 {
					let r = report(START + u64::from(n) * DAY_MS, 100 * USD, 0, n);
					assert!(feeless(who, &r));
					assert_ok!(Reserves::submit_attestation(signed(who), r));
					n += 1;
				}
			}
			let max_pending: u32 = <Test as Config>::MaxPendingReports::get();
			assert_eq!(Pending::<Test>::get().len() as u32, max_pending);
			for who in attestors {
				assert_noop!(
					Reserves::submit_attestation(signed(who), report(START, 1, 0, 99)),
					Error::<Test>::TooManyPendingFromAttestor
				);
			}
			// The other four approve Anna's first report: it takes effect and frees her room.
			let first = report(START, 100 * USD, 0, 0);
			for who in [BORIS, CLARA, 10, 11] {
				assert_ok!(Reserves::submit_attestation(signed(who), first.clone()));
			}
			assert_eq!(Effective::<Test>::get().map(|r| r.hash), Some(hash(&first)));
			assert_eq!(proposals(ANNA), 1);
			assert_ok!(Reserves::submit_attestation(
				signed(ANNA),
				report(START + 15 * DAY_MS, 100 * USD, 0, 50)
			));
		},
	);
}

/// A removed attestor's proposals leave with it, even those others co-signed (they propose
/// them again); its approvals of others' reports are withdrawn.
#[test]
fn removing_an_attestor_drops_its_proposals() {
	with_rogue().quorum(3).build_and_execute(|| {
		set_now(START + 3 * DAY_MS);
		let fake = report(START, 500 * USD, 0, 1);
		let cosigned = report(START + DAY_MS, 100 * USD, 0, 2);
		let honest = report(START + 2 * DAY_MS, 100 * USD, 0, 3);
		assert_ok!(Reserves::submit_attestation(signed(ROGUE), fake.clone()));
		assert_ok!(Reserves::submit_attestation(signed(ROGUE), cosigned.clone()));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), cosigned.clone()));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), honest.clone()));
		assert_ok!(Reserves::submit_attestation(signed(ROGUE), honest.clone()));

		assert_ok!(Reserves::remove_attestor(governance(), ROGUE));
		System::assert_last_event(
			Event::AttestorRemoved { attestor: ROGUE, withdrawn: 1, dropped: 2, by: Actor::Root }
				.into(),
		);
		let pending = Reserves::pending_reports();
		assert_eq!(pending.len(), 1);
		assert_eq!((pending[0].hash, pending[0].approvals.clone()), (hash(&honest), vec![ANNA]));
		assert_eq!(proposals(ROGUE), 0);

		// Anna, who co-signed the dropped report, proposes it again; it reaches quorum anew.
		assert!(feeless(ANNA, &cosigned));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), cosigned.clone()));
		assert_eq!(proposals(ANNA), 2);
		assert_ok!(Reserves::submit_attestation(signed(BORIS), cosigned.clone()));
		assert_ok!(Reserves::submit_attestation(signed(CLARA), cosigned.clone()));
		let effective = Effective::<Test>::get().expect("effective");
		assert_eq!(effective.hash, hash(&cosigned));
		assert_eq!(effective.attestors.to_vec(), vec![ANNA, BORIS, CLARA]);
	});
}

/// At quorum 1 a report takes effect at once and never waits: the limit does not apply.
#[test]
fn the_limit_does_not_apply_to_reports_that_take_effect_at_once() {
	ExtBuilder::default().quorum(2).build_and_execute(|| {
		set_now(START + 5 * DAY_MS);
		for i in 0..2u8 {
			assert_ok!(Reserves::submit_attestation(
				signed(ANNA),
				report(START + u64::from(i) * DAY_MS, 100 * USD, 0, i)
			));
		}
		assert_ok!(Reserves::set_quorum(governance(), 1));
		let r = report(START + 3 * DAY_MS, 100 * USD, 0, 9);
		assert!(feeless(ANNA, &r));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), r.clone()));
		assert_eq!(Effective::<Test>::get().map(|record| record.hash), Some(hash(&r)));
		assert!(Pending::<Test>::get().is_empty());
	});
}
