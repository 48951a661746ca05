//! Property tests: the aggregate resists a dishonest minority, the arithmetic never overflows,
//! and random sequences of calls keep the invariants while failed calls leave no trace.

use crate::{aggregation, mock::*, *};
use frame_support::sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};
use proptest::prelude::*;
use sp_runtime::StateVersion;
use stablecoin_primitives::{deviation_bps, PriceFeed};

/// A dishonest report: anything from the smallest positive price to the largest, including
/// values just outside the honest range, where they are most likely to survive the band.
fn dishonest(lo: u128, hi: u128) -> impl Strategy<Value = u128> {
	prop_oneof![
		Just(1u128),
		Just(u128::MAX),
		1u128..=u128::MAX,
		(1u128..=1_000_000).prop_map(move |d| hi.saturating_add(d)),
		(1u128..=1_000_000).prop_map(move |d| lo.saturating_sub(d).max(1)),
		(0u128..=100).prop_map(move |pct| hi.saturating_add(hi / 100 * pct)),
		(0u128..=100).prop_map(move |pct| lo.saturating_sub(lo / 100 * pct).max(1)),
	]
}

/// An honest range `[lo, hi]` with `hi <= lo * (1 + band)`, and a band.
fn honest_range() -> impl Strategy<Value = (u128, u128, u32)> {
	(1u32..=2_000, 1_000_000u128..=10u128.pow(30)).prop_map(|(band, lo)| {
		let spread =
			multiply_by_rational_with_rounding(lo, u128::from(band), 10_000, Rounding::Down)
				.unwrap_or(0);
		(lo, lo + spread, band)
	})
}

/// A scenario: feeders, which of them are honest, what each reports, in which order.
fn scenario() -> impl Strategy<Value = (u32, u32, Vec<u128>, Vec<usize>, u32)> {
	(1usize..=7, honest_range()).prop_flat_map(|(n, (lo, hi, band))| {
		let honest = n / 2 + 1..=n;
		honest.prop_flat_map(move |h| {
			let honest_values = prop::collection::vec(lo..=hi, h);
			let dishonest_values = prop::collection::vec(dishonest(lo, hi), n - h);
			let order = Just((0..n).collect::<Vec<usize>>()).prop_shuffle();
			(
				Just(band),
				1u32..=n as u32,
				(honest_values, dishonest_values).prop_map(|(mut honest, dishonest)| {
					honest.extend(dishonest);
					honest
				}),
				order,
				Just(h as u32),
			)
		})
	})
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(300))]

	/// With a strict majority of honest feeders whose values lie within the band of one
	/// another, the published price lies in the honest range, or the key is stale. The
	/// dishonest reports are arbitrary and the submissions come in any order.
	#[test]
	fn a_dishonest_minority_cannot_move_the_price_out_of_the_honest_range(
		(band, quorum, values, order, honest) in scenario()
	) {
		let n = values.len();
		let feeders: Vec<u64> = (1..=n as u64).collect();
		let key_params = PriceKeyParams { quorum, outlier_band_bps: band, ..params() };
		let lo = values[..honest as usize].iter().min().copied().unwrap_or(0);
		let hi = values[..honest as usize].iter().max().copied().unwrap_or(0);
		ExtBuilder::default().feeders(&feeders).usdx(key_params).build_and_execute(|| {
			for &i in order.iter() {
				submit(feeders[i], USDX, FixedU128::from_inner(values[i]));
			}
			let last = Aggregates::<Test>::get(USDX);
			if quorum <= honest {
				// Every honest report survives, so the last round publishes.
				let agg = last.clone().expect("the final round publishes");
				assert!(!agg.stale);
				assert!(agg.contributors.len() as u32 >= honest);
			}
			if let Some(observation) = Oracle::fresh_price(&USDX) {
				let price = observation.price.into_inner();
				assert!(lo <= price && price <= hi, "{price} outside [{lo}, {hi}]");
			} else {
				assert!(last.is_none_or(|agg| agg.stale));
			}
		});
	}

	/// The median lies between the smallest and the largest value, for any values.
	#[test]
	fn median_stays_within_the_values(values in prop::collection::vec(any::<u128>(), 1..16)) {
		let mut prices: Vec<FixedU128> = values.iter().copied().map(FixedU128::from_inner).collect();
		let median = aggregation::median(&mut prices).expect("non-empty");
		let (min, max) = (values.iter().min().copied(), values.iter().max().copied());
		prop_assert!(Some(median.into_inner()) >= min && Some(median.into_inner()) <= max);
		// The middle of a sorted list: at least half the values on each side.
		let below = values.iter().filter(|v| **v <= median.into_inner()).count();
		let above = values.iter().filter(|v| **v >= median.into_inner()).count();
		prop_assert!(below * 2 >= values.len() && above * 2 >= values.len());
	}

	/// The time-weighted average lies between the lowest and the highest price, for any
	/// prices, times and windows.
	#[test]
	fn twap_stays_within_the_prices(
		steps in prop::collection::vec((any::<u128>(), 1u64..1_000_000), 1..8),
		window in any::<u64>(),
		after in 0u64..1_000_000,
	) {
		let mut at = 0u64;
		let history: Vec<PriceObservation> = steps
			.iter()
			.enumerate()
			.map(|(i, (price, gap))| {
				at += gap;
				PriceObservation { price: FixedU128::from_inner(*price), deviation_bps: 0, at, round: i as u32 + 1 }
			})
			.collect();
		let twap = aggregation::time_weighted_average(&history, at + after, window)
			.expect("history is not empty");
		let min = steps.iter().map(|(p, _)| *p).min().unwrap_or(0);
		let max = steps.iter().map(|(p, _)| *p).max().unwrap_or(0);
		prop_assert!(min <= twap.into_inner() && twap.into_inner() <= max);
	}

	/// Deviation never panics and has the sign of the difference.
	#[test]
	fn deviation_has_the_sign_of_the_difference(price in any::<u128>(), peg in 1u128..) {
		let bps = deviation_bps(FixedU128::from_inner(price), FixedU128::from_inner(peg));
		let expected = if price >= peg { bps >= 0 } else { (-10_000..=0).contains(&bps) };
		prop_assert!(expected);
	}
}

