//! Who performed a privileged action.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{dispatch::RawOrigin, sp_runtime::traits::BadOrigin, traits::EnsureOrigin};
use scale_info::TypeInfo;

/// The origin that performed a privileged action, as recorded in events.
///
/// Privileged origins are chosen by the runtime (`EnsureOrigin` associated types), so a pallet
/// cannot assume they are signed. An action is attributed to the signing account when there is
/// one; otherwise to root, or to a collective body (for example a `pallet-collective`
/// proportion, whose own events name the members who voted for the motion).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum Actor<AccountId> {
	/// The root origin (the `sudo` key on a development chain, or a root-track referendum).
	Root,
	/// A single signed account.
	Signed(AccountId),
	/// Any other origin that the runtime accepted, typically a council motion.
	Collective,
}

impl<AccountId> Actor<AccountId> {
	/// Describe an origin that has already passed its `EnsureOrigin` check.
	///
	/// Works for any runtime origin, since every `frame_system` runtime origin converts into a
	/// `RawOrigin` or gives itself back.
	pub fn from_origin<O>(origin: O) -> Self
	where
		O: Into<Result<RawOrigin<AccountId>, O>>,
	{
		match origin.into() {
			Ok(RawOrigin::Root) => Actor::Root,
			Ok(RawOrigin::Signed(who)) => Actor::Signed(who),
			_ => Actor::Collective,
		}
	}

	/// Check `origin` against the privileged origin `E` and say who it is: the one step every
	/// privileged call starts with.
	pub fn ensure_by<E, O>(origin: O) -> Result<Self, BadOrigin>
	where
		E: EnsureOrigin<O>,
		O: Clone + Into<Result<RawOrigin<AccountId>, O>>,
	{
		E::ensure_origin(origin.clone())?;
		Ok(Self::from_origin(origin))
	}

	/// The signing account, if the action was performed by one.
	pub fn account(&self) -> Option<&AccountId> {
		match self {
			Actor::Signed(who) => Some(who),
			_ => None,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn from_raw_origin() {
		let root: Result<RawOrigin<u64>, ()> = Ok(RawOrigin::Root);
		assert_eq!(Actor::from_origin(Wrapper(root)), Actor::Root);
		let signed: Result<RawOrigin<u64>, ()> = Ok(RawOrigin::Signed(7));
		assert_eq!(Actor::from_origin(Wrapper(signed)), Actor::Signed(7));
		let other: Result<RawOrigin<u64>, ()> = Err(());
		assert_eq!(Actor::from_origin(Wrapper(other)), Actor::<u64>::Collective);
		assert_eq!(Actor::Signed(7u64).account(), Some(&7));
		assert_eq!(Actor::<u64>::Root.account(), None);
	}

	#[test]
	fn ensure_by_checks_the_origin_then_attributes_it() {
		assert_eq!(
			Actor::ensure_by::<OnlyRoot, _>(Wrapper(Ok(RawOrigin::Root))).ok(),
			Some(Actor::Root)
		);
		assert!(Actor::<u64>::ensure_by::<OnlyRoot, _>(Wrapper(Ok(RawOrigin::Signed(7)))).is_err());
	}

	/// A privileged origin that only root passes.
	struct OnlyRoot;

	impl EnsureOrigin<Wrapper> for OnlyRoot {
		type Success = ();
		fn try_origin(origin: Wrapper) -> Result<(), Wrapper> {
			match origin.0 {
				Ok(RawOrigin::Root) => Ok(()),
				_ => Err(origin),
			}
		}
		#[cfg(feature = "runtime-benchmarks")]
		fn try_successful_origin() -> Result<Wrapper, ()> {
			Ok(Wrapper(Ok(RawOrigin::Root)))
		}
	}

	/// A stand-in for a runtime origin.
	#[derive(Clone)]
	struct Wrapper(Result<RawOrigin<u64>, ()>);

	impl From<Wrapper> for Result<RawOrigin<u64>, Wrapper> {
		fn from(w: Wrapper) -> Self {
			match w.0 {
				Ok(raw) => Ok(raw),
				Err(()) => Err(Wrapper(Err(()))),
			}
		}
	}
}
