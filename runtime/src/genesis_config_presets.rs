//! The genesis states the runtime ships: `development` and `local_testnet`.
//!
//! - `development`: one validator (Alice), a one-member council (Alice), funded dev accounts.
//! - `local_testnet`: three validators (Alice, Bob, Charlie), a council of the same three
//!   (two of them pass an ordinary motion; root calls and validator changes take all three),
//!   the same funded accounts.
//!
//! Neither has a sudo key: the council governs both. The validators are the council's
//! validator set (`pallet-validator-set`), with their session keys registered at genesis;
//! Aura and GRANDPA take their authorities from the first session.
//!
//! Both make the chain usable at once: Ferdie is a demo KYC provider trusted for every
//! standard claim topic, Alice an identity registrar, and Alice, Bob, Charlie, Dave and Eve
//! are verified persons in the US with KYC and AML claims valid until 2100 (Alice also holds
//! the institutional claim). Holding, sending, minting and redeeming require KYC and AML for
//! persons and KYB and AML for businesses; bulk minting adds the institutional claim.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use pallet_identity_claims::IdentityKind;
use sp_core::H256;
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	FixedU128, Perbill,
};
use stablecoin_primitives::{topics, Operation};
use stablecoin_primitives::{GuardedOperation, PriceKey};

use crate::{
	configs::currency::FeeCollectorAccount, AccountId, Balance, BalancesConfig,
	CircuitBreakerConfig, ComplianceOfficersConfig, CouncilConfig, FiatDeskConfig, GuardiansConfig,
	IdentityClaimsConfig, IdentityRegistrarsConfig, OracleConfig, ReservesConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, StablecoinConfig, ValidatorSetConfig,
	EXISTENTIAL_DEPOSIT, USDX,
};

/// When the demo claims expire: 2100-01-01, in milliseconds since the Unix epoch.
pub const DEMO_CLAIM_EXPIRY_MS: u64 = 4_102_444_800_000;

/// The demo guardian of both presets: may pause at once, never lift a pause.
pub fn demo_guardian() -> AccountId {
	Sr25519Keyring::Dave.to_account_id()
}

/// The demo price feeders of both presets: USDX/USD takes effect once two of them report.
pub fn demo_feeders() -> Vec<AccountId> {
	[Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Eve]
		.into_iter()
		.map(|k| k.to_account_id())
		.collect()
}

/// The USDX/USD price parameters of both presets.
pub fn usdx_usd_params() -> pallet_oracle::PriceKeyParams {
	pallet_oracle::PriceKeyParams {
		// Two of the three demo feeders must agree.
		quorum: 2,
		// A report counts for five minutes.
		max_age: 5 * 60 * 1000,
		// Reports more than 1% from the median are outliers.
		outlier_band_bps: 100,
		// Pegged one to one to the US dollar.
		peg: FixedU128::from_u32(1),
		// The time-weighted average covers the last hour.
		twap_window: 60 * 60 * 1000,
	}
}

/// The demo reserve attestor of both presets (also the demo KYC provider).
pub fn demo_attestor() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}

/// As-of date of the genesis attestation: 2026-11-01 00:00 UTC.
pub const GENESIS_ATTESTATION_AS_OF_MS: u64 = 1_793_491_200_000;

/// How long an attestation stays valid on the demo chains: ten years, so that a dev chain
/// started long after [`GENESIS_ATTESTATION_AS_OF_MS`] still starts backed. A production chain
/// sets about a month (the pallet's default is 35 days).
pub const DEMO_ATTESTATION_MAX_AGE_MS: u64 = 10 * 365 * 24 * 60 * 60 * 1000;

/// A custodian's identifier: its name, left-aligned and padded with zero bytes.
fn custodian(name: &[u8]) -> pallet_reserves::CustodianId {
	let mut id = [0u8; 32];
	for (slot, byte) in id.iter_mut().zip(name) {
		*slot = *byte;
	}
	id
}

/// The genesis attestation: 1,000,000 USD of eligible reserves held by three custodians,
/// covering the 600,000.01 USDX the presets create.
pub fn genesis_attestation() -> pallet_reserves::AttestationView {
	let amounts = pallet_reserves::CategoryAmounts {
		cash_and_deposits: 250_000 * USDX,
		treasury_bills: 600_000 * USDX,
		overnight_reverse_repo: 150_000 * USDX,
		government_money_market_funds: 0,
		other: 0,
	};
	pallet_reserves::AttestationView {
		as_of: GENESIS_ATTESTATION_AS_OF_MS,
		period_start: GENESIS_ATTESTATION_AS_OF_MS - 30 * 24 * 60 * 60 * 1000,
		period_end: GENESIS_ATTESTATION_AS_OF_MS,
		amounts,
		custodians: vec![
			(custodian(b"Demo Custody Bank A"), 450_000 * USDX),
			(custodian(b"Demo Custody Bank B"), 350_000 * USDX),
			(custodian(b"Demo Treasury Broker C"), 200_000 * USDX),
		],
		total: 1_000_000 * USDX,
		report_hash: BlakeTwo256::hash_of(&b"usdx-demo-attestation-2026-11"),
	}
}

