//! End-to-end: the built `stablecoin-node --dev` produces and finalizes blocks, settles a
//! signed USDX transfer in a finalized block, mints within a minute with its demo operators
//! running, takes every transfer of a bounded run of the load generator, serves Prometheus
//! metrics, and refuses bad command-line input with a clear error.

mod common;

use std::{io::Read, io::Write, process::Command, time::Duration};

use common::*;
use sp_keyring::Sr25519Keyring;
use stablecoin_runtime::USDX;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dev_node_finalizes_a_signed_transfer() -> Result<()> {
	let mut node = Node::start("dev", &["--dev"])?;
	let client = node.connect(Duration::from_secs(120)).await?;

	// Blocks are produced and finalized.
	wait_until("block 3 to be produced and finalized", Duration::from_secs(60), || async {
		Ok(best_number(&client).await? >= 3 && finalized_number(&client).await? >= 2)
	})
	.await
	.map_err(|e| format!("{e}\n{}", node.log_tail()))?;

	// The chain presents itself as USDX with 6 decimals.
	let properties: serde_json::Value = jsonrpsee::core::client::ClientT::request(
		&client,
		"system_properties",
		jsonrpsee::rpc_params![],
	)
	.await?;
	assert_eq!(properties["tokenSymbol"], "USDX");
	assert_eq!(properties["tokenDecimals"], 6);
	assert_eq!(properties["ss58Format"], 42);

	// Alice pays Bob 12.5 USDX; the transfer lands in a finalized block.
	let alice = Sr25519Keyring::Alice;
	let bob = Sr25519Keyring::Bob.to_account_id();
	let genesis = genesis_hash(&client).await?;
	let alice_before = free_balance(&client, &alice.to_account_id(), None).await?;
	let bob_before = free_balance(&client, &bob, None).await?;
	let amount = 12 * USDX + USDX / 2;
	let nonce = next_nonce(&client, &alice.to_account_id()).await?;
	let extrinsic = signed_transfer(&alice.pair(), &bob, amount, nonce, genesis);
	let settled = submit_and_watch(&client, &extrinsic, Duration::from_secs(60)).await?;
	println!(
		"transfer included after {:?}, finalized after {:?}",
		settled.included_after, settled.finalized_after
	);

	// The finalized block carries the extrinsic, and the balances moved at that block.
	let in_block = block_extrinsics(&client, settled.block).await?;
	assert!(in_block.contains(&to_hex(&extrinsic)), "the finalized block holds the transfer");
	let block_number = block_number(&client, Some(settled.block)).await?;
	assert!(finalized_number(&client).await? >= block_number);
	let bob_after = free_balance(&client, &bob, Some(settled.block)).await?;
	assert_eq!(bob_after, bob_before + amount);
	let alice_after = free_balance(&client, &alice.to_account_id(), Some(settled.block)).await?;
	let fee = alice_before - amount - alice_after;
	assert!(fee > 0, "Alice paid a fee in USDX");

	// The database is ParityDB: the node is built without RocksDB.
	let chain_dir = node.base_path.join("chains").join("usdx_dev");
	assert!(chain_dir.join("paritydb").is_dir(), "ParityDB under {}", chain_dir.display());
	assert!(!chain_dir.join("db").exists(), "no RocksDB directory");
	Ok(())
}

/// The `demo-operators` process, killed when dropped.
struct DemoOperators(std::process::Child);

impl Drop for DemoOperators {
	fn drop(&mut self) {
		let _ = self.0.kill();
		let _ = self.0.wait();
	}
}

