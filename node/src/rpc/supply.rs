//! `usdx_supply`: the supply figures and their reconciliation.

use serde::Serialize;
use stablecoin_runtime::pallets::stablecoin::runtime_api::StablecoinApi;

use super::{
	chain::{call, BlockRef, BlockView, Chain},
	error::RpcError,
	format::Amount,
};

/// The supply at a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SupplyView {
	/// The block the figures are read at.
	pub block: BlockView,
	/// Tokens in circulation: the ledger's total issuance as the stablecoin pallet counts it.
	pub circulating: Amount,
	/// Burned for redemptions whose fiat payout is not confirmed yet: still owed in fiat.
	pub pending_redemption: Amount,
	/// What the issuer owes holders: circulating plus pending redemptions. Reserves back this.
	pub liabilities: Amount,
	/// Authorized by governance but not issued yet (the treasury allowance).
	pub authorized_unissued: Amount,
	/// The total issuance read from `pallet-balances` itself.
	pub total_issuance: Amount,
	/// The supply counted at genesis.
	pub genesis_supply: Amount,
	/// Every token the stablecoin pallet created since genesis.
	pub total_minted: Amount,
	/// Every token the stablecoin pallet destroyed since genesis.
	pub total_burned: Amount,
	/// Mint and redemption fees paid to the fee account.
	pub fees_collected: Amount,
	/// Supply ever authorized by governance, net of reductions.
	pub total_authorized: Amount,
	/// Supply issued out of the allowance.
	pub issued_from_allowance: Amount,
	/// Whether the figures agree with each other.
	pub reconciliation: Reconciliation,
}

/// The identities the supply figures must satisfy at every block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reconciliation {
	/// circulating = total issuance of the ledger.
	pub circulating_equals_total_issuance: bool,
	/// circulating = genesis supply + minted − burned.
	pub circulating_equals_genesis_plus_minted_minus_burned: bool,
	/// total authorized = authorized-unissued + issued from the allowance.
	pub authorized_equals_unissued_plus_issued: bool,
	/// All of the above.
	pub reconciles: bool,
}

/// The supply at `block`.
pub fn supply(chain: &Chain, block: &BlockRef) -> Result<SupplyView, RpcError> {
	let report = call("StablecoinApi_supply", chain.api().supply(block.hash))?;
	let total_issuance = chain.ledger_issuance(block)?;
	let from_counters = report
		.genesis_supply
		.checked_add(report.total_minted)
		.and_then(|sum| sum.checked_sub(report.total_burned));
	let authorized = report.authorized_unissued.checked_add(report.issued_from_allowance);
	let circulating_equals_total_issuance = report.circulating == total_issuance;
	let circulating_equals_genesis_plus_minted_minus_burned =
		from_counters == Some(report.circulating);
	let authorized_equals_unissued_plus_issued = authorized == Some(report.total_authorized);
	Ok(SupplyView {
		block: chain.view(block)?,
		circulating: Amount::new(report.circulating),
		pending_redemption: Amount::new(report.pending_redemption),
		liabilities: Amount::new(report.circulating.saturating_add(report.pending_redemption)),
		authorized_unissued: Amount::new(report.authorized_unissued),
		total_issuance: Amount::new(total_issuance),
		genesis_supply: Amount::new(report.genesis_supply),
		total_minted: Amount::new(report.total_minted),
		total_burned: Amount::new(report.total_burned),
		fees_collected: Amount::new(report.fees_collected),
		total_authorized: Amount::new(report.total_authorized),
		issued_from_allowance: Amount::new(report.issued_from_allowance),
		reconciliation: Reconciliation {
			circulating_equals_total_issuance,
			circulating_equals_genesis_plus_minted_minus_burned,
			authorized_equals_unissued_plus_issued,
			reconciles: circulating_equals_total_issuance
				&& circulating_equals_genesis_plus_minted_minus_burned
				&& authorized_equals_unissued_plus_issued,
		},
	})
}
