//! The pallet's stored and reported types.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	pallet_prelude::{ConstU32, Get},
	BoundedVec, PalletError,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, Zero},
	Permill,
};
use stablecoin_primitives::IdentityId;

pub use stablecoin_primitives::{Moment, DAY_MS};

/// Identifier of a mint request (counts up from 1, never reused).
pub type MintId = u64;

/// Identifier of a redemption request (counts up from 1, never reused).
pub type RedemptionId = u64;

/// The most business days a redemption may be given to settle (bounds the calendar walk).
pub const MAX_SETTLEMENT_DAYS: u32 = 30;

/// The highest fee governance may set on any operation: 10%.
pub const MAX_FEE: Permill = Permill::from_percent(10);

/// The most accounts of one identity that [`freeze_identity`](crate::Call::freeze_identity)
/// handles in one call (it refuses larger identities with
/// [`Error::TooManyAccounts`](crate::Error::TooManyAccounts)); also its benchmarked worst case.
pub const MAX_ACCOUNTS_PER_IDENTITY_FREEZE: u32 = 16;

/// The most fiat-desk confirmations a mint request can require
/// ([`Parameters::funding_confirmations`]); bounds the stored list of confirmers.
pub const MAX_FUNDING_CONFIRMATIONS: u32 = 8;

/// The fewest fiat-desk confirmations a mint request may require: funding is always confirmed
/// by four eyes.
pub const MIN_FUNDING_CONFIRMATIONS: u32 = 2;

/// Which limits and fee apply to a mint request.
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
pub enum MintTier {
	/// A holder's ordinary mint (compliance operation `Mint`).
	Standard,
	/// An institutional bulk mint (compliance operation `BulkMint`).
	Bulk,
}

/// Minimum, maximum and fee of one operation.
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
pub struct Limits<Balance> {
	/// The smallest amount accepted.
	pub min: Balance,
	/// The largest amount accepted in one request.
	pub max: Balance,
	/// The fee, as a fraction of the amount, rounded up to the next smallest unit.
	pub fee: Permill,
}

/// The governance-settable parameters of the stablecoin.
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
pub struct Parameters<Balance> {
	/// Limits and fee of a standard mint.
	pub mint: Limits<Balance>,
	/// Limits and fee of a bulk (institutional) mint.
	pub bulk_mint: Limits<Balance>,
	/// Limits and fee of a redemption. `max` caps one request (the holder's available
	/// balance caps it anyway).
	pub redeem: Limits<Balance>,
	/// The single-request limit: a funded mint request above it is never executed at
	/// confirmation; it waits until governance approves that request by its identifier
	/// ([`approve_mint`](crate::Call::approve_mint)). Authorizing supply never approves it.
	/// With the defaults, only bulk mints above 10M USD wait for this reason.
	pub approval_threshold: Balance,
	/// How many distinct fiat-desk operators must confirm a request's funding before it can
	/// execute (M of the desk's N), [`MIN_FUNDING_CONFIRMATIONS`]..=
	/// [`MAX_FUNDING_CONFIRMATIONS`]. The requester never counts.
	pub funding_confirmations: u32,
	/// Business days a redemption has to settle (T+`settlement_days`), at most
	/// [`MAX_SETTLEMENT_DAYS`].
	pub settlement_days: u32,
}

impl<Balance: AtLeast32BitUnsigned + Copy> Parameters<Balance> {
	/// The issuer's terms with `unit` smallest units per US dollar (`1_000_000` for USDX):
	/// mint 100 USD..10M USD at 0.1%, bulk mint 10K..100M USD at 0.05%, redeem from 100 USD
	/// (no maximum but the holder's balance) at 0.1%, approval threshold 10M USD, T+2, funding
	/// confirmed by two fiat-desk operators.
	/// Amounts saturate at the balance type's maximum.
	pub fn defaults_with_unit(unit: u32) -> Self {
		let usd = |n: u32| Balance::from(n).saturating_mul(Balance::from(unit));
		Parameters {
			mint: Limits { min: usd(100), max: usd(10_000_000), fee: Permill::from_parts(1_000) },
			bulk_mint: Limits {
				min: usd(10_000),
				max: usd(100_000_000),
				fee: Permill::from_parts(500),
			},
			redeem: Limits {
				min: usd(100),
				max: Balance::max_value(),
				fee: Permill::from_parts(1_000),
			},
			approval_threshold: usd(10_000_000),
			settlement_days: 2,
			funding_confirmations: MIN_FUNDING_CONFIRMATIONS,
		}
	}
}

