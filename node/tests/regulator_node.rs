//! End-to-end: the regulator's read-only archive node, run with exactly the flags of
//! `scripts/regulator-node.sh`, syncs from a validator; it answers `usdx_report` and
//! `usdx_auditTrail` for early blocks exactly as the validator did when those blocks were
//! current; it refuses unsafe RPC methods; and it neither accepts nor relays transactions.

mod common;

use std::time::Duration;

use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Eve};
use stablecoin_runtime::pallets;
use stablecoin_runtime::{RuntimeCall, USDX};

const TIMEOUT: Duration = Duration::from_secs(60);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_regulator_archive_node_answers_history_as_it_was_and_is_read_only() -> Result<()> {
	let flags = script_flags("regulator-node.sh");
	for expected in ["--read-only", "--pruning", "--blocks-pruning", "--rpc-methods"] {
		assert!(flags.iter().any(|f| f == expected), "the script sets {expected}: {flags:?}");
	}

	// The validator: a development chain with a known peer id.
	let (_validator, validator_rpc, bootnode) =
		dev_validator("regulator-validator", 11, TIMEOUT).await?;

	// Early privileged actions: the compliance officer freezes Bob, then lifts it.
	let case_ref = H256::repeat_byte(0x5a);
	let freeze = RuntimeCall::Stablecoin(pallets::stablecoin::Call::freeze_account {
		who: Bob.to_account_id(),
		reason: b"court order 17".to_vec().try_into().expect("short"),
		order: Some(pallets::stablecoin::LegalOrder {
			case_id: b"court 17/2026".to_vec().try_into().expect("a short case id"),
			order_hash: case_ref,
		}),
		expires_at: None,
	});
	let frozen = submit_signed(&validator_rpc, freeze, &Eve.pair(), TIMEOUT).await?;
	let unfreeze = RuntimeCall::Stablecoin(pallets::stablecoin::Call::unfreeze_account {
		who: Bob.to_account_id(),
	});
	submit_signed(&validator_rpc, unfreeze, &Eve.pair(), TIMEOUT).await?;

	// What the validator said while those blocks were current.
	let frozen_number = block_number(&validator_rpc, Some(frozen.block)).await?;
	let report_then: Value =
		validator_rpc.request("usdx_report", rpc_params![frozen.block]).await?;
	let head = finalized_number(&validator_rpc).await?;
	let trail_then: Value = validator_rpc.request("usdx_auditTrail", rpc_params![0, head]).await?;
	let genesis_report: Value = validator_rpc
		.request("usdx_report", rpc_params![genesis_hash(&validator_rpc).await?])
		.await?;
	let actions: Vec<&str> = trail_then["entries"]
		.as_array()
		.unwrap()
		.iter()
		.filter_map(|e| e["action"].as_str())
		.collect();
	assert!(
		actions.contains(&"AccountFrozen") && actions.contains(&"AccountUnfrozen"),
		"{actions:?}"
	);

	// A holder's transfer later on, so that the chain moves on past the early blocks.
	let transfer = RuntimeCall::Stablecoin(pallets::stablecoin::Call::transfer {
		dest: Bob.to_account_id(),
		amount: 3 * USDX,
	});
	submit_signed(&validator_rpc, transfer, &Alice.pair(), TIMEOUT).await?;

	// The regulator's node joins, syncs and follows.
	let mut args: Vec<&str> = vec!["--chain", "dev", "--bootnodes", &bootnode];
	args.extend(flags.iter().map(String::as_str));
	let mut regulator = Node::start("regulator-archive", &args)?;
	let regulator_rpc = regulator.connect(Duration::from_secs(120)).await?;
	let target = finalized_number(&validator_rpc).await?;
	wait_until("the regulator's node to sync", Duration::from_secs(120), || async {
		Ok(finalized_number(&regulator_rpc).await? >= target)
	})
	.await
	.map_err(|e| format!("{e}\n{}", regulator.log_tail()))?;

	// History exactly as it was.
	let report_now: Value = regulator_rpc.request("usdx_report", rpc_params![frozen.block]).await?;
	assert_eq!(report_now, report_then);
	let trail_now: Value = regulator_rpc.request("usdx_auditTrail", rpc_params![0, head]).await?;
	assert_eq!(trail_now, trail_then);
	let genesis_now: Value = regulator_rpc
		.request("usdx_report", rpc_params![genesis_hash(&regulator_rpc).await?])
		.await?;
	assert_eq!(genesis_now, genesis_report);
	let bob_then: Value = regulator_rpc
		.request("usdx_account", rpc_params![Bob.to_account_id().to_string(), frozen.block])
		.await?;
	assert_eq!(bob_then["freeze"]["reason"], "court order 17");
	assert_eq!(bob_then["block"]["number"], frozen_number);

	// Unsafe methods are refused.
	let rotate = regulator_rpc.request::<Value, _>("author_rotateKeys", rpc_params![]).await;
	assert!(rotate.is_err(), "author_rotateKeys must be refused: {rotate:?}");

	// Transactions are refused with a message that says why...
	let genesis = genesis_hash(&regulator_rpc).await?;
	let nonce = next_nonce(&validator_rpc, &Alice.to_account_id()).await?;
	let extrinsic = signed_transfer(&Alice.pair(), &Bob.to_account_id(), USDX, nonce, genesis);
	let submitted = regulator_rpc
		.request::<H256, _>("author_submitExtrinsic", rpc_params![to_hex(&extrinsic)])
		.await;
	let refusal =
		format!("{:?}", submitted.expect_err("the regulator's node refuses transactions"));
	assert!(refusal.contains("read-only"), "{refusal}");
	// ...and never relayed: the validator never sees it, so Alice's nonce does not move.
	tokio::time::sleep(Duration::from_secs(5)).await;
	assert_eq!(next_nonce(&validator_rpc, &Alice.to_account_id()).await?, nonce);
	// A transaction sent to the validator is included, and the regulator's node sees the
	// block but keeps nothing in its own pool.
	let settled = submit_and_watch(&validator_rpc, &extrinsic, TIMEOUT).await?;
	let pending: Vec<String> =
		regulator_rpc.request("author_pendingExtrinsics", rpc_params![]).await?;
	assert!(pending.is_empty(), "{pending:?}");
	wait_until("the regulator's node to import the transfer", TIMEOUT, || async {
		Ok(regulator_rpc
			.request::<Value, _>("chain_getHeader", rpc_params![settled.block])
			.await
			.is_ok_and(|header| !header.is_null()))
	})
	.await?;

	// A read-only validator makes no sense: the node refuses to start as one.
	let output = std::process::Command::new(node_binary())
		.args(["--dev", "--read-only", "--tmp"])
		.output()?;
	assert!(!output.status.success());
	assert!(String::from_utf8_lossy(&output.stderr).contains("--read-only cannot be combined"));
	Ok(())
}
