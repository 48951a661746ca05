//! The pallet's logic, outside the macro: the `do_*` helpers behind each call, aggregation,
//! staleness and the read helpers behind the runtime API.

use crate::{aggregation, *};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult, Get},
};
use frame_system::pallet_prelude::OriginFor;
use sp_runtime::traits::Zero;
use stablecoin_primitives::deviation_bps;

/// What an aggregation round decided, before anything is written.
struct Round<T: Config> {
	/// Indices (into the key's reports) of reports newly found to be outliers.
	new_outliers: Vec<usize>,
	/// The median of all fresh reports, which the outliers were measured against.
	median: FixedU128,
	/// The published price and its contributors, or `None` if the survivors lack a quorum.
	result: Option<(FixedU128, BoundedVec<T::AccountId, T::MaxFeeders>)>,
}

impl<T: Config> Pallet<T> {
	/// Check the governance origin and say who it is: refused with [`Error::NotGovernance`].
	pub(crate) fn ensure_governance(origin: OriginFor<T>) -> Result<ActorOf<T>, DispatchError> {
		Actor::ensure_by::<T::GovernanceOrigin, _>(origin)
			.map_err(|_| Error::<T>::NotGovernance.into())
	}

	/// How many price keys are registered, capped at [`Config::MaxPriceKeys`].
	pub(crate) fn key_count() -> u32 {
		PriceKeys::<T>::count().min(T::MaxPriceKeys::get())
	}

	/// Check a price key's symbols and parameters.
	pub fn validate_params(key: &PriceKey, params: &PriceKeyParams) -> DispatchResult {
		ensure!(key.base != [0u8; 8] && key.quote != [0u8; 8], Error::<T>::InvalidKey);
		ensure!(
			params.quorum >= 1 && params.quorum <= T::MaxFeeders::get(),
			Error::<T>::InvalidQuorum
		);
		ensure!(params.max_age > 0, Error::<T>::InvalidMaxAge);
		ensure!(params.outlier_band_bps > 0, Error::<T>::InvalidOutlierBand);
		ensure!(!params.peg.is_zero(), Error::<T>::InvalidPeg);
		ensure!(params.twap_window > 0, Error::<T>::InvalidTwapWindow);
		Ok(())
	}

	/// Whether `who` is a feeder.
	pub fn is_feeder(who: &T::AccountId) -> bool {
		Feeders::<T>::get().binary_search(who).is_ok()
	}

	// ---- governance ------------------------------------------------------------------------

	pub(crate) fn do_add_feeder(feeder: T::AccountId, by: ActorOf<T>) -> DispatchResult {
		Feeders::<T>::try_mutate(|feeders| -> DispatchResult {
			let position = match feeders.binary_search(&feeder) {
				Ok(_) => return Err(Error::<T>::AlreadyFeeder.into()),
				Err(position) => position,
			};
			feeders.try_insert(position, feeder.clone()).map_err(|_| Error::<T>::TooManyFeeders)?;
			Ok(())
		})?;
		Health::<T>::insert(&feeder, FeederHealth::default());
		Self::deposit_event(Event::FeederAdded { feeder, by });
		Ok(())
	}

	/// Remove a feeder; returns how many price keys were visited.
	pub(crate) fn do_remove_feeder(
		feeder: T::AccountId,
		by: ActorOf<T>,
	) -> Result<u32, DispatchError> {
		Feeders::<T>::try_mutate(|feeders| -> DispatchResult {
			let position = feeders.binary_search(&feeder).map_err(|_| Error::<T>::NotFeeder)?;
			feeders.remove(position);
			Ok(())
		})?;
		Health::<T>::remove(&feeder);
		let mut keys: u32 = 0;
		let registered: Vec<PriceKey> =
			PriceKeys::<T>::iter_keys().take(T::MaxPriceKeys::get() as usize).collect();
		for key in registered {
			keys = keys.saturating_add(1);
			Reports::<T>::mutate_exists(key, |maybe| {
				if let Some(reports) = maybe {
					reports.retain(|report| report.feeder != feeder);
					if reports.is_empty() {
						*maybe = None;
					}
				}
			});
		}
		Self::deposit_event(Event::FeederRemoved { feeder, keys, by });
		Ok(keys)
	}

