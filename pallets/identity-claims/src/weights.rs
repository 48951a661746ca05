//! Weights for `pallet_identity_claims`.
//!
//! PLACEHOLDER FILE — NOT MEASURED. It has the shape that `frame-benchmarking-cli`'s
//! `benchmark pallet` command writes with the FRAME pallet weight template (a `WeightInfo`
//! trait, `SubstrateWeight<T>` using the runtime's `DbWeight`, and `()` using `RocksDbWeight`),
//! but no benchmark has been run yet:
//!
//! - the storage reads and writes counted below are taken from the code of each call;
//! - every `Weight::from_parts(..)` number (base execution time, per-component slopes and
//!   proof sizes) is a conservative placeholder.
//!
//! Regenerate this file on reference hardware with `scripts/bench-weights.sh` (which runs the
//! benchmarks in `src/benchmarking.rs`) before any production use.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(dead_code)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_identity_claims`.
pub trait WeightInfo {
	fn register_identity() -> Weight;
	fn add_account() -> Weight;
	fn remove_account() -> Weight;
	fn update_identity() -> Weight;
	fn delete_identity(a: u32, c: u32, ) -> Weight;
	fn add_topic() -> Weight;
	fn retire_topic() -> Weight;
	fn add_trusted_issuer(t: u32, ) -> Weight;
	fn update_issuer_topics(t: u32, ) -> Weight;
	fn remove_trusted_issuer() -> Weight;
	fn set_required_topics(t: u32, ) -> Weight;
	fn block_jurisdiction() -> Weight;
	fn unblock_jurisdiction() -> Weight;
	fn issue_claim() -> Weight;
	fn revoke_claim() -> Weight;
}

