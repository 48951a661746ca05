//! `stablecoin-node`: the node of the USDX stablecoin chain.
//!
//! Validators and the issuer run it to produce (Aura) and finalize (GRANDPA) blocks; wallets
//! talk to it over JSON-RPC; regulators run it as a read-only archive node.

#![warn(missing_docs)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
