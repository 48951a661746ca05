//! `demo-operators`: the operators a real deployment runs beside its nodes, played with the
//! development chain's keys, so that a fresh `--dev` chain can mint at once.
//!
//! - **Price feeders.** Every `--price-every` seconds each demo feeder (Charlie, Eve and
//!   Ferdie on the development chain) reports the USDX/USD price: one dollar, give or take a
//!   hundredth of a cent, as a feeder watching a healthy market would. Two reports within the
//!   oracle's window make a price, so the breaker does not refuse mints as `OracleStale`.
//! - **Reserve attestor.** At start and every `--attest-every` seconds the demo attestor
//!   (Ferdie) publishes a reserve report as of a minute ago: the liabilities the chain
//!   reports (`ReservesApi_figures`) plus `--headroom` USDX, in the genesis attestation's mix of
//!   assets and custodians (`genesis_config_presets::demo_attestation`).
//!
//! Both calls are feeless for their operators. The process talks to the node over its
//! JSON-RPC only, like any external operator, and stops when the node has gone away.
//! `scripts/dev.sh` starts it with the node; `--no-demo` leaves it out.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use codec::{Decode, Encode};
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use sp_core::{crypto::Ss58Codec, sr25519, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::{BlakeTwo256, Hash};
use stablecoin_primitives::{FixedU128, PriceKey};
use stablecoin_runtime::{
	genesis_config_presets::{demo_attestation, demo_attestor, demo_feeders},
	pallets, AccountId, Balance, RuntimeCall, USDX,
};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// How long to wait for the node's RPC to come up, and to come back after a dropped
/// connection, before giving up.
const RECONNECT_FOR: Duration = Duration::from_secs(120);

/// `demo-operators`: price feeders and a reserve attestor for the development chain.
#[derive(Debug, Clone, clap::Args)]
pub struct DemoOperatorsCmd {
	/// The WebSocket URL of the development node's RPC.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub rpc_url: String,

	/// Seconds between two rounds of price reports (the chain makes a block every second; a
	/// feeder may report once per block).
	#[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..))]
	pub price_every: u64,

	/// Seconds between two reserve reports.
	#[arg(long, default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..))]
	pub attest_every: u64,

	/// Eligible reserves beyond the liabilities that each report declares, in whole USDX: what
	/// may still be minted against it.
	#[arg(long, default_value_t = 1_000_000)]
	pub headroom: u64,
}

/// A demo operator's key, from the development keyring.
fn key_of(who: &AccountId) -> Result<(sr25519::Pair, String)> {
	let keyring = Sr25519Keyring::from_account_id(who)
		.ok_or_else(|| format!("{} is not a development key", who.to_ss58check()))?;
	Ok((keyring.pair(), format!("{keyring:?}")))
}

impl DemoOperatorsCmd {
	/// Runs until the node goes away.
	pub fn run(&self) -> Result<()> {
		let feeders = demo_feeders().iter().map(key_of).collect::<Result<Vec<_>>>()?;
		let attestor = key_of(&demo_attestor())?;
		tokio::runtime::Builder::new_current_thread()
			.enable_all()
			.build()?
			.block_on(self.serve(feeders, attestor))
	}

	async fn serve(
		&self,
		feeders: Vec<(sr25519::Pair, String)>,
		attestor: (sr25519::Pair, String),
	) -> Result<()> {
		let mut client = connect(&self.rpc_url).await?;
		let genesis: H256 = client.request("chain_getBlockHash", rpc_params![0u32]).await?;
		println!(
			"demo-operators: feeding USDX/USD every {}s ({}), attesting reserves every {}s ({})",
			self.price_every,
			feeders.iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>().join(", "),
			self.attest_every,
			attestor.1,
		);
		let mut round: u64 = 0;
		let mut last_attestation: Option<Instant> = None;
		loop {
			if !client.is_connected() {
				client = connect(&self.rpc_url).await?;
			}
			let attest_due = last_attestation
				.is_none_or(|at| at.elapsed() >= Duration::from_secs(self.attest_every));
			if attest_due {
				match self.attest(&client, &attestor.0, genesis).await {
					Ok(total) => {
						println!(
							"demo-operators: {} attested {total} USDX of reserves",
							attestor.1
						);
						last_attestation = Some(Instant::now());
					}
					Err(e) => eprintln!("demo-operators: attestation not submitted: {e}"),
				}
			}
			for (index, (pair, name)) in feeders.iter().enumerate() {
				let price = demo_price(round, index as u64);
				let call = RuntimeCall::Oracle(pallets::oracle::Call::submit_price {
					key: PriceKey::USDX_USD,
					price,
				});
				if let Err(e) = submit(&client, call, pair, genesis).await {
					eprintln!("demo-operators: {name}'s price report not submitted: {e}");
				}
			}
			if round == 0 {
				println!("demo-operators: first price reports submitted");
			}
			round = round.wrapping_add(1);
			tokio::time::sleep(Duration::from_secs(self.price_every)).await;
		}
	}

	/// Publishes a reserve report covering the liabilities plus the headroom; returns its
	/// total in whole USDX.
	async fn attest(&self, client: &WsClient, pair: &sr25519::Pair, genesis: H256) -> Result<u128> {
		let answer: String =
			client.request("state_call", rpc_params!["ReservesApi_figures", "0x"]).await?;
		let figures = Option::<pallets::reserves::ReserveFigures<Balance>>::decode(
			&mut &sp_core::bytes::from_hex(&answer)?[..],
		)?;
		let liabilities = figures.map_or(0, |figures| figures.supply);
		// Whole USDX, rounded up: a report covers the liabilities to the last unit.
		let total = liabilities
			.div_ceil(USDX)
			.checked_add(u128::from(self.headroom))
			.and_then(|whole| whole.checked_mul(USDX))
			.ok_or("the reserves to declare overflow")?;
		// As of a minute ago: never in the future of the chain's clock.
		let as_of = now_ms().saturating_sub(60_000);
		let report_hash = BlakeTwo256::hash_of(&(b"usdx-demo-attestation", as_of, total));
		let view = demo_attestation(as_of, total, report_hash);
		let attestation = pallets::reserves::Attestation {
			as_of: view.as_of,
			period_start: view.period_start,
			period_end: view.period_end,
			amounts: view.amounts,
			custodians: view
				.custodians
				.try_into()
				.map_err(|_| "the demo report lists more custodians than the chain allows")?,
			total: view.total,
			report_hash: view.report_hash,
		};
		let call =
			RuntimeCall::Reserves(pallets::reserves::Call::submit_attestation { attestation });
		submit(client, call, pair, genesis).await?;
		Ok(total / USDX)
	}
}

/// The price feeder `feeder` reports in `round`: one dollar, moved by at most a hundredth of
/// a cent, differently for each feeder and round, as real feeds are never identical.
fn demo_price(round: u64, feeder: u64) -> FixedU128 {
	// 9_999 ..= 10_001 ten-thousandths of a dollar.
	let wiggle = (round.wrapping_add(feeder)) % 3;
	FixedU128::from_rational(u128::from(9_999 + wiggle), 10_000)
}

/// Milliseconds since the Unix epoch, by this machine's clock (the dev node's clock too).
fn now_ms() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_millis() as u64)
}

