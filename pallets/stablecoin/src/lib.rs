//! # Stablecoin pallet
//!
//! The controller of USDX, the chain's native currency: the treasury allowance, funded mint
//! requests, the T+2 redemption queue, compliant transfers, sanctions freezes and seizures.
//!
//! ## Overview
//!
//! `pallet-balances` is the ledger; this pallet is the only path by which tokens are created,
//! destroyed or moved by users (the runtime's `BaseCallFilter` refuses the raw `Balances`
//! transfer calls to signed origins). It works through the `fungible` traits
//! ([`Config::Currency`]) and asks the other pallets before acting, through the seams of
//! `stablecoin-primitives`: [`Compliance`](stablecoin_primitives::Compliance) (may this account
//! hold, send, mint, redeem?), [`ReserveCap`](stablecoin_primitives::ReserveCap) (do the
//! attested reserves cover new supply?) and [`Breaker`](stablecoin_primitives::Breaker) (does
//! the circuit breaker allow this operation now?). It implements
//! [`Supply`](stablecoin_primitives::Supply) for the reserves pallet.
//!
//! Roles are separate origins chosen by the runtime: governance ([`Config::GovernanceOrigin`],
//! the issuer's council) authorizes supply, sets parameters and orders seizures; the fiat desk
//! ([`Config::FiatDeskOrigin`]) confirms fiat funding and payouts; the compliance officer
//! ([`Config::ComplianceOrigin`]) freezes accounts and holds redemptions. Every privileged
//! call emits an event naming who acted ([`Actor`]).
//!
//! ## Primary features
//!
//! - **Treasury allowance.** Governance authorizes supply ([`Call::authorize_supply`]) and may
//!   reduce the unissued part ([`Call::reduce_allowance`]). Mints draw on it. Invariant:
//!   `TotalAuthorized == Allowance + IssuedFromAllowance`. Burned tokens never return to the
//!   allowance (new supply after a redemption needs a new authorization), and a rejected
//!   redemption's re-credit is minted *outside* the allowance (those tokens were issued from it
//!   once already); both are counted in `TotalMinted` / `TotalBurned`.
//! - **Mint requests; never tokens before funds.** A holder requests a mint
//!   ([`Call::request_mint`] in the standard or the bulk [`MintTier`]). Nothing is minted
//!   until the fiat desk confirms funding ([`Call::confirm_funding`]); then compliance, the
//!   freeze flag, the breaker and the reserve cap are checked again and a refusal fails the
//!   call with a named error. If the allowance is short, or the amount is above the approval
//!   threshold ([`Parameters::approval_threshold`]), or earlier funded requests are waiting, the
//!   request waits (strict FIFO, bounded by [`Config::MaxAwaitingMints`]) and executes when
//!   governance next authorizes supply; the fiat desk may reject a waiting request. Execution
//!   mints `amount`: `amount - fee` to the holder, `fee` to [`Config::FeeAccount`].
//! - **Redemptions, T+2.** [`Call::request_redemption`] moves the fee to the fee account and
//!   burns the rest at once; the request joins a bounded FIFO queue with a due time
//!   `settlement_days` business days later ([`Pallet::due_time`]). The fiat desk confirms the
//!   payout or rejects it (the tokens are re-minted; the fee is not refunded); the compliance
//!   officer may hold and release it. A bounded `on_initialize` scan emits
//!   [`Event::RedemptionOverdue`] once per late request.
//! - **Compliant transfers.** [`Call::transfer`] (keep-alive) and [`Call::transfer_all`]
//!   check the sender's `Send` and the receiver's `Hold` compliance, both freeze flags and the
//!   breaker.
//! - **Payments a business can reconcile.** [`Call::transfer_with_reference`] carries a
//!   32-byte [`PaymentReference`] and [`Call::pay_batch`] pays up to
//!   [`Config::MaxPayoutsPerBatch`] payees, each with its own, all or nothing. The reference
//!   lives only in [`Event::Transferred`], which is deposited with the topic
//!   [`Pallet::payment_topic`]: a node finds a payment by its reference by reading that
//!   topic's entry in each block's `System::EventTopics` instead of decoding every event.
//! - **Freeze and seize.** A sanctions freeze is a real ledger freeze of the whole balance
//!   ([`FreezeReason::Sanctions`]) plus a flag that refuses incoming funds; the transaction
//!   extension [`RefuseFrozenSigner`] refuses the frozen account's transactions at the pool
//!   with [`ACCOUNT_FROZEN`]. Role holders ([`Config::ProtectedAccounts`]) cannot be frozen,
//!   and governance can always lift a freeze ([`Call::unfreeze_account`],
//!   [`Call::unfreeze_identity`]). Governance may
//!   seize a frozen account's free balance, burning it or moving it to
//!   [`Config::TreasuryAccount`], and may burn from the treasury in an emergency. A freeze
//!   names its [`LegalOrder`] (or is precautionary, without one) and may expire by itself
//!   ([`Event::FreezeExpired`], lifted by a bounded `on_initialize` walk).
//! - **Travel rule.** A transfer at or above [`TravelRule`]'s threshold to another identity
//!   carries a [`TravelRuleRecord`] ([`Call::transfer_with_travel_rule`]), kept in
//!   [`TravelRuleRecords`]; smaller payments to one beneficiary that add up to the threshold
//!   within the window raise [`Event::StructuringSuspected`]. Transfers between accounts of
//!   one identity are exempt.
//! - **Powers given up for good.** Governance may renounce seizure, emergency burns, freezes
//!   without a legal order and raising mint limits above a ceiling
//!   ([`Call::renounce_power`]); no call inside the runtime restores them ([`RenouncedPowers`],
//!   [`MintLimitCeiling`](stablecoin_primitives::MintLimitCeiling) for the breaker).
//! - **Wind-down.** While the circuit breaker winds the coin down
//!   ([`Breaker::is_winding_down`](stablecoin_primitives::Breaker::is_winding_down)), no mint
//!   is requested; [`Pallet::holder_claim`] shows what each holder is owed.
//! - **Supply reporting.** Authorized-unissued, pending redemption and circulating supply, plus
//!   minted, burned and fee counters ([`Pallet::supply_report`], [`runtime_api`]).
//!
//! ## Example
//!
//! A small mint: governance authorizes supply, a verified holder requests, the fiat desk's
//! two operators confirm the funding, and the holder and the fee account are paid (the unit
//! test `small_mint_happy_path`):
//!
#![doc = docify::embed!("src/tests/mint.rs", small_mint_happy_path)]
//!
//! ## Low-level details
//!
//! - Amounts are the ledger's smallest unit (10^-6 USD). Fees are `Permill` of the amount,
//!   rounded up. Every arithmetic step is checked (failing with [`Error::Overflow`]) or
//!   saturating where the value is a report only.
//! - Time is [`Config::Time`] in milliseconds since the Unix epoch. The calendar is UTC;
//!   Saturdays, Sundays and the bank holidays governance declares ([`Holidays`]) are not
//!   business days; see [`calendar`] and [`Pallet::due_time`].
//! - Burns are measured as the drop in total issuance, so dust removed by the ledger during a
//!   burn is counted as burned. The invariant `total issuance == genesis supply + minted -
//!   burned` requires the runtime not to destroy tokens elsewhere: `pallet-balances`'
//!   `DustRemoval` and the transaction-fee handler must pay into an account, not burn.
//! - Genesis: this pallet's genesis must build after `pallet-balances` (a higher pallet
//!   index); it counts the total issuance at that point as the genesis supply. The fee account
//!   should be endowed at genesis with at least the existential deposit, so that small fees can
//!   be credited to it.
//! - Invariants, checked by `try_state` (and after every unit test): the supply identity above;
//!   the allowance identity; the stored parameters are valid; the pending redemption total
//!   equals the sum of the queue; the liabilities (circulating supply plus pending
//!   redemptions) are within the reserves the last mint was checked against; every
//!   frozen-flagged account has a sanctions freeze equal to its total balance; the queues are
//!   within their bounds and refer to existing requests; funding confirmations are distinct,
//!   never the requester's, and at least [`MIN_FUNDING_CONFIRMATIONS`] once funded; the
//!   per-identity counts of open mints and redemptions match the requests and their caps; the
//!   overdue cursor has passed only settled or flagged redemptions; every freeze with an expiry is
//!   scheduled on its day and nothing else is; only the mint-limit renunciation has a ceiling
//!   and the mint maxima keep within it.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod calendar;
pub mod extension;
mod functions;
mod impls;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod weights;

