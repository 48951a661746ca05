//! The checked-in chain specs: `local-testnet.json` matches the runtime's `local_testnet`
//! preset (authorities, council, balances, properties) and three of its four validators
//! booted from it produce and finalize blocks; `staging.json` matches the node's `staging`
//! chain spec (four placeholder validators, a council of four, placeholder boot nodes).
//!
//! The runtime's Wasm blob inside a spec changes with every build, so the comparison is of
//! the genesis storage without `:code`, not of the file.

mod common;

use std::{collections::BTreeMap, process::Command, time::Duration};

use codec::Decode;
use common::*;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::storage::well_known_keys::CODE;
use sp_io::hashing::twox_128;
use sp_keyring::Sr25519Keyring;
use stablecoin_runtime::{genesis_config_presets::DEV_ACCOUNT_BALANCE, AccountId};

/// Where the checked-in local testnet spec lives, relative to the repository root.
const CHECKED_IN_SPEC: &str = "chain-specs/local-testnet.json";
/// Where the checked-in staging spec lives, relative to the repository root.
const CHECKED_IN_STAGING_SPEC: &str = "chain-specs/staging.json";

fn read_spec(relative: &str) -> Value {
	let path = repo_root().join(relative);
	let text = std::fs::read_to_string(&path)
		.unwrap_or_else(|e| panic!("{} is readable: {e}", path.display()));
	serde_json::from_str(&text).expect("the checked-in spec is JSON")
}

fn checked_in_spec() -> Value {
	read_spec(CHECKED_IN_SPEC)
}

fn exported_spec(chain: &str) -> Value {
	let output = Command::new(node_binary())
		.args(["export-chain-spec", "--chain", chain, "--raw"])
		.output()
		.expect("the node runs");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	serde_json::from_slice(&output.stdout).expect("the exported spec is JSON")
}

/// The genesis storage of a raw spec, without the runtime code.
fn genesis_storage(spec: &Value) -> BTreeMap<String, String> {
	let top = spec["genesis"]["raw"]["top"].as_object().expect("a raw spec has genesis storage");
	let code_key = to_hex(CODE);
	top.iter()
		.filter(|(key, _)| **key != code_key)
		.map(|(key, value)| (key.clone(), value.as_str().expect("hex value").to_string()))
		.collect()
}

/// The value stored under `pallet`/`item` in a raw spec's genesis.
fn storage_value<T: Decode>(spec: &Value, pallet: &str, item: &str) -> T {
	let value = spec["genesis"]["raw"]["top"][to_hex(&plain_key(pallet, item))]
		.as_str()
		.unwrap_or_else(|| panic!("{pallet}::{item} is in the genesis"));
	let bytes = sp_core::bytes::from_hex(value).expect("hex");
	T::decode(&mut &bytes[..]).expect("decodes")
}

/// Fails with the differing keys when the checked-in spec at `relative` no longer matches the
/// node's `chain`.
fn assert_no_drift(relative: &str, chain: &str) {
	let checked_in = read_spec(relative);
	let exported = exported_spec(chain);

	for field in ["name", "id", "chainType", "properties", "protocolId", "bootNodes"] {
		assert_eq!(checked_in[field], exported[field], "chain spec field '{field}' differs");
	}

	let expected = genesis_storage(&exported);
	let actual = genesis_storage(&checked_in);
	let differing: Vec<&String> = expected
		.keys()
		.chain(actual.keys())
		.filter(|key| expected.get(*key) != actual.get(*key))
		.collect();
	assert!(
		differing.is_empty(),
		"{relative} is out of date with the node's '{chain}' chain spec \
		 (regenerate it with ./scripts/gen-chain-specs.sh); differing keys: {differing:?}"
	);
}

#[test]
fn checked_in_spec_matches_the_local_testnet_preset() {
	assert_no_drift(CHECKED_IN_SPEC, "local");
}

#[test]
fn checked_in_staging_spec_matches_the_staging_chain_spec() {
	assert_no_drift(CHECKED_IN_STAGING_SPEC, "staging");
}

