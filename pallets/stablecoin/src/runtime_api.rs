//! The runtime API of the stablecoin pallet.
//!
//! Wallets, integrators and regulators ask it, through `state_call`, for the supply figures,
//! requests, the redemption queue and what is overdue, and an account's standing. The runtime
//! implements it with the pallet's read helpers: [`Pallet::supply_report`](crate::Pallet::supply_report),
//! `MintRequests::get`, `Redemptions::get`, [`Pallet::redemption_queue`](crate::Pallet::redemption_queue),
//! [`Pallet::redemptions_page`](crate::Pallet::redemptions_page),
//! [`Pallet::overdue_redemptions`](crate::Pallet::overdue_redemptions),
//! [`Pallet::awaiting_authorization`](crate::Pallet::awaiting_authorization),
//! [`Pallet::account_status`](crate::Pallet::account_status), `Params::get`,
//! [`Pallet::renounced_powers`](crate::Pallet::renounced_powers),
//! [`Pallet::holder_claim`](crate::Pallet::holder_claim), `Holidays::get` and
//! [`Pallet::due_time`](crate::Pallet::due_time).

use crate::types::{
	AccountStatus, FreezeView, HolderClaim, HolidayDate, MintId, MintRequest, Moment, Parameters,
	Power, Redemption, RedemptionId, RenunciationRecord, SupplyReport, TravelRuleEntry,
	TravelRuleSettings,
};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Supply, request and account queries of the stablecoin.
	///
	/// Version 2 added [`redemptions_page`](StablecoinApi::redemptions_page); version 3
	/// [`renounced_powers`](StablecoinApi::renounced_powers),
	/// [`holder_claim`](StablecoinApi::holder_claim), [`holidays`](StablecoinApi::holidays)
	/// [`redemption_due_time`](StablecoinApi::redemption_due_time),
	/// [`frozen_accounts`](StablecoinApi::frozen_accounts),
	/// [`frozen_identities`](StablecoinApi::frozen_identities),
	/// [`travel_rule`](StablecoinApi::travel_rule) and
	/// [`travel_rule_records`](StablecoinApi::travel_rule_records).
	#[api_version(3)]
	pub trait StablecoinApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// Authorized-unissued, pending redemption and circulating supply, and the counters.
		fn supply() -> SupplyReport<Balance>;

		/// A mint request, open or closed.
		fn mint_request(id: MintId) -> Option<MintRequest<AccountId, Balance>>;

		/// A queued redemption (`None` once paid out or rejected).
		fn redemption(id: RedemptionId) -> Option<Redemption<AccountId, Balance>>;

		/// The redemption queue, oldest first (the whole queue: it has no global bound).
		fn redemption_queue() -> Vec<(RedemptionId, Redemption<AccountId, Balance>)>;

		/// One page of the redemption queue: at most `limit` redemptions after the one with
		/// identifier `after` (from the start when `None`), in storage order. Pass the last
		/// identifier of a page to get the next one; an empty page ends the walk.
		fn redemptions_page(
			after: Option<RedemptionId>,
			limit: u32,
		) -> Vec<(RedemptionId, Redemption<AccountId, Balance>)>;

		/// Queued redemptions past their due time.
		fn overdue_redemptions() -> Vec<(RedemptionId, Redemption<AccountId, Balance>)>;

		/// Funded mint requests waiting for governance, oldest first.
		fn awaiting_authorization() -> Vec<(MintId, MintRequest<AccountId, Balance>)>;

		/// An account's balance, what it can send, and its freeze if frozen (before version 3,
		/// a freeze had a bare case hash: [`v2::AccountStatus`]).
		#[changed_in(3)]
		fn account_status(who: AccountId) -> v2::AccountStatus<Balance>;

		/// An account's balance, what it can send, and its freeze if frozen.
		fn account_status(who: AccountId) -> AccountStatus<Balance>;

		/// The current limits, fees, approval threshold and settlement period.
		fn parameters() -> Parameters<Balance>;

		/// The powers governance gave up for good, with when and any mint-limit ceiling.
		#[api_version(3)]
		fn renounced_powers() -> Vec<(Power, RenunciationRecord<Balance>)>;

		/// What the issuer owes a holder: its tokens plus the fiat of its queued redemptions
		/// (a wind-down's question; it walks the redemption queue).
		#[api_version(3)]
		fn holder_claim(who: AccountId) -> HolderClaim<Balance>;

		/// The bank holidays of `year`, ascending (empty when none were declared).
		#[api_version(3)]
		fn holidays(year: u16) -> Vec<HolidayDate>;

		/// When a redemption requested at `requested_at` (ms since the Unix epoch) would be
		/// due under the current settlement period and calendar.
		#[api_version(3)]
		fn redemption_due_time(requested_at: Moment) -> Moment;

		/// Every frozen account with its freeze: reason, legal order, expiry, identity.
		#[api_version(3)]
		fn frozen_accounts() -> Vec<(AccountId, FreezeView)>;

		/// The identities frozen as a whole that still have a frozen account.
		#[api_version(3)]
		fn frozen_identities() -> Vec<stablecoin_primitives::IdentityId>;

		/// The travel rule's threshold and structuring window.
		#[api_version(3)]
		fn travel_rule() -> TravelRuleSettings<Balance>;

		/// Up to `limit` travel-rule records after the one with identifier `after` (from the
		/// first when `None`), in order. Pass the last identifier of a page to get the next.
		#[api_version(3)]
		fn travel_rule_records(
			after: Option<u64>,
			limit: u32,
		) -> Vec<(u64, TravelRuleEntry<AccountId, Balance>)>;
	}
}

/// The answers of version 2 whose layout changed in version 3, to read blocks of runtimes
/// from before it (a regulator's archive node does).
pub mod v2 {
	use codec::{Decode, Encode};
	use scale_info::TypeInfo;
	use sp_core::H256;
	use stablecoin_primitives::{IdentityId, Moment};

	use alloc::vec::Vec;

	/// A frozen account as version 2 reported it.
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
	pub struct FreezeView {
		/// The reason given by the compliance officer.
		pub reason: Vec<u8>,
		/// A hash of the off-chain case file.
		pub case_ref: H256,
		/// The identity frozen as a whole, if any.
		pub identity: Option<IdentityId>,
		/// When the account was frozen.
		pub since: Moment,
	}

	/// An account's standing as version 2 reported it.
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
	pub struct AccountStatus<Balance> {
		/// The total balance on the ledger.
		pub balance: Balance,
		/// What the account could send now (zero while frozen).
		pub transferable: Balance,
		/// The sanctions freeze, if the account is frozen.
		pub freeze: Option<FreezeView>,
	}

	impl From<FreezeView> for crate::types::FreezeView {
		/// The case hash becomes the order's hash; no case identifier, no expiry.
		fn from(old: FreezeView) -> Self {
			crate::types::FreezeView {
				reason: old.reason,
				case_id: None,
				order_hash: Some(old.case_ref),
				identity: old.identity,
				since: old.since,
				expires_at: None,
			}
		}
	}

	impl<Balance> From<AccountStatus<Balance>> for crate::types::AccountStatus<Balance> {
		fn from(old: AccountStatus<Balance>) -> Self {
			crate::types::AccountStatus {
				balance: old.balance,
				transferable: old.transferable,
				freeze: old.freeze.map(Into::into),
			}
		}
	}
}
