//! Governance: the issuer council (`pallet-collective`), its path to the root origin
//! (`pallet-whitelist` with `pallet-preimage`), multisig accounts and utility calls.
//!
//! The council is the chain's only governance; there is no sudo key. Decisions come in three
//! classes, each with its own threshold (see `docs/governance.md`):
//!
//! | class | origin | threshold |
//! | --- | --- | --- |
//! | ordinary: parameters, memberships, allowance, seizures | [`GovernanceOrigin`] | two thirds ([`CouncilTwoThirds`]) |
//! | the validator set, the council's membership | [`SupermajorityOrigin`] | three quarters ([`CouncilThreeQuarters`]) |
//! | root: runtime upgrades, finality recovery, any root-only call | [`WhitelistOrigin`] | three quarters, then dispatched by a member |
//!
//! The path to root: a council motion whitelists the *hash* of a root call
//! (`whitelist.whitelist_call`); then any council member submits the call itself through
//! `council.execute(whitelist.dispatch_whitelisted_call_with_preimage(call))`, and
//! `pallet-whitelist` dispatches it with the root origin. A motion therefore never carries
//! the call, let alone a runtime's code: a runtime upgrade whitelists
//! `system.authorize_upgrade(code_hash)`, and anyone then uploads the code with the feeless
//! `system.apply_authorized_upgrade(code)`.
//!
//! In the one-member development council every threshold is that one member.

use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, ConstU32, EitherOfDiverse, LinearStoragePrice},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

use crate::{
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, System, CENTS, DAYS, USDX,
};

/// The council's instance of `pallet-collective`.
pub type CouncilCollective = pallet_collective::Instance1;

/// At least two thirds of the council.
pub type CouncilTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;

/// At least three quarters of the council: the threshold of decisions that can change the
/// rules of the chain itself (its code, its validators, anything root may do). In a council
/// of three that is all three members.
pub type CouncilThreeQuarters =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 3, 4>;

/// The origin of ordinary governance decisions: two thirds of the council, or root (a
/// whitelisted call, or migrations executed by the chain itself).
pub type GovernanceOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;

/// The origin of decisions about who runs and who governs the chain (the validator set, the
/// council's membership): three quarters of the council, or root. A two-thirds majority
/// could otherwise add members until it reaches the root threshold.
pub type SupermajorityOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilThreeQuarters>;

/// The origin that whitelists a root call: three quarters of the council, recorded with the
/// motion (`Audit.Authorized`: `pallet-whitelist`'s events do not say who decided).
pub type WhitelistOrigin =
	super::roles::Audited<CouncilThreeQuarters, super::roles::WhitelistScope>;

/// The origin that dispatches a whitelisted call: one council member, through
/// `council.execute`. Whitelisting is the decision; dispatching only supplies the call whose
/// hash the council approved. Recorded with the member's `execute` (`Audit.Authorized`).
pub type DispatchWhitelistedOrigin = super::roles::Audited<
	pallet_collective::EnsureMember<AccountId, CouncilCollective>,
	super::roles::WhitelistedDispatchScope,
>;

parameter_types! {
	/// How long a council motion stays open for votes.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// The most weight a council motion may dispatch: half a block.
	pub MaxCouncilProposalWeight: Weight =
		Perbill::from_percent(50) * super::RuntimeBlockWeights::get().max_block;
}

/// A council motion proposes a runtime call; dispatching it records the motion's hash, so
/// that every privileged event it causes names the motion (`Actor::Motion`), whose proposer
/// and voters are in the council's own events.
pub type CouncilProposal = pallet_audit::Motion<RuntimeCall>;

impl pallet_audit::MotionCall for RuntimeCall {}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = CouncilProposal;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<100>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective::WeightInfo<Runtime>;
	/// The council changes its own membership by a three-quarters motion (recorded with the
	/// motion's hash: the collective's `set_members` emits no event of its own).
	type SetMembersOrigin =
		super::roles::Audited<SupermajorityOrigin, super::roles::CouncilMembershipScope>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = GovernanceOrigin;
	type KillOrigin = GovernanceOrigin;
	/// Council members do not lock a deposit to propose.
	type Consideration = ();
}

parameter_types! {
	/// Deposit for creating a multisig operation: base part.
	pub const MultisigDepositBase: Balance = USDX;
	/// Deposit for creating a multisig operation: per signatory.
	pub const MultisigDepositFactor: Balance = 10 * CENTS;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	type MaxSignatories = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = System;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}

parameter_types! {
	/// A deferred whitelisted dispatch (a member dispatched before the motion passed) expires
	/// after a week.
	pub const WhitelistDeferredDispatchExpiration: BlockNumber = 7 * DAYS;
}

impl pallet_whitelist::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WhitelistOrigin = WhitelistOrigin;
	type DispatchWhitelistedOrigin = DispatchWhitelistedOrigin;
	type Preimages = Preimage;
	type DeferredDispatchExpiration = WhitelistDeferredDispatchExpiration;
	type BlockNumberProvider = System;
	type WeightInfo = crate::weights::pallet_whitelist::WeightInfo<Runtime>;
}

parameter_types! {
	/// Deposit held for noting a preimage: base part.
	pub const PreimageBaseDeposit: Balance = 10 * USDX;
	/// Deposit held for noting a preimage: per byte (one USDX per 100 kB).
	pub const PreimageByteDeposit: Balance = 10;
	/// The hold reason of preimage deposits.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
	type Currency = Balances;
	/// Governance may note or drop any preimage without a deposit.
	type ManagerOrigin = GovernanceOrigin;
	/// Anyone else holds a deposit for the bytes they store.
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}