#[test]
fn staging_spec_has_four_validators_a_council_of_four_and_placeholder_boot_nodes() {
	let spec = read_spec(CHECKED_IN_STAGING_SPEC);
	assert_eq!(spec["chainType"], "Live");
	assert_eq!(spec["properties"]["tokenSymbol"], "USDX");
	let validators: Vec<AccountId> = storage_value(&spec, "ValidatorSet", "Validators");
	assert_eq!(validators.len(), 4);
	let aura: Vec<AuraId> = storage_value(&spec, "Aura", "Authorities");
	assert_eq!(aura.len(), 4);
	let council: Vec<AccountId> = storage_value(&spec, "Council", "Members");
	assert_eq!(council.len(), 4);
	// No validator sits on the council, and no well-known dev key holds anything.
	assert!(council.iter().all(|member| !validators.contains(member)));
	let dev: Vec<AccountId> = Sr25519Keyring::iter().map(|k| k.to_account_id()).collect();
	assert!(validators.iter().chain(council.iter()).all(|who| !dev.contains(who)));
	let boot_nodes = spec["bootNodes"].as_array().expect("boot nodes");
	assert_eq!(boot_nodes.len(), 4);
	assert!(boot_nodes
		.iter()
		.all(|node| node.as_str().is_some_and(|a| a.contains(".staging.usdx.example/"))));
}

#[test]
fn checked_in_spec_has_four_validators_a_council_of_three_and_usdx() {
	let spec = checked_in_spec();
	assert_eq!(spec["properties"]["tokenSymbol"], "USDX");
	assert_eq!(spec["properties"]["tokenDecimals"], 6);
	assert_eq!(spec["properties"]["ss58Format"], 42);
	assert_eq!(spec["chainType"], "Local");

	let trio = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];
	let four = [trio[0], trio[1], trio[2], Sr25519Keyring::Dave];
	// The validator set hands Aura its authorities (in the set's order, by account).
	let mut aura: Vec<AuraId> = storage_value(&spec, "Aura", "Authorities");
	aura.sort();
	let mut expected_aura: Vec<AuraId> = four.iter().map(|k| AuraId::from(k.public())).collect();
	expected_aura.sort();
	assert_eq!(aura, expected_aura);
	let mut validators: Vec<AccountId> = storage_value(&spec, "ValidatorSet", "Validators");
	validators.sort();
	let mut expected_validators: Vec<AccountId> = four.iter().map(|k| k.to_account_id()).collect();
	expected_validators.sort();
	assert_eq!(validators, expected_validators);

	let mut council: Vec<AccountId> = storage_value(&spec, "Council", "Members");
	council.sort();
	let mut expected: Vec<AccountId> = trio.iter().map(|k| k.to_account_id()).collect();
	expected.sort();
	assert_eq!(council, expected);

	let issuance: u128 = storage_value(&spec, "Balances", "TotalIssuance");
	assert!(issuance >= 6 * DEV_ACCOUNT_BALANCE);

	// No sudo on the local testnet.
	let sudo_key = to_hex(&twox_128(b"Sudo"));
	assert!(spec["genesis"]["raw"]["top"]
		.as_object()
		.expect("genesis storage")
		.keys()
		.all(|key| !key.starts_with(&sudo_key)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_of_four_validators_finalize_blocks_from_the_checked_in_spec() -> Result<()> {
	// Dave's validator stays down: three of four votes are more than two thirds.
	let spec = repo_root().join(CHECKED_IN_SPEC);
	let spec = spec.to_str().expect("utf-8 path");

	// Alice gets a fixed node key so the others can find her.
	let key_file = std::env::temp_dir().join(format!("usdx-alice-node-key-{}", std::process::id()));
	std::fs::write(&key_file, "0000000000000000000000000000000000000000000000000000000000000001")?;
	let alice_peer = peer_id(&key_file);

	let mut alice = Node::start(
		"alice",
		&["--chain", spec, "--alice", "--node-key-file", key_file.to_str().expect("utf-8")],
	)?;
	let bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{alice_peer}", alice.p2p_port);
	// A validator of a non-development chain needs its network key given, not generated.
	let key = |n: u8| format!("{n:064x}");
	let mut bob = Node::start(
		"bob",
		&["--chain", spec, "--bob", "--node-key", &key(2), "--bootnodes", &bootnode],
	)?;
	let mut charlie = Node::start(
		"charlie",
		&["--chain", spec, "--charlie", "--node-key", &key(3), "--bootnodes", &bootnode],
	)?;

	let client = alice.connect(Duration::from_secs(120)).await?;
	let _ = bob.connect(Duration::from_secs(120)).await?;
	let charlie_client = charlie.connect(Duration::from_secs(120)).await?;

	wait_until(
		"three of four validators to finalize block 3",
		Duration::from_secs(120),
		|| async {
			Ok(finalized_number(&client).await? >= 3
				&& finalized_number(&charlie_client).await? >= 3)
		},
	)
	.await
	.map_err(|e| format!("{e}\nalice:\n{}\nbob:\n{}", alice.log_tail(), bob.log_tail()))?;

	// All three agree on the chain they finalized.
	assert_eq!(genesis_hash(&client).await?, genesis_hash(&charlie_client).await?);
	let _ = std::fs::remove_file(&key_file);
	Ok(())
}
