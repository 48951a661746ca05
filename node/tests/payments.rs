//! End-to-end: payments a business can reconcile, on a running `--dev` archive node. A
//! compliant transfer's fee, quoted by `payment_queryInfo`, is under a tenth of a cent; a
//! transfer with a reference and a batch payout are found by their references with
//! `usdx_paymentsByReference` and `export-payments`; a batch with a non-compliant payee pays
//! nobody; bad searches get their error codes; a payment submitted twice is refused by name.

mod common;

use std::time::Duration;

use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::Value;
use sp_core::crypto::Ss58Codec;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Dave, Ferdie};
use stablecoin_runtime::pallets;
use stablecoin_runtime::{AccountId, RuntimeCall, SS58_PREFIX, USDX};

const TIMEOUT: Duration = Duration::from_secs(60);

/// A reference as a wallet sends an invoice number: its text padded with zero bytes.
fn reference(text: &str) -> [u8; 32] {
	let mut reference = [0u8; 32];
	reference[..text.len()].copy_from_slice(text.as_bytes());
	reference
}

fn address(who: &AccountId) -> String {
	who.to_ss58check_with_version(SS58_PREFIX.into())
}

fn payout(
	dest: AccountId,
	amount: u128,
	text: &str,
) -> pallets::stablecoin::Payout<AccountId, u128> {
	pallets::stablecoin::Payout { dest, amount, reference: reference(text) }
}

async fn rpc_error_code(
	client: &WsClient,
	method: &str,
	params: jsonrpsee::core::params::ArrayParams,
) -> i32 {
	match client.request::<Value, _>(method, params).await {
		Err(jsonrpsee::core::ClientError::Call(e)) => e.code(),
		other => panic!("{method} should fail with a call error, got {other:?}"),
	}
}

