//! The pallet's invariants, checked by the `try_state` hook and after every unit test.

use crate::*;
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// - Validators are sorted and unique.
	/// - There is at least one validator and at most [`Config::MaxValidators`].
	///
	/// [`Config::MinValidators`] is not checked: genesis may hold fewer (a development chain
	/// with one validator), and the calls only refuse to go further below it.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let validators = Validators::<T>::get();
		ensure!(!validators.is_empty(), "no validators");
		ensure!(
			validators.len() as u32 <= T::MaxValidators::get(),
			"more validators than MaxValidators"
		);
		ensure!(validators.windows(2).all(|w| w[0] < w[1]), "validators not sorted/unique");
		Ok(())
	}
}
