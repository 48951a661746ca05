//! Types stored by the pallet, taken by its calls and returned by its runtime API.
//!
//! The attestation types are generic over their list containers: storage and calls use
//! `BoundedVec`s (see the `…Of<T>` aliases in the crate root), the runtime API uses `Vec`s (the
//! `…View` aliases below). Both encode identically, so a report hashes the same either way.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;
use sp_runtime::{traits::AtLeast32BitUnsigned, FixedU128, PerThing, Perbill};
use stablecoin_primitives::ReserveStatus;

pub use stablecoin_primitives::{Moment, DAY_MS};

/// The default maximum age of an effective attestation: 35 days, so that a monthly report
/// stays fresh until the next one is due.
pub const DEFAULT_MAX_AGE: Moment = 35 * DAY_MS;

/// Identifier of a custodian (bank, broker, fund administrator) holding reserve assets: a
/// fixed 32-byte tag, for example the hash of its LEI or a zero-padded short name.
pub type CustodianId = [u8; 32];

/// The amount one custodian holds, as `(custodian, amount)`. `Balance` is the pallet's
/// [`Config::Balance`](crate::Config::Balance), an amount in the stablecoin's smallest unit,
/// as in every type below.
pub type Holding<Balance> = (CustodianId, Balance);

/// The asset categories a reserve report breaks its total into.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub enum AssetCategory {
	/// Cash at banks and demand deposits. Cash-like.
	CashAndDeposits,
	/// US Treasury bills (short-dated government debt).
	TreasuryBills,
	/// Overnight reverse repurchase agreements collateralised by Treasuries. Cash-like.
	OvernightReverseRepo,
	/// Government money market funds.
	GovernmentMoneyMarketFunds,
	/// Anything else. Never eligible: always counts zero toward backing.
	Other,
}

impl AssetCategory {
	/// Every category, in a fixed order.
	pub const ALL: [AssetCategory; 5] = [
		AssetCategory::CashAndDeposits,
		AssetCategory::TreasuryBills,
		AssetCategory::OvernightReverseRepo,
		AssetCategory::GovernmentMoneyMarketFunds,
		AssetCategory::Other,
	];

	/// Whether the category may count toward backing at all.
	pub fn is_eligible(self) -> bool {
		self != AssetCategory::Other
	}

	/// Whether the category counts toward the liquidity ratio (available the same day).
	pub fn is_cash_like(self) -> bool {
		matches!(self, AssetCategory::CashAndDeposits | AssetCategory::OvernightReverseRepo)
	}
}

/// Reserve amounts per asset category.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct CategoryAmounts<Balance> {
	/// [`AssetCategory::CashAndDeposits`].
	pub cash_and_deposits: Balance,
	/// [`AssetCategory::TreasuryBills`].
	pub treasury_bills: Balance,
	/// [`AssetCategory::OvernightReverseRepo`].
	pub overnight_reverse_repo: Balance,
	/// [`AssetCategory::GovernmentMoneyMarketFunds`].
	pub government_money_market_funds: Balance,
	/// [`AssetCategory::Other`].
	pub other: Balance,
}

impl<Balance: AtLeast32BitUnsigned + Copy> CategoryAmounts<Balance> {
	/// The amount reported for `category`.
	pub fn get(&self, category: AssetCategory) -> Balance {
		match category {
			AssetCategory::CashAndDeposits => self.cash_and_deposits,
			AssetCategory::TreasuryBills => self.treasury_bills,
			AssetCategory::OvernightReverseRepo => self.overnight_reverse_repo,
			AssetCategory::GovernmentMoneyMarketFunds => self.government_money_market_funds,
			AssetCategory::Other => self.other,
		}
	}

	/// The sum over all categories, or `None` if it overflows.
	pub fn total(&self) -> Option<Balance> {
		AssetCategory::ALL
			.iter()
			.try_fold(Balance::zero(), |sum, category| sum.checked_add(&self.get(*category)))
	}
}

/// The share of each eligible category that does *not* count toward backing (a haircut of 2%
/// counts 98% of the amount). [`AssetCategory::Other`] has no entry: its haircut is always
/// 100%.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct Haircuts {
	/// Haircut on [`AssetCategory::CashAndDeposits`].
	pub cash_and_deposits: Perbill,
	/// Haircut on [`AssetCategory::TreasuryBills`].
	pub treasury_bills: Perbill,
	/// Haircut on [`AssetCategory::OvernightReverseRepo`].
	pub overnight_reverse_repo: Perbill,
	/// Haircut on [`AssetCategory::GovernmentMoneyMarketFunds`].
	pub government_money_market_funds: Perbill,
}

