//! Volume limits per block and per rolling 24 hours, for mints and redemptions.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use stablecoin_primitives::{Breaker, GuardedOperation, GuardedOperation::*};

/// Admit the operation (check and record), as the stablecoin pallet does.
fn go(operation: GuardedOperation, amount: u128) -> sp_runtime::DispatchResult {
	CircuitBreaker::admit(operation, amount)
}

#[test]
fn the_block_mint_limit_refuses_at_the_exact_boundary() {
	ExtBuilder::default().limits(Mint, Some(1_000 * USDX), None).build_and_execute(|| {
		assert_noop!(
			CircuitBreaker::ensure_allowed(Mint, 1_000 * USDX + 1),
			Error::<Test>::BlockMintLimitExceeded
		);
		assert_ok!(CircuitBreaker::ensure_allowed(Mint, 1_000 * USDX));
		assert_ok!(go(Mint, 400 * USDX));
		assert_noop!(
			CircuitBreaker::ensure_allowed(Mint, 600 * USDX + 1),
			Error::<Test>::BlockMintLimitExceeded
		);
		assert_ok!(go(Mint, 600 * USDX));
		assert_eq!(CircuitBreaker::remaining_volume(Mint).per_block, Some(0));
		assert_noop!(
			CircuitBreaker::ensure_allowed(Mint, 1),
			Error::<Test>::BlockMintLimitExceeded
		);
		// Redemptions have their own limits (none here).
		assert_ok!(go(Redeem, 5_000 * USDX));

		// The next block starts afresh, even in the same second.
		run_block_at(START);
		assert_eq!(CircuitBreaker::remaining_volume(Mint).per_block, Some(1_000 * USDX));
		assert_ok!(go(Mint, 1_000 * USDX));
	});
}

#[test]
fn the_daily_mint_limit_refuses_at_the_boundary_and_recovers_after_the_window() {
	ExtBuilder::default().limits(Mint, None, Some(5_000 * USDX)).build_and_execute(|| {
		// Hour 0 (START is an hour boundary): 3 000; hour 5: 2 000.
		run_block_at(START + 30 * MINUTE);
		assert_ok!(go(Mint, 3_000 * USDX));
		run_block_at(START + 5 * HOUR);
		assert_noop!(
			CircuitBreaker::ensure_allowed(Mint, 2_000 * USDX + 1),
			Error::<Test>::DailyMintLimitExceeded
		);
		assert_ok!(go(Mint, 2_000 * USDX));
		assert_eq!(CircuitBreaker::remaining_volume(Mint).per_day, Some(0));
		assert_noop!(
			CircuitBreaker::ensure_allowed(Mint, 1),
			Error::<Test>::DailyMintLimitExceeded
		);

		// Still refused in the last minute of hour 23.
		run_block_at(START + 24 * HOUR - MINUTE);
		assert_noop!(
			CircuitBreaker::ensure_allowed(Mint, 1),
			Error::<Test>::DailyMintLimitExceeded
		);
		// Hour 24 starts: hour 0's 3 000 no longer counts.
		run_block_at(START + 24 * HOUR);
		assert_eq!(CircuitBreaker::remaining_volume(Mint).per_day, Some(3_000 * USDX));
		assert_noop!(
			CircuitBreaker::ensure_allowed(Mint, 3_000 * USDX + 1),
			Error::<Test>::DailyMintLimitExceeded
		);
		assert_ok!(go(Mint, 3_000 * USDX));
		// Hour 29: hour 5's 2 000 no longer counts.
		run_block_at(START + 29 * HOUR);
		assert_eq!(CircuitBreaker::remaining_volume(Mint).per_day, Some(2_000 * USDX));
		// After a long pause the whole window is empty again.
		run_block_at(START + 100 * HOUR);
		assert_eq!(CircuitBreaker::remaining_volume(Mint).per_day, Some(5_000 * USDX));
	});
}

#[test]
fn redemption_limits_have_their_own_errors() {
	ExtBuilder::default().limits(Redeem, Some(100 * USDX), Some(150 * USDX)).build_and_execute(
		|| {
			assert_noop!(
				CircuitBreaker::ensure_allowed(Redeem, 100 * USDX + 1),
				Error::<Test>::BlockRedeemLimitExceeded
			);
			assert_ok!(go(Redeem, 100 * USDX));
			run_block_at(START + MINUTE);
			assert_noop!(
				CircuitBreaker::ensure_allowed(Redeem, 50 * USDX + 1),
				Error::<Test>::DailyRedeemLimitExceeded
			);
			assert_ok!(go(Redeem, 50 * USDX));
			assert_eq!(
				CircuitBreaker::remaining_volume(Redeem),
				RemainingVolume { per_block: Some(50 * USDX), per_day: Some(0) }
			);
			// Mints are not limited.
			assert_ok!(go(Mint, 1_000_000 * USDX));
			assert_eq!(
				CircuitBreaker::remaining_volume(Mint),
				RemainingVolume { per_block: None, per_day: None }
			);
		},
	);
}

#[test]
fn the_block_limit_is_reported_before_the_daily_limit() {
	ExtBuilder::default().limits(Mint, Some(10), Some(20)).build_and_execute(|| {
		assert_noop!(
			CircuitBreaker::ensure_allowed(Mint, 21),
			Error::<Test>::BlockMintLimitExceeded
		);
	});
}

#[test]
fn transfers_are_never_volume_limited_or_recorded() {
	ExtBuilder::default().limits(Mint, Some(1), Some(1)).build_and_execute(|| {
		assert_ok!(go(Transfer, u128::MAX));
		assert!(!Volumes::<Test>::contains_key(Transfer));
		assert_eq!(
			CircuitBreaker::remaining_volume(Transfer),
			RemainingVolume { per_block: None, per_day: None }
		);
	});
}

#[test]
fn volume_is_recorded_without_limits_and_counts_once_limits_are_set() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(go(Mint, 700));
		assert_eq!(Volumes::<Test>::get(Mint).window_total, 700);
		assert_ok!(CircuitBreaker::set_volume_limits(
			governance(),
			Mint,
			VolumeLimits { per_block: None, per_day: Some(1_000) }
		));
		assert_eq!(CircuitBreaker::remaining_volume(Mint).per_day, Some(300));
		assert_noop!(
			CircuitBreaker::ensure_allowed(Mint, 301),
			Error::<Test>::DailyMintLimitExceeded
		);
	});
}

#[test]
fn the_hook_rolls_the_windows() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(go(Redeem, 5));
		run_block_at(START + 30 * HOUR);
		let volume = Volumes::<Test>::get(Redeem);
		assert_eq!(volume.window_total, 0);
		assert_eq!(volume.block_total, 0);
		assert_eq!(volume.hour, (START + 30 * HOUR) / HOUR);
		assert_eq!(volume.block, 2);
	});
}
