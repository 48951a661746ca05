//! The traits this pallet implements for other pallets.

use crate::*;
use stablecoin_primitives::{ReserveCap, ReserveQuality};

/// The reserve cap that the stablecoin pallet and the circuit breaker read before minting,
/// computed from the effective attestation and the liabilities (circulating supply plus pending
/// redemptions) now.
impl<T: Config> ReserveCap<BalanceOf<T>> for Pallet<T> {
	/// Eligible reserves minus the liabilities (circulating supply plus pending redemptions)
	/// when [`ReserveStatus::Backed`], else zero.
	fn headroom() -> BalanceOf<T> {
		Self::snapshot().map_or_else(Default::default, |snapshot| snapshot.headroom())
	}

	/// `NoAttestation`, `Stale`, `Shortfall` or `Backed`, in that order of precedence.
	fn status() -> ReserveStatus {
		Self::current_status()
	}

	/// The stored alerts, recomputed whenever the attestation, a haircut or a target changes.
	fn quality() -> ReserveQuality {
		QualityAlerts::<T>::get()
	}
}

impl<T: Config> Pallet<T> {
	/// Whether an effective attestation exists and its age is within [`MaxAge`].
	pub fn is_fresh() -> bool {
		Self::snapshot().is_some_and(|snapshot| !snapshot.stale)
	}
}
