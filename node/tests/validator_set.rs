//! End-to-end on a local network: the council changes the validator set of a running chain.
//!
//! Three validators (Alice, Bob, Charlie) start from the checked-in local testnet spec. A
//! fourth node (Dave's) generates its session keys with `author_rotateKeysWithOwner`, Dave
//! registers them with `session.set_keys`, and a council motion adds him. Within two sessions
//! he is an Aura and GRANDPA authority and authors blocks; then Charlie's node stops, and
//! finality goes on only because Dave's GRANDPA votes count (three of four are needed). A
//! second motion removes Charlie, and finality goes on with the three that remain.

mod common;

use std::time::Duration;

use codec::{Decode, Encode};
use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::generic::DigestItem;
use stablecoin_runtime::{RuntimeCall, SessionKeys};

/// The council of the local testnet; three quarters of three is all three.
const COUNCIL: [Sr25519Keyring; 3] =
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];

/// Longest wait for one transaction to be finalized.
const FINALITY: Duration = Duration::from_secs(90);

/// Longest wait for a validator change: two sessions of twenty blocks, with a margin for
/// missed slots.
const TWO_SESSIONS: Duration = Duration::from_secs(180);

/// The Aura authorities at block `at` (or the best block).
async fn aura_authorities(client: &WsClient, at: Option<H256>) -> Result<Vec<AuraId>> {
	runtime_api(client, "AuraApi_authorities", &[], at).await
}

/// The GRANDPA authorities at the best block.
async fn grandpa_authorities(client: &WsClient) -> Result<Vec<sp_consensus_grandpa::AuthorityId>> {
	let list: sp_consensus_grandpa::AuthorityList =
		runtime_api(client, "GrandpaApi_grandpa_authorities", &[], None).await?;
	Ok(list.into_iter().map(|(id, _)| id).collect())
}

/// The Aura authority that authored block `hash`: the one whose turn its slot was.
async fn block_author(client: &WsClient, hash: H256) -> Result<AuraId> {
	let header: Value = client.request("chain_getHeader", rpc_params![hash]).await?;
	let parent: H256 = serde_json::from_value(header["parentHash"].clone())?;
	let logs = header["digest"]["logs"].as_array().ok_or("a header has digest logs")?;
	let mut slot = None;
	for log in logs {
		let bytes = sp_core::bytes::from_hex(log.as_str().ok_or("a log is hex")?)?;
		if let DigestItem::PreRuntime(engine, data) = DigestItem::decode(&mut &bytes[..])? {
			if engine == sp_consensus_aura::AURA_ENGINE_ID {
				slot = Some(u64::decode(&mut &data[..])?);
			}
		}
	}
	let slot = slot.ok_or("the block has no Aura slot")?;
	let authorities = aura_authorities(client, Some(parent)).await?;
	let index = (slot % authorities.len() as u64) as usize;
	Ok(authorities[index].clone())
}