/// What `./scripts/dev.sh` runs (a `--dev` node and its demo operators): the first mint of a
/// fresh chain succeeds within a minute of the start, with no price or attestation fed by hand;
/// then the wallet quickstarts (Rust, @polkadot/api, polkadot-api) run against it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fresh_dev_chain_with_its_demo_operators_mints_within_a_minute() -> Result<()> {
	use stablecoin_runtime::{genesis_config_presets as presets, pallets, RuntimeCall};
	let started = std::time::Instant::now();
	let mut node = Node::start("demo", &["--dev"])?;
	let _operators = DemoOperators(
		Command::new(node_binary())
			.args(["demo-operators", "--rpc-url", &node.ws_url()])
			.stdout(std::process::Stdio::null())
			.spawn()?,
	);
	let client = node.connect(Duration::from_secs(60)).await?;
	let key = |who: &stablecoin_runtime::AccountId| {
		Sr25519Keyring::from_account_id(who).expect("a development key").pair()
	};

	// A user does not wait for the operators: Alice asks for a mint at once, the two
	// fiat-desk operators confirm the funding, and the breaker, which refuses mints without a
	// fresh price, lets it through.
	let alice = Sr25519Keyring::Alice;
	let next_id = storage_raw(&client, &plain_key("Stablecoin", "NextMintId"), None).await?;
	let id = match next_id {
		Some(bytes) => <u64 as codec::Decode>::decode(&mut &bytes[..])?,
		None => 1,
	};
	let request = RuntimeCall::Stablecoin(pallets::stablecoin::Call::request_mint {
		amount: 1_000 * USDX,
		tier: pallets::stablecoin::MintTier::Standard,
	});
	let requested = submit_signed(&client, request, &alice.pair(), Duration::from_secs(30)).await?;
	let before = free_balance(&client, &alice.to_account_id(), Some(requested.block)).await?;
	let ledger_ref = sp_core::H256::repeat_byte(0x42);
	let mut last = requested.block;
	for desk in [presets::demo_fiat_desk(), presets::demo_fiat_desk_2()] {
		let confirm =
			RuntimeCall::Stablecoin(pallets::stablecoin::Call::confirm_funding { id, ledger_ref });
		last = submit_signed(&client, confirm, &key(&desk), Duration::from_secs(30)).await?.block;
	}
	let after = free_balance(&client, &alice.to_account_id(), Some(last)).await?;
	assert_eq!(
		after - before,
		999 * USDX,
		"minted 1,000 USDX less the 0.1% fee\n{}",
		node.log_tail()
	);
	let elapsed = started.elapsed();
	println!("first mint final {elapsed:?} after the start");
	assert!(elapsed < Duration::from_secs(60), "the first mint took {elapsed:?}");

	// The demo attestor has published a fresh report (the genesis one is of 2026-11-01).
	let figures: Option<pallets::reserves::ReserveFigures<stablecoin_runtime::Balance>> =
		runtime_api(&client, "ReservesApi_figures", &[], Some(last)).await?;
	let figures = figures.ok_or("an effective attestation")?;
	assert!(figures.as_of > presets::GENESIS_ATTESTATION_AS_OF_MS, "{figures:?}");

	// The Rust wallet quickstart (node/examples/wallet_quickstart.rs) runs against it as is.
	let quickstart = node_binary()
		.parent()
		.map(|profile| profile.join("examples").join("wallet_quickstart"))
		.ok_or("the node binary has a folder")?;
	let output = Command::new(&quickstart).arg(node.ws_url()).output()?;
	let stdout = String::from_utf8_lossy(&output.stdout);
	assert!(output.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
	assert!(stdout.contains("may send: yes"), "{stdout}");
	assert!(stdout.contains("sent 10 USDX to"), "{stdout}");
	assert!(stdout.contains("refused in block"), "{stdout}");
	assert!(stdout.contains("Stablecoin.ReceiverNotCompliant"), "{stdout}");

	// So does the TypeScript one with @polkadot/api (examples/polkadot-js; scripts/test.sh
	// installs its packages).
	let example = repo_root().join("examples").join("polkadot-js");
	assert!(
		example.join("node_modules").is_dir(),
		"run `npm ci` in {} (scripts/test.sh does)",
		example.display()
	);
	let output = Command::new("npx")
		.args(["--no-install", "tsx", "quickstart.ts", &node.ws_url()])
		.current_dir(&example)
		.output()?;
	let stdout = String::from_utf8_lossy(&output.stdout);
	assert!(output.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
	assert!(stdout.contains("may Send: yes"), "{stdout}");
	assert!(stdout.contains("10 USDX to Bob: final in block 0x"), "{stdout}");
	assert!(stdout.contains("refused: stablecoin.ReceiverNotCompliant"), "{stdout}");

	// And the one with polkadot-api (examples/polkadot-api), as its header tells a wallet
	// developer: install, generate the typed descriptors from this chain's metadata, run. In
	// a copy, since `papi add` writes the descriptors and their dependency next to it.
	let source = repo_root().join("examples").join("polkadot-api");
	let example = node.base_path.join("polkadot-api-example");
	std::fs::create_dir_all(&example)?;
	for file in ["package.json", "package-lock.json", "tsconfig.json", "quickstart.ts"] {
		std::fs::copy(source.join(file), example.join(file))?;
	}
	let ws_url = node.ws_url();
	for step in [
		vec!["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
		vec!["npx", "--no-install", "papi", "add", "usdx", "--wsUrl", &ws_url],
		vec!["npx", "--no-install", "tsx", "quickstart.ts", &ws_url],
	] {
		// polkadot-api needs the global `WebSocket` of Node.js 22; Node.js 20 has it behind
		// a flag.
		let output = Command::new(step[0])
			.args(&step[1..])
			.env("NODE_OPTIONS", "--experimental-websocket")
			.current_dir(&example)
			.output()?;
		let stdout = String::from_utf8_lossy(&output.stdout);
		let stderr = String::from_utf8_lossy(&output.stderr);
		assert!(output.status.success(), "{}: {stdout}\n{stderr}", step.join(" "));
		if step.contains(&"quickstart.ts") {
			assert!(stdout.contains("may Send: yes"), "{stdout}");
			assert!(stdout.contains("10 USDX to Bob: final in block 0x"), "{stdout}");
			assert!(stdout.contains("refused: Stablecoin.ReceiverNotCompliant"), "{stdout}");
		}
	}
	Ok(())
}

/// The load generator of `scripts/bench-tps.sh` (node/examples/bench_tps.rs) runs a bounded tiny
/// load against a fresh dev node: it onboards eight fresh accounts (identities, claims, funds
/// in batches), submits three rounds of transfers among them, and every transfer it submitted
/// is included and finalized. So the benchmark cannot fall behind the chain. Its timings are
/// not asserted: they depend on the machine.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_load_generator_gets_every_transfer_of_a_bounded_run_included() -> Result<()> {
	let (accounts, rounds) = (8, 3);
	let mut node = Node::start("tps", &["--dev"])?;
	let client = node.connect(Duration::from_secs(120)).await?;
	wait_until("block 2 to be finalized", Duration::from_secs(60), || async {
		Ok(finalized_number(&client).await? >= 2)
	})
	.await
	.map_err(|e| format!("{e}\n{}", node.log_tail()))?;

	let bench_tps = node_binary()
		.parent()
		.map(|profile| profile.join("examples").join("bench_tps"))
		.ok_or("the node binary has a folder")?;
	let output = Command::new(&bench_tps)
		.arg(node.ws_url())
		.args(["--accounts", &accounts.to_string(), "--rounds", &rounds.to_string()])
		.args(["--connections", "2", "--node-pid", &node.pid().to_string()])
		.output()?;
	let stdout = String::from_utf8_lossy(&output.stdout);
	let report = format!("{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
	assert!(output.status.success(), "{report}\n{}", node.log_tail());
	assert!(stdout.contains(&format!("onboarded {accounts} accounts")), "{report}");

	// "transfers: submitted N, included N, finalized N, refused 0 (...)"
	let line = stdout
		.lines()
		.find(|line| line.starts_with("transfers: "))
		.ok_or_else(|| report.clone())?;
	let count = |label: &str| -> Option<u32> {
		let rest = line.split(&format!("{label} ")).nth(1)?;
		rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
	};
	let expected = accounts * rounds;
	assert_eq!(count("submitted"), Some(expected), "{report}");
	assert_eq!(count("included"), Some(expected), "{report}");
	assert_eq!(count("finalized"), Some(expected), "{report}");
	assert_eq!(count("refused"), Some(0), "{report}");
	assert!(stdout.contains("submit-to-finalized: p50"), "{report}");
	assert!(stdout.contains("resident"), "the node's memory is read: {report}");
	Ok(())
}

/// A minimal HTTP GET on the loopback interface.
fn http_get(port: u16, path: &str) -> std::io::Result<String> {
	let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
	stream.set_read_timeout(Some(Duration::from_secs(10)))?;
	write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
	let mut response = String::new();
	stream.read_to_string(&mut response)?;
	Ok(response)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dev_node_serves_prometheus_metrics() -> Result<()> {
	let mut node = Node::start("metrics", &["--dev"])?;
	let client = node.connect(Duration::from_secs(120)).await?;
	wait_until("block 1", Duration::from_secs(60), || async {
		Ok(best_number(&client).await? >= 1)
	})
	.await?;
	// The metrics server may answer a moment after RPC is up: ask until it does.
	let mut metrics = String::new();
	for _ in 0..50 {
		metrics = http_get(node.prometheus_port, "/metrics").unwrap_or_default();
		if metrics.contains("substrate_block_height") {
			break;
		}
		tokio::time::sleep(Duration::from_millis(200)).await;
	}
	assert!(metrics.starts_with("HTTP/1."), "an HTTP answer: {metrics:.100}");
	assert!(metrics.contains("substrate_block_height"), "block height metric is served");
	assert!(metrics.contains("substrate_finality_grandpa_round"), "GRANDPA metrics are served");
	Ok(())
}

#[test]
fn unknown_chain_is_refused_with_a_clear_error() {
	let output = Command::new(node_binary())
		.args(["--chain", "no-such-chain", "--tmp"])
		.output()
		.expect("the node runs");
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success());
	assert!(stderr.contains("unknown chain 'no-such-chain'"), "{stderr}");
	assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn unreadable_chain_spec_file_is_refused_with_a_clear_error() {
	let path = std::env::temp_dir().join(format!("usdx-bad-spec-{}.json", std::process::id()));
	std::fs::write(&path, "{ this is not a chain spec").expect("temp file");
	let output = Command::new(node_binary())
		.args(["--chain", path.to_str().expect("utf-8 path"), "--tmp"])
		.output()
		.expect("the node runs");
	let _ = std::fs::remove_file(&path);
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success());
	assert!(stderr.contains("cannot read chain spec file"), "{stderr}");
	assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn dev_chain_spec_names_usdx() {
	let output = Command::new(node_binary())
		.args(["export-chain-spec", "--chain", "dev"])
		.output()
		.expect("the node runs");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let spec: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON spec");
	assert_eq!(spec["properties"]["tokenSymbol"], "USDX");
	assert_eq!(spec["properties"]["tokenDecimals"], 6);
	assert_eq!(spec["chainType"], "Development");
}