	pub(crate) fn do_register_price_key(
		key: PriceKey,
		params: PriceKeyParams,
		by: ActorOf<T>,
	) -> DispatchResult {
		Self::validate_params(&key, &params)?;
		ensure!(!PriceKeys::<T>::contains_key(key), Error::<T>::KeyExists);
		ensure!(PriceKeys::<T>::count() < T::MaxPriceKeys::get(), Error::<T>::TooManyKeys);
		PriceKeys::<T>::insert(key, params);
		Self::deposit_event(Event::PriceKeyRegistered { key, params, by });
		Ok(())
	}

	pub(crate) fn do_update_price_key(
		key: PriceKey,
		params: PriceKeyParams,
		by: ActorOf<T>,
	) -> DispatchResult {
		Self::validate_params(&key, &params)?;
		let old_params = PriceKeys::<T>::get(key).ok_or(Error::<T>::UnknownKey)?;
		PriceKeys::<T>::insert(key, params);
		Self::deposit_event(Event::PriceKeyUpdated { key, old_params, params, by });
		Ok(())
	}

	pub(crate) fn do_remove_price_key(key: PriceKey, by: ActorOf<T>) -> DispatchResult {
		let params = PriceKeys::<T>::take(key).ok_or(Error::<T>::UnknownKey)?;
		Reports::<T>::remove(key);
		Aggregates::<T>::remove(key);
		History::<T>::remove(key);
		Self::deposit_event(Event::PriceKeyRemoved { key, params, by });
		Ok(())
	}

	// ---- reports and aggregation -----------------------------------------------------------

	/// Every check `submit_price` makes, without writing: returns the key's parameters and
	/// reports.
	fn check_submission(
		feeder: &T::AccountId,
		key: &PriceKey,
		price: FixedU128,
	) -> Result<(PriceKeyParams, ReportsOf<T>), DispatchError> {
		ensure!(Self::is_feeder(feeder), Error::<T>::NotFeeder);
		ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
		let params = PriceKeys::<T>::get(key).ok_or(Error::<T>::UnknownKey)?;
		let reports = Reports::<T>::get(key);
		let block = frame_system::Pallet::<T>::block_number();
		ensure!(
			!reports.iter().any(|report| &report.feeder == feeder && report.block == block),
			Error::<T>::AlreadyReported
		);
		Ok((params, reports))
	}

	/// The `feeless_if` condition of `submit_price`: exactly when the submission would be
	/// accepted.
	pub(crate) fn is_feeless_submission(
		origin: &OriginFor<T>,
		key: &PriceKey,
		price: FixedU128,
	) -> bool {
		let Ok(feeder) = frame_system::ensure_signed(origin.clone()) else {
			return false;
		};
		Self::check_submission(&feeder, key, price).is_ok()
	}

	pub(crate) fn do_submit_price(
		feeder: T::AccountId,
		key: PriceKey,
		price: FixedU128,
	) -> DispatchResult {
		let (params, mut reports) = Self::check_submission(&feeder, &key, price)?;
		let now = stablecoin_primitives::now::<T::Time>();
		let report = FeederReport {
			feeder: feeder.clone(),
			price,
			at: now,
			block: frame_system::Pallet::<T>::block_number(),
			outlier: false,
		};
		match reports.iter_mut().find(|r| r.feeder == feeder) {
			Some(existing) => *existing = report,
			None => reports.try_push(report).map_err(|_| Error::<T>::TooManyReports)?,
		}

		Health::<T>::mutate(&feeder, |health| {
			let health = health.get_or_insert_with(FeederHealth::default);
			health.reports = health.reports.saturating_add(1);
			health.last_report_at = Some(now);
		});
		Self::deposit_event(Event::PriceReported { key, feeder, price });

		Self::aggregate(key, &params, &mut reports, now);
		Reports::<T>::insert(key, reports);
		Ok(())
	}

	/// Whether `report` is fresh at `now`.
	fn is_fresh_report(report: &ReportOf<T>, params: &PriceKeyParams, now: Moment) -> bool {
		report.at.saturating_add(params.max_age) >= now
	}

