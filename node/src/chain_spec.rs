//! The chain specs the node knows by name, and the properties wallets read from them.

use sc_service::{ChainType, Properties};
use stablecoin_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};

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

/// The three-validator local testnet (`--chain local`).
pub fn local_testnet_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("USDX Local Testnet")
		.with_id("usdx_local_testnet")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(chain_properties())
		.build())
}

/// Loads the chain spec named `id`: `dev`, `local`, or the path of a chain spec file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" | "development" => Box::new(development_chain_spec()?),
		"local" | "local_testnet" => Box::new(local_testnet_chain_spec()?),
		"" => {
			return Err(
				"no chain given: use --dev, --chain dev, --chain local or --chain <file>".into()
			)
		}
		path => {
			let file = std::path::PathBuf::from(path);
			if !file.is_file() {
				return Err(format!(
					"unknown chain '{path}': expected 'dev', 'local' or the path of a chain spec file"
				));
			}
			Box::new(
				ChainSpec::from_json_file(file)
					.map_err(|e| format!("cannot read chain spec file '{path}': {e}"))?,
			)
		}
	})
}
