//! The pallet's logic, outside the macro: the `do_*` helpers behind each call, the genesis
//! build and the read helpers.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult, Get},
	traits::ValidatorRegistration,
};
use frame_system::pallet_prelude::OriginFor;

impl<T: Config> Pallet<T> {
	/// Check the update origin and say who it is: refused with [`Error::NotGovernance`].
	pub(crate) fn ensure_update(origin: OriginFor<T>) -> Result<ActorOf<T>, DispatchError> {
		Actor::ensure_by::<T::UpdateOrigin, _>(origin).map_err(|_| Error::<T>::NotGovernance.into())
	}

	/// Whether `who` is in the validator set (it may not be active yet, or any more).
	pub fn is_validator(who: &T::AccountId) -> bool {
		Validators::<T>::get().binary_search(who).is_ok()
	}

	/// The validator set, sorted.
	pub fn validators() -> ValidatorsOf<T> {
		Validators::<T>::get()
	}

	/// The fewest validators a call may leave: [`Config::MinValidators`], and never none.
	pub fn min_validators() -> u32 {
		T::MinValidators::get().max(1)
	}

	pub(crate) fn do_add_validator(who: T::AccountId, by: ActorOf<T>) -> DispatchResult {
		Validators::<T>::try_mutate(|set| -> DispatchResult {
			let position = match set.binary_search(&who) {
				Ok(_) => return Err(Error::<T>::AlreadyValidator.into()),
				Err(position) => position,
			};
			ensure!(T::ValidatorRegistration::is_registered(&who), Error::<T>::KeysNotRegistered);
			set.try_insert(position, who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
			Ok(())
		})?;
		SetChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorAdded { validator: who, by });
		Ok(())
	}

	pub(crate) fn do_remove_validator(who: T::AccountId, by: ActorOf<T>) -> DispatchResult {
		Validators::<T>::try_mutate(|set| -> DispatchResult {
			let position = set.binary_search(&who).map_err(|_| Error::<T>::NotValidator)?;
			ensure!(set.len() as u32 > Self::min_validators(), Error::<T>::TooFewValidators);
			set.remove(position);
			Ok(())
		})?;
		SetChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorRemoved { validator: who, by });
		Ok(())
	}

	pub(crate) fn do_replace_validator(
		old: T::AccountId,
		new: T::AccountId,
		by: ActorOf<T>,
	) -> DispatchResult {
		Validators::<T>::try_mutate(|set| -> DispatchResult {
			let old_position = set.binary_search(&old).map_err(|_| Error::<T>::NotValidator)?;
			ensure!(set.binary_search(&new).is_err(), Error::<T>::AlreadyValidator);
			ensure!(T::ValidatorRegistration::is_registered(&new), Error::<T>::KeysNotRegistered);
			set.remove(old_position);
			let new_position = set.binary_search(&new).unwrap_or_else(|position| position);
			// Cannot fail: one validator was just removed.
			set.try_insert(new_position, new.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
			Ok(())
		})?;
		SetChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorReplaced { old, new, by });
		Ok(())
	}

	/// Store the genesis set, sorted and deduplicated; panic if it is too large.
	///
	/// An empty set stores nothing (see [`GenesisConfig`] for why it is not refused).
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) {
		let mut validators = config.initial_validators.clone();
		validators.sort();
		validators.dedup();
		if validators.is_empty() {
			return;
		}
		let count = validators.len();
		let validators = ValidatorsOf::<T>::try_from(validators).unwrap_or_else(|_| {
			panic!(
				"validator-set genesis: {count} initial validators, more than MaxValidators ({})",
				T::MaxValidators::get()
			)
		});
		Validators::<T>::put(validators);
	}
}
