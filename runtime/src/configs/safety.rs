//! Safety: the guardians, the chain-wide call pause (`pallet-tx-pause`) and the filter that
//! every dispatched call passes.
//!
//! A guardian (an account on the council-appointed `Guardians` list) can stop things at once;
//! only governance can start them again. Two switches exist:
//!
//! - `pallet-tx-pause` pauses a user-facing call by name (`(pallet, call)`, one of
//!   [`PAUSABLE_CALLS`]), through [`BaseCallFilter`];
//! - the circuit breaker pauses a stablecoin operation (mint, redeem, transfer) or all of them.
//!
//! Only the calls in [`PAUSABLE_CALLS`] can be paused; everything that keeps the chain alive
//! or lets governance and compliance act can never be: see [`UnpausableCalls`].

use frame_support::traits::{ConstU32, Contains, EitherOfDiverse};
use frame_system::EnsureSignedBy;

use super::governance::GovernanceOrigin;
use crate::{AccountId, Guardians, Runtime, RuntimeCall, RuntimeEvent};

/// The guardians' list is kept by `pallet-membership`, instance 2.
pub type GuardiansInstance = pallet_membership::Instance2;

/// The guardians' list: kept by governance, each change recorded in `Audit.Authorized`.
impl super::roles::GovernedList for GuardiansInstance {
	type Scope = super::roles::GuardiansMembershipScope;
	type MaxMembers = ConstU32<16>;
}

/// Who may pause: an appointed guardian, or governance itself.
pub type GuardianOrigin = EitherOfDiverse<EnsureSignedBy<Guardians, AccountId>, GovernanceOrigin>;

/// The calls a guardian may pause chain-wide: the users' own stablecoin operations, and
/// nothing else.
///
/// Pausing is an emergency brake on user-facing operations. Everything governance, compliance,
/// the operators and the chain itself need stays out of reach of a pause, so that a rogue or
/// stolen guardian key can neither stop the council (including the motion that removes the
/// guardian), nor the compliance officers' freezes, nor block production, finality, the
/// validator set, the oracle or proof of reserve. Batches (`Utility`) and multisig calls are
/// not pausable as such: the filter applies to the calls inside them, so a paused transfer is
/// refused inside a batch too.
///
/// Each way a holder moves USDX is listed on its own (a pause is by call name): pausing
/// transfers means pausing all five transfer calls.
pub const PAUSABLE_CALLS: [(&[u8], &[u8]); 8] = [
	(b"Stablecoin", b"transfer"),
	(b"Stablecoin", b"transfer_all"),
	(b"Stablecoin", b"transfer_with_reference"),
	(b"Stablecoin", b"transfer_with_travel_rule"),
	(b"Stablecoin", b"pay_batch"),
	(b"Stablecoin", b"request_mint"),
	(b"Stablecoin", b"cancel_mint"),
	(b"Stablecoin", b"request_redemption"),
];

/// Every call that is not in [`PAUSABLE_CALLS`]: `pallet-tx-pause` refuses to pause them
/// (`Unpausable`).
pub struct UnpausableCalls;

impl Contains<pallet_tx_pause::RuntimeCallNameOf<Runtime>> for UnpausableCalls {
	fn contains(full_name: &pallet_tx_pause::RuntimeCallNameOf<Runtime>) -> bool {
		!PAUSABLE_CALLS.iter().any(|(pallet, call)| {
			full_name.0.as_slice() == *pallet && full_name.1.as_slice() == *call
		})
	}
}

impl pallet_tx_pause::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	/// A guardian pauses at once; governance can too. Recorded with who paused: the
	/// pallet's own event does not say.
	type PauseOrigin = super::roles::Audited<GuardianOrigin, super::roles::TxPauseScope>;
	/// Only governance lifts a pause (recorded with the motion).
	type UnpauseOrigin = super::roles::Audited<GovernanceOrigin, super::roles::TxUnpauseScope>;
	type WhitelistedCalls = UnpausableCalls;
	/// Longest pallet or call name: enough for every name in this runtime.
	type MaxNameLen = ConstU32<256>;
	type WeightInfo = crate::weights::pallet_tx_pause::WeightInfo<Runtime>;
}

/// The filter every call passes before dispatch (except calls by root): refuses the raw
/// ledger calls ([`NoRawLedgerCalls`](super::issuance::NoRawLedgerCalls)) and the calls that
/// `pallet-tx-pause` has paused.
pub struct BaseCallFilter;

impl Contains<RuntimeCall> for BaseCallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		super::issuance::NoRawLedgerCalls::contains(call)
			&& <crate::TxPause as Contains<RuntimeCall>>::contains(call)
	}
}
