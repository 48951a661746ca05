//! The pallet's logic, outside the macro: the `do_*` helpers behind each call, the level state
//! machine, the volume bookkeeping, the checks behind [`Breaker`](stablecoin_primitives::Breaker)
//! and the read helpers behind the runtime API.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult, Get},
	traits::EnsureOrigin,
	weights::Weight,
};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use sp_runtime::{traits::Zero, Saturating};
use stablecoin_primitives::{
	GuardedOperation, MintLimitCeiling, PriceFeed, ReserveCap, ReserveStatus,
};

/// The operations that have volume limits and volume bookkeeping.
pub const LIMITED_OPERATIONS: [GuardedOperation; 2] =
	[GuardedOperation::Mint, GuardedOperation::Redeem];

/// What one observation did to the level state.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Outcome {
	/// The oracle went stale at this observation (it was fresh before).
	pub went_stale: bool,
	/// The oracle returned at this observation (it was stale before), with the deviation.
	pub returned: Option<i32>,
	/// The level changed: `(old, new, deviation)`.
	pub transition: Option<(Level, Level, Option<i32>)>,
}

/// The hour (since the Unix epoch) that `now` falls in.
pub const fn hour_of(now: Moment) -> u64 {
	now / HOUR_MS
}

/// The level state machine: apply one observation (`Some(deviation_bps)` if the oracle has a
/// fresh price, `None` if stale) made at `now` under `params` to `state`.
///
/// Pure, so that it can be tested and reasoned about on its own; see the crate documentation
/// for the rules.
pub fn step(
	state: &mut BreakerState,
	params: &BreakerParameters,
	observation: Option<i32>,
	now: Moment,
) -> Outcome {
	let mut outcome = Outcome::default();
	let thresholds = &params.thresholds;
	match observation {
		None => {
			outcome.went_stale = !state.oracle_stale;
			state.oracle_stale = true;
			// Without a price there is no evidence that the deviation stayed low.
			state.below_since = None;
			if params.stale_oracle_policy == StaleOraclePolicy::Halt && state.level != Level::Halt {
				outcome.transition = Some((state.level, Level::Halt, None));
				state.level = Level::Halt;
				state.since = now;
				state.cause = LevelCause::StaleOracle;
			}
		}
		Some(deviation) => {
			if state.oracle_stale {
				outcome.returned = Some(deviation);
			}
			state.oracle_stale = false;
			state.last_deviation_bps = Some(deviation);
			let magnitude = deviation.unsigned_abs();

			// The sustain clock.
			if magnitude > thresholds.supply_adjustment {
				if state.above_supply_since.is_none() {
					state.above_supply_since = Some(now);
				}
			} else {
				state.above_supply_since = None;
			}
			// Saturating: a clock "in the future" (time going backwards) counts as zero elapsed.
			let sustained = state
				.above_supply_since
				.is_some_and(|start| now.saturating_sub(start) >= params.sustain_period);

			let target = if magnitude > thresholds.halt {
				Level::Halt
			} else if magnitude > thresholds.liquidity {
				Level::Liquidity
			} else if magnitude > thresholds.supply_adjustment && sustained {
				Level::SupplyAdjustment
			} else if magnitude > thresholds.watch {
				Level::Watch
			} else {
				Level::Normal
			};

			if target > state.level {
				outcome.transition = Some((state.level, target, Some(deviation)));
				state.level = target;
				state.since = now;
				state.cause = LevelCause::Deviation(deviation);
				state.below_since = None;
			} else if state.level != Level::Normal
				&& magnitude <= thresholds.lower_threshold(state.level)
			{
				let start = *state.below_since.get_or_insert(now);
				if now.saturating_sub(start) >= params.recovery_period {
					let new = state.level.lower();
					outcome.transition = Some((state.level, new, Some(deviation)));
					state.level = new;
					state.since = now;
					state.cause = LevelCause::Deviation(deviation);
					// The next step down needs a full recovery period at the new level.
					state.below_since = (new != Level::Normal
						&& magnitude <= thresholds.lower_threshold(new))
					.then_some(now);
				}
			} else {
				state.below_since = None;
			}
		}
	}
	outcome
}

