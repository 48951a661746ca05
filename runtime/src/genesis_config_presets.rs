//! The genesis states the runtime ships: `development` and `local_testnet`.
//!
//! Neither has a sudo key: the council governs both. The validators are the council's
//! validator set (`pallet-validator-set`), with their session keys registered at genesis;
//! Aura and GRANDPA take their authorities from the first session. Every endowed account is a
//! verified person (an identity in the US with KYC and AML claims from the demo KYC
//! provider), so that no tokens start outside compliance, and the genesis supply is within
//! the genesis attestation (`pallet-reserves` refuses to build it otherwise).
//!
//! - `local_testnet`: the separation of duties of a real deployment. Four validators (Alice,
//!   Bob, Charlie, Dave), so that one can fail without stopping finality; Alice, Bob and
//!   Charlie form the council (two of them pass an ordinary motion; root calls and validator
//!   changes take all three). Every operator role is held by a key of its own,
//!   and no key holds two of: council, fiat desk, compliance, claim issuer, attestor,
//!   guardian, feeder ([`local_testnet_roles`]). Funding is confirmed by two fiat-desk
//!   operators; proof of reserve needs two of two attestors and an attestation at most
//!   [`REALISTIC_ATTESTATION_MAX_AGE_MS`] old, so a testnet started after
//!   2026-12-06 starts stale until the attestors publish a new report.
//! - `development`: one validator and a one-member council (Alice), and the roles shared
//!   among the well-known dev accounts for convenience ([`development_roles`]): several
//!   accounts hold two roles, one attestor suffices and the genesis attestation stays fresh
//!   for ten years. Bob holds no role: he is the plain holder of the dev chain.
//!
//! Holding, sending, minting and redeeming require KYC and AML for persons and KYB and AML
//! for businesses; bulk minting adds the institutional claim (Alice holds it).
//!
//! Both presets also set up the money side the same way:
//! - the stablecoin: the issuer's terms and [`GENESIS_ALLOWANCE`] authorized
//!   (`demo_stablecoin`);
//! - the oracle: the USDX/USD key ([`usdx_usd_params`]) and its feeders ([`demo_feeders`] on
//!   the development chain), so that minting waits for two fresh reports;
//! - proof of reserve: the attestors, their quorum and the [`genesis_attestation`]
//!   (`demo_reserves`);
//! - the circuit breaker: the default levels and the mint volume limits
//!   ([`MINT_LIMIT_PER_BLOCK`], [`MINT_LIMIT_PER_DAY`]).
//!
//! The demo operators of the development chain, the keys that a real deployment's desks
//! would hold, are named by [`demo_fiat_desk`], [`demo_fiat_desk_2`],
//! [`demo_compliance_officer`], [`demo_guardian`], [`demo_attestor`] and [`demo_feeders`]:
//! the node's tests and examples act through them.

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

/// Who holds each role in a preset, and the proof-of-reserve quorum that follows.
#[derive(Clone, Debug)]
pub struct PresetRoles {
	/// The validators: each one's account and the session keys (Aura, GRANDPA) it starts with.
	pub validators: Vec<(AccountId, SessionKeys)>,
	/// The issuer council.
	pub council: Vec<AccountId>,
	/// The fiat desk's operators (funding needs two of them).
	pub fiat_desk: Vec<AccountId>,
	/// The compliance officers.
	pub compliance_officers: Vec<AccountId>,
	/// The guardians.
	pub guardians: Vec<AccountId>,
	/// The identity registrars.
	pub registrars: Vec<AccountId>,
	/// The USDX/USD price feeders (two must agree).
	pub feeders: Vec<AccountId>,
	/// The reserve attestors.
	pub attestors: Vec<AccountId>,
	/// How many attestors must publish the same report.
	pub attestor_quorum: u32,
	/// How long an attestation stays fresh, in milliseconds.
	pub attestation_max_age: u64,
	/// The KYC provider, trusted for every standard claim topic.
	pub claim_issuer: AccountId,
	/// Holders without a role, funded with [`DEV_ACCOUNT_BALANCE`].
	pub holders: Vec<AccountId>,
}

