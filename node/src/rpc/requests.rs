//! `usdx_mintRequest`, `usdx_redemption`, `usdx_redemptions` and `usdx_overdueRedemptions`.

use serde::Serialize;
use stablecoin_runtime::pallets::stablecoin::{
	runtime_api::StablecoinApi, MintRequest, MintStatus, Redemption,
};
use stablecoin_runtime::{AccountId, Balance};

use super::{
	chain::{call, BlockRef, BlockView, Chain},
	error::{self, RpcError},
	format::{address, hash_hex, Amount, Time},
};

/// The most redemptions one `usdx_redemptions` page returns.
pub const MAX_PAGE: u32 = 100;
/// The most redemptions `usdx_overdueRedemptions` lists (the count is always complete).
pub const MAX_OVERDUE_LISTED: usize = 1_000;

/// An open mint request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MintRequestView {
	/// Its identifier.
	pub id: u64,
	/// The holder who asked.
	pub who: String,
	/// The holder's identity.
	pub identity: u64,
	/// The amount to mint.
	pub amount: Amount,
	/// The mint fee it will pay.
	pub fee: Amount,
	/// `Standard` or `Bulk`.
	pub tier: String,
	/// When it was requested.
	pub requested_at: Time,
	/// `AwaitingFunding`, `AwaitingApproval` or `AwaitingAuthorization`.
	pub status: String,
	/// The fiat ledger entry the desk confirmed (or is confirming).
	pub ledger_ref: Option<String>,
	/// The fiat-desk operators who confirmed the funding so far.
	pub funding_confirmed_by: Vec<String>,
}

/// A queued redemption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RedemptionView {
	/// Its identifier.
	pub id: u64,
	/// The holder who redeems.
	pub who: String,
	/// The holder's identity.
	pub identity: u64,
	/// The amount burned, owed in fiat net of the fee.
	pub amount: Amount,
	/// The redemption fee.
	pub fee: Amount,
	/// When it was requested.
	pub requested_at: Time,
	/// When the fiat payout is due (T+n business days).
	pub due_at: Time,
	/// `Pending` or `Held`.
	pub status: String,
	/// Whether it is past due at this block.
	pub overdue: bool,
}

/// A mint request looked up at a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MintRequestAnswer {
	/// The block it is read at.
	pub block: BlockView,
	/// The open request, or `null` when there is none at that block (never made, or finished:
	/// minted or rejected requests are removed and their events are the record).
	pub mint_request: Option<MintRequestView>,
}

/// A redemption looked up at a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RedemptionAnswer {
	/// The block it is read at.
	pub block: BlockView,
	/// The queued redemption, or `null` when it is not queued at that block (never made,
	/// paid out or rejected).
	pub redemption: Option<RedemptionView>,
}

/// A page of the redemption queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RedemptionPage {
	/// The block the queue is read at.
	pub block: BlockView,
	/// The redemptions on this page (storage order).
	pub redemptions: Vec<RedemptionView>,
	/// Pass this as `after` for the next page; `null` when this page is the last.
	pub next: Option<u64>,
}

/// The overdue redemptions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueView {
	/// The block the queue is read at.
	pub block: BlockView,
	/// How many redemptions are past due.
	pub count: u64,
	/// The amount they owe together.
	pub total: Amount,
	/// The oldest of them (at most 1,000), oldest first.
	pub redemptions: Vec<RedemptionView>,
}

fn mint_view(id: u64, r: MintRequest<AccountId, Balance>) -> MintRequestView {
	let (status, ledger_ref) = match r.status {
		MintStatus::AwaitingFunding => ("AwaitingFunding", r.funding.ledger_ref),
		MintStatus::AwaitingApproval { ledger_ref } => ("AwaitingApproval", Some(ledger_ref)),
		MintStatus::AwaitingAuthorization { ledger_ref } => {
			("AwaitingAuthorization", Some(ledger_ref))
		}
	};
	MintRequestView {
		id,
		who: address(&r.who),
		identity: r.identity,
		amount: Amount::new(r.amount),
		fee: Amount::new(r.fee),
		tier: format!("{:?}", r.tier),
		requested_at: Time::new(r.requested_at),
		status: status.to_string(),
		ledger_ref: ledger_ref.as_ref().map(hash_hex),
		funding_confirmed_by: r.funding.by.iter().map(address).collect(),
	}
}

fn redemption_view(id: u64, r: Redemption<AccountId, Balance>, now: u64) -> RedemptionView {
	RedemptionView {
		id,
		who: address(&r.who),
		identity: r.identity,
		amount: Amount::new(r.amount),
		fee: Amount::new(r.fee),
		requested_at: Time::new(r.requested_at),
		due_at: Time::new(r.due_at),
		status: format!("{:?}", r.status),
		overdue: r.overdue || now >= r.due_at,
	}
}

/// Mint request `id` at `block`.
pub fn mint_request(
	chain: &Chain,
	block: &BlockRef,
	id: u64,
) -> Result<MintRequestAnswer, RpcError> {
	let request = call("StablecoinApi_mint_request", chain.api().mint_request(block.hash, id))?;
	Ok(MintRequestAnswer {
		block: chain.view(block)?,
		mint_request: request.map(|r| mint_view(id, r)),
	})
}

/// Redemption `id` at `block`.
pub fn redemption(chain: &Chain, block: &BlockRef, id: u64) -> Result<RedemptionAnswer, RpcError> {
	let now = chain.time(block)?;
	let queued = call("StablecoinApi_redemption", chain.api().redemption(block.hash, id))?;
	Ok(RedemptionAnswer {
		block: chain.view(block)?,
		redemption: queued.map(|r| redemption_view(id, r, now)),
	})
}

/// A page of at most `limit` queued redemptions after `after`.
pub fn redemptions(
	chain: &Chain,
	block: &BlockRef,
	after: Option<u64>,
	limit: u32,
) -> Result<RedemptionPage, RpcError> {
	if limit == 0 {
		return Err(error::invalid_parameter("limit must be at least 1".to_string()));
	}
	if limit > MAX_PAGE {
		return Err(error::range_too_large("page", limit.into(), MAX_PAGE.into()));
	}
	let now = chain.time(block)?;
	let page = call(
		"StablecoinApi_redemptions_page",
		chain.api().redemptions_page(block.hash, after, limit),
	)?;
	let next = if page.len() == limit as usize { page.last().map(|(id, _)| *id) } else { None };
	Ok(RedemptionPage {
		block: chain.view(block)?,
		redemptions: page.into_iter().map(|(id, r)| redemption_view(id, r, now)).collect(),
		next,
	})
}

/// The overdue redemptions at `block`.
pub fn overdue(chain: &Chain, block: &BlockRef) -> Result<OverdueView, RpcError> {
	let now = chain.time(block)?;
	let overdue =
		call("StablecoinApi_overdue_redemptions", chain.api().overdue_redemptions(block.hash))?;
	let total = overdue.iter().fold(0u128, |sum, (_, r)| sum.saturating_add(r.amount));
	Ok(OverdueView {
		block: chain.view(block)?,
		count: overdue.len() as u64,
		total: Amount::new(total),
		redemptions: overdue
			.into_iter()
			.take(MAX_OVERDUE_LISTED)
			.map(|(id, r)| redemption_view(id, r, now))
			.collect(),
	})
}
