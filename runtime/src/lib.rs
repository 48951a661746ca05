//! # The USDX stablecoin runtime
//!
//! The state transition function of a permissioned chain whose native currency is USDX, a
//! fiat-backed stablecoin (1 USDX = 1 USD, 6 decimals).
//!
//! - `pallet-balances` is the USDX ledger; fees are paid in USDX and go to the fee account.
//! - Aura produces a block every [`MILLI_SECS_PER_BLOCK`] milliseconds and GRANDPA finalizes
//!   it, so that a payment settles in seconds.
//! - `pallet-identity-claims` knows who may hold, send, mint and redeem: identities, trusted
//!   claim issuers (KYC/KYB/AML providers), their claims and the compliance rules.
//! - `pallet-stablecoin` is the only way USDX is created, destroyed or moved by users: the
//!   treasury allowance, funded mint requests, the T+2 redemption queue, compliant transfers
//!   and payments with a reference, sanctions freezes and seizures. The raw `Balances`
//!   transfers are refused to signed origins (`configs::safety::BaseCallFilter`).
//! - `pallet-oracle` aggregates the feeders' USDX/USD reports; `pallet-reserves` turns the
//!   attestors' proof-of-reserve reports into eligible reserves and compares them with the
//!   liabilities the stablecoin pallet reports; `pallet-circuit-breaker` reads both and
//!   answers the stablecoin pallet's "may this mint, redemption or transfer go ahead?", and
//!   the guardians may pause operations (`pallet-tx-pause` for other calls).
//! - The issuer council (`pallet-collective`) is the governance of the chain; there is no sudo.
//!   Its motions are wrapped by `pallet-audit`, so that every privileged event names the
//!   motion that caused it, and they reach the root origin through `pallet-whitelist` (runtime
//!   upgrades, finality recovery). The council keeps the validator set
//!   (`pallet-validator-set`), which `pallet-session` hands to Aura and GRANDPA, and the role
//!   lists (`pallet-membership`: registrars, fiat desk, compliance officers, guardians).
//!   `pallet-multisig` and `pallet-utility` serve groups of signers and batches.
//! - The transaction extensions ([`extensions`]) refuse a frozen signer at the pool and keep
//!   part of every block for payments (the payment lane).
//!
//! The layout follows the usual split: `configs/` holds each pallet's configuration,
//! [`apis`] the runtime APIs the node and wallets call, [`genesis_config_presets`] the
//! `development` and `local_testnet` genesis states, and [`signing`] (native only) the
//! helpers with which the node's tests, benchmarks and examples sign transactions.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` expands to a large recursive type.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod extensions;
pub mod genesis_config_presets;
#[cfg(feature = "std")]
pub mod signing;
pub mod weights;

#[cfg(test)]
mod tests;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

/// The pallets whose calls, events and runtime API types the node, its tests and clients use,
/// reached through the runtime that fixes their configuration rather than as crates of their
/// own: `stablecoin_runtime::pallets::stablecoin::Call::transfer`, for example.
pub mod pallets {
	pub use frame_system as system;
	pub use pallet_circuit_breaker as circuit_breaker;
	pub use pallet_collective as collective;
	pub use pallet_identity_claims as identity_claims;
	pub use pallet_oracle as oracle;
	pub use pallet_reserves as reserves;
	pub use pallet_session as session;
	pub use pallet_stablecoin as stablecoin;
	pub use pallet_utility as utility;
	pub use pallet_validator_set as validator_set;
	pub use pallet_whitelist as whitelist;
}

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Types the node uses without knowing the runtime's concrete extrinsic format.
pub mod opaque {
	use super::*;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: an Aura key to author blocks, a GRANDPA key to vote.
	pub struct SessionKeys {
		/// Block authoring key.
		pub aura: Aura,
		/// Finality voting key.
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. Bump `spec_version` with every change of behaviour.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("usdx-stablecoin"),
	impl_name: Cow::Borrowed("usdx-stablecoin"),
	authoring_version: 1,
	spec_version: 112,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	// 2: the frozen-signer and operator-priority extensions joined the transaction format;
	// 3: the payment-lane extension joined it, and `Stablecoin::transfer_with_reference` and
	// `pay_batch` were added; 4: `Stablecoin::freeze_account` and `freeze_identity` take a
	// legal order and an expiry instead of a case hash.
	transaction_version: 4,
	system_version: 1,
};

/// Target time between two blocks. Aura's slot has this length and GRANDPA finalizes behind
/// it, so a transfer is final a second or two after it is submitted.
///
/// The slot length cannot change once a chain has started.
pub const MILLI_SECS_PER_BLOCK: u64 = 1000;

/// Aura's slot duration, equal to the block time.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks in one minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks in one hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks in one day.
pub const DAYS: BlockNumber = HOURS * 24;

/// The ticker wallets display for the native currency.
pub const TOKEN_SYMBOL: &str = "USDX";
/// Decimal places of USDX: the ledger counts in millionths of a dollar.
pub const TOKEN_DECIMALS: u8 = 6;
/// The SS58 address prefix: 42, the generic Substrate prefix every wallet understands.
pub const SS58_PREFIX: u16 = 42;

/// One USDX in the ledger's smallest unit (one millionth of a dollar).
pub const USDX: Balance = 1_000_000;
/// One cent of USDX.
pub const CENTS: Balance = USDX / 100;
/// One millionth of a dollar, the smallest unit of the ledger.
pub const MICRO_USDX: Balance = 1;

/// The smallest balance an account may hold (one cent); below it the account is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = CENTS;

/// The signature scheme of transactions.
pub type Signature = MultiSignature;

/// An account on the chain: the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// An amount of USDX in its smallest unit (millionths of a dollar).
pub type Balance = u128;

/// A transaction counter of an account.
pub type Nonce = u32;

/// A hash of some data on the chain.
pub type Hash = sp_core::H256;

/// A block's number.
pub type BlockNumber = u32;

/// The address format wallets use in transactions.
pub type Address = MultiAddress<AccountId, ()>;

/// The block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// The block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;

/// The checks and payments every signed transaction goes through.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// The chain's own checks: a frozen signer is told so before any fee is computed;
	// feeders', attestors' and claim issuers' own operations go first; a share of every block
	// is kept for payments (after `CheckWeight`, whose record it reads). (Nested: a tuple has
	// at most twelve elements.)
	(
		pallet_stablecoin::RefuseFrozenSigner<Runtime>,
		extensions::OperatorPriority,
		extensions::PaymentLane,
	),
	// Calls a pallet marks feeless (claim issuers' successful calls) skip the fee.
	pallet_skip_feeless_payment::SkipCheckIfFeeless<
		Runtime,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The transaction extensions of an immortal transaction with the given `nonce` and `tip`:
/// what wallets and tools sign (the `signing` module) and what the overhead benchmark's transactions
/// carry, whose declared weights the extrinsic base weight leaves out
/// ([`weights::extrinsic_base_weight`]).
pub fn tx_extension(nonce: Nonce, tip: Balance) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(generic::Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		(
			pallet_stablecoin::RefuseFrozenSigner::<Runtime>::new(),
			extensions::OperatorPriority,
			extensions::PaymentLane,
		),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip).into(),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// An extrinsic as the runtime decodes it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// What a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// The migrations the next runtime upgrade runs, in order, after the pallets'
/// `on_runtime_upgrade` hooks.
///
/// Each entry is a versioned migration (`frame_support::migrations::VersionedMigration`) of
/// one pallet from the storage version it declares to the next; remove an entry once every
/// network has upgraded past it. `scripts/test.sh` runs them under `try-runtime` on the
/// genesis state of both presets.
pub type Migrations = (
	// Topic identifiers from four bytes to two (spec_version 106), so that a compliance
	// refusal names its topic inside a pallet error.
	pallet_identity_claims::migrations::MigrateV1ToV2<Runtime>,
	// Freezes under a legal order with an optional expiry (spec_version 107).
	pallet_stablecoin::migrations::MigrateV1ToV2<Runtime>,
);

/// Dispatches extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	/// The runtime: every pallet of the chain and the types they share.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks, events.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The block's timestamp.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// The validator set, kept by the council; the session manager.
	#[runtime::pallet_index(6)]
	pub type ValidatorSet = pallet_validator_set;

