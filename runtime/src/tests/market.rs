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
		assert!(<Reserves as ReserveCap<Balance>>::is_fresh());

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

		let [bob, charlie, _eve] =
			[Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Eve];
		for (feeder, price) in [
			(bob, FixedU128::from_rational(9_990, 10_000)),
			(charlie, FixedU128::from_rational(9_980, 10_000)),
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
				amounts: report.amounts.clone(),
				custodians: frame_support::BoundedVec::truncate_from(report.custodians.clone()),
				total: report.total,
				report_hash: report.report_hash,
			},
		});
		let before = Balances::free_balance(ferdie.to_account_id());
		// The attestation must not be dated after the block's clock.
		pallet_timestamp::Now::<Runtime>::put(report.as_of + 1_000);
		assert_eq!(apply_signed(call, ferdie), Ok(Ok(())));
		assert_eq!(Balances::free_balance(ferdie.to_account_id()), before, "feeless");
		let effective = Reserves::effective_attestation().expect("quorum 1: effective at once");
		assert_eq!(effective.attestation.report_hash, report.report_hash);
		assert_eq!(Reserves::attestation_history().len(), 2);
	});
}
