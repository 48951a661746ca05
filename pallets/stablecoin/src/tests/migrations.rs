//! The storage migration to version 2: freeze records of version 1 get a legal order.

use crate::{
	migrations::{v1, MigrateV1ToV2},
	mock::*,
	*,
};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

#[test]
fn version_1_freezes_keep_their_case_hash_as_the_orders_hash() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok_freeze(ALICE, 5);
		assert_ok_freeze(BOB, 6);
		// Back to the layout of version 1, as a chain at version 1 holds it.
		for (who, record) in FrozenAccounts::<Test>::drain().collect::<Vec<_>>() {
			v1::FrozenAccounts::<Test>::insert(
				who,
				v1::OldFreezeRecord {
					reason: record.reason,
					case_ref: record.order.expect("frozen with an order").order_hash,
					identity: record.identity,
					since: record.since,
				},
			);
		}
		StorageVersion::new(1).put::<Stablecoin>();

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(Stablecoin::on_chain_storage_version(), StorageVersion::new(2));
		for (who, n) in [(ALICE, 5), (BOB, 6)] {
			let record = FrozenAccounts::<Test>::get(who).expect("still frozen");
			assert_eq!(
				record.order.map(|order| (order.case_id.to_vec(), order.order_hash)),
				Some((Vec::new(), reference(n)))
			);
			assert_eq!(record.expires_at, None);
			assert_eq!(record.reason, reason("court"));
		}
		// A second run does nothing: the version is 2 already.
		let state = || codec::Encode::encode(&FrozenAccounts::<Test>::iter().collect::<Vec<_>>());
		let before = state();
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(state(), before);
	});
}

fn assert_ok_freeze(who: u64, n: u8) {
	frame_support::assert_ok!(Stablecoin::freeze_account(
		officer(),
		who,
		reason("court"),
		order(n),
		None
	));
}