/// Roll `volume` forward to `block` and `hour`: a new block starts an empty block total; each
/// hour that started since the last roll empties its bucket (at most 24). An `hour` earlier
/// than the last roll (a clock going backwards) rolls nothing.
pub fn roll<Balance, BlockNumber>(
	volume: &mut VolumeState<Balance, BlockNumber>,
	block: BlockNumber,
	hour: u64,
) where
	Balance: Copy + Zero + Saturating,
	BlockNumber: PartialEq,
{
	if volume.block != block {
		volume.block = block;
		volume.block_total = Zero::zero();
	}
	if hour > volume.hour {
		// Both bounded by 24; the subtraction cannot underflow since `hour > volume.hour`.
		let steps = hour.saturating_sub(volume.hour).min(u64::from(WINDOW_HOURS));
		for i in 1..=steps {
			let index = (volume.hour.saturating_add(i) % u64::from(WINDOW_HOURS)) as usize;
			if let Some(bucket) = volume.buckets.get_mut(index) {
				// Saturating: the total is the sum of the buckets, so never below one of them.
				volume.window_total = volume.window_total.saturating_sub(*bucket);
				*bucket = Zero::zero();
			}
		}
		volume.hour = hour;
	}
}

impl<T: Config> Pallet<T> {
	/// Check that the origin is the guardian or governance, and say who it is: refused with
	/// [`Error::NotGuardianOrGovernance`].
	pub(crate) fn ensure_guardian_or_governance(
		origin: OriginFor<T>,
	) -> Result<ActorOf<T>, DispatchError> {
		if T::GuardianOrigin::try_origin(origin.clone()).is_err()
			&& T::GovernanceOrigin::try_origin(origin.clone()).is_err()
		{
			return Err(Error::<T>::NotGuardianOrGovernance.into());
		}
		Ok(Actor::from_origin(origin))
	}

	/// Check the governance origin and say who it is: refused with [`Error::NotGovernance`].
	pub(crate) fn ensure_governance(origin: OriginFor<T>) -> Result<ActorOf<T>, DispatchError> {
		Actor::ensure_by::<T::GovernanceOrigin, _>(origin)
			.map_err(|_| Error::<T>::NotGovernance.into())
	}

	// ---- governance ------------------------------------------------------------------------

	/// Check parameters for [`Pallet::set_parameters`] and the genesis.
	pub(crate) fn validate_parameters(parameters: &BreakerParameters) -> DispatchResult {
		ensure!(parameters.thresholds.is_valid(), Error::<T>::InvalidThresholds);
		ensure!(
			parameters.sustain_period <= MAX_PERIOD && parameters.recovery_period <= MAX_PERIOD,
			Error::<T>::PeriodTooLong
		);
		Ok(())
	}

	pub(crate) fn do_set_parameters(new: BreakerParameters, by: ActorOf<T>) -> DispatchResult {
		Self::validate_parameters(&new)?;
		let old = Parameters::<T>::get();
		if old.thresholds != new.thresholds {
			State::<T>::mutate(|state| {
				state.above_supply_since = None;
				state.below_since = None;
			});
		}
		Parameters::<T>::put(new);
		Self::deposit_event(Event::ParametersSet { old, new, by });
		Ok(())
	}

	pub(crate) fn do_set_level_policy(
		level: Level,
		new: AllowedOperations,
		by: ActorOf<T>,
	) -> DispatchResult {
		ensure!(new.redeem, Error::<T>::RedemptionNeverSuspended);
		let mut policies = Policies::<T>::get();
		let old = core::mem::replace(policy_of_mut(&mut policies, level), new);
		Policies::<T>::put(policies);
		Self::deposit_event(Event::LevelPolicySet { level, old, new, by });
		Ok(())
	}

