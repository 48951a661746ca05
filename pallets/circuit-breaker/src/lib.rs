//! # Circuit breaker pallet
//!
//! The USDX chain's answer to "may this mint, redemption or transfer go ahead right now?":
//! peg-deviation levels with hysteresis, a reserve breaker, volume limits and emergency
//! pauses, behind the [`Breaker`](stablecoin_primitives::Breaker) trait that the stablecoin
//! pallet asks before every operation.
//!
//! ## Overview
//!
//! Once per block the pallet reads the oracle's fresh aggregate of the peg series
//! ([`Config::PegKey`], USDX/USD) through [`Config::PriceFeed`] and moves its [`Level`]:
//!
//! | absolute deviation | level |
//! | --- | --- |
//! | at most 50 bps | [`Level::Normal`] |
//! | above 50 bps | [`Level::Watch`] |
//! | above 100 bps, continuously for `sustain_period` | [`Level::SupplyAdjustment`] |
//! | above 200 bps | [`Level::Liquidity`] |
//! | above 500 bps | [`Level::Halt`] |
//!
//! Each level has a policy ([`AllowedOperations`]) saying which
//! [`GuardedOperation`](stablecoin_primitives::GuardedOperation)s it allows; by default only
//! `Halt` suspends anything (mints and transfers). Redemptions are never suspended by a level:
//! they are the exit that keeps the peg credible.
//!
//! Beside the peg breaker: a *reserve breaker* refuses mints unless
//! [`Config::ReserveCap`] reports the supply as backed by a fresh attestation; *volume limits*
//! cap mints and redemptions per block and per rolling 24 hours; and a *guardian* can pause
//! any operation at once, which only governance can lift.
//!
//! ## Primary features
//!
//! - **Immediate escalation, slow recovery.** The level rises at once to the highest level whose
//!   condition holds (`SupplyAdjustment` only once the deviation has stayed above its threshold
//!   for `sustain_period`). It falls one level at a time, and only after the deviation has
//!   stayed at or below the current level's threshold for `recovery_period`; the recovery
//!   clock restarts whenever the deviation rises above that threshold again, and after each
//!   step down. Every transition emits [`Event::LevelChanged`]; the state
//!   ([`BreakerState`]) records the level, since when and why.
//! - **No price is not "on peg".** While the oracle has no fresh price the level never
//!   recovers; the [`StaleOraclePolicy`] (default: keep the level, refuse mints) decides the
//!   rest. [`Event::OracleWentStale`] and [`Event::OracleReturned`] mark the edges.
//! - **Reasons, not just booleans.** Every refusal is a named error ([`Error::Paused`],
//!   [`Error::SuspendedByLevel`], [`Error::OracleStale`], [`Error::ReserveShortfall`],
//!   [`Error::BlockMintLimitExceeded`], ...); the [runtime API](runtime_api::CircuitBreakerApi)
//!   gives the same answer as a [`Refusal`] and tells how much volume is left.
//! - **Separation of duties.** Governance ([`Config::GovernanceOrigin`]) sets every parameter
//!   and lifts pauses; the guardian ([`Config::GuardianOrigin`]) can only pause. Every
//!   privileged call emits an event naming who made it ([`Actor`]) and, for governance
//!   settings, the old and new values.
//! - **Wind-down.** Governance alone ([`Call::enter_wind_down`], [`Call::exit_wind_down`])
//!   puts the coin into an orderly wind-down ([`WindDown`]): every mint is refused
//!   ([`Error::WindingDown`], before any other check), transfers go on, and redemptions go on
//!   free of their volume limits (and are not counted against them).
//! - **Reserve quality.** With [`QualityPolicy`] (off by default), the reserve breaker also
//!   refuses mints while the reserves miss their liquidity or concentration target
//!   ([`Error::ReserveLiquidityLow`], [`Error::ReserveConcentrationHigh`]).
//! - **Renounced mint limits.** Once governance renounced raising mint limits above a ceiling
//!   ([`Config::MintLimitCeiling`]), mint volume limits above it, or none, are refused
//!   ([`Error::AboveMintLimitCeiling`]).
//! - **Bounded and O(1).** Storage holds a handful of fixed-size values; the per-block hook
//!   reads one price and touches two volume records of 24 buckets each.
//!
//! ## Example
//!
//! A price path through every level and back, with the default parameters: escalation at
//! once or after the sustain period, one step down per recovery period, and what each level
//! allows (the unit test `the_price_path_produces_the_expected_levels_in_order`):
//!
#![doc = docify::embed!("src/tests/levels.rs", the_price_path_produces_the_expected_levels_in_order)]
//!
//! ## Low-level details
//!
//! - **Time.** [`Config::Time`] (`pallet-timestamp`), in milliseconds since the Unix epoch. The
//!   level is updated in `on_initialize`, before the block's transactions. There
//!   `pallet-timestamp` still reports the *previous* block's time (the timestamp inherent runs
//!   after `on_initialize`), which is also the time at which the oracle's aggregate was last
//!   judged fresh: the hook therefore evaluates a consistent snapshot "as of the end of the
//!   previous block" and its decision governs every transaction of the current block.
//! - **Thresholds** compare the absolute deviation (`|deviation_bps|`, a premium counts like a
//!   discount) strictly: a level's condition is `|deviation| > threshold`, and its recovery
//!   condition is `|deviation| <= threshold`. Changing the thresholds restarts both clocks.
//! - **Stale oracle.** While stale the recovery clock is cleared (no evidence of recovery) and
//!   the sustain clock is kept (a gap in the data does not count as a return to the peg).
//!   Mints are refused with [`Error::OracleStale`] under every policy but
//!   [`StaleOraclePolicy::KeepLevel`]. At genesis the oracle counts as stale until the first
//!   fresh price.
//! - **Volume limits** ([`VolumeLimits`]) exist for mints and redemptions; `None` is unlimited
//!   and zero is refused (pause the operation instead). The block limit counts what
//!   [`admit`](stablecoin_primitives::Breaker::admit) recorded in the current
//!   block. The daily limit is a *rolling window of 24 hourly buckets*: at time `t` it counts
//!   the volume recorded during the current clock hour `floor(t / 1h)` and the 23 before it, so
//!   a volume stops counting at the start of the 24th hour after the hour it was recorded in
//!   (between 23 and 24 hours later). An amount is allowed when it is at most what is left:
//!   the limit itself is allowed, one unit more is refused.
//! - **Check order** in `ensure_allowed`: wind-down (mints), manual pause, level policy,
//!   stale oracle (mints), reserve breaker and reserve quality (mints), block limit, daily
//!   limit (no volume limit for redemptions during a wind-down). The first failing check is reported.
//!   The reserve breaker looks at [`ReserveStatus`](stablecoin_primitives::ReserveStatus)
//!   only; keeping a mint within the reserve *headroom* is the stablecoin pallet's job.
//! - **Arithmetic** is saturating throughout: a saturated volume counter is already beyond any
//!   limit, a saturated clock difference is already beyond any period.
//! - Invariants, checked by `try_state` (and after every unit test): thresholds valid and
//!   periods bounded; no level policy suspends redemptions; the level's clocks are consistent
//!   (no recovery clock at `Normal` or while stale, clocks not in the future, a stale-oracle
//!   cause only at `Halt`); volume windows sum to their buckets, are not ahead of the clock,
//!   and stay within limits that were in force for the whole block or window; every pause and
//!   a wind-down have a reason and are not in the future; a wind-down refuses every mint; once
//!   raising mint limits is renounced, both mint limits are set and within the ceiling.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(missing_docs)]

