//! What the zombienet scenarios (`zombienet/*.zndsl`) do to a running USDX network and check
//! of it: measure progress, watch a validator's outage, bring a new node in, compare the
//! regulator's archive with a validator's past answer, flood the public RPC node, and run the
//! council's motions (validator changes, a runtime upgrade).
//!
//! ```text
//! network_ops <command> [key=value ...]
//! ```
//!
//! Node addresses are WebSocket URLs; a list of them is joined with `+`. `zombienet/ops.js`
//! starts this program from a `.zndsl` line, filling in `{alice}`, `{tmp}`, `{spec}`. It
//! prints what it measured and exits with 1 and the reason when a check fails. The commands:
//!
//! - `progress nodes=… seconds=S min-best=N min-finalized=N min-peers=P`: every node has at
//!   least `P` peers, and its best and finalized heights rise by `N` within `S` seconds.
//! - `outage watch=… down=… min-finalized=N`: waits for the node `down` to die, and checks
//!   that `watch` imports and finalizes at least `N` blocks while it is gone; when it is back,
//!   that it started from its own database (not from genesis) and caught up.
//! - `stall watch=… seconds=S min-best=N out=FILE`: blocks go on (`N` or more in `S`
//!   seconds) while finality stands still; writes where it stood and the head to `FILE`.
//! - `recover nodes=… stall=FILE within=S`: once the validators are back, finality
//!   moves past the head that `stall` recorded, on every node of `nodes`.
//! - `join spec=PATH bootnode=… within=S`: a new full node (full sync) joins from the chain
//!   spec and reaches the finalized head of `bootnode`, on the same chain.
//! - `record-state ws=… out=FILE`: what a validator answers about block 1 now.
//! - `archive-check regulator=… validator=… record=FILE min-finalized=N`: once `N` blocks are
//!   finalized (so validators have pruned block 1's state), the regulator answers exactly as
//!   recorded; it refuses the unsafe methods and transactions.
//! - `flood ws=… watch=… valid=N invalid=M window=W`: `N` compliant transfers (each sender
//!   keeping at most `W` waiting for a block) and `M` invalid
//!   extrinsics (bad signatures, stale nonces) through the node `ws`; every invalid one is
//!   refused with its reason, every valid one is finalized, and finality never stops.
//! - `add-validator ws=… node=… who=NAME` and `remove-validator ws=… who=NAME`: council
//!   motions that change the validator set, followed to the authorities and to finality.
//! - `upgrade ws=… nodes=…`: a runtime upgrade by council motion (the chain's code one
//!   `spec_version` higher); every node runs it and finality goes on.

#[path = "../tests/common/mod.rs"]
mod common;

use std::{
	collections::HashMap,
	time::{Duration, Instant},
};

use codec::{Decode, Encode};
use common::*;
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::{json, Value};
use sp_core::{crypto::Ss58Codec, storage::well_known_keys::CODE, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::Preamble,
	traits::{BlakeTwo256, Hash},
	MultiSignature,
};
use stablecoin_runtime::pallets;
use stablecoin_runtime::{AccountId, Nonce, Runtime, RuntimeCall, SessionKeys};

/// The council of the local testnet: three quarters of three is all three.
const COUNCIL: [Sr25519Keyring; 3] =
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];

/// Longest wait for one transaction to be finalized.
const FINALITY: Duration = Duration::from_secs(90);

/// Longest wait for a validator change: two sessions of twenty blocks, with a margin for
/// missed slots.
const TWO_SESSIONS: Duration = Duration::from_secs(180);

/// A command's `key=value` arguments.
struct Args(HashMap<String, String>);

impl Args {
	fn parse(raw: &[String]) -> Result<Self> {
		let mut map = HashMap::new();
		for item in raw {
			let (key, value) = item
				.split_once('=')
				.ok_or_else(|| format!("argument '{item}' is not key=value"))?;
			map.insert(key.trim().to_string(), value.trim().to_string());
		}
		Ok(Self(map))
	}

	fn text(&self, key: &str) -> Result<String> {
		self.0.get(key).cloned().ok_or_else(|| format!("missing argument {key}=…").into())
	}

	fn list(&self, key: &str) -> Result<Vec<String>> {
		Ok(self.text(key)?.split('+').map(str::to_string).collect())
	}

	fn number(&self, key: &str, default: u64) -> Result<u64> {
		match self.0.get(key) {
			Some(value) => value.parse().map_err(|e| format!("{key}={value}: {e}").into()),
			None => Ok(default),
		}
	}
}

async fn connect(url: &str) -> Result<WsClient> {
	Ok(WsClientBuilder::default()
		.request_timeout(Duration::from_secs(60))
		.build(url)
		.await
		.map_err(|e| format!("cannot connect to {url}: {e}"))?)
}