/// Connects to the node, waiting for its RPC to come up.
async fn connect(url: &str) -> Result<WsClient> {
	let deadline = Instant::now() + RECONNECT_FOR;
	loop {
		match WsClientBuilder::default().build(url).await {
			Ok(client) => return Ok(client),
			Err(_) if Instant::now() < deadline => {
				tokio::time::sleep(Duration::from_millis(500)).await
			}
			Err(e) => return Err(format!("no node RPC at {url} for {RECONNECT_FOR:?}: {e}").into()),
		}
	}
}

/// Signs `call` with the signer's next nonce (counting its transactions in the pool) and
/// submits it, without waiting for inclusion.
async fn submit(
	client: &WsClient,
	call: RuntimeCall,
	pair: &sr25519::Pair,
	genesis: H256,
) -> Result<()> {
	use sp_core::Pair as _;
	let who: AccountId = pair.public().into();
	let nonce: stablecoin_runtime::Nonce =
		client.request("system_accountNextIndex", rpc_params![who.to_ss58check()]).await?;
	let extrinsic = stablecoin_runtime::signing::sign_call(call, pair, nonce, genesis).encode();
	let _hash: H256 = client
		.request("author_submitExtrinsic", rpc_params![sp_core::bytes::to_hex(&extrinsic, false)])
		.await?;
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn demo_prices_stay_within_a_hundredth_of_a_cent_of_the_peg() {
		for round in 0..6 {
			for feeder in 0..3 {
				let price = demo_price(round, feeder);
				assert!(price >= FixedU128::from_rational(9_999, 10_000), "{price:?}");
				assert!(price <= FixedU128::from_rational(10_001, 10_000), "{price:?}");
			}
		}
		assert_ne!(demo_price(0, 0), demo_price(0, 1), "feeders differ");
	}

	#[test]
	fn the_demo_keys_are_development_keys() {
		assert!(demo_feeders().iter().all(|who| key_of(who).is_ok()));
		assert!(key_of(&demo_attestor()).is_ok());
	}
}
