//! The runtime API of the reserves pallet.
//!
//! Wallets, integrators, regulators and auditors ask it, through `state_call`, where the backing
//! of the supply stands: the derived figures, the status, the effective attestation and its
//! history, the candidates awaiting their quorum, the attestors and the parameters. The
//! runtime implements it by calling the pallet's read helpers:
//! [`Pallet::figures`](crate::Pallet::figures),
//! [`Pallet::current_status`](crate::Pallet::current_status),
//! [`Pallet::effective_attestation`](crate::Pallet::effective_attestation),
//! [`Pallet::attestation_history`](crate::Pallet::attestation_history),
//! [`Pallet::pending_reports`](crate::Pallet::pending_reports),
//! [`Pallet::attestors`](crate::Pallet::attestors) and
//! [`Pallet::parameters`](crate::Pallet::parameters).

use crate::types::{AttestationRecordView, PendingReportView, ReserveFigures, ReserveParameters};
use alloc::vec::Vec;
use codec::Codec;
use stablecoin_primitives::ReserveStatus;

sp_api::decl_runtime_apis! {
	/// Proof-of-reserve queries.
	pub trait ReservesApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// The figures derived from the effective attestation and the liabilities (circulating
		/// supply plus pending redemptions) now; `None` before any attestation took effect.
		fn figures() -> Option<ReserveFigures<Balance>>;

		/// Where the backing stands now.
		fn status() -> ReserveStatus;

		/// The effective attestation, with the attestors that published it.
		fn effective_attestation() -> Option<AttestationRecordView<AccountId, Balance>>;

		/// The kept history of effective attestations, oldest first.
		fn attestation_history() -> Vec<AttestationRecordView<AccountId, Balance>>;

		/// The candidate reports awaiting their quorum, in order of first submission.
		fn pending_reports() -> Vec<PendingReportView<AccountId, Balance>>;

		/// The reserve attestors, sorted.
		fn attestors() -> Vec<AccountId>;

		/// The parameters set by governance.
		fn parameters() -> ReserveParameters;
	}
}
