//! `usdx_regulatory` and `usdx_travelRuleRecords`: what a supervisor checks beyond supply and
//! reserves. The travel rule and its records, the powers governance gave up for good, the bank
//! holidays the T+2 calendar skips, and the accounts and identities frozen now, each with its
//! legal order.
//!
//! These read version 3 of `StablecoinApi`; at blocks of older runtimes there was nothing of
//! the kind, so the lists are empty and the travel rule is `null`.

use chrono::{DateTime, Datelike};
use serde::Serialize;
use sp_api::ApiExt;
use stablecoin_runtime::pallets::stablecoin::runtime_api::StablecoinApi;
use stablecoin_runtime::{opaque::Block, AccountId, Balance};

use super::{
	account::FreezeView,
	chain::{call, BlockRef, BlockView, Chain},
	error::{self, RpcError},
	format::{address, hash_hex, Amount, Time},
	requests::MAX_PAGE,
};

/// The travel rule's settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TravelRuleView {
	/// The smallest transfer to another identity that needs a travel-rule record.
	pub threshold: Amount,
	/// How long payments below the threshold to one beneficiary are added up, in ms.
	pub structuring_window_ms: u64,
}

/// A power governance gave up for good.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RenouncedPowerView {
	/// `Seizure`, `EmergencyBurn`, `RaiseMintLimits` or `FreezeWithoutLegalOrder`.
	pub power: String,
	/// Since when (the last time, for a mint-limit ceiling lowered since).
	pub since: Time,
	/// The mint-limit ceiling, for `RaiseMintLimits`.
	pub ceiling: Option<Amount>,
}

/// A year's bank holidays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HolidaysView {
	/// The year.
	pub year: u16,
	/// Its holidays as `YYYY-MM-DD`, ascending.
	pub dates: Vec<String>,
}

/// A frozen account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrozenAccountView {
	/// The account, as an SS58 address.
	pub address: String,
	/// Its freeze: reason, legal order, identity, since, expiry.
	pub freeze: FreezeView,
}

/// The regulatory state at a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegulatoryView {
	/// The block the state is read at.
	pub block: BlockView,
	/// The travel rule; `null` before the runtime had one.
	pub travel_rule: Option<TravelRuleView>,
	/// The powers given up for good.
	pub renounced_powers: Vec<RenouncedPowerView>,
	/// The bank holidays of the block's year and the next.
	pub holidays: Vec<HolidaysView>,
	/// Every frozen account with its freeze.
	pub frozen_accounts: Vec<FrozenAccountView>,
	/// The identities frozen as a whole.
	pub frozen_identities: Vec<u64>,
}

/// A travel-rule record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TravelRuleRecordView {
	/// Its identifier, in the order the records were made.
	pub id: u64,
	/// The sender.
	pub from: String,
	/// The receiver.
	pub to: String,
	/// The amount moved.
	pub amount: Amount,
	/// The hash of the IVMS 101 record the providers exchanged.
	pub record_hash: String,
	/// The originating service provider's identity.
	pub originator_provider: u64,
	/// The beneficiary's service provider's identity.
	pub beneficiary_provider: u64,
	/// When.
	pub at: Time,
}

/// A page of travel-rule records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TravelRulePage {
	/// The block the records are read at.
	pub block: BlockView,
	/// The records, oldest first.
	pub records: Vec<TravelRuleRecordView>,
	/// The `after` of the next page; `null` on the last page.
	pub next: Option<u64>,
}

/// Whether `block`'s runtime answers version 3 of `StablecoinApi`.
fn has_regulatory_api(chain: &Chain, block: &BlockRef) -> Result<bool, RpcError> {
	let version = call(
		"StablecoinApi version",
		chain.api().api_version::<dyn StablecoinApi<Block, AccountId, Balance>>(block.hash),
	)?;
	Ok(version.is_some_and(|v| v >= 3))
}

/// The regulatory state at `block`.
pub fn regulatory(chain: &Chain, block: &BlockRef) -> Result<RegulatoryView, RpcError> {
	let view = chain.view(block)?;
	if !has_regulatory_api(chain, block)? {
		return Ok(RegulatoryView {
			block: view,
			travel_rule: None,
			renounced_powers: Vec::new(),
			holidays: Vec::new(),
			frozen_accounts: Vec::new(),
			frozen_identities: Vec::new(),
		});
	}
	let api = chain.api();
	let rule = call("StablecoinApi_travel_rule", api.travel_rule(block.hash))?;
	let powers = call("StablecoinApi_renounced_powers", api.renounced_powers(block.hash))?;
	let year = DateTime::from_timestamp_millis(chain.time(block)? as i64)
		.map_or(1970, |time| time.year())
		.clamp(0, i32::from(u16::MAX) - 1) as u16;
	let mut holidays = Vec::new();
	for year in [year, year + 1] {
		let dates = call("StablecoinApi_holidays", api.holidays(block.hash, year))?;
		holidays.push(HolidaysView {
			year,
			dates: dates
				.iter()
				.map(|date| format!("{year:04}-{:02}-{:02}", date.month, date.day))
				.collect(),
		});
	}
	let frozen = call("StablecoinApi_frozen_accounts", api.frozen_accounts(block.hash))?;
	let frozen_identities =
		call("StablecoinApi_frozen_identities", api.frozen_identities(block.hash))?;
	Ok(RegulatoryView {
		block: view,
		travel_rule: Some(TravelRuleView {
			threshold: Amount::new(rule.threshold),
			structuring_window_ms: rule.structuring_window,
		}),
		renounced_powers: powers
			.into_iter()
			.map(|(power, record)| RenouncedPowerView {
				power: format!("{power:?}"),
				since: Time::new(record.since),
				ceiling: record.ceiling.map(Amount::new),
			})
			.collect(),
		holidays,
		frozen_accounts: frozen
			.into_iter()
			.map(|(who, freeze)| FrozenAccountView {
				address: address(&who),
				freeze: FreezeView::of(&freeze),
			})
			.collect(),
		frozen_identities,
	})
}

/// At most `limit` travel-rule records after the record `after` (from the first when `None`).
pub fn travel_rule_records(
	chain: &Chain,
	block: &BlockRef,
	after: Option<u64>,
	limit: u32,
) -> Result<TravelRulePage, RpcError> {
	if limit == 0 {
		return Err(error::invalid_parameter("limit must be at least 1".to_string()));
	}
	if limit > MAX_PAGE {
		return Err(error::range_too_large("page", limit.into(), MAX_PAGE.into()));
	}
	let view = chain.view(block)?;
	if !has_regulatory_api(chain, block)? {
		return Ok(TravelRulePage { block: view, records: Vec::new(), next: None });
	}
	let page = call(
		"StablecoinApi_travel_rule_records",
		chain.api().travel_rule_records(block.hash, after, limit),
	)?;
	let next = if page.len() == limit as usize { page.last().map(|(id, _)| *id) } else { None };
	Ok(TravelRulePage {
		block: view,
		records: page
			.into_iter()
			.map(|(id, entry)| TravelRuleRecordView {
				id,
				from: address(&entry.from),
				to: address(&entry.to),
				amount: Amount::new(entry.amount),
				record_hash: hash_hex(&entry.record.record_hash),
				originator_provider: entry.record.originator_provider,
				beneficiary_provider: entry.record.beneficiary_provider,
				at: Time::new(entry.at),
			})
			.collect(),
		next,
	})
}