pub use extension::{RefuseFrozenSigner, ACCOUNT_FROZEN};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible;
use stablecoin_primitives::Actor;

/// The balance type of the ledger.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// Who performed a privileged action, in runtime `T`.
pub type ActorOf<T> = Actor<<T as frame_system::Config>::AccountId>;
/// A stored mint request of runtime `T`.
pub type MintRequestOf<T> = MintRequest<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
/// A stored redemption of runtime `T`.
pub type RedemptionOf<T> = Redemption<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
/// The parameters of runtime `T`.
pub type ParametersOf<T> = Parameters<BalanceOf<T>>;
/// A reason text, bounded by [`Config::MaxReasonLen`].
pub type ReasonOf<T> = frame_support::BoundedVec<u8, <T as Config>::MaxReasonLen>;
/// One payment of a batch payout in runtime `T`.
pub type PayoutOf<T> = Payout<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
/// The payments of one batch payout, bounded by [`Config::MaxPayoutsPerBatch`].
pub type PayoutsOf<T> = frame_support::BoundedVec<PayoutOf<T>, <T as Config>::MaxPayoutsPerBatch>;
/// The travel-rule settings of runtime `T`.
pub type TravelRuleSettingsOf<T> = TravelRuleSettings<BalanceOf<T>>;
/// A stored travel-rule record of runtime `T`.
pub type TravelRuleEntryOf<T> =
	TravelRuleEntry<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
/// One identity's structuring windows in runtime `T`.
pub type StructuringWatchOf<T> = frame_support::BoundedVec<
	StructuringWindow<BalanceOf<T>>,
	frame_support::traits::ConstU32<MAX_WATCHED_BENEFICIARIES>,
>;
/// One year's bank holidays, ascending, bounded by [`Config::MaxHolidaysPerYear`].
pub type HolidaysOf<T> = frame_support::BoundedVec<HolidayDate, <T as Config>::MaxHolidaysPerYear>;
/// A stored freeze record of runtime `T`.
pub type FreezeRecordOf<T> = FreezeRecord<<T as Config>::MaxReasonLen>;

