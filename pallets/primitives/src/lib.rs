//! # Stablecoin primitives
//!
//! The types and traits that the USDX chain's pallets share. Pallets never reach into each
//! other's storage: a pallet that others depend on implements a small trait defined here, a
//! consumer takes that trait as an associated type in its `Config`, and the runtime wires the
//! two together. Mocks in tests implement the same trait in a few lines.
//!
//! ## Contents
//!
//! - [`compliance`]: the [`Compliance`] trait (implemented by `pallet-identity-claims`,
//!   consumed by the stablecoin pallet), the [`Operation`]s it answers for and the
//!   [`ComplianceError`] reasons it gives when it refuses.
//! - [`actor`]: [`Actor`], the "who did it" recorded in the events of privileged calls.
//!
//! Later traits (`PriceFeed`, `ReserveCap`, `Breaker`, `Supply`) get a module of their own
//! here, re-exported from the crate root in the same way.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod actor;
pub mod compliance;

pub use actor::Actor;
pub use compliance::{
	is_valid_country_code, topics, AllowAll, Compliance, ComplianceError, CountryCode, DenyAll,
	Operation, TopicId,
};
