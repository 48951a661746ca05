//! Settlement latency of USDX transfers on a running node.
//!
//! Submits transfers one after another (each waits for the previous one's finality) over
//! JSON-RPC and prints, for submit-to-included and submit-to-finalized, the median and the
//! 95th percentile.
//!
//! ```text
//! cargo run --release -p stablecoin-node --example transfer_latency -- [WS_URL] [COUNT]
//! ```
//!
//! `WS_URL` defaults to `ws://127.0.0.1:9944`, `COUNT` to 20. The node must run a chain where
//! Alice and Bob hold USDX (`--dev`). `scripts/bench-transfers.sh` starts one if needed.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Duration;

use common::*;
use jsonrpsee::ws_client::WsClientBuilder;
use sp_keyring::Sr25519Keyring;
use stablecoin_runtime::CENTS;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<()> {
	let mut args = std::env::args().skip(1);
	let url = args.next().unwrap_or_else(|| "ws://127.0.0.1:9944".to_string());
	let count: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(20);

	let client = WsClientBuilder::default().build(&url).await?;
	let genesis = genesis_hash(&client).await?;
	let alice = Sr25519Keyring::Alice;
	let bob = Sr25519Keyring::Bob.to_account_id();

	let mut included = Vec::with_capacity(count);
	let mut finalized = Vec::with_capacity(count);
	for i in 0..count {
		let nonce = next_nonce(&client, &alice.to_account_id()).await?;
		let extrinsic = signed_transfer(&alice.pair(), &bob, CENTS, nonce, genesis);
		let settled = submit_and_watch(&client, &extrinsic, Duration::from_secs(120)).await?;
		println!(
			"transfer {:>2}: included {:>5} ms, finalized {:>5} ms",
			i + 1,
			settled.included_after.as_millis(),
			settled.finalized_after.as_millis()
		);
		included.push(settled.included_after);
		finalized.push(settled.finalized_after);
	}

	let (inc_median, inc_p95) = median_and_p95(&included);
	let (fin_median, fin_p95) = median_and_p95(&finalized);
	println!("transfers: {count} against {url}");
	println!(
		"submit-to-included:  median {:>5} ms, p95 {:>5} ms",
		inc_median.as_millis(),
		inc_p95.as_millis()
	);
	println!(
		"submit-to-finalized: median {:>5} ms, p95 {:>5} ms",
		fin_median.as_millis(),
		fin_p95.as_millis()
	);
	Ok(())
}