/// A node's best and finalized heights.
async fn heights(client: &WsClient) -> Result<(u32, u32)> {
	Ok((best_number(client).await?, finalized_number(client).await?))
}

/// The well-known key named `name` (`alice`, `eve`, …).
fn keyring(name: &str) -> Result<Sr25519Keyring> {
	Sr25519Keyring::iter()
		.find(|k| format!("{k:?}").eq_ignore_ascii_case(name))
		.ok_or_else(|| format!("no well-known key named {name}").into())
}

fn fail<T>(what: String) -> Result<T> {
	Err(what.into())
}

async fn progress(args: &Args) -> Result<()> {
	let nodes = args.list("nodes")?;
	let seconds = args.number("seconds", 20)?;
	let min_best = args.number("min-best", 5)? as u32;
	let min_finalized = args.number("min-finalized", 5)? as u32;
	let min_peers = args.number("min-peers", 1)?;
	let mut clients = Vec::new();
	for url in &nodes {
		clients.push(connect(url).await?);
	}
	let mut before = Vec::new();
	for client in &clients {
		before.push(heights(client).await?);
	}
	tokio::time::sleep(Duration::from_secs(seconds)).await;
	for ((url, client), (best0, fin0)) in nodes.iter().zip(&clients).zip(before) {
		let (best, fin) = heights(client).await?;
		let health: Value = client.request("system_health", rpc_params![]).await?;
		let peers = health["peers"].as_u64().unwrap_or(0);
		println!(
			"{url}: {peers} peers, best #{best0} -> #{best}, finalized #{fin0} -> #{fin} in {seconds} s"
		);
		if peers < min_peers {
			return fail(format!("{url} has {peers} peers, fewer than {min_peers}"));
		}
		if best < best0 + min_best || fin < fin0 + min_finalized {
			return fail(format!(
				"{url} did not progress enough: best +{}, finalized +{} (wanted +{min_best} and \
				 +{min_finalized})",
				best - best0,
				fin.saturating_sub(fin0)
			));
		}
	}
	Ok(())
}

async fn outage(args: &Args) -> Result<()> {
	let watch = connect(&args.text("watch")?).await?;
	let down_url = args.text("down")?;
	let min_finalized = args.number("min-finalized", 10)? as u32;
	let down = connect(&down_url).await?;
	// What the node had finalized when last seen alive.
	let mut fin_before_kill = heights(&down).await?.1;

	// Wait for the node to die.
	let deadline = Instant::now() + Duration::from_secs(60);
	while let Ok((_, fin)) = heights(&down).await {
		fin_before_kill = fin;
		if Instant::now() > deadline {
			return fail(format!("{down_url} never went down"));
		}
		tokio::time::sleep(Duration::from_millis(200)).await;
	}
	let died = Instant::now();
	let (best_at_death, fin_at_death) = heights(&watch).await?;
	println!(
		"{down_url} went down; the network was at best #{best_at_death}, finalized #{fin_at_death}"
	);

	// Wait for it to come back: its RPC answers again.
	let deadline = Instant::now() + Duration::from_secs(180);
	let back = loop {
		if let Ok(client) = WsClientBuilder::default().build(&down_url).await {
			if let Ok(best) = best_number(&client).await {
				break (client, best);
			}
		}
		if Instant::now() > deadline {
			return fail(format!("{down_url} did not come back within 180 s"));
		}
		tokio::time::sleep(Duration::from_millis(250)).await;
	};
	let (down, first_best) = back;
	let (best_at_return, fin_at_return) = heights(&watch).await?;
	println!(
		"{down_url} was gone {:.0} s; meanwhile the network went from best #{best_at_death} to \
		 #{best_at_return} and finalized #{fin_at_death} to #{fin_at_return}",
		died.elapsed().as_secs_f64()
	);
	if fin_at_return < fin_at_death + min_finalized
		|| best_at_return < best_at_death + min_finalized
	{
		return fail(format!(
			"while {down_url} was down the network finalized {} and imported {} blocks, fewer \
			 than {min_finalized}",
			fin_at_return.saturating_sub(fin_at_death),
			best_at_return.saturating_sub(best_at_death)
		));
	}
	// Restarted from its own database: its first answer is past what it had finalized.
	println!("{down_url} restarted at best #{first_best} (it had finalized #{fin_before_kill})");
	if first_best < fin_before_kill {
		return fail(format!(
			"{down_url} restarted at #{first_best}, behind its own finalized #{fin_before_kill}: \
			 it did not resume from its database"
		));
	}
	let started = Instant::now();
	wait_until("the restarted node to catch up", Duration::from_secs(120), || async {
		let (best, fin) = heights(&down).await?;
		Ok(fin >= fin_at_return && best >= best_at_return)
	})
	.await?;
	println!("{down_url} caught up in {:.1} s", started.elapsed().as_secs_f64());
	Ok(())
}

