//! The node's transaction pool: Substrate's pool, with the node's own submission rules.
//!
//! - **A read-only node** (`--read-only`: a regulator's archive node, or any node that should
//!   only watch the chain) refuses every transaction, whether a client submits it over RPC
//!   (`author_submit*`, `transaction_v1_broadcast`), a peer gossips it, or an offchain worker
//!   makes it. Since nothing enters the pool, nothing is gossiped onwards either: the node
//!   neither accepts nor relays transactions. The refusal is not a pool verdict on the
//!   transaction, so a peer that gossips a valid transaction to this node is not punished.
//! - **A transaction submitted again** while the pool still holds it (a wallet's retry, or a
//!   replay of one that is in a block not yet finalized) is refused with a message that names
//!   it ([`DUPLICATE_REFUSAL`]). Substrate's own refusal (`1013 Transaction Already
//!   Imported`) carries only `Any { .. }` as its data, which tells a wallet nothing. Once the
//!   block is finalized, a replay is refused by the runtime as outdated (its nonce is used).

use std::{collections::HashMap, fmt::Debug, pin::Pin, sync::Arc};

use sc_transaction_pool_api::{
	error::{Error as PoolError, IntoPoolError},
	ChainEvent, ImportNotificationStream, LocalTransactionFor, LocalTransactionPool,
	MaintainedTransactionPool, PoolStatus, ReadyTransactions, TransactionFor, TransactionPool,
	TransactionSource, TransactionStatusStreamFor, TxHash, TxInvalidityReportMap,
};
use sp_runtime::traits::Block as BlockT;

/// What a refused submitter reads.
pub const READ_ONLY_REFUSAL: &str =
	"this node is read-only (--read-only): it neither accepts nor relays transactions; \
	 submit them to a validator or a public RPC node";

/// What the submitter of a transaction the pool already holds reads, after its hash.
pub const DUPLICATE_REFUSAL: &str =
	"is already in this node's pool (submitted before, or in a block not yet finalized); a \
	 transaction is applied at most once";

/// `P`'s reads and maintenance, with the node's submission rules (see the module docs).
pub struct NodePool<P> {
	pool: Arc<P>,
	read_only: bool,
}

impl<P> NodePool<P> {
	/// `pool`, refusing every submission if `read_only`.
	pub fn new(pool: Arc<P>, read_only: bool) -> Self {
		Self { pool, read_only }
	}
}

/// An application error with `message`, which the RPC server shows as it is.
fn refusal<E: From<sp_blockchain::Error>>(message: String) -> E {
	let message: Box<dyn std::error::Error + Send + Sync> = message.into();
	E::from(sp_blockchain::Error::Application(message))
}

/// `error`, or the named refusal if it says that the pool already holds `hash`.
fn name_duplicate<E, H>(hash: &H, error: E) -> E
where
	E: IntoPoolError + From<PoolError> + From<sp_blockchain::Error>,
	H: Debug,
{
	match error.into_pool_error() {
		Ok(PoolError::AlreadyImported(_)) => {
			refusal(format!("transaction {hash:?} {DUPLICATE_REFUSAL}"))
		}
		Ok(other) => E::from(other),
		Err(error) => error,
	}
}

impl<P: TransactionPool> NodePool<P>
where
	P::Error: From<sp_blockchain::Error>,
{
	fn ensure_accepting(&self) -> Result<(), P::Error> {
		if self.read_only {
			return Err(refusal(READ_ONLY_REFUSAL.into()));
		}
		Ok(())
	}
}

#[async_trait::async_trait]
impl<P> TransactionPool for NodePool<P>
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
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xts: Vec<TransactionFor<Self>>,
	) -> Result<Vec<Result<TxHash<Self>, Self::Error>>, Self::Error> {
		self.ensure_accepting()?;
		let hashes: Vec<_> = xts.iter().map(|xt| self.pool.hash_of(xt)).collect();
		let results = self.pool.submit_at(at, source, xts).await?;
		Ok(results
			.into_iter()
			.zip(hashes)
			.map(|(result, hash)| result.map_err(|e| name_duplicate(&hash, e)))
			.collect())
	}

	async fn submit_one(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<TxHash<Self>, Self::Error> {
		self.ensure_accepting()?;
		let hash = self.pool.hash_of(&xt);
		self.pool.submit_one(at, source, xt).await.map_err(|e| name_duplicate(&hash, e))
	}

	async fn submit_and_watch(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Self::Error> {
		self.ensure_accepting()?;
		let hash = self.pool.hash_of(&xt);
		self.pool.submit_and_watch(at, source, xt).await.map_err(|e| name_duplicate(&hash, e))
	}

	async fn ready_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.pool.ready_at(at).await
	}

	fn ready(&self) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.pool.ready()
	}

	async fn report_invalid(
		&self,
		at: Option<<Self::Block as BlockT>::Hash>,
		invalid_tx_errors: TxInvalidityReportMap<TxHash<Self>>,
	) -> Vec<Arc<Self::InPoolTransaction>> {
		self.pool.report_invalid(at, invalid_tx_errors).await
	}

	fn futures(&self) -> Vec<Self::InPoolTransaction> {
		self.pool.futures()
	}

	fn status(&self) -> PoolStatus {
		self.pool.status()
	}

	fn import_notification_stream(&self) -> ImportNotificationStream<TxHash<Self>> {
		self.pool.import_notification_stream()
	}

	fn on_broadcasted(&self, propagations: HashMap<TxHash<Self>, Vec<String>>) {
		self.pool.on_broadcasted(propagations)
	}

	fn hash_of(&self, xt: &TransactionFor<Self>) -> TxHash<Self> {
		self.pool.hash_of(xt)
	}

	fn ready_transaction(&self, hash: &TxHash<Self>) -> Option<Arc<Self::InPoolTransaction>> {
		self.pool.ready_transaction(hash)
	}

	async fn ready_at_with_timeout(
		&self,
		at: <Self::Block as BlockT>::Hash,
		timeout: std::time::Duration,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.pool.ready_at_with_timeout(at, timeout).await
	}
}

#[async_trait::async_trait]
impl<P> MaintainedTransactionPool for NodePool<P>
where
	P: MaintainedTransactionPool,
	P::Error: From<sp_blockchain::Error>,
{
	async fn maintain(&self, event: ChainEvent<Self::Block>) {
		self.pool.maintain(event).await
	}
}

impl<P> LocalTransactionPool for NodePool<P>
where
	P: LocalTransactionPool,
	P::Error: From<sp_blockchain::Error>,
{
	type Block = <P as LocalTransactionPool>::Block;
	type Hash = <P as LocalTransactionPool>::Hash;
	type Error = <P as LocalTransactionPool>::Error;

	fn submit_local(
		&self,
		at: <Self::Block as BlockT>::Hash,
		xt: LocalTransactionFor<Self>,
	) -> Result<Self::Hash, Self::Error> {
		if self.read_only {
			return Err(refusal(READ_ONLY_REFUSAL.into()));
		}
		// Local transactions come from offchain workers, which read the error themselves.
		self.pool.submit_local(at, xt)
	}
}
