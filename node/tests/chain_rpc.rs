//! End-to-end: the chain's own `usdx_` JSON-RPC on a running `--dev` node, after a real mint,
//! transfer, freeze and redemption. Every method is called over WebSocket (and one over
//! plain HTTP, as curl would); the figures equal those of the runtime APIs and the ledger; at
//! an older block the answers are the historical ones; each bad input gets its error code;
//! the subscriptions deliver; the Prometheus gauges agree with the RPC and move after the
//! mint; the CSV export reconciles and reads back; and the supervisor's dashboard shows the
//! same figures in a headless browser.

mod common;

use std::{
	io::{Read, Write},
	time::Duration,
};

use codec::{Decode, Encode};
use common::*;
use jsonrpsee::{
	core::client::{ClientT, Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::WsClient,
};
use serde_json::Value;
use sp_core::{crypto::Ss58Codec, H256};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve};
use stablecoin_primitives::{FixedU128, PriceKey};
use stablecoin_runtime::pallets;
use stablecoin_runtime::{AccountId, Balance, RuntimeCall, USDX};

const TIMEOUT: Duration = Duration::from_secs(60);
/// The node keeps the state of this many recent blocks, so that the test can see a pruned
/// block's refusal without waiting for the default 256.
const STATE_PRUNING: u32 = 64;

async fn usdx(
	client: &WsClient,
	method: &str,
	params: jsonrpsee::core::params::ArrayParams,
) -> Result<Value> {
	Ok(client.request(&format!("usdx_{method}"), params).await?)
}

/// With `USDX_RPC_EXAMPLES` set to a folder, writes an answer there as `<name>.json`: the
/// examples in docs/rpc.md come from this test's run.
fn example(name: &str, value: &Value) {
	if let Some(dir) = std::env::var_os("USDX_RPC_EXAMPLES") {
		let dir = std::path::PathBuf::from(dir);
		let _ = std::fs::create_dir_all(&dir);
		let text = serde_json::to_string_pretty(value).expect("JSON");
		std::fs::write(dir.join(format!("{name}.json")), text)
			.expect("the examples folder is writable");
	}
}

/// The JSON-RPC error code of a call that must fail.
async fn error_code(
	client: &WsClient,
	method: &str,
	params: jsonrpsee::core::params::ArrayParams,
) -> (i32, String) {
	match client.request::<Value, _>(&format!("usdx_{method}"), params).await {
		Ok(answer) => panic!("usdx_{method} answered {answer} instead of failing"),
		Err(jsonrpsee::core::ClientError::Call(e)) => (e.code(), e.message().to_string()),
		Err(e) => panic!("usdx_{method} failed outside JSON-RPC: {e}"),
	}
}

fn units(value: &Value) -> Balance {
	value["units"].as_str().expect("an amount has units").parse().expect("units are an integer")
}

fn address(who: Sr25519Keyring) -> String {
	who.to_account_id().to_ss58check()
}

async fn call(client: &WsClient, call: RuntimeCall, signer: Sr25519Keyring) -> Result<Settlement> {
	submit_signed(client, call, &signer.pair(), TIMEOUT).await
}

/// A POST of one JSON-RPC request over plain HTTP, as `curl` sends it.
fn http_post(port: u16, body: &str) -> std::io::Result<String> {
	let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
	stream.set_read_timeout(Some(Duration::from_secs(10)))?;
	write!(
		stream,
		"POST / HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
		body.len()
	)?;
	let mut response = String::new();
	stream.read_to_string(&mut response)?;
	Ok(response)
}