async fn stall(args: &Args) -> Result<()> {
	let url = args.text("watch")?;
	let watch = connect(&url).await?;
	let seconds = args.number("seconds", 30)?;
	let min_best = args.number("min-best", 8)? as u32;
	// Votes already cast may still finalize a block or two: start measuring after that.
	tokio::time::sleep(Duration::from_secs(8)).await;
	let (best0, fin0) = heights(&watch).await?;
	tokio::time::sleep(Duration::from_secs(seconds)).await;
	let (best, fin) = heights(&watch).await?;
	println!(
		"with two of four validators down, {url} went from best #{best0} to #{best}, \
		 finalized #{fin0} to #{fin} in {seconds} s"
	);
	if fin != fin0 {
		return fail(format!("finality moved ({fin0} -> {fin}) without a two-thirds majority"));
	}
	if best < best0 + min_best {
		return fail(format!("only {} blocks in {seconds} s, wanted {min_best}", best - best0));
	}
	let record = json!({ "finalized": fin, "head": best });
	std::fs::write(args.text("out")?, serde_json::to_vec(&record)?)?;
	Ok(())
}

async fn recover(args: &Args) -> Result<()> {
	let within = Duration::from_secs(args.number("within", 180)?);
	let stalled: Value = serde_json::from_slice(&std::fs::read(args.text("stall")?)?)?;
	let stalled_at = stalled["finalized"].as_u64().ok_or("the stall record has 'finalized'")?;
	let head = stalled["head"].as_u64().ok_or("the stall record has 'head'")? as u32;
	println!(
		"finality stood at #{stalled_at} with the head at #{head}: waiting for every node to \
		 finalize #{head}"
	);
	let started = Instant::now();
	for url in args.list("nodes")? {
		let client = loop {
			// A node just restarted may take a moment to open its RPC server.
			match connect(&url).await {
				Ok(client) => break client,
				Err(_) if started.elapsed() < within => {
					tokio::time::sleep(Duration::from_millis(500)).await
				}
				Err(e) => return Err(e),
			}
		};
		wait_until(&format!("{url} to finalize #{head}"), within, || async {
			Ok(finalized_number(&client).await? >= head)
		})
		.await?;
		println!("{url} finalized #{head} after {:.1} s", started.elapsed().as_secs_f64());
	}
	Ok(())
}

async fn join(args: &Args) -> Result<()> {
	let spec = args.text("spec")?;
	let bootnode_url = args.text("bootnode")?;
	let within = Duration::from_secs(args.number("within", 180)?);
	let bootnode = connect(&bootnode_url).await?;
	let addresses: Vec<String> =
		bootnode.request("system_localListenAddresses", rpc_params![]).await?;
	let address = addresses
		.iter()
		.find(|a| a.contains("/127.0.0.1/"))
		.or(addresses.first())
		.ok_or("the boot node listens nowhere")?
		.clone();
	let (_, target) = heights(&bootnode).await?;
	println!("a new full node joins through {address}; the network has finalized #{target}");
	let mut joiner =
		Node::start("late-joiner", &["--chain", &spec, "--bootnodes", &address, "--sync", "full"])?;
	println!("its log: {}", joiner.log_path.display());
	let client = joiner.connect(Duration::from_secs(60)).await?;
	let started = Instant::now();
	wait_until("the new node to reach the finalized head", within, || async {
		Ok(finalized_number(&client).await? >= target)
	})
	.await
	.map_err(|e| format!("{e}\n{}", joiner.log_tail()))?;
	let theirs: Value = bootnode.request("chain_getBlockHash", rpc_params![target]).await?;
	let ours: Value = client.request("chain_getBlockHash", rpc_params![target]).await?;
	if theirs != ours {
		return fail(format!("the new node finalized another block #{target}: {ours} != {theirs}"));
	}
	println!(
		"the new node synced {target} blocks (full sync) and finalized #{target} in {:.1} s, \
		 the same block as the network",
		started.elapsed().as_secs_f64()
	);
	Ok(())
}

/// The questions asked of block 1: storage values and runtime answers that must never change.
fn block_one_questions() -> Vec<(&'static str, &'static str, Value)> {
	let alice = Sr25519Keyring::Alice.to_account_id();
	let account_key = pallets::system::Account::<Runtime>::hashed_key_for(&alice);
	vec![
		("alice's account", "state_getStorage", json!([to_hex(&account_key)])),
		(
			"total issuance",
			"state_getStorage",
			json!([to_hex(&plain_key("Balances", "TotalIssuance"))]),
		),
		(
			"validators",
			"state_getStorage",
			json!([to_hex(&plain_key("ValidatorSet", "Validators"))]),
		),
		("council", "state_getStorage", json!([to_hex(&plain_key("Council", "Members"))])),
		("runtime version", "state_getRuntimeVersion", json!([])),
		("supply report", "usdx_report", json!([])),
	]
}

