//! Property tests: the figures are exact for any amounts up to 10¹⁵ USD per category, and random
//! sequences of calls keep the invariants while a failed call leaves no trace.

use crate::{mock::*, *};
use frame_support::traits::Hooks;
use proptest::prelude::*;
use sp_core::H256;
use sp_runtime::{DispatchError, FixedPointNumber, FixedU128, Perbill, StateVersion};
use stablecoin_primitives::{ReserveCap, ReserveStatus};

/// 10^15 USD in the smallest unit.
const QUADRILLION_USD: Balance = 1_000_000_000_000_000_000_000;
const BILLION: u128 = 1_000_000_000;

/// A report with the given category amounts, split over custodians by `weights`.
fn report_of(amounts: [Balance; 5], weights: &[u8]) -> AttestationOf<Test> {
	let total: Balance = amounts.iter().sum();
	let weight_sum: u128 = weights.iter().map(|w| u128::from(*w) + 1).sum();
	let mut custodians = Vec::new();
	let mut left = total;
	for (i, w) in weights.iter().enumerate() {
		let share =
			if i + 1 == weights.len() { left } else { total / weight_sum * (u128::from(*w) + 1) };
		left -= share;
		custodians.push(([i as u8 + 1; 32], share));
	}
	Attestation {
		as_of: START,
		period_start: START - DAY_MS,
		period_end: START,
		amounts: CategoryAmounts {
			cash_and_deposits: amounts[0],
			treasury_bills: amounts[1],
			overnight_reverse_repo: amounts[2],
			government_money_market_funds: amounts[3],
			other: amounts[4],
		},
		custodians: custodians.try_into().expect("at most MaxCustodians"),
		total,
		report_hash: H256::repeat_byte(1),
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(256))]

	#[test]
	fn figures_are_exact_up_to_a_quadrillion_dollars(
		amounts in prop::array::uniform5(0..=QUADRILLION_USD),
		haircuts in prop::array::uniform4(0..=BILLION as u32),
		weights in prop::collection::vec(any::<u8>(), 1..=4),
		supply in 0..=6 * QUADRILLION_USD,
	) {
		let r = report_of(amounts, &weights);
		ExtBuilder::default().attested(r.clone()).supply(supply).build_and_execute(|| {
			let categories = [
				AssetCategory::CashAndDeposits,
				AssetCategory::TreasuryBills,
				AssetCategory::OvernightReverseRepo,
				AssetCategory::GovernmentMoneyMarketFunds,
			];
			for (category, parts) in categories.iter().zip(haircuts) {
				assert!(Reserves::set_haircut(governance(), *category, Perbill::from_parts(parts)).is_ok());
			}
			// Reference: amount × (10⁹ − parts) / 10⁹, rounded down; fits in u128 here.
			let kept = |i: usize| amounts[i] * (BILLION - u128::from(haircuts[i])) / BILLION;
			let eligible = kept(0) + kept(1) + kept(2) + kept(3);
			let cash_like = kept(0) + kept(2);

			let f = Reserves::figures().expect("effective");
			assert_eq!(f.total, amounts.iter().sum::<u128>());
			assert_eq!(f.eligible, eligible);
			assert_eq!(f.cash_like, cash_like);
			assert_eq!(f.supply, supply);

			let status = if supply > eligible { ReserveStatus::Shortfall } else { ReserveStatus::Backed };
			assert_eq!(f.status, status);
			assert_eq!(Reserves::status(), status);
			let headroom = eligible.saturating_sub(supply);
			assert_eq!(f.headroom, headroom);
			assert_eq!(Reserves::headroom(), headroom);

			// Liquidity rounded down, concentration rounded up, exactly.
			let liquidity = (cash_like * BILLION).checked_div(eligible).unwrap_or(0);
			assert_eq!(u128::from(f.liquidity_ratio.deconstruct()), liquidity);
			let largest = r.custodians.iter().map(|(_, a)| *a).max().unwrap_or(0);
			let total = f.total;
			let concentration = if total == 0 { 0 } else { (largest * BILLION).div_ceil(total) };
			assert_eq!(u128::from(f.largest_custodian_share.deconstruct()), concentration);

			// The backing ratio is eligible / supply rounded down to 10⁻¹⁸.
			match f.backing_ratio {
				None => assert_eq!(supply, 0),
				Some(ratio) => {
					assert!(ratio.saturating_mul_int(supply) <= eligible);
					if ratio != FixedU128::from_inner(u128::MAX) {
						let above = FixedU128::from_inner(ratio.into_inner() + 1);
						assert!(above.saturating_mul_int(supply) >= eligible);
					}
				},
			}
		});
	}
}

