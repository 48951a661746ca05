//! Benchmarks (FRAME v2), each for the worst case of its call: [`Config::MaxAttestors`]
//! attestors, reports listing [`Config::MaxCustodians`] custodians, a full pending list and a
//! full history.
//!
//! A full pending list is as full as the per-attestor limit lets it get: every attestor
//! proposed [`Config::MaxPendingPerAttestor`] reports (`MaxAttestors × MaxPendingPerAttestor`
//! of them, at most [`Config::MaxPendingReports`]), each approved by all attestors but one.
//!
//! Run as unit tests with `cargo test -p pallet-reserves --features runtime-benchmarks`;
//! `scripts/bench-weights.sh` runs them through the node to regenerate the runtime's weights.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Reserves;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get, Hooks};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::Perbill;

const SEED: u32 = 0;

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A valid report as of `as_of` listing `MaxCustodians` custodians; `variant` makes its content
/// (and so its hash) distinct.
fn full_report<T: Config>(as_of: Moment, variant: u32) -> AttestationOf<T> {
	let n = T::MaxCustodians::get();
	// A million USD per custodian, in units of one millionth.
	let per_custodian = BalanceOf::<T>::from(1_000_000u32) * BalanceOf::<T>::from(1_000_000u32);
	let custodians: Vec<HoldingOf<T>> = (0..n)
		.map(|i| {
			let mut id = [0u8; 32];
			id[..4].copy_from_slice(&i.to_le_bytes());
			(id, per_custodian)
		})
		.collect();
	let total = per_custodian * BalanceOf::<T>::from(n);
	let mut hash = [0u8; 32];
	hash[..4].copy_from_slice(&variant.to_le_bytes());
	Attestation {
		as_of,
		period_start: as_of,
		period_end: as_of,
		amounts: CategoryAmounts { cash_and_deposits: total, ..Default::default() },
		custodians: BoundedVec::truncate_from(custodians),
		total,
		report_hash: H256(hash),
	}
}

/// `MaxAttestors` attestors, sorted; the quorum set to all of them.
fn full_attestors<T: Config>() -> Result<Vec<T::AccountId>, BenchmarkError> {
	let mut attestors: Vec<T::AccountId> =
		(0..T::MaxAttestors::get()).map(|i| account("attestor", i, SEED)).collect();
	attestors.sort();
	Attestors::<T>::put(BoundedVec::truncate_from(attestors.clone()));
	Quorum::<T>::put(T::MaxAttestors::get());
	Ok(attestors)
}

/// A full history of `MaxHistory` records with the effective attestation as of `as_of`.
fn full_history<T: Config>(as_of: Moment, attestors: &[T::AccountId]) {
	for sequence in 0..u64::from(T::MaxHistory::get()) {
		let attestation = full_report::<T>(as_of, u32::MAX - sequence as u32);
		let hash = Reserves::<T>::content_hash(&attestation);
		let record = AttestationRecord {
			sequence,
			hash,
			attestation,
			attestors: BoundedVec::truncate_from(attestors.to_vec()),
			effective_at: as_of,
		};
		History::<T>::insert(Reserves::<T>::history_slot(sequence), &record);
		Effective::<T>::put(record);
		NextSequence::<T>::put(sequence + 1);
	}
}

/// How many reports a full pending list holds: `MaxAttestors × MaxPendingPerAttestor`, at most
/// `MaxPendingReports` (which the integrity test makes at least that product).
fn full_pending_len<T: Config>() -> u32 {
	T::MaxAttestors::get()
		.saturating_mul(T::MaxPendingPerAttestor::get())
		.min(T::MaxPendingReports::get())
}

/// The attestor that has not approved report `index` of [`full_pending`]: the one before its
/// proposer, cyclically.
fn missing_approval<T: Config>(index: u32, attestors: &[T::AccountId]) -> T::AccountId {
	let n = attestors.len();
	attestors[(index as usize + n - 1) % n].clone()
}