impl Haircuts {
	/// The haircut on `category`; full (100%) for [`AssetCategory::Other`].
	pub fn get(&self, category: AssetCategory) -> Perbill {
		match category {
			AssetCategory::CashAndDeposits => self.cash_and_deposits,
			AssetCategory::TreasuryBills => self.treasury_bills,
			AssetCategory::OvernightReverseRepo => self.overnight_reverse_repo,
			AssetCategory::GovernmentMoneyMarketFunds => self.government_money_market_funds,
			AssetCategory::Other => Perbill::one(),
		}
	}

	/// Set the haircut on an eligible `category`; returns the old value, or `None` (and
	/// changes nothing) for [`AssetCategory::Other`].
	pub fn set(&mut self, category: AssetCategory, haircut: Perbill) -> Option<Perbill> {
		let slot = match category {
			AssetCategory::CashAndDeposits => &mut self.cash_and_deposits,
			AssetCategory::TreasuryBills => &mut self.treasury_bills,
			AssetCategory::OvernightReverseRepo => &mut self.overnight_reverse_repo,
			AssetCategory::GovernmentMoneyMarketFunds => &mut self.government_money_market_funds,
			AssetCategory::Other => return None,
		};
		Some(core::mem::replace(slot, haircut))
	}

	/// The part of `amount` in `category` that counts toward backing: `amount × (1 − haircut)`,
	/// rounded down (the deduction is rounded up), exact for any amount.
	pub fn eligible<Balance: AtLeast32BitUnsigned>(
		&self,
		category: AssetCategory,
		amount: Balance,
	) -> Balance {
		self.get(category).left_from_one().mul_floor(amount)
	}
}

/// The targets the derived figures are compared with.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct Thresholds {
	/// The cash-like share of eligible reserves must be *above* this (default 20%).
	pub min_liquidity: Perbill,
	/// The largest custodian's share of the reserves must be *below* this (default 50%).
	pub max_concentration: Perbill,
}

impl Default for Thresholds {
	fn default() -> Self {
		Self {
			min_liquidity: Perbill::from_percent(20),
			max_concentration: Perbill::from_percent(50),
		}
	}
}

/// A reserve report as an attestor publishes it.
///
/// Valid when `total` equals both the sum of `amounts` and the sum of `custodians`, each
/// custodian is listed once, `period_start <= period_end <= as_of`, and `as_of` is not in the
/// future. Its *content hash* is the BLAKE2-256 hash of its SCALE encoding: attestors that
/// publish the same report submit the same content hash.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub struct Attestation<Custodians, Balance> {
	/// The date the amounts are measured at, in milliseconds since the Unix epoch.
	pub as_of: Moment,
	/// The first moment of the period the report covers.
	pub period_start: Moment,
	/// The last moment of the period the report covers (not after `as_of`).
	pub period_end: Moment,
	/// Amounts per asset category.
	pub amounts: CategoryAmounts<Balance>,
	/// Amounts per custodian, each custodian once.
	pub custodians: Custodians,
	/// The declared total of the reserves.
	pub total: Balance,
	/// Hash of the signed report document kept off chain.
	pub report_hash: H256,
}

/// An attestation that has taken effect.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct AttestationRecord<Custodians, Attestors, Balance> {
	/// Position in the sequence of effective attestations (0 for the first).
	pub sequence: u64,
	/// Content hash of the attestation.
	pub hash: H256,
	/// The report.
	pub attestation: Attestation<Custodians, Balance>,
	/// The attestors that published it (empty for one set at genesis).
	pub attestors: Attestors,
	/// When it took effect.
	pub effective_at: Moment,
}

/// A report waiting for enough attestors to publish it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct PendingReport<Custodians, Attestors, Balance> {
	/// Content hash of the attestation.
	pub hash: H256,
	/// The report.
	pub attestation: Attestation<Custodians, Balance>,
	/// The distinct attestors that published it so far, in order; the first proposed it
	/// (counts toward its `MaxPendingPerAttestor` limit).
	pub approvals: Attestors,
	/// When it was first submitted.
	pub submitted_at: Moment,
}

