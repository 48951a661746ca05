//! `stablecoin-node`: the node of the USDX stablecoin chain.
//!
//! Validators and the issuer run it to produce (Aura) and finalize (GRANDPA) blocks; wallets
//! talk to it over JSON-RPC; regulators run it as a read-only archive node.

#![warn(missing_docs)]
// `sc_cli::Error` and `sc_service::Error`, which the node's functions return as every
// Substrate node does, are large upstream types this crate cannot shrink.
#![allow(clippy::result_large_err)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod demo;
mod export;
mod metrics;
mod pool;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
