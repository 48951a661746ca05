//! The traits this pallet implements for other pallets.

use crate::*;
use stablecoin_primitives::{Compliance, ComplianceError, IdentityAccounts, Operation};

/// The stablecoin pallet's view of compliance: identities, claims and rules of this pallet.
impl<T: Config> Compliance<T::AccountId> for Pallet<T> {
	/// From the kept status ([`Pallet::check_kept`]): one read per account.
	fn check(who: &T::AccountId, operation: Operation) -> Result<(), ComplianceError> {
		Self::check_kept(who, operation, None)
	}

	/// From the kept status ([`Pallet::check_kept`]): one read per account.
	fn check_amount(
		who: &T::AccountId,
		operation: Operation,
		amount: u128,
	) -> Result<(), ComplianceError> {
		Self::check_kept(who, operation, Some(amount))
	}

	/// Link `who` to an identity (if it has none) in a jurisdiction that is not blocked, give
	/// every operation a rule for its kind (an empty one, identity only, where none is
	/// configured) and a rule for its jurisdiction (where none is configured), and give that
	/// identity a valid claim for every topic that any operation requires for its kind or its
	/// jurisdiction, each from an issuer trusted for it. Retired topics cannot be satisfied.
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
			// The jurisdiction's rule is read and judged on every check: give it one (repeating
			// the kind's topics, with a limit that never binds) if it has none.
			let local =
				JurisdictionRules::<T>::get(info.jurisdiction, operation).unwrap_or_else(|| {
					let rule = JurisdictionRule {
						extra_topics: BoundedVec::truncate_from(required.to_vec()),
						max_amount: Some(u128::MAX),
					};
					JurisdictionRules::<T>::insert(info.jurisdiction, operation, &rule);
					rule
				});
			let mut topics = required.into_inner();
			topics.extend(local.extra_topics);
			for topic in topics {
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
		Self::refresh_identity(identity);
	}
}

/// Which accounts belong to one client: the stablecoin pallet freezes them together.
impl<T: Config> IdentityAccounts<T::AccountId> for Pallet<T> {
	/// From the account's kept compliance status when it has one (which names its identity,
	/// current or stale: see [`ComplianceStatuses`]), which a payment has already read for its
	/// compliance check; from the reverse index otherwise.
	fn identity_id_of(who: &T::AccountId) -> Option<IdentityId> {
		match ComplianceStatuses::<T>::get(who) {
			Some(status) => Some(status.identity),
			None => AccountIdentity::<T>::get(who),
		}
	}

	fn accounts_of(identity: IdentityId) -> alloc::vec::Vec<T::AccountId> {
		Identities::<T>::get(identity).map(|info| info.accounts.into_inner()).unwrap_or_default()
	}
}
