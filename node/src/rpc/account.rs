//! `usdx_account`: an account's balance, freeze, identity and claims, and what it may do now.

use serde::Serialize;
use sp_api::ApiExt;
use stablecoin_primitives::{GuardedOperation, Operation};
use stablecoin_runtime::pallets::circuit_breaker::runtime_api::CircuitBreakerApi;
use stablecoin_runtime::pallets::identity_claims::runtime_api::IdentityClaimsApi;
use stablecoin_runtime::pallets::stablecoin::runtime_api::StablecoinApi;
use stablecoin_runtime::{opaque::Block, AccountId, Balance};

use super::{
	chain::{call, BlockRef, BlockView, Chain},
	error::RpcError,
	format::{address, hash_hex, text, Amount, Time},
};

/// An account at a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountView {
	/// The block the figures are read at.
	pub block: BlockView,
	/// The account, as an SS58 address.
	pub address: String,
	/// Its total USDX balance.
	pub balance: Amount,
	/// What it could send now (zero while frozen).
	pub transferable: Amount,
	/// Its sanctions freeze, if it is frozen.
	pub freeze: Option<FreezeView>,
	/// The identity it belongs to, if any.
	pub identity: Option<IdentityView>,
	/// Every claim of its identity, with its state now.
	pub claims: Vec<ClaimView>,
	/// What it may do now, each with the reason when it may not.
	pub may: Vec<PermissionView>,
	/// What its identity's jurisdiction adds to the compliance rules (extra topics, lower
	/// limits), by operation; empty without an identity, a rule, or at blocks whose runtime
	/// had no per-jurisdiction rules.
	pub jurisdiction_rules: Vec<JurisdictionRuleView>,
}

/// A jurisdiction's rule for one operation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JurisdictionRuleView {
	/// The operation: `Hold`, `Send`, `Mint`, `Redeem` or `BulkMint`.
	pub operation: String,
	/// Topics required on top of the rule of the identity's kind.
	pub extra_topics: Vec<u16>,
	/// The largest amount of one operation (for `Hold`, the largest balance reached by
	/// receiving); `null` if not limited.
	pub max_amount: Option<Amount>,
}

/// A sanctions freeze.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FreezeView {
	/// The reason the compliance officer gave.
	pub reason: String,
	/// The hash of the legal or sanctions order's document (the legal reference); `null` for a
	/// precautionary freeze without an order.
	pub case_ref: Option<String>,
	/// The order's case identifier (a docket number, a sanctions-list entry); `null` without
	/// an order.
	pub case_id: Option<String>,
	/// The identity frozen as a whole, if the freeze came with it.
	pub identity: Option<u64>,
	/// Since when.
	pub since: Time,
	/// When the freeze lifts by itself; `null` if it does not.
	pub expires_at: Option<Time>,
}

impl FreezeView {
	/// The JSON form of a freeze as the stablecoin's runtime API returns it.
	pub fn of(freeze: &stablecoin_runtime::pallets::stablecoin::FreezeView) -> Self {
		FreezeView {
			reason: text(&freeze.reason),
			case_ref: freeze.order_hash.as_ref().map(hash_hex),
			case_id: freeze.case_id.as_deref().map(text),
			identity: freeze.identity,
			since: Time::new(freeze.since),
			expires_at: freeze.expires_at.map(Time::new),
		}
	}
}

/// An identity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityView {
	/// Its identifier.
	pub id: u64,
	/// `Person` or `Business`.
	pub kind: String,
	/// Its ISO 3166-1 alpha-2 jurisdiction.
	pub jurisdiction: String,
	/// Its accounts.
	pub accounts: Vec<String>,
	/// When it was registered.
	pub created_at: Time,
}

/// A claim of the identity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimView {
	/// The topic it attests (e.g. 1 = KYC).
	pub topic: u16,
	/// Its issuer.
	pub issuer: String,
	/// When it was issued.
	pub issued_at: Time,
	/// When it expires.
	pub expires_at: Time,
	/// When its issuer revoked it, if it did.
	pub revoked_at: Option<Time>,
	/// The hash of the issuer's evidence.
	pub evidence: String,
	/// `Valid`, `Expired`, `Revoked`, `IssuerNotTrusted` or `TopicRetired`.
	pub state: String,
}

/// Whether the account may do one thing now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PermissionView {
	/// `hold`, `send`, `receive`, `mint` or `redeem`.
	pub action: String,
	/// Whether it may.
	pub allowed: bool,
	/// Why not: `compliance: <reason>`, `frozen`, `breaker: <refusal>` or `paused: <call>`.
	pub reason: Option<String>,
}

