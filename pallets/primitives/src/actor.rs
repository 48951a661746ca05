//! Who performed a privileged action.
//!
//! [`Actor`] is the `by` field of every privileged event of the chain's pallets. It is derived
//! from the origin that passed the privileged check ([`Actor::from_origin`]): root, a signing
//! account, or a collective body. When the body is the council, the action is attributed to
//! the *motion* that dispatched it ([`Actor::Motion`], by its proposal hash), whose proposer
//! and voters the council's own events name.
//!
//! ## The motion being dispatched
//!
//! A pallet only sees its origin, and the council's origin
//! (`pallet_collective::RawOrigin::Members(yes, seats)`) does not say which motion it comes
//! from. So the council's proposal type (`pallet_audit::Motion`, a wrapper of the runtime
//! call) records the motion's hash in [`CurrentMotion`] for the time of its dispatch
//! ([`with_motion`]), and [`Actor::from_origin`] reads it. The storage item belongs to no
//! pallet, so that any pallet can read it through this crate.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{dispatch::RawOrigin, sp_runtime::traits::BadOrigin, traits::EnsureOrigin};
use scale_info::TypeInfo;
use sp_core::H256;

/// The council motion being dispatched now, by its proposal hash.
///
/// A well-known storage location that belongs to no pallet: its key is
/// `twox_128(b"UsdxAudit") ++ twox_128(b"CurrentMotion")` (the prefix is taken verbatim; no
/// pallet of the runtime may be named `UsdxAudit` *and* have storage). It is written only by
/// [`with_motion`], which `pallet_audit::Motion` calls around the dispatch of a council
/// motion, and restores its previous value afterwards: it is empty outside a motion's
/// dispatch, so it never outlives the extrinsic and never changes the state root.
///
/// Read it through [`Actor::from_origin`] rather than directly.
#[frame_support::storage_alias(verbatim)]
pub type CurrentMotion = StorageValue<UsdxAudit, H256>;

/// Run `dispatch` as the dispatch of the council motion `hash`: [`CurrentMotion`] is `hash`
/// while it runs, and gets its previous value back afterwards (whether `dispatch` succeeded
/// or not), so that a motion dispatched by another motion is attributed to the inner one
/// only while it runs.
pub fn with_motion<R>(hash: H256, dispatch: impl FnOnce() -> R) -> R {
	let previous = CurrentMotion::get();
	CurrentMotion::put(hash);
	let result = dispatch();
	match previous {
		Some(previous) => CurrentMotion::put(previous),
		None => CurrentMotion::kill(),
	}
	result
}

/// The origin that performed a privileged action, as recorded in events.
///
/// Privileged origins are chosen by the runtime (`EnsureOrigin` associated types), so a pallet
/// cannot assume they are signed. An action is attributed to the signing account when there is
/// one; otherwise to root, to the council motion that dispatched it, or to a collective body.
///
/// The variants keep their indices (new ones are appended), so that recorded events keep
/// their encoding.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum Actor<AccountId> {
	/// The root origin: on this chain, a council motion dispatched through the whitelist
	/// (there is no sudo key), or the chain's own root calls.
	Root,
	/// A single signed account.
	Signed(AccountId),
	/// Any other origin that the runtime accepted outside a council motion: a collective
	/// body whose motion is not known (for example a `pallet-collective` proportion when the
	/// council's proposal type is not `pallet_audit::Motion`), or an unsigned origin.
	Collective,
	/// The council motion being dispatched, by its proposal hash (`pallet_collective`'s
	/// `proposal_hash`). The council's events with that hash (`Proposed`, `Voted`,
	/// `Approved`, `Executed`, `MemberExecuted`) name its proposer and its voters.
	Motion(H256),
}

