//! Storage migrations of the pallet.
//!
//! # v1 to v2: freezes under a legal order, with an optional expiry
//!
//! A freeze record held a bare `case_ref` hash; it now holds an optional [`LegalOrder`] (the
//! case identifier and the order document's hash) and an optional expiry. Every stored
//! [`FrozenAccounts`] record is rewritten: its `case_ref` becomes the order's hash with an
//! empty case identifier (version 1 never stored one), and it has no expiry. Nothing else
//! changes; no freeze is lifted or added.
//!
//! It runs in one block and rewrites every frozen account, which suits the networks that
//! exist today (a handful of freezes); a network with many thousands of frozen accounts would
//! run it as a multi-block migration instead.

use crate::*;
#[cfg(feature = "try-runtime")]
use alloc::vec::Vec;
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::*,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use sp_core::H256;
use stablecoin_primitives::IdentityId;

/// The storage layout of version 1.
pub mod v1 {
	use super::*;

	/// A freeze record as version 1 stored it.
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode)]
	pub struct OldFreezeRecord<S: Get<u32>> {
		/// The reason given by the compliance officer.
		pub reason: BoundedVec<u8, S>,
		/// A hash of the off-chain case file.
		pub case_ref: H256,
		/// The identity frozen as a whole, if any.
		pub identity: Option<IdentityId>,
		/// When the account was frozen.
		pub since: Moment,
	}

	/// [`crate::FrozenAccounts`] in version 1.
	#[frame_support::storage_alias]
	pub type FrozenAccounts<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		OldFreezeRecord<<T as Config>::MaxReasonLen>,
	>;
}

/// Rewrites every freeze record to the version-2 layout (storage version 1 to 2). Use
/// [`MigrateV1ToV2`], which runs it once, at version 1 only.
pub struct FreezeRecordsWithOrders<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for FreezeRecordsWithOrders<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut rewritten = 0u64;
		FrozenAccounts::<T>::translate::<v1::OldFreezeRecord<T::MaxReasonLen>, _>(|_, old| {
			rewritten = rewritten.saturating_add(1);
			Some(FreezeRecord {
				reason: old.reason,
				order: Some(LegalOrder {
					case_id: BoundedVec::default(),
					order_hash: old.case_ref,
				}),
				identity: old.identity,
				since: old.since,
				expires_at: None,
			})
		});
		T::DbWeight::get().reads_writes(rewritten, rewritten)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		let records: Vec<(T::AccountId, H256)> =
			v1::FrozenAccounts::<T>::iter().map(|(who, old)| (who, old.case_ref)).collect();
		Ok(records.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before: Vec<(T::AccountId, H256)> =
			Decode::decode(&mut &state[..]).map_err(|_| "the pre-upgrade records do not decode")?;
		ensure!(
			FrozenAccounts::<T>::iter().count() == before.len(),
			"the migration lost or added freezes"
		);
		for (who, case_ref) in before {
			let record = FrozenAccounts::<T>::get(&who).ok_or("a frozen account was lost")?;
			ensure!(
				record.order.map(|order| order.order_hash) == Some(case_ref),
				"a freeze lost its case reference"
			);
			ensure!(record.expires_at.is_none(), "a migrated freeze got an expiry");
		}
		Ok(())
	}
}

/// [`FreezeRecordsWithOrders`], run once: at storage version 1, which it sets to 2.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	FreezeRecordsWithOrders<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
