//! Extrinsics and inherent data for the `benchmark overhead` and `benchmark extrinsic`
//! subcommands.

use std::sync::Arc;

use sc_cli::Result;
use sc_client_api::BlockBackend;
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::OpaqueExtrinsic;
use stablecoin_runtime::pallets;
use stablecoin_runtime::{signing::sign_call, AccountId, Balance, BalancesCall, SystemCall};

use crate::service::FullClient;

/// Builds signed extrinsics of the benchmarked chain, signed by Bob.
fn signed_by_bob(
	client: &FullClient,
	call: stablecoin_runtime::RuntimeCall,
	nonce: u32,
) -> std::result::Result<OpaqueExtrinsic, &'static str> {
	let genesis_hash =
		client.block_hash(0).ok().flatten().ok_or("the benchmarked chain has no genesis block")?;
	let xt = sign_call(call, &Sr25519Keyring::Bob.pair(), nonce, genesis_hash);
	Ok(xt.into())
}

/// Builds `system.remark` extrinsics: the cheapest signed call, to measure overhead.
pub struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl RemarkBuilder {
	/// A builder for the chain of `client`.
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		signed_by_bob(&self.client, SystemCall::remark { remark: vec![] }.into(), nonce)
	}
}

/// Builds `stablecoin.transfer` extrinsics: the users' way to move USDX (raw `balances`
/// transfers are refused by the runtime's call filter).
pub struct StablecoinTransferBuilder {
	client: Arc<FullClient>,
	dest: AccountId,
	value: Balance,
}

impl StablecoinTransferBuilder {
	/// A builder of transfers of `value` to `dest` on the chain of `client`.
	pub fn new(client: Arc<FullClient>, dest: AccountId, value: Balance) -> Self {
		Self { client, dest, value }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for StablecoinTransferBuilder {
	fn pallet(&self) -> &str {
		"stablecoin"
	}

	fn extrinsic(&self) -> &str {
		"transfer"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call = pallets::stablecoin::Call::<stablecoin_runtime::Runtime>::transfer {
			dest: self.dest.clone(),
			amount: self.value,
		};
		signed_by_bob(&self.client, call.into(), nonce)
	}
}

/// Builds `balances.transfer_keep_alive` extrinsics: a plain ledger transfer, without the
/// compliance, freeze, travel-rule and breaker checks of [`StablecoinTransferBuilder`], to
/// measure what those checks cost (`scripts/bench-tps.sh` prints the ratio of the two). The
/// runtime's call filter refuses raw `balances` calls; only its `runtime-benchmarks` build,
/// which this builder is part of, lets this one through.
pub struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
	dest: AccountId,
	value: Balance,
}

impl TransferKeepAliveBuilder {
	/// A builder of plain transfers of `value` to `dest` on the chain of `client`.
	pub fn new(client: Arc<FullClient>, dest: AccountId, value: Balance) -> Self {
		Self { client, dest, value }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call = BalancesCall::<stablecoin_runtime::Runtime>::transfer_keep_alive {
			dest: self.dest.clone().into(),
			value: self.value,
		};
		signed_by_bob(&self.client, call.into(), nonce)
	}
}

/// The inherent data of a benchmark block: a zero timestamp.
pub fn inherent_benchmark_data() -> Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(0.into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating inherent data: {e:?}"))?;
	Ok(inherent_data)
}