/// `who` at `block`.
pub fn account(chain: &Chain, block: &BlockRef, who: AccountId) -> Result<AccountView, RpcError> {
	let api = chain.api();
	// Version 3 of the API changed the freeze's layout; older blocks answer the old one.
	let version = call(
		"StablecoinApi version",
		api.api_version::<dyn StablecoinApi<Block, AccountId, Balance>>(block.hash),
	)?;
	let coin = if version.is_some_and(|v| v >= 3) {
		call(
			"StablecoinApi_account_status",
			StablecoinApi::account_status(&*api, block.hash, who.clone()),
		)?
	} else {
		// The macro marks the old signature deprecated: calling it is the point here.
		#[allow(deprecated)]
		let old = api.account_status_before_version_3(block.hash, who.clone());
		call("StablecoinApi_account_status", old)?.into()
	};
	let standing = call(
		"IdentityClaimsApi_account_status",
		IdentityClaimsApi::account_status(&*api, block.hash, who.clone()),
	)?;
	// Version 2 of the API added the per-jurisdiction rules.
	let identity_api = call(
		"IdentityClaimsApi version",
		api.api_version::<dyn IdentityClaimsApi<Block, AccountId>>(block.hash),
	)?;
	let jurisdiction_rules = match (&standing.identity, identity_api) {
		(Some(identity), Some(version)) if version >= 2 => call(
			"IdentityClaimsApi_jurisdiction_rules",
			IdentityClaimsApi::jurisdiction_rules(&*api, block.hash, identity.jurisdiction),
		)?
		.into_iter()
		.map(|rule| JurisdictionRuleView {
			operation: format!("{:?}", rule.operation),
			extra_topics: rule.extra_topics,
			max_amount: rule.max_amount.map(Amount::new),
		})
		.collect(),
		_ => Vec::new(),
	};
	let frozen = coin.freeze.is_some();
	let paused = chain.paused_calls(block)?;
	let compliance = |operation: Operation| {
		standing
			.operations
			.iter()
			.find(|status| status.operation == operation)
			.map(|status| status.result)
	};
	let mut may = Vec::new();
	for (action, operation, guarded, paused_call) in [
		("hold", Operation::Hold, None, None),
		("send", Operation::Send, Some(GuardedOperation::Transfer), Some("Stablecoin.transfer")),
		("receive", Operation::Hold, Some(GuardedOperation::Transfer), Some("Stablecoin.transfer")),
		("mint", Operation::Mint, Some(GuardedOperation::Mint), Some("Stablecoin.request_mint")),
		(
			"redeem",
			Operation::Redeem,
			Some(GuardedOperation::Redeem),
			Some("Stablecoin.request_redemption"),
		),
	] {
		let mut reason = match compliance(operation) {
			Some(Ok(())) => None,
			Some(Err(e)) => Some(format!("compliance: {e:?}")),
			None => Some("compliance: no answer for this operation".to_string()),
		};
		if reason.is_none() && frozen && action != "hold" {
			reason = Some("frozen".to_string());
		}
		if let (None, Some(guarded)) = (&reason, guarded) {
			if let Err(refusal) = call(
				"CircuitBreakerApi_check",
				CircuitBreakerApi::check(&*api, block.hash, guarded, 0),
			)? {
				reason = Some(format!("breaker: {refusal:?}"));
			}
		}
		if let (None, Some(paused_call)) = (&reason, paused_call) {
			if paused.iter().any(|p| p == paused_call) {
				reason = Some(format!("paused: {paused_call}"));
			}
		}
		may.push(PermissionView { action: action.to_string(), allowed: reason.is_none(), reason });
	}
	Ok(AccountView {
		block: chain.view(block)?,
		address: address(&who),
		balance: Amount::new(coin.balance),
		transferable: Amount::new(coin.transferable),
		freeze: coin.freeze.as_ref().map(FreezeView::of),
		identity: standing.identity.map(|i| IdentityView {
			id: i.id,
			kind: format!("{:?}", i.kind),
			jurisdiction: text(&i.jurisdiction),
			accounts: i.accounts.iter().map(address).collect(),
			created_at: Time::new(i.created_at),
		}),
		claims: standing
			.claims
			.into_iter()
			.map(|c| ClaimView {
				topic: c.topic,
				issuer: address(&c.claim.issuer),
				issued_at: Time::new(c.claim.issued_at),
				expires_at: Time::new(c.claim.expires_at),
				revoked_at: c.claim.revoked_at.map(Time::new),
				evidence: hash_hex(&c.claim.evidence),
				state: format!("{:?}", c.status),
			})
			.collect(),
		may,
		jurisdiction_rules,
	})
}
