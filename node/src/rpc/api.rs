//! The `usdx_` JSON-RPC methods: their signatures, and the server that answers them.
//!
//! Every method that reads state takes an optional block hash `at` as its last parameter and
//! reads the best block when it is omitted or `null`. The subscriptions follow finalized
//! blocks.

use std::sync::Arc;

use futures::StreamExt;
use jsonrpsee::{
	core::{async_trait, RpcResult, SubscriptionResult},
	proc_macros::rpc,
	PendingSubscriptionSink, SubscriptionMessage,
};
use sc_client_api::BlockchainEvents;
use sc_rpc::SubscriptionTaskExecutor;
use sp_core::H256;
use stablecoin_runtime::BlockNumber;

use super::{
	account::{self, AccountView},
	audit::{AuditTrail, EventDecoder},
	breaker::{self, BreakerView},
	chain::{BlockRef, Chain},
	format::parse_account,
	payments::{self, PaymentsFound},
	peg::{self, PegView},
	regulatory::{self, RegulatoryView, TravelRulePage},
	report::{self, ReportView},
	requests::{self, MintRequestAnswer, OverdueView, RedemptionAnswer, RedemptionPage},
	reserves::{self, ReservesView},
	supply::{self, SupplyView},
};

/// The page size of `usdx_redemptions` when none is given.
pub const DEFAULT_PAGE: u32 = 50;

/// The chain's own JSON-RPC methods, for wallets, monitoring and regulators.
#[rpc(server, namespace = "usdx")]
pub trait UsdxApi {
	/// Supply figures and their reconciliation.
	#[method(name = "supply")]
	fn supply(&self, at: Option<H256>) -> RpcResult<SupplyView>;

	/// The effective reserve attestation, eligible reserves, ratios, age, status, headroom.
	#[method(name = "reserves")]
	fn reserves(&self, at: Option<H256>) -> RpcResult<ReservesView>;

	/// The aggregated USDX/USD price, deviation, contributors, round, age, TWAP, history.
	#[method(name = "peg")]
	fn peg(&self, at: Option<H256>) -> RpcResult<PegView>;

	/// The breaker's level, since when and why, active pauses, remaining volume.
	#[method(name = "breaker")]
	fn breaker(&self, at: Option<H256>) -> RpcResult<BreakerView>;

	/// An account: balance, freeze, identity, claims and what it may do now.
	#[method(name = "account")]
	fn account(&self, who: String, at: Option<H256>) -> RpcResult<AccountView>;

	/// An open mint request (`mintRequest: null` when there is none at that block).
	#[method(name = "mintRequest")]
	fn mint_request(&self, id: u64, at: Option<H256>) -> RpcResult<MintRequestAnswer>;

	/// A queued redemption (`redemption: null` when it is not queued at that block).
	#[method(name = "redemption")]
	fn redemption(&self, id: u64, at: Option<H256>) -> RpcResult<RedemptionAnswer>;

	/// A page of the redemption queue: at most `limit` (default 50, at most 100) after the
	/// redemption `after` (from the start when `null`).
	#[method(name = "redemptions")]
	fn redemptions(
		&self,
		after: Option<u64>,
		limit: Option<u32>,
		at: Option<H256>,
	) -> RpcResult<RedemptionPage>;

	/// The redemptions past their due time.
	#[method(name = "overdueRedemptions")]
	fn overdue_redemptions(&self, at: Option<H256>) -> RpcResult<OverdueView>;

	/// The travel rule, the powers given up for good, the bank holidays of this year and the
	/// next, and the frozen accounts (with their legal orders) and identities.
	#[method(name = "regulatory")]
	fn regulatory(&self, at: Option<H256>) -> RpcResult<RegulatoryView>;

	/// A page of the travel-rule records: at most `limit` (default 50, at most 100) after the
	/// record `after` (from the first when `null`).
	#[method(name = "travelRuleRecords")]
	fn travel_rule_records(
		&self,
		after: Option<u64>,
		limit: Option<u32>,
		at: Option<H256>,
	) -> RpcResult<TravelRulePage>;

