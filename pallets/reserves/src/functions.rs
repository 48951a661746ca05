//! The pallet's logic, outside the macro: the `do_*` helpers behind each call, the validation
//! of reports, the derived figures and status, and the read helpers behind the runtime API.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult, Get},
};
use frame_system::pallet_prelude::OriginFor;
use sp_core::H256;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, BlakeTwo256, Bounded, CheckedAdd, Hash, Saturating, Zero},
	FixedPointNumber, FixedU128, PerThing, Perbill, Rounding,
};
use stablecoin_primitives::Supply;

/// What a valid submission does.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) enum Submission {
	/// Add an approval to the pending report at this index of [`Pending`].
	Approve { index: usize, reaches_quorum: bool },
	/// A report not seen before; `conflicts_with` names a pending or effective report for the
	/// same date or period with a different content.
	New { reaches_quorum: bool, conflicts_with: Option<H256> },
}

/// The inputs of the status, read once.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct Snapshot<Balance> {
	/// Date of the effective attestation.
	pub as_of: Moment,
	/// Its age now (zero if `as_of` is ahead of the clock).
	pub age: Moment,
	/// Whether the age exceeds the maximum age.
	pub stale: bool,
	/// Eligible reserves after haircuts.
	pub eligible: Balance,
	/// The liabilities: circulating supply plus pending redemptions ([`Config::Supply`]).
	pub supply: Balance,
}

impl<Balance: AtLeast32BitUnsigned + Copy> Snapshot<Balance> {
	/// The status these inputs give.
	pub fn status(&self) -> ReserveStatus {
		if self.stale {
			ReserveStatus::Stale
		} else if self.supply > self.eligible {
			ReserveStatus::Shortfall
		} else {
			ReserveStatus::Backed
		}
	}