	/// How many of `reports` are fresh at `now`.
	fn fresh_count(reports: &[ReportOf<T>], params: &PriceKeyParams, now: Moment) -> u32 {
		let fresh = reports.iter().filter(|r| Self::is_fresh_report(r, params, now)).count();
		u32::try_from(fresh).unwrap_or(u32::MAX)
	}

	/// Decide a round from the key's reports, without writing. `None` if fewer than `quorum`
	/// reports are fresh.
	fn decide(reports: &[ReportOf<T>], params: &PriceKeyParams, now: Moment) -> Option<Round<T>> {
		let fresh: Vec<usize> = (0..reports.len())
			.filter(|&i| reports.get(i).is_some_and(|r| Self::is_fresh_report(r, params, now)))
			.collect();
		if (fresh.len() as u64) < u64::from(params.quorum) {
			return None;
		}
		let mut prices: Vec<FixedU128> =
			fresh.iter().filter_map(|&i| reports.get(i).map(|r| r.price)).collect();
		let median = aggregation::median(&mut prices)?;

		let mut new_outliers = Vec::new();
		let mut survivors: Vec<(T::AccountId, FixedU128)> = Vec::new();
		for &i in fresh.iter() {
			let Some(report) = reports.get(i) else { continue };
			if aggregation::within_band(report.price, median, params.outlier_band_bps) {
				survivors.push((report.feeder.clone(), report.price));
			} else if !report.outlier {
				new_outliers.push(i);
			}
		}
		let result = if (survivors.len() as u64) < u64::from(params.quorum) {
			None
		} else {
			let mut prices: Vec<FixedU128> = survivors.iter().map(|(_, p)| *p).collect();
			let mut contributors: Vec<T::AccountId> =
				survivors.into_iter().map(|(who, _)| who).collect();
			contributors.sort();
			aggregation::median(&mut prices)
				.map(|price| (price, BoundedVec::truncate_from(contributors)))
		};
		Some(Round { new_outliers, median, result })
	}

	/// Run an aggregation round for `key` over `reports` (updated in place: outlier flags).
	fn aggregate(key: PriceKey, params: &PriceKeyParams, reports: &mut ReportsOf<T>, now: Moment) {
		let Some(round) = Self::decide(reports, params, now) else {
			Self::go_stale(key);
			return;
		};
		for i in round.new_outliers {
			let Some(report) = reports.get_mut(i) else { continue };
			report.outlier = true;
			Health::<T>::mutate(&report.feeder, |health| {
				if let Some(health) = health {
					health.outliers = health.outliers.saturating_add(1);
				}
			});
			Self::deposit_event(Event::OutlierRejected {
				key,
				feeder: report.feeder.clone(),
				price: report.price,
				median: round.median,
			});
		}
		let Some((price, contributors)) = round.result else {
			Self::go_stale(key);
			return;
		};

		let old = Aggregates::<T>::get(key);
		let old_price = old.as_ref().map(|a| a.price);
		let round = old.as_ref().map_or(0, |a| a.round).saturating_add(1);
		let aggregate = Aggregate {
			price,
			deviation_bps: deviation_bps(price, params.peg),
			round,
			at: now,
			stale: false,
			contributors,
		};
		let observation = aggregate.observation();
		History::<T>::mutate(key, |history| Self::record(history, observation));
		Aggregates::<T>::insert(key, aggregate);
		Self::deposit_event(Event::AggregateUpdated {
			key,
			old_price,
			new_price: price,
			deviation_bps: observation.deviation_bps,
			round,
		});
	}

	/// Append `observation` to the history ring, dropping the oldest entry when full; an entry
	/// made at the same time as the latest one replaces it.
	fn record(history: &mut HistoryOf<T>, observation: PriceObservation) {
		if let Some(last) = history.last_mut() {
			if last.at == observation.at {
				*last = observation;
				return;
			}
		}
		if history.is_full() && !history.is_empty() {
			history.remove(0);
		}
		// Cannot fail: there is room now (`HistoryDepth` is positive, see `integrity_test`).
		let _ = history.try_push(observation);
	}

	/// Mark the key's aggregate stale, emitting [`Event::WentStale`] on the transition only.
	fn go_stale(key: PriceKey) {
		Aggregates::<T>::mutate(key, |maybe| {
			if let Some(aggregate) = maybe {
				if !aggregate.stale {
					aggregate.stale = true;
					Self::deposit_event(Event::WentStale { key, round: aggregate.round });
				}
			}
		});
	}

