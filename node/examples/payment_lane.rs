//! The payment lane under a mixed load, on a running node.
//!
//! Three senders (Dave, Eve, Ferdie) submit heavy calls that are not payments (`Utility`
//! batches of 1,000 remarks each), tipping so that the pool orders them before any payment,
//! while two others (Alice, Bob) submit compliant transfers, all at once. The example then reads every block the load went into and prints, per block,
//! how much of the normal-class weight the payments and the other calls used, and at the end
//! the largest share the other calls ever took and the share payments got in the blocks
//! where both were waiting. A benchmark, not a test: the figures go in notes.
//!
//! ```text
//! cargo run --release -p stablecoin-node --example payment_lane -- [WS_URL] [TRANSFERS] [BATCHES]
//! ```
//!
//! `WS_URL` defaults to `ws://127.0.0.1:9944`; `TRANSFERS` (per payer, default 300) and
//! `BATCHES` (per other sender, default 40). The node must author blocks on a chain where
//! the dev accounts hold USDX (`--dev`). `scripts/bench-lane.sh` starts one if needed.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use codec::{Decode, Encode};
use common::*;
use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClientBuilder};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Dave, Eve, Ferdie};
use sp_runtime::generic::Preamble;
use stablecoin_runtime::pallets;
use stablecoin_runtime::{
	configs::{PaymentLaneShare, RuntimeBlockWeights},
	extensions::is_payment,
	Balance, RuntimeCall, UncheckedExtrinsic, CENTS, USDX,
};

/// A call that is not a payment and weighs about 7 ms: a batch of 1,000 remarks.
fn bulk_work(tag: u32) -> RuntimeCall {
	let remarks = (0..1_000u32)
		.map(|i| RuntimeCall::System(pallets::system::Call::remark { remark: (tag, i).encode() }));
	RuntimeCall::Utility(pallets::utility::Call::batch { calls: remarks.collect() })
}

/// Submits `calls` signed by `signer` with consecutive nonces and `tip` each, without waiting
/// for inclusion.
async fn submit_all(
	url: String,
	signer: Sr25519Keyring,
	calls: Vec<RuntimeCall>,
	tip: Balance,
) -> Result<()> {
	let client = WsClientBuilder::default().build(&url).await?;
	let genesis = genesis_hash(&client).await?;
	let mut nonce = next_nonce(&client, &signer.to_account_id()).await?;
	for call in calls {
		let extrinsic = stablecoin_runtime::signing::sign_call_with_tip(
			call,
			&signer.pair(),
			nonce,
			genesis,
			tip,
		)
		.encode();
		let _: H256 =
			client.request("author_submitExtrinsic", rpc_params![to_hex(&extrinsic)]).await?;
		nonce += 1;
	}
	Ok(())
}

/// What one block carried.
#[derive(Default)]
struct BlockLoad {
	payments: u32,
	payment_ps: u64,
	others: u32,
	other_ps: u64,
}

async fn block_load(client: &jsonrpsee::ws_client::WsClient, number: u32) -> Result<BlockLoad> {
	let hash: H256 = client.request("chain_getBlockHash", rpc_params![number]).await?;
	let base = RuntimeBlockWeights::get().get(DispatchClass::Normal).base_extrinsic;
	let mut load = BlockLoad::default();
	for hex in block_extrinsics(client, hash).await? {
		let xt = UncheckedExtrinsic::decode(&mut &sp_core::bytes::from_hex(&hex)?[..])?;
		if !matches!(xt.preamble, Preamble::Signed(..)) {
			continue;
		}
		let info = xt.get_dispatch_info();
		if info.class != DispatchClass::Normal {
			continue;
		}
		let weight = info.total_weight().saturating_add(base).ref_time();
		if is_payment(&xt.function) {
			load.payments += 1;
			load.payment_ps += weight;
		} else {
			load.others += 1;
			load.other_ps += weight;
		}
	}
	Ok(load)
}