	/// New supply the reserves still cover, eligible reserves minus liabilities: zero unless
	/// backed.
	pub fn headroom(&self) -> Balance {
		match self.status() {
			// Backed means `eligible >= supply`, so this never saturates.
			ReserveStatus::Backed => self.eligible.saturating_sub(self.supply),
			_ => Balance::zero(),
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Check the governance origin and say who it is: refused with [`Error::NotGovernance`].
	pub(crate) fn ensure_governance(origin: OriginFor<T>) -> Result<ActorOf<T>, DispatchError> {
		Actor::ensure_by::<T::GovernanceOrigin, _>(origin)
			.map_err(|_| Error::<T>::NotGovernance.into())
	}

	/// The content hash of a report: BLAKE2-256 of its SCALE encoding (the same for the
	/// bounded and the `Vec` form).
	pub fn content_hash<C: codec::Encode>(attestation: &Attestation<C, BalanceOf<T>>) -> H256 {
		BlakeTwo256::hash_of(attestation)
	}

	/// Whether `who` is a reserve attestor.
	pub fn is_attestor(who: &T::AccountId) -> bool {
		Attestors::<T>::get().binary_search(who).is_ok()
	}

	/// The quorum rule: at least 1 and at most the number of attestors (or 1 when there are
	/// none, which only a chain without attestors has).
	pub fn is_valid_quorum(quorum: u32, attestors: u32) -> bool {
		quorum >= 1 && quorum <= attestors.max(1)
	}

	// ---- reports ---------------------------------------------------------------------------

	/// Check the content of a report on its own: totals, custodians and period. `custodians`
	/// is `attestation.custodians` as a slice.
	pub fn validate_report<C>(
		attestation: &Attestation<C, BalanceOf<T>>,
		custodians: &[HoldingOf<T>],
	) -> Result<(), Error<T>> {
		let categories = attestation.amounts.total().ok_or(Error::<T>::AmountOverflow)?;
		ensure!(categories == attestation.total, Error::<T>::CategoryTotalMismatch);
		let held = custodians
			.iter()
			.try_fold(BalanceOf::<T>::zero(), |sum, (_, amount)| sum.checked_add(amount))
			.ok_or(Error::<T>::AmountOverflow)?;
		ensure!(held == attestation.total, Error::<T>::CustodianTotalMismatch);
		// At most `MaxCustodians` entries: a bounded quadratic scan.
		for (i, (custodian, _)) in custodians.iter().enumerate() {
			ensure!(
				!custodians[..i].iter().any(|(other, _)| other == custodian),
				Error::<T>::DuplicateCustodian
			);
		}
		ensure!(
			attestation.period_start <= attestation.period_end
				&& attestation.period_end <= attestation.as_of,
			Error::<T>::InvalidPeriod
		);
		Ok(())
	}

	/// The attestor that proposed a pending report: the first to publish it, kept as the first
	/// of its approvals (approvals are only appended; a report whose proposer is removed is
	/// dropped). `None` only for a report without approvals, which the pallet never stores.
	pub fn proposer(report: &PendingReportOf<T>) -> Option<&T::AccountId> {
		report.approvals.first()
	}

	/// How many of the `pending` reports `who` proposed. At most `MaxPendingReports`
	/// iterations.
	pub(crate) fn proposals_of(who: &T::AccountId, pending: &[PendingReportOf<T>]) -> u32 {
		let count = pending.iter().filter(|report| Self::proposer(report) == Some(who)).count();
		// At most `MaxPendingReports`, a `u32`.
		u32::try_from(count).unwrap_or(u32::MAX)
	}

	/// Whether two reports are for the same date or the same period.
	fn same_subject<A, B>(
		a: &Attestation<A, BalanceOf<T>>,
		b: &Attestation<B, BalanceOf<T>>,
	) -> bool {
		a.as_of == b.as_of || (a.period_start, a.period_end) == (b.period_start, b.period_end)
	}

	/// Everything `submit_attestation` checks, without writing: what the submission of
	/// `attestation` by `who` would do, with the report's content hash. The feeless check runs
	/// this too, so a submission is feeless exactly when it would succeed; in particular a new
	/// candidate (conflicting or not) beyond the attestor's [`Config::MaxPendingPerAttestor`]
	/// proposals is refused and pays.
	pub(crate) fn check_submission(
		who: &T::AccountId,
		attestation: &AttestationOf<T>,
	) -> Result<(H256, Submission), DispatchError> {
		ensure!(Self::is_attestor(who), Error::<T>::NotAttestor);
		Self::validate_report(attestation, &attestation.custodians)?;
		let now = stablecoin_primitives::now::<T::Time>();
		ensure!(attestation.as_of <= now, Error::<T>::FutureAsOf);
		// `as_of <= now`, checked just above.
		ensure!(now.saturating_sub(attestation.as_of) <= MaxAge::<T>::get(), {
			Error::<T>::StaleAttestation
		});

		let hash = Self::content_hash(attestation);
		let effective = Effective::<T>::get();
		if let Some(record) = &effective {
			ensure!(record.hash != hash, Error::<T>::AlreadyEffective);
			ensure!(attestation.as_of >= record.attestation.as_of, Error::<T>::OlderThanEffective);
		}

		let quorum = Quorum::<T>::get() as usize;
		let pending = Pending::<T>::get();
		if let Some(index) = pending.iter().position(|report| report.hash == hash) {
			let approvals = &pending[index].approvals;
			ensure!(!approvals.contains(who), Error::<T>::AlreadySubmitted);
			// Approvals are distinct attestors, so fewer than `MaxAttestors` here.
			let reaches_quorum = approvals.len().saturating_add(1) >= quorum;
			return Ok((hash, Submission::Approve { index, reaches_quorum }));
		}

		// A report at quorum 1 takes effect at once and never waits in the list: no limit.
		let reaches_quorum = quorum <= 1;
		if !reaches_quorum {
			ensure!(
				Self::proposals_of(who, &pending) < T::MaxPendingPerAttestor::get(),
				Error::<T>::TooManyPendingFromAttestor
			);
			ensure!(
				(pending.len() as u32) < T::MaxPendingReports::get(),
				Error::<T>::TooManyPending
			);
		}
		let conflicts_with = effective
			.iter()
			.filter(|record| Self::same_subject(&record.attestation, attestation))
			.map(|record| record.hash)
			.chain(
				pending
					.iter()
					.filter(|report| Self::same_subject(&report.attestation, attestation))
					.map(|report| report.hash),
			)
			.next();
		Ok((hash, Submission::New { reaches_quorum, conflicts_with }))
	}

	/// The `feeless_if` condition of `submit_attestation`: the submission would succeed.
	pub(crate) fn is_feeless_submission(
		origin: &OriginFor<T>,
		attestation: &AttestationOf<T>,
	) -> bool {
		let Ok(who) = frame_system::ensure_signed(origin.clone()) else {
			return false;
		};
		Self::check_submission(&who, attestation).is_ok()
	}

	/// Publish a report on behalf of attestor `who`.
	pub(crate) fn do_submit_attestation(
		who: T::AccountId,
		attestation: AttestationOf<T>,
	) -> DispatchResult {
		let (hash, submission) = Self::check_submission(&who, &attestation)?;
		let quorum = Quorum::<T>::get();
		let as_of = attestation.as_of;
		match submission {
			Submission::Approve { index, reaches_quorum } => {
				let mut pending = Pending::<T>::get();
				let report = pending.get_mut(index).ok_or(Error::<T>::UnknownReport)?;
				report.approvals.try_push(who.clone()).map_err(|_| Error::<T>::TooManyAttestors)?;
				let approvals = report.approvals.len() as u32;
				Self::deposit_event(Event::AttestationSubmitted {
					hash,
					as_of,
					attestor: who,
					approvals,
					quorum,
				});
				if reaches_quorum {
					let report = pending.remove(index);
					Pending::<T>::put(pending);
					Self::make_effective(hash, report.attestation, report.approvals);
				} else {
					Pending::<T>::put(pending);
				}
			}
			Submission::New { reaches_quorum, conflicts_with } => {
				Self::deposit_event(Event::AttestationSubmitted {
					hash,
					as_of,
					attestor: who.clone(),
					approvals: 1,
					quorum,
				});
				if let Some(conflicts_with) = conflicts_with {
					Self::deposit_event(Event::ConflictingAttestation {
						hash,
						conflicts_with,
						as_of,
						attestor: who.clone(),
					});
				}
				let approvals: AttestorsOf<T> = BoundedVec::try_from(alloc::vec![who])
					.map_err(|_| Error::<T>::TooManyAttestors)?;
				if reaches_quorum {
					Self::make_effective(hash, attestation, approvals);
				} else {
					Pending::<T>::try_append(PendingReport {
						hash,
						attestation,
						approvals,
						submitted_at: stablecoin_primitives::now::<T::Time>(),
					})
					.map_err(|_| Error::<T>::TooManyPending)?;
				}
			}
		}
		Ok(())
	}

	/// Make a report the effective attestation: record it in the history, drop the pending
	/// candidates for the same or an earlier date, emit the event and check the status and the
	/// quality alerts.
	pub(crate) fn make_effective(
		hash: H256,
		attestation: AttestationOf<T>,
		attestors: AttestorsOf<T>,
	) {
		let sequence = NextSequence::<T>::get();
		let as_of = attestation.as_of;
		let total = attestation.total;
		let eligible = Self::eligible_reserves(&attestation, &CategoryHaircuts::<T>::get());
		let record = AttestationRecord {
			sequence,
			hash,
			attestation,
			attestors,
			effective_at: stablecoin_primitives::now::<T::Time>(),
		};
		History::<T>::insert(Self::history_slot(sequence), &record);
		Effective::<T>::put(record);
		// 2^64 attestations cannot happen; saturating keeps the code panic-free.
		NextSequence::<T>::put(sequence.saturating_add(1));

		let mut dropped: u32 = 0;
		Pending::<T>::mutate(|pending| {
			pending.retain(|report| {
				let keep = report.attestation.as_of > as_of;
				if !keep && report.hash != hash {
					dropped = dropped.saturating_add(1);
				}
				keep
			})
		});
		Self::deposit_event(Event::AttestationEffective {
			hash,
			sequence,
			as_of,
			total,
			eligible,
			dropped,
		});
		Self::refresh_quality();
		Self::refresh_status();
	}

	/// The history slot of the record with `sequence`.
	pub fn history_slot(sequence: u64) -> u32 {
		// `MaxHistory` is positive (integrity test); the remainder fits in a `u32`.
		let slot = sequence.checked_rem(u64::from(T::MaxHistory::get())).unwrap_or(0);
		u32::try_from(slot).unwrap_or(0)
	}

	// ---- governance ------------------------------------------------------------------------

	pub(crate) fn do_add_attestor(attestor: T::AccountId, by: ActorOf<T>) -> DispatchResult {
		Attestors::<T>::try_mutate(|attestors| -> DispatchResult {
			match attestors.binary_search(&attestor) {
				Ok(_) => Err(Error::<T>::AlreadyAttestor.into()),
				Err(position) => attestors
					.try_insert(position, attestor.clone())
					.map_err(|_| Error::<T>::TooManyAttestors.into()),
			}
		})?;
		Self::deposit_event(Event::AttestorAdded { attestor, by });
		Ok(())
	}

	pub(crate) fn do_remove_attestor(attestor: T::AccountId, by: ActorOf<T>) -> DispatchResult {
		Attestors::<T>::try_mutate(|attestors| -> DispatchResult {
			let position =
				attestors.binary_search(&attestor).map_err(|_| Error::<T>::NotAttestor)?;
			attestors.remove(position);
			ensure!(
				Self::is_valid_quorum(Quorum::<T>::get(), attestors.len() as u32),
				Error::<T>::QuorumUnreachable
			);
			Ok(())
		})?;
		let mut withdrawn: u32 = 0;
		let mut dropped: u32 = 0;
		Pending::<T>::mutate(|pending| {
			// Its proposals leave with it, so that every proposer is a current attestor.
			pending.retain(|report| {
				let proposed = Self::proposer(report) == Some(&attestor);
				if proposed {
					dropped = dropped.saturating_add(1);
				}
				!proposed
			});
			// Each report left has another proposer, so keeps at least one approval.
			for report in pending.iter_mut() {
				let before = report.approvals.len();
				report.approvals.retain(|a| a != &attestor);
				// At most one approval per attestor and report; `retain` never grows the list.
				let removed = before.saturating_sub(report.approvals.len());
				withdrawn = withdrawn.saturating_add(removed as u32);
			}
		});
		Self::deposit_event(Event::AttestorRemoved { attestor, withdrawn, dropped, by });
		Ok(())
	}

	pub(crate) fn do_set_quorum(quorum: u32, by: ActorOf<T>) -> DispatchResult {
		ensure!(
			Self::is_valid_quorum(quorum, Attestors::<T>::decode_len().unwrap_or(0) as u32),
			Error::<T>::InvalidQuorum
		);
		let old = Quorum::<T>::mutate(|q| core::mem::replace(q, quorum));
		Self::deposit_event(Event::QuorumSet { old, new: quorum, by });
		Ok(())
	}

	pub(crate) fn do_set_max_age(max_age: Moment, by: ActorOf<T>) -> DispatchResult {
		ensure!(max_age > 0, Error::<T>::ZeroMaxAge);
		let old = MaxAge::<T>::mutate(|m| core::mem::replace(m, max_age));
		Self::deposit_event(Event::MaxAgeSet { old, new: max_age, by });
		Self::refresh_status();
		Ok(())
	}

	pub(crate) fn do_set_haircut(
		category: AssetCategory,
		haircut: Perbill,
		by: ActorOf<T>,
	) -> DispatchResult {
		let old = CategoryHaircuts::<T>::try_mutate(|haircuts| {
			haircuts.set(category, haircut).ok_or(Error::<T>::IneligibleCategory)
		})?;
		Self::deposit_event(Event::HaircutSet { category, old, new: haircut, by });
		Self::refresh_quality();
		Self::refresh_status();
		Ok(())
	}

	pub(crate) fn do_set_thresholds(thresholds: Thresholds, by: ActorOf<T>) -> DispatchResult {
		let old = ReserveThresholds::<T>::mutate(|t| core::mem::replace(t, thresholds));
		Self::deposit_event(Event::ThresholdsSet { old, new: thresholds, by });
		Self::refresh_quality();
		Ok(())
	}

	pub(crate) fn do_discard_pending(hash: H256, by: ActorOf<T>) -> DispatchResult {
		Pending::<T>::try_mutate(|pending| -> DispatchResult {
			let index = pending
				.iter()
				.position(|report| report.hash == hash)
				.ok_or(Error::<T>::UnknownReport)?;
			pending.remove(index);
			Ok(())
		})?;
		Self::deposit_event(Event::PendingDiscarded { hash, by });
		Ok(())
	}

	// ---- figures and status ----------------------------------------------------------------

	/// Reserves of `attestation` that count toward backing: each eligible category after its
	/// haircut; [`AssetCategory::Other`] counts zero.
	pub fn eligible_reserves<C>(
		attestation: &Attestation<C, BalanceOf<T>>,
		haircuts: &Haircuts,
	) -> BalanceOf<T> {
		Self::sum_categories(attestation, haircuts, |_| true)
	}

	/// The cash-like part of the eligible reserves (cash and deposits, overnight reverse repo).
	pub fn cash_like_reserves<C>(
		attestation: &Attestation<C, BalanceOf<T>>,
		haircuts: &Haircuts,
	) -> BalanceOf<T> {
		Self::sum_categories(attestation, haircuts, AssetCategory::is_cash_like)
	}

	fn sum_categories<C>(
		attestation: &Attestation<C, BalanceOf<T>>,
		haircuts: &Haircuts,
		include: impl Fn(AssetCategory) -> bool,
	) -> BalanceOf<T> {
		AssetCategory::ALL
			.iter()
			.filter(|category| include(**category))
			.map(|category| haircuts.eligible(*category, attestation.amounts.get(*category)))
			// Each term is at most its category's amount, whose sum was checked not to
			// overflow when the report was accepted: saturation cannot happen.
			.fold(BalanceOf::<T>::zero(), |sum, amount| sum.saturating_add(amount))
	}

	/// The inputs of the status now, or `None` without an effective attestation. Reads the
	/// effective attestation, the maximum age, the haircuts, the clock and the liabilities.
	pub(crate) fn snapshot() -> Option<Snapshot<BalanceOf<T>>> {
		let record = Effective::<T>::get()?;
		Some(Self::snapshot_of(&record, &CategoryHaircuts::<T>::get()))
	}

	fn snapshot_of(record: &AttestationRecordOf<T>, haircuts: &Haircuts) -> Snapshot<BalanceOf<T>> {
		let as_of = record.attestation.as_of;
		// An `as_of` ahead of the clock (only possible at genesis) has age zero.
		let age = stablecoin_primitives::now::<T::Time>().saturating_sub(as_of);
		Snapshot {
			as_of,
			age,
			stale: age > MaxAge::<T>::get(),
			eligible: Self::eligible_reserves(&record.attestation, haircuts),
			supply: T::Supply::liabilities(),
		}
	}

	/// The status now.
	pub fn current_status() -> ReserveStatus {
		Self::snapshot().map_or(ReserveStatus::NoAttestation, |s| s.status())
	}

	/// Compare the status now with [`LastStatus`]; if it changed, store it and emit one event.
	/// Returns the status now.
	pub(crate) fn refresh_status() -> ReserveStatus {
		let snapshot = Self::snapshot();
		let status = snapshot.as_ref().map_or(ReserveStatus::NoAttestation, |s| s.status());
		if status == LastStatus::<T>::get() {
			return status;
		}
		LastStatus::<T>::put(status);
		if let Some(s) = snapshot {
			let event = match status {
				ReserveStatus::Stale => Event::AttestationStale { as_of: s.as_of, age: s.age },
				ReserveStatus::Shortfall => {
					Event::ReserveShortfall { supply: s.supply, eligible: s.eligible }
				}
				_ => Event::ReservesRestored { supply: s.supply, eligible: s.eligible },
			};
			Self::deposit_event(event);
		}
		status
	}

	/// The cash-like reserves, the liquidity ratio (cash-like over eligible, rounded down) and
	/// the largest custodian's share of the total (rounded up) of `attestation`.
	fn quality_ratios(
		attestation: &AttestationOf<T>,
		haircuts: &Haircuts,
	) -> (BalanceOf<T>, Perbill, Perbill) {
		let eligible = Self::eligible_reserves(attestation, haircuts);
		let cash_like = Self::cash_like_reserves(attestation, haircuts);
		let largest =
			attestation.custodians.iter().map(|(_, amount)| *amount).max().unwrap_or_default();
		(
			cash_like,
			ratio(cash_like, eligible, Rounding::Down),
			ratio(largest, attestation.total, Rounding::Up),
		)
	}

	/// The quality alerts of the effective attestation against the targets now (none without
	/// an attestation), with the two ratios.
	pub fn quality_now() -> (ReserveQuality, Perbill, Perbill) {
		let Some(record) = Effective::<T>::get() else {
			return (ReserveQuality::default(), Perbill::zero(), Perbill::zero());
		};
		let thresholds = ReserveThresholds::<T>::get();
		let (_, liquidity, largest_share) =
			Self::quality_ratios(&record.attestation, &CategoryHaircuts::<T>::get());
		let quality = ReserveQuality {
			liquidity_below_target: liquidity <= thresholds.min_liquidity,
			concentration_above_target: largest_share >= thresholds.max_concentration,
		};
		(quality, liquidity, largest_share)
	}

	/// Recompute the quality alerts; store them and emit one event per alert that changed.
	pub(crate) fn refresh_quality() {
		let (quality, liquidity, largest_share) = Self::quality_now();
		let old = QualityAlerts::<T>::get();
		if quality == old {
			return;
		}
		QualityAlerts::<T>::put(quality);
		let thresholds = ReserveThresholds::<T>::get();
		if quality.liquidity_below_target != old.liquidity_below_target {
			let target = thresholds.min_liquidity;
			Self::deposit_event(if quality.liquidity_below_target {
				Event::LiquidityBelowTarget { liquidity, target }
			} else {
				Event::LiquidityRestored { liquidity, target }
			});
		}
		if quality.concentration_above_target != old.concentration_above_target {
			let target = thresholds.max_concentration;
			Self::deposit_event(if quality.concentration_above_target {
				Event::ConcentrationAboveTarget { largest_share, target }
			} else {
				Event::ConcentrationRestored { largest_share, target }
			});
		}
	}

	/// The figures derived from the effective attestation and the liabilities (circulating
	/// supply plus pending redemptions) now, or `None` without an effective attestation.
	pub fn figures() -> Option<ReserveFigures<BalanceOf<T>>> {
		let record = Effective::<T>::get()?;
		let haircuts = CategoryHaircuts::<T>::get();
		let thresholds = ReserveThresholds::<T>::get();
		let snapshot = Self::snapshot_of(&record, &haircuts);
		let attestation = &record.attestation;
		let eligible = snapshot.eligible;
		let supply = snapshot.supply;
		let (cash_like, liquidity_ratio, largest_custodian_share) =
			Self::quality_ratios(attestation, &haircuts);

		let backing_ratio = (!supply.is_zero()).then(|| {
			FixedU128::checked_from_rational(eligible, supply)
				.unwrap_or(<FixedU128 as Bounded>::max_value())
		});
		Some(ReserveFigures {
			status: snapshot.status(),
			hash: record.hash,
			as_of: snapshot.as_of,
			age: snapshot.age,
			total: attestation.total,
			eligible,
			cash_like,
			supply,
			backing_ratio,
			liquidity_ratio,
			largest_custodian_share,
			headroom: snapshot.headroom(),
			meets_liquidity_target: liquidity_ratio > thresholds.min_liquidity,
			meets_concentration_target: largest_custodian_share < thresholds.max_concentration,
		})
	}

	// ---- read helpers for the runtime API --------------------------------------------------

	/// The effective attestation.
	pub fn effective_attestation() -> Option<AttestationRecordView<T::AccountId, BalanceOf<T>>> {
		Effective::<T>::get().map(AttestationRecord::into_view)
	}

	/// The kept history of effective attestations, oldest first (at most `MaxHistory`).
	pub fn attestation_history() -> Vec<AttestationRecordView<T::AccountId, BalanceOf<T>>> {
		let next = NextSequence::<T>::get();
		let first = next.saturating_sub(u64::from(T::MaxHistory::get()));
		(first..next)
			.filter_map(|sequence| History::<T>::get(Self::history_slot(sequence)))
			.map(AttestationRecord::into_view)
			.collect()
	}

	/// The pending candidate reports, in order of first submission.
	pub fn pending_reports() -> Vec<PendingReportView<T::AccountId, BalanceOf<T>>> {
		Pending::<T>::get().into_iter().map(PendingReport::into_view).collect()
	}

	/// The attestors, sorted.
	pub fn attestors() -> Vec<T::AccountId> {
		Attestors::<T>::get().into_inner()
	}

	/// The parameters set by governance.
	pub fn parameters() -> ReserveParameters {
		ReserveParameters {
			quorum: Quorum::<T>::get(),
			max_age: MaxAge::<T>::get(),
			haircuts: CategoryHaircuts::<T>::get(),
			thresholds: ReserveThresholds::<T>::get(),
		}
	}

	// ---- genesis ---------------------------------------------------------------------------

	/// Build the genesis state. Panics on any invalid entry.
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) {
		let mut attestors = config.attestors.clone();
		attestors.sort();
		attestors.dedup();
		assert!(attestors.len() == config.attestors.len(), "genesis: duplicate attestor");
		let attestors: AttestorsOf<T> =
			attestors.try_into().expect("genesis: more attestors than MaxAttestors");
		assert!(
			Self::is_valid_quorum(config.quorum, attestors.len() as u32),
			"genesis: the quorum must be at least 1 and at most the number of attestors"
		);
		assert!(config.max_age > 0, "genesis: the maximum age must be positive");
		Attestors::<T>::put(attestors);
		Quorum::<T>::put(config.quorum);
		MaxAge::<T>::put(config.max_age);
		CategoryHaircuts::<T>::put(config.haircuts);
		ReserveThresholds::<T>::put(config.thresholds);

		if let Some(initial) = &config.initial_attestation {
			let custodians: CustodiansOf<T> =
				initial.custodians.clone().try_into().expect(
					"genesis: initial attestation lists more than MaxCustodians custodians",
				);
			let attestation = Attestation {
				as_of: initial.as_of,
				period_start: initial.period_start,
				period_end: initial.period_end,
				amounts: initial.amounts,
				custodians,
				total: initial.total,
				report_hash: initial.report_hash,
			};
			if let Err(e) = Self::validate_report(&attestation, &attestation.custodians) {
				panic!("genesis: invalid initial attestation: {:?}", e);
			}
			let hash = Self::content_hash(&attestation);
			Self::make_effective(hash, attestation, BoundedVec::default());
			// The chain must not start with more liabilities than its reserves cover (the
			// ledger's and the stablecoin's genesis build first, so the supply is known).
			if let Some(snapshot) = Self::snapshot() {
				assert!(
					snapshot.supply <= snapshot.eligible,
					"genesis: the genesis supply ({:?}) exceeds the eligible reserves of the \
					 initial attestation ({:?})",
					snapshot.supply,
					snapshot.eligible,
				);
			}
		}
		Self::refresh_status();
	}
}

/// `part / whole` as a `Perbill` with the given rounding; zero when `whole` is zero, full when
/// `part` exceeds `whole` (which the callers never pass).
fn ratio<Balance: AtLeast32BitUnsigned>(
	part: Balance,
	whole: Balance,
	rounding: Rounding,
) -> Perbill {
	if whole.is_zero() {
		return Perbill::zero();
	}
	Perbill::from_rational_with_rounding(part, whole, rounding).unwrap_or(Perbill::one())
}
