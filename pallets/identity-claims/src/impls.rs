//! The traits this pallet implements for other pallets.

use crate::*;
use stablecoin_primitives::{Compliance, ComplianceError, IdentityAccounts, Operation};

/// The stablecoin pallet's view of compliance: identities, claims and rules of this pallet.
impl<T: Config> Compliance<T::AccountId> for Pallet<T> {
	fn check(who: &T::AccountId, operation: Operation) -> Result<(), ComplianceError> {
		Self::check_operation(who, operation)
	}

	/// Link `who` to an identity (if it has none) in a jurisdiction that is not blocked, give
	/// every operation a rule for its kind (an empty one, identity only, where none is
	/// configured) and give that identity a valid claim for every topic that any operation
	/// requires for its kind, each from an issuer trusted for it. Retired topics cannot be
	/// satisfied.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_compliant(who: &T::AccountId) {
		use codec::{Decode, Encode};
		use frame_support::traits::Get;
		use sp_runtime::traits::TrailingZeroInput;

		let identity = match AccountIdentity::<T>::get(who) {
			Some(identity) => identity,
			None => {
				// The kind with the most required topics is the most expensive to check.
				let kind = IdentityKind::ALL
					.into_iter()
					.max_by_key(|kind| {
						Operation::ALL
							.iter()
							.map(|op| RequiredTopics::<T>::get(op, kind).map_or(0, |t| t.len()))
							.sum::<usize>()
					})
					.unwrap_or(IdentityKind::Person);
				Self::do_register_identity(kind, *b"ZZ", who.clone(), Actor::Root)
					.expect("benchmark account is not linked yet; qed")
			}
		};
		let info = Identities::<T>::get(identity).expect("linked account has an identity; qed");
		BlockedJurisdictions::<T>::mutate(|list| list.retain(|code| code != &info.jurisdiction));

		for operation in Operation::ALL {
			let required = RequiredTopics::<T>::get(operation, info.kind).unwrap_or_else(|| {
				RequiredTopics::<T>::insert(operation, info.kind, RequiredTopicsOf::<T>::new());
				Default::default()
			});
			for topic in required {
				let seed = (b"identity-claims/benchmark-issuer", topic).encode();
				let issuer = T::AccountId::decode(&mut TrailingZeroInput::new(&seed))
					.expect("infinite input; qed");
				TrustedIssuers::<T>::mutate(&issuer, |maybe| {
					let topics = maybe.get_or_insert_with(Default::default);
					if let Err(position) = topics.binary_search(&topic) {
						if (topics.len() as u32) < T::MaxTopicsPerIssuer::get() {
							let _ = topics.try_insert(position, topic);
						}
					}
				});
				Claims::<T>::insert(
					identity,
					topic,
					Claim {
						issuer,
						issued_at: 0,
						expires_at: Moment::MAX,
						evidence: Default::default(),
						revoked_at: None,
					},
				);
			}
		}
	}
}

/// Which accounts belong to one client: the stablecoin pallet freezes them together.
impl<T: Config> IdentityAccounts<T::AccountId> for Pallet<T> {
	fn identity_id_of(who: &T::AccountId) -> Option<IdentityId> {
		AccountIdentity::<T>::get(who)
	}

	fn accounts_of(identity: IdentityId) -> alloc::vec::Vec<T::AccountId> {
		Identities::<T>::get(identity).map(|info| info.accounts.into_inner()).unwrap_or_default()
	}
}
