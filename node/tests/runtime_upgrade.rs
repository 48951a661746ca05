//! End-to-end: the council upgrades the runtime of a running `--dev` chain.
//!
//! The new runtime is the chain's own code with its embedded `spec_version` one higher (the
//! test rewrites the version section of the Wasm read from the chain, see `common/wasm.rs`).
//! A council motion whitelists `system.authorize_upgrade(code_hash)`, a member dispatches it
//! as root, an account with no role uploads the code with `system.apply_authorized_upgrade`
//! and pays nothing for it, the node reports the new version, and blocks keep being produced
//! and finalized on the new runtime.

mod common;

use std::time::Duration;

use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use sp_core::storage::well_known_keys::CODE;
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::{BlakeTwo256, Hash};
use stablecoin_runtime::pallets;
use stablecoin_runtime::RuntimeCall;

/// Longest wait for one transaction to be finalized.
const FINALITY: Duration = Duration::from_secs(60);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_council_motion_upgrades_the_runtime_of_a_running_chain() -> Result<()> {
	let mut node = Node::start("upgrade", &["--dev"])?;
	let client = node.connect(Duration::from_secs(120)).await?;
	wait_until("the first finalized block", Duration::from_secs(60), || async {
		Ok(finalized_number(&client).await? >= 1)
	})
	.await
	.map_err(|e| format!("{e}\n{}", node.log_tail()))?;

	let before: serde_json::Value =
		client.request("state_getRuntimeVersion", rpc_params![]).await?;
	let spec_version = before["specVersion"].as_u64().ok_or("a spec version")? as u32;

	// The new runtime: today's code, one spec version higher.
	let code = storage_raw(&client, CODE, None).await?.ok_or("the chain has code")?;
	assert_eq!(wasm::embedded_spec_version(&code)?, spec_version);
	let new_code = wasm::with_spec_version_raised(&code, 1)?;
	assert_eq!(wasm::embedded_spec_version(&new_code)?, spec_version + 1);
	let code_hash = BlakeTwo256::hash(&new_code);
	println!("new runtime: {} bytes, hash {code_hash:?}", new_code.len());

	// The development council (Alice alone) authorizes it by hash, through the whitelist.
	let authorize = RuntimeCall::System(pallets::system::Call::authorize_upgrade { code_hash });
	dispatch_as_root(&client, authorize, &[Sr25519Keyring::Alice], FINALITY).await?;
	let authorized = storage_raw(&client, &plain_key("System", "AuthorizedUpgrade"), None).await?;
	assert!(authorized.is_some(), "the upgrade is authorized\n{}", node.log_tail());

	// Ferdie, who holds no governance role, uploads the code; it costs him nothing.
	let ferdie = Sr25519Keyring::Ferdie;
	let ferdie_before = free_balance(&client, &ferdie.to_account_id(), None).await?;
	let apply =
		RuntimeCall::System(pallets::system::Call::apply_authorized_upgrade { code: new_code });
	let settled = submit_signed(&client, apply, &ferdie.pair(), Duration::from_secs(120))
		.await
		.map_err(|e| format!("{e}\n{}", node.log_tail()))?;
	let upgraded_at = block_number(&client, Some(settled.block)).await?;
	println!("code applied in block {upgraded_at}, finalized after {:?}", settled.finalized_after);
	assert_eq!(
		free_balance(&client, &ferdie.to_account_id(), Some(settled.block)).await?,
		ferdie_before,
		"uploading authorized code is free"
	);

	// The node runs the new runtime.
	let after: serde_json::Value = client.request("state_getRuntimeVersion", rpc_params![]).await?;
	assert_eq!(after["specVersion"].as_u64(), Some(u64::from(spec_version) + 1));
	assert_eq!(after["specName"], before["specName"]);

	// And keeps producing and finalizing blocks on it.
	wait_until("five more finalized blocks on the new runtime", FINALITY, || async {
		Ok(finalized_number(&client).await? >= upgraded_at + 5)
	})
	.await
	.map_err(|e| format!("{e}\n{}", node.log_tail()))?;
	let finalized = finalized_hash(&client).await?;
	let at_finalized: serde_json::Value =
		client.request("state_getRuntimeVersion", rpc_params![finalized]).await?;
	assert_eq!(at_finalized["specVersion"].as_u64(), Some(u64::from(spec_version) + 1));
	Ok(())
}