	/// The supervisor's snapshot: supply, reserves, ratios, peg, breaker, overdue count.
	#[method(name = "report", blocking)]
	fn report(&self, at: Option<H256>) -> RpcResult<ReportView>;

	/// The privileged actions in blocks `from..=to` (at most 1,000 blocks) of the best chain.
	#[method(name = "auditTrail", blocking)]
	fn audit_trail(&self, from: BlockNumber, to: BlockNumber) -> RpcResult<AuditTrail>;

	/// The payments carrying `reference` (`0x` and 64 hex digits, or text of at most 32
	/// bytes padded with zero bytes) in blocks `from..=to` (at most 10,000 blocks) of the
	/// best chain: transfers with a reference and the payments of batch payouts. Found through
	/// the runtime's event index; an archive node answers for any range.
	#[method(name = "paymentsByReference", blocking)]
	fn payments_by_reference(
		&self,
		reference: String,
		from: BlockNumber,
		to: BlockNumber,
	) -> RpcResult<PaymentsFound>;

	/// The report at the latest finalized block, then at each newly finalized one (one report
	/// per finality notification, normally every block; the node computes it once for all
	/// subscribers).
	#[subscription(name = "subscribeReport" => "reportUpdate", unsubscribe = "unsubscribeReport", item = ReportView)]
	async fn subscribe_report(&self) -> SubscriptionResult;

	/// The breaker at the current finalized block, then each time a finalized block changes
	/// its level, its cause, the oracle's staleness or the pauses.
	#[subscription(name = "subscribeBreaker" => "breakerUpdate", unsubscribe = "unsubscribeBreaker", item = BreakerView)]
	async fn subscribe_breaker(&self) -> SubscriptionResult;
}

/// The server of the `usdx_` methods.
pub struct Usdx {
	chain: Chain,
	events: Arc<EventDecoder>,
	executor: SubscriptionTaskExecutor,
	reports: report::ReportFeed,
}

impl Usdx {
	/// Serves `chain`, running subscriptions on `executor`; report subscribers read `reports`.
	pub fn new(
		chain: Chain,
		executor: SubscriptionTaskExecutor,
		reports: report::ReportFeed,
	) -> Self {
		Self { chain, events: Arc::new(EventDecoder::default()), executor, reports }
	}

	/// Follows finalized blocks, sending `render(block)` when `changed` says so.
	fn follow<T, F, G>(&self, pending: PendingSubscriptionSink, render: F, mut changed: G)
	where
		T: serde::Serialize + Send + 'static,
		F: Fn(&Chain, &BlockRef) -> RpcResult<T> + Send + 'static,
		G: FnMut(&T) -> bool + Send + 'static,
	{
		let chain = self.chain.clone();
		let task = async move {
			let Ok(sink) = pending.accept().await else { return };
			let mut finalized = chain.client.finality_notification_stream();
			let send = |value: &T| SubscriptionMessage::from_json(value);
			// The current finalized block first.
			let first = chain.finalized();
			match render(&chain, &first) {
				Ok(value) => {
					changed(&value);
					let Ok(message) = send(&value) else { return };
					if sink.send(message).await.is_err() {
						return;
					}
				}
				Err(_) => return,
			}
			loop {
				let notification = tokio::select! {
					_ = sink.closed() => return,
					next = finalized.next() => match next {
						Some(notification) => notification,
						None => return,
					},
				};
				let block =
					BlockRef { hash: notification.hash, number: notification.header.number };
				let Ok(value) = render(&chain, &block) else { continue };
				if !changed(&value) {
					continue;
				}
				let Ok(message) = send(&value) else { return };
				if sink.send(message).await.is_err() {
					return;
				}
			}
		};
		self.executor.spawn("usdx-rpc-subscription", Some("rpc"), Box::pin(task));
	}
}

#[async_trait]
impl UsdxApiServer for Usdx {
	fn supply(&self, at: Option<H256>) -> RpcResult<SupplyView> {
		supply::supply(&self.chain, &self.chain.block(at)?)
	}

	fn reserves(&self, at: Option<H256>) -> RpcResult<ReservesView> {
		reserves::reserves(&self.chain, &self.chain.block(at)?)
	}

