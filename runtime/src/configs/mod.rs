//! The configuration of every pallet in the runtime, one file per concern.
//!
//! - this file: `frame_system` and the block limits;
//! - [`consensus`]: timestamp, Aura and GRANDPA;
//! - [`currency`]: the USDX ledger (`pallet-balances`) and transaction fees;
//! - [`governance`]: the issuer council, multisig and utility;
//! - [`compliance`]: identities, claim issuers, claims and identity registrars;
//! - [`issuance`]: USDX issuance, redemption, transfers, freeze and seize, and its operators;
//! - [`market`]: the price oracle, proof of reserve and the circuit breaker;
//! - [`safety`]: guardians, the chain-wide call pause and the call filter;
//! - [`roles`]: who holds a role, for the protections of role holders.

pub mod compliance;
pub mod consensus;
pub mod currency;
pub mod governance;
pub mod issuance;
pub mod market;
pub mod roles;
pub mod safety;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use super::{
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, MILLI_SECS_PER_BLOCK, SS58_PREFIX, VERSION,
};

/// Share of a block's weight and length that ordinary transactions may fill; the rest is kept
/// for operational calls (emergency actions) so they get in even when blocks are full.
///
/// 90%: the reserve, 10% of [`MAXIMUM_BLOCK_REF_TIME`] (60 ms), holds a hundred of the
/// heaviest emergency calls (pauses, freezes, wind-down, each well under a millisecond by its
/// benchmark) in a block full of payments; the upstream 75% kept 25% idle in every full block
/// (docs/performance.md, "Tuning").
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(90);

/// Compute time one block may use: 60% of the block time.
///
/// With one-second blocks, Aura gives the author two thirds of the slot (666 ms) to build a
/// block. The weights, measured on this chain's machine, are close to the time an author takes
/// per transfer while the node is also taking transfers in (docs/performance.md, "Tuning"): a
/// block that needs at most 600 ms of reference compute fits in the author's share with room to
/// spare, and the other validators import it in well under the rest of the slot, since import
/// runs no pool work (measured on a local network of four validators under load,
/// `./scripts/bench-tps-network.sh`).
pub const MAXIMUM_BLOCK_REF_TIME: u64 =
	WEIGHT_REF_TIME_PER_SECOND * MILLI_SECS_PER_BLOCK * 3 / 5 / 1000;

/// Largest block in bytes (5 MiB).
pub const MAXIMUM_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

/// The weight one block may use: [`MAXIMUM_BLOCK_REF_TIME`] of compute. A solochain has no
/// proof-of-validity limit: only compute time bounds a block.
pub const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(MAXIMUM_BLOCK_REF_TIME, u64::MAX);

/// The block limits of [`BlockWeights::with_sensible_defaults`] for [`MAXIMUM_BLOCK_WEIGHT`]
/// and [`NORMAL_DISPATCH_RATIO`], with the given base weights of a block (`base_block`) and of
/// an extrinsic (`base_extrinsic`, every class) instead of the upstream constants
/// `with_sensible_defaults` takes: ordinary transactions may fill the normal share; operational
/// ones the whole block, with the rest reserved for them; 10% of a block is assumed to go to
/// its initialization.
pub fn block_weights(base_block: Weight, base_extrinsic: Weight) -> BlockWeights {
	let normal_weight = NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT;
	BlockWeights::builder()
		.base_block(base_block)
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = base_extrinsic;
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(normal_weight);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved = Some(MAXIMUM_BLOCK_WEIGHT - normal_weight);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic()
}

parameter_types! {
	/// Block hashes kept for mortal transactions: one hour of blocks.
	pub const BlockHashCount: BlockNumber = super::HOURS;
	/// The runtime version the system pallet reports.
	pub const Version: RuntimeVersion = VERSION;
	/// Weight limits of a block, derived from the block time: `MAXIMUM_BLOCK_REF_TIME` of
	/// compute, of which ordinary transactions may fill the `NORMAL_DISPATCH_RATIO` share; the
	/// cost of a block as measured on this chain's machine
	/// ([`crate::weights::BlockExecutionWeight`]) and of an extrinsic, measured and net of what
	/// its transaction extensions charge themselves ([`crate::weights::extrinsic_base_weight`]).
	pub RuntimeBlockWeights: BlockWeights = block_weights(
		crate::weights::BlockExecutionWeight::get(),
		crate::weights::extrinsic_base_weight(),
	);
	/// Length limits of a block: `MAXIMUM_BLOCK_LENGTH`, of which ordinary transactions may
	/// fill the `NORMAL_DISPATCH_RATIO` share.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAXIMUM_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	/// The share of every block's normal-class weight that only payments (USDX transfers,
	/// batch payouts) and the operators' own operations may fill: other calls stop being
	/// included once the block's normal weight would pass the rest
	/// ([`crate::extensions::PaymentLane`]). Half: with the block limits above, 270 ms of
	/// compute per block, several hundred compliant transfers at their measured weight, always
	/// open to payments (docs/payments.md).
	pub PaymentLaneShare: Perbill = Perbill::from_percent(50);
	/// Address prefix of the chain.
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB only (there is no RocksDB in the build), so storage
	/// reads and writes are weighed with ParityDB's costs, as measured on this chain's machine
	/// (`benchmark storage`, [`crate::weights::ParityDbWeight`]).
	type DbWeight = crate::weights::ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	/// Paused calls are refused before dispatch.
	type BaseCallFilter = safety::BaseCallFilter;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = frame_support::traits::ConstU32<16>;
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	/// The weights of the system's transaction extensions (nonce, era, weight checks...).
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
}

#[cfg(test)]
mod tests {
	use codec::Encode;
	use frame_support::weights::constants::{BlockExecutionWeight, ExtrinsicBaseWeight};

	use super::*;

	#[test]
	fn block_weights_are_the_sensible_defaults_with_other_base_weights() {
		// With the upstream base weights, the limits are exactly `with_sensible_defaults`'.
		assert_eq!(
			block_weights(BlockExecutionWeight::get(), ExtrinsicBaseWeight::get()).encode(),
			BlockWeights::with_sensible_defaults(MAXIMUM_BLOCK_WEIGHT, NORMAL_DISPATCH_RATIO)
				.encode(),
		);
		// The runtime's take the measured ones, the extrinsic's net of its extensions.
		let weights = RuntimeBlockWeights::get();
		assert_eq!(weights.base_block, crate::weights::BlockExecutionWeight::get());
		for class in DispatchClass::all() {
			assert_eq!(weights.get(*class).base_extrinsic, crate::weights::extrinsic_base_weight());
		}
	}
}
