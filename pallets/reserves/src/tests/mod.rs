//! Unit tests, split by behaviour.
//!
//! Every test runs through [`ExtBuilder::build_and_execute`](crate::mock::ExtBuilder), which
//! ends the block and checks the pallet's invariants (`do_try_state`) after the test body.

mod attestors;
mod figures;
mod genesis;
mod parameters;
mod pending;
mod properties;
mod quality;
mod quorum;
mod status;
mod submission;