fn ms(ps: u64) -> f64 {
	ps as f64 / 1e9
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<()> {
	let mut args = std::env::args().skip(1);
	let url = args.next().unwrap_or_else(|| "ws://127.0.0.1:9944".to_string());
	let transfers: u32 = args.next().map(|n| n.parse()).transpose()?.unwrap_or(300);
	let batches: u32 = args.next().map(|n| n.parse()).transpose()?.unwrap_or(40);

	let client = WsClientBuilder::default().build(&url).await?;
	let start = best_number(&client).await?;
	let normal_max = RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.max_total
		.ok_or("a normal-class limit")?
		.ref_time();
	let lane = PaymentLaneShare::get() * normal_max;

	// Everyone submits at once: the other traffic first in each sender's queue, so that it
	// is waiting in the pool before and while the payments arrive.
	let started = Instant::now();
	let mut tasks = Vec::new();
	for (i, sender) in [Dave, Eve, Ferdie].into_iter().enumerate() {
		let calls = (0..batches).map(|b| bulk_work(i as u32 * 1_000 + b)).collect();
		// The other traffic tips a whole USDX per call, so that the pool puts it before every
		// payment: only the lane keeps room for the payments.
		tasks.push(tokio::spawn(submit_all(url.clone(), sender, calls, USDX)));
	}
	for (payer, payee) in [(Alice, Bob), (Bob, Alice)] {
		let calls = (0..transfers)
			.map(|_| {
				RuntimeCall::Stablecoin(pallets::stablecoin::Call::transfer {
					dest: payee.to_account_id(),
					amount: CENTS,
				})
			})
			.collect();
		tasks.push(tokio::spawn(submit_all(url.clone(), payer, calls, 0)));
	}
	for task in tasks {
		task.await??;
	}
	let submitted_in = started.elapsed();

	// Follow the blocks until every transaction is in one.
	let expected_payments = 2 * transfers;
	let expected_others = 3 * batches;
	let mut loads = Vec::new();
	let mut next = start + 1;
	let (mut payments, mut others) = (0, 0);
	let deadline = Instant::now() + Duration::from_secs(300);
	while payments < expected_payments || others < expected_others {
		if Instant::now() > deadline {
			return Err(format!(
				"only {payments}/{expected_payments} payments and {others}/{expected_others} \
				 other calls were included within 300 s"
			)
			.into());
		}
		if best_number(&client).await? < next {
			tokio::time::sleep(Duration::from_millis(200)).await;
			continue;
		}
		let load = block_load(&client, next).await?;
		payments += load.payments;
		others += load.others;
		loads.push((next, load));
		next += 1;
	}

	println!(
		"{} transfers and {} batches of 1,000 remarks submitted in {:.1} s to {url}",
		expected_payments,
		expected_others,
		submitted_in.as_secs_f64()
	);
	println!(
		"normal-class limit {:.1} ms per block; payment lane {:.1} ms ({}%)",
		ms(normal_max),
		ms(lane),
		PaymentLaneShare::get().deconstruct() / 10_000_000
	);
	println!("block  payments  payment ms  others  other ms  other share");
	let mut max_other_share = 0.0f64;
	let (mut mixed_blocks, mut mixed_payment_share) = (0u32, 0.0f64);
	let mut payments_left = expected_payments;
	let mut others_left = expected_others;
	for (number, load) in &loads {
		let other_share = load.other_ps as f64 / normal_max as f64;
		max_other_share = max_other_share.max(other_share);
		// Both kinds were waiting for this block if neither was exhausted before it.
		if payments_left > 0 && others_left > 0 && load.payments + load.others > 0 {
			mixed_blocks += 1;
			mixed_payment_share += load.payment_ps as f64 / normal_max as f64;
		}
		payments_left -= load.payments;
		others_left -= load.others;
		println!(
			"#{number:<5} {:>8}  {:>10.1}  {:>6}  {:>8.1}  {:>10.1}%",
			load.payments,
			ms(load.payment_ps),
			load.others,
			ms(load.other_ps),
			100.0 * other_share
		);
	}
	println!(
		"other calls took at most {:.1}% of a block's normal weight (limit {}%)",
		100.0 * max_other_share,
		100 - PaymentLaneShare::get().deconstruct() / 10_000_000
	);
	if mixed_blocks > 0 {
		println!(
			"in the {mixed_blocks} blocks where both were waiting, payments used {:.1}% of the \
			 normal weight on average",
			100.0 * mixed_payment_share / f64::from(mixed_blocks)
		);
	}
	Ok(())
}