/// The demo proof-of-reserve set-up: one attestor, quorum 1, and the genesis attestation.
fn demo_reserves() -> ReservesConfig {
	ReservesConfig {
		attestors: vec![demo_attestor()],
		quorum: 1,
		max_age: DEMO_ATTESTATION_MAX_AGE_MS,
		haircuts: pallet_reserves::Haircuts {
			cash_and_deposits: Perbill::zero(),
			treasury_bills: Perbill::from_percent(1),
			overnight_reverse_repo: Perbill::zero(),
			government_money_market_funds: Perbill::from_percent(2),
		},
		thresholds: Default::default(),
		initial_attestation: Some(genesis_attestation()),
	}
}

/// Most USDX that may be minted in one block (the largest bulk mint).
pub const MINT_LIMIT_PER_BLOCK: Balance = 100_000_000 * USDX;
/// Most USDX that may be minted in a rolling 24 hours.
pub const MINT_LIMIT_PER_DAY: Balance = 500_000_000 * USDX;

/// The circuit breaker of both presets: the issuer's default levels (watch above 0.5%,
/// supply adjustment above 1% for an hour, liquidity above 2%, halt above 5%), halt
/// suspending mints and transfers but never redemptions, and mint volume limits.
/// Redemptions have no volume limit: the exit stays open.
fn demo_circuit_breaker() -> CircuitBreakerConfig {
	CircuitBreakerConfig {
		volume_limits: vec![(
			GuardedOperation::Mint,
			pallet_circuit_breaker::VolumeLimits {
				per_block: Some(MINT_LIMIT_PER_BLOCK),
				per_day: Some(MINT_LIMIT_PER_DAY),
			},
		)],
		..Default::default()
	}
}

/// The demo fiat-desk operator of both presets: confirms funding and payouts.
pub fn demo_fiat_desk() -> AccountId {
	Sr25519Keyring::Charlie.to_account_id()
}

/// The demo compliance officer of both presets: freezes accounts, holds redemptions.
pub fn demo_compliance_officer() -> AccountId {
	Sr25519Keyring::Eve.to_account_id()
}

/// Supply authorized to the treasury at genesis in both presets.
pub const GENESIS_ALLOWANCE: Balance = 1_000_000 * USDX;

/// The stablecoin of both presets: the issuer's terms (mint 100 to 10M USD at 0.1%, bulk 10K
/// to 100M USD at 0.05%, redeem from 100 USD at 0.1%, T+2) and 1M USDX authorized.
fn demo_stablecoin() -> StablecoinConfig {
	StablecoinConfig {
		parameters: pallet_stablecoin::Parameters::defaults_with_unit(USDX as u32),
		initial_allowance: GENESIS_ALLOWANCE,
		..Default::default()
	}
}

/// The demo KYC provider of both presets.
pub fn demo_kyc_provider() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}

/// The dev accounts that are verified persons at genesis, each its own identity (1, 2, ...).
pub fn verified_dev_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
	]
	.into_iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// The demo compliance set-up: a KYC provider, verified dev accounts and the rules.
fn demo_compliance() -> IdentityClaimsConfig {
	let provider = demo_kyc_provider();
	let standard: Vec<u32> = topics::STANDARD.iter().map(|(id, _)| *id).collect();
	let mut identities = Vec::new();
	let mut claims = Vec::new();
	for (index, who) in verified_dev_accounts().into_iter().enumerate() {
		let identity = index as u64 + 1;
		// The hash of the (imaginary) off-chain KYC file: no personal data on chain.
		let evidence: H256 = BlakeTwo256::hash_of(&(b"usdx-demo-kyc", identity));
		identities.push((identity, IdentityKind::Person, *b"US", vec![who]));
		for topic in [topics::KYC, topics::AML] {
			claims.push((identity, topic, provider.clone(), DEMO_CLAIM_EXPIRY_MS, evidence));
		}
		if identity == 1 {
			claims.push((
				identity,
				topics::ACCREDITED,
				provider.clone(),
				DEMO_CLAIM_EXPIRY_MS,
				evidence,
			));
		}
	}
	let mut required_topics = Vec::new();
	for operation in [Operation::Hold, Operation::Send, Operation::Mint, Operation::Redeem] {
		required_topics.push((operation, IdentityKind::Person, vec![topics::KYC, topics::AML]));
		required_topics.push((operation, IdentityKind::Business, vec![topics::KYB, topics::AML]));
	}
	required_topics.push((
		Operation::BulkMint,
		IdentityKind::Person,
		vec![topics::KYC, topics::AML, topics::ACCREDITED],
	));
	required_topics.push((
		Operation::BulkMint,
		IdentityKind::Business,
		vec![topics::KYB, topics::AML, topics::ACCREDITED],
	));
	IdentityClaimsConfig {
		trusted_issuers: vec![(provider, standard)],
		identities,
		claims,
		required_topics,
		..Default::default()
	}
}

