//! # Oracle pallet
//!
//! The USDX chain's answer to "what does the market pay for one USDX, and how far is that from
//! the peg?": appointed feeders report prices, the pallet aggregates them per round and
//! publishes the price, its deviation from the peg and who contributed.
//!
//! ## Overview
//!
//! Governance ([`Config::GovernanceOrigin`]) appoints *feeders* (independent price providers,
//! at most [`Config::MaxFeeders`]) and registers *price keys* (at most
//! [`Config::MaxPriceKeys`]): the stablecoin's market price
//! [`PriceKey::USDX_USD`](stablecoin_primitives::PriceKey::USDX_USD) and FX pairs such as
//! [`PriceKey::EUR_USD`](stablecoin_primitives::PriceKey::EUR_USD), each with its
//! [`PriceKeyParams`]: quorum, maximum age, outlier band, peg and TWAP window.
//!
//! Each feeder submits a price per key at most once per block (`submit_price`, feeless for a
//! feeder whose submission is accepted). Every accepted report starts an aggregation round for
//! its key; the result is stored, appended to a bounded history and announced with
//! [`Event::AggregateUpdated`]. The pallet implements
//! [`PriceFeed`](stablecoin_primitives::PriceFeed), which the circuit breaker reads.
//!
//! ## Primary features
//!
//! - **Median with quorum and outlier rejection.** A round takes the *fresh* reports of the key
//!   (`report time + max_age >= now`). Fewer than `quorum` of them: no aggregate, and the key
//!   goes stale. Otherwise the median of the fresh reports is taken, reports farther than
//!   `outlier_band_bps` from it are dropped (and counted against their feeder,
//!   [`Event::OutlierRejected`]), and the published price is the median of the survivors,
//!   which again must number at least `quorum`.
//! - **Byzantine-safe when honest feeders agree.** If a strict majority of the fresh reports
//!   are honest and the honest values lie within the outlier band of one another, the
//!   published price lies between the lowest and the highest honest value, whatever the other
//!   reports are: the first median is an honest-range value (more than half of the values
//!   are at most the highest honest one, and more than half at least the lowest), every honest
//!   report is then within the band of it and survives, so honest reports are still a strict
//!   majority of the survivors and the second median is again within the honest range. (When
//!   honest values spread wider than the band, a lopsided set of survivors could move the
//!   second median out of that range; the band is the statement of how far honest feeders may
//!   disagree.) A property test checks this.
//! - **Staleness is explicit.** A stale key gives no fresh price: `fresh_price` returns `None`,
//!   never an old price. A key goes stale when a round lacks a quorum, and in the per-block hook
//!   once its aggregate is older than `max_age` or fewer than `quorum` reports are fresh;
//!   [`Event::WentStale`] is emitted once per transition.
//! - **History and TWAP.** The last [`Config::HistoryDepth`] aggregates of each key are kept in
//!   a ring (oldest dropped first) for regulators; the time-weighted average price over the
//!   key's `twap_window` is computed from it (see [`aggregation::time_weighted_average`]).
//! - **Accountability.** Per-feeder health (reports accepted, outliers, last report time);
//!   every privileged action emits an event naming who did it ([`Actor`]).
//! - **Bounded.** Every stored value has a `MaxEncodedLen`; every loop is bounded by
//!   [`Config::MaxFeeders`], [`Config::MaxPriceKeys`] or [`Config::HistoryDepth`], and the
//!   weights are charged for those bounds.
//!
//! ## Example
//!
//! Three feeders, one of them far off: the outlier is dropped and counted once, and the
//! others' median is published (the unit test `outliers_are_dropped_and_counted_once`):
//!
#![doc = docify::embed!("src/tests/aggregation.rs", outliers_are_dropped_and_counted_once)]
//!
//! ## Low-level details
//!
//! - Time is `frame_support::traits::UnixTime` ([`Config::Time`], `pallet-timestamp` in the
//!   runtime), in milliseconds since the Unix epoch ([`Moment`]).
//! - Reports are stored per key, one per feeder (the latest), in a vector bounded by
//!   [`Config::MaxFeeders`]; removing a feeder removes its reports from every key.
//! - The staleness hook runs in `on_finalize` (after the timestamp inherent); its weight is
//!   charged in `on_initialize`.
//! - Several rounds in the same block (one per report) replace each other's history entry, so
//!   the history holds one entry per block time and the TWAP weights are not distorted.
//! - Changing a key's parameters does not recompute its aggregate; the new `max_age` and
//!   `quorum` apply to freshness at once, the new peg from the next round.
//! - Invariants, checked by `try_state` (and after every unit test): feeders are sorted, unique
//!   and have a health record; reports, aggregates and history exist only for registered keys
//!   and stay within their bounds; reports come from current feeders; contributors are sorted
//!   and unique; history is ordered and ends with the current aggregate.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]

extern crate alloc;

pub mod aggregation;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impls;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::BoundedVec;
use stablecoin_primitives::{Actor, FixedU128, Moment, PriceKey, PriceObservation};