/// The fee `payment_queryInfo` quotes for `call` signed by `signer`.
async fn quoted_fee(client: &WsClient, call: RuntimeCall, signer: Sr25519Keyring) -> Result<u128> {
	let nonce = next_nonce(client, &signer.to_account_id()).await?;
	let genesis = genesis_hash(client).await?;
	let extrinsic = signed_call(call, &signer.pair(), nonce, genesis);
	let info: Value = client.request("payment_queryInfo", rpc_params![to_hex(&extrinsic)]).await?;
	let fee = &info["partialFee"];
	Ok(match fee {
		Value::String(s) => s.parse()?,
		other => other.as_u64().ok_or("a fee is a number")?.into(),
	})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn payments_are_found_by_their_reference_at_an_archive_node_and_cost_under_a_tenth_of_a_cent(
) -> Result<()> {
	let mut node = Node::start("payments", &["--dev", "--pruning", "archive"])?;
	let client = node.connect(Duration::from_secs(120)).await?;
	wait_until("block 1 to be finalized", TIMEOUT, || async {
		Ok(finalized_number(&client).await? >= 1)
	})
	.await
	.map_err(|e| format!("{e}\n{}", node.log_tail()))?;

	// The fee of a compliant transfer, as a wallet reads it: at most 1,000 micro-USDX.
	let transfer = RuntimeCall::Stablecoin(pallets::stablecoin::Call::transfer {
		dest: Bob.to_account_id(),
		amount: 25 * USDX,
	});
	let fee = quoted_fee(&client, transfer, Alice).await?;
	let invoice = reference("INV-2026-0042");
	let with_reference =
		RuntimeCall::Stablecoin(pallets::stablecoin::Call::transfer_with_reference {
			dest: Bob.to_account_id(),
			amount: 25 * USDX,
			reference: invoice,
		});
	let fee_with_reference = quoted_fee(&client, with_reference.clone(), Alice).await?;
	println!("payment_queryInfo: transfer {fee}, with a reference {fee_with_reference} micro-USDX");
	assert!(fee > 0 && fee <= 1_000, "a compliant transfer is quoted {fee} micro-USDX");
	assert!(fee_with_reference <= 1_000, "with a reference: {fee_with_reference}");

	// Alice pays invoice INV-2026-0042 to Bob, then a payroll with one more payment against
	// the same invoice (to Dave) and two salaries.
	let paid = submit_signed(&client, with_reference, &Alice.pair(), TIMEOUT).await?;
	let payroll = vec![
		payout(Dave.to_account_id(), 1_500 * USDX, "salary-2026-12-dave"),
		payout(Dave.to_account_id(), 10 * USDX, "INV-2026-0042"),
		payout(Ferdie.to_account_id(), 1_200 * USDX, "salary-2026-12-ferdie"),
	];
	let batch = RuntimeCall::Stablecoin(pallets::stablecoin::Call::pay_batch {
		payouts: payroll.try_into().map_err(|_| "a short batch")?,
	});
	let batch_paid = submit_signed(&client, batch, &Alice.pair(), TIMEOUT).await?;

	// A batch with a payee who may not hold USDX (no identity) pays nobody.
	let stranger: AccountId = Sr25519Keyring::One.to_account_id();
	let dave_before = free_balance(&client, &Dave.to_account_id(), None).await?;
	let refused = RuntimeCall::Stablecoin(pallets::stablecoin::Call::pay_batch {
		payouts: vec![
			payout(Dave.to_account_id(), USDX, "refused-batch"),
			payout(stranger.clone(), USDX, "refused-batch"),
		]
		.try_into()
		.map_err(|_| "a short batch")?,
	});
	submit_signed(&client, refused, &Alice.pair(), TIMEOUT).await?;
	assert_eq!(free_balance(&client, &stranger, None).await?, 0);
	assert_eq!(free_balance(&client, &Dave.to_account_id(), None).await?, dave_before);

	let head = finalized_number(&client).await?;
	let found: Value =
		client.request("usdx_paymentsByReference", rpc_params!["INV-2026-0042", 0, head]).await?;
	println!("usdx_paymentsByReference: {found:#}");
	let hex = format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&invoice));
	assert_eq!(found["reference"], hex.as_str());
	let payments = found["payments"].as_array().ok_or("a list of payments")?;
	assert_eq!(payments.len(), 2, "{found}");
	let paid_number = block_number(&client, Some(paid.block)).await?;
	let batch_number = block_number(&client, Some(batch_paid.block)).await?;
	assert_eq!(payments[0]["block"], paid_number);
	assert_eq!(payments[0]["blockHash"], format!("{:?}", paid.block).as_str());
	assert_eq!(payments[0]["from"], address(&Alice.to_account_id()).as_str());
	assert_eq!(payments[0]["to"], address(&Bob.to_account_id()).as_str());
	assert_eq!(payments[0]["amount"]["usdx"], "25.000000");
	assert_eq!(payments[1]["block"], batch_number);
	assert_eq!(payments[1]["to"], address(&Dave.to_account_id()).as_str());
	assert_eq!(payments[1]["amount"]["units"], (10 * USDX).to_string().as_str());
	// The same search with the reference as hex, and a salary by its own reference.
	let by_hex: Value =
		client.request("usdx_paymentsByReference", rpc_params![hex.as_str(), 0, head]).await?;
	assert_eq!(by_hex["payments"], found["payments"]);
	let salary: Value = client
		.request("usdx_paymentsByReference", rpc_params!["salary-2026-12-ferdie", 0, head])
		.await?;
	assert_eq!(salary["payments"].as_array().map(Vec::len), Some(1), "{salary}");
	assert_eq!(salary["payments"][0]["amount"]["usdx"], "1200.000000");
	// The refused batch left no payment behind.
	let none: Value =
		client.request("usdx_paymentsByReference", rpc_params!["refused-batch", 0, head]).await?;
	assert_eq!(none["payments"], Value::Array(vec![]));

	// Bad searches are refused with their codes.
	assert_eq!(
		rpc_error_code(&client, "usdx_paymentsByReference", rpc_params!["x", 0, 10_000]).await,
		4004
	);
	assert_eq!(
		rpc_error_code(&client, "usdx_paymentsByReference", rpc_params!["x", 5, 4]).await,
		4005
	);
	let too_long = "y".repeat(33);
	assert_eq!(
		rpc_error_code(&client, "usdx_paymentsByReference", rpc_params![too_long.as_str(), 0, 1])
			.await,
		4005
	);

	// The accountant's CSV: the same two payments.
	let output = std::process::Command::new(node_binary())
		.args(["export-payments", "--rpc-url", &node.ws_url(), "--reference", "INV-2026-0042"])
		.args(["--from", "0", "--to", &head.to_string()])
		.output()?;
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let csv = String::from_utf8(output.stdout)?;
	let lines: Vec<&str> = csv.lines().collect();
	assert_eq!(lines.len(), 3, "{csv}");
	assert!(lines[0].starts_with("block,block_hash,time_utc"), "{csv}");
	assert!(lines[1].contains(&address(&Bob.to_account_id())) && lines[1].contains("25.000000"));
	assert!(lines[2].contains(&address(&Dave.to_account_id())) && lines[2].ends_with(&hex));

	// A payment submitted twice (a wallet's retry) is taken once; the second submission is
	// refused with a message naming the transaction, not Substrate's `Any { .. }`.
	let nonce = next_nonce(&client, &Alice.to_account_id()).await?;
	let genesis = genesis_hash(&client).await?;
	let retried = signed_transfer(&Alice.pair(), &Bob.to_account_id(), USDX, nonce, genesis);
	let hex_retried = to_hex(&retried);
	let hash: sp_core::H256 =
		client.request("author_submitExtrinsic", rpc_params![hex_retried.as_str()]).await?;
	let again = client
		.request::<sp_core::H256, _>("author_submitExtrinsic", rpc_params![hex_retried.as_str()])
		.await;
	let message = match again {
		Err(jsonrpsee::core::ClientError::Call(e)) => e.message().to_string(),
		other => return Err(format!("a second submission must be refused, got {other:?}").into()),
	};
	println!("a transaction submitted twice: {message}");
	assert!(message.contains(&format!("{hash:?}")), "{message}");
	assert!(message.contains("already in this node's pool"), "{message}");
	assert!(!message.contains("Any"), "{message}");
	wait_until("the retried payment to be taken once", TIMEOUT, || async {
		Ok(next_nonce(&client, &Alice.to_account_id()).await? == nonce + 1)
	})
	.await?;
	Ok(())
}
