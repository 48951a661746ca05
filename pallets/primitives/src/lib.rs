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
//! - [`actor`]: [`Actor`], the "who did it" recorded in the events of privileged calls, and
//!   [`CurrentMotion`], the council motion being dispatched (set by [`with_motion`]).
//! - [`price`]: the [`PriceFeed`] trait (implemented by `pallet-oracle`, consumed by the
//!   circuit breaker), [`PriceKey`], [`PriceObservation`] and [`deviation_bps`].
//! - [`reserves`]: the [`ReserveCap`] trait (implemented by `pallet-reserves`, consumed by
//!   the circuit breaker and the stablecoin pallet), the [`Supply`] trait (implemented by
//!   the stablecoin pallet, consumed by `pallet-reserves`) and [`Amount`], the `Balance` the
//!   reserves and the breaker take.
//! - [`time`]: [`Moment`], [`now`] and the time constants every pallet uses.
//! - [`breaker`]: the [`Breaker`] trait (implemented by `pallet-circuit-breaker`, consumed by
//!   the stablecoin pallet) and the [`GuardedOperation`]s it answers for; the
//!   [`MintLimitCeiling`] trait (implemented by the stablecoin pallet, which keeps renounced
//!   powers, consumed by the breaker's mint volume limits).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]

extern crate alloc;

pub mod actor;
pub mod breaker;
pub mod compliance;
pub mod price;
pub mod reserves;
pub mod time;

pub use actor::{with_motion, Actor, CurrentMotion};
pub use breaker::{Breaker, GuardedOperation, MintLimitCeiling, NeverTrips};
pub use compliance::{
	is_valid_country_code, topics, AllowAll, Compliance, ComplianceError, CountryCode, DenyAll,
	IdentityAccounts, IdentityId, Operation, TopicId,
};
pub use price::{deviation_bps, AlwaysOnPeg, FixedU128, PriceFeed, PriceKey, PriceObservation};
pub use reserves::{Amount, ReserveCap, ReserveQuality, ReserveStatus, Supply, UnlimitedReserves};
pub use time::{now, Moment, DAY_MS, HOUR_MS, MINUTE_MS};
