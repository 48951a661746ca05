//! Governance: the issuer council (`pallet-collective`), multisig accounts and utility calls.
//!
//! The council is the chain's only governance; there is no sudo key. Decisions take a
//! two-thirds majority of the council ([`CouncilTwoThirds`]); in the one-member development
//! council that is the one member.

use frame_support::{
	parameter_types,
	traits::{ConstU32, EitherOfDiverse},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

use crate::{
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, System, CENTS, DAYS, USDX,
};

/// The council's instance of `pallet-collective`.
pub type CouncilCollective = pallet_collective::Instance1;

/// At least two thirds of the council.
pub type CouncilTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;

/// The origin of governance decisions: two thirds of the council, or root (runtime upgrades
/// and migrations executed by the chain itself).
pub type GovernanceOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;

parameter_types! {
	/// How long a council motion stays open for votes.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// The most weight a council motion may dispatch: half a block.
	pub MaxCouncilProposalWeight: Weight =
		Perbill::from_percent(50) * super::RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<100>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// The council changes its own membership by a two-thirds motion.
	type SetMembersOrigin = GovernanceOrigin;
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
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = System;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}
