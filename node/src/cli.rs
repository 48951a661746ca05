//! The command line of `stablecoin-node`.

use sc_cli::RunCmd;

/// The node's command line: a subcommand, or the flags to run the node.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// What to do instead of running the node.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// How to run the node (`--dev`, `--chain`, `--validator`, `--rpc-port`, ...).
	#[clap(flatten)]
	pub run: RunCmd,

	/// Run read-only: refuse every transaction, from RPC clients and from peers alike, so
	/// that the node neither accepts nor relays any. For a regulator's archive node
	/// (`scripts/regulator-node.sh`); cannot be combined with `--validator`.
	#[arg(long)]
	pub read_only: bool,
}

/// The node's subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Export a chain spec (plain or `--raw`) to stdout or a file.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Build a chain spec. Kept for tools such as zombienet; prefer `export-chain-spec`.
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain database.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmark the runtime's pallets, blocks, storage and this machine (only in a node
	/// built with `--features runtime-benchmarks`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database metadata.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Write the supervisor's report figures over a block range as CSV, read from a running
	/// node's chain RPC (`usdx_report`).
	ExportReport(crate::export::ExportReportCmd),

	/// Write the audit trail (privileged actions) over a block range as CSV, read from a
	/// running node's chain RPC (`usdx_auditTrail`).
	ExportAudit(crate::export::ExportAuditCmd),

	/// Write the payments that carry a reference over a block range as CSV, read from a
	/// running node's RPC (`usdx_paymentsByReference`; an archive node for old blocks).
	ExportPayments(crate::export::ExportPaymentsCmd),

	/// Run the development chain's demo operators (price feeders, reserve attestor) against a
	/// running `--dev` node, signing with the development keys; `scripts/dev.sh` starts it.
	DemoOperators(crate::demo::DemoOperatorsCmd),
}
