//! Unit tests, split by behaviour.
//!
//! Every test runs through [`build_and_execute`](crate::mock::build_and_execute), which
//! checks after the test body that no motion is left in `CurrentMotion`.

mod audited_origin;
mod council;
mod motion;
