//! Unit tests, split by behaviour.
//!
//! Every test runs through [`ExtBuilder::build_and_execute`](crate::mock::ExtBuilder), which
//! checks the pallet's invariants (`do_try_state`) after the test body.

mod allowance;
mod calendar;
mod freeze;
mod genesis;
mod jurisdiction_limits;
mod migrations;
mod mint;
mod payments;
mod properties;
mod redeem;
mod renounce;
mod transfer;
mod travel_rule;
