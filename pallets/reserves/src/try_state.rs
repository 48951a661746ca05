//! The pallet's invariants, checked by the `try_state` hook and after every unit test.

use crate::*;
use frame_support::{ensure, traits::Get};
use sp_runtime::{Perbill, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage. Reads at most `MaxHistory` records: for
	/// tests and `try-runtime` only.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::try_state_attestors()?;
		Self::try_state_attestations()?;
		Self::try_state_pending()?;
		Self::try_state_status()?;
		Self::try_state_quality()?;
		Ok(())
	}

	/// Attestors sorted, unique and bounded; the quorum valid for them.
	fn try_state_attestors() -> Result<(), TryRuntimeError> {
		let attestors = Attestors::<T>::get();
		ensure!(attestors.len() as u32 <= T::MaxAttestors::get(), "too many attestors");
		ensure!(attestors.windows(2).all(|w| w[0] < w[1]), "attestors not sorted/unique");
		ensure!(
			Self::is_valid_quorum(Quorum::<T>::get(), attestors.len() as u32),
			"invalid quorum for the attestors"
		);
		ensure!(MaxAge::<T>::get() > 0, "zero maximum age");
		ensure!(
			CategoryHaircuts::<T>::get().get(AssetCategory::Other) == Perbill::one(),
			"the Other category counts toward backing"
		);
		Ok(())
	}

	/// The effective attestation is consistent and is the newest history record; the history
	/// holds at most `MaxHistory` records, each in its slot and consistent.
	fn try_state_attestations() -> Result<(), TryRuntimeError> {
		let next = NextSequence::<T>::get();
		let max = T::MaxHistory::get();
		let mut kept: u32 = 0;
		for (slot, record) in History::<T>::iter() {
			kept += 1;
			ensure!(slot < max, "history slot out of range");
			ensure!(Self::history_slot(record.sequence) == slot, "history record in wrong slot");
			ensure!(record.sequence < next, "history record not below NextSequence");
			Self::try_state_record(&record)?;
		}
		ensure!(kept <= max, "history longer than MaxHistory");
		ensure!(u64::from(kept) == next.min(u64::from(max)), "history size does not match");

		match Effective::<T>::get() {
			Some(effective) => {
				Self::try_state_record(&effective)?;
				ensure!(effective.sequence.checked_add(1) == Some(next), "effective not newest");
				ensure!(
					History::<T>::get(Self::history_slot(effective.sequence)).as_ref()
						== Some(&effective),
					"effective attestation missing from the history"
				);
			}
			None => ensure!(next == 0, "history without an effective attestation"),
		}
		Ok(())
	}

	fn try_state_record(record: &AttestationRecordOf<T>) -> Result<(), TryRuntimeError> {
		let attestation = &record.attestation;
		ensure!(
			Self::validate_report(attestation, &attestation.custodians).is_ok(),
			"stored attestation with inconsistent totals or period"
		);
		ensure!(record.hash == Self::content_hash(attestation), "stored attestation hash wrong");
		for (i, attestor) in record.attestors.iter().enumerate() {
			ensure!(!record.attestors[..i].contains(attestor), "attestor listed twice on a record");
		}
		Ok(())
	}

	/// Pending reports bounded, distinct, consistent, not older than the effective attestation,
	/// each with at least one approval, all by distinct current attestors; no attestor proposed
	/// more than `MaxPendingPerAttestor` of them (the proposer being the first approval).
	fn try_state_pending() -> Result<(), TryRuntimeError> {
		let pending = Pending::<T>::get();
		ensure!(pending.len() as u32 <= T::MaxPendingReports::get(), "too many pending reports");
		for report in pending.iter() {
			if let Some(proposer) = Self::proposer(report) {
				ensure!(
					Self::proposals_of(proposer, &pending) <= T::MaxPendingPerAttestor::get(),
					"an attestor proposed more than MaxPendingPerAttestor pending reports"
				);
			}
		}
		let effective_as_of = Effective::<T>::get().map(|record| record.attestation.as_of);
		for (i, report) in pending.iter().enumerate() {
			ensure!(
				!pending[..i].iter().any(|other| other.hash == report.hash),
				"pending report listed twice"
			);
			ensure!(report.hash == Self::content_hash(&report.attestation), "pending hash wrong");
			ensure!(
				Self::validate_report(&report.attestation, &report.attestation.custodians).is_ok(),
				"pending report with inconsistent totals or period"
			);
			ensure!(!report.approvals.is_empty(), "pending report without approvals");
			for (j, approval) in report.approvals.iter().enumerate() {
				ensure!(!report.approvals[..j].contains(approval), "approval listed twice");
				ensure!(Self::is_attestor(approval), "approval by a non-attestor");
			}
			if let Some(as_of) = effective_as_of {
				ensure!(report.attestation.as_of >= as_of, "pending report older than effective");
			}
		}
		Ok(())
	}

	/// The stored status is the status computed now.
	fn try_state_status() -> Result<(), TryRuntimeError> {
		ensure!(
			LastStatus::<T>::get() == Self::current_status(),
			"last status differs from the status computed now"
		);
		Ok(())
	}

	/// The stored quality alerts are those of the effective attestation against the targets.
	fn try_state_quality() -> Result<(), TryRuntimeError> {
		ensure!(
			QualityAlerts::<T>::get() == Self::quality_now().0,
			"stored reserve quality alerts differ from the effective attestation's"
		);
		Ok(())
	}
}