	fn peg(&self, at: Option<H256>) -> RpcResult<PegView> {
		peg::peg(&self.chain, &self.chain.block(at)?)
	}

	fn breaker(&self, at: Option<H256>) -> RpcResult<BreakerView> {
		breaker::breaker(&self.chain, &self.chain.block(at)?)
	}

	fn account(&self, who: String, at: Option<H256>) -> RpcResult<AccountView> {
		let who = parse_account(&who)?;
		account::account(&self.chain, &self.chain.block(at)?, who)
	}

	fn mint_request(&self, id: u64, at: Option<H256>) -> RpcResult<MintRequestAnswer> {
		requests::mint_request(&self.chain, &self.chain.block(at)?, id)
	}

	fn redemption(&self, id: u64, at: Option<H256>) -> RpcResult<RedemptionAnswer> {
		requests::redemption(&self.chain, &self.chain.block(at)?, id)
	}

	fn redemptions(
		&self,
		after: Option<u64>,
		limit: Option<u32>,
		at: Option<H256>,
	) -> RpcResult<RedemptionPage> {
		let block = self.chain.block(at)?;
		requests::redemptions(&self.chain, &block, after, limit.unwrap_or(DEFAULT_PAGE))
	}

	fn overdue_redemptions(&self, at: Option<H256>) -> RpcResult<OverdueView> {
		requests::overdue(&self.chain, &self.chain.block(at)?)
	}

	fn regulatory(&self, at: Option<H256>) -> RpcResult<RegulatoryView> {
		regulatory::regulatory(&self.chain, &self.chain.block(at)?)
	}

	fn travel_rule_records(
		&self,
		after: Option<u64>,
		limit: Option<u32>,
		at: Option<H256>,
	) -> RpcResult<TravelRulePage> {
		let block = self.chain.block(at)?;
		regulatory::travel_rule_records(&self.chain, &block, after, limit.unwrap_or(DEFAULT_PAGE))
	}

	fn report(&self, at: Option<H256>) -> RpcResult<ReportView> {
		report::report(&self.chain, &self.chain.block(at)?)
	}

	fn audit_trail(&self, from: BlockNumber, to: BlockNumber) -> RpcResult<AuditTrail> {
		self.events.trail(&self.chain, from, to)
	}

	fn payments_by_reference(
		&self,
		reference: String,
		from: BlockNumber,
		to: BlockNumber,
	) -> RpcResult<PaymentsFound> {
		let reference = payments::parse_reference(&reference)?;
		payments::payments_by_reference(&self.events, &self.chain, reference, from, to)
	}

	async fn subscribe_report(&self, pending: PendingSubscriptionSink) -> SubscriptionResult {
		let mut latest = self.reports.subscribe();
		let task = async move {
			let Ok(sink) = pending.accept().await else { return };
			loop {
				let report = latest.borrow_and_update().clone();
				if let Some(report) = report {
					let Ok(message) = SubscriptionMessage::from_json(&*report) else { return };
					if sink.send(message).await.is_err() {
						return;
					}
				}
				tokio::select! {
					_ = sink.closed() => return,
					changed = latest.changed() => if changed.is_err() { return },
				}
			}
		};
		self.executor.spawn("usdx-rpc-subscription", Some("rpc"), Box::pin(task));
		Ok(())
	}

	async fn subscribe_breaker(&self, pending: PendingSubscriptionSink) -> SubscriptionResult {
		// What makes a change worth a notification: the level, its cause, the oracle's
		// staleness and the pauses (not the block, the remaining volume or the clocks).
		let mut last = None;
		self.follow(pending, breaker::breaker, move |view: &BreakerView| {
			let state = (
				view.level_index,
				view.cause.clone(),
				view.cause_deviation_bps,
				view.oracle_stale,
				view.active_pauses.iter().map(|p| p.operation.clone()).collect::<Vec<_>>(),
				view.paused_calls.clone(),
			);
			let changed = last.as_ref() != Some(&state);
			last = Some(state);
			changed
		});
		Ok(())
	}
}