/// Who performed a privileged action, in runtime `T`.
pub type ActorOf<T> = Actor<<T as frame_system::Config>::AccountId>;
/// The feeder set of runtime `T`, sorted.
pub type FeedersOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxFeeders>;
/// A stored report of runtime `T`.
pub type ReportOf<T> = FeederReport<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;
/// The reports of one key in runtime `T`, one per feeder.
pub type ReportsOf<T> = BoundedVec<ReportOf<T>, <T as Config>::MaxFeeders>;
/// A stored aggregate of runtime `T`.
pub type AggregateOf<T> =
	Aggregate<<T as frame_system::Config>::AccountId, <T as Config>::MaxFeeders>;
/// The history ring of one key in runtime `T`, oldest first.
pub type HistoryOf<T> = BoundedVec<PriceObservation, <T as Config>::HistoryDepth>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;

	/// The layout of this pallet's storage. Bump it with every change of a stored type and
	/// add a versioned migration to the runtime's `Migrations`.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Default configurations of this pallet.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, traits::ConstU32};

		/// Small bounds for unit tests, so that limits are easy to reach.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxFeeders = ConstU32<7>;
			type MaxPriceKeys = ConstU32<4>;
			type HistoryDepth = ConstU32<5>;
			type WeightInfo = ();
		}
	}

	/// Configuration of the pallet.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Governance: appoints and removes feeders, registers, updates and removes price keys.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Wall-clock time (`pallet_timestamp::Pallet` in the runtime), read as milliseconds
		/// since the Unix epoch.
		#[pallet::no_default]
		type Time: UnixTime;

		/// The most feeders there may be; also the most reports per key and the most
		/// contributors per aggregate.
		#[pallet::constant]
		type MaxFeeders: Get<u32>;

		/// The most price keys that may be registered; bounds the per-block staleness check.
		#[pallet::constant]
		type MaxPriceKeys: Get<u32>;

		/// How many aggregates per key the history ring keeps. Positive.
		#[pallet::constant]
		type HistoryDepth: Get<u32>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
	}

	/// The feeders, sorted, each once.
	#[pallet::storage]
	pub type Feeders<T: Config> = StorageValue<_, FeedersOf<T>, ValueQuery>;

	/// How each feeder has been doing. Exactly the current feeders have an entry.
	#[pallet::storage]
	pub type Health<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, FeederHealth>;

	/// The registered price keys and their parameters (at most [`Config::MaxPriceKeys`]).
	#[pallet::storage]
	pub type PriceKeys<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, PriceKey, PriceKeyParams>;

	/// The latest report of each feeder, per key.
	#[pallet::storage]
	pub type Reports<T: Config> =
		StorageMap<_, Blake2_128Concat, PriceKey, ReportsOf<T>, ValueQuery>;

	/// The latest aggregate of each key, if it was ever priced.
	#[pallet::storage]
	pub type Aggregates<T: Config> = StorageMap<_, Blake2_128Concat, PriceKey, AggregateOf<T>>;

	/// The last [`Config::HistoryDepth`] aggregates of each key, oldest first.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageMap<_, Blake2_128Concat, PriceKey, HistoryOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A feeder was appointed.
		FeederAdded { feeder: T::AccountId, by: ActorOf<T> },
		/// A feeder was removed, with its reports on `keys` price keys.
		FeederRemoved { feeder: T::AccountId, keys: u32, by: ActorOf<T> },
		/// A price key was registered.
		PriceKeyRegistered { key: PriceKey, params: PriceKeyParams, by: ActorOf<T> },
		/// A price key's parameters changed.
		PriceKeyUpdated {
			key: PriceKey,
			old_params: PriceKeyParams,
			params: PriceKeyParams,
			by: ActorOf<T>,
		},
		/// A price key was removed with its reports, aggregate and history.
		PriceKeyRemoved { key: PriceKey, params: PriceKeyParams, by: ActorOf<T> },
		/// A feeder's report was accepted.
		PriceReported { key: PriceKey, feeder: T::AccountId, price: FixedU128 },
		/// A report lay outside the outlier band around the median and was dropped from the
		/// round (reported once per report).
		OutlierRejected { key: PriceKey, feeder: T::AccountId, price: FixedU128, median: FixedU128 },
		/// A new aggregate was published.
		AggregateUpdated {
			key: PriceKey,
			old_price: Option<FixedU128>,
			new_price: FixedU128,
			deviation_bps: i32,
			round: u32,
		},
		/// The key went stale: its last aggregate (of `round`) must no longer be relied on.
		WentStale { key: PriceKey, round: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a feeder.
		NotFeeder,
		/// The account is already a feeder.
		AlreadyFeeder,
		/// There are already [`Config::MaxFeeders`] feeders.
		TooManyFeeders,
		/// The price key is not registered.
		UnknownKey,
		/// The price key is already registered.
		KeyExists,
		/// There are already [`Config::MaxPriceKeys`] price keys.
		TooManyKeys,
		/// A price key symbol is empty.
		InvalidKey,
		/// The quorum is zero or above [`Config::MaxFeeders`].
		InvalidQuorum,
		/// The maximum age is zero.
		InvalidMaxAge,
		/// The outlier band is zero.
		InvalidOutlierBand,
		/// The peg is zero.
		InvalidPeg,
		/// The TWAP window is zero.
		InvalidTwapWindow,
		/// A price must be positive.
		ZeroPrice,
		/// The feeder already reported this key in this block.
		AlreadyReported,
		/// The key's report list is full (cannot happen while the invariants hold).
		TooManyReports,
		/// The call needs governance (a council motion), and the origin is not it.
		NotGovernance,
	}

	/// The initial feeders and price keys.
	///
	/// Invalid entries make the genesis build panic: a chain must not start in a state that
	/// breaks the pallet's invariants.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The feeders; unique, at most [`Config::MaxFeeders`].
		pub feeders: Vec<T::AccountId>,
		/// The price keys with their parameters; unique, valid, at most
		/// [`Config::MaxPriceKeys`].
		pub price_keys: Vec<(PriceKey, PriceKeyParams)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Charge for the staleness check that `on_finalize` runs.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			T::WeightInfo::on_finalize(Self::key_count())
		}

		/// Mark stale every key whose aggregate is too old or lacks fresh reports.
		fn on_finalize(_n: BlockNumberFor<T>) {
			Self::check_staleness();
		}

		fn integrity_test() {
			assert!(T::MaxFeeders::get() > 0, "MaxFeeders must be positive");
			assert!(T::MaxPriceKeys::get() > 0, "MaxPriceKeys must be positive");
			assert!(T::HistoryDepth::get() > 0, "HistoryDepth must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Appoint a feeder.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::FeederAdded`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::AlreadyFeeder`]; [`Error::TooManyFeeders`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_feeder())]
		pub fn add_feeder(origin: OriginFor<T>, feeder: T::AccountId) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_add_feeder(feeder, by)
		}

		/// Remove a feeder, its health record and its reports on every key. Aggregates are not
		/// recomputed: a key that loses its quorum goes stale.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::FeederRemoved`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::NotFeeder`].
		/// - Weight: charged for [`Config::MaxPriceKeys`] keys, refunded to the keys there are.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_feeder(T::MaxPriceKeys::get()))]
		pub fn remove_feeder(
			origin: OriginFor<T>,
			feeder: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let by = Self::ensure_governance(origin)?;
			let keys = Self::do_remove_feeder(feeder, by)?;
			Ok(Some(T::WeightInfo::remove_feeder(keys)).into())
		}

		/// Register a price key with its parameters.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::PriceKeyRegistered`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::InvalidKey`]; [`Error::InvalidQuorum`];
		///   [`Error::InvalidMaxAge`]; [`Error::InvalidOutlierBand`]; [`Error::InvalidPeg`];
		///   [`Error::InvalidTwapWindow`]; [`Error::KeyExists`]; [`Error::TooManyKeys`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::register_price_key())]
		pub fn register_price_key(
			origin: OriginFor<T>,
			key: PriceKey,
			params: PriceKeyParams,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_register_price_key(key, params, by)
		}

		/// Change a price key's parameters.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::PriceKeyUpdated`] with the old and new parameters.
		/// - Errors: [`Error::NotGovernance`]; [`Error::InvalidQuorum`]; [`Error::InvalidMaxAge`];
		///   [`Error::InvalidOutlierBand`]; [`Error::InvalidPeg`];
		///   [`Error::InvalidTwapWindow`]; [`Error::UnknownKey`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::update_price_key())]
		pub fn update_price_key(
			origin: OriginFor<T>,
			key: PriceKey,
			params: PriceKeyParams,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_update_price_key(key, params, by)
		}

		/// Remove a price key with its reports, aggregate and history (archive nodes keep the
		/// past state).
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::PriceKeyRemoved`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::UnknownKey`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::remove_price_key())]
		pub fn remove_price_key(origin: OriginFor<T>, key: PriceKey) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_remove_price_key(key, by)
		}

		/// Report the price of `key`, replacing the feeder's previous report, and run an
		/// aggregation round for the key.
		///
		/// - Origin: signed by a feeder. Feeless exactly when the submission is accepted: the
		///   signer is a feeder, the key is registered, the signer has not reported it in this
		///   block and the price is positive.
		/// - Emits [`Event::PriceReported`]; then [`Event::OutlierRejected`] for each report
		///   newly dropped as an outlier and [`Event::AggregateUpdated`], or
		///   [`Event::WentStale`] if the key loses its quorum.
		/// - Errors: `BadOrigin` if not signed; [`Error::NotFeeder`]; [`Error::ZeroPrice`];
		///   [`Error::UnknownKey`]; [`Error::AlreadyReported`].
		/// - Weight: charged for [`Config::MaxFeeders`] fresh reports.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::submit_price(T::MaxFeeders::get()))]
		#[pallet::feeless_if(|origin: &OriginFor<T>, key: &PriceKey, price: &FixedU128| -> bool {
			Pallet::<T>::is_feeless_submission(origin, key, *price)
		})]
		pub fn submit_price(
			origin: OriginFor<T>,
			key: PriceKey,
			price: FixedU128,
		) -> DispatchResult {
			let feeder = ensure_signed(origin)?;
			Self::do_submit_price(feeder, key, price)
		}
	}
}