	/// Check volume limits for [`Pallet::set_volume_limits`] and the genesis.
	pub(crate) fn validate_limits(
		operation: GuardedOperation,
		limits: &VolumeLimitsOf<T>,
	) -> DispatchResult {
		ensure!(operation != GuardedOperation::Transfer, Error::<T>::NotVolumeLimited);
		ensure!(
			!limits.per_block.is_some_and(|l| l.is_zero())
				&& !limits.per_day.is_some_and(|l| l.is_zero()),
			Error::<T>::ZeroLimit
		);
		if let (Some(block), Some(day)) = (limits.per_block, limits.per_day) {
			ensure!(block <= day, Error::<T>::BlockLimitAboveDailyLimit);
		}
		Ok(())
	}

	/// Check new mint limits against the ceiling governance renounced raising them above,
	/// if it did: both limits must be set (unlimited is above any ceiling) and at most it.
	pub(crate) fn ensure_within_ceiling(
		operation: GuardedOperation,
		limits: &VolumeLimitsOf<T>,
	) -> DispatchResult {
		if operation != GuardedOperation::Mint {
			return Ok(());
		}
		if let Some(ceiling) = T::MintLimitCeiling::mint_limit_ceiling() {
			ensure!(Self::limits_within(limits, ceiling), Error::<T>::AboveMintLimitCeiling);
		}
		Ok(())
	}

	/// Whether both `limits` are set (unlimited is above any ceiling) and at most `ceiling`.
	pub(crate) fn limits_within(limits: &VolumeLimitsOf<T>, ceiling: T::Balance) -> bool {
		let within = |limit: Option<T::Balance>| limit.is_some_and(|l| l <= ceiling);
		within(limits.per_block) && within(limits.per_day)
	}

	pub(crate) fn do_set_volume_limits(
		operation: GuardedOperation,
		new: VolumeLimitsOf<T>,
		by: ActorOf<T>,
	) -> DispatchResult {
		Self::validate_limits(operation, &new)?;
		Self::ensure_within_ceiling(operation, &new)?;
		let old = Limits::<T>::get(operation);
		if new == VolumeLimits::default() {
			Limits::<T>::remove(operation);
		} else {
			Limits::<T>::insert(operation, new);
		}
		LimitsChangedAt::<T>::insert(
			operation,
			(
				frame_system::Pallet::<T>::block_number(),
				hour_of(stablecoin_primitives::now::<T::Time>()),
			),
		);
		Self::deposit_event(Event::VolumeLimitsSet { operation, old, new, by });
		Ok(())
	}

	// ---- pauses ----------------------------------------------------------------------------

	/// The operations `operation` names (every one for `None`) that are paused, if `paused`,
	/// or not paused otherwise; refused with `none_left` when there is none.
	fn targets(
		operation: Option<GuardedOperation>,
		paused: bool,
		none_left: Error<T>,
	) -> Result<Vec<GuardedOperation>, DispatchError> {
		let named = match operation {
			Some(operation) => alloc::vec![operation],
			None => GuardedOperation::ALL.to_vec(),
		};
		let targets: Vec<GuardedOperation> =
			named.into_iter().filter(|op| Paused::<T>::contains_key(op) == paused).collect();
		ensure!(!targets.is_empty(), none_left);
		Ok(targets)
	}

	pub(crate) fn do_pause(
		operation: Option<GuardedOperation>,
		reason: Reason,
		by: ActorOf<T>,
	) -> DispatchResult {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		let targets = Self::targets(operation, false, Error::<T>::AlreadyPaused)?;
		let at = stablecoin_primitives::now::<T::Time>();
		for operation in targets {
			Paused::<T>::insert(
				operation,
				PauseInfo { by: by.clone(), at, reason: reason.clone() },
			);
			Self::deposit_event(Event::OperationPaused {
				operation,
				by: by.clone(),
				reason: reason.clone(),
			});
		}
		Ok(())
	}

	pub(crate) fn do_unpause(
		operation: Option<GuardedOperation>,
		reason: Reason,
		by: ActorOf<T>,
	) -> DispatchResult {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		let targets = Self::targets(operation, true, Error::<T>::NotPaused)?;
		for operation in targets {
			Paused::<T>::remove(operation);
			Self::deposit_event(Event::OperationUnpaused {
				operation,
				by: by.clone(),
				reason: reason.clone(),
			});
		}
		Ok(())
	}

