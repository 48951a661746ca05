//! What `try-runtime` checks before a runtime upgrade reaches a network: the upgrade hooks and
//! the runtime's `Migrations`, each pallet's pre- and post-upgrade checks, and every pallet's
//! invariants, on the genesis state of both presets. Built only with the `try-runtime`
//! feature, which `scripts/test.sh` enables for the runtime's tests.

use frame_try_runtime::UpgradeCheckSelect;

use super::preset_storage;
use crate::*;

#[test]
fn the_upgrade_and_the_invariants_check_out_on_both_presets() {
	for preset in ["development", "local_testnet"] {
		preset_storage(preset).execute_with(|| {
			let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
				.unwrap_or_else(|e| panic!("{preset}: the upgrade checks failed: {e:?}"));
			// The upgrade must fit in a block.
			assert!(
				weight.all_lte(configs::RuntimeBlockWeights::get().max_block),
				"{preset}: the upgrade weighs {weight:?}"
			);
		});
	}
}