impl PresetRoles {
	/// Every account the preset endows, once each, in a stable order: council and holders
	/// first, then the operators. Each becomes a verified person.
	pub fn endowed(&self) -> Vec<AccountId> {
		let mut all: Vec<AccountId> = Vec::new();
		let lists = [
			&self.council,
			&self.holders,
			&self.fiat_desk,
			&self.compliance_officers,
			&self.guardians,
			&self.registrars,
			&self.feeders,
			&self.attestors,
		];
		let validators: Vec<AccountId> =
			self.validators.iter().map(|(who, _)| who.clone()).collect();
		for who in lists
			.into_iter()
			.flatten()
			.chain(validators.iter())
			.chain(core::iter::once(&self.claim_issuer))
		{
			if !all.contains(who) {
				all.push(who.clone());
			}
		}
		all
	}

	/// The genesis balance of `who`: [`DEV_ACCOUNT_BALANCE`] for the well-known dev accounts
	/// Alice to Ferdie, [`OPERATOR_BALANCE`] for the other operator keys.
	pub fn balance_of(who: &AccountId) -> Balance {
		if well_known_dev_accounts().contains(who) {
			DEV_ACCOUNT_BALANCE
		} else {
			OPERATOR_BALANCE
		}
	}
}

/// Alice, Bob, Charlie, Dave, Eve and Ferdie.
pub fn well_known_dev_accounts() -> Vec<AccountId> {
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

fn accounts(keys: &[Sr25519Keyring]) -> Vec<AccountId> {
	keys.iter().map(|k| k.to_account_id()).collect()
}

/// The roles of the `development` preset: convenient, several shared. Alice is validator,
/// council and registrar; Charlie and Dave the fiat desk; Eve the compliance officer; Dave
/// the guardian; Charlie, Eve and Ferdie the feeders; Ferdie the one attestor (quorum 1,
/// ten-year maximum age) and the KYC provider; Bob holds no role.
pub fn development_roles() -> PresetRoles {
	use Sr25519Keyring::*;
	PresetRoles {
		validators: vec![dev_validator(Alice)],
		council: accounts(&[Alice]),
		fiat_desk: accounts(&[Charlie, Dave]),
		compliance_officers: accounts(&[Eve]),
		guardians: accounts(&[Dave]),
		registrars: accounts(&[Alice]),
		feeders: accounts(&[Charlie, Eve, Ferdie]),
		attestors: accounts(&[Ferdie]),
		attestor_quorum: 1,
		attestation_max_age: DEMO_ATTESTATION_MAX_AGE_MS,
		claim_issuer: Ferdie.to_account_id(),
		holders: accounts(&[Bob]),
	}
}

/// The roles of the `local_testnet` preset: separated. Alice, Bob, Charlie and Dave run the
/// four validators (one can fail without stopping GRANDPA, which needs more than two thirds
/// of the votes); Alice, Bob and Charlie form the council (Alice also the registrar, not a
/// separated role); Eve and `//Ferdie//stash` the fiat desk; Ferdie the compliance officer;
/// `//One` the KYC provider; `//Two` and `//Alice//stash` the attestors (quorum two);
/// `//Bob//stash` the guardian; `//Charlie//stash`, `//Dave//stash` and `//Eve//stash` the
/// feeders.
pub fn local_testnet_roles() -> PresetRoles {
	use Sr25519Keyring::*;
	PresetRoles {
		validators: [Alice, Bob, Charlie, Dave].into_iter().map(dev_validator).collect(),
		council: accounts(&[Alice, Bob, Charlie]),
		fiat_desk: accounts(&[Eve, FerdieStash]),
		compliance_officers: accounts(&[Ferdie]),
		guardians: accounts(&[BobStash]),
		registrars: accounts(&[Alice]),
		feeders: accounts(&[CharlieStash, DaveStash, EveStash]),
		attestors: accounts(&[Two, AliceStash]),
		attestor_quorum: 2,
		attestation_max_age: REALISTIC_ATTESTATION_MAX_AGE_MS,
		claim_issuer: One.to_account_id(),
		holders: Vec::new(),
	}
}

/// The demo guardian of the development preset: may pause at once, never lift a pause.
pub fn demo_guardian() -> AccountId {
	development_roles().guardians[0].clone()
}

/// The demo price feeders of the development preset: USDX/USD takes effect once two of them
/// report.
pub fn demo_feeders() -> Vec<AccountId> {
	development_roles().feeders
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

/// The demo reserve attestor of the development preset (also its KYC provider).
pub fn demo_attestor() -> AccountId {
	development_roles().attestors[0].clone()
}

/// As-of date of the genesis attestation: 2026-11-01 00:00 UTC.
pub const GENESIS_ATTESTATION_AS_OF_MS: u64 = 1_793_491_200_000;

/// How long an attestation stays valid on the development chain: ten years, so that a dev
/// chain started long after [`GENESIS_ATTESTATION_AS_OF_MS`] still starts backed.
pub const DEMO_ATTESTATION_MAX_AGE_MS: u64 = 10 * 365 * 24 * 60 * 60 * 1000;

/// How long an attestation stays valid on the local testnet, as on a production chain: 35
/// days (monthly reports with a few days' grace, the pallet's default).
pub const REALISTIC_ATTESTATION_MAX_AGE_MS: u64 = 35 * 24 * 60 * 60 * 1000;

/// A custodian's identifier: its name, left-aligned and padded with zero bytes.
fn custodian(name: &[u8]) -> pallet_reserves::CustodianId {
	let mut id = [0u8; 32];
	for (slot, byte) in id.iter_mut().zip(name) {
		*slot = *byte;
	}
	id
}

/// The genesis attestation: 1,000,000 USD of reserves held by three custodians (994,000 USD
/// eligible after haircuts), covering the at most 610,000 USDX the presets create.
pub fn genesis_attestation() -> pallet_reserves::AttestationView<Balance> {
	demo_attestation(
		GENESIS_ATTESTATION_AS_OF_MS,
		1_000_000 * USDX,
		BlakeTwo256::hash_of(&b"usdx-demo-attestation-2026-11"),
	)
}

/// A demo reserve report of `total` as of `as_of` (milliseconds since the Unix epoch) over
/// the 30 days before it: 25% cash and deposits, 60% Treasury bills, the rest overnight
/// reverse repo, held 45% by custodian A, 35% by B and the rest by C. The genesis attestation
/// and the development chain's demo attestor (`stablecoin-node demo-operators`) use it.
pub fn demo_attestation(
	as_of: u64,
	total: Balance,
	report_hash: H256,
) -> pallet_reserves::AttestationView<Balance> {
	// Shares of a `Balance`: `total / 100` times a share below 100 cannot overflow, and the
	// last part takes the rest, so the parts add up to `total` exactly.
	let share = |percent: Balance| total / 100 * percent + total % 100 * percent / 100;
	let cash_and_deposits = share(25);
	let treasury_bills = share(60);
	let amounts = pallet_reserves::CategoryAmounts {
		cash_and_deposits,
		treasury_bills,
		overnight_reverse_repo: total - cash_and_deposits - treasury_bills,
		government_money_market_funds: 0,
		other: 0,
	};
	let (bank_a, bank_b) = (share(45), share(35));
	pallet_reserves::AttestationView::<Balance> {
		as_of,
		period_start: as_of.saturating_sub(30 * 24 * 60 * 60 * 1000),
		period_end: as_of,
		amounts,
		custodians: vec![
			(custodian(b"Demo Custody Bank A"), bank_a),
			(custodian(b"Demo Custody Bank B"), bank_b),
			(custodian(b"Demo Treasury Broker C"), total - bank_a - bank_b),
		],
		total,
		report_hash,
	}
}

/// The proof-of-reserve set-up of a preset: its attestors and quorum, and the genesis
/// attestation.
fn demo_reserves(roles: &PresetRoles) -> ReservesConfig {
	ReservesConfig {
		attestors: roles.attestors.clone(),
		quorum: roles.attestor_quorum,
		max_age: roles.attestation_max_age,
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

/// The circuit breaker of both presets: the pallet's default levels, periods and policies
/// (`pallet_circuit_breaker::BreakerParameters` and the policies' defaults: halt suspends
/// mints and transfers but never redemptions), and mint volume limits
/// ([`MINT_LIMIT_PER_BLOCK`], [`MINT_LIMIT_PER_DAY`]). Redemptions have no volume limit: the
/// exit stays open.
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

/// The first fiat-desk operator of the development preset: confirms funding and payouts.
pub fn demo_fiat_desk() -> AccountId {
	development_roles().fiat_desk[0].clone()
}

/// The second fiat-desk operator of the development preset: funding needs both.
pub fn demo_fiat_desk_2() -> AccountId {
	development_roles().fiat_desk[1].clone()
}

/// The compliance officer of the development preset: freezes accounts, holds redemptions.
pub fn demo_compliance_officer() -> AccountId {
	development_roles().compliance_officers[0].clone()
}

/// Supply authorized to the treasury at genesis in both presets.
pub const GENESIS_ALLOWANCE: Balance = 1_000_000 * USDX;

/// The stablecoin of both presets: the issuer's default terms in USDX's units (limits, fees,
/// approval threshold, T+2 and the funding confirmations:
/// `pallet_stablecoin::Parameters::defaults_with_unit`) and [`GENESIS_ALLOWANCE`] authorized.
fn demo_stablecoin() -> StablecoinConfig {
	StablecoinConfig {
		parameters: pallet_stablecoin::Parameters::defaults_with_unit(USDX as u32),
		initial_allowance: GENESIS_ALLOWANCE,
		..Default::default()
	}
}

/// The KYC provider of the development preset.
pub fn demo_kyc_provider() -> AccountId {
	development_roles().claim_issuer
}

/// The accounts of the development preset, all verified persons at genesis, each its own
/// identity (1, 2, ... in this order; Alice is identity 1).
pub fn verified_dev_accounts() -> Vec<AccountId> {
	development_roles().endowed()
}

/// The compliance set-up of a preset: its KYC provider, every endowed account a verified
/// person, and the rules.
fn demo_compliance(roles: &PresetRoles) -> IdentityClaimsConfig {
	let provider = roles.claim_issuer.clone();
	let standard: Vec<stablecoin_primitives::TopicId> =
		topics::STANDARD.iter().map(|(id, _)| *id).collect();
	let mut identities = Vec::new();
	let mut claims = Vec::new();
	for (index, who) in roles.endowed().into_iter().enumerate() {
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

/// USDX each well-known development account (Alice to Ferdie) starts with.
pub const DEV_ACCOUNT_BALANCE: Balance = 100_000 * USDX;

/// USDX each other operator key starts with: enough for transaction fees.
pub const OPERATOR_BALANCE: Balance = 1_000 * USDX;

/// The accounts funded at genesis in the development preset.
pub fn endowed_dev_accounts() -> Vec<AccountId> {
	development_roles().endowed()
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

/// Builds a genesis patch from a preset's roles: the presets below, and the node's `staging`
/// chain spec, whose roles are placeholder keys that a deployment replaces.
pub fn genesis_patch(roles: PresetRoles) -> Value {
	let mut balances: Vec<(AccountId, Balance)> = roles
		.endowed()
		.into_iter()
		.map(|who| {
			let balance = PresetRoles::balance_of(&who);
			(who, balance)
		})
		.collect();
	// The fee account exists from the start, so that the first fees (which may be below the
	// existential deposit) are credited rather than dropped.
	balances.push((FeeCollectorAccount::get(), EXISTENTIAL_DEPOSIT));
	let validators = roles.validators.clone();

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
		council: CouncilConfig { members: roles.council.clone() },
		identity_claims: demo_compliance(&roles),
		identity_registrars: IdentityRegistrarsConfig {
			members: frame_support::BoundedVec::truncate_from(roles.registrars.clone())
		},
		oracle: OracleConfig {
			feeders: roles.feeders.clone(),
			price_keys: vec![(PriceKey::USDX_USD, usdx_usd_params())],
		},
		reserves: demo_reserves(&roles),
		circuit_breaker: demo_circuit_breaker(),
		stablecoin: demo_stablecoin(),
		fiat_desk: FiatDeskConfig {
			members: frame_support::BoundedVec::truncate_from(roles.fiat_desk.clone())
		},
		compliance_officers: ComplianceOfficersConfig {
			members: frame_support::BoundedVec::truncate_from(roles.compliance_officers.clone()),
		},
		guardians: GuardiansConfig {
			members: frame_support::BoundedVec::truncate_from(roles.guardians.clone())
		},
	})
}

/// The `development` preset: a single validator and a one-member council, both Alice.
pub fn development_genesis() -> Value {
	genesis_patch(development_roles())
}

/// The `local_testnet` preset: validators Alice, Bob, Charlie and Dave, a council of Alice,
/// Bob and Charlie, and every operator role on a key of its own.
pub fn local_testnet_genesis() -> Value {
	genesis_patch(local_testnet_roles())
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