	// ---- wind-down -------------------------------------------------------------------------

	pub(crate) fn do_enter_wind_down(reason: Reason, by: ActorOf<T>) -> DispatchResult {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		ensure!(!WindDown::<T>::exists(), Error::<T>::AlreadyWindingDown);
		let since = stablecoin_primitives::now::<T::Time>();
		WindDown::<T>::put(WindDownInfo { by: by.clone(), since, reason: reason.clone() });
		Self::deposit_event(Event::WindDownEntered { by, reason });
		Ok(())
	}

	pub(crate) fn do_exit_wind_down(reason: Reason, by: ActorOf<T>) -> DispatchResult {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		ensure!(WindDown::<T>::take().is_some(), Error::<T>::NotWindingDown);
		Self::deposit_event(Event::WindDownExited { by, reason });
		Ok(())
	}

	/// Whether the coin is being wound down.
	pub fn is_winding_down() -> bool {
		WindDown::<T>::exists()
	}

	/// The wind-down, if the coin is being wound down.
	pub fn wind_down_view() -> Option<WindDownView> {
		WindDown::<T>::get()
			.map(|info| WindDownView { since: info.since, reason: info.reason.into_inner() })
	}

	// ---- the per-block hook ----------------------------------------------------------------

	/// Observe the peg series at `now` and move the level; emit the events of what changed.
	pub(crate) fn observe(now: Moment) {
		let observation = T::PriceFeed::fresh_price(&T::PegKey::get()).map(|o| o.deviation_bps);
		let params = Parameters::<T>::get();
		let mut state = State::<T>::get();
		let before = state;
		let outcome = step(&mut state, &params, observation, now);
		if state != before {
			State::<T>::put(state);
		}
		if outcome.went_stale {
			Self::deposit_event(Event::OracleWentStale { level: state.level });
		}
		if let Some(deviation_bps) = outcome.returned {
			Self::deposit_event(Event::OracleReturned { deviation_bps });
		}
		if let Some((old, new, deviation_bps)) = outcome.transition {
			Self::deposit_event(Event::LevelChanged { old, new, deviation_bps });
		}
	}

	/// Read, once at the start of every block, what every transfer's check reads besides the
	/// level (which [`Self::observe`] reads every block): the level policies and the transfer
	/// pause. The block pays for the two reads here; the transfers of the block then find them
	/// in the node's cache, so a transfer's benchmark need not count them again
	/// ([`Self::keys_read_every_block`]). Returns the weight of the reads.
	pub(crate) fn read_transfer_guards() -> Weight {
		let _ = Policies::<T>::get();
		let _ = Paused::<T>::contains_key(GuardedOperation::Transfer);
		T::DbWeight::get().reads(2)
	}

	/// The storage keys of the items every block's initialization reads that a transfer's check
	/// reads too: the level ([`State`], read by the observation) and what
	/// [`Self::read_transfer_guards`] reads. Benchmarks of payments whitelist them.
	pub fn keys_read_every_block() -> [Vec<u8>; 3] {
		[
			State::<T>::hashed_key().to_vec(),
			Policies::<T>::hashed_key().to_vec(),
			Paused::<T>::hashed_key_for(GuardedOperation::Transfer),
		]
	}

	/// Start the block's volume totals and roll the 24-hour windows to `now`.
	pub(crate) fn roll_volumes(block: BlockNumberFor<T>, now: Moment) {
		for operation in LIMITED_OPERATIONS {
			let mut volume = Volumes::<T>::get(operation);
			let before = volume.clone();
			roll(&mut volume, block, hour_of(now));
			if volume != before {
				Volumes::<T>::insert(operation, volume);
			}
		}
	}

	// ---- the breaker -----------------------------------------------------------------------

	/// The volume of `operation` as it stands now: rolled to the current block and hour,
	/// without writing.
	pub fn current_volume(operation: GuardedOperation) -> VolumeOf<T> {
		let mut volume = Volumes::<T>::get(operation);
		roll(
			&mut volume,
			frame_system::Pallet::<T>::block_number(),
			hour_of(stablecoin_primitives::now::<T::Time>()),
		);
		volume
	}

