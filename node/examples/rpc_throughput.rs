//! Calls per second of the chain RPC's `usdx_report` and `usdx_account` on a running node.
//!
//! Opens `CLIENTS` WebSocket connections, each calling the method back to back for
//! `SECONDS`, and prints the calls per second and the median and 95th-percentile latency of
//! each method. A benchmark, not a test: figures depend on the machine and go in notes, never
//! in assertions.
//!
//! ```text
//! cargo run --release -p stablecoin-node --example rpc_throughput -- [WS_URL] [CLIENTS] [SECONDS]
//! ```
//!
//! `WS_URL` defaults to `ws://127.0.0.1:9944`, `CLIENTS` to 8, `SECONDS` to 10.
//! `scripts/bench-rpc.sh` starts a dev node if none runs and builds this first.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::*;
use jsonrpsee::{
	core::{client::ClientT, params::ArrayParams},
	rpc_params,
	ws_client::WsClientBuilder,
};
use serde_json::Value;
use sp_core::crypto::Ss58Codec;
use sp_keyring::Sr25519Keyring;

async fn hammer(
	url: String,
	method: &'static str,
	params: ArrayParams,
	seconds: u64,
) -> Result<Vec<Duration>> {
	let client = WsClientBuilder::default().build(&url).await?;
	let deadline = Instant::now() + Duration::from_secs(seconds);
	let mut latencies = Vec::new();
	while Instant::now() < deadline {
		let started = Instant::now();
		let _: Value = client.request(method, params.clone()).await?;
		latencies.push(started.elapsed());
	}
	Ok(latencies)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<()> {
	let mut args = std::env::args().skip(1);
	let url = args.next().unwrap_or_else(|| "ws://127.0.0.1:9944".to_string());
	let clients: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(8);
	let seconds: u64 = args.next().map(|n| n.parse()).transpose()?.unwrap_or(10);
	let alice = Sr25519Keyring::Alice.to_account_id().to_ss58check();

	println!("{clients} clients, {seconds} s per method, against {url}");
	for (method, params) in
		[("usdx_report", rpc_params![]), ("usdx_account", rpc_params![alice.clone()])]
	{
		let runs = (0..clients).map(|_| hammer(url.clone(), method, params.clone(), seconds));
		let mut latencies = Vec::new();
		for run in futures::future::join_all(runs).await {
			latencies.extend(run?);
		}
		let (median, p95) = median_and_p95(&latencies);
		println!(
			"{method:>14}: {:>8.1} calls/s  (median {median:?}, p95 {p95:?}, {} calls)",
			latencies.len() as f64 / seconds as f64,
			latencies.len()
		);
	}
	Ok(())
}
