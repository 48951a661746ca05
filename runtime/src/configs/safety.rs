//! Safety: the guardians, the chain-wide call pause (`pallet-tx-pause`) and the filter that
//! every dispatched call passes.
//!
//! A guardian (an account on the council-appointed `Guardians` list) can stop things at once;
//! only governance can start them again. Two switches exist:
//!
//! - `pallet-tx-pause` pauses any call of any pallet by name (`(pallet, call)`, or every call
//!   of a pallet), through [`BaseCallFilter`];
//! - the circuit breaker pauses a stablecoin operation (mint, redeem, transfer) or all of them.
//!
//! Calls that keep the chain alive or let governance repair it can never be paused: see
//! [`UnpausableCalls`].

use frame_support::traits::{ConstU32, Contains, EitherOfDiverse};
use frame_system::EnsureSignedBy;

use super::governance::GovernanceOrigin;
use crate::{AccountId, Guardians, Runtime, RuntimeCall, RuntimeEvent};

/// The guardians' list is kept by `pallet-membership`, instance 2.
pub type GuardiansInstance = pallet_membership::Instance2;

impl pallet_membership::Config<GuardiansInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Only governance appoints, removes or replaces guardians.
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type PrimeOrigin = GovernanceOrigin;
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = ConstU32<16>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

/// Who may pause: an appointed guardian, or governance itself.
pub type GuardianOrigin = EitherOfDiverse<EnsureSignedBy<Guardians, AccountId>, GovernanceOrigin>;

/// The pallets whose calls can never be paused chain-wide.
///
/// - `System` and `Timestamp`: block production (the timestamp inherent) and runtime upgrades;
/// - `Grandpa`: equivocation reports and the stall recovery of finality;
/// - `Council`: governance must always be able to propose, vote and close motions, including
///   the motion that lifts a pause;
/// - `Whitelist`: the council's path to root (upgrades, recovery) must stay open;
/// - `ValidatorSet` and `Session`: the council must always be able to replace a validator, and
///   a new validator to register its keys;
/// - `CircuitBreaker`: its pause calls are already guarded, and lifting a pause must stay
///   possible;
/// - `TxPause` itself is unpausable by construction.
pub struct UnpausableCalls;

/// Pallet names (as in the runtime's metadata) in [`UnpausableCalls`].
const UNPAUSABLE_PALLETS: [&[u8]; 8] = [
	b"System",
	b"Timestamp",
	b"Grandpa",
	b"Council",
	b"CircuitBreaker",
	b"Whitelist",
	b"ValidatorSet",
	b"Session",
];

impl Contains<pallet_tx_pause::RuntimeCallNameOf<Runtime>> for UnpausableCalls {
	fn contains(full_name: &pallet_tx_pause::RuntimeCallNameOf<Runtime>) -> bool {
		UNPAUSABLE_PALLETS.contains(&full_name.0.as_slice())
	}
}

impl pallet_tx_pause::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	/// A guardian pauses at once; governance can too.
	type PauseOrigin = GuardianOrigin;
	/// Only governance lifts a pause.
	type UnpauseOrigin = GovernanceOrigin;
	type WhitelistedCalls = UnpausableCalls;
	/// Longest pallet or call name: enough for every name in this runtime.
	type MaxNameLen = ConstU32<256>;
	type WeightInfo = pallet_tx_pause::weights::SubstrateWeight<Runtime>;
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