	/// What is left under `operation`'s limits now (`None`: unlimited). Transfers are never
	/// limited.
	pub fn remaining_volume(operation: GuardedOperation) -> RemainingVolume<T::Balance> {
		if operation == GuardedOperation::Transfer {
			return RemainingVolume { per_block: None, per_day: None };
		}
		let limits = Limits::<T>::get(operation);
		if limits == VolumeLimits::default() {
			return RemainingVolume { per_block: None, per_day: None };
		}
		let volume = Self::current_volume(operation);
		RemainingVolume {
			// Saturating: recorded volume may exceed a limit that governance lowered since.
			per_block: limits.per_block.map(|limit| limit.saturating_sub(volume.block_total)),
			per_day: limits.per_day.map(|limit| limit.saturating_sub(volume.window_total)),
		}
	}

	/// Whether `operation` of `amount` may go ahead now, and if not the first reason why (see
	/// the crate documentation for the order of the checks).
	pub fn check(operation: GuardedOperation, amount: T::Balance) -> Result<(), Refusal> {
		// The wind-down only bears on mints (refused) and redemptions (unlimited): a transfer
		// does not read it.
		let winding_down = matches!(operation, GuardedOperation::Mint | GuardedOperation::Redeem)
			&& Self::is_winding_down();
		if winding_down && operation == GuardedOperation::Mint {
			return Err(Refusal::WindingDown);
		}
		if Paused::<T>::contains_key(operation) {
			return Err(Refusal::Paused);
		}
		let state = State::<T>::get();
		if !policy_of(&Policies::<T>::get(), state.level).allows(operation) {
			return Err(Refusal::SuspendedAtLevel(state.level));
		}
		if operation == GuardedOperation::Mint {
			if state.oracle_stale
				&& Parameters::<T>::get().stale_oracle_policy != StaleOraclePolicy::KeepLevel
			{
				return Err(Refusal::OracleStale);
			}
			match T::ReserveCap::status() {
				ReserveStatus::Backed => {}
				ReserveStatus::Shortfall => return Err(Refusal::ReserveShortfall),
				ReserveStatus::Stale => return Err(Refusal::ReserveAttestationStale),
				ReserveStatus::NoAttestation => return Err(Refusal::NoReserveAttestation),
			}
			let policy = QualityPolicy::<T>::get();
			if policy.refuse_mints_on_low_liquidity || policy.refuse_mints_on_concentration {
				let quality = T::ReserveCap::quality();
				if policy.refuse_mints_on_low_liquidity && quality.liquidity_below_target {
					return Err(Refusal::ReserveLiquidityLow);
				}
				if policy.refuse_mints_on_concentration && quality.concentration_above_target {
					return Err(Refusal::ReserveConcentrationHigh);
				}
			}
		}
		if winding_down && operation == GuardedOperation::Redeem {
			// A coin being wound down serves every redemption it can: no volume limits.
			return Ok(());
		}
		let remaining = Self::remaining_volume(operation);
		if remaining.per_block.is_some_and(|left| amount > left) {
			return Err(Refusal::BlockLimitExceeded);
		}
		if remaining.per_day.is_some_and(|left| amount > left) {
			return Err(Refusal::DailyLimitExceeded);
		}
		Ok(())
	}

