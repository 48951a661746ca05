//! Unit tests, split by behaviour.
//!
//! Every test runs through [`ExtBuilder::build_and_execute`](crate::mock::ExtBuilder), which
//! checks the pallet's invariants (`do_try_state`) after the test body.

mod claims;
mod compliance;
mod genesis;
mod identities;
mod issuers;
mod jurisdictions;
mod kept_status;
mod migrations;
mod properties;
mod rules;
mod separation;
mod topics;
mod views;