/// A call, or the passing of time, with small parameters so that they collide often.
#[derive(Clone, Debug)]
enum Action {
	Submit { who: u64, eur: bool, price: u128 },
	AddFeeder { who: u64 },
	RemoveFeeder { who: u64 },
	SetQuorum { quorum: u32 },
	Wait { seconds: u64 },
}

fn action() -> impl Strategy<Value = Action> {
	prop_oneof![
		4 => (1u64..7, any::<bool>(), 0u128..12_000).prop_map(|(who, eur, price)| Action::Submit {
			who,
			eur,
			price
		}),
		1 => (1u64..7).prop_map(|who| Action::AddFeeder { who }),
		1 => (1u64..7).prop_map(|who| Action::RemoveFeeder { who }),
		1 => (0u32..9).prop_map(|quorum| Action::SetQuorum { quorum }),
		2 => (0u64..90).prop_map(|seconds| Action::Wait { seconds }),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(100))]

	/// Random sequences keep every invariant; a failed call changes no storage; a fresh
	/// price is never older than `max_age`.
	#[test]
	fn random_sequences_keep_the_invariants(actions in prop::collection::vec(action(), 1..40)) {
		ExtBuilder::default().key(EUR, params()).build_and_execute(|| {
			for action in actions {
				let before = sp_io::storage::root(StateVersion::V1);
				let events = System::events().len();
				let result = match action.clone() {
					Action::Submit { who, eur, price } => Oracle::submit_price(
						signed(who),
						if eur { EUR } else { USDX },
						FixedU128::from_inner(price * 100_000_000_000_000),
					),
					Action::AddFeeder { who } => Oracle::add_feeder(governance(), who),
					Action::RemoveFeeder { who } => {
						Oracle::remove_feeder(governance(), who).map(|_| ()).map_err(|e| e.error)
					},
					Action::SetQuorum { quorum } => Oracle::update_price_key(
						governance(),
						USDX,
						PriceKeyParams { quorum, ..params() },
					),
					Action::Wait { seconds } => {
						next_block_after(seconds * 1_000);
						Ok(())
					},
				};
				if result.is_err() {
					assert_eq!(sp_io::storage::root(StateVersion::V1), before, "{action:?}");
					assert_eq!(System::events().len(), events);
				}
				Oracle::do_try_state().expect("invariants hold");
				for key in [USDX, EUR] {
					if let Some(observation) = Oracle::fresh_price(&key) {
						assert!(observation.at + MINUTE >= stablecoin_primitives::now::<<Test as Config>::Time>());
					}
				}
			}
		});
	}
}
