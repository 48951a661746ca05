//! End-to-end: a public RPC node, run with exactly the flags of `scripts/public-rpc-node.sh`,
//! under abuse: a flood of malformed JSON, oversized requests and batches, a subscription
//! storm and invalid extrinsics. It answers each with an error (not a crash), holds its
//! limits, keeps following the chain, and a valid transfer sent through it during the flood
//! is finalized.

mod common;

use std::{
	io::{Read, Write},
	time::Duration,
};

use common::*;
use jsonrpsee::{
	core::client::{ClientT, Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::WsClientBuilder,
};
use serde_json::Value;
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use stablecoin_runtime::USDX;

const TIMEOUT: Duration = Duration::from_secs(60);

/// The value following `flag` in the public profile.
fn flag_value(flags: &[String], flag: &str) -> u64 {
	let at = flags.iter().position(|f| f == flag).unwrap_or_else(|| panic!("{flag} is set"));
	flags[at + 1].parse().expect("a number")
}

/// One HTTP POST with `body`; the status line and the body of the answer.
fn http_post(port: u16, body: &[u8]) -> std::io::Result<(String, String)> {
	let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
	stream.set_read_timeout(Some(Duration::from_secs(20)))?;
	write!(
		stream,
		"POST / HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
		body.len()
	)?;
	// A server may answer (and close) before reading an oversized body: that is a refusal too.
	let _ = stream.write_all(body);
	let mut response = String::new();
	let _ = stream.read_to_string(&mut response);
	let status = response.lines().next().unwrap_or_default().to_string();
	let body = response.split("\r\n\r\n").nth(1).unwrap_or_default().to_string();
	Ok((status, body))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_rpc_node_refuses_abuse_politely_and_keeps_serving() -> Result<()> {
	let flags = script_flags("public-rpc-node.sh");
	let max_request_mb = flag_value(&flags, "--rpc-max-request-size");
	let max_batch = flag_value(&flags, "--rpc-max-batch-request-len");
	let max_subscriptions = flag_value(&flags, "--rpc-max-subscriptions-per-connection");

	// The validator: a development chain with a known peer id.
	let (_validator, validator_rpc, bootnode) =
		dev_validator("public-validator", 21, TIMEOUT).await?;

	let mut args: Vec<&str> = vec!["--chain", "dev", "--bootnodes", &bootnode];
	args.extend(flags.iter().map(String::as_str));
	let mut public = Node::start("public-rpc", &args)?;
	let public_rpc = public.connect(Duration::from_secs(120)).await?;
	let target = finalized_number(&validator_rpc).await?;
	wait_until("the public node to sync", Duration::from_secs(120), || async {
		Ok(finalized_number(&public_rpc).await? >= target)
	})
	.await
	.map_err(|e| format!("{e}\n{}", public.log_tail()))?;
	let port = public.rpc_port;

	// A valid transfer goes through the public node while the flood runs.
	let genesis = genesis_hash(&public_rpc).await?;
	let nonce = next_nonce(&public_rpc, &Alice.to_account_id()).await?;
	let transfer = signed_transfer(&Alice.pair(), &Bob.to_account_id(), 2 * USDX, nonce, genesis);
	let url = public.ws_url();
	let payment = tokio::spawn(async move {
		let client = WsClientBuilder::default().build(&url).await?;
		submit_and_watch(&client, &transfer, Duration::from_secs(90)).await
	});

	// Malformed JSON, over and over: a parse error each time.
	let garbage = tokio::task::spawn_blocking(move || -> Result<usize> {
		let mut refused = 0;
		for i in 0..200 {
			let body: &[u8] = match i % 4 {
				0 => b"{not json",
				1 => b"[]",
				2 => b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":42}",
				_ => &[0xff, 0xfe, 0x00, 0x7b],
			};
			let (status, answer) = http_post(port, body)?;
			assert!(!status.is_empty(), "the node answers garbage #{i}");
			if answer.contains("\"error\"") || !status.contains("200") {
				refused += 1;
			}
		}
		Ok(refused)
	});

	// An oversized request: refused without being processed.
	let oversized = tokio::task::spawn_blocking(move || -> Result<String> {
		let padding = "x".repeat((max_request_mb as usize + 1) * 1024 * 1024);
		let body =
			format!(r#"{{"jsonrpc":"2.0","id":1,"method":"system_name","params":["{padding}"]}}"#);
		let (status, answer) = http_post(port, body.as_bytes())?;
		Ok(format!("{status} {}", &answer[..answer.len().min(200)]))
	});

	// A batch longer than allowed: an error, not a partial run.
	let batch: Vec<Value> = (0..=max_batch)
		.map(
			|id| serde_json::json!({"jsonrpc": "2.0", "id": id, "method": "system_health", "params": []}),
		)
		.collect();
	let batch_body = serde_json::to_vec(&batch)?;
	let batch_answer = tokio::task::spawn_blocking(move || http_post(port, &batch_body)).await??;
	println!(
		"over-long batch: {} {}",
		batch_answer.0,
		&batch_answer.1[..batch_answer.1.len().min(160)]
	);
	assert!(batch_answer.1.contains("error"), "an over-long batch is refused: {batch_answer:?}");

	// A subscription storm on one connection: the ones past the limit are refused, the
	// connection and the others stay up.
	let storm =
		WsClientBuilder::default().max_concurrent_requests(1024).build(public.ws_url()).await?;
	let mut held: Vec<Subscription<Value>> = Vec::new();
	let mut refused_subscriptions = 0;
	for _ in 0..(max_subscriptions + 20) {
		match storm
			.subscribe::<Value, _>(
				"chain_subscribeNewHeads",
				rpc_params![],
				"chain_unsubscribeNewHeads",
			)
			.await
		{
			Ok(subscription) => held.push(subscription),
			Err(_) => refused_subscriptions += 1,
		}
	}
	assert!(held.len() as u64 <= max_subscriptions, "{} subscriptions held", held.len());
	assert!(refused_subscriptions >= 20, "{refused_subscriptions} refused");
	println!("subscription storm: {} held, {refused_subscriptions} refused", held.len());
	let head = tokio::time::timeout(TIMEOUT, held[0].next()).await?.ok_or("a header")??;
	assert!(head["number"].is_string(), "the held subscriptions still deliver: {head}");

	// Invalid extrinsics: each refused with an error.
	let mut invalid = 0;
	for i in 0u32..100 {
		let junk = format!("0x{:08x}deadbeef", i);
		if public_rpc
			.request::<Value, _>("author_submitExtrinsic", rpc_params![junk])
			.await
			.is_err()
		{
			invalid += 1;
		}
	}
	assert_eq!(invalid, 100, "every invalid extrinsic is refused");
	// Unsafe methods are refused on the public profile.
	assert!(public_rpc.request::<Value, _>("author_rotateKeys", rpc_params![]).await.is_err());

	let refused = garbage.await??;
	assert_eq!(refused, 200, "every malformed request got an error");
	let oversized = oversized.await??;
	println!("oversized request: {oversized}");
	assert!(oversized.contains("413"), "an oversized request is refused: {oversized}");

	// The payment made it, and the chain and the node go on.
	let settled = payment.await??;
	assert!(block_number(&validator_rpc, Some(settled.block)).await? > 0);
	let before = finalized_number(&public_rpc).await?;
	wait_until("the public node to follow finality after the flood", TIMEOUT, || async {
		Ok(finalized_number(&public_rpc).await? >= before + 3)
	})
	.await
	.map_err(|e| format!("{e}\n{}", public.log_tail()))?;
	let health: Value = public_rpc.request("system_health", rpc_params![]).await?;
	assert!(health["peers"].as_u64() >= Some(1), "{health}");
	Ok(())
}