	/// The pallet error for a refusal of `operation`.
	pub fn refusal_error(operation: GuardedOperation, refusal: Refusal) -> Error<T> {
		use GuardedOperation::*;
		match (refusal, operation) {
			(Refusal::Paused, _) => Error::<T>::Paused,
			(Refusal::SuspendedAtLevel(_), _) => Error::<T>::SuspendedByLevel,
			(Refusal::OracleStale, _) => Error::<T>::OracleStale,
			(Refusal::ReserveShortfall, _) => Error::<T>::ReserveShortfall,
			(Refusal::ReserveAttestationStale, _) => Error::<T>::ReserveAttestationStale,
			(Refusal::NoReserveAttestation, _) => Error::<T>::NoReserveAttestation,
			(Refusal::WindingDown, _) => Error::<T>::WindingDown,
			(Refusal::ReserveLiquidityLow, _) => Error::<T>::ReserveLiquidityLow,
			(Refusal::ReserveConcentrationHigh, _) => Error::<T>::ReserveConcentrationHigh,
			(Refusal::BlockLimitExceeded, Mint) => Error::<T>::BlockMintLimitExceeded,
			(Refusal::DailyLimitExceeded, Mint) => Error::<T>::DailyMintLimitExceeded,
			(Refusal::BlockLimitExceeded, Redeem) => Error::<T>::BlockRedeemLimitExceeded,
			(Refusal::DailyLimitExceeded, Redeem) => Error::<T>::DailyRedeemLimitExceeded,
			// Transfers have no limits, so `check` never refuses them for volume.
			(Refusal::BlockLimitExceeded | Refusal::DailyLimitExceeded, Transfer) => {
				Error::<T>::NotVolumeLimited
			}
		}
	}

	/// Record that `operation` of `amount` went ahead now (mints and redemptions only).
	/// Redemptions during a wind-down are not limited, so they are not counted either: the
	/// windows keep holding only volume taken under the limits.
	pub(crate) fn record_volume(operation: GuardedOperation, amount: T::Balance) {
		if operation == GuardedOperation::Transfer
			|| (operation == GuardedOperation::Redeem && Self::is_winding_down())
		{
			return;
		}
		let block = frame_system::Pallet::<T>::block_number();
		let hour = hour_of(stablecoin_primitives::now::<T::Time>());
		Volumes::<T>::mutate(operation, |volume| {
			roll(volume, block, hour);
			// Saturating: a saturated counter is beyond any limit, which keeps refusing.
			volume.block_total = volume.block_total.saturating_add(amount);
			let index = (volume.hour % u64::from(WINDOW_HOURS)) as usize;
			if let Some(bucket) = volume.buckets.get_mut(index) {
				*bucket = bucket.saturating_add(amount);
			}
			volume.window_total = volume.window_total.saturating_add(amount);
		});
	}

	// ---- views -----------------------------------------------------------------------------

	/// The level, since when and why.
	pub fn level_view() -> LevelView {
		let state = State::<T>::get();
		LevelView {
			level: state.level,
			since: state.since,
			cause: state.cause,
			last_deviation_bps: state.last_deviation_bps,
			oracle_stale: state.oracle_stale,
		}
	}

	/// Every governance setting.
	pub fn parameters_view() -> ParametersView<T::Balance> {
		ParametersView {
			parameters: Parameters::<T>::get(),
			level_policies: Policies::<T>::get(),
			volume_limits: GuardedOperation::ALL
				.iter()
				.map(|op| (*op, Limits::<T>::get(op)))
				.collect(),
		}
	}

	/// The operations paused manually, in [`GuardedOperation::ALL`] order.
	pub fn active_pauses() -> Vec<PauseView> {
		GuardedOperation::ALL
			.iter()
			.filter_map(|op| {
				Paused::<T>::get(op).map(|pause| PauseView {
					operation: *op,
					since: pause.at,
					reason: pause.reason.into_inner(),
				})
			})
			.collect()
	}

	// ---- genesis ---------------------------------------------------------------------------

	pub(crate) fn build_genesis(config: &GenesisConfig<T>) {
		Self::validate_parameters(&config.parameters).expect("genesis parameters are valid");
		Parameters::<T>::put(config.parameters);
		let mut policies = DEFAULT_LEVEL_POLICIES;
		for (level, allowed) in &config.level_policies {
			assert!(allowed.redeem, "genesis level policy must allow redemptions");
			*policy_of_mut(&mut policies, *level) = *allowed;
		}
		Policies::<T>::put(policies);
		for (operation, limits) in &config.volume_limits {
			Self::validate_limits(*operation, limits).expect("genesis volume limits are valid");
			Limits::<T>::insert(operation, limits);
		}
	}
}