/// A full pending list of reports as of `as_of` (see the module doc): report `i` was proposed
/// by attestor `i % n` and approved by the `n − 1` attestors from it on, cyclically, all but
/// [`missing_approval`]. Round robin keeps each attestor within `MaxPendingPerAttestor`.
fn full_pending<T: Config>(as_of: Moment, attestors: &[T::AccountId]) {
	let n = attestors.len();
	let pending: Vec<PendingReportOf<T>> = (0..full_pending_len::<T>())
		.map(|i| {
			let attestation = full_report::<T>(as_of, i);
			let approvals: Vec<T::AccountId> =
				(0..n - 1).map(|k| attestors[(i as usize + k) % n].clone()).collect();
			PendingReport {
				hash: Reserves::<T>::content_hash(&attestation),
				attestation,
				approvals: BoundedVec::truncate_from(approvals),
				submitted_at: as_of,
			}
		})
		.collect();
	for attestor in attestors {
		assert!(Reserves::<T>::proposals_of(attestor, &pending) <= T::MaxPendingPerAttestor::get());
	}
	Pending::<T>::put(BoundedVec::truncate_from(pending));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The last missing approval brings the last of a full pending list of conflicting
	/// reports to the quorum of all `MaxAttestors`: it takes effect, overwrites the oldest
	/// record of a full history, drops every other candidate and changes the status.
	///
	/// This stays the worst case with the per-attestor limit: a new candidate reads the same
	/// full list and scans it once more (proposals and conflicts, no storage reads), but writes
	/// only the list, while taking effect also writes the history, the effective record, the
	/// sequence and the status, and emits more events.
	#[benchmark]
	fn submit_attestation() -> Result<(), BenchmarkError> {
		let now = stablecoin_primitives::now::<T::Time>();
		let attestors = full_attestors::<T>()?;
		full_history::<T>(now, &attestors);
		full_pending::<T>(now, &attestors);
		LastStatus::<T>::put(ReserveStatus::Stale);
		let last = full_pending_len::<T>() - 1;
		let attestation = full_report::<T>(now, last);
		let hash = Reserves::<T>::content_hash(&attestation);
		let who = missing_approval::<T>(last, &attestors);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), attestation);

		assert_eq!(Effective::<T>::get().map(|record| record.hash), Some(hash));
		assert!(Pending::<T>::get().is_empty());
		Ok(())
	}

	/// The attestor list holds all but one of its entries.
	#[benchmark]
	fn add_attestor() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let mut attestors = full_attestors::<T>()?;
		attestors.pop();
		Attestors::<T>::put(BoundedVec::truncate_from(attestors));
		Quorum::<T>::put(1);
		let new: T::AccountId = account("new", 0, SEED);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, new.clone());

		assert!(Reserves::<T>::is_attestor(&new));
		Ok(())
	}

	/// A full attestor list and a full pending list; the removed attestor proposed its share
	/// of the reports (dropped) and approved all but one of the others (withdrawn).
	#[benchmark]
	fn remove_attestor() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let attestors = full_attestors::<T>()?;
		Quorum::<T>::put(1);
		full_pending::<T>(stablecoin_primitives::now::<T::Time>(), &attestors);
		let who = attestors.first().cloned().ok_or("at least one attestor")?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Reserves::<T>::is_attestor(&who));
		Ok(())
	}

	#[benchmark]
	fn set_quorum() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		full_attestors::<T>()?;
		Quorum::<T>::put(1);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::MaxAttestors::get());

		assert_eq!(Quorum::<T>::get(), T::MaxAttestors::get());
		Ok(())
	}

	/// The change makes the effective attestation (with `MaxCustodians` custodians) stale.
	#[benchmark]
	fn set_max_age() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let now = stablecoin_primitives::now::<T::Time>();
		let attestors = full_attestors::<T>()?;
		full_history::<T>(now.saturating_sub(2), &attestors);
		Reserves::<T>::refresh_status();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 1);

		assert_eq!(MaxAge::<T>::get(), 1);
		Ok(())
	}

	/// The change is checked against an effective attestation with `MaxCustodians`
	/// custodians.
	#[benchmark]
	fn set_haircut() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let attestors = full_attestors::<T>()?;
		full_history::<T>(stablecoin_primitives::now::<T::Time>(), &attestors);
		Reserves::<T>::refresh_status();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, AssetCategory::CashAndDeposits, Perbill::from_percent(100));

		assert_eq!(CategoryHaircuts::<T>::get().cash_and_deposits, Perbill::one());
		Ok(())
	}

	#[benchmark]
	fn set_thresholds() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let new = Thresholds {
			min_liquidity: Perbill::from_percent(30),
			max_concentration: Perbill::from_percent(40),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, new);

		assert_eq!(ReserveThresholds::<T>::get(), new);
		Ok(())
	}

	/// The last report of a full pending list is discarded.
	#[benchmark]
	fn discard_pending() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let attestors = full_attestors::<T>()?;
		full_pending::<T>(stablecoin_primitives::now::<T::Time>(), &attestors);
		let hash = Pending::<T>::get().last().map(|report| report.hash).ok_or("pending")?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hash);

		assert_eq!(Pending::<T>::get().len() as u32, full_pending_len::<T>() - 1);
		Ok(())
	}

	/// One status check that finds a change (and emits its event), with an effective
	/// attestation listing `MaxCustodians` custodians.
	#[benchmark]
	fn on_initialize() -> Result<(), BenchmarkError> {
		let attestors = full_attestors::<T>()?;
		full_history::<T>(stablecoin_primitives::now::<T::Time>(), &attestors);
		LastStatus::<T>::put(ReserveStatus::NoAttestation);
		let n: BlockNumberFor<T> = 1u32.into();

		#[block]
		{
			Reserves::<T>::on_initialize(n);
		}

		assert_ne!(LastStatus::<T>::get(), ReserveStatus::NoAttestation);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Reserves,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
