//! The node's JSON-RPC methods beyond the ones every Substrate node serves.
//!
//! `sc-service` already serves `system_*`, `chain_*`, `state_*`, `author_*` and the new
//! `chainHead_v1_*` / `transaction_v1_*` families. This adds:
//!
//! - the account nonce (`system_accountNextIndex`) and fee queries (`payment_queryInfo`,
//!   `payment_queryFeeDetails`) that wallets need;
//! - the chain's own `usdx_` namespace ([`api`]): supply, reserves, the peg, the breaker, an
//!   account's standing, requests, the regulatory state and travel-rule records, the
//!   supervisor's report, the audit trail and payments by their reference, as plain JSON, at
//!   any block the node still has. `docs/rpc.md` documents every method.
//!
//! The `usdx_` methods are split by concern: [`supply`], [`reserves`], [`peg`], [`breaker`],
//! [`account`], [`requests`], [`regulatory`], [`report`], [`audit`] and [`payments`]; [`chain`] resolves blocks, [`format`]
//! writes amounts, ratios, times and addresses, and [`error`] names every refusal.

pub mod account;
pub mod api;
pub mod audit;
pub mod breaker;
pub mod chain;
pub mod error;
pub mod format;
pub mod payments;
pub mod peg;
pub mod regulatory;
pub mod report;
pub mod requests;
pub mod reserves;
pub mod supply;

use std::sync::Arc;

use jsonrpsee::RpcModule;
use sc_rpc::SubscriptionTaskExecutor;
use sc_transaction_pool_api::TransactionPool;
use stablecoin_runtime::opaque::Block;

use crate::service::{FullBackend, FullClient};

/// What the RPC methods need from the node.
pub struct FullDeps<P> {
	/// The client, to call the runtime.
	pub client: Arc<FullClient>,
	/// The database, to tell pruned blocks from unknown ones.
	pub backend: Arc<FullBackend>,
	/// The transaction pool, for the next nonce of an account.
	pub pool: Arc<P>,
	/// Runs the subscriptions.
	pub executor: SubscriptionTaskExecutor,
	/// The report at each finalized block.
	pub report_feed: report::ReportFeed,
}

/// Builds the node's own RPC methods.
pub fn create_full<P>(
	deps: FullDeps<P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	P: TransactionPool<Block = Block> + 'static,
{
	use api::UsdxApiServer;
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, backend, pool, executor, report_feed } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(
		api::Usdx::new(chain::Chain { client, backend }, executor, report_feed).into_rpc(),
	)?;

	Ok(module)
}