/// A call, the passing of time or a change of supply, with small parameters so that they
/// collide often.
#[derive(Clone, Debug)]
enum Action {
	Submit { attestor: u64, day: u8, variant: u8 },
	AddAttestor { who: u64 },
	RemoveAttestor { who: u64 },
	SetQuorum { quorum: u32 },
	SetMaxAge { days: u8 },
	SetHaircut { category: u8, percent: u8 },
	Discard { index: u8 },
	Supply { usd: u8 },
	NextBlock { days: u8 },
}

fn action() -> impl Strategy<Value = Action> {
	let who = prop::sample::select(vec![ANNA, BORIS, CLARA, 4, MALLORY]);
	prop_oneof![
		3 => (who.clone(), 0u8..4, 0u8..2)
			.prop_map(|(attestor, day, variant)| Action::Submit { attestor, day, variant }),
		1 => who.clone().prop_map(|who| Action::AddAttestor { who }),
		1 => who.prop_map(|who| Action::RemoveAttestor { who }),
		1 => (0u32..5).prop_map(|quorum| Action::SetQuorum { quorum }),
		1 => (0u8..40).prop_map(|days| Action::SetMaxAge { days }),
		1 => (0u8..5, 0u8..101).prop_map(|(category, percent)| Action::SetHaircut { category, percent }),
		1 => (0u8..4).prop_map(|index| Action::Discard { index }),
		1 => any::<u8>().prop_map(|usd| Action::Supply { usd }),
		1 => (0u8..20).prop_map(|days| Action::NextBlock { days }),
	]
}

/// Apply an action by calling the dispatchable directly (outside any storage layer), so that
/// "a failed call changes nothing" is the pallet's own doing.
fn apply(action: &Action) -> Result<(), DispatchError> {
	match *action {
		Action::Submit { attestor, day, variant } => {
			let as_of = START + u64::from(day) * DAY_MS;
			let r = report(as_of, 100 * USD + u128::from(variant), 20 * USD, variant);
			Reserves::submit_attestation(signed(attestor), r)
		}
		Action::AddAttestor { who } => Reserves::add_attestor(governance(), who),
		Action::RemoveAttestor { who } => Reserves::remove_attestor(governance(), who),
		Action::SetQuorum { quorum } => Reserves::set_quorum(governance(), quorum),
		Action::SetMaxAge { days } => Reserves::set_max_age(governance(), u64::from(days) * DAY_MS),
		Action::SetHaircut { category, percent } => Reserves::set_haircut(
			governance(),
			AssetCategory::ALL[usize::from(category)],
			Perbill::from_percent(u32::from(percent)),
		),
		Action::Discard { index } => {
			let hash = Pending::<Test>::get()
				.get(usize::from(index))
				.map(|report| report.hash)
				.unwrap_or_default();
			Reserves::discard_pending(governance(), hash)
		}
		Action::Supply { usd } => {
			set_supply(u128::from(usd) * USD);
			Ok(())
		}
		Action::NextBlock { days } => {
			next_block(
				stablecoin_primitives::now::<<Test as Config>::Time>() + u64::from(days) * DAY_MS,
			);
			Ok(())
		}
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	#[test]
	fn random_calls_keep_the_invariants(actions in prop::collection::vec(action(), 1..60)) {
		ExtBuilder::default().quorum(2).build_and_execute(|| {
			// Start the clock a few days in, so that reports of days 0..4 are in the past.
			next_block(START + 4 * DAY_MS);
			for action in actions {
				let before = sp_io::storage::root(StateVersion::V1);
				let events = System::event_count();
				let status = LastStatus::<Test>::get();
				if apply(&action).is_err() {
					assert_eq!(
						sp_io::storage::root(StateVersion::V1),
						before,
						"failed {action:?} changed storage"
					);
					assert_eq!(System::event_count(), events);
				}
				// A status event is emitted exactly when the stored status changes.
				let changed = LastStatus::<Test>::get() != status;
				let status_events = System::events()[events as usize..]
					.iter()
					.filter(|r| matches!(
						r.event,
						RuntimeEvent::Reserves(
							Event::ReserveShortfall { .. } |
							Event::AttestationStale { .. } |
							Event::ReservesRestored { .. }
						)
					))
					.count();
				if !matches!(action, Action::NextBlock { .. }) {
					assert_eq!(status_events, usize::from(changed), "after {action:?}");
				}

				<Reserves as Hooks<u64>>::on_finalize(System::block_number());
				Reserves::do_try_state()
					.unwrap_or_else(|e| panic!("invariant broken after {action:?}: {e:?}"));
				assert_eq!(Reserves::status(), LastStatus::<Test>::get());
				assert_eq!(Reserves::is_fresh(), matches!(
					Reserves::status(),
					ReserveStatus::Backed | ReserveStatus::Shortfall
				));
			}
		});
	}
}
