//! The pallet as `pallet-session`'s [`SessionManager`].

use crate::*;
use alloc::vec::Vec;
use pallet_session::SessionManager;

impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
	/// Hand the session the whole set if it changed since the last plan, else keep the current
	/// one (`None`). Never hands over an empty set.
	fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
		if !SetChanged::<T>::get() {
			return None;
		}
		let validators = Validators::<T>::get();
		if validators.is_empty() {
			// Only possible if the pallet was never given a genesis set; keep the current one.
			return None;
		}
		SetChanged::<T>::kill();
		Self::deposit_event(Event::NewSetPlanned {
			session: new_index,
			validators: validators.clone(),
		});
		Some(validators.into_inner())
	}

	/// The genesis set, for sessions 0 and 1, if there is one.
	fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get();
		(!validators.is_empty()).then(|| validators.into_inner())
	}

	fn end_session(_end_index: u32) {}

	fn start_session(_start_index: u32) {}
}
