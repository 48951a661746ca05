//! # Reserves pallet
//!
//! The USDX chain's proof of reserve: independent attestors publish what backs the supply, the
//! chain derives the backing figures from it, and the reserve cap that minting cannot pass.
//!
//! ## Overview
//!
//! Reserve attestors (independent accountants appointed by governance) publish *attestations*:
//! the reserves as of a date, broken down per asset category and per custodian, with their
//! declared total, the period the report covers and the hash of the signed report document.
//! Once a quorum of distinct attestors has published the *identical* report it becomes the
//! *effective* attestation. From it and the issuer's liabilities (circulating supply plus
//! pending redemptions, [`Config::Supply`]) the chain computes the eligible reserves (after
//! per-category haircuts), the backing ratio, the liquidity ratio, the largest custodian's share
//! and the age of the attestation ([`ReserveFigures`], through the
//! [runtime API](runtime_api::ReservesApi)).
//!
//! The pallet implements [`ReserveCap`](stablecoin_primitives::ReserveCap): the stablecoin
//! pallet and the circuit breaker ask it how much new supply the reserves still cover
//! (`headroom`: eligible reserves minus liabilities), whether the attestation is fresh, and the
//! [`ReserveStatus`].
//!
//! ## Primary features
//!
//! - **Quorum of identical reports.** A report counts only when [`Quorum`] distinct attestors
//!   published exactly the same content (same content hash). An attestor cannot approve twice.
//!   A different report for the same date while another is pending or effective is kept as a
//!   separate candidate and announced with [`Event::ConflictingAttestation`]: visible, never
//!   overwriting. When a candidate reaches quorum, candidates for the same or an earlier date
//!   are dropped; a report older than the effective one is refused.
//! - **No attestor can jam the pending list.** The attestor that first submits a report
//!   *proposes* it; each attestor may have at most [`Config::MaxPendingPerAttestor`] proposals
//!   pending ([`Error::TooManyPendingFromAttestor`] beyond that), while approving someone
//!   else's report is never limited. The integrity test requires
//!   `MaxPendingReports >= MaxAttestors × MaxPendingPerAttestor`, so the list always has room
//!   for an attestor within its own limit: a rogue or stolen key can fill only its own share,
//!   never make [`Error::TooManyPending`] refuse an honest attestor.
//! - **Only eligible reserves back the supply.** Each eligible category counts after its
//!   haircut ([`Haircuts`]); [`AssetCategory::Other`] always counts zero.
//! - **Status watched every block.** The hooks compare the status with the last one and emit
//!   exactly one event per change: [`Event::ReserveShortfall`], [`Event::AttestationStale`] or
//!   [`Event::ReservesRestored`].
//! - **Quality alerts.** When an attestation takes effect or a haircut or target changes, the
//!   liquidity ratio and the largest custodian's share are compared with their targets and
//!   [`QualityAlerts`] changes with one event per alert ([`Event::LiquidityBelowTarget`] /
//!   [`Event::LiquidityRestored`], [`Event::ConcentrationAboveTarget`] /
//!   [`Event::ConcentrationRestored`]); the circuit breaker can refuse mints on them.
//! - **Separation of duties.** Governance ([`Config::GovernanceOrigin`]) appoints attestors and
//!   sets parameters, with events naming who acted and the old and new values ([`Actor`]);
//!   attestors, as signed accounts, only publish reports, for free exactly when the submission
//!   would succeed (`#[pallet::feeless_if]` runs the same checks as the call, the per-attestor
//!   limit included): a refused report, or a conflicting candidate beyond the attestor's limit,
//!   pays its fee. Nobody can edit or remove an effective attestation.
//! - **Exact integer arithmetic.** Amounts are [`Config::Balance`] in the stablecoin's smallest
//!   unit (`u128` in the runtime, as for the stablecoin and the breaker); sums are checked,
//!   haircuts and ratios use `Perbill` / `FixedU128` with explicit rounding, safe far beyond
//!   10¹⁵ USD (10²¹ units) with `u128`.
//!
//! ## Example
//!
//! A 2-of-3 attestation that takes effect on the second identical report (the unit test
//! `two_of_three_takes_effect_on_the_second_identical_report`):
//!
#![doc = docify::embed!("src/tests/quorum.rs", two_of_three_takes_effect_on_the_second_identical_report)]
//!
//! ## Low-level details
//!
//! - Time is `frame_support::traits::UnixTime` ([`Config::Time`]) in milliseconds. The
//!   attestation's age is `now − as_of`; it is stale when the age exceeds [`MaxAge`].
//! - Status, in order: `NoAttestation` without an effective attestation, `Stale` when too old,
//!   `Shortfall` when the liabilities (circulating supply plus pending redemptions) exceed the
//!   eligible reserves, otherwise `Backed`. Headroom is `eligible − liabilities` when `Backed`,
//!   else zero. The events and figures name the liabilities `supply`.
//! - Liquidity ratio: cash-like eligible reserves (cash and deposits plus overnight reverse
//!   repo, after haircuts) over eligible reserves, rounded down. Concentration: the largest
//!   custodian's amount over the declared total, rounded up. Both round against the issuer.
//! - The status is checked in `on_initialize`, in `on_finalize` and after every call that can
//!   change it, each time with O(1) reads; [`LastStatus`] therefore matches the status computed
//!   at the end of every block.
//! - Quorum: at least 1 and, when there are attestors, at most their number; an attestor
//!   cannot be removed if fewer than the quorum would remain (add the replacement first).
//!   Lowering the quorum does not promote a pending report by itself: the next identical
//!   submission does.
//! - Proposer: the first entry of a pending report's `approvals` (approvals are only appended,
//!   in order), so [`PendingReport`] needs no extra field. An attestor's proposals are counted
//!   from the bounded pending list at each new proposal, with no counter in storage: a report
//!   that leaves the list (quorum reached, dropped as superseded by a newer effective
//!   attestation, discarded by governance, or dropped with its proposer) frees its proposer's
//!   room at once. The limit applies only to a report that would wait in the list: at quorum 1
//!   a report takes effect at once.
//! - Removing an attestor drops the pending reports it proposed, with every approval they had
//!   (a co-signer that still holds such a report true proposes it again), and withdraws its
//!   approvals of the others. A removed, perhaps rogue, attestor thus leaves no proposal behind
//!   that no current attestor answers for, and every proposer stays a current attestor within
//!   its limit: the bound above keeps holding when governance replaces attestors.
//! - Storage: attestors, pending candidates (at most [`Config::MaxPendingReports`]) and
//!   parameters are single values; the history is a ring of at most [`Config::MaxHistory`]
//!   records keyed by `sequence % MaxHistory`; the effective record is also kept alone for O(1)
//!   reads.
//! - Invariants, checked by `try_state` (and after every unit test): attestors sorted, unique
//!   and bounded; quorum valid; the effective attestation's totals consistent and equal to the
//!   newest history record; history and pending within bounds; each pending report proposed by
//!   a current attestor with at most [`Config::MaxPendingPerAttestor`] proposals; `Other`
//!   counts zero; the last status equals the status computed now; the quality alerts are
//!   those of the effective attestation against the targets.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]

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