impl<Balance: AtLeast32BitUnsigned + Copy> Default for Parameters<Balance> {
	/// [`Parameters::defaults_with_unit`] for USDX's 6 decimals.
	fn default() -> Self {
		Self::defaults_with_unit(1_000_000)
	}
}

impl<Balance: PartialOrd + Zero> Parameters<Balance> {
	/// Whether the parameters are coherent: every minimum positive and not above its maximum,
	/// fees at most [`MAX_FEE`], a positive approval threshold, a settlement period of
	/// 1..=[`MAX_SETTLEMENT_DAYS`] business days and
	/// [`MIN_FUNDING_CONFIRMATIONS`]..=[`MAX_FUNDING_CONFIRMATIONS`] funding confirmations.
	pub fn is_valid(&self) -> bool {
		let limits_ok =
			|l: &Limits<Balance>| !l.min.is_zero() && l.min <= l.max && l.fee <= MAX_FEE;
		limits_ok(&self.mint)
			&& limits_ok(&self.bulk_mint)
			&& limits_ok(&self.redeem)
			&& !self.approval_threshold.is_zero()
			&& (1..=MAX_SETTLEMENT_DAYS).contains(&self.settlement_days)
			&& (MIN_FUNDING_CONFIRMATIONS..=MAX_FUNDING_CONFIRMATIONS)
				.contains(&self.funding_confirmations)
	}

	/// Whether both mint tiers' per-request maxima are at most `ceiling`.
	pub fn mint_maxima_within(&self, ceiling: &Balance) -> bool {
		self.mint.max <= *ceiling && self.bulk_mint.max <= *ceiling
	}

	/// The limits of a mint tier.
	pub fn mint_limits(&self, tier: MintTier) -> &Limits<Balance> {
		match tier {
			MintTier::Standard => &self.mint,
			MintTier::Bulk => &self.bulk_mint,
		}
	}
}

/// Where an open mint request stands. A request leaves storage when it is minted, rejected
/// or cancelled; its events are the record.
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
pub enum MintStatus {
	/// Requested; the fiat desk has not confirmed funding (by enough operators) yet. No tokens
	/// exist for it.
	AwaitingFunding,
	/// Funded, above the approval threshold: waits for governance to approve this request.
	AwaitingApproval {
		/// The fiat ledger entry the desk confirmed.
		ledger_ref: H256,
	},
	/// Funded (and approved when above the threshold), waiting in the FIFO queue for
	/// governance to authorize enough supply, or behind earlier requests.
	AwaitingAuthorization {
		/// The fiat ledger entry the desk confirmed.
		ledger_ref: H256,
	},
}

/// An open mint request.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct MintRequest<AccountId, Balance> {
	/// Who asked for the tokens and receives them.
	pub who: AccountId,
	/// The identity of `who` when the request was made; its open requests are counted
	/// against [`Config::MaxOpenMintsPerIdentity`](crate::Config::MaxOpenMintsPerIdentity).
	pub identity: IdentityId,
	/// The amount minted out of the allowance: `amount - fee` to `who`, `fee` to the fee
	/// account.
	pub amount: Balance,
	/// The fee, fixed when the request was made.
	pub fee: Balance,
	/// Which limits, fee and compliance operation apply.
	pub tier: MintTier,
	/// When it was requested.
	pub requested_at: Moment,
	/// Where it stands.
	pub status: MintStatus,
	/// The fiat-desk operators who confirmed the funding so far, in order, and the ledger
	/// entry they confirmed (all must name the same one).
	pub funding: FundingConfirmations<AccountId>,
}

/// The fiat desk's confirmations of one request's funding.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct FundingConfirmations<AccountId> {
	/// The fiat ledger entry the first confirmer named; later confirmers must name it too.
	pub ledger_ref: Option<H256>,
	/// The distinct operators who confirmed, in order.
	pub by: BoundedVec<AccountId, ConstU32<MAX_FUNDING_CONFIRMATIONS>>,
}

impl<AccountId> Default for FundingConfirmations<AccountId> {
	fn default() -> Self {
		Self { ledger_ref: None, by: BoundedVec::new() }
	}
}

/// Where a redemption stands.
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
pub enum RedemptionStatus {
	/// In the queue, waiting for the fiat payout.
	Pending,
	/// In the queue, put on hold by the compliance officer; cannot be paid out until released.
	Held,
}