/// Asks `question` of `client` at block `hash` (the block goes last in every method's
/// parameters).
async fn ask(client: &WsClient, method: &str, params: &Value, hash: &Value) -> Result<Value> {
	let mut list = params.as_array().cloned().unwrap_or_default();
	list.push(hash.clone());
	let mut rpc = jsonrpsee::core::params::ArrayParams::new();
	for item in list {
		rpc.insert(item)?;
	}
	Ok(client.request(method, rpc).await?)
}

async fn record_state(args: &Args) -> Result<()> {
	let client = connect(&args.text("ws")?).await?;
	let hash: Value = client.request("chain_getBlockHash", rpc_params![1]).await?;
	let mut answers = serde_json::Map::new();
	for (name, method, params) in block_one_questions() {
		answers.insert(name.to_string(), ask(&client, method, &params, &hash).await?);
	}
	let record = json!({ "hash": hash, "answers": answers });
	std::fs::write(args.text("out")?, serde_json::to_vec_pretty(&record)?)?;
	println!("recorded {} answers about block 1 ({hash})", answers.len());
	Ok(())
}

async fn archive_check(args: &Args) -> Result<()> {
	let regulator = connect(&args.text("regulator")?).await?;
	let validator = connect(&args.text("validator")?).await?;
	let min_finalized = args.number("min-finalized", 300)? as u32;
	let record: Value = serde_json::from_slice(&std::fs::read(args.text("record")?)?)?;
	let hash = record["hash"].clone();
	wait_until(
		&format!("block #{min_finalized} to be finalized"),
		Duration::from_secs(600),
		|| async { Ok(finalized_number(&validator).await? >= min_finalized) },
	)
	.await?;
	let (best, _) = heights(&regulator).await?;
	println!("the regulator is at #{best}; asking about block 1 ({hash})");
	let mut discarded = 0;
	for (name, method, params) in block_one_questions() {
		let answer = ask(&regulator, method, &params, &hash).await?;
		if answer != record["answers"][name] {
			return fail(format!(
				"the regulator's {name} at block 1 differs: {answer} != {}",
				record["answers"][name]
			));
		}
		if method == "state_getStorage" {
			if let Err(e) = ask(&validator, method, &params, &hash).await {
				discarded += 1;
				println!("{name}: same answer; the validator has discarded it ({e})");
				continue;
			}
		}
		println!("{name}: same answer");
	}
	if discarded == 0 {
		return fail("the validator still has block 1's state: not enough blocks to tell".into());
	}

	// Unsafe methods and transactions are refused.
	let alice = Sr25519Keyring::Alice;
	let insert: std::result::Result<Value, _> = regulator
		.request(
			"author_insertKey",
			rpc_params!["aura", "//Alice", to_hex(alice.public().as_ref())],
		)
		.await;
	let rotate: std::result::Result<Value, _> =
		regulator.request("author_rotateKeys", rpc_params![]).await;
	let genesis = genesis_hash(&regulator).await?;
	let nonce = next_nonce(&validator, &alice.to_account_id()).await?;
	let transfer =
		signed_transfer(&alice.pair(), &Sr25519Keyring::Bob.to_account_id(), 1_000, nonce, genesis);
	let submit: std::result::Result<Value, _> =
		regulator.request("author_submitExtrinsic", rpc_params![to_hex(&transfer)]).await;
	for (method, result) in [
		("author_insertKey", insert),
		("author_rotateKeys", rotate),
		("author_submitExtrinsic", submit),
	] {
		match result {
			Ok(answer) => return fail(format!("the regulator accepted {method}: {answer}")),
			Err(e) => println!("{method} refused: {e}"),
		}
	}
	Ok(())
}

/// An extrinsic whose signature no longer matches what it signs.
fn with_bad_signature(
	call: RuntimeCall,
	signer: &sp_core::sr25519::Pair,
	nonce: Nonce,
	genesis: H256,
) -> Vec<u8> {
	let mut xt = stablecoin_runtime::signing::sign_call(call, signer, nonce, genesis);
	if let Preamble::Signed(_, MultiSignature::Sr25519(signature), _) = &mut xt.preamble {
		signature.0[0] ^= 0xff;
	}
	xt.encode()
}

/// The nonce of `who` at block `at`.
async fn nonce_at(client: &WsClient, who: &AccountId, at: H256) -> Result<Nonce> {
	let key = pallets::system::Account::<Runtime>::hashed_key_for(who);
	let Some(value) = storage_raw(client, &key, Some(at)).await? else { return Ok(0) };
	let info = pallets::system::AccountInfo::<
		Nonce,
		<Runtime as pallets::system::Config>::AccountData,
	>::decode(&mut &value[..])?;
	Ok(info.nonce)
}

/// How long a sender's next transfer may wait for a block before the sender resubmits it
/// through a validator, as a wallet whose payment stalls does.
const STALL: Duration = Duration::from_secs(15);

