// PLACEHOLDER: upstream figures, to be replaced by ./scripts/bench-weights.sh.
//
// Copied from the `SubstrateWeight` impl of `pallet-transaction-payment` 50.0.0 (polkadot-sdk
// stable2609), measured by Parity on its reference machine (2025-02-21, CPU `Intel(R) Xeon(R) CPU @
// 2.60GHz`), not on this chain's machine. `./scripts/bench-weights.sh pallet_transaction_payment`
// overwrites this file with the weights of the runtime's own benchmarks, measured here.

//! Weights for `pallet_transaction_payment`: upstream figures, to be replaced by ./scripts/bench-weights.sh.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::Weight};
use core::marker::PhantomData;

/// Weight functions for `pallet_transaction_payment`.
pub struct WeightInfo<T>(PhantomData<T>);
impl<T: frame_system::Config> pallet_transaction_payment::WeightInfo for WeightInfo<T> {
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn charge_transaction_payment() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `52`
		//  Estimated: `3593`
		// Minimum execution time: 35_425_000 picoseconds.
		Weight::from_parts(35_979_000, 3593)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}