/// A queued redemption. The tokens are already burned; the record is removed when the payout
/// is confirmed or the redemption is rejected (the events are the record). The queue is the
/// map of these records in identifier order: it has no global bound.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Redemption<AccountId, Balance> {
	/// The holder who redeems.
	pub who: AccountId,
	/// The identity of `who` when the request was made; its open redemptions are counted
	/// against
	/// [`Config::MaxOpenRedemptionsPerIdentity`](crate::Config::MaxOpenRedemptionsPerIdentity).
	pub identity: IdentityId,
	/// The fiat amount owed: the amount requested minus the fee. Already burned.
	pub amount: Balance,
	/// The fee moved to the fee account when the request was made (not refunded on
	/// rejection).
	pub fee: Balance,
	/// When it was requested.
	pub requested_at: Moment,
	/// When the payout is due (see [`crate::Pallet::due_time`]).
	pub due_at: Moment,
	/// Where it stands.
	pub status: RedemptionStatus,
	/// Whether [`Event::RedemptionOverdue`](crate::Event::RedemptionOverdue) was emitted.
	pub overdue: bool,
}

/// Where seized funds go.
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
pub enum SeizeTo {
	/// Destroyed (counted as burned).
	Burn,
	/// Moved to the treasury account.
	Treasury,
}

/// Where swept fee revenue goes: the same two choices as seized funds.
pub type SweepTo = SeizeTo;

/// A payment reference: 32 bytes the payer attaches to a transfer so that the payee can
/// reconcile it (an invoice number, the end-to-end id of an ISO 20022 payment, an order id;
/// text shorter than 32 bytes is padded with zero bytes, longer identifiers are hashed).
///
/// It is stored nowhere but in the transfer's [`Event::Transferred`](crate::Event), and that
/// event is indexed under [`Pallet::payment_topic`](crate::Pallet::payment_topic) so that a
/// node can find it without decoding every block's events.
pub type PaymentReference = [u8; 32];

/// What precedes a reference in the preimage of its event topic
/// ([`Pallet::payment_topic`](crate::Pallet::payment_topic)), so that no other topic can
/// collide with a payment's.
pub const PAYMENT_TOPIC_PREFIX: &[u8] = b"usdx/payment-reference";

/// One payment of a batch payout ([`Call::pay_batch`](crate::Call::pay_batch)).
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
pub struct Payout<AccountId, Balance> {
	/// Who is paid.
	pub dest: AccountId,
	/// How much, in the ledger's smallest unit.
	pub amount: Balance,
	/// The payee's reference for this payment.
	pub reference: PaymentReference,
}

/// Why one payment of a batch payout was refused; the whole batch fails with it and the
/// payment's position ([`Error::PayoutRefused`](crate::Error)).
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
	frame_support::PalletError,
)]
pub enum PayoutRefusal {
	/// Its amount is zero.
	ZeroAmount,
	/// The payee's account is frozen.
	PayeeFrozen,
	/// The payee may not hold USDX (no identity, a missing or expired claim, a blocked
	/// jurisdiction).
	PayeeNotCompliant,
	/// The ledger refused it: the payer's spendable balance ran out at this payment, or it
	/// would leave a new payee's account below the existential deposit.
	LedgerRefused,
	/// It is at or above the travel-rule threshold to another identity: such a payment needs
	/// its own [`transfer_with_travel_rule`](crate::Call::transfer_with_travel_rule).
	TravelRuleRecordRequired,
}

/// The longest case identifier of a legal order, in bytes.
pub const MAX_CASE_ID_LEN: u32 = 64;

/// The legal or sanctions order behind a freeze: the case as the court, the regulator or the
/// sanctions list names it, and the hash of the order document kept off chain.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct LegalOrder {
	/// The case identifier (a docket number, a sanctions-list entry), at most
	/// [`MAX_CASE_ID_LEN`] bytes of text.
	pub case_id: BoundedVec<u8, ConstU32<MAX_CASE_ID_LEN>>,
	/// The hash of the order document (or the listing), kept off chain.
	pub order_hash: H256,
}

/// Why an account is frozen, as stored.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(S))]
pub struct FreezeRecord<S: Get<u32>> {
	/// The reason given by the compliance officer.
	pub reason: BoundedVec<u8, S>,
	/// The legal or sanctions order behind the freeze; `None` for a precautionary freeze made
	/// on the officer's own authority (a power governance may renounce).
	pub order: Option<LegalOrder>,
	/// The identity frozen as a whole, when the freeze came from `freeze_identity`.
	pub identity: Option<IdentityId>,
	/// When the account was frozen.
	pub since: Moment,
	/// When the freeze lifts by itself, if the order is for a limited time.
	pub expires_at: Option<Moment>,
}