use frame_support::BoundedVec;
use stablecoin_primitives::{Actor, ReserveQuality, ReserveStatus};

/// Who performed a privileged action, in runtime `T`.
pub type ActorOf<T> = Actor<<T as frame_system::Config>::AccountId>;
/// An amount of the stablecoin in runtime `T`.
pub type BalanceOf<T> = <T as Config>::Balance;
/// The amount one custodian holds, in runtime `T`.
pub type HoldingOf<T> = Holding<BalanceOf<T>>;
/// The custodian holdings of one attestation, bounded by [`Config::MaxCustodians`].
pub type CustodiansOf<T> = BoundedVec<HoldingOf<T>, <T as Config>::MaxCustodians>;
/// A list of attestors, bounded by [`Config::MaxAttestors`].
pub type AttestorsOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxAttestors>;
/// An attestation as submitted and stored in runtime `T`.
pub type AttestationOf<T> = Attestation<CustodiansOf<T>, BalanceOf<T>>;
/// An effective attestation record as stored in runtime `T`.
pub type AttestationRecordOf<T> = AttestationRecord<CustodiansOf<T>, AttestorsOf<T>, BalanceOf<T>>;
/// A pending report as stored in runtime `T`.
pub type PendingReportOf<T> = PendingReport<CustodiansOf<T>, AttestorsOf<T>, BalanceOf<T>>;
/// The pending reports, bounded by [`Config::MaxPendingReports`].
pub type PendingListOf<T> = BoundedVec<PendingReportOf<T>, <T as Config>::MaxPendingReports>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::Perbill;

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

		/// Small bounds for unit tests, so that limits are easy to reach: 5 attestors with 2
		/// pending proposals each fill the 10 pending slots exactly.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type Balance = u128;
			type MaxAttestors = ConstU32<5>;
			type MaxCustodians = ConstU32<4>;
			type MaxHistory = ConstU32<3>;
			type MaxPendingReports = ConstU32<10>;
			type MaxPendingPerAttestor = ConstU32<2>;
			type WeightInfo = ();
		}
	}

	/// Configuration of the pallet.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Governance: appoints and removes attestors and sets the parameters.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Wall-clock time (`pallet_timestamp::Pallet` in the runtime), read as milliseconds
		/// since the Unix epoch.
		#[pallet::no_default]
		type Time: UnixTime;

		/// Amounts of the stablecoin, in its smallest unit (`u128` in the runtime).
		type Balance: stablecoin_primitives::Amount;

		/// The issuer's liabilities, which the reserves must cover: circulating supply plus
		/// pending redemptions (burned, not yet paid out). The headroom is eligible reserves
		/// minus these liabilities.
		#[pallet::no_default]
		type Supply: stablecoin_primitives::Supply<Self::Balance>;

		/// The most attestors there may be.
		#[pallet::constant]
		type MaxAttestors: Get<u32>;

		/// The most custodians one attestation may list.
		#[pallet::constant]
		type MaxCustodians: Get<u32>;

		/// How many effective attestations are kept for regulators (the newest ones).
		#[pallet::constant]
		type MaxHistory: Get<u32>;

		/// The most distinct candidate reports that may await their quorum at once. Must be at
		/// least `MaxAttestors × MaxPendingPerAttestor` (integrity test), so that the list
		/// always has room for an attestor within its own limit.
		#[pallet::constant]
		type MaxPendingReports: Get<u32>;

		/// The most pending reports one attestor may have proposed (submitted first) at once.
		/// Positive. Approving another attestor's pending report is not limited.
		#[pallet::constant]
		type MaxPendingPerAttestor: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// The default quorum: one attestor.
	#[pallet::type_value]
	pub fn DefaultQuorum() -> u32 {
		1
	}

	/// The default maximum age: [`DEFAULT_MAX_AGE`].
	#[pallet::type_value]
	pub fn DefaultMaxAge() -> Moment {
		DEFAULT_MAX_AGE
	}

	/// The status before any check: no attestation.
	#[pallet::type_value]
	pub fn DefaultStatus() -> ReserveStatus {
		ReserveStatus::NoAttestation
	}

	/// The reserve attestors, sorted, each once.
	#[pallet::storage]
	pub type Attestors<T: Config> = StorageValue<_, AttestorsOf<T>, ValueQuery>;

	/// Distinct attestors that must publish the identical report before it takes effect.
	#[pallet::storage]
	pub type Quorum<T> = StorageValue<_, u32, ValueQuery, DefaultQuorum>;

	/// The age (milliseconds) past which the effective attestation is stale.
	#[pallet::storage]
	pub type MaxAge<T> = StorageValue<_, Moment, ValueQuery, DefaultMaxAge>;

	/// Haircuts per eligible asset category.
	#[pallet::storage]
	pub type CategoryHaircuts<T> = StorageValue<_, Haircuts, ValueQuery>;

	/// Liquidity and concentration targets.
	#[pallet::storage]
	pub type ReserveThresholds<T> = StorageValue<_, Thresholds, ValueQuery>;

	/// The effective attestation: the newest that reached its quorum.
	#[pallet::storage]
	pub type Effective<T: Config> = StorageValue<_, AttestationRecordOf<T>>;

	/// The newest [`Config::MaxHistory`] effective attestations, by `sequence % MaxHistory`.
	#[pallet::storage]
	pub type History<T: Config> = StorageMap<_, Twox64Concat, u32, AttestationRecordOf<T>>;

	/// The sequence number the next effective attestation gets (= how many took effect).
	#[pallet::storage]
	pub type NextSequence<T> = StorageValue<_, u64, ValueQuery>;

	/// Candidate reports awaiting their quorum, in order of first submission.
	#[pallet::storage]
	pub type Pending<T: Config> = StorageValue<_, PendingListOf<T>, ValueQuery>;

	/// The status at the last check (see the hooks).
	#[pallet::storage]
	pub type LastStatus<T> = StorageValue<_, ReserveStatus, ValueQuery, DefaultStatus>;

	/// The quality alerts of the effective attestation against the targets: recomputed when
	/// an attestation takes effect or a haircut or target changes (the only things they
	/// depend on), with an event per change.
	#[pallet::storage]
	pub type QualityAlerts<T> = StorageValue<_, ReserveQuality, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account became a reserve attestor.
		AttestorAdded { attestor: T::AccountId, by: ActorOf<T> },
		/// An account stopped being a reserve attestor. The `dropped` pending reports it had
		/// proposed left the list with all their approvals; its approvals of `withdrawn` other
		/// pending reports were withdrawn.
		AttestorRemoved { attestor: T::AccountId, withdrawn: u32, dropped: u32, by: ActorOf<T> },
		/// The quorum changed.
		QuorumSet { old: u32, new: u32, by: ActorOf<T> },
		/// The maximum age of the effective attestation changed.
		MaxAgeSet { old: Moment, new: Moment, by: ActorOf<T> },
		/// The haircut on an asset category changed.
		HaircutSet { category: AssetCategory, old: Perbill, new: Perbill, by: ActorOf<T> },
		/// The liquidity and concentration targets changed.
		ThresholdsSet { old: Thresholds, new: Thresholds, by: ActorOf<T> },
		/// Governance discarded a pending report.
		PendingDiscarded { hash: H256, by: ActorOf<T> },
		/// An attestor published a report; it has `approvals` of the `quorum` it needs.
		AttestationSubmitted {
			hash: H256,
			as_of: Moment,
			attestor: T::AccountId,
			approvals: u32,
			quorum: u32,
		},
		/// A report differs from another one pending or effective for the same date and period.
		/// Both stay visible; neither overwrites the other.
		ConflictingAttestation {
			hash: H256,
			conflicts_with: H256,
			as_of: Moment,
			attestor: T::AccountId,
		},
		/// A report reached its quorum and is now the effective attestation. `dropped` pending
		/// candidates for the same or an earlier date were discarded.
		AttestationEffective {
			hash: H256,
			sequence: u64,
			as_of: Moment,
			total: BalanceOf<T>,
			eligible: BalanceOf<T>,
			dropped: u32,
		},
		/// The liabilities (circulating supply plus pending redemptions), `supply`, exceed the
		/// eligible reserves.
		ReserveShortfall { supply: BalanceOf<T>, eligible: BalanceOf<T> },
		/// The effective attestation is older than the maximum age.
		AttestationStale { as_of: Moment, age: Moment },
		/// The reserves are fresh and cover the liabilities (circulating supply plus pending
		/// redemptions), `supply`, again (or for the first time).
		ReservesRestored { supply: BalanceOf<T>, eligible: BalanceOf<T> },
		/// The cash-like share of eligible reserves fell to or below its target.
		LiquidityBelowTarget { liquidity: Perbill, target: Perbill },
		/// The cash-like share of eligible reserves is above its target again.
		LiquidityRestored { liquidity: Perbill, target: Perbill },
		/// The largest custodian's share of the reserves rose to or above its target.
		ConcentrationAboveTarget { largest_share: Perbill, target: Perbill },
		/// The largest custodian's share of the reserves is below its target again.
		ConcentrationRestored { largest_share: Perbill, target: Perbill },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer is not a reserve attestor.
		NotAttestor,
		/// The account is already an attestor.
		AlreadyAttestor,
		/// There are already [`Config::MaxAttestors`] attestors.
		TooManyAttestors,
		/// Removing the attestor would leave fewer attestors than the quorum.
		QuorumUnreachable,
		/// The quorum must be at least 1 and at most the number of attestors.
		InvalidQuorum,
		/// The maximum age must be positive.
		ZeroMaxAge,
		/// The category never counts toward backing; its haircut cannot be set.
		IneligibleCategory,
		/// The sum of the category amounts differs from the declared total.
		CategoryTotalMismatch,
		/// The sum of the custodian amounts differs from the declared total.
		CustodianTotalMismatch,
		/// A sum of amounts overflows.
		AmountOverflow,
		/// A custodian is listed twice.
		DuplicateCustodian,
		/// The period does not satisfy `period_start <= period_end <= as_of`.
		InvalidPeriod,
		/// The as-of date is in the future.
		FutureAsOf,
		/// The report is already older than the maximum age.
		StaleAttestation,
		/// The report is older than the effective attestation.
		OlderThanEffective,
		/// The report is the effective attestation already.
		AlreadyEffective,
		/// This attestor already published this report.
		AlreadySubmitted,
		/// There are already [`Config::MaxPendingReports`] candidate reports. Unreachable while
		/// the integrity test holds (an attestor within its own limit always finds room); kept
		/// as a defence.
		TooManyPending,
		/// This attestor already proposed [`Config::MaxPendingPerAttestor`] pending reports; it
		/// may still approve other attestors' reports.
		TooManyPendingFromAttestor,
		/// No pending report has this hash.
		UnknownReport,
		/// The call needs governance (a council motion), and the origin is not it.
		NotGovernance,
	}

	/// The initial attestors, parameters and attestation.
	///
	/// Invalid entries make the genesis build panic: a chain must not start in a state that
	/// breaks the pallet's invariants.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The reserve attestors (each once, at most [`Config::MaxAttestors`]).
		pub attestors: Vec<T::AccountId>,
		/// The quorum: at least 1 and, if there are attestors, at most their number.
		pub quorum: u32,
		/// The maximum age of the effective attestation, in milliseconds (positive).
		pub max_age: Moment,
		/// Haircuts per eligible category.
		pub haircuts: Haircuts,
		/// Liquidity and concentration targets.
		pub thresholds: Thresholds,
		/// An attestation effective from genesis (no attestors named in its record), so that a
		/// development chain starts fully backed. Its age counts from its `as_of`.
		pub initial_attestation: Option<AttestationView<BalanceOf<T>>>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self {
				attestors: Vec::new(),
				quorum: DefaultQuorum::get(),
				max_age: DEFAULT_MAX_AGE,
				haircuts: Haircuts::default(),
				thresholds: Thresholds::default(),
				initial_attestation: None,
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
		/// Check the status (and emit an event if it changed); reserves the weight of the
		/// identical check in `on_finalize`.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::refresh_status();
			T::WeightInfo::on_initialize().saturating_mul(2)
		}

		/// Check the status again with this block's time and supply, so that the stored status
		/// is exact at the end of every block. Weighed in `on_initialize`.
		fn on_finalize(_n: BlockNumberFor<T>) {
			Self::refresh_status();
		}

		fn integrity_test() {
			assert!(T::MaxAttestors::get() > 0, "MaxAttestors must be positive");
			assert!(T::MaxHistory::get() > 0, "MaxHistory must be positive");
			assert!(T::MaxPendingReports::get() > 0, "MaxPendingReports must be positive");
			assert!(T::MaxPendingPerAttestor::get() > 0, "MaxPendingPerAttestor must be positive");
			// Every proposer is a current attestor with at most `MaxPendingPerAttestor`
			// proposals, so the list never holds more than this product: whoever is within
			// its own limit finds room. Saturating: a product beyond `u32` cannot be met.
			assert!(
				T::MaxPendingReports::get()
					>= T::MaxAttestors::get().saturating_mul(T::MaxPendingPerAttestor::get()),
				"MaxPendingReports must be at least MaxAttestors × MaxPendingPerAttestor"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Publish a reserve attestation. The first submission of a report makes it a pending
		/// candidate proposed by the signer; each identical submission by another attestor adds
		/// an approval; at [`Quorum`] approvals it becomes the effective attestation.
		///
		/// - Origin: signed by an attestor. Feeless exactly when the submission would succeed:
		///   the feeless check runs the call's own checks, so a new (possibly conflicting)
		///   candidate beyond the attestor's [`Config::MaxPendingPerAttestor`] pays its fee.
		/// - Emits [`Event::AttestationSubmitted`]; [`Event::ConflictingAttestation`] if another
		///   report for the same `as_of` and period is pending or effective;
		///   [`Event::AttestationEffective`] when the quorum is reached (then possibly a status
		///   event).
		/// - Errors: `BadOrigin` if not signed; [`Error::NotAttestor`];
		///   [`Error::CategoryTotalMismatch`]; [`Error::CustodianTotalMismatch`];
		///   [`Error::AmountOverflow`]; [`Error::DuplicateCustodian`]; [`Error::InvalidPeriod`];
		///   [`Error::FutureAsOf`]; [`Error::StaleAttestation`]; [`Error::OlderThanEffective`];
		///   [`Error::AlreadyEffective`]; [`Error::AlreadySubmitted`] if this attestor already
		///   published this report; [`Error::TooManyPendingFromAttestor`] if a new candidate
		///   would exceed the signer's proposals (approving is not limited);
		///   [`Error::TooManyPending`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_attestation())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, attestation: &AttestationOf<T>| -> bool {
			Pallet::<T>::is_feeless_submission(origin, attestation)
		})]
		pub fn submit_attestation(
			origin: OriginFor<T>,
			attestation: AttestationOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_attestation(who, attestation)
		}

		/// Appoint a reserve attestor.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::AttestorAdded`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::AlreadyAttestor`];
		///   [`Error::TooManyAttestors`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::add_attestor())]
		pub fn add_attestor(origin: OriginFor<T>, attestor: T::AccountId) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_add_attestor(attestor, by)
		}

		/// Remove a reserve attestor: drop the pending reports it proposed (with all their
		/// approvals) and withdraw its approvals of the other pending reports.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::AttestorRemoved`] with the numbers of approvals withdrawn and
		///   reports dropped.
		/// - Errors: [`Error::NotGovernance`]; [`Error::NotAttestor`]; [`Error::QuorumUnreachable`]
		///   if fewer attestors than the quorum would remain.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::remove_attestor())]
		pub fn remove_attestor(origin: OriginFor<T>, attestor: T::AccountId) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_remove_attestor(attestor, by)
		}

		/// Set the quorum.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::QuorumSet`] with the old and new values.
		/// - Errors: [`Error::NotGovernance`]; [`Error::InvalidQuorum`] unless `1 <= quorum <=
		///   attestors`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_quorum())]
		pub fn set_quorum(origin: OriginFor<T>, quorum: u32) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_quorum(quorum, by)
		}

		/// Set the age (milliseconds) past which the effective attestation is stale.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::MaxAgeSet`] with the old and new values, then possibly a status
		///   event.
		/// - Errors: [`Error::NotGovernance`]; [`Error::ZeroMaxAge`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::set_max_age())]
		pub fn set_max_age(origin: OriginFor<T>, max_age: Moment) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_max_age(max_age, by)
		}

		/// Set the haircut on an eligible asset category.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::HaircutSet`] with the old and new values, then possibly a status
		///   event and quality-alert events.
		/// - Errors: [`Error::NotGovernance`]; [`Error::IneligibleCategory`] for
		///   [`AssetCategory::Other`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::set_haircut())]
		pub fn set_haircut(
			origin: OriginFor<T>,
			category: AssetCategory,
			haircut: Perbill,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_haircut(category, haircut, by)
		}

		/// Set the liquidity and concentration targets.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::ThresholdsSet`] with the old and new values, then an alert event
		///   for each target the effective attestation starts or stops missing.
		/// - Errors: [`Error::NotGovernance`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::set_thresholds())]
		pub fn set_thresholds(origin: OriginFor<T>, thresholds: Thresholds) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_thresholds(thresholds, by)
		}

		/// Discard a pending report (for example a conflicting candidate once resolved off
		/// chain); its proposer may then propose another.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::PendingDiscarded`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::UnknownReport`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::discard_pending())]
		pub fn discard_pending(origin: OriginFor<T>, hash: H256) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_discard_pending(hash, by)
		}
	}
}
