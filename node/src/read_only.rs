//! The transaction pool of a read-only node (`--read-only`): a regulator's archive node, or
//! any node that should only watch the chain.
//!
//! It refuses every transaction, whether a client submits it over RPC (`author_submit*`,
//! `transaction_v1_broadcast`), a peer gossips it, or an offchain worker makes it. Since nothing
//! enters the pool, nothing is gossiped onwards either: the node neither accepts nor relays
//! transactions. The refusal is not a pool verdict on the transaction, so a peer that
//! gossips a valid transaction to this node is not punished for it.

use std::{collections::HashMap, pin::Pin, sync::Arc};

use sc_transaction_pool_api::{
	ChainEvent, ImportNotificationStream, LocalTransactionFor, LocalTransactionPool,
	MaintainedTransactionPool, PoolStatus, ReadyTransactions, TransactionFor, TransactionPool,
	TransactionSource, TransactionStatusStreamFor, TxHash, TxInvalidityReportMap,
};
use sp_runtime::traits::Block as BlockT;

/// What a refused submitter reads.
pub const READ_ONLY_REFUSAL: &str =
	"this node is read-only (--read-only): it neither accepts nor relays transactions; \
	 submit them to a validator or a public RPC node";

/// A pool that keeps `P`'s reads and maintenance but refuses every submission.
pub struct ReadOnlyPool<P>(pub Arc<P>);

fn refusal<E: From<sp_blockchain::Error>>() -> E {
	let message: Box<dyn std::error::Error + Send + Sync> = READ_ONLY_REFUSAL.into();
	E::from(sp_blockchain::Error::Application(message))
}

#[async_trait::async_trait]
impl<P> TransactionPool for ReadOnlyPool<P>
where
	P: TransactionPool,
	P::Error: From<sp_blockchain::Error>,
{
	type Block = P::Block;
	type Hash = P::Hash;
	type InPoolTransaction = P::InPoolTransaction;
	type Error = P::Error;

	async fn submit_at(
		&self,
		_at: <Self::Block as BlockT>::Hash,
		_source: TransactionSource,
		_xts: Vec<TransactionFor<Self>>,
	) -> Result<Vec<Result<TxHash<Self>, Self::Error>>, Self::Error> {
		Err(refusal())
	}

	async fn submit_one(
		&self,
		_at: <Self::Block as BlockT>::Hash,
		_source: TransactionSource,
		_xt: TransactionFor<Self>,
	) -> Result<TxHash<Self>, Self::Error> {
		Err(refusal())
	}

	async fn submit_and_watch(
		&self,
		_at: <Self::Block as BlockT>::Hash,
		_source: TransactionSource,
		_xt: TransactionFor<Self>,
	) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Self::Error> {
		Err(refusal())
	}

	async fn ready_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.0.ready_at(at).await
	}

	fn ready(&self) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.0.ready()
	}

	async fn report_invalid(
		&self,
		at: Option<<Self::Block as BlockT>::Hash>,
		invalid_tx_errors: TxInvalidityReportMap<TxHash<Self>>,
	) -> Vec<Arc<Self::InPoolTransaction>> {
		self.0.report_invalid(at, invalid_tx_errors).await
	}

	fn futures(&self) -> Vec<Self::InPoolTransaction> {
		self.0.futures()
	}

	fn status(&self) -> PoolStatus {
		self.0.status()
	}

	fn import_notification_stream(&self) -> ImportNotificationStream<TxHash<Self>> {
		self.0.import_notification_stream()
	}

	fn on_broadcasted(&self, propagations: HashMap<TxHash<Self>, Vec<String>>) {
		self.0.on_broadcasted(propagations)
	}

	fn hash_of(&self, xt: &TransactionFor<Self>) -> TxHash<Self> {
		self.0.hash_of(xt)
	}

	fn ready_transaction(&self, hash: &TxHash<Self>) -> Option<Arc<Self::InPoolTransaction>> {
		self.0.ready_transaction(hash)
	}

	async fn ready_at_with_timeout(
		&self,
		at: <Self::Block as BlockT>::Hash,
		timeout: std::time::Duration,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.0.ready_at_with_timeout(at, timeout).await
	}
}

#[async_trait::async_trait]
impl<P> MaintainedTransactionPool for ReadOnlyPool<P>
where
	P: MaintainedTransactionPool,
	P::Error: From<sp_blockchain::Error>,
{
	async fn maintain(&self, event: ChainEvent<Self::Block>) {
		self.0.maintain(event).await
	}
}

impl<P> LocalTransactionPool for ReadOnlyPool<P>
where
	P: LocalTransactionPool,
	P::Error: From<sp_blockchain::Error>,
{
	type Block = <P as LocalTransactionPool>::Block;
	type Hash = <P as LocalTransactionPool>::Hash;
	type Error = <P as LocalTransactionPool>::Error;

	fn submit_local(
		&self,
		_at: <Self::Block as BlockT>::Hash,
		_xt: LocalTransactionFor<Self>,
	) -> Result<Self::Hash, Self::Error> {
		Err(refusal())
	}
}