impl<AccountId> Actor<AccountId> {
	/// Describe an origin that has already passed its `EnsureOrigin` check.
	///
	/// Root and signed origins are themselves; any other origin is the council motion being
	/// dispatched ([`CurrentMotion`]) if there is one, otherwise [`Actor::Collective`].
	///
	/// Works for any runtime origin, since every `frame_system` runtime origin converts into a
	/// `RawOrigin` or gives itself back. For an origin that is neither root nor signed it reads
	/// storage, so it needs externalities (as any dispatch has).
	pub fn from_origin<O>(origin: O) -> Self
	where
		O: Into<Result<RawOrigin<AccountId>, O>>,
	{
		match origin.into() {
			Ok(RawOrigin::Root) => Actor::Root,
			Ok(RawOrigin::Signed(who)) => Actor::Signed(who),
			_ => CurrentMotion::get().map_or(Actor::Collective, Actor::Motion),
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

	use codec::{Decode, Encode};
	use sp_io::TestExternalities;

	const MOTION: H256 = H256::repeat_byte(0x11);
	const INNER: H256 = H256::repeat_byte(0x22);

	fn root() -> Wrapper {
		Wrapper(Ok(RawOrigin::Root))
	}
	fn signed(who: u64) -> Wrapper {
		Wrapper(Ok(RawOrigin::Signed(who)))
	}
	/// A collective origin: neither root nor signed.
	fn collective() -> Wrapper {
		Wrapper(Err(()))
	}

	#[test]
	fn from_raw_origin() {
		TestExternalities::default().execute_with(|| {
			assert_eq!(Actor::from_origin(root()), Actor::Root);
			assert_eq!(Actor::from_origin(signed(7)), Actor::Signed(7));
			assert_eq!(Actor::from_origin(collective()), Actor::<u64>::Collective);
			assert_eq!(Actor::from_origin(Wrapper(Ok(RawOrigin::None))), Actor::<u64>::Collective);
			assert_eq!(Actor::Signed(7u64).account(), Some(&7));
			assert_eq!(Actor::<u64>::Root.account(), None);
			assert_eq!(Actor::<u64>::Motion(MOTION).account(), None);
		});
	}

	#[test]
	fn root_and_signed_need_no_storage() {
		// Outside externalities: reading storage would panic.
		assert_eq!(Actor::from_origin(root()), Actor::Root);
		assert_eq!(Actor::from_origin(signed(7)), Actor::Signed(7));
	}

	#[test]
	fn a_collective_origin_within_a_motion_is_the_motion() {
		TestExternalities::default().execute_with(|| {
			let seen = with_motion(MOTION, || {
				assert_eq!(CurrentMotion::get(), Some(MOTION));
				(
					Actor::from_origin(collective()),
					Actor::from_origin(root()),
					Actor::from_origin(signed(7)),
				)
			});
			assert_eq!(seen, (Actor::Motion(MOTION), Actor::Root, Actor::Signed(7)));
			assert_eq!(CurrentMotion::get(), None);
			assert_eq!(Actor::from_origin(collective()), Actor::<u64>::Collective);
		});
	}

	#[test]
	fn nested_motions_restore_the_outer_one() {
		TestExternalities::default().execute_with(|| {
			let seen = with_motion(MOTION, || {
				let inner = with_motion(INNER, || Actor::<u64>::from_origin(collective()));
				(inner, Actor::<u64>::from_origin(collective()))
			});
			assert_eq!(seen, (Actor::Motion(INNER), Actor::Motion(MOTION)));
			assert!(!CurrentMotion::exists());
		});
	}

	#[test]
	fn the_motion_is_cleared_when_its_dispatch_fails() {
		TestExternalities::default().execute_with(|| {
			let result: Result<(), &str> = with_motion(MOTION, || Err("failed"));
			assert_eq!(result, Err("failed"));
			assert!(!CurrentMotion::exists());
		});
	}

	#[test]
	fn current_motion_lives_at_its_documented_key() {
		let mut key = sp_io::hashing::twox_128(b"UsdxAudit").to_vec();
		key.extend(sp_io::hashing::twox_128(b"CurrentMotion"));
		assert_eq!(CurrentMotion::hashed_key().to_vec(), key);
	}

	#[test]
	fn existing_variants_keep_their_encoding() {
		assert_eq!(Actor::<u64>::Root.encode(), vec![0]);
		assert_eq!(Actor::Signed(7u64).encode(), [vec![1], 7u64.encode()].concat());
		assert_eq!(Actor::<u64>::Collective.encode(), vec![2]);
		let motion = Actor::<u64>::Motion(MOTION);
		assert_eq!(motion.encode(), [vec![3], MOTION.encode()].concat());
		assert_eq!(Actor::<u64>::decode(&mut &motion.encode()[..]), Ok(motion));
	}

	#[test]
	fn ensure_by_checks_the_origin_then_attributes_it() {
		assert_eq!(
			Actor::ensure_by::<OnlyRoot, _>(Wrapper(Ok(RawOrigin::Root))).ok(),
			Some(Actor::Root)
		);
		assert!(Actor::<u64>::ensure_by::<OnlyRoot, _>(Wrapper(Ok(RawOrigin::Signed(7)))).is_err());
		TestExternalities::default().execute_with(|| {
			assert_eq!(
				with_motion(MOTION, || Actor::<u64>::ensure_by::<OnlyCollective, _>(collective()))
					.ok(),
				Some(Actor::Motion(MOTION))
			);
		});
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

	/// A privileged origin that only a collective origin passes.
	struct OnlyCollective;

	impl EnsureOrigin<Wrapper> for OnlyCollective {
		type Success = ();
		fn try_origin(origin: Wrapper) -> Result<(), Wrapper> {
			match origin.0 {
				Err(()) => Ok(()),
				_ => Err(origin),
			}
		}
		#[cfg(feature = "runtime-benchmarks")]
		fn try_successful_origin() -> Result<Wrapper, ()> {
			Ok(Wrapper(Err(())))
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
