//! The runtime API of the stablecoin pallet.
//!
//! Wallets, integrators and regulators ask it, through `state_call`, for the supply figures,
//! requests, the redemption queue and what is overdue, and an account's standing. The runtime
//! implements it with the pallet's read helpers: [`Pallet::supply_report`](crate::Pallet::supply_report),
//! `MintRequests::get`, `Redemptions::get`, [`Pallet::redemption_queue`](crate::Pallet::redemption_queue),
//! [`Pallet::redemptions_page`](crate::Pallet::redemptions_page),
//! [`Pallet::overdue_redemptions`](crate::Pallet::overdue_redemptions),
//! [`Pallet::awaiting_authorization`](crate::Pallet::awaiting_authorization),
//! [`Pallet::account_status`](crate::Pallet::account_status) and `Params::get`.

use crate::types::{
	AccountStatus, MintId, MintRequest, Parameters, Redemption, RedemptionId, SupplyReport,
};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Supply, request and account queries of the stablecoin.
	///
	/// Version 2 added [`redemptions_page`](StablecoinApi::redemptions_page).
	#[api_version(2)]
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
		#[api_version(2)]
		fn redemptions_page(
			after: Option<RedemptionId>,
			limit: u32,
		) -> Vec<(RedemptionId, Redemption<AccountId, Balance>)>;

		/// Queued redemptions past their due time.
		fn overdue_redemptions() -> Vec<(RedemptionId, Redemption<AccountId, Balance>)>;

		/// Funded mint requests waiting for governance, oldest first.
		fn awaiting_authorization() -> Vec<(MintId, MintRequest<AccountId, Balance>)>;

		/// An account's balance, what it can send, and its freeze if frozen.
		fn account_status(who: AccountId) -> AccountStatus<Balance>;

		/// The current limits, fees, approval threshold and settlement period.
		fn parameters() -> Parameters<Balance>;
	}
}