/// Prepares the runtime's other pallets for this pallet's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Make minting possible: a fresh reserve attestation with ample headroom and a circuit
	/// breaker that allows mints, redemptions and transfers.
	fn prepare_operations() {}

	/// A new identity owning `accounts` new accounts, or `None` if the runtime cannot make one
	/// (the `freeze_identity` benchmark is then skipped).
	fn identity_with_accounts(
		_accounts: u32,
	) -> Option<(stablecoin_primitives::IdentityId, alloc::vec::Vec<AccountId>)> {
		None
	}

	/// The storage keys of other pallets' items that every payment reads and that every block
	/// has already read or written before its transactions (the timestamp, the breaker's level
	/// and transfer guards, the rules epoch), so that the block pays for them once and not
	/// every payment. The payment benchmarks whitelist them. Return only keys for which that
	/// holds: a key listed here is read by no payment at its database cost.
	fn keys_read_every_block() -> alloc::vec::Vec<alloc::vec::Vec<u8>> {
		alloc::vec::Vec::new()
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<AccountId> BenchmarkHelper<AccountId> for () {}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		dispatch::DispatchResultWithPostInfo,
		pallet_prelude::*,
		traits::{fungible, Contains, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use stablecoin_primitives::{
		Breaker, Compliance, ComplianceError, IdentityAccounts, IdentityId, ReserveCap,
	};

	/// The layout of this pallet's storage. Bump it with every change of a stored type and
	/// add a versioned migration to the runtime's `Migrations`.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Default configurations of this pallet.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, traits::ConstU32};

		/// Small bounds for unit tests, so that limits are easy to reach.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxOpenRedemptionsPerIdentity = ConstU32<8>;
			type MaxOpenMintsPerIdentity = ConstU32<4>;
			type MaxAwaitingMints = ConstU32<4>;
			type MaxOverdueChecksPerBlock = ConstU32<2>;
			type MaxMintsPerAuthorization = ConstU32<3>;
			type MaxReasonLen = ConstU32<32>;
			type MaxPayoutsPerBatch = ConstU32<4>;
			type MaxHolidaysPerYear = ConstU32<4>;
			type MaxFreezeExpiriesPerBlock = ConstU32<2>;
			type WeightInfo = ();
		}
	}

	/// Configuration of the pallet.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The ledger: `pallet-balances` in the runtime. Mints, burns, transfers and sanctions
		/// freezes go through it.
		#[pallet::no_default]
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::InspectFreeze<Self::AccountId, Id = Self::RuntimeFreezeReason>
			+ fungible::MutateFreeze<Self::AccountId, Id = Self::RuntimeFreezeReason>;

		/// The runtime's freeze reasons, which include this pallet's [`FreezeReason`].
		#[pallet::no_default]
		type RuntimeFreezeReason: From<FreezeReason>;

		/// Governance (the issuer's council): authorizes and reduces supply, sets parameters,
		/// orders seizures and emergency burns.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The fiat desk: confirms or rejects the funding of mint requests and the payout of
		/// redemptions. Its success value is the operator's account: funding needs
		/// [`Parameters::funding_confirmations`] distinct operators.
		#[pallet::no_default]
		type FiatDeskOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// The compliance officer: freezes and unfreezes accounts and identities, holds and
		/// releases redemptions.
		#[pallet::no_default]
		type ComplianceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who may hold, send, mint and redeem (`pallet-identity-claims` in the runtime).
		#[pallet::no_default]
		type Compliance: Compliance<Self::AccountId>;

		/// The accounts of an identity, for freezing a client as a whole and for the
		/// per-identity caps on open requests.
		#[pallet::no_default]
		type IdentityAccounts: IdentityAccounts<Self::AccountId>;

		/// Accounts that hold a governance, validator or operator role: they cannot be frozen,
		/// so that a compliance key can never disable governance or operations.
		#[pallet::no_default]
		type ProtectedAccounts: Contains<Self::AccountId>;

		/// How much new supply the attested reserves cover (`pallet-reserves`).
		#[pallet::no_default]
		type ReserveCap: ReserveCap<BalanceOf<Self>>;

		/// The circuit breaker (`pallet-circuit-breaker`).
		#[pallet::no_default]
		type Breaker: Breaker<BalanceOf<Self>>;

		/// Wall-clock time (`pallet_timestamp::Pallet`), read in milliseconds.
		#[pallet::no_default]
		type Time: UnixTime;

		/// Where mint and redemption fees are paid.
		#[pallet::no_default]
		type FeeAccount: Get<Self::AccountId>;

		/// Where seized funds go when they are not burned; also the account emergency burns
		/// take from.
		#[pallet::no_default]
		type TreasuryAccount: Get<Self::AccountId>;

		/// The most redemptions one identity may have waiting for payout at once. There is no
		/// global bound: a run on the stablecoin is never refused for lack of queue space.
		#[pallet::constant]
		type MaxOpenRedemptionsPerIdentity: Get<u32>;

		/// The most open mint requests (awaiting funding, approval or supply) one identity
		/// may have at once.
		#[pallet::constant]
		type MaxOpenMintsPerIdentity: Get<u32>;

		/// The most funded mint requests waiting for governance at once.
		#[pallet::constant]
		type MaxAwaitingMints: Get<u32>;

		/// The most queued redemptions the overdue check looks at per block.
		#[pallet::constant]
		type MaxOverdueChecksPerBlock: Get<u32>;

		/// The most waiting mint requests one authorization executes.
		#[pallet::constant]
		type MaxMintsPerAuthorization: Get<u32>;

		/// The longest reason text, in bytes.
		#[pallet::constant]
		type MaxReasonLen: Get<u32>;

		/// The most payments one batch payout ([`Call::pay_batch`]) may make (at most
		/// 65,536, so that a refused payment's position fits its error).
		#[pallet::constant]
		type MaxPayoutsPerBatch: Get<u32>;

		/// The most bank holidays governance may declare for one year.
		#[pallet::constant]
		type MaxHolidaysPerYear: Get<u32>;

		/// The most expired freezes `on_initialize` lifts per block (the rest wait for the
		/// next blocks).
		#[pallet::constant]
		type MaxFreezeExpiriesPerBlock: Get<u32>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;

		/// Sets up the other pallets for this pallet's benchmarks (`()` does nothing).
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The ledger freezes this pallet places.
	#[pallet::composite_enum]
	pub enum FreezeReason {
		/// A sanctions or court-order freeze of the whole balance.
		#[codec(index = 0)]
		Sanctions,
	}

	/// The first identifier handed out by a counter.
	#[pallet::type_value]
	pub fn FirstId() -> u64 {
		1
	}

	/// The travel rule's defaults: 3,000 USDX (in six-decimal smallest units, the US rule) and
	/// a 24-hour structuring window.
	#[pallet::type_value]
	pub fn DefaultTravelRule<T: Config>() -> TravelRuleSettingsOf<T> {
		TravelRuleSettings {
			threshold: BalanceOf::<T>::from(3_000_000_000u32),
			structuring_window: stablecoin_primitives::DAY_MS,
		}
	}

	/// The governance-settable limits, fees, approval threshold and settlement period.
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, ParametersOf<T>, ValueQuery>;

	/// Supply authorized by governance and not yet issued (the treasury allowance).
	#[pallet::storage]
	pub type Allowance<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Supply ever authorized, net of reductions: always `Allowance + IssuedFromAllowance`.
	#[pallet::storage]
	pub type TotalAuthorized<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Supply issued out of the allowance.
	#[pallet::storage]
	pub type IssuedFromAllowance<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The ledger's total issuance when this pallet's genesis was built.
	#[pallet::storage]
	pub type GenesisSupply<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Every token this pallet created.
	#[pallet::storage]
	pub type TotalMinted<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Every token this pallet destroyed (measured as the drop in total issuance).
	#[pallet::storage]
	pub type TotalBurned<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Mint and redemption fees paid to the fee account.
	#[pallet::storage]
	pub type FeesCollected<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The fiat owed for queued redemptions: the sum of their amounts.
	#[pallet::storage]
	pub type PendingRedemption<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The identifier the next mint request gets.
	#[pallet::storage]
	pub type NextMintId<T> = StorageValue<_, MintId, ValueQuery, FirstId>;

	/// Open mint requests. A request leaves storage when it is minted, rejected or
	/// cancelled; the events are its history.
	#[pallet::storage]
	pub type MintRequests<T: Config> = StorageMap<_, Twox64Concat, MintId, MintRequestOf<T>>;

	/// How many open mint requests each identity has (absent when none).
	#[pallet::storage]
	pub type OpenMints<T: Config> = StorageMap<_, Twox64Concat, IdentityId, u32, ValueQuery>;

	/// Funded mint requests waiting for governance, oldest first.
	#[pallet::storage]
	pub type AwaitingAuthorization<T: Config> =
		StorageValue<_, BoundedVec<MintId, T::MaxAwaitingMints>, ValueQuery>;

	/// The identifier the next redemption gets.
	#[pallet::storage]
	pub type NextRedemptionId<T> = StorageValue<_, RedemptionId, ValueQuery, FirstId>;

	/// The redemption queue: queued redemptions by identifier, which is their order (removed
	/// when paid out or rejected). It has no global bound.
	#[pallet::storage]
	pub type Redemptions<T: Config> = StorageMap<_, Twox64Concat, RedemptionId, RedemptionOf<T>>;

	/// How many queued redemptions each identity has (absent when none).
	#[pallet::storage]
	pub type OpenRedemptions<T: Config> = StorageMap<_, Twox64Concat, IdentityId, u32, ValueQuery>;

	/// How many redemptions are queued.
	#[pallet::storage]
	pub type QueuedRedemptions<T> = StorageValue<_, u32, ValueQuery>;

	/// The next redemption identifier the overdue check looks at: every earlier redemption
	/// is settled or already flagged overdue.
	#[pallet::storage]
	pub type OverdueCursor<T> = StorageValue<_, RedemptionId, ValueQuery, FirstId>;

	/// The eligible reserves (liabilities plus headroom) the last mint was checked against, or
	/// the liabilities at genesis: the liabilities never exceed it, since only mints add to
	/// them.
	#[pallet::storage]
	pub type ReservesAtLastMint<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Accounts frozen by the compliance officer: they cannot send, receive, mint or redeem.
	#[pallet::storage]
	pub type FrozenAccounts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, FreezeRecordOf<T>>;

	/// Freezes that lift by themselves, by the UTC day (since the Unix epoch) of their expiry:
	/// the per-block hook walks the days in order and lifts what is due.
	#[pallet::storage]
	pub type FreezeExpiries<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u64, Blake2_128Concat, T::AccountId, ()>;

	/// The earliest day that may still hold a scheduled expiry (`None`: nothing scheduled).
	#[pallet::storage]
	pub type NextExpiryDay<T> = StorageValue<_, u64>;

	/// How many freezes are scheduled to expire.
	#[pallet::storage]
	pub type ScheduledExpiries<T> = StorageValue<_, u32, ValueQuery>;

	/// The bank holidays of each year (by calendar year), ascending: redemptions do not
	/// settle on them. A year without an entry has none.
	#[pallet::storage]
	pub type Holidays<T: Config> = StorageMap<_, Twox64Concat, u16, HolidaysOf<T>, ValueQuery>;

	/// The travel rule's threshold and structuring window.
	#[pallet::storage]
	pub type TravelRule<T: Config> =
		StorageValue<_, TravelRuleSettingsOf<T>, ValueQuery, DefaultTravelRule<T>>;

	/// The identifier the next travel-rule record gets.
	#[pallet::storage]
	pub type NextTravelRuleId<T> = StorageValue<_, u64, ValueQuery, FirstId>;

	/// The travel-rule records of transfers, by identifier (in order). Kept: they are the
	/// chain's evidence that each large transfer carried its originator and beneficiary data.
	#[pallet::storage]
	pub type TravelRuleRecords<T: Config> = StorageMap<_, Twox64Concat, u64, TravelRuleEntryOf<T>>;

	/// Per sending identity, its recent payments below the threshold to each of up to
	/// [`MAX_WATCHED_BENEFICIARIES`] beneficiaries, to detect structuring.
	#[pallet::storage]
	pub type StructuringWatch<T: Config> =
		StorageMap<_, Twox64Concat, IdentityId, StructuringWatchOf<T>, ValueQuery>;

	/// Powers governance gave up for good, with when (and, for the mint limits, the ceiling).
	/// Entries are only ever added (or a ceiling lowered): nothing in the runtime removes one.
	#[pallet::storage]
	pub type RenouncedPowers<T: Config> =
		StorageMap<_, Twox64Concat, Power, RenunciationRecord<BalanceOf<T>>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance authorized new supply to the treasury.
		SupplyAuthorized {
			amount: BalanceOf<T>,
			old_allowance: BalanceOf<T>,
			allowance: BalanceOf<T>,
			by: ActorOf<T>,
		},
		/// Governance reduced the unissued allowance.
		AllowanceReduced {
			amount: BalanceOf<T>,
			old_allowance: BalanceOf<T>,
			allowance: BalanceOf<T>,
			by: ActorOf<T>,
		},
		/// Governance changed the parameters.
		ParametersSet { old: ParametersOf<T>, new: ParametersOf<T>, by: ActorOf<T> },
		/// A holder requested a mint.
		MintRequested {
			id: MintId,
			who: T::AccountId,
			amount: BalanceOf<T>,
			fee: BalanceOf<T>,
			tier: MintTier,
		},
		/// The requester cancelled a mint request before funding.
		MintCancelled { id: MintId, who: T::AccountId },
		/// A fiat-desk operator confirmed a mint request's funding: `confirmations` of the
		/// `required` distinct operators so far.
		FundingConfirmed {
			id: MintId,
			ledger_ref: H256,
			by: T::AccountId,
			confirmations: u32,
			required: u32,
		},
		/// Enough fiat-desk operators confirmed that a mint request is funded.
		MintFunded { id: MintId, ledger_ref: H256, confirmed_by: Vec<T::AccountId> },
		/// A funded mint request above the approval threshold waits for governance to approve
		/// it by its identifier.
		MintAwaitingApproval { id: MintId, amount: BalanceOf<T>, threshold: BalanceOf<T> },
		/// Governance approved a mint request above the approval threshold.
		MintApproved { id: MintId, by: ActorOf<T> },
		/// A funded mint request waits for governance.
		MintAwaitingAuthorization { id: MintId, waiting_for: MintWaitReason<BalanceOf<T>> },
		/// A waiting mint request could not execute when supply was authorized; it keeps its
		/// place at the head of the queue.
		MintExecutionBlocked { id: MintId, error: DispatchError },
		/// Tokens were minted for a request: `amount - fee` to `who`, `fee` to the fee account.
		Minted { id: MintId, who: T::AccountId, amount: BalanceOf<T>, fee: BalanceOf<T> },
		/// The fiat desk rejected a mint request.
		MintRejected { id: MintId, who: T::AccountId, reason: ReasonOf<T>, by: ActorOf<T> },
		/// A holder requested a redemption; `amount` (net of `fee`) was burned and is owed in
		/// fiat by `due_at`.
		RedemptionRequested {
			id: RedemptionId,
			who: T::AccountId,
			amount: BalanceOf<T>,
			fee: BalanceOf<T>,
			due_at: Moment,
		},
		/// The fiat desk confirmed a redemption's payout.
		RedemptionPaid {
			id: RedemptionId,
			who: T::AccountId,
			amount: BalanceOf<T>,
			payout_ref: H256,
			by: ActorOf<T>,
		},
		/// The fiat desk rejected a redemption; `amount` was re-minted to the holder.
		RedemptionRejected {
			id: RedemptionId,
			who: T::AccountId,
			amount: BalanceOf<T>,
			reason: ReasonOf<T>,
			by: ActorOf<T>,
		},
		/// The compliance officer put a redemption on hold.
		RedemptionHeld { id: RedemptionId, reason: ReasonOf<T>, by: ActorOf<T> },
		/// The compliance officer released a held redemption.
		RedemptionReleased { id: RedemptionId, by: ActorOf<T> },
		/// A redemption passed its due time without a confirmed payout.
		RedemptionOverdue {
			id: RedemptionId,
			who: T::AccountId,
			amount: BalanceOf<T>,
			due_at: Moment,
		},
		/// Tokens moved between holders. A payment that carries the payer's reference
		/// ([`Call::transfer_with_reference`], [`Call::pay_batch`]) has it here, and the event
		/// is indexed under the topic [`Pallet::payment_topic`] of that reference.
		Transferred {
			from: T::AccountId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			reference: Option<PaymentReference>,
		},
		/// A batch payout paid `payouts` payees `total` in all (each payment has its own
		/// [`Event::Transferred`] before this one).
		BatchPaid { from: T::AccountId, payouts: u32, total: BalanceOf<T> },
		/// An account was frozen: `amount` (its whole balance) is frozen on the ledger, under
		/// `order` (none for a precautionary freeze) until `expires_at` (if it lifts by
		/// itself).
		AccountFrozen {
			who: T::AccountId,
			amount: BalanceOf<T>,
			reason: ReasonOf<T>,
			order: Option<LegalOrder>,
			expires_at: Option<Moment>,
			identity: Option<IdentityId>,
			by: ActorOf<T>,
		},
		/// A freeze reached its expiry and lifted by itself.
		FreezeExpired { who: T::AccountId, expired_at: Moment },
		/// An account was unfrozen.
		AccountUnfrozen { who: T::AccountId, by: ActorOf<T> },
		/// Every account of an identity was frozen (`accounts` newly frozen ones).
		IdentityFrozen { identity: IdentityId, accounts: u32, by: ActorOf<T> },
		/// Every frozen account of an identity was unfrozen (`accounts` of them).
		IdentityUnfrozen { identity: IdentityId, accounts: u32, by: ActorOf<T> },
		/// Governance swept the fee account's revenue (all but its existential deposit).
		FeesSwept { amount: BalanceOf<T>, destination: SweepTo, by: ActorOf<T> },
		/// Governance seized a frozen account's free balance.
		Seized {
			who: T::AccountId,
			amount: BalanceOf<T>,
			destination: SeizeTo,
			order_ref: H256,
			by: ActorOf<T>,
		},
		/// Governance burned tokens from the treasury account.
		EmergencyBurned { amount: BalanceOf<T>, by: ActorOf<T> },
		/// Governance gave up a power for good.
		PowerRenounced { renunciation: Renunciation<BalanceOf<T>>, by: ActorOf<T> },
		/// Governance changed the travel rule's threshold or structuring window.
		TravelRuleSet { old: TravelRuleSettingsOf<T>, new: TravelRuleSettingsOf<T>, by: ActorOf<T> },
		/// A transfer at or above the travel-rule threshold carried its record (`id` in
		/// [`TravelRuleRecords`]); its [`Event::Transferred`] comes just before.
		TravelRuleRecorded {
			id: u64,
			from: T::AccountId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			record: TravelRuleRecord,
		},
		/// Payments below the threshold from `identity` to `beneficiary` reached the threshold
		/// together within the structuring window: a large payment may have been split. Once
		/// per window.
		StructuringSuspected {
			identity: IdentityId,
			beneficiary: IdentityId,
			total: BalanceOf<T>,
			transfers: u32,
			since: Moment,
		},
		/// Governance set the bank holidays of `year` (replacing that year's list).
		HolidaysSet { year: u16, old: HolidaysOf<T>, new: HolidaysOf<T>, by: ActorOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount must be positive.
		ZeroAmount,
		/// An arithmetic step overflowed or an identifier counter is exhausted.
		Overflow,
		/// The parameters are incoherent (see [`Parameters::is_valid`]).
		InvalidParameters,
		/// The reduction is larger than the unissued allowance.
		AllowanceTooSmall,
		/// The amount is below the operation's minimum.
		BelowMinimum,
		/// The amount is above the operation's maximum.
		AboveMaximum,
		/// No mint request has this identifier.
		UnknownMintRequest,
		/// The mint request is not waiting for funding.
		NotAwaitingFunding,
		/// The mint request is not waiting for governance's approval.
		NotAwaitingApproval,
		/// The requester may not confirm the funding of their own request.
		RequesterCannotConfirm,
		/// This operator already confirmed the request's funding: another must.
		AlreadyConfirmed,
		/// The confirmation names another fiat ledger entry than the earlier ones.
		LedgerRefMismatch,
		/// The identity already has [`Config::MaxOpenMintsPerIdentity`] open mint requests.
		TooManyOpenMints,
		/// The identity already has [`Config::MaxOpenRedemptionsPerIdentity`] queued
		/// redemptions.
		TooManyOpenRedemptions,
		/// Only the requester may cancel a mint request.
		NotRequester,
		/// Too many funded mint requests are already waiting for governance.
		AwaitingQueueFull,
		/// The attested reserves do not cover the new supply.
		ReserveCapExceeded,
		/// Compliance refuses the caller this operation (a mint or a redemption): the reason
		/// names the failing rule and, for a claim, its topic.
		NotCompliant(ComplianceError),
		/// The account is frozen.
		HolderFrozen,
		/// The balance that can be spent is smaller than the amount (for a keep-alive
		/// transfer, the balance above the existential deposit).
		InsufficientBalance,
		/// The payment would leave the receiver's balance below the existential deposit.
		BelowExistentialDeposit,
		/// No queued redemption has this identifier (never existed, or already paid out or
		/// rejected).
		UnknownRedemption,
		/// The redemption is on hold.
		RedemptionOnHold,
		/// The redemption is already on hold.
		AlreadyHeld,
		/// The redemption is not on hold.
		NotHeld,
		/// Compliance refuses the sender: the reason names the failing rule and its topic.
		SenderNotCompliant(ComplianceError),
		/// Compliance refuses the receiver the right to hold funds: the reason names the
		/// failing rule and its topic.
		ReceiverNotCompliant(ComplianceError),
		/// The sender is frozen.
		SenderFrozen,
		/// The receiver is frozen.
		ReceiverFrozen,
		/// There is nothing to transfer.
		NothingToTransfer,
		/// A batch payout must pay at least one payee.
		EmptyBatch,
		/// The payment at position `index` (from 0) of a batch payout was refused for
		/// `reason`; nothing of the batch was paid.
		PayoutRefused { index: u16, reason: PayoutRefusal },
		/// The account is already frozen.
		AlreadyFrozen,
		/// The account is not frozen.
		NotFrozen,
		/// The identity has no accounts.
		UnknownIdentity,
		/// The identity has more accounts than one call freezes
		/// ([`MAX_ACCOUNTS_PER_IDENTITY_FREEZE`]); freeze them one by one.
		TooManyAccounts,
		/// A reason must not be empty.
		EmptyReason,
		/// The frozen account has no free balance to seize.
		NothingToSeize,
		/// The account holds a governance, validator or operator role and cannot be frozen.
		ProtectedAccount,
		/// The fee account holds nothing above its existential deposit.
		NothingToSweep,
		/// The call needs governance (a council motion), and the origin is not it.
		NotGovernance,
		/// The call needs a fiat-desk operator, and the origin is not one.
		NotFiatDesk,
		/// The call needs a compliance officer, and the origin is not one.
		NotComplianceOfficer,
		/// The call needs a compliance officer or governance, and the origin is neither.
		NotComplianceOfficerOrGovernance,
		/// The call needs a fiat-desk operator or governance, and the origin is neither.
		NotFiatDeskOrGovernance,
		/// Governance renounced this power for good ([`Call::renounce_power`]).
		RenouncedPower(Power),
		/// This power is already renounced (for the mint limits: at this ceiling or a lower
		/// one).
		AlreadyRenounced,
		/// A mint limit in force (a tier's per-request maximum, or the circuit breaker's mint
		/// volume limits, which must be set) is above the ceiling to renounce: lower it first.
		MintLimitsAboveCeiling,
		/// The coin is being wound down: no new mint requests.
		WindingDown,
		/// The calendar starts in 1970: no holidays before.
		HolidayYearTooEarly,
		/// A holiday is not a date of its year (month 1..=12, a day the month has).
		InvalidHolidayDate,
		/// Holidays must be listed in ascending order, each once.
		HolidaysNotAscending,
		/// A freeze's expiry must be in the future.
		ExpiryInThePast,
		/// Too many freezes are scheduled to expire (at most `u32::MAX`).
		TooManyExpiries,
		/// The transfer is at or above the travel-rule threshold to another identity: send it
		/// with [`Call::transfer_with_travel_rule`] and the record's reference.
		TravelRuleRecordRequired,
		/// A travel-rule record names a service provider that is not a known identity.
		UnknownServiceProvider,
		/// A travel-rule record's hash must not be zero.
		EmptyTravelRuleRecord,
		/// The travel-rule threshold and the structuring window must be positive.
		InvalidTravelRule,
	}

	/// The initial parameters, allowance and frozen accounts.
	///
	/// Balances come from `pallet-balances`' genesis, which must build first; their total is
	/// recorded as the genesis supply. Invalid entries make the genesis build panic.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The parameters (the issuer's default terms if left at their default).
		pub parameters: ParametersOf<T>,
		/// Supply authorized to the treasury at genesis.
		pub initial_allowance: BalanceOf<T>,
		/// Accounts frozen at genesis, with the reason.
		pub frozen_accounts: Vec<(T::AccountId, Vec<u8>)>,
		/// The travel rule's settings, if not the default (3,000 USDX, 24 hours).
		pub travel_rule: Option<TravelRuleSettingsOf<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Look at up to [`Config::MaxOverdueChecksPerBlock`] queued redemptions and flag the
		/// late ones; lift up to [`Config::MaxFreezeExpiriesPerBlock`] expired freezes; read the
		/// travel rule, which every payment reads ([`Pallet::read_travel_rule`]).
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::check_overdue()
				.saturating_add(Self::lift_expired_freezes())
				.saturating_add(Self::read_travel_rule())
		}

		fn integrity_test() {
			assert!(
				T::MaxOpenRedemptionsPerIdentity::get() > 0,
				"MaxOpenRedemptionsPerIdentity must be positive"
			);
			assert!(
				T::MaxOpenMintsPerIdentity::get() > 0,
				"MaxOpenMintsPerIdentity must be positive"
			);
			assert!(T::MaxAwaitingMints::get() > 0, "MaxAwaitingMints must be positive");
			// A refused payment's position is a `u16` in its error.
			assert!(
				(1..=u32::from(u16::MAX) + 1).contains(&T::MaxPayoutsPerBatch::get()),
				"MaxPayoutsPerBatch must be between 1 and 65,536"
			);
			assert!(
				T::MaxOverdueChecksPerBlock::get() > 0,
				"MaxOverdueChecksPerBlock must be positive"
			);
			assert!(
				T::MaxMintsPerAuthorization::get() > 0,
				"MaxMintsPerAuthorization must be positive"
			);
			assert!(T::MaxReasonLen::get() > 0, "MaxReasonLen must be positive");
			assert!(T::MaxHolidaysPerYear::get() > 0, "MaxHolidaysPerYear must be positive");
			assert!(
				T::MaxFreezeExpiriesPerBlock::get() > 0,
				"MaxFreezeExpiriesPerBlock must be positive"
			);
			assert!(ParametersOf::<T>::default().is_valid(), "default parameters must be valid");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The most accounts of one identity that `freeze_identity` freezes in one call.
		pub fn max_accounts_per_identity_freeze() -> u32 {
			MAX_ACCOUNTS_PER_IDENTITY_FREEZE
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Authorize `amount` of new supply to the treasury, then execute waiting mint requests
		/// (oldest first, at most [`Config::MaxMintsPerAuthorization`], stopping at the first
		/// that cannot execute).
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::SupplyAuthorized`], then [`Event::Minted`] per executed request or
		///   [`Event::MintExecutionBlocked`] for a head that was refused.
		/// - Errors: [`Error::NotGovernance`]; [`Error::ZeroAmount`]; [`Error::Overflow`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::authorize_supply(T::MaxMintsPerAuthorization::get()))]
		pub fn authorize_supply(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let by = Self::ensure_governance(origin)?;
			let executed = Self::do_authorize_supply(amount, by)?;
			Ok(Some(T::WeightInfo::authorize_supply(executed)).into())
		}

		/// Reduce the unissued allowance by `amount`.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::AllowanceReduced`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::ZeroAmount`]; [`Error::AllowanceTooSmall`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::reduce_allowance())]
		pub fn reduce_allowance(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_reduce_allowance(amount, by)
		}

		/// Replace the parameters (limits, fees, approval threshold, settlement days).
		///
		/// Applies to requests made afterwards; open requests keep their fee and due time.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::ParametersSet`] with the old and new values.
		/// - Errors: [`Error::NotGovernance`]; [`Error::InvalidParameters`];
		///   [`Error::RenouncedPower`] for a mint tier's maximum above the renounced ceiling.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_parameters())]
		pub fn set_parameters(origin: OriginFor<T>, parameters: ParametersOf<T>) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_parameters(parameters, by)
		}

		/// Request a mint of `amount` (fee included) in `tier`: standard, or bulk for an
		/// institutional client.
		///
		/// - Origin: signed by the holder, who must pass compliance for `Mint` (`BulkMint` for
		///   the bulk tier) and not be frozen.
		/// - Emits [`Event::MintRequested`] with the fee.
		/// - Errors: `BadOrigin` if not signed; [`Error::WindingDown`] while the coin is
		///   being wound down; [`Error::NotCompliant`] with the compliance
		///   reason; [`Error::HolderFrozen`]; [`Error::BelowMinimum`],
		///   [`Error::AboveMaximum`] against the tier's limits; [`Error::TooManyOpenMints`];
		///   [`Error::Overflow`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::request_mint())]
		pub fn request_mint(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
			tier: MintTier,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_mint(who, amount, tier).map(|_| ())
		}

		/// Cancel one's own mint request before the fiat desk confirmed funding.
		///
		/// - Origin: signed by the requester.
		/// - Emits [`Event::MintCancelled`].
		/// - Errors: `BadOrigin` if not signed; [`Error::UnknownMintRequest`];
		///   [`Error::NotRequester`]; [`Error::NotAwaitingFunding`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_mint())]
		pub fn cancel_mint(origin: OriginFor<T>, id: MintId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_mint(who, id)
		}

		/// Confirm that a mint request is funded in fiat (`ledger_ref`: the off-chain ledger
		/// entry). Four eyes: the request is funded once
		/// [`Parameters::funding_confirmations`] distinct fiat-desk operators, none of them the
		/// requester, confirmed the same entry. The last confirmation then executes it or
		/// makes it wait: for governance's approval of this request when the amount is above
		/// [`Parameters::approval_threshold`] ([`Call::approve_mint`]); for supply when the
		/// allowance is short or earlier funded requests are still waiting (strict FIFO).
		///
		/// - Origin: [`Config::FiatDeskOrigin`].
		/// - Emits [`Event::FundingConfirmed`]; on the last confirmation [`Event::MintFunded`],
		///   then [`Event::Minted`], [`Event::MintAwaitingApproval`] or
		///   [`Event::MintAwaitingAuthorization`] saying what it waits for.
		/// - Errors: [`Error::NotFiatDesk`]; [`Error::UnknownMintRequest`];
		///   [`Error::NotAwaitingFunding`]; [`Error::RequesterCannotConfirm`];
		///   [`Error::AlreadyConfirmed`]; [`Error::LedgerRefMismatch`]; on the last confirmation
		///   [`Error::NotCompliant`] with the holder's reason, [`Error::HolderFrozen`], the
		///   breaker's error (which covers the reserves' freshness and coverage),
		///   [`Error::ReserveCapExceeded`], [`Error::AwaitingQueueFull`], ledger errors.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::confirm_funding())]
		pub fn confirm_funding(
			origin: OriginFor<T>,
			id: MintId,
			ledger_ref: H256,
		) -> DispatchResult {
			let desk = Self::ensure_fiat_desk(origin)?;
			Self::do_confirm_funding(id, ledger_ref, desk)
		}

		/// Reject an open mint request (waiting for funding, approval or supply); it leaves
		/// storage.
		///
		/// - Origin: [`Config::FiatDeskOrigin`] or [`Config::GovernanceOrigin`].
		/// - Emits [`Event::MintRejected`].
		/// - Errors: [`Error::NotFiatDeskOrGovernance`]; [`Error::EmptyReason`];
		///   [`Error::UnknownMintRequest`] (also when it already closed).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::reject_mint())]
		pub fn reject_mint(
			origin: OriginFor<T>,
			id: MintId,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let by = Self::ensure_fiat_desk_or_governance(origin)?;
			Self::do_reject_mint(id, reason, by)
		}

		/// Redeem `amount` (fee included): the fee goes to the fee account, the rest is burned
		/// at once and owed in fiat within the settlement period.
		///
		/// - Origin: signed by the holder, who must pass compliance for `Redeem` and not be
		///   frozen.
		/// - Emits [`Event::RedemptionRequested`] with the due time.
		/// - Errors: `BadOrigin` if not signed; [`Error::NotCompliant`]; [`Error::HolderFrozen`];
		///   [`Error::BelowMinimum`]; [`Error::AboveMaximum`]; the breaker's error;
		///   [`Error::InsufficientBalance`]; [`Error::TooManyOpenRedemptions`];
		///   [`Error::Overflow`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::request_redemption())]
		pub fn request_redemption(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_redemption(who, amount).map(|_| ())
		}

		/// Confirm that a queued redemption was paid out in fiat (`payout_ref`: the off-chain
		/// payment).
		///
		/// - Origin: [`Config::FiatDeskOrigin`].
		/// - Emits [`Event::RedemptionPaid`].
		/// - Errors: [`Error::NotFiatDesk`]; [`Error::UnknownRedemption`] (also when already paid);
		///   [`Error::RedemptionOnHold`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::confirm_payout())]
		pub fn confirm_payout(
			origin: OriginFor<T>,
			id: RedemptionId,
			payout_ref: H256,
		) -> DispatchResult {
			let by = Actor::Signed(Self::ensure_fiat_desk(origin)?);
			Self::do_confirm_payout(id, payout_ref, by)
		}

		/// Reject a queued redemption: its amount is re-minted to the holder (the fee is not
		/// refunded). A frozen holder's freeze grows to cover the returned tokens. The re-mint
		/// passes the same checks as new supply: fresh reserves that cover the liabilities
		/// and a breaker that allows mints; until they pass, the redemption stays queued.
		///
		/// - Origin: [`Config::FiatDeskOrigin`].
		/// - Emits [`Event::RedemptionRejected`].
		/// - Errors: [`Error::NotFiatDesk`]; [`Error::EmptyReason`]; [`Error::UnknownRedemption`];
		///   the breaker's error (stale or short reserves included); ledger
		///   errors.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::reject_redemption())]
		pub fn reject_redemption(
			origin: OriginFor<T>,
			id: RedemptionId,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let by = Actor::Signed(Self::ensure_fiat_desk(origin)?);
			Self::do_reject_redemption(id, reason, by)
		}

		/// Put a queued redemption on hold: it cannot be paid out until released.
		///
		/// - Origin: [`Config::ComplianceOrigin`].
		/// - Emits [`Event::RedemptionHeld`].
		/// - Errors: [`Error::NotComplianceOfficer`]; [`Error::EmptyReason`];
		///   [`Error::UnknownRedemption`]; [`Error::AlreadyHeld`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::hold_redemption())]
		pub fn hold_redemption(
			origin: OriginFor<T>,
			id: RedemptionId,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let by = Self::ensure_compliance_officer(origin)?;
			Self::do_hold_redemption(id, reason, by)
		}

		/// Release a held redemption.
		///
		/// - Origin: [`Config::ComplianceOrigin`].
		/// - Emits [`Event::RedemptionReleased`].
		/// - Errors: [`Error::NotComplianceOfficer`]; [`Error::UnknownRedemption`];
		///   [`Error::NotHeld`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::release_redemption())]
		pub fn release_redemption(origin: OriginFor<T>, id: RedemptionId) -> DispatchResult {
			let by = Self::ensure_compliance_officer(origin)?;
			Self::do_release_redemption(id, by)
		}

		/// Send `amount` to `dest`, keeping the sender's account alive (its balance may not
		/// drop below the existential deposit; use [`Call::transfer_all`] to empty it).
		///
		/// At or above the travel-rule threshold to another identity the transfer needs
		/// [`Call::transfer_with_travel_rule`]; below it, the payment counts toward the
		/// sender's structuring watch ([`Event::StructuringSuspected`]).
		///
		/// - Origin: signed by the sender.
		/// - Emits [`Event::Transferred`].
		/// - Errors: `BadOrigin` if not signed; [`Error::ZeroAmount`]; [`Error::SenderFrozen`];
		///   [`Error::ReceiverFrozen`]; [`Error::SenderNotCompliant`];
		///   [`Error::ReceiverNotCompliant`]; [`Error::TravelRuleRecordRequired`]; the
		///   breaker's error; [`Error::InsufficientBalance`];
		///   [`Error::BelowExistentialDeposit`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::transfer())]
		pub fn transfer(
			origin: OriginFor<T>,
			dest: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer(who, dest, TransferAmount::Exactly(amount), None)
		}

		/// Send everything the sender can spend to `dest`, letting the sender's account be
		/// reaped.
		///
		/// - Origin: signed by the sender.
		/// - Emits [`Event::Transferred`].
		/// - Errors: as [`Call::transfer`], and [`Error::NothingToTransfer`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::transfer_all())]
		pub fn transfer_all(origin: OriginFor<T>, dest: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer(who, dest, TransferAmount::All, None)
		}

		/// Freeze an account: its whole balance is frozen on the ledger and it may no longer
		/// receive, send, mint or redeem. `order` names the legal or sanctions order (case id
		/// and the order document's hash); without one the freeze is precautionary, which
		/// governance may renounce for good. With `expires_at` the freeze lifts by itself at
		/// that time (within a few blocks, [`Event::FreezeExpired`]).
		///
		/// - Origin: [`Config::ComplianceOrigin`].
		/// - Emits [`Event::AccountFrozen`].
		/// - Errors: [`Error::NotComplianceOfficer`]; [`Error::EmptyReason`];
		///   [`Error::RenouncedPower`] for a freeze without an order once that power is
		///   renounced; [`Error::ExpiryInThePast`]; [`Error::ProtectedAccount`] for a role
		///   holder ([`Config::ProtectedAccounts`]); [`Error::AlreadyFrozen`];
		///   [`Error::TooManyExpiries`]; ledger errors.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::freeze_account())]
		pub fn freeze_account(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: ReasonOf<T>,
			order: Option<LegalOrder>,
			expires_at: Option<Moment>,
		) -> DispatchResult {
			let by = Self::ensure_compliance_officer(origin)?;
			Self::do_freeze_account(who, reason, order, expires_at, None, by)
		}

		/// Lift an account's freeze.
		///
		/// - Origin: [`Config::ComplianceOrigin`] or [`Config::GovernanceOrigin`] (governance
		///   can always overrule a freeze).
		/// - Emits [`Event::AccountUnfrozen`].
		/// - Errors: [`Error::NotComplianceOfficerOrGovernance`]; [`Error::NotFrozen`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::unfreeze_account())]
		pub fn unfreeze_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_compliance_or_governance(origin)?;
			Self::do_unfreeze_account(who, by)
		}

		/// Freeze every account of an identity (already frozen ones are left as they are).
		///
		/// - Origin: [`Config::ComplianceOrigin`].
		/// - Emits [`Event::AccountFrozen`] per newly frozen account, then
		///   [`Event::IdentityFrozen`].
		/// - Errors: as [`Call::freeze_account`]; [`Error::UnknownIdentity`];
		///   [`Error::TooManyAccounts`]; [`Error::ProtectedAccount`] if any account holds a role;
		///   [`Error::AlreadyFrozen`] if every account already is.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::freeze_identity(MAX_ACCOUNTS_PER_IDENTITY_FREEZE))]
		pub fn freeze_identity(
			origin: OriginFor<T>,
			identity: IdentityId,
			reason: ReasonOf<T>,
			order: Option<LegalOrder>,
			expires_at: Option<Moment>,
		) -> DispatchResultWithPostInfo {
			let by = Self::ensure_compliance_officer(origin)?;
			let accounts = Self::do_freeze_identity(identity, reason, order, expires_at, by)?;
			Ok(Some(T::WeightInfo::freeze_identity(accounts)).into())
		}

		/// Seize a frozen account's free balance (`order_ref`: the court or regulator's order),
		/// burning it or moving it to the treasury. The account stays frozen.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::Seized`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::RenouncedPower`] once seizure is
		///   renounced; [`Error::NotFrozen`]; [`Error::NothingToSeize`]; ledger errors.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::seize())]
		pub fn seize(
			origin: OriginFor<T>,
			who: T::AccountId,
			destination: SeizeTo,
			order_ref: H256,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_seize(who, destination, order_ref, by)
		}

		/// Burn `amount` from the treasury account, without fee.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::EmergencyBurned`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::RenouncedPower`] once emergency burns
		///   are renounced; [`Error::ZeroAmount`]; [`Error::InsufficientBalance`].
		#[pallet::call_index(18)]
		#[pallet::weight((T::WeightInfo::emergency_burn(), DispatchClass::Operational))]
		pub fn emergency_burn(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_emergency_burn(amount, by)
		}

		/// Approve a funded mint request above the approval threshold. It joins the FIFO queue
		/// of funded requests, which then executes as far as the allowance covers it.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::MintApproved`], then as [`Call::authorize_supply`] does for the
		///   queue ([`Event::Minted`], [`Event::MintExecutionBlocked`]).
		/// - Errors: [`Error::NotGovernance`]; [`Error::UnknownMintRequest`];
		///   [`Error::NotAwaitingApproval`]; [`Error::AwaitingQueueFull`].
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::approve_mint(T::MaxMintsPerAuthorization::get()))]
		pub fn approve_mint(origin: OriginFor<T>, id: MintId) -> DispatchResultWithPostInfo {
			let by = Self::ensure_governance(origin)?;
			let executed = Self::do_approve_mint(id, by)?;
			Ok(Some(T::WeightInfo::approve_mint(executed)).into())
		}

		/// Unfreeze every frozen account of an identity.
		///
		/// - Origin: [`Config::ComplianceOrigin`] or [`Config::GovernanceOrigin`].
		/// - Emits [`Event::AccountUnfrozen`] per account, then [`Event::IdentityUnfrozen`].
		/// - Errors: [`Error::NotComplianceOfficerOrGovernance`]; [`Error::UnknownIdentity`];
		///   [`Error::TooManyAccounts`]; [`Error::NotFrozen`] if none of its accounts is frozen.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::unfreeze_identity(MAX_ACCOUNTS_PER_IDENTITY_FREEZE))]
		pub fn unfreeze_identity(
			origin: OriginFor<T>,
			identity: IdentityId,
		) -> DispatchResultWithPostInfo {
			let by = Self::ensure_compliance_or_governance(origin)?;
			let accounts = Self::do_unfreeze_identity(identity, by)?;
			Ok(Some(T::WeightInfo::unfreeze_identity(accounts)).into())
		}

		/// Sweep the fee account's revenue (everything above its existential deposit, so the
		/// account stays alive) to the treasury or burn it.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::FeesSwept`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::NothingToSweep`]; ledger errors.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::sweep_fees())]
		pub fn sweep_fees(origin: OriginFor<T>, destination: SweepTo) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_sweep_fees(destination, by)
		}

		/// Send `amount` to `dest` with a payment reference, as [`Call::transfer`] does: the
		/// reference (an invoice number, an ISO 20022 end-to-end id, an order id) is kept in
		/// the event only, indexed so that the payee finds the payment by it.
		///
		/// - Origin: signed by the sender.
		/// - Emits [`Event::Transferred`] with the reference.
		/// - Errors: as [`Call::transfer`].
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::transfer_with_reference())]
		pub fn transfer_with_reference(
			origin: OriginFor<T>,
			dest: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
			reference: PaymentReference,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer(who, dest, TransferAmount::Exactly(amount), Some(reference))
		}

		/// Pay many payees at once (payroll, disbursements), each with its own reference: all
		/// of them or none. The sender's compliance and freeze are checked once, every
		/// payee's for each payment, and the breaker admits the batch's total.
		///
		/// - Origin: signed by the payer.
		/// - Emits [`Event::Transferred`] for each payment, then [`Event::BatchPaid`].
		/// - Errors: `BadOrigin` if not signed; [`Error::EmptyBatch`]; [`Error::SenderFrozen`];
		///   [`Error::SenderNotCompliant`]; [`Error::InsufficientBalance`] when the total is
		///   more than the payer can spend while staying alive; [`Error::PayoutRefused`]
		///   naming the first refused payment and why; [`Error::Overflow`]; the breaker's
		///   error.
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::pay_batch(payouts.len() as u32))]
		pub fn pay_batch(origin: OriginFor<T>, payouts: PayoutsOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_pay_batch(who, payouts)
		}

		/// Give up a power for good: seizure, emergency burns, or raising the mint limits
		/// above a ceiling. Nothing inside the runtime can restore it: later governance calls
		/// that use it are refused with [`Error::RenouncedPower`]. (A runtime upgrade replaces
		/// the rules themselves and could; see `docs/governance.md`.) A mint-limit ceiling
		/// may be renounced again only lower; every mint limit in force must already be
		/// within it.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::PowerRenounced`].
		/// - Errors: [`Error::NotGovernance`]; [`Error::AlreadyRenounced`];
		///   [`Error::MintLimitsAboveCeiling`].
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::renounce_power())]
		pub fn renounce_power(
			origin: OriginFor<T>,
			renunciation: Renunciation<BalanceOf<T>>,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_renounce_power(renunciation, by)
		}

		/// Set the travel rule's threshold and structuring window.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::TravelRuleSet`] with the old and new settings.
		/// - Errors: [`Error::NotGovernance`]; [`Error::InvalidTravelRule`].
		#[pallet::call_index(26)]
		#[pallet::weight(T::WeightInfo::set_travel_rule())]
		pub fn set_travel_rule(
			origin: OriginFor<T>,
			settings: TravelRuleSettingsOf<T>,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_travel_rule(settings, by)
		}

		/// Send `amount` to `dest` as [`Call::transfer`] does, with the travel-rule record the
		/// sender's and the receiver's service providers exchanged. Needed at or above the
		/// threshold ([`TravelRule`]) between different identities; accepted below it too.
		///
		/// - Origin: signed by the sender.
		/// - Emits [`Event::Transferred`], then [`Event::TravelRuleRecorded`].
		/// - Errors: as [`Call::transfer`]; [`Error::EmptyTravelRuleRecord`];
		///   [`Error::UnknownServiceProvider`].
		#[pallet::call_index(27)]
		#[pallet::weight(T::WeightInfo::transfer_with_travel_rule())]
		pub fn transfer_with_travel_rule(
			origin: OriginFor<T>,
			dest: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
			record: TravelRuleRecord,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer_with(who, dest, TransferAmount::Exactly(amount), None, Some(record))
		}

		/// Set the bank holidays of `year` (replacing its list; an empty list clears it).
		/// Redemptions requested afterwards skip them, like weekends, when their due time is
		/// computed; queued redemptions keep the due time they were given.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Emits [`Event::HolidaysSet`] with the old and new lists.
		/// - Errors: [`Error::NotGovernance`]; [`Error::HolidayYearTooEarly`];
		///   [`Error::InvalidHolidayDate`]; [`Error::HolidaysNotAscending`].
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::set_holidays())]
		pub fn set_holidays(
			origin: OriginFor<T>,
			year: u16,
			dates: HolidaysOf<T>,
		) -> DispatchResult {
			let by = Self::ensure_governance(origin)?;
			Self::do_set_holidays(year, dates, by)
		}
	}
}