	/// Whether `aggregate` is fresh at `now`: not marked stale, not older than `max_age`, and
	/// at least `quorum` reports fresh.
	fn is_fresh(
		aggregate: &AggregateOf<T>,
		params: &PriceKeyParams,
		reports: &[ReportOf<T>],
		now: Moment,
	) -> bool {
		!aggregate.stale
			&& aggregate.at.saturating_add(params.max_age) >= now
			&& Self::fresh_count(reports, params, now) >= params.quorum
	}

	/// The per-block hook: mark stale each key whose aggregate is no longer fresh. Visits at
	/// most [`Config::MaxPriceKeys`] keys; returns how many.
	pub(crate) fn check_staleness() -> u32 {
		let now = stablecoin_primitives::now::<T::Time>();
		let mut visited: u32 = 0;
		for (key, params) in PriceKeys::<T>::iter().take(T::MaxPriceKeys::get() as usize) {
			visited = visited.saturating_add(1);
			let Some(aggregate) = Aggregates::<T>::get(key) else { continue };
			if aggregate.stale {
				continue;
			}
			if !Self::is_fresh(&aggregate, &params, &Reports::<T>::get(key), now) {
				Self::go_stale(key);
			}
		}
		visited
	}

	// ---- reads -----------------------------------------------------------------------------

	/// The latest aggregate of `key` if it is fresh now.
	pub fn fresh_observation(key: &PriceKey) -> Option<PriceObservation> {
		let params = PriceKeys::<T>::get(key)?;
		let aggregate = Aggregates::<T>::get(key)?;
		Self::is_fresh(
			&aggregate,
			&params,
			&Reports::<T>::get(key),
			stablecoin_primitives::now::<T::Time>(),
		)
		.then(|| aggregate.observation())
	}

	/// The state of `key` now, if it was ever priced.
	pub fn price_state(key: PriceKey) -> Option<PriceState<T::AccountId>> {
		let aggregate = Aggregates::<T>::get(key)?;
		let stale = Self::fresh_observation(&key).is_none();
		Some(PriceState {
			price: aggregate.price,
			deviation_bps: aggregate.deviation_bps,
			round: aggregate.round,
			at: aggregate.at,
			stale,
			contributors: aggregate.contributors.into_inner(),
		})
	}

	/// The last [`Config::HistoryDepth`] aggregates of `key`, oldest first.
	pub fn price_history(key: PriceKey) -> Vec<PriceObservation> {
		History::<T>::get(key).into_inner()
	}

	/// The time-weighted average price of `key` over its `twap_window` up to now, from its
	/// history (see [`aggregation::time_weighted_average`]). `None` if the key is not
	/// registered or was never priced.
	pub fn twap(key: PriceKey) -> Option<FixedU128> {
		let params = PriceKeys::<T>::get(key)?;
		aggregation::time_weighted_average(
			&History::<T>::get(key),
			stablecoin_primitives::now::<T::Time>(),
			params.twap_window,
		)
	}

	/// Every registered price key with its parameters.
	pub fn price_keys() -> Vec<(PriceKey, PriceKeyParams)> {
		PriceKeys::<T>::iter().take(T::MaxPriceKeys::get() as usize).collect()
	}

	/// Every feeder with its health record, in feeder order.
	pub fn feeder_health() -> Vec<(T::AccountId, FeederHealth)> {
		Feeders::<T>::get()
			.into_iter()
			.map(|feeder| {
				let health = Health::<T>::get(&feeder).unwrap_or_default();
				(feeder, health)
			})
			.collect()
	}

	// ---- genesis ---------------------------------------------------------------------------

	/// Build the genesis state, panicking on invalid entries.
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) {
		for feeder in config.feeders.iter() {
			if let Err(e) = Self::do_add_feeder(feeder.clone(), Actor::Root) {
				panic!("oracle genesis: cannot add feeder {feeder:?}: {e:?}");
			}
		}
		for (key, params) in config.price_keys.iter() {
			if let Err(e) = Self::do_register_price_key(*key, *params, Actor::Root) {
				panic!("oracle genesis: cannot register price key {key:?}: {e:?}");
			}
		}
	}
}