/// Why a funded mint request waits for governance instead of executing at once.
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
pub enum MintWaitReason<Balance> {
	/// The treasury allowance is smaller than the amount.
	Allowance {
		/// The amount the request needs.
		needed: Balance,
		/// The allowance when it was checked.
		available: Balance,
	},
	/// Earlier funded requests are waiting: requests execute in funding order.
	QueuedBehind {
		/// How many requests are ahead.
		ahead: u32,
	},
	/// The amount is above the approval threshold: governance must authorize it explicitly.
	AboveApprovalThreshold {
		/// The threshold.
		threshold: Balance,
	},
}

/// The supply of the stablecoin, reported three ways plus the audit counters.
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
pub struct SupplyReport<Balance> {
	/// Authorized by governance but not yet issued: the treasury allowance.
	pub authorized_unissued: Balance,
	/// Burned for redemptions whose fiat payout is not confirmed yet.
	pub pending_redemption: Balance,
	/// Tokens in circulation: the ledger's total issuance.
	pub circulating: Balance,
	/// The total issuance counted at genesis.
	pub genesis_supply: Balance,
	/// Every token this pallet created (allowance mints and re-credited rejected redemptions).
	pub total_minted: Balance,
	/// Every token this pallet destroyed (redemptions, burned seizures, emergency burns).
	pub total_burned: Balance,
	/// Mint and redemption fees paid to the fee account.
	pub fees_collected: Balance,
	/// Supply ever authorized by governance, net of reductions.
	pub total_authorized: Balance,
	/// Supply issued out of the allowance.
	pub issued_from_allowance: Balance,
}

/// A frozen account as the runtime API reports it.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub struct FreezeView {
	/// The reason given by the compliance officer.
	pub reason: Vec<u8>,
	/// The case identifier of the legal order, if the freeze has one.
	pub case_id: Option<Vec<u8>>,
	/// The hash of the order document, if the freeze has one.
	pub order_hash: Option<H256>,
	/// The identity frozen as a whole, if any.
	pub identity: Option<IdentityId>,
	/// When the account was frozen.
	pub since: Moment,
	/// When the freeze lifts by itself, if it does.
	pub expires_at: Option<Moment>,
}

impl<S: Get<u32>> From<FreezeRecord<S>> for FreezeView {
	fn from(r: FreezeRecord<S>) -> Self {
		FreezeView {
			reason: r.reason.into_inner(),
			case_id: r.order.as_ref().map(|order| order.case_id.to_vec()),
			order_hash: r.order.map(|order| order.order_hash),
			identity: r.identity,
			since: r.since,
			expires_at: r.expires_at,
		}
	}
}

/// An account's standing with the stablecoin, for the runtime API.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub struct AccountStatus<Balance> {
	/// The total balance on the ledger.
	pub balance: Balance,
	/// What the account could send now (zero while frozen).
	pub transferable: Balance,
	/// The sanctions freeze, if the account is frozen.
	pub freeze: Option<FreezeView>,
}

/// How much a transfer moves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TransferAmount<Balance> {
	/// Exactly this amount, keeping the sender's account alive.
	Exactly(Balance),
	/// Everything the sender can spend; its account may be reaped.
	All,
}

/// A power governance can give up for good ([`renounce_power`](crate::Call::renounce_power)).
/// Once renounced, no governance call inside the runtime restores it; only a runtime upgrade
/// (which replaces the rules themselves) could.
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
	PalletError,
	Serialize,
	Deserialize,
)]
pub enum Power {
	/// Seizing a frozen account's balance ([`seize`](crate::Call::seize)).
	#[codec(index = 0)]
	Seizure,
	/// Burning from the treasury ([`emergency_burn`](crate::Call::emergency_burn)).
	#[codec(index = 1)]
	EmergencyBurn,
	/// Raising a mint limit (either tier's per-request maximum, the circuit breaker's mint
	/// volume limits) above the renounced ceiling.
	#[codec(index = 2)]
	RaiseMintLimits,
	/// Freezing without a legal or sanctions order (a precautionary freeze on the compliance
	/// officer's own authority).
	#[codec(index = 3)]
	FreezeWithoutLegalOrder,
}

impl Power {
	/// Every power that can be renounced.
	pub const ALL: [Power; 4] = [
		Power::Seizure,
		Power::EmergencyBurn,
		Power::RaiseMintLimits,
		Power::FreezeWithoutLegalOrder,
	];
}