extern crate alloc;

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

use stablecoin_primitives::Actor;

/// Who performed a privileged action, in runtime `T`.
pub type ActorOf<T> = Actor<<T as frame_system::Config>::AccountId>;
/// A stored manual pause of runtime `T`.
pub type PauseOf<T> = PauseInfo<<T as frame_system::Config>::AccountId>;
/// The volume limits of runtime `T`.
pub type VolumeLimitsOf<T> = VolumeLimits<<T as Config>::Balance>;
/// The recorded volume of one operation in runtime `T`.
pub type VolumeOf<T> =
	VolumeState<<T as Config>::Balance, frame_system::pallet_prelude::BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{Get, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use stablecoin_primitives::{
		GuardedOperation, MintLimitCeiling, PriceFeed, PriceKey, ReserveCap,
	};

	/// The layout of this pallet's storage. Bump it with every change of a stored type and
	/// add a versioned migration to the runtime's `Migrations`.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Default configurations of this pallet.
	pub mod config_preludes {
		use super::*;
		use frame_support::derive_impl;

		/// Amounts as in the runtime (`u128`) and no weights, for unit tests.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type Balance = u128;
			type MintLimitCeiling = ();
			type WeightInfo = ();
		}
	}

	/// Configuration of the pallet.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Governance: sets every parameter, level policy and volume limit, and lifts pauses.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The guardian: may pause operations at once, but never lift a pause.
		#[pallet::no_default]
		type GuardianOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Wall-clock time (`pallet_timestamp::Pallet` in the runtime), read as milliseconds
		/// since the Unix epoch.
		#[pallet::no_default]
		type Time: UnixTime;

		/// Amounts of the stablecoin, in its smallest unit (`u128` in the runtime).
		type Balance: stablecoin_primitives::Amount;

		/// The oracle's aggregated prices.
		#[pallet::no_default]
		type PriceFeed: PriceFeed;

		/// The price series whose deviation from its peg drives the level (USDX/USD).
		#[pallet::constant]
		#[pallet::no_default]
		type PegKey: Get<PriceKey>;

		/// The state of the reserves, for the reserve breaker.
		#[pallet::no_default]
		type ReserveCap: ReserveCap<Self::Balance>;

		/// The ceiling above which governance renounced raising mint limits, if it did (the
		/// stablecoin pallet keeps renounced powers): mint volume limits above it are refused.
		type MintLimitCeiling: MintLimitCeiling<Self::Balance>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
	}

	/// The default level policies.
	#[pallet::type_value]
	pub fn DefaultPolicies() -> LevelPolicies {
		DEFAULT_LEVEL_POLICIES
	}

	/// Thresholds, periods and stale-oracle policy.
	#[pallet::storage]
	pub type Parameters<T> = StorageValue<_, BreakerParameters, ValueQuery>;

	/// What each level allows, indexed by [`Level::index`].
	#[pallet::storage]
	pub type Policies<T> = StorageValue<_, LevelPolicies, ValueQuery, DefaultPolicies>;

	/// The level, since when and why, and the sustain and recovery clocks.
	#[pallet::storage]
	pub type State<T> = StorageValue<_, BreakerState, ValueQuery>;

	/// Manual pauses, by operation.
	#[pallet::storage]
	pub type Paused<T: Config> = StorageMap<_, Twox64Concat, GuardedOperation, PauseOf<T>>;

	/// Volume limits, by operation (mints and redemptions only). No entry: unlimited.
	#[pallet::storage]
	pub type Limits<T: Config> =
		StorageMap<_, Twox64Concat, GuardedOperation, VolumeLimitsOf<T>, ValueQuery>;

	/// When governance last changed an operation's limits, as `(block, hour)`. No entry: set at
	/// genesis. Tells `try_state` which recorded volumes were taken under the current limits.
	#[pallet::storage]
	pub type LimitsChangedAt<T: Config> =
		StorageMap<_, Twox64Concat, GuardedOperation, (BlockNumberFor<T>, u64)>;

	/// The volume recorded per operation (mints and redemptions only): this block's total and
	/// the rolling 24-hour window.
	#[pallet::storage]
	pub type Volumes<T: Config> =
		StorageMap<_, Twox64Concat, GuardedOperation, VolumeOf<T>, ValueQuery>;

	/// Whether reserve quality alerts refuse mints (both off by default).
	#[pallet::storage]
	pub type QualityPolicy<T> = StorageValue<_, ReserveQualityPolicy, ValueQuery>;

	/// The coin's wind-down, while it lasts (absent otherwise).
	#[pallet::storage]
	pub type WindDown<T: Config> = StorageValue<_, WindDownInfo<T::AccountId>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The level changed.
		LevelChanged {
			/// The level before.
			old: Level,
			/// The level now.
			new: Level,
			/// The fresh deviation that caused it, in signed basis points; `None` when the
			/// oracle went stale under [`StaleOraclePolicy::Halt`].
			deviation_bps: Option<i32>,
		},
		/// The oracle has no fresh price for the peg series any more.
		OracleWentStale {
			/// The level, which stays (or, under [`StaleOraclePolicy::Halt`], is about to
			/// become `Halt`).
			level: Level,
		},
		/// The oracle has a fresh price again (or for the first time).
		OracleReturned {
			/// The fresh deviation, in signed basis points.
			deviation_bps: i32,
		},
		/// Governance changed the thresholds, periods or stale-oracle policy.
		ParametersSet {
			/// The parameters before.
			old: BreakerParameters,
			/// The parameters now.
			new: BreakerParameters,
			/// Who changed them.
			by: ActorOf<T>,
		},
		/// Governance changed what a level allows.
		LevelPolicySet {
			/// The level whose policy changed.
			level: Level,
			/// The policy before.
			old: AllowedOperations,
			/// The policy now.
			new: AllowedOperations,
			/// Who changed it.
			by: ActorOf<T>,
		},
		/// Governance changed an operation's volume limits.
		VolumeLimitsSet {
			/// The operation (`Mint` or `Redeem`).
			operation: GuardedOperation,
			/// The limits before.
			old: VolumeLimitsOf<T>,
			/// The limits now.
			new: VolumeLimitsOf<T>,
			/// Who changed them.
			by: ActorOf<T>,
		},
		/// An operation was paused manually.
		OperationPaused {
			/// The paused operation.
			operation: GuardedOperation,
			/// Who paused it (the guardian or governance).
			by: ActorOf<T>,
			/// Why.
			reason: Reason,
		},
		/// A manual pause was lifted.
		OperationUnpaused {
			/// The operation that may go ahead again.
			operation: GuardedOperation,
			/// Who lifted the pause (governance).
			by: ActorOf<T>,
			/// Why.
			reason: Reason,
		},
		/// Governance changed whether reserve quality alerts refuse mints.
		ReserveQualityPolicySet {
			/// The policy before.
			old: ReserveQualityPolicy,
			/// The policy now.
			new: ReserveQualityPolicy,
			/// Who changed it.
			by: ActorOf<T>,
		},
		/// Governance put the coin into wind-down: no new mints; transfers and redemptions go
		/// on, redemptions free of volume limits.
		WindDownEntered {
			/// Who entered it (governance).
			by: ActorOf<T>,
			/// Why.
			reason: Reason,
		},
		/// Governance ended the wind-down: mints are possible again under the usual checks.
		WindDownExited {
			/// Who ended it (governance).
			by: ActorOf<T>,
			/// Why.
			reason: Reason,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Thresholds must be positive, strictly increasing and at most 10 000 bps.
		InvalidThresholds,
		/// A period is longer than seven days.
		PeriodTooLong,
		/// A level policy must allow redemptions: the price breaker never blocks them.
		RedemptionNeverSuspended,
		/// A volume limit must not be zero (unlimited is `None`; to stop, pause).
		ZeroLimit,
		/// The block limit is above the daily limit.
		BlockLimitAboveDailyLimit,
		/// Transfers have no volume limits.
		NotVolumeLimited,
		/// A pause or unpause needs a reason.
		EmptyReason,
		/// Every operation named is already paused.
		AlreadyPaused,
		/// No operation named is paused.
		NotPaused,
		/// The operation is paused manually.
		Paused,
		/// The current level's policy suspends the operation.
		SuspendedByLevel,
		/// The oracle has no fresh price and the stale-oracle policy refuses mints.
		OracleStale,
		/// The attested reserves do not cover the circulating supply: no mints.
		ReserveShortfall,
		/// The reserve attestation is stale: no mints.
		ReserveAttestationStale,
		/// No reserve attestation has taken effect: no mints.
		NoReserveAttestation,
		/// The mint would pass the per-block mint limit.
		BlockMintLimitExceeded,
		/// The mint would pass the rolling 24-hour mint limit.
		DailyMintLimitExceeded,
		/// The redemption would pass the per-block redemption limit.
		BlockRedeemLimitExceeded,
		/// The redemption would pass the rolling 24-hour redemption limit.
		DailyRedeemLimitExceeded,
		/// The call needs governance (a council motion), and the origin is not it.
		NotGovernance,
		/// The call needs a guardian or governance, and the origin is neither.
		NotGuardianOrGovernance,
		/// The coin is being wound down: no new mints.
		WindingDown,
		/// The reserves' liquidity is below its target, and the policy refuses mints then.
		ReserveLiquidityLow,
		/// One custodian holds a larger share of the reserves than the target allows, and the
		/// policy refuses mints then.
		ReserveConcentrationHigh,
		/// The coin is already being wound down.
		AlreadyWindingDown,
		/// The coin is not being wound down.
		NotWindingDown,
		/// Governance renounced raising mint limits above a ceiling, and this mint limit is
		/// above it (or unlimited).
		AboveMintLimitCeiling,
	}

	/// The initial parameters, level policies and volume limits.
	///
	/// Invalid entries make the genesis build panic: a chain must not start in a state that
	/// breaks the pallet's invariants.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Thresholds, periods and stale-oracle policy (default: the issuer's terms, 50 / 100
		/// / 200 / 500 bps, one hour to sustain, one hour to recover, keep level and refuse
		/// mints while stale).
		pub parameters: BreakerParameters,
		/// Level policies that differ from the default (`Halt` allows redemptions only, the
		/// other levels allow everything), as `(level, allowed)`.
		pub level_policies: Vec<(Level, AllowedOperations)>,
		/// Volume limits as `(operation, limits)`, for `Mint` and `Redeem` (default: none).
		pub volume_limits: Vec<(GuardedOperation, VolumeLimitsOf<T>)>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self {
				parameters: BreakerParameters::default(),
				level_policies: Vec::new(),
				volume_limits: Vec::new(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Read the fresh price, move the level and its clocks, roll the volume windows, and
		/// read what every transfer's check reads ([`Pallet::read_transfer_guards`]). Constant
		/// work; charged at the worst case (a transition and a full roll of both windows) plus
		/// the two reads.
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			let now = stablecoin_primitives::now::<T::Time>();
			Self::observe(now);
			Self::roll_volumes(n, now);
			T::WeightInfo::on_initialize().saturating_add(Self::read_transfer_guards())
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Set the thresholds, periods and stale-oracle policy. Changing the thresholds
		/// restarts the sustain and recovery clocks; the new values take effect at the next
		/// block's observation.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::ParametersSet`] with the old and new values.
		/// - Errors: [`Error::NotGovernance`]; [`Error::InvalidThresholds`] unless
		///   `0 < watch < supply_adjustment < liquidity < halt <= 10_000`;
		///   [`Error::PeriodTooLong`] if a period exceeds seven days.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_parameters())]
		pub fn set_parameters(
			origin: OriginFor<T>,
			parameters: BreakerParameters,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_parameters(parameters, by)
		}

		/// Set which operations `level` allows.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::LevelPolicySet`] with the old and new policy.
		/// - Errors: [`Error::NotGovernance`]; [`Error::RedemptionNeverSuspended`] if
		///   `allowed.redeem` is false.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_level_policy())]
		pub fn set_level_policy(
			origin: OriginFor<T>,
			level: Level,
			allowed: AllowedOperations,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_level_policy(level, allowed, by)
		}

		/// Set the volume limits of `operation` (`Mint` or `Redeem`). Volume already recorded
		/// keeps counting against the new limits.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::VolumeLimitsSet`] with the old and new limits.
		/// - Errors: [`Error::NotGovernance`]; [`Error::NotVolumeLimited`] for `Transfer`;
		///   [`Error::ZeroLimit`]; [`Error::BlockLimitAboveDailyLimit`];
		///   [`Error::AboveMintLimitCeiling`] for a mint limit above the renounced ceiling.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_volume_limits())]
		pub fn set_volume_limits(
			origin: OriginFor<T>,
			operation: GuardedOperation,
			limits: VolumeLimitsOf<T>,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_volume_limits(operation, limits, by)
		}

		/// Set whether the reserve quality alerts (liquidity below target, custodian
		/// concentration above target) refuse mints while they last.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::ReserveQualityPolicySet`] with the old and new policy.
		/// - Errors: [`Error::NotGovernance`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_reserve_quality_policy())]
		pub fn set_reserve_quality_policy(
			origin: OriginFor<T>,
			policy: ReserveQualityPolicy,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			let old = QualityPolicy::<T>::mutate(|stored| core::mem::replace(stored, policy));
			Self::deposit_event(Event::ReserveQualityPolicySet { old, new: policy, by });
			Ok(())
		}

		/// Pause `operation`, or every operation when `None`, at once. Operations already paused
		/// keep their original pause.
		///
		/// - Origin: [`Config::GuardianOrigin`] or [`Config::GovernanceOrigin`].
		/// - Emits [`Event::OperationPaused`] for each operation newly paused.
		/// - Errors: [`Error::NotGuardianOrGovernance`]; [`Error::EmptyReason`];
		///   [`Error::AlreadyPaused`] if every operation named is already paused.
		#[pallet::call_index(10)]
		#[pallet::weight((T::WeightInfo::pause(), DispatchClass::Operational))]
		pub fn pause(
			origin: OriginFor<T>,
			operation: Option<GuardedOperation>,
			reason: Reason,
		) -> DispatchResult {
			let by = Self::ensure_guardian_or_governance(origin)?;
			Self::do_pause(operation, reason, by)
		}

		/// Lift the pause of `operation`, or of every operation when `None`.
		///
		/// - Origin: [`Config::GovernanceOrigin`] only (the guardian cannot lift a pause).
		/// - Emits [`Event::OperationUnpaused`] for each operation unpaused.
		/// - Errors: [`Error::NotGovernance`]; [`Error::EmptyReason`]; [`Error::NotPaused`] if no
		///   operation named is paused.
		#[pallet::call_index(11)]
		#[pallet::weight((T::WeightInfo::unpause(), DispatchClass::Operational))]
		pub fn unpause(
			origin: OriginFor<T>,
			operation: Option<GuardedOperation>,
			reason: Reason,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_unpause(operation, reason, by)
		}

		/// Put the coin into wind-down: from now on no mint is requested or executed;
		/// transfers go on under the level policies, and redemptions go on free of their
		/// volume limits (the stablecoin's queue and the fiat desk serve them as before). A
		/// guardian cannot do this: it is a decision about the coin, not an emergency stop.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::WindDownEntered`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::EmptyReason`];
		///   [`Error::AlreadyWindingDown`].
		#[pallet::call_index(20)]
		#[pallet::weight((T::WeightInfo::enter_wind_down(), DispatchClass::Operational))]
		pub fn enter_wind_down(origin: OriginFor<T>, reason: Reason) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_enter_wind_down(reason, by)
		}

		/// End the wind-down: mints are possible again, under every usual check, and
		/// redemptions count against their volume limits again.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::WindDownExited`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::EmptyReason`]; [`Error::NotWindingDown`].
		#[pallet::call_index(21)]
		#[pallet::weight((T::WeightInfo::exit_wind_down(), DispatchClass::Operational))]
		pub fn exit_wind_down(origin: OriginFor<T>, reason: Reason) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_exit_wind_down(reason, by)
		}
	}
}
