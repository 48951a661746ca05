//! [`Motion`]: the council's proposal type, which names the motion while it is dispatched.

use codec::{Decode, DecodeWithMemTracking, Encode};
use core::ops::Deref;
use frame_support::dispatch::{DispatchInfo, GetDispatchInfo};
use scale_info::{Type, TypeInfo};
use sp_core::H256;
use sp_runtime::{
	traits::{BlakeTwo256, Dispatchable, Hash},
	DispatchResultWithInfo,
};
use stablecoin_primitives::actor::with_motion;

/// A council motion: the runtime call that a `pallet-collective` instance dispatches, wrapped
/// so that the pallets it reaches can tell which motion is acting
/// ([`Actor::Motion`](stablecoin_primitives::Actor::Motion)).
///
/// Use it as the council's proposal type: `type Proposal = Motion<RuntimeCall>`.
///
/// - **Same bytes.** It encodes and decodes exactly as the call it wraps, and its type
///   information *is* the call's (`TypeInfo::Identity` is `Call`), so wallets submit the same
///   `council.propose` extrinsics, motions stored before the change still decode, and the
///   collective's proposal hash (`T::Hashing::hash_of(&proposal)`) does not change.
/// - **Names the motion.** [`Dispatchable::dispatch`] dispatches the call with
///   [`CurrentMotion`](stablecoin_primitives::CurrentMotion) set to [`Motion::hash`], then
///   restores the previous value (so motions may nest), whether the call succeeded or not.
///   [`Actor::from_origin`](stablecoin_primitives::Actor::from_origin) then attributes
///   the collective's origin to `Actor::Motion(hash)`.
/// - **Same dispatch.** Origin, dispatch information and post-dispatch information are the
///   call's; the call's own origin filter still applies.
///
/// The hash is BlakeTwo256 of the encoding, which equals the collective's `proposal_hash` when
/// the runtime's `frame_system::Config::Hashing` is `BlakeTwo256` (as in every runtime of
/// this chain). The dispatch also reads and writes the one storage item `CurrentMotion`
/// (written twice in the overlay, empty again afterwards, so nothing reaches the state);
/// that small cost is not added to the call's weight.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking)]
pub struct Motion<Call>(pub Call);

impl<Call> Motion<Call> {
	/// Wrap `call` as a council motion.
	pub fn new(call: Call) -> Self {
		Motion(call)
	}

	/// The call that the motion dispatches.
	pub fn into_inner(self) -> Call {
		self.0
	}
}

impl<Call: Encode> Motion<Call> {
	/// The motion's hash, as [`CurrentMotion`](stablecoin_primitives::CurrentMotion) holds it
	/// during its dispatch: BlakeTwo256 of its encoding (which is the call's encoding).
	pub fn hash(&self) -> H256 {
		BlakeTwo256::hash_of(&self.0)
	}
}

impl<Call> Deref for Motion<Call> {
	type Target = Call;

	fn deref(&self) -> &Call {
		&self.0
	}
}

impl<Call: TypeInfo + 'static> TypeInfo for Motion<Call> {
	/// The call itself: the metadata shows the call type (`RuntimeCall`), not a wrapper.
	type Identity = Call;

	fn type_info() -> Type {
		Call::type_info()
	}
}

impl<Call> Dispatchable for Motion<Call>
where
	Call: Dispatchable + Encode,
{
	type RuntimeOrigin = Call::RuntimeOrigin;
	type Config = Call::Config;
	type Info = Call::Info;
	type PostInfo = Call::PostInfo;

	/// Dispatch the call with [`CurrentMotion`](stablecoin_primitives::CurrentMotion) set to
	/// this motion's hash, restoring its previous value afterwards.
	fn dispatch(self, origin: Self::RuntimeOrigin) -> DispatchResultWithInfo<Self::PostInfo> {
		let hash = self.hash();
		with_motion(hash, || self.0.dispatch(origin))
	}
}

impl<Call: GetDispatchInfo> GetDispatchInfo for Motion<Call> {
	/// The call's dispatch information.
	fn get_dispatch_info(&self) -> DispatchInfo {
		self.0.get_dispatch_info()
	}
}

/// Marks the runtime's call type, to give [`Motion`] a `From<Call>` conversion:
/// `impl pallet_audit::MotionCall for RuntimeCall {}` in the runtime.
///
/// `pallet-collective` requires `From<frame_system::Call<Runtime>>` of its proposal type, and
/// a plain `impl<Call> From<Call> for Motion<Call>` would overlap with that conversion (when
/// `Call` is itself a `frame_system::Call`). Coherence accepts the two only if `From<Call>` is
/// limited to call types that `frame_system::Call` provably is not: the implementors of this
/// trait, which no crate but this one could implement it for. Without it, wrap calls with
/// [`Motion::new`] (or `Motion(call)`).
pub trait MotionCall {}

impl<Call: MotionCall> From<Call> for Motion<Call> {
	fn from(call: Call) -> Self {
		Motion(call)
	}
}

/// `frame_system` calls as motions, which `pallet-collective` requires of its proposal type.
impl<Call, R> From<frame_system::Call<R>> for Motion<Call>
where
	Call: From<frame_system::Call<R>>,
	R: frame_system::Config,
{
	fn from(call: frame_system::Call<R>) -> Self {
		Motion(call.into())
	}
}
