//! The reserve breaker: mints only while the supply is backed by a fresh attestation.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{Breaker, GuardedOperation::*, ReserveStatus};

#[test]
fn backed_reserves_allow_mints() {
	ExtBuilder::default().build_and_execute(|| {
		set_reserves(ReserveStatus::Backed);
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, USDX));
	});
}

#[test]
fn each_unbacked_status_refuses_mints_with_its_own_error() {
	ExtBuilder::default().build_and_execute(|| {
		for (status, error, refusal) in [
			(ReserveStatus::Shortfall, Error::<Test>::ReserveShortfall, Refusal::ReserveShortfall),
			(
				ReserveStatus::Stale,
				Error::<Test>::ReserveAttestationStale,
				Refusal::ReserveAttestationStale,
			),
			(
				ReserveStatus::NoAttestation,
				Error::<Test>::NoReserveAttestation,
				Refusal::NoReserveAttestation,
			),
		] {
			set_reserves(status);
			assert_noop!(CircuitBreaker::ensure_allowed(Mint, USDX), error);
			assert_eq!(CircuitBreaker::check(Mint, USDX), Err(refusal));
			// Only mints.
			assert_ok!(CircuitBreaker::ensure_allowed(Redeem, USDX));
			assert_ok!(CircuitBreaker::ensure_allowed(Transfer, USDX));
		}
		set_reserves(ReserveStatus::Backed);
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, USDX));
	});
}

#[test]
fn the_level_is_reported_before_the_reserves() {
	ExtBuilder::default().build_and_execute(|| {
		set_reserves(ReserveStatus::Shortfall);
		set_deviation(-600);
		run_block_at(START + MINUTE);
		assert_noop!(CircuitBreaker::ensure_allowed(Mint, USDX), Error::<Test>::SuspendedByLevel);
	});
}