/// What governance renounces: a power, and for the mint limits the ceiling above which they
/// may never be raised again.
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
pub enum Renunciation<Balance> {
	/// Never seize again.
	#[codec(index = 0)]
	Seizure,
	/// Never burn from the treasury again.
	#[codec(index = 1)]
	EmergencyBurn,
	/// Never set a mint limit above `ceiling` again (every limit must be at most it already).
	/// A lower ceiling may be renounced later; a higher one never.
	#[codec(index = 2)]
	MintLimitsAbove {
		/// The highest mint limit that may ever be set, in the smallest unit.
		ceiling: Balance,
	},
	/// Never freeze again without a legal or sanctions order.
	#[codec(index = 3)]
	FreezeWithoutLegalOrder,
}

impl<Balance> Renunciation<Balance> {
	/// The power this renounces.
	pub fn power(&self) -> Power {
		match self {
			Renunciation::Seizure => Power::Seizure,
			Renunciation::EmergencyBurn => Power::EmergencyBurn,
			Renunciation::MintLimitsAbove { .. } => Power::RaiseMintLimits,
			Renunciation::FreezeWithoutLegalOrder => Power::FreezeWithoutLegalOrder,
		}
	}
}

/// A renounced power, as stored and reported.
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
pub struct RenunciationRecord<Balance> {
	/// When it was renounced (the last time, for a ceiling lowered since).
	pub since: Moment,
	/// The mint-limit ceiling, for [`Power::RaiseMintLimits`].
	pub ceiling: Option<Balance>,
}

/// What the issuer owes one holder, for the runtime API: each token is a claim to one unit of
/// the reference currency, and a queued redemption's fiat is owed although its tokens are
/// burned.
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
	Serialize,
	Deserialize,
)]
pub struct HolderClaim<Balance> {
	/// The tokens the account holds (its total balance on the ledger, frozen or not).
	pub balance: Balance,
	/// The fiat owed for the account's queued redemptions (net of their fees).
	pub queued_redemptions: Balance,
	/// `balance + queued_redemptions` (saturating: a report).
	pub total: Balance,
}

/// A bank holiday: a day of a year's calendar on which no redemption settles.
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
pub struct HolidayDate {
	/// The month, 1 (January) to 12.
	pub month: u8,
	/// The day of the month, from 1.
	pub day: u8,
}

/// The most beneficiaries whose recent payments from one identity the structuring watch keeps
/// (the oldest window gives way to a new beneficiary).
pub const MAX_WATCHED_BENEFICIARIES: u32 = 8;

/// The travel rule's settings: the threshold at and above which a transfer to another identity
/// must carry a [`TravelRuleRecord`], and the window over which smaller payments to one
/// beneficiary are added up to detect structuring.
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
pub struct TravelRuleSettings<Balance> {
	/// The smallest amount that needs a travel-rule record (3,000 USDX under the US rule,
	/// 1,000 for a EUR deployment under the EU's).
	pub threshold: Balance,
	/// How long (ms) payments below the threshold to one beneficiary are added up.
	pub structuring_window: Moment,
}

/// The reference a transfer at or above the travel-rule threshold carries: the hash of the
/// originator and beneficiary information (IVMS 101) that the two service providers exchanged
/// off chain, and the two providers' identities on this chain.
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
pub struct TravelRuleRecord {
	/// The hash of the IVMS 101 record the providers exchanged.
	pub record_hash: H256,
	/// The originating service provider's identity.
	pub originator_provider: IdentityId,
	/// The beneficiary's service provider's identity.
	pub beneficiary_provider: IdentityId,
}

/// A transfer's travel-rule record, as stored and reported.
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
pub struct TravelRuleEntry<AccountId, Balance> {
	/// The sender.
	pub from: AccountId,
	/// The receiver.
	pub to: AccountId,
	/// The amount moved.
	pub amount: Balance,
	/// The record reference the sender gave.
	pub record: TravelRuleRecord,
	/// When.
	pub at: Moment,
}

/// Payments below the travel-rule threshold from one identity to one beneficiary identity,
/// added up over the structuring window.
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
pub struct StructuringWindow<Balance> {
	/// The beneficiary identity.
	pub beneficiary: IdentityId,
	/// When the window's first payment was made.
	pub since: Moment,
	/// The sum of the window's payments.
	pub total: Balance,
	/// How many payments.
	pub transfers: u32,
	/// Whether structuring was already announced for this window.
	pub flagged: bool,
}