fn validator_set_call(
	call: pallet_validator_set::Call<stablecoin_runtime::Runtime>,
) -> RuntimeCall {
	RuntimeCall::ValidatorSet(call)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_council_adds_and_removes_a_validator_of_a_running_network() -> Result<()> {
	let spec = repo_root().join("chain-specs/local-testnet.json");
	let spec = spec.to_str().expect("utf-8 path");

	let key_file =
		std::env::temp_dir().join(format!("usdx-validator-set-node-key-{}", std::process::id()));
	std::fs::write(&key_file, format!("{:064x}", 1))?;
	let alice_peer = peer_id(&key_file);
	let mut alice = Node::start(
		"vs-alice",
		&["--chain", spec, "--alice", "--node-key-file", key_file.to_str().expect("utf-8")],
	)?;
	let bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{alice_peer}", alice.p2p_port);
	let key = |n: u8| format!("{n:064x}");
	let mut bob = Node::start(
		"vs-bob",
		&["--chain", spec, "--bob", "--node-key", &key(2), "--bootnodes", &bootnode],
	)?;
	let mut charlie = Node::start(
		"vs-charlie",
		&["--chain", spec, "--charlie", "--node-key", &key(3), "--bootnodes", &bootnode],
	)?;
	// Dave's node is a validator with an empty keystore: its keys are generated below.
	let mut dave = Node::start(
		"vs-dave",
		&["--chain", spec, "--validator", "--node-key", &key(4), "--bootnodes", &bootnode],
	)?;

	let client = alice.connect(Duration::from_secs(120)).await?;
	let _ = bob.connect(Duration::from_secs(120)).await?;
	let _ = charlie.connect(Duration::from_secs(120)).await?;
	let dave_client = dave.connect(Duration::from_secs(120)).await?;
	let logs = |alice: &Node, dave: &Node| {
		format!("alice:\n{}\ndave:\n{}", alice.log_tail(), dave.log_tail())
	};
	wait_until("the network to finalize block 2", Duration::from_secs(120), || async {
		Ok(finalized_number(&client).await? >= 2)
	})
	.await
	.map_err(|e| format!("{e}\n{}", logs(&alice, &dave)))?;

	// Dave's node generates session keys and a proof that Dave's account owns them.
	let dave_account = Sr25519Keyring::Dave.to_account_id();
	let generated: Value = dave_client
		.request("author_rotateKeysWithOwner", rpc_params![to_hex(&dave_account.encode())])
		.await?;
	let keys_bytes = sp_core::bytes::from_hex(generated["keys"].as_str().ok_or("keys")?)?;
	let proof = sp_core::bytes::from_hex(generated["proof"].as_str().ok_or("a proof")?)?;
	let keys = SessionKeys::decode(&mut &keys_bytes[..])?;
	let register =
		RuntimeCall::Session(pallet_session::Call::set_keys { keys: keys.clone(), proof });
	submit_signed(&client, register, &Sr25519Keyring::Dave.pair(), FINALITY).await?;

	// A council motion adds him.
	let add =
		validator_set_call(pallet_validator_set::Call::add_validator { who: dave_account.clone() });
	council_motion(&client, add, &COUNCIL, FINALITY)
		.await
		.map_err(|e| format!("{e}\n{}", logs(&alice, &dave)))?;

	// Within two sessions he is an Aura and a GRANDPA authority.
	wait_until("Dave to become an Aura and GRANDPA authority", TWO_SESSIONS, || async {
		Ok(aura_authorities(&client, None).await?.contains(&keys.aura)
			&& grandpa_authorities(&client).await?.contains(&keys.grandpa))
	})
	.await
	.map_err(|e| format!("{e}\n{}", logs(&alice, &dave)))?;
	assert_eq!(aura_authorities(&client, None).await?.len(), 4);

	// He authors blocks.
	let deadline = std::time::Instant::now() + Duration::from_secs(60);
	let authored = loop {
		let best: Value = client.request("chain_getBlockHash", rpc_params![]).await?;
		let best: H256 = serde_json::from_value(best)?;
		if block_author(&client, best).await? == keys.aura {
			break best;
		}
		if std::time::Instant::now() > deadline {
			return Err(format!("Dave authored no block\n{}", logs(&alice, &dave)).into());
		}
		tokio::time::sleep(Duration::from_millis(300)).await;
	};
	println!("Dave authored block {authored:?}");

	// Charlie's node stops. Three of the four authorities must vote: Alice, Bob and Dave.
	let grandpa_set_with_dave = grandpa_authorities(&client).await?;
	assert_eq!(grandpa_set_with_dave.len(), 4);
	drop(charlie);
	let finalized_before = finalized_number(&client).await?;
	wait_until(
		"finality without Charlie, thanks to Dave's votes",
		Duration::from_secs(90),
		|| async { Ok(finalized_number(&client).await? >= finalized_before + 5) },
	)
	.await
	.map_err(|e| format!("{e}\n{}", logs(&alice, &dave)))?;

	// The council removes Charlie's validator (his account still votes for it).
	let charlie_aura: AuraId = Sr25519Keyring::Charlie.public().into();
	let remove = validator_set_call(pallet_validator_set::Call::remove_validator {
		who: Sr25519Keyring::Charlie.to_account_id(),
	});
	council_motion(&client, remove, &COUNCIL, FINALITY)
		.await
		.map_err(|e| format!("{e}\n{}", logs(&alice, &dave)))?;
	wait_until("Charlie to leave the authorities", TWO_SESSIONS, || async {
		let aura = aura_authorities(&client, None).await?;
		Ok(aura.len() == 3
			&& !aura.contains(&charlie_aura)
			&& grandpa_authorities(&client).await?.len() == 3)
	})
	.await
	.map_err(|e| format!("{e}\n{}", logs(&alice, &dave)))?;

	// Finality goes on with Alice, Bob and Dave.
	let finalized_before = finalized_number(&client).await?;
	wait_until("finality after Charlie's removal", Duration::from_secs(90), || async {
		Ok(finalized_number(&client).await? >= finalized_before + 5)
	})
	.await
	.map_err(|e| format!("{e}\n{}", logs(&alice, &dave)))?;
	let _ = std::fs::remove_file(&key_file);
	Ok(())
}
