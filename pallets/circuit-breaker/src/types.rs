//! Types stored by the pallet and returned by its runtime API.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use stablecoin_primitives::{Actor, GuardedOperation};

pub use stablecoin_primitives::{Moment, HOUR_MS};

/// A deviation from the peg, or a threshold, in basis points (1 bp = 0.01%).
pub type Bps = u32;

/// How many hourly buckets the rolling volume window holds.
pub const WINDOW_HOURS: u32 = 24;

/// The longest allowed `sustain_period` or `recovery_period`: seven days, in milliseconds.
/// Longer values are almost certainly a unit mistake (seconds taken for milliseconds).
pub const MAX_PERIOD: Moment = 7 * 24 * HOUR_MS;

/// The highest allowed threshold: 10 000 bps (100%).
pub const MAX_THRESHOLD_BPS: Bps = 10_000;

/// The longest reason a pause or unpause may carry, in bytes.
pub const MAX_REASON_LEN: u32 = 256;

/// Why an operation was paused or unpaused: free text (UTF-8 by convention), at most
/// [`MAX_REASON_LEN`] bytes, never empty.
pub type Reason = BoundedVec<u8, ConstU32<MAX_REASON_LEN>>;

/// The alert level of the peg breaker, from calm to halted. Ordered: `Normal < Watch <
/// SupplyAdjustment < Liquidity < Halt`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub enum Level {
	/// Deviation within the watch threshold: no action.
	#[default]
	Normal,
	/// Deviation above the watch threshold: alert only (arbitrage is expected to correct it).
	Watch,
	/// Deviation above the supply-adjustment threshold for at least the sustain period: the
	/// issuer's mint/burn levers are flagged.
	SupplyAdjustment,
	/// Deviation above the liquidity threshold: emergency liquidity is flagged.
	Liquidity,
	/// Deviation above the halt threshold: by default transfers and mints are suspended;
	/// redemptions always continue.
	Halt,
}

impl Level {
	/// Every level, from lowest to highest.
	pub const ALL: [Level; 5] =
		[Level::Normal, Level::Watch, Level::SupplyAdjustment, Level::Liquidity, Level::Halt];

	/// Position in [`Level::ALL`] (0 for `Normal` to 4 for `Halt`).
	pub const fn index(self) -> usize {
		match self {
			Level::Normal => 0,
			Level::Watch => 1,
			Level::SupplyAdjustment => 2,
			Level::Liquidity => 3,
			Level::Halt => 4,
		}
	}

	/// The level one step below (`Normal` stays `Normal`).
	pub const fn lower(self) -> Level {
		match self {
			Level::Normal | Level::Watch => Level::Normal,
			Level::SupplyAdjustment => Level::Watch,
			Level::Liquidity => Level::SupplyAdjustment,
			Level::Halt => Level::Liquidity,
		}
	}
}

/// The deviation thresholds, in basis points of absolute deviation from the peg. A level's
/// condition is "deviation strictly above its threshold"; the thresholds must be strictly
/// increasing, the first positive and the last at most [`MAX_THRESHOLD_BPS`].
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct Thresholds {
	/// Above this, `Watch` (default 50 bps = 0.5%).
	pub watch: Bps,
	/// Above this for `sustain_period`, `SupplyAdjustment` (default 100 bps = 1%).
	pub supply_adjustment: Bps,
	/// Above this, `Liquidity` (default 200 bps = 2%).
	pub liquidity: Bps,
	/// Above this, `Halt` (default 500 bps = 5%).
	pub halt: Bps,
}

impl Default for Thresholds {
	fn default() -> Self {
		Thresholds { watch: 50, supply_adjustment: 100, liquidity: 200, halt: 500 }
	}
}

impl Thresholds {
	/// The threshold a deviation must exceed to enter `level` (0 for `Normal`). It is also the
	/// level's *lower threshold*: the deviation must stay at or below it for the recovery
	/// period before the level falls one step.
	pub const fn lower_threshold(&self, level: Level) -> Bps {
		match level {
			Level::Normal => 0,
			Level::Watch => self.watch,
			Level::SupplyAdjustment => self.supply_adjustment,
			Level::Liquidity => self.liquidity,
			Level::Halt => self.halt,
		}
	}

	/// Whether the thresholds are positive, strictly increasing and at most
	/// [`MAX_THRESHOLD_BPS`].
	pub const fn is_valid(&self) -> bool {
		self.watch > 0
			&& self.watch < self.supply_adjustment
			&& self.supply_adjustment < self.liquidity
			&& self.liquidity < self.halt
			&& self.halt <= MAX_THRESHOLD_BPS
	}
}

/// What the breaker does while the oracle has no fresh price for the peg series.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub enum StaleOraclePolicy {
	/// Keep the current level (no escalation, no recovery) and refuse mints. The default.
	#[default]
	KeepLevelRefuseMints,
	/// Keep the current level (no escalation, no recovery); refuse nothing extra.
	KeepLevel,
	/// Escalate to `Halt` at once (recovery then follows the usual hysteresis once a fresh
	/// price returns).
	Halt,
}