	/// Sessions: validators' keys, and the rotation that hands Aura and GRANDPA their
	/// authorities. Before Aura and GRANDPA, so that a new session's authorities are set
	/// before they act on the block.
	#[runtime::pallet_index(7)]
	pub type Session = pallet_session;

	/// Block authoring by the validators in turn.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Finality.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// The USDX ledger.
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	/// Transaction fees in USDX.
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// The issuer council: the chain's governance.
	#[runtime::pallet_index(10)]
	pub type Council = pallet_collective<Instance1>;

	/// Multi-signature accounts for any group of signers.
	#[runtime::pallet_index(11)]
	pub type Multisig = pallet_multisig;

	/// Batches and derived accounts.
	#[runtime::pallet_index(12)]
	pub type Utility = pallet_utility;

	/// Skips the fee of calls their pallet marks feeless.
	#[runtime::pallet_index(13)]
	pub type SkipFeelessPayment = pallet_skip_feeless_payment;

	/// Preimages of calls (deposit-backed); whitelisted calls are looked up here.
	#[runtime::pallet_index(14)]
	pub type Preimage = pallet_preimage;

	/// The council's path to root: a motion whitelists a call's hash, a member dispatches it.
	#[runtime::pallet_index(15)]
	pub type Whitelist = pallet_whitelist;

	/// The audit trail of privileged actions whose upstream pallets do not name the actor.
	#[runtime::pallet_index(16)]
	pub type Audit = pallet_audit;

	/// Identities, trusted claim issuers, claims and compliance rules.
	#[runtime::pallet_index(20)]
	pub type IdentityClaims = pallet_identity_claims;

	/// The identity registrars, appointed by the council.
	#[runtime::pallet_index(21)]
	pub type IdentityRegistrars = pallet_membership<Instance1>;

	/// USDX issuance and redemption, compliant transfers, freeze and seize: the controller of
	/// the ledger.
	#[runtime::pallet_index(25)]
	pub type Stablecoin = pallet_stablecoin;

	/// The fiat desk's operators, appointed by the council.
	#[runtime::pallet_index(26)]
	pub type FiatDesk = pallet_membership<Instance3>;

	/// The compliance officers, appointed by the council.
	#[runtime::pallet_index(27)]
	pub type ComplianceOfficers = pallet_membership<Instance4>;

	/// Price feeders and the aggregated USDX/USD price.
	#[runtime::pallet_index(30)]
	pub type Oracle = pallet_oracle;

	/// Reserve attestations and the reserve cap.
	#[runtime::pallet_index(31)]
	pub type Reserves = pallet_reserves;

	/// Peg-deviation levels, volume limits, the reserve breaker and operation pauses.
	#[runtime::pallet_index(32)]
	pub type CircuitBreaker = pallet_circuit_breaker;

	/// The guardians, appointed by the council, who can pause at once.
	#[runtime::pallet_index(40)]
	pub type Guardians = pallet_membership<Instance2>;

	/// Pauses any call chain-wide (guardians pause, governance lifts).
	#[runtime::pallet_index(41)]
	pub type TxPause = pallet_tx_pause;
}