/// One sender's progress through its chain of transfers during the flood.
struct Progress {
	/// The nonce of the sender's first transfer of the flood.
	first: Nonce,
	/// The sender's nonce at the best block: every transfer below it is in a block.
	included: Nonce,
	/// When `included` last moved.
	since: Instant,
}

impl Progress {
	fn new(first: Nonce) -> Self {
		Self { first, included: first, since: Instant::now() }
	}

	/// Waits a little for the sender's transfers to be included. When the next one has
	/// waited [`STALL`] (it went missing between the RPC node and the validators: see
	/// docs/network.md), resubmits it to the validator at `fallback_url`.
	async fn wait(
		&mut self,
		client: &WsClient,
		who: &AccountId,
		transfers: &[Vec<u8>],
		fallback_url: &str,
		resubmitted: &mut usize,
	) -> Result<()> {
		let best: H256 = client.request("chain_getBlockHash", rpc_params![]).await?;
		let now = nonce_at(client, who, best).await?;
		if now > self.included {
			self.included = now;
			self.since = Instant::now();
			return Ok(());
		}
		if self.since.elapsed() > STALL {
			let index = (self.included - self.first) as usize;
			if let Some(xt) = transfers.get(index) {
				let fallback = connect(fallback_url).await?;
				let result: std::result::Result<Value, _> =
					fallback.request("author_submitExtrinsic", rpc_params![to_hex(xt)]).await;
				println!(
					"{}: transfer with nonce {} stalled for {STALL:?}; resubmitted to {fallback_url}: {}",
					who.to_ss58check(),
					self.included,
					match result {
						Ok(_) => "accepted".to_string(),
						Err(e) => e.to_string(),
					}
				);
				*resubmitted += 1;
			}
			self.since = Instant::now();
		}
		tokio::time::sleep(Duration::from_millis(400)).await;
		Ok(())
	}
}

