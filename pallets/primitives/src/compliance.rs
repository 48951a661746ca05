//! The compliance seam: "may this account hold / send / mint / redeem?".
//!
//! `pallet-identity-claims` implements [`Compliance`] from identities, trusted claim issuers,
//! claims and governance rules. The stablecoin pallet asks it before every movement of funds
//! and reports the [`ComplianceError`] it gets back. Neither depends on the other.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Identifier of a claim topic (KYC, KYB, AML screening, ...).
///
/// Two bytes, so that a [`ComplianceError`] naming its topic fits inside a pallet's error
/// (a module error has four bytes: the pallet's error variant, the compliance reason and the
/// topic). Topics are numbered from 1 as governance adds them, so 65,534 of them can ever
/// be registered.
pub type TopicId = u16;

/// An ISO 3166-1 alpha-2 country code, two upper-case ASCII letters, e.g. `*b"US"`.
pub type CountryCode = [u8; 2];

/// Whether `code` looks like an ISO 3166-1 alpha-2 code (two upper-case ASCII letters).
///
/// The list of assigned codes changes over time, so only the shape is checked.
pub fn is_valid_country_code(code: &CountryCode) -> bool {
	code.iter().all(|c| c.is_ascii_uppercase())
}

/// The topics that a chain registers at genesis, with their conventional identifiers.
///
/// Governance may add further topics at run time; these identifiers are the ones that the
/// default genesis configuration of `pallet-identity-claims` uses.
pub mod topics {
	use super::TopicId;

	/// Know-your-customer verification of a natural person.
	pub const KYC: TopicId = 1;
	/// Know-your-business verification of a legal entity.
	pub const KYB: TopicId = 2;
	/// Anti-money-laundering screening.
	pub const AML: TopicId = 3;
	/// Screening against sanctions lists.
	pub const SANCTIONS: TopicId = 4;
	/// Accredited investor or institutional client (needed for bulk mints).
	pub const ACCREDITED: TopicId = 5;

	/// The standard topics with their names, in identifier order.
	pub const STANDARD: [(TopicId, &[u8]); 5] = [
		(KYC, b"KYC"),
		(KYB, b"KYB"),
		(AML, b"AML screening"),
		(SANCTIONS, b"Sanctions screening"),
		(ACCREDITED, b"Accredited / institutional"),
	];
}

/// An operation on the stablecoin that compliance rules can gate.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub enum Operation {
	/// Hold a balance and receive funds.
	Hold,
	/// Send funds to another account.
	Send,
	/// Request a mint (fiat in, tokens out).
	Mint,
	/// Request a redemption (tokens in, fiat out).
	Redeem,
	/// Request a bulk mint (institutional limits and fees).
	BulkMint,
}

impl Operation {
	/// Every operation, in a fixed order.
	pub const ALL: [Operation; 5] =
		[Operation::Hold, Operation::Send, Operation::Mint, Operation::Redeem, Operation::BulkMint];
}

/// Why an account may not perform an operation.
///
/// The first failing condition is reported, in this order: identity, blocked jurisdiction,
/// each topic the rule for the identity's kind requires, each extra topic its jurisdiction
/// requires, then the jurisdiction's limit on the amount.
///
/// It is a [`PalletError`](frame_support::PalletError): a pallet reports it inside its own
/// error (for example `pallet_stablecoin::Error::SenderNotCompliant(reason)`), so that the
/// reason and its topic reach the caller.
#[derive(
	frame_support::PalletError,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
pub enum ComplianceError {
	/// The account does not belong to any identity.
	NoIdentity,
	/// The identity's jurisdiction is on the blocked list.
	JurisdictionBlocked,
	/// The identity has no claim for a required topic.
	ClaimMissing {
		/// The required topic.
		topic: TopicId,
	},
	/// The claim for a required topic has expired.
	ClaimExpired {
		/// The required topic.
		topic: TopicId,
	},
	/// The claim for a required topic was revoked by its issuer.
	ClaimRevoked {
		/// The required topic.
		topic: TopicId,
	},
	/// The claim's issuer is no longer trusted for the topic.
	IssuerNotTrusted {
		/// The required topic.
		topic: TopicId,
	},
	/// A required topic has been retired, so no claim for it is valid.
	TopicRetired {
		/// The required topic.
		topic: TopicId,
	},
	/// The amount is above the limit the identity's jurisdiction sets for the operation
	/// (the limit itself is in the jurisdiction's rule, queryable from the runtime API).
	AboveJurisdictionLimit,
}

/// Answers whether an account may perform an [`Operation`] now.
///
/// Implementations must be cheap and bounded: they are called on every transfer, mint and
/// redemption. Only [`Compliance::check`] must be written; the `can_*` helpers forward to it.
pub trait Compliance<AccountId> {
	/// `Ok(())` if `who` may perform `operation` now, otherwise the reason it may not.
	///
	/// Limits on the amount are not judged here: see [`Compliance::check_amount`].
	fn check(who: &AccountId, operation: Operation) -> Result<(), ComplianceError>;

