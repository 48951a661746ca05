//! The chain specs the node knows by name, and the properties wallets read from them.

use sc_service::{ChainType, Properties};
use sp_core::{ed25519, sr25519, Pair};
use stablecoin_runtime::{
	genesis_config_presets::{genesis_patch, PresetRoles, REALISTIC_ATTESTATION_MAX_AGE_MS},
	AccountId, SessionKeys, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY,
};

/// A chain spec of this chain.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The properties wallets use to show balances: `USDX`, 6 decimals, and the SS58 prefix.
pub fn chain_properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime's Wasm blob was not built into this binary (built with SKIP_WASM_BUILD?)"
			.to_string()
	})
}

/// The single-validator development chain (`--dev`, `--chain dev`).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("USDX Development")
		.with_id("usdx_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(chain_properties())
		.build())
}

/// The four-validator local testnet (`--chain local`).
pub fn local_testnet_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("USDX Local Testnet")
		.with_id("usdx_local_testnet")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(chain_properties())
		.build())
}

/// The seed from which every placeholder key of the staging chain spec is derived: the key
/// of `role` is `//usdx-staging//<role>`. These seeds are public: a deployment replaces every
/// key derived from them with its operators' own (docs/staging.md).
pub const STAGING_PLACEHOLDER_SEED: &str = "//usdx-staging";

/// The placeholder boot nodes of the staging chain spec, one per validator operator, on the
/// documentation domain `example`: a deployment puts its validators' addresses and peer ids
/// here (docs/staging.md).
pub const STAGING_PLACEHOLDER_BOOTNODES: [&str; 4] = [
	"/dns/validator-1.staging.usdx.example/tcp/30333/p2p/12D3KooWQ3zNHUZczRyYyi5Tp5xzBMmosxshUhzKA77LncGnfyb3",
	"/dns/validator-2.staging.usdx.example/tcp/30333/p2p/12D3KooWS7qKPNh9GABxoMMJz3CH8DBEc3K9qJ6zfCKSHzWzDXhu",
	"/dns/validator-3.staging.usdx.example/tcp/30333/p2p/12D3KooW9xJWjbh6m27Cz4ExCHREGJCmp2okPULCEXtHCTPe7GG2",
	"/dns/validator-4.staging.usdx.example/tcp/30333/p2p/12D3KooWPKw92NpeJKrQHaTAeW3JAszz9JUxUytDDev3mTQbDw6k",
];

/// The sr25519 placeholder account of a staging `role`.
fn staging_account(role: &str) -> Result<AccountId, String> {
	let uri = format!("{STAGING_PLACEHOLDER_SEED}//{role}");
	let pair = sr25519::Pair::from_string(&uri, None)
		.map_err(|e| format!("placeholder key '{uri}': {e:?}"))?;
	Ok(pair.public().into())
}

/// The placeholder validator `role`: its account and its session keys (Aura sr25519, GRANDPA
/// ed25519), all derived from the role's seed.
fn staging_validator(role: &str) -> Result<(AccountId, SessionKeys), String> {
	let uri = format!("{STAGING_PLACEHOLDER_SEED}//{role}");
	let aura = sr25519::Pair::from_string(&uri, None)
		.map_err(|e| format!("placeholder key '{uri}': {e:?}"))?;
	let grandpa = ed25519::Pair::from_string(&uri, None)
		.map_err(|e| format!("placeholder key '{uri}': {e:?}"))?;
	let keys = SessionKeys { aura: aura.public().into(), grandpa: grandpa.public().into() };
	Ok((aura.public().into(), keys))
}

/// The roles of the staging network: four validator operators (the issuer and three partner
/// institutions, one validator each), a council of four governance keys (two thirds is three
/// of them for an ordinary motion, three quarters is three for root calls and validator
/// changes), and every operator role on a separate key: two fiat-desk operators, a
/// compliance officer, a registrar, the KYC provider, two attestors (both must agree, on a
/// report at most `REALISTIC_ATTESTATION_MAX_AGE_MS` old), a guardian and three price feeders.
/// No holder is funded: each of these keys holds `OPERATOR_BALANCE` for its fees.
pub fn staging_roles() -> Result<PresetRoles, String> {
	let accounts = |roles: &[&str]| -> Result<Vec<AccountId>, String> {
		roles.iter().map(|role| staging_account(role)).collect()
	};
	Ok(PresetRoles {
		validators: ["validator-1", "validator-2", "validator-3", "validator-4"]
			.iter()
			.map(|role| staging_validator(role))
			.collect::<Result<_, _>>()?,
		council: accounts(&["council-1", "council-2", "council-3", "council-4"])?,
		fiat_desk: accounts(&["fiat-desk-1", "fiat-desk-2"])?,
		compliance_officers: accounts(&["compliance"])?,
		guardians: accounts(&["guardian"])?,
		registrars: accounts(&["registrar"])?,
		feeders: accounts(&["feeder-1", "feeder-2", "feeder-3"])?,
		attestors: accounts(&["attestor-1", "attestor-2"])?,
		attestor_quorum: 2,
		attestation_max_age: REALISTIC_ATTESTATION_MAX_AGE_MS,
		claim_issuer: staging_account("kyc-provider")?,
		holders: Vec::new(),
	})
}

/// The staging network (`--chain staging`): the shape of a real deployment (see
/// [`staging_roles`]) with placeholder keys and boot nodes that a deployment replaces before
/// launch. `scripts/gen-chain-specs.sh` writes it to `chain-specs/staging.json`.
pub fn staging_chain_spec() -> Result<ChainSpec, String> {
	let boot_nodes = STAGING_PLACEHOLDER_BOOTNODES
		.iter()
		.map(|address| {
			address.parse().map_err(|e| format!("placeholder boot node '{address}': {e}"))
		})
		.collect::<Result<Vec<_>, String>>()?;
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("USDX Staging")
		.with_id("usdx_staging")
		.with_protocol_id("usdx-staging")
		.with_chain_type(ChainType::Live)
		.with_boot_nodes(boot_nodes)
		.with_genesis_config_patch(genesis_patch(staging_roles()?))
		.with_properties(chain_properties())
		.build())
}

/// Loads the chain spec named `id`: `dev`, `local`, `staging`, or the path of a chain spec
/// file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" | "development" => Box::new(development_chain_spec()?),
		"local" | "local_testnet" => Box::new(local_testnet_chain_spec()?),
		"staging" => Box::new(staging_chain_spec()?),
		"" => {
			return Err("no chain given: use --dev, --chain dev, --chain local, --chain staging \
			            or --chain <file>"
				.into())
		}
		path => {
			let file = std::path::PathBuf::from(path);
			if !file.is_file() {
				return Err(format!(
					"unknown chain '{path}': expected 'dev', 'local', 'staging' or the path of a \
					 chain spec file"
				));
			}
			Box::new(
				ChainSpec::from_json_file(file)
					.map_err(|e| format!("cannot read chain spec file '{path}': {e}"))?,
			)
		}
	})
}
