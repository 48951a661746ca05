//! A wallet's first steps in Rust, against a development chain (`./scripts/dev.sh`): read an
//! account's balance and compliance standing, send USDX and wait for finality, and read the
//! named error of a refused transfer.
//!
//! ```text
//! cargo run --release -p stablecoin-node --example wallet_quickstart -- [WS_URL]
//! ```
//!
//! It signs with the runtime's own helper (`stablecoin_runtime::signing`), talks JSON-RPC with
//! `jsonrpsee`, and decodes answers with the runtime's types. The test command runs it against
//! a fresh development node (`node/tests/dev_chain.rs`).

use codec::{Decode, Encode};
use jsonrpsee::{core::client::*, rpc_params, ws_client::WsClientBuilder};
use serde_json::Value;
use sp_core::{bytes::to_hex, crypto::Ss58Codec, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Two};
use stablecoin_runtime::{pallets::stablecoin, signing, AccountId, RuntimeCall, USDX};

type Error = Box<dyn std::error::Error>;

#[tokio::main]
async fn main() -> Result<(), Error> {
	let url = std::env::args().nth(1).unwrap_or_else(|| "ws://127.0.0.1:9944".into());
	let client = WsClientBuilder::default().build(&url).await?;

	// 1. An account's balance and what it may do (`usdx_account`, plain JSON).
	let alice: Value =
		client.request("usdx_account", rpc_params![Alice.to_account_id().to_ss58check()]).await?;
	println!("Alice holds {} USDX", alice["balance"]["usdx"].as_str().unwrap_or("?"));
	for may in alice["may"].as_array().ok_or("a list")? {
		let answer = may["reason"].as_str().map_or("yes".into(), |why| format!("no ({why})"));
		println!("  may {}: {answer}", may["action"].as_str().unwrap_or("?"));
	}

	// 2. Send 10 USDX to Bob, and 5 to an account no registrar has verified.
	for (to, amount) in [(Bob.to_account_id(), 10 * USDX), (Two.to_account_id(), 5 * USDX)] {
		let (block, outcome) = transfer(&client, to.clone(), amount).await?;
		match outcome {
			Ok(()) => println!("sent {} USDX to {to}: final in block {block:?}", amount / USDX),
			Err(error) => println!("transfer to {to} refused in block {block:?}: {error}"),
		}
	}
	Ok(())
}

/// Signs and submits a `Stablecoin.transfer` from Alice, waits until its block is finalized,
/// and returns that block with the transfer's outcome: its named error if it failed.
async fn transfer(
	client: &impl SubscriptionClientT,
	dest: AccountId,
	amount: u128,
) -> Result<(H256, Result<(), String>), Error> {
	let call = RuntimeCall::Stablecoin(stablecoin::Call::transfer { dest, amount });
	let alice = Alice.to_account_id().to_ss58check();
	let nonce: u32 = client.request("system_accountNextIndex", rpc_params![alice]).await?;
	let genesis: H256 = client.request("chain_getBlockHash", rpc_params![0]).await?;
	let extrinsic =
		to_hex(&signing::sign_call(call, &Alice.pair(), nonce, genesis).encode(), false);
	let (submit, unwatch) = ("author_submitAndWatchExtrinsic", "author_unwatchExtrinsic");
	let mut status = client.subscribe::<Value, _>(submit, rpc_params![&extrinsic], unwatch).await?;
	let block: H256 = loop {
		let event = status.next().await.ok_or("the node closed the subscription")??;
		if let Some(block) = event.get("finalized") {
			break serde_json::from_value(block.clone())?;
		}
	};
	// 3. The outcome is in the block's `System.Events`, at the transfer's place in the block.
	let body: Value = client.request("chain_getBlock", rpc_params![block]).await?;
	let extrinsics = body["block"]["extrinsics"].as_array().ok_or("a list")?;
	let index = extrinsics.iter().position(|x| x.as_str() == Some(&extrinsic)).ok_or("included")?;
	let key = to_hex(&signing::events_key(), false);
	let events: String = client.request("state_getStorage", rpc_params![key, block]).await?;
	let events = Decode::decode(&mut &sp_core::bytes::from_hex(&events)?[..])?;
	Ok((block, signing::outcome(&events, index as u32)))
}
