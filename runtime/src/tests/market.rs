//! The oracle and proof of reserve in the real runtime: the presets start backed and priced by
//! the demo operators, whose successful calls are feeless.

use sp_keyring::Sr25519Keyring;
use sp_runtime::{FixedU128, Perbill};
use stablecoin_primitives::{PriceFeed, PriceKey, ReserveCap, ReserveStatus};

use super::{apply_signed, preset_storage, start_block};
use crate::{genesis_config_presets::*, *};

fn submit(price: FixedU128) -> RuntimeCall {
	RuntimeCall::Oracle(pallet_oracle::Call::submit_price { key: PriceKey::USDX_USD, price })
}

#[test]
fn the_dev_chain_starts_fully_backed_by_its_genesis_attestation() {
	preset_storage("development").execute_with(|| {
		start_block();
		assert_eq!(<Reserves as ReserveCap<Balance>>::status(), ReserveStatus::Backed);
		assert!(Reserves::is_fresh());

		let figures = Reserves::figures().expect("the genesis attestation is effective");
		// 250k cash + 600k T-bills less a 1% haircut + 150k overnight reverse repo.
		let eligible = 250_000 * USDX + 594_000 * USDX + 150_000 * USDX;
		let supply = 6 * DEV_ACCOUNT_BALANCE + EXISTENTIAL_DEPOSIT;
		assert_eq!(figures.total, 1_000_000 * USDX);
		assert_eq!(figures.eligible, eligible);
		assert_eq!(figures.supply, supply);
		assert_eq!(figures.headroom, eligible - supply);
		assert_eq!(<Reserves as ReserveCap<Balance>>::headroom(), eligible - supply);
		// (250k + 150k) / 994k of the eligible reserves are cash-like, rounded down.
		assert_eq!(figures.liquidity_ratio, Perbill::from_rational(400_000u64, 994_000u64));
		assert_eq!(figures.largest_custodian_share, Perbill::from_percent(45));
		assert!(figures.meets_liquidity_target && figures.meets_concentration_target);
		assert_eq!(Reserves::attestors(), vec![demo_attestor()]);
	});
}

#[test]
fn the_dev_chain_has_a_usdx_price_once_two_demo_feeders_report_and_they_pay_no_fee() {
	preset_storage("development").execute_with(|| {
		start_block();
		// Nothing reported yet: stale, never "on peg" by default.
		assert!(<Oracle as PriceFeed>::is_stale(&PriceKey::USDX_USD));

		let [charlie, eve, _ferdie] =
			[Sr25519Keyring::Charlie, Sr25519Keyring::Eve, Sr25519Keyring::Ferdie];
		for (feeder, price) in [
			(charlie, FixedU128::from_rational(9_990, 10_000)),
			(eve, FixedU128::from_rational(9_980, 10_000)),
		] {
			let before = Balances::free_balance(feeder.to_account_id());
			assert_eq!(apply_signed(submit(price), feeder), Ok(Ok(())));
			assert_eq!(Balances::free_balance(feeder.to_account_id()), before, "feeless");
		}

		let observation = <Oracle as PriceFeed>::fresh_price(&PriceKey::USDX_USD)
			.expect("two of three feeders reported: quorum met");
		// Median of two: the mean of 0.999 and 0.998.
		assert_eq!(observation.price, FixedU128::from_rational(9_985, 10_000));
		assert_eq!(observation.deviation_bps, -15);
		let state = Oracle::price_state(PriceKey::USDX_USD).expect("priced");
		assert_eq!(state.contributors.len(), 2);
		assert!(!state.stale);
	});
}

#[test]
fn anyone_but_a_feeder_pays_for_a_refused_price_report() {
	preset_storage("development").execute_with(|| {
		start_block();
		let dave = Sr25519Keyring::Dave;
		let before = Balances::free_balance(dave.to_account_id());
		assert_eq!(
			apply_signed(submit(FixedU128::from_u32(1)), dave),
			Ok(Err(pallet_oracle::Error::<Runtime>::NotFeeder.into()))
		);
		assert!(Balances::free_balance(dave.to_account_id()) < before, "a fee was charged");
		assert!(<Oracle as PriceFeed>::last_price(&PriceKey::USDX_USD).is_none());
	});
}

#[test]
fn the_demo_attestor_publishes_a_new_attestation_without_a_fee() {
	preset_storage("development").execute_with(|| {
		start_block();
		let mut report = genesis_attestation();
		report.as_of += 24 * 60 * 60 * 1000;
		report.period_start = report.period_end;
		report.period_end = report.as_of;
		report.report_hash = sp_core::H256::repeat_byte(7);
		let ferdie = Sr25519Keyring::Ferdie;
		let call = RuntimeCall::Reserves(pallet_reserves::Call::submit_attestation {
			attestation: pallet_reserves::Attestation {
				as_of: report.as_of,
				period_start: report.period_start,
				period_end: report.period_end,
				amounts: report.amounts,
				custodians: frame_support::BoundedVec::truncate_from(report.custodians.clone()),
				total: report.total,
				report_hash: report.report_hash,
			},
		});
		let before = Balances::free_balance(ferdie.to_account_id());
		// The attestation must not be dated after the block's clock.
		super::set_clock(report.as_of + 1_000);
		assert_eq!(apply_signed(call, ferdie), Ok(Ok(())));
		assert_eq!(Balances::free_balance(ferdie.to_account_id()), before, "feeless");
		let effective = Reserves::effective_attestation().expect("quorum 1: effective at once");
		assert_eq!(effective.attestation.report_hash, report.report_hash);
		assert_eq!(Reserves::attestation_history().len(), 2);
	});
}

