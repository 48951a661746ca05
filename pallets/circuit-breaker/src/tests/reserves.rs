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

#[test]
fn quality_alerts_refuse_mints_only_when_the_policy_says_so() {
	use stablecoin_primitives::{Actor, ReserveQuality};
	ExtBuilder::default().build_and_execute(|| {
		set_quality(ReserveQuality {
			liquidity_below_target: true,
			concentration_above_target: true,
		});
		// Off by default: the alerts inform, mints go on.
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, 1));

		let policy = ReserveQualityPolicy {
			refuse_mints_on_low_liquidity: false,
			refuse_mints_on_concentration: true,
		};
		assert_noop!(
			CircuitBreaker::set_reserve_quality_policy(guardian(), policy),
			Error::<Test>::NotGovernance
		);
		assert_ok!(CircuitBreaker::set_reserve_quality_policy(governance(), policy));
		System::assert_last_event(
			Event::ReserveQualityPolicySet {
				old: ReserveQualityPolicy::default(),
				new: policy,
				by: Actor::Root,
			}
			.into(),
		);
		assert_noop!(
			CircuitBreaker::ensure_allowed(Mint, 1),
			Error::<Test>::ReserveConcentrationHigh
		);
		assert_eq!(CircuitBreaker::check(Mint, 1), Err(Refusal::ReserveConcentrationHigh));
		// Redemptions and transfers are never refused for reserve quality.
		assert_ok!(CircuitBreaker::ensure_allowed(Redeem, 1));
		assert_ok!(CircuitBreaker::ensure_allowed(Transfer, 1));

		set_quality(ReserveQuality {
			liquidity_below_target: true,
			concentration_above_target: false,
		});
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, 1));
		assert_ok!(CircuitBreaker::set_reserve_quality_policy(
			governance(),
			ReserveQualityPolicy {
				refuse_mints_on_low_liquidity: true,
				refuse_mints_on_concentration: true,
			}
		));
		assert_noop!(CircuitBreaker::ensure_allowed(Mint, 1), Error::<Test>::ReserveLiquidityLow);
		// Once the alert clears, mints go on.
		set_quality(ReserveQuality::default());
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, 1));
	});
}