async fn flood(args: &Args) -> Result<()> {
	let url = args.text("ws")?;
	let watch = connect(&args.text("watch")?).await?;
	let valid = args.number("valid", 2800)? as usize;
	let invalid = args.number("invalid", 2800)? as usize;
	// How many of a sender's transfers may wait unincluded at once, as a wallet keeps a few
	// pending: nodes gossip transactions in batches and import them concurrently, so a long
	// chain of one sender's nonces arrives out of order and overflows the validators' queue of
	// future transactions (819), which drops them for good.
	let window = args.number("window", 16)? as Nonce;
	let node = connect(&url).await?;
	let genesis = genesis_hash(&node).await?;
	// Every well-known key holds USDX and is verified on the local testnet.
	let senders: Vec<Sr25519Keyring> = Sr25519Keyring::iter().collect();
	let per_sender = valid.div_ceil(senders.len());

	// Each sender moves its nonce past zero first, so that nonce zero is stale.
	let mut first = Vec::new();
	let mut next = HashMap::new();
	for (i, sender) in senders.iter().enumerate() {
		let who = sender.to_account_id();
		let nonce = next_nonce(&node, &who).await?;
		let dest = senders[(i + 1) % senders.len()].to_account_id();
		first.push(signed_transfer(&sender.pair(), &dest, 1_000, nonce, genesis));
		next.insert(who, nonce + 1);
	}
	let first = first.iter().map(|xt| submit_and_watch(&node, xt, FINALITY));
	for settled in futures::future::join_all(first).await {
		settled?;
	}

	// The extrinsics, one connection per sender for its valid transfers (in nonce order),
	// one per sender for the invalid ones.
	type Queue = (Option<AccountId>, Vec<(bool, &'static str, Nonce, Vec<u8>)>);
	let mut queues: Vec<Queue> = Vec::new();
	let mut expected_nonce = HashMap::new();
	for (i, sender) in senders.iter().enumerate() {
		let who = sender.to_account_id();
		let start = next[&who];
		let dest = senders[(i + 1) % senders.len()].to_account_id();
		let good: Vec<_> = (0..per_sender as Nonce)
			.map(|k| {
				let nonce = start + k;
				(
					true,
					"valid",
					nonce,
					signed_transfer(&sender.pair(), &dest, 1_000, nonce, genesis),
				)
			})
			.collect();
		expected_nonce.insert(who.clone(), start + per_sender as Nonce);
		queues.push((Some(who.clone()), good));
		let bad: Vec<_> = (0..invalid.div_ceil(senders.len()))
			.map(|k| {
				let call = RuntimeCall::Stablecoin(pallets::stablecoin::Call::transfer {
					dest: dest.clone(),
					amount: 1_000 + k as u128,
				});
				if k % 2 == 0 {
					let xt = with_bad_signature(call, &sender.pair(), start, genesis);
					(false, "bad signature", start, xt)
				} else {
					// Nonce zero was used above: stale.
					(false, "stale nonce", 0, signed_call(call, &sender.pair(), 0, genesis))
				}
			})
			.collect();
		queues.push((None, bad));
	}
	let total_valid: usize = queues.iter().flat_map(|(_, q)| q).filter(|x| x.0).count();
	let total_invalid: usize = queues.iter().flat_map(|(_, q)| q).filter(|x| !x.0).count();
	println!(
		"submitting {total_valid} compliant transfers and {total_invalid} invalid extrinsics \
		 from {} senders over {} connections to {url}",
		senders.len(),
		queues.len()
	);

	// Finality is sampled every second while the flood lasts.
	let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
	let sampler = {
		let stop = stop.clone();
		async move {
			let mut longest = Duration::ZERO;
			let mut last = (finalized_number(&watch).await?, Instant::now());
			while !stop.load(std::sync::atomic::Ordering::Relaxed) {
				tokio::time::sleep(Duration::from_secs(1)).await;
				let fin = finalized_number(&watch).await?;
				if fin > last.0 {
					last = (fin, Instant::now());
				}
				longest = longest.max(last.1.elapsed());
			}
			Result::<(Duration, WsClient)>::Ok((longest, watch))
		}
	};
	let started = Instant::now();
	let fallback_url = args.text("watch")?;
	let submissions = queues.into_iter().map(|(sender, queue)| {
		let url = url.clone();
		let fallback_url = fallback_url.clone();
		async move {
			let client = connect(&url).await?;
			let mut outcomes = Vec::new();
			let mut resubmitted = 0usize;
			let Some(who) = sender else {
				// The invalid extrinsics: each refused at once.
				for (ok, kind, _, xt) in queue {
					let result: std::result::Result<Value, _> =
						client.request("author_submitExtrinsic", rpc_params![to_hex(&xt)]).await;
					outcomes.push((ok, kind, result.map_err(|e| e.to_string())));
				}
				return Result::<_>::Ok((outcomes, resubmitted));
			};
			// The valid transfers, in nonce order from `first`.
			let first = queue.first().map(|x| x.2).unwrap_or_default();
			let transfers: Vec<Vec<u8>> = queue.iter().map(|x| x.3.clone()).collect();
			let mut progress = Progress::new(first);
			for (ok, kind, nonce, xt) in &queue {
				// A sender keeps at most `window` transfers waiting for a block.
				while *nonce >= progress.included + window {
					progress
						.wait(&client, &who, &transfers, &fallback_url, &mut resubmitted)
						.await?;
				}
				let result: std::result::Result<Value, _> =
					client.request("author_submitExtrinsic", rpc_params![to_hex(xt)]).await;
				outcomes.push((*ok, *kind, result.map_err(|e| e.to_string())));
			}
			let last = first + transfers.len() as Nonce;
			while progress.included < last {
				progress.wait(&client, &who, &transfers, &fallback_url, &mut resubmitted).await?;
			}
			Result::<_>::Ok((outcomes, resubmitted))
		}
	});
	let submitted = async {
		let all = futures::future::join_all(submissions).await;
		stop.store(true, std::sync::atomic::Ordering::Relaxed);
		all
	};
	let (all, sampled) = futures::join!(submitted, sampler);
	let submit_time = started.elapsed();
	let mut refused_reasons: HashMap<String, usize> = HashMap::new();
	let mut resubmitted_total = 0;
	for outcomes in all {
		let (outcomes, resubmitted) = outcomes?;
		resubmitted_total += resubmitted;
		for (ok, kind, result) in outcomes {
			match (ok, result) {
				(true, Ok(_)) => {}
				(true, Err(e)) => return fail(format!("a valid transfer was refused: {e}")),
				(false, Ok(hash)) => {
					return fail(format!("a {kind} extrinsic was accepted: {hash}"))
				}
				(false, Err(e)) => {
					let expected =
						if kind == "bad signature" { "bad signature" } else { "outdated" };
					if !e.contains("1010") || !e.contains(expected) {
						return fail(format!(
							"a {kind} extrinsic was refused without saying so: {e}"
						));
					}
					*refused_reasons.entry(format!("{kind}: {e}")).or_default() += 1;
				}
			}
		}
	}
	println!(
		"all submitted and included in {:.1} s ({resubmitted_total} transfers stalled at the \
		 RPC node and were resubmitted to a validator); refusals:",
		submit_time.as_secs_f64()
	);
	for (reason, count) in &refused_reasons {
		println!("  {count} x {reason}");
	}

	// Every valid transfer is finalized; finality never stood still long.
	let (longest_before, watch) = sampled?;
	let mut longest = longest_before;
	let mut last = (finalized_number(&watch).await?, Instant::now());
	let deadline = Instant::now() + Duration::from_secs(300);
	loop {
		let hash = finalized_hash(&watch).await?;
		let mut behind = 0;
		for (who, expected) in &expected_nonce {
			if nonce_at(&watch, who, hash).await? < *expected {
				behind += 1;
			}
		}
		if behind == 0 {
			break;
		}
		if Instant::now() > deadline {
			let mut detail = Vec::new();
			for (who, expected) in &expected_nonce {
				let at = nonce_at(&watch, who, hash).await?;
				detail.push(format!("{}: nonce {at} of {expected}", who.to_ss58check()));
			}
			return fail(format!(
				"{behind} senders' transfers were not all finalized in 300 s: {}",
				detail.join(", ")
			));
		}
		tokio::time::sleep(Duration::from_secs(1)).await;
		let fin = finalized_number(&watch).await?;
		if fin > last.0 {
			last = (fin, Instant::now());
		}
		longest = longest.max(last.1.elapsed());
	}
	println!(
		"all {total_valid} transfers finalized {:.1} s after the flood began; the longest wait \
		 between two finalized blocks was {:.1} s",
		started.elapsed().as_secs_f64(),
		longest.as_secs_f64()
	);
	if longest > Duration::from_secs(20) {
		return fail(format!("finality stood still for {longest:?} during the flood"));
	}
	Ok(())
}

/// The Aura and GRANDPA authorities at the best block.
async fn authorities(client: &WsClient) -> Result<(Vec<Vec<u8>>, Vec<Vec<u8>>)> {
	let aura: Vec<sp_consensus_aura::sr25519::AuthorityId> =
		runtime_api(client, "AuraApi_authorities", &[], None).await?;
	let grandpa: sp_consensus_grandpa::AuthorityList =
		runtime_api(client, "GrandpaApi_grandpa_authorities", &[], None).await?;
	Ok((
		aura.iter().map(|a| a.encode()).collect(),
		grandpa.iter().map(|(g, _)| g.encode()).collect(),
	))
}

async fn finality_goes_on(client: &WsClient, what: &str) -> Result<()> {
	let before = finalized_number(client).await?;
	wait_until(what, Duration::from_secs(90), || async {
		Ok(finalized_number(client).await? >= before + 5)
	})
	.await
}

async fn add_validator(args: &Args) -> Result<()> {
	let client = connect(&args.text("ws")?).await?;
	let new_node = connect(&args.text("node")?).await?;
	let who = keyring(&args.text("who")?)?;
	let account = who.to_account_id();
	// The new validator's node generates its session keys and proves the account owns them.
	let generated: Value = new_node
		.request("author_rotateKeysWithOwner", rpc_params![to_hex(&account.encode())])
		.await?;
	let keys = SessionKeys::decode(
		&mut &sp_core::bytes::from_hex(generated["keys"].as_str().ok_or("keys")?)?[..],
	)?;
	let proof = sp_core::bytes::from_hex(generated["proof"].as_str().ok_or("a proof")?)?;
	let register =
		RuntimeCall::Session(pallets::session::Call::set_keys { keys: keys.clone(), proof });
	submit_signed(&client, register, &who.pair(), FINALITY).await?;
	println!("{who:?} registered session keys generated by the node");
	let add = RuntimeCall::ValidatorSet(pallets::validator_set::Call::add_validator {
		who: account.clone(),
	});
	council_motion(&client, add, &COUNCIL, FINALITY).await?;
	println!("the council's motion to add {who:?} passed");
	let started = Instant::now();
	let (aura, grandpa) = (keys.aura.encode(), keys.grandpa.encode());
	wait_until(&format!("{who:?} to become an authority"), TWO_SESSIONS, || async {
		let (a, g) = authorities(&client).await?;
		Ok(a.contains(&aura) && g.contains(&grandpa))
	})
	.await?;
	let (a, _) = authorities(&client).await?;
	println!(
		"{who:?} is an Aura and GRANDPA authority after {:.0} s ({} authorities)",
		started.elapsed().as_secs_f64(),
		a.len()
	);
	// The new validator's node authors blocks: its own best block rises while it is in turn.
	let authored_before = block_authored_by(&client, &aura, 40).await?;
	println!("{who:?} authored block #{authored_before}");
	finality_goes_on(&client, "finality with the new validator").await?;
	Ok(())
}

/// The number of a recent block (within the last `window` blocks from now on) that the Aura
/// authority `aura` authored: waits up to a minute for one.
async fn block_authored_by(client: &WsClient, aura: &[u8], window: u32) -> Result<u32> {
	use sp_runtime::generic::DigestItem;
	let deadline = Instant::now() + Duration::from_secs(60);
	let mut checked = best_number(client).await?.saturating_sub(window);
	loop {
		let best = best_number(client).await?;
		while checked < best {
			checked += 1;
			let hash: Value = client.request("chain_getBlockHash", rpc_params![checked]).await?;
			let header: Value = client.request("chain_getHeader", rpc_params![hash]).await?;
			let parent: H256 = serde_json::from_value(header["parentHash"].clone())?;
			let mut slot = None;
			for log in header["digest"]["logs"].as_array().ok_or("digest logs")? {
				let bytes = sp_core::bytes::from_hex(log.as_str().ok_or("hex log")?)?;
				if let DigestItem::PreRuntime(engine, data) = DigestItem::decode(&mut &bytes[..])? {
					if engine == sp_consensus_aura::AURA_ENGINE_ID {
						slot = Some(u64::decode(&mut &data[..])?);
					}
				}
			}
			let slot = slot.ok_or("a block without an Aura slot")?;
			let set: Vec<sp_consensus_aura::sr25519::AuthorityId> =
				runtime_api(client, "AuraApi_authorities", &[], Some(parent)).await?;
			if set[(slot % set.len() as u64) as usize].encode() == aura {
				return Ok(checked);
			}
		}
		if Instant::now() > deadline {
			return fail("the new validator authored no block in a minute".into());
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

async fn remove_validator(args: &Args) -> Result<()> {
	let client = connect(&args.text("ws")?).await?;
	let who = keyring(&args.text("who")?)?;
	let before = authorities(&client).await?.0.len();
	let remove = RuntimeCall::ValidatorSet(pallets::validator_set::Call::remove_validator {
		who: who.to_account_id(),
	});
	council_motion(&client, remove, &COUNCIL, FINALITY).await?;
	println!("the council's motion to remove {who:?} passed");
	let started = Instant::now();
	wait_until(&format!("{who:?} to leave the authorities"), TWO_SESSIONS, || async {
		let (a, g) = authorities(&client).await?;
		Ok(a.len() == before - 1 && g.len() == before - 1)
	})
	.await?;
	println!("{who:?} left the authorities after {:.0} s", started.elapsed().as_secs_f64());
	finality_goes_on(&client, "finality after the removal").await?;
	Ok(())
}

async fn upgrade(args: &Args) -> Result<()> {
	let client = connect(&args.text("ws")?).await?;
	let before: Value = client.request("state_getRuntimeVersion", rpc_params![]).await?;
	let spec_version = before["specVersion"].as_u64().ok_or("a spec version")? as u32;
	let code = storage_raw(&client, CODE, None).await?.ok_or("the chain has code")?;
	let new_code = wasm::with_spec_version_raised(&code, 1)?;
	let code_hash = BlakeTwo256::hash(&new_code);
	println!(
		"new runtime: spec_version {}, {} bytes, hash {code_hash:?}",
		spec_version + 1,
		new_code.len()
	);
	let authorize = RuntimeCall::System(pallets::system::Call::authorize_upgrade { code_hash });
	dispatch_as_root(&client, authorize, &COUNCIL, FINALITY).await?;
	println!("the council authorized it (whitelist motion, then dispatch as root)");
	let uploader = Sr25519Keyring::Ferdie;
	let apply =
		RuntimeCall::System(pallets::system::Call::apply_authorized_upgrade { code: new_code });
	let settled = submit_signed(&client, apply, &uploader.pair(), Duration::from_secs(120)).await?;
	let upgraded_at = block_number(&client, Some(settled.block)).await?;
	println!(
		"the code was applied in block #{upgraded_at}, finalized after {:?}",
		settled.finalized_after
	);
	for url in args.list("nodes")? {
		let node = connect(&url).await?;
		wait_until(&format!("{url} to run the new runtime"), Duration::from_secs(60), || async {
			let now: Value = node.request("state_getRuntimeVersion", rpc_params![]).await?;
			Ok(now["specVersion"].as_u64() == Some(u64::from(spec_version) + 1))
		})
		.await?;
		wait_until(
			&format!("{url} to finalize past the upgrade"),
			Duration::from_secs(90),
			|| async { Ok(finalized_number(&node).await? >= upgraded_at + 5) },
		)
		.await?;
		println!("{url}: spec_version {}, finalized past #{}", spec_version + 1, upgraded_at + 5);
	}
	Ok(())
}

async fn run() -> Result<()> {
	let raw: Vec<String> = std::env::args().skip(1).collect();
	let (command, rest) =
		raw.split_first().ok_or("usage: network_ops <command> [key=value ...]")?;
	let args = Args::parse(rest)?;
	match command.as_str() {
		"progress" => progress(&args).await,
		"outage" => outage(&args).await,
		"stall" => stall(&args).await,
		"recover" => recover(&args).await,
		"join" => join(&args).await,
		"record-state" => record_state(&args).await,
		"archive-check" => archive_check(&args).await,
		"flood" => flood(&args).await,
		"add-validator" => add_validator(&args).await,
		"remove-validator" => remove_validator(&args).await,
		"upgrade" => upgrade(&args).await,
		other => fail(format!("unknown command '{other}'")),
	}
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
	if let Err(e) = run().await {
		eprintln!("network_ops: FAILED: {e}");
		std::process::exit(1);
	}
}