	/// Like [`Compliance::check`], and also whether `amount` (in the ledger's smallest units)
	/// is within the limit that `who`'s jurisdiction sets for `operation`, if it sets one.
	///
	/// What the amount is depends on the operation: for [`Operation::Send`], what one payment
	/// sends; for [`Operation::Mint`], [`Operation::BulkMint`] and [`Operation::Redeem`], the
	/// amount of one request; for [`Operation::Hold`], the balance `who` would have after
	/// receiving. The default knows no limits and forwards to [`Compliance::check`].
	fn check_amount(
		who: &AccountId,
		operation: Operation,
		amount: u128,
	) -> Result<(), ComplianceError> {
		let _ = amount;
		Self::check(who, operation)
	}

	/// May `who` hold a balance and receive funds?
	fn can_hold(who: &AccountId) -> Result<(), ComplianceError> {
		Self::check(who, Operation::Hold)
	}

	/// May `who` send funds?
	fn can_send(who: &AccountId) -> Result<(), ComplianceError> {
		Self::check(who, Operation::Send)
	}

	/// May `who` request a mint?
	fn can_mint(who: &AccountId) -> Result<(), ComplianceError> {
		Self::check(who, Operation::Mint)
	}

	/// May `who` request a redemption?
	fn can_redeem(who: &AccountId) -> Result<(), ComplianceError> {
		Self::check(who, Operation::Redeem)
	}

	/// May `who` request a bulk mint?
	fn can_bulk_mint(who: &AccountId) -> Result<(), ComplianceError> {
		Self::check(who, Operation::BulkMint)
	}

	/// Make `who` pass every operation, for the benchmarks of pallets that consume this trait.
	///
	/// Implementations should set up the most expensive passing case (every required claim
	/// present and valid). The default does nothing.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_compliant(_who: &AccountId) {}
}

/// Identifier of an identity (a client of the issuer), as `pallet-identity-claims` assigns it.
pub type IdentityId = u64;

/// The accounts that belong to one client, for actions that apply to the client as a whole
/// (freezing an identity freezes every one of its accounts).
///
/// Implemented by `pallet-identity-claims`; the number of accounts returned is bounded by that
/// pallet's `MaxAccountsPerIdentity`.
pub trait IdentityAccounts<AccountId> {
	/// The identity that `who` belongs to, if any.
	fn identity_id_of(who: &AccountId) -> Option<IdentityId>;

	/// Every account linked to `identity` (empty if there is no such identity).
	fn accounts_of(identity: IdentityId) -> Vec<AccountId>;
}

/// Allows every account every operation. For tests of consuming pallets only.
pub struct AllowAll;

impl<AccountId> Compliance<AccountId> for AllowAll {
	fn check(_who: &AccountId, _operation: Operation) -> Result<(), ComplianceError> {
		Ok(())
	}
}

/// Refuses every account every operation with [`ComplianceError::NoIdentity`]. For tests.
pub struct DenyAll;

impl<AccountId> Compliance<AccountId> for DenyAll {
	fn check(_who: &AccountId, _operation: Operation) -> Result<(), ComplianceError> {
		Err(ComplianceError::NoIdentity)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	struct OnlyHold;
	impl Compliance<u64> for OnlyHold {
		fn check(_who: &u64, operation: Operation) -> Result<(), ComplianceError> {
			match operation {
				Operation::Hold => Ok(()),
				_ => Err(ComplianceError::ClaimMissing { topic: topics::KYC }),
			}
		}
	}

	#[test]
	fn helpers_forward_to_check() {
		assert_eq!(OnlyHold::can_hold(&1), Ok(()));
		for refused in [
			OnlyHold::can_send(&1),
			OnlyHold::can_mint(&1),
			OnlyHold::can_redeem(&1),
			OnlyHold::can_bulk_mint(&1),
		] {
			assert_eq!(refused, Err(ComplianceError::ClaimMissing { topic: topics::KYC }));
		}
		assert_eq!(<AllowAll as Compliance<u64>>::can_mint(&1), Ok(()));
		assert_eq!(<DenyAll as Compliance<u64>>::can_hold(&1), Err(ComplianceError::NoIdentity));
	}

	#[test]
	fn country_codes() {
		assert!(is_valid_country_code(b"US"));
		assert!(!is_valid_country_code(b"us"));
		assert!(!is_valid_country_code(b"U1"));
		assert!(!is_valid_country_code(&[0, 0]));
	}

	#[test]
	fn codec_sizes_are_small() {
		assert_eq!(Operation::max_encoded_len(), 1);
		assert_eq!(ComplianceError::max_encoded_len(), 3);
		assert_eq!(
			<ComplianceError as frame_support::traits::PalletError>::MAX_ENCODED_SIZE,
			ComplianceError::max_encoded_len()
		);
		let e = ComplianceError::ClaimExpired { topic: 3 };
		assert_eq!(ComplianceError::decode(&mut &e.encode()[..]).unwrap(), e);
	}
}
