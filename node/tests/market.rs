//! End-to-end: on the `--dev` chain a wallet or a regulator reads proof of reserve, the supply
//! report and the USDX/USD price through JSON-RPC (`state_call` of the runtime APIs), and the demo feeders'
//! reports (feeless) produce a price.

mod common;

use std::time::Duration;

use codec::Encode;
use common::*;
use sp_keyring::Sr25519Keyring;
use stablecoin_primitives::{FixedU128, PriceKey, ReserveStatus};
use stablecoin_runtime::pallets;
use stablecoin_runtime::{AccountId, RuntimeCall, USDX};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dev_chain_serves_reserves_and_a_price_from_its_demo_feeders() -> Result<()> {
	let mut node = Node::start("market", &["--dev"])?;
	let client = node.connect(Duration::from_secs(120)).await?;
	wait_until("block 2 to be finalized", Duration::from_secs(60), || async {
		Ok(finalized_number(&client).await? >= 2)
	})
	.await
	.map_err(|e| format!("{e}\n{}", node.log_tail()))?;

	// Proof of reserve: the genesis attestation backs the genesis supply.
	let status: ReserveStatus = runtime_api(&client, "ReservesApi_status", &[], None).await?;
	assert_eq!(status, ReserveStatus::Backed);
	let figures: Option<pallets::reserves::ReserveFigures<u128>> =
		runtime_api(&client, "ReservesApi_figures", &[], None).await?;
	let figures = figures.ok_or("the dev chain has an effective attestation")?;
	assert_eq!(figures.total, 1_000_000 * USDX);
	assert!(figures.headroom > 0 && figures.eligible > figures.supply);

	// The supply report reconciles with the reserves' view of circulating supply.
	let supply: pallets::stablecoin::SupplyReport<stablecoin_runtime::Balance> =
		runtime_api(&client, "StablecoinApi_supply", &[], None).await?;
	assert_eq!(supply.circulating, figures.supply);
	assert_eq!(
		supply.circulating,
		supply.genesis_supply + supply.total_minted - supply.total_burned
	);
	assert!(supply.authorized_unissued > 0, "the presets authorize supply to the treasury");

	// No price before the feeders report: stale, not "on peg".
	let key = PriceKey::USDX_USD.encode();
	let state: Option<pallets::oracle::PriceState<AccountId>> =
		runtime_api(&client, "OracleApi_price_state", &key, None).await?;
	assert!(state.is_none(), "no aggregate yet: {state:?}");

	// Two of the three demo feeders report; their calls cost them nothing.
	let genesis = genesis_hash(&client).await?;
	let mut last_block = genesis;
	for (feeder, thousandths) in [(Sr25519Keyring::Charlie, 1_001), (Sr25519Keyring::Eve, 999)] {
		let who = feeder.to_account_id();
		let before = free_balance(&client, &who, None).await?;
		let call = RuntimeCall::Oracle(pallets::oracle::Call::submit_price {
			key: PriceKey::USDX_USD,
			price: FixedU128::from_rational(thousandths, 1_000),
		});
		let nonce = next_nonce(&client, &who).await?;
		let extrinsic = signed_call(call, &feeder.pair(), nonce, genesis);
		let settled = submit_and_watch(&client, &extrinsic, Duration::from_secs(60)).await?;
		assert_eq!(free_balance(&client, &who, Some(settled.block)).await?, before, "feeless");
		last_block = settled.block;
	}

	let state: Option<pallets::oracle::PriceState<AccountId>> =
		runtime_api(&client, "OracleApi_price_state", &key, Some(last_block)).await?;
	let state = state.ok_or("two feeders reported: the quorum is met")?;
	assert_eq!(state.price, FixedU128::from_u32(1), "median of 1.001 and 0.999");
	assert_eq!(state.deviation_bps, 0);
	assert!(!state.stale);
	assert_eq!(state.contributors.len(), 2);
	Ok(())
}
