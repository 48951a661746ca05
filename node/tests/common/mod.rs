//! Helpers shared by the node's end-to-end tests and the transfer latency benchmark: start a
//! `stablecoin-node` on free local ports, talk to it over JSON-RPC, sign and submit transfers.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

pub mod wasm;

use std::{
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use codec::{Decode, Encode};
use jsonrpsee::{
	core::client::{ClientT, Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use sp_core::{crypto::Ss58Codec, sr25519, H256};
use stablecoin_runtime::pallets;
use stablecoin_runtime::{AccountId, Balance, Nonce, Runtime, RuntimeCall};

/// The result type of these helpers.
pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The `stablecoin-node` binary: the one cargo built for this test, or, for an example, the
/// one in the profile folder above `examples/`.
pub fn node_binary() -> PathBuf {
	if let Some(path) = option_env!("CARGO_BIN_EXE_stablecoin-node") {
		return PathBuf::from(path);
	}
	let exe = std::env::current_exe().expect("the running program has a path");
	exe.parent()
		.and_then(Path::parent)
		.map(|profile_dir| profile_dir.join("stablecoin-node"))
		.expect("examples live in <profile>/examples")
}

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("node/ has a parent").to_path_buf()
}

/// A TCP port on the loopback interface that nobody listens on right now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|listener| listener.local_addr())
		.map(|addr| addr.port())
		.expect("the OS hands out a free port")
}

/// A running `stablecoin-node`, killed when dropped.
pub struct Node {
	child: Child,
	/// Its JSON-RPC port (WebSocket and HTTP).
	pub rpc_port: u16,
	/// Its peer-to-peer port.
	pub p2p_port: u16,
	/// Its Prometheus port.
	pub prometheus_port: u16,
	/// Where its log goes.
	pub log_path: PathBuf,
	/// Its base path, removed on drop.
	pub base_path: PathBuf,
}

impl Node {
	/// Starts the node with `args` plus free RPC, p2p and Prometheus ports and its own
	/// temporary base path; its output goes to a log file.
	pub fn start(name: &str, args: &[&str]) -> Result<Self> {
		let rpc_port = free_port();
		let p2p_port = free_port();
		let prometheus_port = free_port();
		let base_path = std::env::temp_dir()
			.join(format!("usdx-node-test-{name}-{}-{rpc_port}", std::process::id()));
		let _ = std::fs::remove_dir_all(&base_path);
		std::fs::create_dir_all(&base_path)?;
		let log_path = base_path.join("node.log");
		let log = std::fs::File::create(&log_path)?;
		let child = Command::new(node_binary())
			.args(args)
			.arg("--base-path")
			.arg(&base_path)
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--port", &p2p_port.to_string()])
			.args(["--prometheus-port", &prometheus_port.to_string()])
			.args(["--no-telemetry", "--no-mdns", "--rpc-cors", "all"])
			.stdout(Stdio::null())
			.stderr(log)
			.spawn()?;
		Ok(Self { child, rpc_port, p2p_port, prometheus_port, log_path, base_path })
	}

	/// Its process id (for `/proc/<pid>/status`, as the load generator reads its memory).
	pub fn pid(&self) -> u32 {
		self.child.id()
	}

	/// The WebSocket URL of its JSON-RPC server.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The last lines of its log, to explain a failure.
	pub fn log_tail(&self) -> String {
		let log = std::fs::read_to_string(&self.log_path).unwrap_or_default();
		let lines: Vec<&str> = log.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}

	/// Connects to its JSON-RPC server, waiting up to `timeout` for it to come up.
	pub async fn connect(&mut self, timeout: Duration) -> Result<WsClient> {
		let deadline = Instant::now() + timeout;
		loop {
			if let Some(status) = self.child.try_wait()? {
				return Err(format!("the node exited ({status}):\n{}", self.log_tail()).into());
			}
			match WsClientBuilder::default().build(self.ws_url()).await {
				Ok(client) => return Ok(client),
				Err(_) if Instant::now() < deadline => {
					tokio::time::sleep(Duration::from_millis(250)).await
				}
				Err(e) => {
					return Err(format!("no RPC after {timeout:?}: {e}\n{}", self.log_tail()).into())
				}
			}
		}
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
		let _ = std::fs::remove_dir_all(&self.base_path);
	}
}

/// Parses a JSON-RPC block number (`"0x1f"`).
fn parse_number(value: &Value) -> Result<u32> {
	let text = value.as_str().ok_or("a block number is a hex string")?;
	Ok(u32::from_str_radix(text.trim_start_matches("0x"), 16)?)
}

/// Parses a JSON-RPC hash.
fn parse_hash(value: &Value) -> Result<H256> {
	let text = value.as_str().ok_or("a hash is a hex string")?;
	let bytes = sp_core::bytes::from_hex(text)?;
	if bytes.len() != 32 {
		return Err(format!("a hash has 32 bytes, got {}", bytes.len()).into());
	}
	Ok(H256::from_slice(&bytes))
}

/// `0x`-prefixed hex of some bytes.
pub fn to_hex(bytes: &[u8]) -> String {
	// In full: `HexDisplay` elides the middle of long values (runtime code).
	sp_core::bytes::to_hex(bytes, false)
}

/// The number of the block with header `hash` (or of the best block).
pub async fn block_number(client: &WsClient, hash: Option<H256>) -> Result<u32> {
	let header: Value = client.request("chain_getHeader", rpc_params![hash]).await?;
	parse_number(&header["number"])
}

/// The best block's number.
pub async fn best_number(client: &WsClient) -> Result<u32> {
	block_number(client, None).await
}

/// The hash of the last finalized block.
pub async fn finalized_hash(client: &WsClient) -> Result<H256> {
	let hash: Value = client.request("chain_getFinalizedHead", rpc_params![]).await?;
	parse_hash(&hash)
}

/// The number of the last finalized block.
pub async fn finalized_number(client: &WsClient) -> Result<u32> {
	let hash = finalized_hash(client).await?;
	block_number(client, Some(hash)).await
}

/// The genesis block's hash.
pub async fn genesis_hash(client: &WsClient) -> Result<H256> {
	let hash: Value = client.request("chain_getBlockHash", rpc_params![0]).await?;
	parse_hash(&hash)
}

/// Waits until `check` says the chain got far enough, polling every 200 ms.
pub async fn wait_until<F, Fut>(what: &str, timeout: Duration, mut check: F) -> Result<()>
where
	F: FnMut() -> Fut,
	Fut: std::future::Future<Output = Result<bool>>,
{
	let deadline = Instant::now() + timeout;
	while Instant::now() < deadline {
		if check().await? {
			return Ok(());
		}
		tokio::time::sleep(Duration::from_millis(200)).await;
	}
	Err(format!("timed out after {timeout:?} waiting for {what}").into())
}

/// The next nonce of `who`, counting transactions in the pool.
pub async fn next_nonce(client: &WsClient, who: &AccountId) -> Result<Nonce> {
	let nonce: Nonce =
		client.request("system_accountNextIndex", rpc_params![who.to_ss58check()]).await?;
	Ok(nonce)
}

/// The free USDX balance of `who` at block `at` (or at the best block).
pub async fn free_balance(client: &WsClient, who: &AccountId, at: Option<H256>) -> Result<Balance> {
	let key = pallets::system::Account::<Runtime>::hashed_key_for(who);
	let Some(value) = storage_raw(client, &key, at).await? else { return Ok(0) };
	let info = pallets::system::AccountInfo::<
		Nonce,
		<Runtime as pallets::system::Config>::AccountData,
	>::decode(&mut &value[..])?;
	Ok(info.data.free)
}

/// A signed `stablecoin.transfer` of `value` from `signer` to `dest`: the compliant transfer
/// that users make (the runtime refuses raw `balances` transfers).
pub fn signed_transfer(
	signer: &sr25519::Pair,
	dest: &AccountId,
	value: Balance,
	nonce: Nonce,
	genesis_hash: H256,
) -> Vec<u8> {
	let call = RuntimeCall::Stablecoin(pallets::stablecoin::Call::transfer {
		dest: dest.clone(),
		amount: value,
	});
	stablecoin_runtime::signing::sign_call(call, signer, nonce, genesis_hash).encode()
}

/// Any runtime call, signed by `signer` for this chain.
pub fn signed_call(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: Nonce,
	genesis_hash: H256,
) -> Vec<u8> {
	stablecoin_runtime::signing::sign_call(call, signer, nonce, genesis_hash).encode()
}

/// Calls the runtime API function `method` (e.g. `"OracleApi_current"`) with SCALE-encoded
/// `args` at block `at` (or the best block) through `state_call`, and decodes the answer.
pub async fn runtime_api<R: Decode>(
	client: &WsClient,
	method: &str,
	args: &[u8],
	at: Option<H256>,
) -> Result<R> {
	let answer: String =
		client.request("state_call", rpc_params![method, to_hex(args), at]).await?;
	Ok(R::decode(&mut &sp_core::bytes::from_hex(&answer)?[..])?)
}

/// When a submitted transaction reached each stage.
#[derive(Debug, Clone)]
pub struct Settlement {
	/// The block that included it.
	pub block: H256,
	/// From submission to inclusion in a block.
	pub included_after: Duration,
	/// From submission to finality of that block.
	pub finalized_after: Duration,
}

/// Submits an encoded extrinsic and follows it until its block is finalized.
pub async fn submit_and_watch(
	client: &WsClient,
	extrinsic: &[u8],
	timeout: Duration,
) -> Result<Settlement> {
	let started = Instant::now();
	let mut status: Subscription<Value> = client
		.subscribe(
			"author_submitAndWatchExtrinsic",
			rpc_params![to_hex(extrinsic)],
			"author_unwatchExtrinsic",
		)
		.await?;
	let mut included: Option<(H256, Duration)> = None;
	loop {
		let next = tokio::time::timeout(timeout.saturating_sub(started.elapsed()), status.next())
			.await
			.map_err(|_| format!("transaction not finalized within {timeout:?}"))?;
		let event = match next {
			Some(event) => event?,
			None => return Err("the node closed the subscription".into()),
		};
		if let Some(hash) = event.get("inBlock") {
			included = Some((parse_hash(hash)?, started.elapsed()));
		} else if let Some(hash) = event.get("finalized") {
			let block = parse_hash(hash)?;
			let finalized_after = started.elapsed();
			let included_after = included.map(|(_, at)| at).unwrap_or(finalized_after);
			return Ok(Settlement { block, included_after, finalized_after });
		} else if let Some(kind) = event.as_str().filter(|s| *s == "invalid" || *s == "dropped") {
			return Err(format!("the transaction was {kind}").into());
		} else if event.get("usurped").is_some() || event.get("finalityTimeout").is_some() {
			return Err(format!("the transaction failed: {event}").into());
		}
	}
}

/// The events of block `hash`, as `System.Events` stores them at that block.
pub async fn block_events(
	client: &WsClient,
	hash: H256,
) -> Result<stablecoin_runtime::signing::BlockEvents> {
	let key = stablecoin_runtime::signing::events_key();
	let raw = storage_raw(client, &key, Some(hash)).await?.unwrap_or_default();
	Ok(Decode::decode(&mut &raw[..])?)
}

/// As [`submit_and_watch`], and fails with the extrinsic's error, named as the metadata names
/// it (`Pallet.Error`, [`stablecoin_runtime::signing::outcome`]), if its dispatch failed: a
/// finalized extrinsic is not necessarily one that did what it asked.
pub async fn submit_and_check(
	client: &WsClient,
	extrinsic: &[u8],
	timeout: Duration,
) -> Result<Settlement> {
	let settled = submit_and_watch(client, extrinsic, timeout).await?;
	let hex = to_hex(extrinsic);
	let index = block_extrinsics(client, settled.block)
		.await?
		.iter()
		.position(|x| *x == hex)
		.ok_or("the finalized block does not hold the extrinsic")?;
	let events = block_events(client, settled.block).await?;
	stablecoin_runtime::signing::outcome(&events, index as u32)
		.map_err(|error| format!("the extrinsic failed in block {:?}: {error}", settled.block))?;
	Ok(settled)
}

/// The raw values under storage `keys` at block `at` (or the best block), in the order of
/// `keys`, read with up to 64 requests in flight.
pub async fn storage_many(
	client: &WsClient,
	keys: &[Vec<u8>],
	at: Option<H256>,
) -> Result<Vec<Option<Vec<u8>>>> {
	use futures::{StreamExt, TryStreamExt};
	futures::stream::iter(keys.iter().map(|key| storage_raw(client, key, at)))
		.buffered(64)
		.try_collect()
		.await
}

/// The hex-encoded extrinsics of block `hash`.
pub async fn block_extrinsics(client: &WsClient, hash: H256) -> Result<Vec<String>> {
	let block: Value = client.request("chain_getBlock", rpc_params![hash]).await?;
	let extrinsics = block["block"]["extrinsics"].as_array().ok_or("a block has extrinsics")?;
	Ok(extrinsics.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
}

/// The median and 95th percentile of some durations.
pub fn median_and_p95(samples: &[Duration]) -> (Duration, Duration) {
	let mut sorted = samples.to_vec();
	sorted.sort();
	if sorted.is_empty() {
		return (Duration::ZERO, Duration::ZERO);
	}
	let median = if sorted.len() % 2 == 1 {
		sorted[sorted.len() / 2]
	} else {
		(sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) / 2
	};
	// Nearest-rank percentile.
	let rank = (sorted.len() * 95).div_ceil(100).max(1);
	(median, sorted[rank - 1])
}

/// Signs `call` by `signer` with its next nonce, submits it and waits until its block is
/// finalized.
pub async fn submit_signed(
	client: &WsClient,
	call: RuntimeCall,
	signer: &sr25519::Pair,
	timeout: Duration,
) -> Result<Settlement> {
	use sp_core::Pair as _;
	let who: AccountId = signer.public().into();
	let nonce = next_nonce(client, &who).await?;
	let genesis = genesis_hash(client).await?;
	submit_and_watch(client, &signed_call(call, signer, nonce, genesis), timeout).await
}

/// The raw value under storage `key` at block `at` (or the best block).
pub async fn storage_raw(
	client: &WsClient,
	key: &[u8],
	at: Option<H256>,
) -> Result<Option<Vec<u8>>> {
	let value: Option<String> =
		client.request("state_getStorage", rpc_params![to_hex(key), at]).await?;
	Ok(match value {
		Some(hex) => Some(sp_core::bytes::from_hex(&hex)?),
		None => None,
	})
}

/// The storage key of the plain value `pallet`::`item`.
pub fn plain_key(pallet: &str, item: &str) -> Vec<u8> {
	[sp_io::hashing::twox_128(pallet.as_bytes()), sp_io::hashing::twox_128(item.as_bytes())]
		.concat()
}

/// Runs a council motion on a live chain as members do it: `ayes[0]` proposes `call` with a
/// threshold of `ayes.len()`, each of `ayes` votes aye, and the proposer closes the motion.
/// A threshold of one executes at once.
pub async fn council_motion(
	client: &WsClient,
	call: RuntimeCall,
	ayes: &[sp_keyring::Sr25519Keyring],
	timeout: Duration,
) -> Result<()> {
	use frame_support::dispatch::GetDispatchInfo;
	use sp_runtime::traits::{BlakeTwo256, Hash};
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = BlakeTwo256::hash_of(&call);
	let index: u32 = storage_raw(client, &plain_key("Council", "ProposalCount"), None)
		.await?
		.map(|raw| u32::decode(&mut &raw[..]))
		.transpose()?
		.unwrap_or(0);
	let proposer = ayes.first().ok_or("a motion needs a proposer")?;
	let propose = RuntimeCall::Council(pallets::collective::Call::propose {
		threshold: ayes.len() as u32,
		proposal: Box::new(call.into()),
		length_bound: length,
	});
	submit_signed(client, propose, &proposer.pair(), timeout).await?;
	if ayes.len() > 1 {
		let voters: Vec<sr25519::Pair> = ayes.iter().map(|member| member.pair()).collect();
		let votes = voters.iter().map(|voter| {
			let vote = RuntimeCall::Council(pallets::collective::Call::vote {
				proposal: hash,
				index,
				approve: true,
			});
			submit_signed(client, vote, voter, timeout)
		});
		for settled in futures::future::join_all(votes).await {
			settled?;
		}
		let close = RuntimeCall::Council(pallets::collective::Call::close {
			proposal_hash: hash,
			index,
			proposal_weight_bound: weight,
			length_bound: length,
		});
		submit_signed(client, close, &proposer.pair(), timeout).await?;
	}
	Ok(())
}

/// Dispatches `call` as root on a live chain: a council motion of `ayes` whitelists its hash,
/// then the first of them dispatches it through `council.execute`.
pub async fn dispatch_as_root(
	client: &WsClient,
	call: RuntimeCall,
	ayes: &[sp_keyring::Sr25519Keyring],
	timeout: Duration,
) -> Result<()> {
	use sp_runtime::traits::{BlakeTwo256, Hash};
	let call_hash = BlakeTwo256::hash_of(&call);
	council_motion(
		client,
		RuntimeCall::Whitelist(pallets::whitelist::Call::whitelist_call { call_hash }),
		ayes,
		timeout,
	)
	.await?;
	let dispatch =
		RuntimeCall::Whitelist(pallets::whitelist::Call::dispatch_whitelisted_call_with_preimage {
			call: Box::new(call),
		});
	let execute = RuntimeCall::Council(pallets::collective::Call::execute {
		length_bound: dispatch.encoded_size() as u32,
		proposal: Box::new(dispatch.into()),
	});
	let member = ayes.first().ok_or("a member dispatches")?;
	submit_signed(client, execute, &member.pair(), timeout).await?;
	Ok(())
}

/// The libp2p peer id of a node key file, as `stablecoin-node key inspect-node-key` prints it.
pub fn peer_id(key_file: &Path) -> String {
	let output = Command::new(node_binary())
		.args(["key", "inspect-node-key", "--file"])
		.arg(key_file)
		.output()
		.expect("the node runs");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	String::from_utf8(output.stdout).expect("utf-8").trim().to_string()
}

/// A `--dev` validator with a fixed peer id (its node key is `key`), once block 2 is final:
/// the node, a client of its RPC and its address for `--bootnodes`.
pub async fn dev_validator(
	name: &str,
	key: u8,
	timeout: Duration,
) -> Result<(Node, WsClient, String)> {
	let key_file =
		std::env::temp_dir().join(format!("usdx-{name}-node-key-{}", std::process::id()));
	std::fs::write(&key_file, format!("{key:064x}"))?;
	let peer = peer_id(&key_file);
	let mut node =
		Node::start(name, &["--dev", "--node-key-file", key_file.to_str().expect("utf-8")])?;
	let rpc = node.connect(Duration::from_secs(120)).await?;
	wait_until("block 2 to be finalized", timeout, || async {
		Ok(finalized_number(&rpc).await? >= 2)
	})
	.await
	.map_err(|e| format!("{e}\n{}", node.log_tail()))?;
	let bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer}", node.p2p_port);
	Ok((node, rpc, bootnode))
}

/// The node flags a profile script prints with `--print-flags`, minus those the test harness
/// sets itself (`--rpc-cors` and its value, `--no-telemetry`), so that a test runs a node with
/// exactly the profile an operator gets.
pub fn script_flags(script: &str) -> Vec<String> {
	let output = Command::new(repo_root().join("scripts").join(script))
		.arg("--print-flags")
		.output()
		.expect("the script runs");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let mut kept = Vec::new();
	let mut skip = 0;
	for flag in String::from_utf8(output.stdout).expect("utf-8").lines() {
		if skip > 0 {
			skip -= 1;
			continue;
		}
		match flag {
			"--rpc-cors" => skip = 1,
			"--no-telemetry" => {}
			_ => kept.push(flag.to_string()),
		}
	}
	kept
}