/// Feeders Charlie and Eve both report `price` at time `now`, then the next block's hooks run.
pub(super) fn market_moves_to(price: FixedU128, now: u64, block: BlockNumber) {
	use frame_support::traits::Hooks;
	super::set_clock(now);
	for feeder in [Sr25519Keyring::Charlie, Sr25519Keyring::Eve] {
		assert_eq!(
			Oracle::submit_price(
				RuntimeOrigin::signed(feeder.to_account_id()),
				PriceKey::USDX_USD,
				price
			),
			Ok(())
		);
	}
	Oracle::on_finalize(block);
	System::set_block_number(block + 1);
	CircuitBreaker::on_initialize(block + 1);
}

#[test]
fn the_breaker_reads_the_real_oracle_and_reserves_and_halts_transfers_and_mints_but_not_redemptions(
) {
	use pallet_circuit_breaker::Level;
	use stablecoin_primitives::{Breaker, GuardedOperation::*};
	preset_storage("development").execute_with(|| {
		start_block();
		let breaker_error = |e: pallet_circuit_breaker::Error<Runtime>| Err(e.into());

		// No price yet: by default mints wait for a fresh price; the rest goes on.
		assert_eq!(
			<CircuitBreaker as Breaker<Balance>>::ensure_allowed(Mint, USDX),
			breaker_error(pallet_circuit_breaker::Error::OracleStale)
		);
		assert_eq!(<CircuitBreaker as Breaker<Balance>>::ensure_allowed(Transfer, USDX), Ok(()));

		// On peg, backed by the genesis attestation: minting is allowed up to the block limit.
		let start = GENESIS_ATTESTATION_AS_OF_MS + 60_000;
		market_moves_to(FixedU128::from_u32(1), start, 1);
		assert_eq!(CircuitBreaker::level_view().level, Level::Normal);
		assert_eq!(
			<CircuitBreaker as Breaker<Balance>>::ensure_allowed(Mint, MINT_LIMIT_PER_BLOCK),
			Ok(())
		);
		assert_eq!(
			<CircuitBreaker as Breaker<Balance>>::ensure_allowed(Mint, MINT_LIMIT_PER_BLOCK + 1),
			breaker_error(pallet_circuit_breaker::Error::BlockMintLimitExceeded)
		);

		// 0.94: six per cent below the peg, the breaker halts at once.
		market_moves_to(FixedU128::from_rational(94, 100), start + 10_000, 2);
		assert_eq!(CircuitBreaker::level_view().level, Level::Halt);
		System::assert_has_event(RuntimeEvent::CircuitBreaker(
			pallet_circuit_breaker::Event::LevelChanged {
				old: Level::Normal,
				new: Level::Halt,
				deviation_bps: Some(-600),
			},
		));
		for refused in [Mint, Transfer] {
			assert_eq!(
				<CircuitBreaker as Breaker<Balance>>::ensure_allowed(refused, USDX),
				breaker_error(pallet_circuit_breaker::Error::SuspendedByLevel),
				"{refused:?}"
			);
		}
		assert_eq!(<CircuitBreaker as Breaker<Balance>>::ensure_allowed(Redeem, USDX), Ok(()));
	});
}

#[test]
fn a_guardian_pauses_an_operation_and_only_governance_lifts_it() {
	use stablecoin_primitives::{Breaker, GuardedOperation};
	preset_storage("development").execute_with(|| {
		super::start_block();
		let reason: pallet_circuit_breaker::Reason =
			frame_support::BoundedVec::truncate_from(b"suspicious redemptions".to_vec());
		let guardian = RuntimeOrigin::signed(demo_guardian());
		assert_eq!(
			CircuitBreaker::pause(
				RuntimeOrigin::signed(Sr25519Keyring::Bob.to_account_id()),
				Some(GuardedOperation::Redeem),
				reason.clone()
			),
			Err(pallet_circuit_breaker::Error::<Runtime>::NotGuardianOrGovernance.into())
		);
		assert_eq!(
			CircuitBreaker::pause(guardian.clone(), Some(GuardedOperation::Redeem), reason.clone()),
			Ok(())
		);
		assert_eq!(
			<CircuitBreaker as Breaker<Balance>>::ensure_allowed(GuardedOperation::Redeem, USDX),
			Err(pallet_circuit_breaker::Error::<Runtime>::Paused.into())
		);
		assert_eq!(
			CircuitBreaker::unpause(guardian, Some(GuardedOperation::Redeem), reason.clone()),
			Err(pallet_circuit_breaker::Error::<Runtime>::NotGovernance.into())
		);
		assert_eq!(
			super::council_motion(
				RuntimeCall::CircuitBreaker(pallet_circuit_breaker::Call::unpause {
					operation: Some(GuardedOperation::Redeem),
					reason
				}),
				&super::DEV_COUNCIL
			),
			Ok(())
		);
		assert_eq!(
			<CircuitBreaker as Breaker<Balance>>::ensure_allowed(GuardedOperation::Redeem, USDX),
			Ok(())
		);
	});
}