/// The governance parameters of the peg breaker.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct BreakerParameters {
	/// The deviation thresholds of the levels.
	pub thresholds: Thresholds,
	/// How long, in milliseconds, the deviation must stay continuously above
	/// `thresholds.supply_adjustment` before `SupplyAdjustment` is entered (default one hour).
	pub sustain_period: Moment,
	/// How long, in milliseconds, the deviation must stay at or below the current level's lower
	/// threshold before the level falls one step (default one hour).
	pub recovery_period: Moment,
	/// What happens while the oracle is stale.
	pub stale_oracle_policy: StaleOraclePolicy,
}

impl Default for BreakerParameters {
	fn default() -> Self {
		BreakerParameters {
			thresholds: Thresholds::default(),
			sustain_period: HOUR_MS,
			recovery_period: HOUR_MS,
			stale_oracle_policy: StaleOraclePolicy::default(),
		}
	}
}

/// Which guarded operations a level allows.
///
/// `redeem` must always be `true`: redemption is never blocked by the price breaker, since it
/// is the exit that keeps the peg credible. (A guardian may still pause redemptions manually.)
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct AllowedOperations {
	/// Whether mints may go ahead.
	pub mint: bool,
	/// Whether redemptions may go ahead (always `true` in stored policies).
	pub redeem: bool,
	/// Whether transfers may go ahead.
	pub transfer: bool,
}

impl AllowedOperations {
	/// Everything allowed.
	pub const ALL: AllowedOperations =
		AllowedOperations { mint: true, redeem: true, transfer: true };
	/// Only redemptions allowed (the default at `Halt`).
	pub const REDEEM_ONLY: AllowedOperations =
		AllowedOperations { mint: false, redeem: true, transfer: false };

	/// Whether `operation` is allowed.
	pub const fn allows(&self, operation: GuardedOperation) -> bool {
		match operation {
			GuardedOperation::Mint => self.mint,
			GuardedOperation::Redeem => self.redeem,
			GuardedOperation::Transfer => self.transfer,
		}
	}
}

/// The policy of every level, indexed by [`Level::index`].
pub type LevelPolicies = [AllowedOperations; 5];

/// The policy of `level` in `policies`.
pub const fn policy_of(policies: &LevelPolicies, level: Level) -> &AllowedOperations {
	// Constant indices into a five-element array: checked at compile time.
	match level {
		Level::Normal => &policies[0],
		Level::Watch => &policies[1],
		Level::SupplyAdjustment => &policies[2],
		Level::Liquidity => &policies[3],
		Level::Halt => &policies[4],
	}
}

/// The policy of `level` in `policies`, for changing it.
pub fn policy_of_mut(policies: &mut LevelPolicies, level: Level) -> &mut AllowedOperations {
	match level {
		Level::Normal => &mut policies[0],
		Level::Watch => &mut policies[1],
		Level::SupplyAdjustment => &mut policies[2],
		Level::Liquidity => &mut policies[3],
		Level::Halt => &mut policies[4],
	}
}

/// The default policies: everything allowed below `Halt`; only redemptions at `Halt`.
pub const DEFAULT_LEVEL_POLICIES: LevelPolicies = [
	AllowedOperations::ALL,
	AllowedOperations::ALL,
	AllowedOperations::ALL,
	AllowedOperations::ALL,
	AllowedOperations::REDEEM_ONLY,
];

/// Why the breaker is at its current level.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub enum LevelCause {
	/// The level the chain started at.
	#[default]
	Genesis,
	/// Set by the deviation observed at the transition, in signed basis points.
	Deviation(i32),
	/// Set because the oracle went stale under [`StaleOraclePolicy::Halt`].
	StaleOracle,
}

/// The peg breaker's state: its level, since when and why, and its clocks.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct BreakerState {
	/// The current level.
	pub level: Level,
	/// When the current level was entered.
	pub since: Moment,
	/// Why the current level was entered.
	pub cause: LevelCause,
	/// The sustain clock: since when the deviation has been continuously above the
	/// supply-adjustment threshold (`None` when it is not).
	pub above_supply_since: Option<Moment>,
	/// The recovery clock: since when the deviation has stayed at or below the current
	/// level's lower threshold (`None` when it is not, and always at `Normal`).
	pub below_since: Option<Moment>,
	/// The last fresh deviation observed, in signed basis points (`None` before the first).
	pub last_deviation_bps: Option<i32>,
	/// Whether the oracle had no fresh price at the last observation. `true` at genesis: no
	/// price has been seen yet, and "no price" is never "on peg".
	pub oracle_stale: bool,
}

impl Default for BreakerState {
	fn default() -> Self {
		BreakerState {
			level: Level::Normal,
			since: 0,
			cause: LevelCause::Genesis,
			above_supply_since: None,
			below_since: None,
			last_deviation_bps: None,
			oracle_stale: true,
		}
	}
}

/// A manual pause of one operation.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct PauseInfo<AccountId> {
	/// Who paused it.
	pub by: Actor<AccountId>,
	/// When.
	pub at: Moment,
	/// Why.
	pub reason: Reason,
}