/// An attestation as the runtime API and the genesis config take it.
pub type AttestationView<Balance> = Attestation<Vec<Holding<Balance>>, Balance>;
/// An effective attestation as the runtime API returns it.
pub type AttestationRecordView<AccountId, Balance> =
	AttestationRecord<Vec<Holding<Balance>>, Vec<AccountId>, Balance>;
/// A pending report as the runtime API returns it.
pub type PendingReportView<AccountId, Balance> =
	PendingReport<Vec<Holding<Balance>>, Vec<AccountId>, Balance>;

impl<C: Into<Vec<Holding<B>>>, B> Attestation<C, B> {
	/// The same attestation with its custodians in a `Vec`.
	pub fn into_view(self) -> AttestationView<B> {
		Attestation {
			as_of: self.as_of,
			period_start: self.period_start,
			period_end: self.period_end,
			amounts: self.amounts,
			custodians: self.custodians.into(),
			total: self.total,
			report_hash: self.report_hash,
		}
	}
}

impl<C: Into<Vec<Holding<B>>>, A, B> AttestationRecord<C, A, B> {
	/// The same record with its lists in `Vec`s.
	pub fn into_view<AccountId>(self) -> AttestationRecordView<AccountId, B>
	where
		A: Into<Vec<AccountId>>,
	{
		AttestationRecord {
			sequence: self.sequence,
			hash: self.hash,
			attestation: self.attestation.into_view(),
			attestors: self.attestors.into(),
			effective_at: self.effective_at,
		}
	}
}

impl<C: Into<Vec<Holding<B>>>, A, B> PendingReport<C, A, B> {
	/// The same report with its lists in `Vec`s.
	pub fn into_view<AccountId>(self) -> PendingReportView<AccountId, B>
	where
		A: Into<Vec<AccountId>>,
	{
		PendingReport {
			hash: self.hash,
			attestation: self.attestation.into_view(),
			approvals: self.approvals.into(),
			submitted_at: self.submitted_at,
		}
	}
}

/// The figures derived on chain from the effective attestation and the liabilities
/// (circulating supply plus pending redemptions).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ReserveFigures<Balance> {
	/// Where the backing stands now.
	pub status: ReserveStatus,
	/// Content hash of the effective attestation.
	pub hash: H256,
	/// The date the effective attestation measures the reserves at.
	pub as_of: Moment,
	/// How old it is now, in milliseconds (zero if `as_of` is ahead of the clock).
	pub age: Moment,
	/// Its declared total, all categories.
	pub total: Balance,
	/// Reserves that count toward backing: eligible categories after haircuts.
	pub eligible: Balance,
	/// The cash-like part of `eligible` (cash and deposits, overnight reverse repo).
	pub cash_like: Balance,
	/// The liabilities the reserves must cover: circulating supply of the stablecoin plus
	/// pending redemptions (burned, not yet paid out).
	pub supply: Balance,
	/// `eligible / supply`, rounded down to 10⁻¹⁸; `None` when there are no liabilities.
	/// Saturates at the largest `FixedU128` (above 3.4 × 10²⁰), which only near-zero
	/// liabilities reach.
	pub backing_ratio: Option<FixedU128>,
	/// `cash_like / eligible`, rounded down; zero when nothing is eligible.
	pub liquidity_ratio: Perbill,
	/// The largest custodian's share of `total`, rounded up; zero when the total is zero.
	pub largest_custodian_share: Perbill,
	/// New supply the reserves still cover: `eligible − supply` (eligible reserves minus
	/// liabilities) when backed, else zero.
	pub headroom: Balance,
	/// Whether `liquidity_ratio` is above [`Thresholds::min_liquidity`].
	pub meets_liquidity_target: bool,
	/// Whether `largest_custodian_share` is below [`Thresholds::max_concentration`].
	pub meets_concentration_target: bool,
}

/// The pallet's parameters, as governance set them.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ReserveParameters {
	/// Distinct attestors that must publish the identical report before it takes effect.
	pub quorum: u32,
	/// The age (milliseconds) past which the effective attestation is stale.
	pub max_age: Moment,
	/// Haircuts per eligible category.
	pub haircuts: Haircuts,
	/// Liquidity and concentration targets.
	pub thresholds: Thresholds,
}
