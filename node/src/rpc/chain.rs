//! The chain as the RPC reads it: which block an `at` names, whether its state is still
//! there, and the few storage values no runtime API returns (the block's time, the ledger's
//! total issuance).

use std::sync::Arc;

use codec::Decode;
use sc_client_api::{Backend as _, StorageProvider};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{storage::StorageKey, H256};
use stablecoin_runtime::{Balance, BlockNumber};

use super::{
	error::{self, RpcError},
	format::Time,
};
use crate::service::{FullBackend, FullClient};

/// A block whose state this node still has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockRef {
	/// Its hash.
	pub hash: H256,
	/// Its number.
	pub number: BlockNumber,
}

/// A block as the answers name it: number, hash and the time its author set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BlockView {
	/// The block number.
	pub number: BlockNumber,
	/// The block hash.
	pub hash: H256,
	/// The block's timestamp (`Timestamp::Now`); the epoch for the genesis block.
	pub time: Time,
}

/// Read access to the chain for the RPC, the metrics and the subscriptions.
#[derive(Clone)]
pub struct Chain {
	/// The client, to call the runtime.
	pub client: Arc<FullClient>,
	/// The database, to tell a pruned block from an unknown one.
	pub backend: Arc<FullBackend>,
}

/// The storage key of a plain storage value.
fn plain_key(pallet: &str, item: &str) -> StorageKey {
	StorageKey(
		[sp_io::hashing::twox_128(pallet.as_bytes()), sp_io::hashing::twox_128(item.as_bytes())]
			.concat(),
	)
}

impl Chain {
	/// The block `at` names, or the best block; refused when unknown or pruned.
	pub fn block(&self, at: Option<H256>) -> Result<BlockRef, RpcError> {
		let hash = at.unwrap_or_else(|| self.client.info().best_hash);
		let number = self
			.client
			.number(hash)
			.map_err(|e| error::runtime("header lookup", e))?
			.ok_or_else(|| error::unknown_block(format!("{hash:?}")))?;
		self.with_state(BlockRef { hash, number })
	}

	/// The block of the best chain with number `number`; refused when unknown or pruned.
	pub fn block_by_number(&self, number: BlockNumber) -> Result<BlockRef, RpcError> {
		let info = self.client.info();
		// Only finalized blocks are settled; above them the canonical hash may still change,
		// but the best chain is what a caller of `at: null` reads too.
		if number > info.best_number {
			return Err(error::unknown_block(format!(
				"#{number} (the best block is #{})",
				info.best_number
			)));
		}
		let hash = self
			.client
			.hash(number)
			.map_err(|e| error::runtime("block hash lookup", e))?
			.ok_or_else(|| error::unknown_block(format!("#{number}")))?;
		self.with_state(BlockRef { hash, number })
	}

	fn with_state(&self, block: BlockRef) -> Result<BlockRef, RpcError> {
		if self.backend.have_state_at(block.hash, block.number) {
			Ok(block)
		} else {
			Err(error::state_pruned(format!("#{} ({:?})", block.number, block.hash)))
		}
	}

	/// The finalized block.
	pub fn finalized(&self) -> BlockRef {
		let info = self.client.info();
		BlockRef { hash: info.finalized_hash, number: info.finalized_number }
	}

	/// The raw storage value under `key` at `block`.
	pub fn storage(&self, block: &BlockRef, key: &StorageKey) -> Result<Option<Vec<u8>>, RpcError> {
		self.client
			.storage(block.hash, key)
			.map(|value| value.map(|data| data.0))
			.map_err(|e| error::runtime("storage read", e))
	}

	fn plain_value<T: Decode + Default>(
		&self,
		block: &BlockRef,
		pallet: &str,
		item: &str,
	) -> Result<T, RpcError> {
		match self.storage(block, &plain_key(pallet, item))? {
			Some(raw) => T::decode(&mut &raw[..])
				.map_err(|e| error::runtime(&format!("decoding {pallet}::{item}"), e)),
			None => Ok(T::default()),
		}
	}

	/// The time of `block`, in milliseconds since the Unix epoch.
	pub fn time(&self, block: &BlockRef) -> Result<u64, RpcError> {
		self.plain_value(block, "Timestamp", "Now")
	}

	/// The ledger's total issuance at `block`, read from `pallet-balances` itself.
	pub fn ledger_issuance(&self, block: &BlockRef) -> Result<Balance, RpcError> {
		self.plain_value(block, "Balances", "TotalIssuance")
	}

	/// The calls paused through `pallet-tx-pause` at `block`, as `Pallet.call` names.
	///
	/// Reads the `TxPause::PausedCalls` map's keys: a few entries at most, since each pause is
	/// a governance or guardian action.
	pub fn paused_calls(&self, block: &BlockRef) -> Result<Vec<String>, RpcError> {
		let prefix = plain_key("TxPause", "PausedCalls");
		let keys = self
			.client
			.storage_keys(block.hash, Some(&prefix), None)
			.map_err(|e| error::runtime("TxPause::PausedCalls keys", e))?;
		let mut calls = Vec::new();
		for key in keys {
			// The key is the prefix, a 16-byte Blake2-128 hash, then the encoded
			// `(pallet name, call name)`.
			let Some(mut suffix) = key.0.get(prefix.0.len() + 16..) else { continue };
			if let Ok((pallet, call)) = <(Vec<u8>, Vec<u8>)>::decode(&mut suffix) {
				calls.push(format!(
					"{}.{}",
					String::from_utf8_lossy(&pallet),
					String::from_utf8_lossy(&call)
				));
			}
		}
		Ok(calls)
	}

	/// `block` with its time, for an answer.
	pub fn view(&self, block: &BlockRef) -> Result<BlockView, RpcError> {
		Ok(BlockView { number: block.number, hash: block.hash, time: Time::new(self.time(block)?) })
	}

	/// The runtime API at any block.
	pub fn api(
		&self,
	) -> sp_api::ApiRef<'_, <FullClient as ProvideRuntimeApi<stablecoin_runtime::opaque::Block>>::Api>
	{
		self.client.runtime_api()
	}
}

/// Runs a runtime API call and names it in the error.
pub fn call<T>(what: &str, result: Result<T, sp_api::ApiError>) -> Result<T, RpcError> {
	result.map_err(|e| error::runtime(what, e))
}