/// Weights for `pallet_identity_claims` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `IdentityClaims::AccountIdentity` (r:1 w:1)
	/// Storage: `IdentityClaims::NextIdentityId` (r:1 w:1)
	/// Storage: `IdentityClaims::IdentityCount` (r:1 w:1)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Storage: `IdentityClaims::Identities` (r:0 w:1)
	fn register_identity() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(40_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `IdentityClaims::Identities` (r:1 w:1)
	/// Storage: `IdentityClaims::AccountIdentity` (r:1 w:1)
	fn add_account() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(40_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `IdentityClaims::AccountIdentity` (r:1 w:1)
	/// Storage: `IdentityClaims::Identities` (r:1 w:1)
	fn remove_account() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(40_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `IdentityClaims::Identities` (r:1 w:1)
	fn update_identity() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `IdentityClaims::Identities` (r:1 w:1)
	/// Storage: `IdentityClaims::IdentityCount` (r:1 w:1)
	/// Storage: `IdentityClaims::AccountIdentity` (r:0 w:a)
	/// Storage: `IdentityClaims::Claims` (r:0 w:c)
	/// The range of component `a` is `[1, MaxAccountsPerIdentity]` (the upper bound is `T::MaxAccountsPerIdentity` / the runtime's value).
	/// The range of component `c` is `[0, MaxTopics]` (the upper bound is `T::MaxTopics` / the runtime's value).
	fn delete_identity(a: u32, c: u32, ) -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(50_000_000, 4000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(c.into())))
	}
	/// Storage: `IdentityClaims::TopicCount` (r:1 w:1)
	/// Storage: `IdentityClaims::NextTopicId` (r:1 w:1)
	/// Storage: `IdentityClaims::Topics` (r:0 w:1)
	fn add_topic() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 2000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `IdentityClaims::Topics` (r:1 w:1)
	fn retire_topic() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 2000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `IdentityClaims::TrustedIssuers` (r:1 w:1)
	/// Storage: `IdentityClaims::Topics` (r:t w:0)
	/// The range of component `t` is `[1, MaxTopicsPerIssuer]` (the upper bound is `T::MaxTopicsPerIssuer` / the runtime's value).
	fn add_trusted_issuer(t: u32, ) -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(35_000_000, 2000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(t.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(t.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2000).saturating_mul(t.into()))
	}
	/// Storage: `IdentityClaims::TrustedIssuers` (r:1 w:1)
	/// Storage: `IdentityClaims::Topics` (r:t w:0)
	/// The range of component `t` is `[1, MaxTopicsPerIssuer]` (the upper bound is `T::MaxTopicsPerIssuer` / the runtime's value).
	fn update_issuer_topics(t: u32, ) -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(35_000_000, 2000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(t.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(t.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2000).saturating_mul(t.into()))
	}
	/// Storage: `IdentityClaims::TrustedIssuers` (r:1 w:1)
	fn remove_trusted_issuer() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 2000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `IdentityClaims::RequiredTopics` (r:1 w:1)
	/// Storage: `IdentityClaims::Topics` (r:t w:0)
	/// The range of component `t` is `[0, MaxRequiredTopics]` (the upper bound is `T::MaxRequiredTopics` / the runtime's value).
	fn set_required_topics(t: u32, ) -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(35_000_000, 2000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(t.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(t.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2000).saturating_mul(t.into()))
	}
	/// Storage: `IdentityClaims::BlockedJurisdictions` (r:1 w:1)
	fn block_jurisdiction() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 2000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `IdentityClaims::BlockedJurisdictions` (r:1 w:1)
	fn unblock_jurisdiction() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 2000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `IdentityClaims::Identities` (r:1 w:0)
	/// Storage: `IdentityClaims::Topics` (r:1 w:0)
	/// Storage: `IdentityClaims::TrustedIssuers` (r:1 w:0)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Storage: `IdentityClaims::Claims` (r:0 w:1)
	fn issue_claim() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(45_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Storage: `IdentityClaims::Claims` (r:1 w:1)
	fn revoke_claim() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(35_000_000, 2000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	/// Storage: `IdentityClaims::AccountIdentity` (r:1 w:1)
	/// Storage: `IdentityClaims::NextIdentityId` (r:1 w:1)
	/// Storage: `IdentityClaims::IdentityCount` (r:1 w:1)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Storage: `IdentityClaims::Identities` (r:0 w:1)
	fn register_identity() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(40_000_000, 4000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	/// Storage: `IdentityClaims::Identities` (r:1 w:1)
	/// Storage: `IdentityClaims::AccountIdentity` (r:1 w:1)
	fn add_account() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(40_000_000, 4000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// Storage: `IdentityClaims::AccountIdentity` (r:1 w:1)
	/// Storage: `IdentityClaims::Identities` (r:1 w:1)
	fn remove_account() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(40_000_000, 4000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// Storage: `IdentityClaims::Identities` (r:1 w:1)
	fn update_identity() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 4000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `IdentityClaims::Identities` (r:1 w:1)
	/// Storage: `IdentityClaims::IdentityCount` (r:1 w:1)
	/// Storage: `IdentityClaims::AccountIdentity` (r:0 w:a)
	/// Storage: `IdentityClaims::Claims` (r:0 w:c)
	/// The range of component `a` is `[1, MaxAccountsPerIdentity]` (the upper bound is `T::MaxAccountsPerIdentity` / the runtime's value).
	/// The range of component `c` is `[0, MaxTopics]` (the upper bound is `T::MaxTopics` / the runtime's value).
	fn delete_identity(a: u32, c: u32, ) -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(50_000_000, 4000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(c.into())))
	}
	/// Storage: `IdentityClaims::TopicCount` (r:1 w:1)
	/// Storage: `IdentityClaims::NextTopicId` (r:1 w:1)
	/// Storage: `IdentityClaims::Topics` (r:0 w:1)
	fn add_topic() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 2000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	/// Storage: `IdentityClaims::Topics` (r:1 w:1)
	fn retire_topic() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 2000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `IdentityClaims::TrustedIssuers` (r:1 w:1)
	/// Storage: `IdentityClaims::Topics` (r:t w:0)
	/// The range of component `t` is `[1, MaxTopicsPerIssuer]` (the upper bound is `T::MaxTopicsPerIssuer` / the runtime's value).
	fn add_trusted_issuer(t: u32, ) -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(35_000_000, 2000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(t.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(t.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2000).saturating_mul(t.into()))
	}
	/// Storage: `IdentityClaims::TrustedIssuers` (r:1 w:1)
	/// Storage: `IdentityClaims::Topics` (r:t w:0)
	/// The range of component `t` is `[1, MaxTopicsPerIssuer]` (the upper bound is `T::MaxTopicsPerIssuer` / the runtime's value).
	fn update_issuer_topics(t: u32, ) -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(35_000_000, 2000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(t.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(t.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2000).saturating_mul(t.into()))
	}
	/// Storage: `IdentityClaims::TrustedIssuers` (r:1 w:1)
	fn remove_trusted_issuer() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 2000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `IdentityClaims::RequiredTopics` (r:1 w:1)
	/// Storage: `IdentityClaims::Topics` (r:t w:0)
	/// The range of component `t` is `[0, MaxRequiredTopics]` (the upper bound is `T::MaxRequiredTopics` / the runtime's value).
	fn set_required_topics(t: u32, ) -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(35_000_000, 2000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(t.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(t.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2000).saturating_mul(t.into()))
	}
	/// Storage: `IdentityClaims::BlockedJurisdictions` (r:1 w:1)
	fn block_jurisdiction() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 2000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `IdentityClaims::BlockedJurisdictions` (r:1 w:1)
	fn unblock_jurisdiction() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(30_000_000, 2000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `IdentityClaims::Identities` (r:1 w:0)
	/// Storage: `IdentityClaims::Topics` (r:1 w:0)
	/// Storage: `IdentityClaims::TrustedIssuers` (r:1 w:0)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Storage: `IdentityClaims::Claims` (r:0 w:1)
	fn issue_claim() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(45_000_000, 6000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Storage: `IdentityClaims::Claims` (r:1 w:1)
	fn revoke_claim() -> Weight {
		// PLACEHOLDER: not measured. Regenerate with `scripts/bench-weights.sh`.
		Weight::from_parts(35_000_000, 2000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