/// USDX each development account starts with.
pub const DEV_ACCOUNT_BALANCE: Balance = 100_000 * USDX;

/// The dev accounts funded at genesis, in both presets.
pub fn endowed_dev_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.into_iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// A well-known dev validator: its account and its session keys (the `//Name` Aura and
/// GRANDPA keys that `--alice`, `--bob`, ... put in the node's keystore).
pub fn dev_validator(who: Sr25519Keyring) -> (AccountId, SessionKeys) {
	let grandpa = match who {
		Sr25519Keyring::Alice => Ed25519Keyring::Alice,
		Sr25519Keyring::Bob => Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
		Sr25519Keyring::Dave => Ed25519Keyring::Dave,
		Sr25519Keyring::Eve => Ed25519Keyring::Eve,
		_ => Ed25519Keyring::Ferdie,
	};
	let keys = SessionKeys { aura: who.public().into(), grandpa: grandpa.public().into() };
	(who.to_account_id(), keys)
}

/// Builds a genesis patch from its parts.
fn genesis(
	validators: Vec<(AccountId, SessionKeys)>,
	council: Vec<AccountId>,
	endowed: Vec<AccountId>,
) -> Value {
	let mut balances: Vec<(AccountId, Balance)> =
		endowed.into_iter().map(|who| (who, DEV_ACCOUNT_BALANCE)).collect();
	// The fee account exists from the start, so that the first fees (which may be below the
	// existential deposit) are credited rather than dropped.
	balances.push((FeeCollectorAccount::get(), EXISTENTIAL_DEPOSIT));

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		// Aura and GRANDPA take their authorities from the first session.
		validator_set: ValidatorSetConfig {
			initial_validators: validators.iter().map(|(who, _)| who.clone()).collect::<Vec<_>>(),
		},
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|(who, keys)| (who.clone(), who.clone(), keys.clone()))
				.collect::<Vec<_>>(),
		},
		council: CouncilConfig { members: council },
		identity_claims: demo_compliance(),
		identity_registrars: IdentityRegistrarsConfig {
			members: frame_support::BoundedVec::truncate_from(vec![
				Sr25519Keyring::Alice.to_account_id()
			]),
		},
		oracle: OracleConfig {
			feeders: demo_feeders(),
			price_keys: vec![(PriceKey::USDX_USD, usdx_usd_params())],
		},
		reserves: demo_reserves(),
		circuit_breaker: demo_circuit_breaker(),
		stablecoin: demo_stablecoin(),
		fiat_desk: FiatDeskConfig {
			members: frame_support::BoundedVec::truncate_from(vec![demo_fiat_desk()]),
		},
		compliance_officers: ComplianceOfficersConfig {
			members: frame_support::BoundedVec::truncate_from(vec![demo_compliance_officer()]),
		},
		guardians: GuardiansConfig {
			members: frame_support::BoundedVec::truncate_from(vec![demo_guardian()]),
		},
	})
}

/// The `development` preset: a single validator and a one-member council, both Alice.
pub fn development_genesis() -> Value {
	genesis(
		vec![dev_validator(Sr25519Keyring::Alice)],
		vec![Sr25519Keyring::Alice.to_account_id()],
		endowed_dev_accounts(),
	)
}

/// The `local_testnet` preset: validators Alice, Bob and Charlie, who also form the council.
pub fn local_testnet_genesis() -> Value {
	let trio = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];
	genesis(
		trio.iter().map(|who| dev_validator(*who)).collect(),
		trio.iter().map(|who| who.to_account_id()).collect(),
		endowed_dev_accounts(),
	)
}

/// The JSON genesis patch of the preset `id`, if the runtime has it.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	// Serializing a `serde_json::Value` cannot fail.
	serde_json::to_vec(&patch).ok()
}

/// The presets the runtime ships.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
