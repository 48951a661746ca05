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
use sp_core::{crypto::Ss58Codec, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Two};
use stablecoin_runtime::{
	pallets::{stablecoin, system},
	AccountId, RuntimeCall, RuntimeError, RuntimeEvent, USDX,
};

type Error = Box<dyn std::error::Error>;

#[tokio::main]
async fn main() -> Result<(), Error> {
	let url = std::env::args().nth(1).unwrap_or_else(|| "ws://127.0.0.1:9944".into());
	let client = WsClientBuilder::default().build(&url).await?;

	// 1. An account's balance and what it may do (`usdx_account`, plain JSON).
	let alice: Value =
		client.request("usdx_account", rpc_params![Alice.to_account_id().to_ss58check()]).await?;
	println!("Alice holds {} USDX", alice["balance"]["usdx"].as_str().unwrap_or("?"));
	for permission in alice["may"].as_array().ok_or("a list")? {
		let action = permission["action"].as_str().unwrap_or("?");
		match permission["reason"].as_str() {
			None => println!("  may {action}: yes"),
			Some(reason) => println!("  may {action}: no ({reason})"),
		}
	}

	// 2. Send 10 USDX to Bob, and 5 to an account no registrar has verified.
	for (to, amount) in [(Bob.to_account_id(), 10 * USDX), (Two.to_account_id(), 5 * USDX)] {
		let (block, failure) = transfer(&client, to.clone(), amount).await?;
		match failure {
			None => println!("sent {} USDX to {to}: final in block {block:?}", amount / USDX),
			Some(error) => println!("transfer to {to} refused in block {block:?}: {error}"),
		}
	}
	Ok(())
}

/// Signs and submits a `Stablecoin.transfer` from Alice, waits until its block is finalized,
/// and returns that block with the transfer's named error if it failed.
async fn transfer(
	client: &impl SubscriptionClientT,
	dest: AccountId,
	amount: u128,
) -> Result<(H256, Option<String>), Error> {
	let call = RuntimeCall::Stablecoin(stablecoin::Call::transfer { dest, amount });
	let nonce: u32 = client
		.request("system_accountNextIndex", rpc_params![Alice.to_account_id().to_ss58check()])
		.await?;
	let genesis: H256 = client.request("chain_getBlockHash", rpc_params![0]).await?;
	let extrinsic =
		stablecoin_runtime::signing::sign_call(call, &Alice.pair(), nonce, genesis).encode();
	let mut status = client
		.subscribe::<Value, _>(
			"author_submitAndWatchExtrinsic",
			rpc_params![sp_core::bytes::to_hex(&extrinsic, false)],
			"author_unwatchExtrinsic",
		)
		.await?;
	let block: H256 = loop {
		let event = status.next().await.ok_or("the node closed the subscription")??;
		if let Some(block) = event.get("finalized") {
			break serde_json::from_value(block.clone())?;
		}
	};
	// The transfer's outcome is in the block's events: `System.ExtrinsicFailed` names the error.
	let key = sp_io::hashing::twox_128(b"System")
		.into_iter()
		.chain(sp_io::hashing::twox_128(b"Events"))
		.collect::<Vec<u8>>();
	let raw: String = client
		.request("state_getStorage", rpc_params![sp_core::bytes::to_hex(&key, false), block])
		.await?;
	let events = Vec::<system::EventRecord<RuntimeEvent, H256>>::decode(
		&mut &sp_core::bytes::from_hex(&raw)?[..],
	)?;
	let body: Value = client.request("chain_getBlock", rpc_params![block]).await?;
	let index = body["block"]["extrinsics"]
		.as_array()
		.ok_or("a list")?
		.iter()
		.position(|x| x.as_str() == Some(&sp_core::bytes::to_hex(&extrinsic, false)))
		.ok_or("the transfer is in its block")?;
	let failure = events.into_iter().find_map(|record| match record.event {
		RuntimeEvent::System(system::Event::ExtrinsicFailed { dispatch_error, .. })
			if record.phase == system::Phase::ApplyExtrinsic(index as u32) =>
		{
			// The metadata names the pallet and the error; the runtime's types decode both.
			Some(match RuntimeError::from_dispatch_error(dispatch_error) {
				Some(RuntimeError::Stablecoin(error)) => format!("Stablecoin.{error:?}"),
				other => format!("{other:?} ({dispatch_error:?})"),
			})
		}
		_ => None,
	});
	Ok((block, failure))
}
