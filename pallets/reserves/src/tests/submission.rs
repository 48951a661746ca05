//! Who may submit and which reports are valid; every refusal changes nothing and is not
//! feeless.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, dispatch::CheckIfFeeless};
use sp_core::H256;
use sp_runtime::DispatchError;

fn feeless(who: u64, attestation: &AttestationOf<Test>) -> bool {
	Call::<Test>::submit_attestation { attestation: attestation.clone() }.is_feeless(&signed(who))
}

#[test]
fn an_unauthorized_attestor_is_refused_and_pays() {
	ExtBuilder::default().build_and_execute(|| {
		let r = report(START, 100 * USD, 0, 1);
		assert!(!feeless(MALLORY, &r));
		assert_noop!(
			Reserves::submit_attestation(signed(MALLORY), r.clone()),
			Error::<Test>::NotAttestor
		);
		assert!(
			!Call::<Test>::submit_attestation { attestation: r.clone() }.is_feeless(&governance())
		);
		assert_noop!(
			Reserves::submit_attestation(governance(), r.clone()),
			DispatchError::BadOrigin
		);
		assert!(Effective::<Test>::get().is_none());

		// A removed attestor is refused too.
		assert_ok!(Reserves::remove_attestor(governance(), ANNA));
		assert!(!feeless(ANNA, &r));
		assert_noop!(Reserves::submit_attestation(signed(ANNA), r), Error::<Test>::NotAttestor);
	});
}

#[test]
fn a_valid_submission_is_feeless() {
	ExtBuilder::default().quorum(2).build_and_execute(|| {
		let r = report(START, 100 * USD, 0, 1);
		assert!(feeless(ANNA, &r));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), r.clone()));
		// The same attestor again would fail, so it is not feeless; another attestor is.
		assert!(!feeless(ANNA, &r));
		assert!(feeless(BORIS, &r));
	});
}

/// Each invalid report is refused with its error, is not feeless, and changes nothing.
#[test]
fn invalid_reports_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let good = report(START, 100 * USD, 50 * USD, 1);
		let check = |r: AttestationOf<Test>, error: Error<Test>| {
			assert!(!feeless(ANNA, &r));
			assert_noop!(Reserves::submit_attestation(signed(ANNA), r), error);
		};

		let mut r = good.clone();
		r.total += 1;
		check(r, Error::<Test>::CategoryTotalMismatch);

		let mut r = good.clone();
		r.amounts.treasury_bills -= USD;
		r.amounts.other += USD;
		r.custodians[1].1 -= 1;
		check(r, Error::<Test>::CustodianTotalMismatch);

		let mut r = good.clone();
		r.amounts.cash_and_deposits = u128::MAX;
		check(r, Error::<Test>::AmountOverflow);

		let mut r = good.clone();
		r.custodians[0].1 = u128::MAX;
		check(r, Error::<Test>::AmountOverflow);

		let mut r = good.clone();
		r.custodians[1].0 = custodian("bank");
		check(r, Error::<Test>::DuplicateCustodian);

		let mut r = good.clone();
		r.period_start = r.period_end + 1;
		check(r, Error::<Test>::InvalidPeriod);

		let mut r = good.clone();
		r.period_end = r.as_of + 1;
		check(r, Error::<Test>::InvalidPeriod);

		let mut r = good.clone();
		r.as_of = START + 1;
		r.period_end = START + 1;
		check(r, Error::<Test>::FutureAsOf);

		let max_age = MaxAge::<Test>::get();
		let r = report(START - max_age - 1, 100 * USD, 0, 1);
		check(r, Error::<Test>::StaleAttestation);

		// Exactly the maximum age is still fresh.
		let r = report(START - max_age, 100 * USD, 0, 1);
		assert!(feeless(ANNA, &r));
		assert_ok!(Reserves::submit_attestation(signed(ANNA), r));

		// And the unchanged report is valid.
		assert!(feeless(BORIS, &good));
		assert_ok!(Reserves::submit_attestation(signed(BORIS), good));
	});
}

#[test]
fn an_empty_report_of_zero_reserves_is_valid() {
	ExtBuilder::default().build_and_execute(|| {
		let r = Attestation {
			as_of: START,
			period_start: START,
			period_end: START,
			amounts: CategoryAmounts::default(),
			custodians: Default::default(),
			total: 0,
			report_hash: H256::zero(),
		};
		assert_ok!(Reserves::submit_attestation(signed(ANNA), r));
		let figures = Reserves::figures().expect("effective");
		assert_eq!((figures.total, figures.eligible), (0, 0));
		assert_eq!(figures.largest_custodian_share, sp_runtime::Perbill::zero());
	});
}

#[test]
fn the_content_hash_covers_every_field() {
	ExtBuilder::default().build_and_execute(|| {
		let r = report(START, 100 * USD, 0, 1);
		let hash = Reserves::content_hash(&r);
		assert_eq!(hash, Reserves::content_hash(&r.clone().into_view()));
		let mut other = r.clone();
		other.report_hash = H256::repeat_byte(2);
		assert_ne!(Reserves::content_hash(&other), hash);
		let mut other = r.clone();
		other.period_start -= 1;
		assert_ne!(Reserves::content_hash(&other), hash);
	});
}