/// The value of a Prometheus gauge on the node's `/metrics`, if it is there.
fn gauge(node: &Node, name: &str) -> Option<f64> {
	let mut stream = std::net::TcpStream::connect(("127.0.0.1", node.prometheus_port)).ok()?;
	stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
	write!(stream, "GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
	let mut body = String::new();
	stream.read_to_string(&mut body).ok()?;
	body.lines()
		.find(|line| line.split([' ', '{']).next() == Some(name))
		.and_then(|line| line.rsplit(' ').next())
		.and_then(|value| value.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chain_rpc_answers_every_method_after_a_mint_transfer_freeze_and_redemption(
) -> Result<()> {
	let pruning = STATE_PRUNING.to_string();
	let mut node = Node::start("chain-rpc", &["--dev", "--state-pruning", &pruning])?;
	let client = node.connect(Duration::from_secs(120)).await?;
	wait_until("block 2 to be finalized", TIMEOUT, || async {
		Ok(finalized_number(&client).await? >= 2)
	})
	.await
	.map_err(|e| format!("{e}\n{}", node.log_tail()))?;

	// The gauges describe the finalized block, with the same figures as the RPC.
	wait_until("the usdx_ gauges", TIMEOUT, || async {
		Ok(gauge(&node, "usdx_circulating_supply").is_some())
	})
	.await?;
	let circulating_gauge_before = gauge(&node, "usdx_circulating_supply").unwrap();

	// The market comes alive: two feeders report the price.
	for feeder in [Charlie, Eve] {
		let report = RuntimeCall::Oracle(pallets::oracle::Call::submit_price {
			key: PriceKey::USDX_USD,
			price: FixedU128::from_u32(1),
		});
		call(&client, report, feeder).await?;
	}
	let before_mint = finalized_hash(&client).await?;
	let supply_before = usdx(&client, "supply", rpc_params![before_mint]).await?;

	// Alice asks for 1,000 USDX; the mint request is visible while it waits for funding.
	let mint_id: u64 = storage_raw(&client, &plain_key("Stablecoin", "NextMintId"), None)
		.await?
		.map(|raw| u64::decode(&mut &raw[..]))
		.transpose()?
		// Identifiers start at 1 (the pallet's `FirstId`).
		.unwrap_or(1);
	let amount = 1_000 * USDX;
	call(
		&client,
		RuntimeCall::Stablecoin(pallets::stablecoin::Call::request_mint {
			amount,
			tier: pallets::stablecoin::MintTier::Standard,
		}),
		Alice,
	)
	.await?;
	let answer = usdx(&client, "mintRequest", rpc_params![mint_id]).await?;
	example("mintRequest", &answer);
	let request = &answer["mintRequest"];
	assert_eq!(request["status"], "AwaitingFunding", "{request}");
	assert_eq!(request["who"], address(Alice));
	assert_eq!(units(&request["amount"]), amount);
	assert_eq!(request["amount"]["usdx"], "1000.000000");
	let from_api: Option<pallets::stablecoin::MintRequest<AccountId, Balance>> =
		runtime_api(&client, "StablecoinApi_mint_request", &mint_id.encode(), None).await?;
	assert_eq!(units(&request["fee"]), from_api.ok_or("the request exists")?.fee);

	// The fiat desk's two operators confirm the same ledger entry: the mint executes.
	let ledger = H256::repeat_byte(0x42);
	call(
		&client,
		RuntimeCall::Stablecoin(pallets::stablecoin::Call::confirm_funding {
			id: mint_id,
			ledger_ref: ledger,
		}),
		Charlie,
	)
	.await?;
	let halfway = usdx(&client, "mintRequest", rpc_params![mint_id]).await?;
	assert_eq!(halfway["mintRequest"]["fundingConfirmedBy"], serde_json::json!([address(Charlie)]));
	let minted = call(
		&client,
		RuntimeCall::Stablecoin(pallets::stablecoin::Call::confirm_funding {
			id: mint_id,
			ledger_ref: ledger,
		}),
		Dave,
	)
	.await?;
	let after = usdx(&client, "mintRequest", rpc_params![mint_id, minted.block]).await?;
	assert_eq!(after["mintRequest"], Value::Null, "minted requests are removed");
	assert_eq!(after["block"]["hash"], format!("{:?}", minted.block));

	// History: before the mint the supply was the old one, after it 1,000 USDX more.
	let supply_minted = usdx(&client, "supply", rpc_params![minted.block]).await?;
	assert_eq!(units(&supply_minted["circulating"]), units(&supply_before["circulating"]) + amount);
	assert_eq!(units(&supply_minted["totalMinted"]), units(&supply_before["totalMinted"]) + amount);
	assert_eq!(
		usdx(&client, "supply", rpc_params![before_mint]).await?,
		supply_before,
		"history is stable"
	);

	// Alice pays Bob; Eve (compliance) freezes Bob with a case reference; Alice redeems.
	call(
		&client,
		RuntimeCall::Stablecoin(pallets::stablecoin::Call::transfer {
			dest: Bob.to_account_id(),
			amount: 50 * USDX,
		}),
		Alice,
	)
	.await?;
	// A payment at the travel-rule threshold, with the providers' record.
	let travel_record_hash = H256::repeat_byte(0x1b);
	call(
		&client,
		RuntimeCall::Stablecoin(pallets::stablecoin::Call::transfer_with_travel_rule {
			dest: Charlie.to_account_id(),
			amount: 3_000 * USDX,
			record: pallets::stablecoin::TravelRuleRecord {
				record_hash: travel_record_hash,
				originator_provider: 1,
				beneficiary_provider: 3,
			},
		}),
		Alice,
	)
	.await?;
	let case_ref = H256::repeat_byte(0x07);
	let frozen = call(
		&client,
		RuntimeCall::Stablecoin(pallets::stablecoin::Call::freeze_account {
			who: Bob.to_account_id(),
			reason: b"sanctions hit".to_vec().try_into().expect("a short reason"),
			order: Some(pallets::stablecoin::LegalOrder {
				case_id: b"OFAC-SDN-2026-0042".to_vec().try_into().expect("a short case id"),
				order_hash: case_ref,
			}),
			expires_at: None,
		}),
		Eve,
	)
	.await?;
	let redemption_id: u64 =
		storage_raw(&client, &plain_key("Stablecoin", "NextRedemptionId"), None)
			.await?
			.map(|raw| u64::decode(&mut &raw[..]))
			.transpose()?
			.unwrap_or(1);
	let redeemed = call(
		&client,
		RuntimeCall::Stablecoin(pallets::stablecoin::Call::request_redemption {
			amount: 200 * USDX,
		}),
		Alice,
	)
	.await?;
	let at = redeemed.block;

	// The supervisor's dashboard (dashboard/, docs/dashboard.md), in headless Chromium: the
	// page's figures equal the RPC's at its block, and its block picker, moved back to before
	// the mint, shows the supply of then. Its screenshots stay in the build folder.
	dashboard_shows_the_chain(&node, block_number(&client, Some(before_mint)).await?)?;

	// usdx_supply equals the runtime API and the ledger, and reconciles.
	let supply = usdx(&client, "supply", rpc_params![at]).await?;
	let report: pallets::stablecoin::SupplyReport<Balance> =
		runtime_api(&client, "StablecoinApi_supply", &[], Some(at)).await?;
	assert_eq!(units(&supply["circulating"]), report.circulating);
	assert_eq!(units(&supply["pendingRedemption"]), report.pending_redemption);
	assert_eq!(units(&supply["liabilities"]), report.circulating + report.pending_redemption);
	assert_eq!(units(&supply["authorizedUnissued"]), report.authorized_unissued);
	assert_eq!(units(&supply["totalBurned"]), report.total_burned);
	example("supply", &supply);
	assert_eq!(supply["reconciliation"]["reconciles"], true, "{supply}");
	assert_eq!(supply["block"]["hash"], format!("{at:?}"));

	// usdx_reserves equals ReservesApi.
	let reserves = usdx(&client, "reserves", rpc_params![at]).await?;
	let figures: Option<pallets::reserves::ReserveFigures<u128>> =
		runtime_api(&client, "ReservesApi_figures", &[], Some(at)).await?;
	let figures = figures.ok_or("the dev chain has an attestation")?;
	example("reserves", &reserves);
	assert_eq!(reserves["status"], "Backed");
	assert_eq!(units(&reserves["figures"]["eligible"]), figures.eligible);
	assert_eq!(units(&reserves["figures"]["headroom"]), figures.headroom);
	assert_eq!(units(&reserves["figures"]["liabilities"]), figures.supply);
	assert_eq!(units(&reserves["attestation"]["total"]), figures.total);
	// The genesis attestation took effect without attestors' approvals.
	assert!(reserves["attestation"]["attestors"].is_array());
	assert_eq!(reserves["attestation"]["categories"].as_array().unwrap().len(), 5);

	// usdx_peg: the two reports' median, on peg.
	let peg = usdx(&client, "peg", rpc_params![at]).await?;
	example("peg", &peg);
	assert_eq!(peg["current"]["price"]["decimal"], "1.000000", "{peg}");
	assert_eq!(peg["current"]["deviationBps"], 0);
	assert_eq!(peg["current"]["stale"], false);
	assert_eq!(peg["current"]["contributors"].as_array().unwrap().len(), 2);
	assert_eq!(peg["target"]["decimal"], "1.000000");

	// usdx_breaker: normal, everything allowed.
	let breaker = usdx(&client, "breaker", rpc_params![at]).await?;
	example("breaker", &breaker);
	assert_eq!(breaker["level"], "Normal");
	assert_eq!(breaker["activePauses"], serde_json::json!([]));
	assert_eq!(breaker["windDown"], serde_json::Value::Null);
	let parameters: pallets::circuit_breaker::ParametersView<Balance> =
		runtime_api(&client, "CircuitBreakerApi_parameters", &[], Some(at)).await?;
	let thresholds = parameters.parameters.thresholds;
	assert_eq!(
		breaker["thresholds"],
		serde_json::json!({
			"watchBps": thresholds.watch,
			"supplyAdjustmentBps": thresholds.supply_adjustment,
			"liquidityBps": thresholds.liquidity,
			"haltBps": thresholds.halt,
		})
	);
	for operation in breaker["operations"].as_array().unwrap() {
		assert_eq!(operation["allowed"], true, "{operation}");
	}

	// usdx_regulatory: the travel rule, no power renounced, Bob frozen with his order.
	let regulatory = usdx(&client, "regulatory", rpc_params![at]).await?;
	example("regulatory", &regulatory);
	assert_eq!(units(&regulatory["travelRule"]["threshold"]), 3_000 * USDX, "{regulatory}");
	assert_eq!(regulatory["renouncedPowers"], serde_json::json!([]));
	assert_eq!(regulatory["holidays"].as_array().map(Vec::len), Some(2), "{regulatory}");
	let frozen_accounts = regulatory["frozenAccounts"].as_array().expect("a list");
	assert_eq!(frozen_accounts.len(), 1, "{regulatory}");
	assert_eq!(frozen_accounts[0]["address"], address(Bob));
	assert_eq!(frozen_accounts[0]["freeze"]["caseId"], "OFAC-SDN-2026-0042");
	// usdx_travelRuleRecords: the one record, in full.
	let records =
		usdx(&client, "travelRuleRecords", rpc_params![Value::Null, Value::Null, at]).await?;
	example("travel-rule-records", &records);
	assert_eq!(records["next"], Value::Null);
	let record = &records["records"][0];
	assert_eq!(record["from"], address(Alice), "{records}");
	assert_eq!(record["to"], address(Charlie));
	assert_eq!(units(&record["amount"]), 3_000 * USDX);
	assert_eq!(record["recordHash"], format!("{travel_record_hash:?}"));
	assert_eq!(record["beneficiaryProvider"], 3);
	let (code, _) = error_code(&client, "travelRuleRecords", rpc_params![Value::Null, 0]).await;
	assert_eq!(code, 4005, "a page of nothing is refused");

	// usdx_account: Bob frozen with his case reference; Alice free to do everything.
	let bob = usdx(&client, "account", rpc_params![address(Bob), at]).await?;
	assert_eq!(
		units(&bob["balance"]),
		free_balance(&client, &Bob.to_account_id(), Some(at)).await?
	);
	example("account-frozen", &bob);
	assert_eq!(bob["freeze"]["reason"], "sanctions hit");
	assert_eq!(bob["freeze"]["caseRef"], format!("{case_ref:?}"));
	assert_eq!(bob["freeze"]["caseId"], "OFAC-SDN-2026-0042");
	assert_eq!(bob["freeze"]["expiresAt"], Value::Null);
	assert_eq!(units(&bob["transferable"]), 0);
	let may = |account: &Value, action: &str| {
		account["may"].as_array().unwrap().iter().find(|p| p["action"] == action).cloned().unwrap()
	};
	assert_eq!(may(&bob, "send")["allowed"], false);
	assert_eq!(may(&bob, "send")["reason"], "frozen");
	assert_eq!(may(&bob, "hold")["allowed"], true);
	let alice = usdx(&client, "account", rpc_params![address(Alice), at]).await?;
	assert_eq!(
		units(&alice["balance"]),
		free_balance(&client, &Alice.to_account_id(), Some(at)).await?
	);
	example("account", &alice);
	assert_eq!(alice["freeze"], Value::Null);
	assert!(alice["identity"]["id"].is_u64(), "{alice}");
	assert!(!alice["claims"].as_array().unwrap().is_empty());
	assert_eq!(alice["claims"][0]["state"], "Valid");
	for action in ["hold", "send", "receive", "mint", "redeem"] {
		assert_eq!(may(&alice, action)["allowed"], true, "{action}: {alice}");
	}
	// The development chain sets no per-jurisdiction rule.
	assert_eq!(alice["jurisdictionRules"], serde_json::json!([]), "{alice}");
	// Before the freeze Bob could send; an unverified account may not hold.
	let bob_before = usdx(&client, "account", rpc_params![address(Bob), before_mint]).await?;
	assert_eq!(bob_before["freeze"], Value::Null);
	assert_eq!(may(&bob_before, "send")["allowed"], true);
	let stranger = usdx(
		&client,
		"account",
		rpc_params![Sr25519Keyring::Two.to_account_id().to_ss58check(), at],
	)
	.await?;
	assert_eq!(may(&stranger, "hold")["reason"], "compliance: NoIdentity");

	// Redemptions: one by id, a page, the overdue list.
	let answer = usdx(&client, "redemption", rpc_params![redemption_id, at]).await?;
	example("redemption", &answer);
	let redemption = &answer["redemption"];
	assert_eq!(redemption["who"], address(Alice));
	assert_eq!(redemption["status"], "Pending");
	assert_eq!(redemption["overdue"], false);
	assert_eq!(units(&redemption["amount"]) + units(&redemption["fee"]), 200 * USDX);
	let page = usdx(&client, "redemptions", rpc_params![Value::Null, 10, at]).await?;
	assert!(page["redemptions"].as_array().unwrap().iter().any(|r| r["id"] == redemption_id));
	example("redemptions", &page);
	assert_eq!(page["next"], Value::Null);
	let overdue = usdx(&client, "overdueRedemptions", rpc_params![at]).await?;
	example("overdueRedemptions", &overdue);
	assert_eq!(overdue["count"], 0);

	// The report gathers the same figures.
	let report = usdx(&client, "report", rpc_params![at]).await?;
	example("report", &report);
	assert_eq!(report["supply"]["circulating"], supply["circulating"]);
	assert_eq!(report["reserves"]["eligible"], reserves["figures"]["eligible"]);
	assert_eq!(report["reserves"]["backingRatio"], reserves["figures"]["backingRatio"]);
	assert_eq!(report["peg"]["deviationBps"], 0);
	assert_eq!(report["breaker"]["level"], "Normal");
	assert_eq!(report["overdueRedemptions"]["count"], 0);
	assert_eq!(report["supply"]["reconciles"], true);

	// The audit trail names who funded, froze and redeemed... the privileged ones only.
	let to = block_number(&client, Some(at)).await?;
	let trail = usdx(&client, "auditTrail", rpc_params![0, to]).await?;
	example("auditTrail", &trail);
	let entries = trail["entries"].as_array().unwrap();
	let entry = |action: &str| entries.iter().find(|e| e["action"] == action).cloned();
	let funded = entry("MintFunded").ok_or(format!("no MintFunded in {trail}"))?;
	assert_eq!(funded["pallet"], "Stablecoin");
	assert_eq!(funded["by"], format!("{}, {}", address(Charlie), address(Dave)));
	assert_eq!(funded["legalReference"], format!("{ledger:?}"));
	assert_eq!(funded["block"], block_number(&client, Some(minted.block)).await?);
	assert!(funded["extrinsicIndex"].is_u64());
	let freeze = entry("AccountFrozen").ok_or("no AccountFrozen")?;
	assert_eq!(freeze["by"], address(Eve));
	assert_eq!(freeze["legalReference"], format!("{case_ref:?}"));
	assert_eq!(freeze["details"]["who"], address(Bob));
	assert_eq!(freeze["details"]["reason"], "sanctions hit");
	assert_eq!(freeze["block"], block_number(&client, Some(frozen.block)).await?);
	let confirmation = entry("FundingConfirmed").ok_or("no FundingConfirmed")?;
	assert_eq!(confirmation["by"], address(Charlie));
	assert!(entry("Transfer").is_none(), "a holder's transfer is not a privileged action");
	assert!(entries.iter().all(|e| e["by"].is_string()), "every entry names its actor");

	// One method over plain HTTP, as curl calls it.
	let body = r#"{"jsonrpc":"2.0","id":1,"method":"usdx_supply","params":[]}"#;
	let response = http_post(node.rpc_port, body)?;
	assert!(
		response.starts_with("HTTP/1.1 200") || response.starts_with("HTTP/1.0 200"),
		"{response}"
	);
	assert!(response.contains("\"circulating\":{\"units\""), "{response}");

	// Subscriptions: a report per finalized block, the breaker's level.
	let mut reports: Subscription<Value> =
		client.subscribe("usdx_subscribeReport", rpc_params![], "usdx_unsubscribeReport").await?;
	let first = tokio::time::timeout(TIMEOUT, reports.next()).await?.ok_or("a report")??;
	let second =
		tokio::time::timeout(TIMEOUT, reports.next()).await?.ok_or("a second report")??;
	assert!(second["block"]["number"].as_u64() > first["block"]["number"].as_u64());
	assert_eq!(second["supply"]["totalMinted"], supply["totalMinted"]);
	let mut levels: Subscription<Value> =
		client.subscribe("usdx_subscribeBreaker", rpc_params![], "usdx_unsubscribeBreaker").await?;
	let level = tokio::time::timeout(TIMEOUT, levels.next()).await?.ok_or("a breaker")??;
	example("subscribeReport", &second);
	assert_eq!(level["level"], "Normal");

	// Each bad input gets its own error.
	let (code, message) = error_code(&client, "account", rpc_params!["not-an-address"]).await;
	example("error-account", &serde_json::json!({"code": code, "message": message}));
	assert_eq!(code, 4001, "{message}");
	assert!(message.contains("not-an-address"), "{message}");
	let (code, message) = error_code(&client, "supply", rpc_params![H256::repeat_byte(9)]).await;
	example("error-block", &serde_json::json!({"code": code, "message": message}));
	assert_eq!(code, 4002, "{message}");
	let (code, message) = error_code(&client, "auditTrail", rpc_params![10, 5]).await;
	example("error-parameter", &serde_json::json!({"code": code, "message": message}));
	assert_eq!(code, 4005);
	let (code, message) = error_code(&client, "auditTrail", rpc_params![0, 5_000]).await;
	example("error-range", &serde_json::json!({"code": code, "message": message}));
	assert_eq!(code, 4004);
	let (code, _) = error_code(&client, "auditTrail", rpc_params![to + 500, to + 600]).await;
	assert_eq!(code, 4002);
	let (code, _) = error_code(&client, "redemptions", rpc_params![Value::Null, 0]).await;
	assert_eq!(code, 4005);
	let (code, _) = error_code(&client, "redemptions", rpc_params![Value::Null, 101]).await;
	assert_eq!(code, 4004);

	// The gauges moved with the mint and agree with the report at their block.
	wait_until("the gauges to follow the mint", TIMEOUT, || async {
		Ok(gauge(&node, "usdx_circulating_supply").is_some_and(|v| v > circulating_gauge_before))
	})
	.await?;
	// Read the gauges between two reads of their block number, so that all of them describe
	// that one block, then compare them with the report at that block.
	let usdx_of = |v: &Value| v["usdx"].as_str().unwrap().parse::<f64>().unwrap();
	let mut compared = false;
	for _ in 0..20 {
		let block = gauge(&node, "usdx_report_block").ok_or("the block gauge")?;
		let names = [
			"usdx_circulating_supply",
			"usdx_eligible_reserves",
			"usdx_backing_ratio",
			"usdx_peg_deviation_bps",
			"usdx_breaker_level",
			"usdx_active_pauses",
			"usdx_overdue_redemptions",
			"usdx_supply_reconciles",
			"usdx_attestation_age_seconds",
		];
		let values: Vec<f64> =
			names.iter().map(|name| gauge(&node, name).unwrap_or(f64::NAN)).collect();
		if gauge(&node, "usdx_report_block") != Some(block) {
			continue;
		}
		let hash: H256 = client.request("chain_getBlockHash", rpc_params![block as u32]).await?;
		let report = usdx(&client, "report", rpc_params![hash]).await?;
		let expected = [
			usdx_of(&report["supply"]["circulating"]),
			usdx_of(&report["reserves"]["eligible"]),
			report["reserves"]["backingRatio"]["decimal"].as_str().unwrap().parse().unwrap(),
			0.0,
			0.0,
			0.0,
			0.0,
			1.0,
			report["reserves"]["ageSeconds"].as_f64().unwrap(),
		];
		for ((name, value), expected) in names.iter().zip(values).zip(expected) {
			assert!((value - expected).abs() < 1e-6, "{name}: {value} != {expected} at #{block}");
		}
		compared = true;
		break;
	}
	assert!(compared, "the gauges held still long enough to be compared");

	// The CSV export: a row per block that reconciles, read back; the audit trail as CSV.
	let csv_path = node.base_path.join("report.csv");
	let status = std::process::Command::new(node_binary())
		.args([
			"export-report",
			"--rpc-url",
			&node.ws_url(),
			"--from",
			"0",
			"--to",
			&to.to_string(),
		])
		.arg("--output")
		.arg(&csv_path)
		.status()?;
	assert!(status.success());
	let mut reader = csv::Reader::from_path(&csv_path)?;
	let headers = reader.headers()?.clone();
	let column = |name: &str| headers.iter().position(|h| h == name).expect("a column");
	let rows: Vec<csv::StringRecord> = reader.records().collect::<std::result::Result<_, _>>()?;
	assert_eq!(rows.len() as u32, to + 1, "one row per block");
	for row in &rows {
		let n = |name: &str| row[column(name)].parse::<u128>().unwrap();
		assert_eq!(
			n("circulating_units"),
			n("genesis_supply_units") + n("total_minted_units") - n("total_burned_units"),
			"row {}",
			&row[0]
		);
		assert_eq!(&row[column("reconciles")], "true");
		assert_eq!(&row[column("circulating_equals_genesis_plus_minted_minus_burned")], "true");
	}
	let last = rows.last().unwrap();
	assert_eq!(
		last[column("circulating_units")],
		supply["circulating"]["units"].as_str().unwrap().to_string()
	);
	assert_eq!(last[column("block")], to.to_string());
	let audit_path = node.base_path.join("audit.csv");
	let status = std::process::Command::new(node_binary())
		.args(["export-audit", "--rpc-url", &node.ws_url(), "--from", "0", "--to", &to.to_string()])
		.arg("--output")
		.arg(&audit_path)
		.status()?;
	assert!(status.success());
	let mut reader = csv::Reader::from_path(&audit_path)?;
	let actions: Vec<String> = reader
		.records()
		.map(|r| r.map(|r| r[6].to_string()))
		.collect::<std::result::Result<_, _>>()?;
	assert_eq!(actions.len(), entries.len());
	assert!(actions.iter().any(|a| a == "AccountFrozen"));
	assert!(actions.iter().any(|a| a == "MintFunded"));

	// A block whose state this (non-archive) node has pruned is refused as such.
	let early: H256 = client.request("chain_getBlockHash", rpc_params![1]).await?;
	wait_until("block 1's state to be pruned", Duration::from_secs(180), || async {
		Ok(finalized_number(&client).await? > STATE_PRUNING + 16)
	})
	.await?;
	let (code, message) = error_code(&client, "supply", rpc_params![early]).await;
	example("error-pruned", &serde_json::json!({"code": code, "message": message}));
	assert_eq!(code, 4003, "{message}");
	assert!(message.contains("archive"), "{message}");
	Ok(())
}

/// Runs the dashboard's browser test (dashboard/test/browser.mjs) against `node`, with the
/// block picker moved back to `earlier_block`; `scripts/test.sh` installs and builds the
/// dashboard and Chromium beforehand. The screenshots go to `<target>/test-artifacts/dashboard`.
fn dashboard_shows_the_chain(node: &Node, earlier_block: u32) -> Result<()> {
	let dashboard = repo_root().join("dashboard");
	if !dashboard.join("dist").join("index.html").is_file() {
		return Err(format!(
			"the dashboard is not built: run `npm ci && npm run build` in {} (scripts/test.sh does)",
			dashboard.display()
		)
		.into());
	}
	let artifacts = node_binary()
		.parent()
		.and_then(std::path::Path::parent)
		.map(|target| target.join("test-artifacts").join("dashboard"))
		.ok_or("the node binary lives in <target>/<profile>")?;
	std::fs::create_dir_all(&artifacts)?;
	let output = std::process::Command::new("node")
		.arg(dashboard.join("test").join("browser.mjs"))
		.args(["--ws", &node.ws_url(), "--earlier-block", &earlier_block.to_string()])
		.arg("--screenshot-dir")
		.arg(&artifacts)
		.output()?;
	let stdout = String::from_utf8_lossy(&output.stdout);
	let stderr = String::from_utf8_lossy(&output.stderr);
	println!("{stdout}");
	if !output.status.success() {
		return Err(format!("the dashboard's browser test failed:\n{stdout}\n{stderr}").into());
	}
	assert!(stdout.contains(", 0 failed"), "{stdout}");
	assert!(artifacts.join("dashboard.png").is_file(), "a screenshot in {}", artifacts.display());
	Ok(())
}
