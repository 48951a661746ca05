//! Unit tests, split by behaviour.
//!
//! Every test runs through [`ExtBuilder::build_and_execute`](crate::mock::ExtBuilder), which
//! checks the pallet's invariants (`do_try_state`) after the test body.

mod genesis;
mod governance;
mod levels;
mod oracle;
mod pauses;
mod properties;
mod reserves;
mod views;
mod volume;
mod wind_down;
