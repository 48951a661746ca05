//! # Audit pallet
//!
//! The USDX chain's audit trail of privileged actions whose upstream pallets do not name the
//! actor, and the council proposal type that names the motion behind an action.
//!
//! ## Overview
//!
//! Every privileged event of the chain's own pallets says who acted (`by:`
//! [`Actor`]). Upstream pallets do not: `pallet-membership`'s `MemberAdded` or
//! `pallet-tx-pause`'s `CallPaused` carry no actor, and a council motion reaches every pallet
//! as the same anonymous `pallet_collective::RawOrigin::Members(yes, seats)`. This crate fills
//! both gaps:
//!
//! - [`AuditedOrigin`] wraps the privileged origin of an upstream pallet (an `AddOrigin`, a
//!   `PauseOrigin`, ...). When the origin check passes, it deposits
//!   [`Event::Authorized`] `{ scope, by }`: what was authorized (a [`Config::Scope`] the
//!   runtime names, such as "the guardians' membership") and by whom. The upstream pallet's
//!   own event follows in the same extrinsic and says what was done.
//! - [`Motion`] wraps the runtime call as the council's proposal type. While a motion is
//!   dispatched, [`CurrentMotion`](stablecoin_primitives::CurrentMotion) holds its proposal
//!   hash, so [`Actor::from_origin`] (and thus every `by:` field, ours and
//!   [`Event::Authorized`]'s) names the motion, [`Actor::Motion`]`(hash)`, rather than "the
//!   collective". The council's own events with that hash (`Proposed`, `Voted`, `Approved`,
//!   `Executed`, `MemberExecuted`) show who proposed the motion and who voted for it.
//!
//! The pallet has no calls and no storage: only the event.
//!
//! ## Primary features
//!
//! - **Names the actor.** [`Event::Authorized`] names the signer, root, or the council motion
//!   whose origin passed the check.
//! - **Only what happened.** The event is deposited inside the dispatch, at the origin check:
//!   FRAME dispatches are transactional, so if the call fails after the check, the event is
//!   reverted with the rest of the call. A failed check deposits nothing.
//! - **Transparent motions.** [`Motion`] encodes, decodes, hashes and describes itself
//!   (`TypeInfo`) exactly as the call it wraps: extrinsics, stored proposals and proposal
//!   hashes do not change when a runtime adopts it.
//!
//! ## Example
//!
//! In the runtime (the tests in `src/tests/` do the same with a mock runtime):
//!
//! ```ignore
//! impl pallet_collective::Config<CouncilCollective> for Runtime {
//!     type Proposal = pallet_audit::Motion<RuntimeCall>;
//!     // ...
//! }
//! impl pallet_audit::MotionCall for RuntimeCall {}
//!
//! #[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking,
//!          TypeInfo, MaxEncodedLen)]
//! pub enum AuditScope { GuardiansMembership, TxPause, TxUnpause }
//!
//! impl pallet_audit::Config for Runtime {
//!     type Scope = AuditScope;
//! }
//!
//! parameter_types! {
//!     pub const GuardiansScope: AuditScope = AuditScope::GuardiansMembership;
//! }
//! impl pallet_membership::Config<GuardiansInstance> for Runtime {
//!     type AddOrigin = pallet_audit::AuditedOrigin<Runtime, GovernanceOrigin, GuardiansScope>;
//!     // ...
//! }
//! ```
//!
//! A council motion that adds a guardian then emits, in order: `Council::Approved { hash }`,
//! `Audit::Authorized { scope: GuardiansMembership, by: Actor::Motion(hash) }`,
//! `Guardians::MemberAdded`, `Council::Executed { hash, .. }`.
//!
//! ## Low-level details
//!
//! - **Where to use [`AuditedOrigin`].** Only for origins that are checked inside a dispatch
//!   (a call's `ensure_origin`), which is where upstream pallets check their privileged
//!   origins. An origin checked elsewhere (in a transaction extension's validation, in a
//!   hook, in a runtime API) would deposit the event outside any call, or not at all.
//! - **Combinators.** `EitherOf<AuditedOrigin<..>, X>` audits only when the audited side
//!   passes; wrap the whole combination (`AuditedOrigin<T, EitherOf<..>, S>`) to audit
//!   every way through. Do not wrap an origin whose pallet already names the actor: the
//!   chain's own pallets do, and would record the action twice.
//! - **Weight.** The event is deposited without weight of its own; the upstream pallet's
//!   benchmarks do not include it. An event is a small fraction of any privileged call.
//! - **Motions.** [`Motion`] hashes with BlakeTwo256, which matches the collective's
//!   `proposal_hash` when `frame_system::Config::Hashing` is `BlakeTwo256`. A call that a
//!   council member dispatches alone (`council.execute`) is a motion too: it is attributed
//!   to the hash of its `MemberExecuted` event, whose signer is the extrinsic's.
//! - **Metadata.** `Motion<Call>`'s type information is the call's, but the collective's
//!   `Box<Proposal>` call argument has `TypeInfo::Identity = Motion<Call>`, so the metadata
//!   registry holds a second entry identical to the runtime call type (same path, same
//!   variants), which the proposal argument refers to.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]

#[cfg(test)]
mod mock;
mod motion;
#[cfg(test)]
mod tests;

pub use motion::{Motion, MotionCall};
pub use pallet::*;

use core::marker::PhantomData;
use frame_support::traits::{EnsureOrigin, Get};
use stablecoin_primitives::Actor;

/// Who performed a privileged action, in runtime `T`.
pub type ActorOf<T> = Actor<<T as frame_system::Config>::AccountId>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// What an [`AuditedOrigin`] authorized, as the runtime names it: typically an enum
		/// with one variant per audited origin (for example the fiat desk's membership, the
		/// guardians' membership, pausing calls).
		type Scope: Parameter + MaxEncodedLen + Copy;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `by` passed the privileged origin check of `scope`, in a call that succeeded. The
		/// next events of the extrinsic (from the pallet that checked the origin) say what it
		/// did.
		Authorized { scope: T::Scope, by: ActorOf<T> },
	}
}

/// The privileged origin `O`, audited: when `O` accepts an origin, deposits
/// [`Event::Authorized`] `{ scope: S::get(), by }` naming who it was
/// ([`Actor::from_origin`]), and succeeds with `O`'s success value. When `O` refuses the
/// origin, it refuses it too and deposits nothing.
///
/// The event is deposited at the origin check, inside the call's dispatch, so it is reverted
/// with the call if the call fails (FRAME dispatches are transactional). Use it only for
/// origins checked inside a dispatch (see the crate docs, "Low-level details").
pub struct AuditedOrigin<T, O, S>(PhantomData<(T, O, S)>);

impl<T, O, S> EnsureOrigin<T::RuntimeOrigin> for AuditedOrigin<T, O, S>
where
	T: Config,
	O: EnsureOrigin<T::RuntimeOrigin>,
	S: Get<T::Scope>,
{
	type Success = O::Success;

	fn try_origin(origin: T::RuntimeOrigin) -> Result<O::Success, T::RuntimeOrigin> {
		let by = origin.clone();
		let success = O::try_origin(origin)?;
		Pallet::<T>::deposit_event(Event::Authorized {
			scope: S::get(),
			by: Actor::from_origin(by),
		});
		Ok(success)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		O::try_successful_origin()
	}
}