/// Whether the reserve breaker also refuses mints while a reserve quality alert lasts
/// (`pallet-reserves`' liquidity and concentration targets). Off by default: the alerts only
/// inform until governance decides they should stop new supply.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct ReserveQualityPolicy {
	/// Refuse mints while the cash-like share of eligible reserves is at or below its target.
	pub refuse_mints_on_low_liquidity: bool,
	/// Refuse mints while the largest custodian's share is at or above its target.
	pub refuse_mints_on_concentration: bool,
}

/// The coin's wind-down, while it lasts: no new mints, transfers and redemptions go on, and
/// redemptions are not volume-limited.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct WindDownInfo<AccountId> {
	/// Who entered it (governance).
	pub by: Actor<AccountId>,
	/// When.
	pub since: Moment,
	/// Why (the board's resolution, the supervisor's order).
	pub reason: Reason,
}

/// The wind-down as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct WindDownView {
	/// When the coin entered wind-down.
	pub since: Moment,
	/// Why.
	pub reason: Vec<u8>,
}

/// Volume limits of one operation, in the stablecoin's smallest unit. `None` means unlimited;
/// a limit is never zero (pause the operation instead).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct VolumeLimits<Balance> {
	/// The most that may be moved in one block.
	pub per_block: Option<Balance>,
	/// The most that may be moved in the rolling 24-hour window.
	pub per_day: Option<Balance>,
}

/// The volume recorded for one operation.
///
/// The rolling window is [`WINDOW_HOURS`] hourly buckets in a ring: the bucket of hour `h`
/// (hours since the Unix epoch) is `buckets[h % 24]`. The window at hour `h` holds the
/// volume recorded during hours `h - 23 ..= h`, i.e. between 23 and 24 hours of history: a
/// volume recorded at any time during hour `h` stops counting when hour `h + 24` starts.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct VolumeState<Balance, BlockNumber> {
	/// The block whose volume `block_total` holds.
	pub block: BlockNumber,
	/// The volume recorded in `block`.
	pub block_total: Balance,
	/// The hour (milliseconds since the epoch divided by [`HOUR_MS`]) that the window was
	/// last rolled to.
	pub hour: u64,
	/// Volume per hour, by `hour % 24`.
	pub buckets: [Balance; WINDOW_HOURS as usize],
	/// The sum of `buckets`.
	pub window_total: Balance,
}

impl<Balance: Default + Copy, BlockNumber: Default> Default for VolumeState<Balance, BlockNumber> {
	fn default() -> Self {
		VolumeState {
			block: BlockNumber::default(),
			block_total: Balance::default(),
			hour: 0,
			buckets: [Balance::default(); WINDOW_HOURS as usize],
			window_total: Balance::default(),
		}
	}
}

/// Why the breaker refuses an operation now; the runtime API's answer and the source of the
/// pallet's errors.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub enum Refusal {
	/// The operation is paused manually.
	Paused,
	/// The current level's policy suspends the operation.
	SuspendedAtLevel(Level),
	/// No fresh price and the stale-oracle policy refuses mints.
	OracleStale,
	/// Mint: the attested reserves do not cover the circulating supply.
	ReserveShortfall,
	/// Mint: the reserve attestation is older than its maximum age.
	ReserveAttestationStale,
	/// Mint: no reserve attestation has taken effect.
	NoReserveAttestation,
	/// The amount would pass the per-block limit of the operation.
	BlockLimitExceeded,
	/// The amount would pass the rolling 24-hour limit of the operation.
	DailyLimitExceeded,
	/// Mint: the coin is being wound down.
	WindingDown,
	/// Mint: the reserves' liquidity is below its target and the policy refuses mints then.
	ReserveLiquidityLow,
	/// Mint: one custodian holds too much of the reserves and the policy refuses mints then.
	ReserveConcentrationHigh,
}

/// What is left under an operation's volume limits now; `None` means unlimited.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct RemainingVolume<Balance> {
	/// Left in this block.
	pub per_block: Option<Balance>,
	/// Left in the rolling 24-hour window.
	pub per_day: Option<Balance>,
}

/// The breaker's level as the runtime API returns it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct LevelView {
	/// The current level.
	pub level: Level,
	/// When it was entered.
	pub since: Moment,
	/// Why it was entered.
	pub cause: LevelCause,
	/// The last fresh deviation seen, in signed basis points.
	pub last_deviation_bps: Option<i32>,
	/// Whether the oracle is stale.
	pub oracle_stale: bool,
}

/// Every governance setting, as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ParametersView<Balance> {
	/// Thresholds, periods and stale-oracle policy.
	pub parameters: BreakerParameters,
	/// What each level allows, indexed by [`Level::index`].
	pub level_policies: LevelPolicies,
	/// Volume limits as `(operation, limits)`, for every operation.
	pub volume_limits: Vec<(GuardedOperation, VolumeLimits<Balance>)>,
}

/// A manual pause as the runtime API returns it (the events name who paused it).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PauseView {
	/// The paused operation.
	pub operation: GuardedOperation,
	/// Since when.
	pub since: Moment,
	/// Why.
	pub reason: Vec<u8>,
}
