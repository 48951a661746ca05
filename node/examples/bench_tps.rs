//! Sustained compliant USDX transfers per second on a running node: how many
//! `stablecoin.transfer`s its blocks take under load, how full those blocks are, how long a
//! transfer waits, and how much memory the node holds.
//!
//! ```text
//! cargo run --release -p stablecoin-node --example bench_tps -- \
//!     [WS_URL] [--accounts N] [--seconds S] [--connections C] [--in-flight K] [--rounds R] \
//!     [--node-pid PID]
//! ```
//!
//! - `WS_URL`: the node's WebSocket JSON-RPC (default `ws://127.0.0.1:9944`). It must run the
//!   development chain (`--dev`): the load is onboarded by its registrar, KYC provider and
//!   funded accounts.
//! - `--accounts N`: how many accounts send (default 200, at least 2).
//! - `--seconds S`: how long to submit (default 60).
//! - `--connections C`: WebSocket connections submitting at once (default 4).
//! - `--in-flight K`: transfers each account keeps in flight (default 1; see "Load" below for
//!   when more than one works).
//! - `--rounds R`: a bounded run instead: submit exactly `R` transfers per account, wait for all
//!   of them, and fail unless every one was included and finalized (`--seconds` is ignored).
//! - `--node-pid PID`: the node's process id, to report its resident memory from
//!   `/proc/PID/status` (skipped without it).
//!
//! `scripts/bench-tps.sh` builds it, starts a dev node if none runs and passes that node's pid.
//! A benchmark, not a test: figures depend on the machine and go in docs/performance.md, never
//! in assertions (the end-to-end test runs a bounded tiny load only to keep this tool working).
//!
//! # What it does
//!
//! 1. **Onboarding.** It derives `N` accounts `//load/0` … `//load/{N-1}` (sr25519, from the
//!    development phrase) and makes each a verified holder the way an issuer does: the dev
//!    chain's identity registrar (Alice) registers each as a person in the US, its KYC provider
//!    (Ferdie, trusted for the standard topics) issues every claim the chain requires of a
//!    person to hold and to send USDX (read from the chain's rules: KYC and AML on the dev
//!    chain), and Bob funds each with [`FUNDING`] by `stablecoin.transfer`. Each step goes in
//!    `utility.batch_all`s sized to a third of what calls other than payments may fill of a
//!    block ([`non_payment_weight_limit`]), so that three fit in a block: onboarding takes as
//!    many blocks as the benchmarked weights of its calls fill that share of the block
//!    (`issue_claim`'s worst case dominates). Accounts that an earlier run onboarded keep their
//!    identity and are topped up only if they ran low.
//! 2. **Load.** Every account signs `stablecoin.transfer`s of [`AMOUNT`] to the next (`i`
//!    pays `(i + 1) % N`, so balances go round) with explicit nonces, one round after the other,
//!    and submits them with `author_submitExtrinsic` over `C` connections, as fast as the node
//!    takes them, with one transfer in flight per account by default: an account submits its
//!    next transfer as soon as a block holds the previous one. With `--in-flight K` an account
//!    submits `K` transfers (consecutive nonces) one after the other, then waits until a block
//!    holds the last of them. More than one in flight is what the node's default transaction
//!    pool does not take well: its fork-aware pool keeps an account's
//!    later nonce, when it arrives before the earlier one reached the pool's view of the latest
//!    block, in that view's future queue, and drops it without a word to the submitter when
//!    that view is discarded (`author_submitExtrinsic` had accepted it); every later nonce of
//!    the account then waits forever, and a flood of pre-signed rounds empties the blocks within
//!    seconds. So, against that pool, `N` accounts offer at most `N` transfers per block: to
//!    fill blocks, give it more accounts than a block holds transfers. The single-state pool
//!    (`--pool-type single-state` on the node) keeps a later nonce in its future queue until
//!    the earlier one is in, so against it `--in-flight 2` lets fewer accounts fill the blocks
//!    (docs/performance.md). When the pool refuses a transfer as full, the
//!    submission backs off briefly and retries, signed again with one more smallest unit so that
//!    it is a new transaction (a pool bans for a while what it dropped). An account whose
//!    transfer is refused otherwise, or not included within [`INCLUSION_LIMIT`], stops.
//! 3. **Measurement.** Meanwhile it follows the new best heads and the finalized heads. For
//!    each block it records when the head arrived, which of the submitted transfers it holds
//!    (matched by extrinsic hash, the hash `author_submitExtrinsic` returns) and the normal-class
//!    weight it used (`System::BlockWeight` at that block, against the runtime's normal-class
//!    limit); for each transfer, the time from its submission to the arrival of the head that
//!    included it, and to the arrival of the finalized head that covered that block. After the
//!    submission window it waits until every transfer is in a finalized block (or nothing moves
//!    for [`STALL_LIMIT`]).
//!
//! # What it prints
//!
//! A line per block, then: the transfers submitted, included and finalized; the sustained
//! transfers per second (transfers included in the blocks that arrived within the window, the
//! first excluded, divided by the time between the first and the last of those blocks: only
//! blocks built entirely inside the window count); the fullest of those blocks (its transfers
//! and its share of the normal-class weight limit) and their average fill; the 50th and 95th
//! percentiles of submit-to-included and submit-to-finalized; and the node's resident memory
//! (`VmRSS`, and its peak `VmHWM`). The window is the `--seconds` of submission, or, for a
//! bounded run, from the first submission until the block that included the last transfer.

#[path = "../tests/common/mod.rs"]
mod common;

use std::{
	collections::{BTreeSet, HashMap},
	sync::{Arc, Mutex, MutexGuard},
	time::{Duration, Instant},
};

use codec::{Decode, Encode};
use common::*;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo, PerDispatchClass},
	weights::Weight,
};
use jsonrpsee::{
	core::{
		client::{ClientT, Subscription, SubscriptionClientT},
		ClientError,
	},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use sp_core::{crypto::Ss58Codec, sr25519, Pair, H256};
use sp_io::hashing::blake2_256;
use sp_keyring::Sr25519Keyring;
use stablecoin_primitives::{CountryCode, IdentityId, Operation, TopicId, DAY_MS};
use stablecoin_runtime::{
	configs::RuntimeBlockWeights, extensions::non_payment_weight_limit,
	genesis_config_presets::development_roles, pallets, AccountId, Balance, Nonce, Runtime,
	RuntimeCall, CENTS, USDX,
};
use tokio::sync::{mpsc, watch};

use pallets::identity_claims::{
	AccountIdentity, IdentityKind, JurisdictionRuleOf, RequiredTopics, TrustedIssuers,
};

/// What each transfer of the load moves: one cent.
const AMOUNT: Balance = CENTS;
/// What each load account is funded with: the fees of thousands of transfers.
const FUNDING: Balance = 5 * USDX;
/// The jurisdiction of the load's identities, that of every identity of the dev preset.
const JURISDICTION: CountryCode = *b"US";
/// How long the claims issued to the load's identities stay valid.
const CLAIM_VALIDITY_MS: u64 = 30 * DAY_MS;
/// How long an account waits for a block to hold its transfer before it stops.
const INCLUSION_LIMIT: Duration = Duration::from_secs(60);
/// The first and the longest pause after a full pool.
const BACKOFF: (Duration, Duration) = (Duration::from_millis(20), Duration::from_millis(500));
/// How long a bounded run retries one transfer against a full pool before giving it up.
const RETRY_LIMIT: Duration = Duration::from_secs(60);
/// After the window: how long to wait for the rest of the transfers while nothing moves.
const STALL_LIMIT: Duration = Duration::from_secs(30);
/// After the window: how long to wait for the rest of the transfers at most.
const DRAIN_LIMIT: Duration = Duration::from_secs(180);
/// How long an onboarding batch may take to be finalized.
const ONBOARDING_TIMEOUT: Duration = Duration::from_secs(90);

/// The pool's refusals that say "not now" rather than "never" (`sc-rpc-api`'s author error
/// codes): unknown validity (1011), temporarily banned (1012), priority too low to replace a
/// transaction (1014), immediately dropped for the pool's limits (1016), future transactions
/// not accepted (1021).
const POOL_BUSY: [i32; 5] = [1011, 1012, 1014, 1016, 1021];

const USAGE: &str = "usage: bench_tps [WS_URL] [--accounts N] [--seconds S] [--connections C] \
                     [--in-flight K] [--rounds R] [--node-pid PID]";

/// The command line.
struct Options {
	url: String,
	accounts: u32,
	seconds: u64,
	connections: u32,
	in_flight: u32,
	rounds: Option<u32>,
	node_pid: Option<u32>,
}

impl Options {
	/// Parses the arguments; `None` for `--help`.
	fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Self>> {
		let mut options = Self {
			url: "ws://127.0.0.1:9944".into(),
			accounts: 200,
			seconds: 60,
			connections: 4,
			in_flight: 1,
			rounds: None,
			node_pid: None,
		};
		while let Some(arg) = args.next() {
			let mut value = |name: &str| -> Result<String> {
				args.next().ok_or_else(|| format!("{name} needs a value\n{USAGE}").into())
			};
			match arg.as_str() {
				"-h" | "--help" => return Ok(None),
				"--accounts" => options.accounts = number(&arg, &value(&arg)?)?,
				"--seconds" => options.seconds = number(&arg, &value(&arg)?)?,
				"--connections" => options.connections = number(&arg, &value(&arg)?)?,
				"--in-flight" => options.in_flight = number(&arg, &value(&arg)?)?,
				"--rounds" => options.rounds = Some(number(&arg, &value(&arg)?)?),
				"--node-pid" => options.node_pid = Some(number(&arg, &value(&arg)?)?),
				flag if flag.starts_with('-') => {
					return Err(format!("unknown option {flag}\n{USAGE}").into())
				}
				url => options.url = url.to_string(),
			}
		}
		if options.accounts < 2 {
			return Err("--accounts must be at least 2: each account pays the next".into());
		}
		if options.connections == 0
			|| options.seconds == 0
			|| options.in_flight == 0
			|| options.rounds == Some(0)
		{
			return Err(format!(
				"--connections, --seconds, --in-flight and --rounds must be positive\n{USAGE}"
			)
			.into());
		}
		Ok(Some(options))
	}
}

/// Parses the value of option `name`.
fn number<T: std::str::FromStr>(name: &str, text: &str) -> Result<T> {
	text.parse().map_err(|_| format!("{name} takes a number, not {text:?}\n{USAGE}").into())
}

/// Locks the shared record; a panicked holder leaves it readable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
	mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The key pair of a well-known dev account holding `role`.
fn dev_key(who: &AccountId, role: &str) -> Result<sr25519::Pair> {
	Sr25519Keyring::from_account_id(who)
		.map(|keyring| keyring.pair())
		.ok_or_else(|| format!("the {role} ({who}) is not a well-known dev key: run --dev").into())
}

/// The normal-class weight limit of a block (reference time, picoseconds).
fn normal_limit() -> u64 {
	let weights = RuntimeBlockWeights::get();
	weights.get(DispatchClass::Normal).max_total.unwrap_or(weights.max_block).ref_time()
}

fn millis(duration: Duration) -> u128 {
	duration.as_millis()
}

// ---- onboarding ------------------------------------------------------------------------------

/// What onboarding did.
struct Onboarding {
	registered: usize,
	claims: usize,
	funded: usize,
	batches: usize,
}

/// `calls` in `utility.batch_all`s of at most a third of what calls other than payments may
/// fill of a block, so that several fit in one block.
fn batches_of(calls: Vec<RuntimeCall>) -> Result<Vec<RuntimeCall>> {
	let batch_all = |calls| RuntimeCall::Utility(pallets::utility::Call::batch_all { calls });
	let limit = non_payment_weight_limit().ref_time();
	// The batch's own weight comes on top of its calls': keep a tenth of the budget for it.
	let budget = limit / 3 * 9 / 10;
	let mut batches = Vec::new();
	let (mut current, mut weight) = (Vec::new(), 0u64);
	for call in calls {
		let call_weight = call.get_dispatch_info().call_weight.ref_time();
		if !current.is_empty() && weight.saturating_add(call_weight) > budget {
			batches.push(batch_all(std::mem::take(&mut current)));
			weight = 0;
		}
		weight = weight.saturating_add(call_weight);
		current.push(call);
	}
	if !current.is_empty() {
		batches.push(batch_all(current));
	}
	for batch in &batches {
		let weight = batch.get_dispatch_info().call_weight.ref_time();
		if weight > limit {
			return Err(format!(
				"a single call weighs {weight} ps, more than a block admits for it ({limit} ps)"
			)
			.into());
		}
	}
	Ok(batches)
}

/// Signs `calls` as `signer` in batches ([`batches_of`]), submits them with consecutive nonces
/// and waits until every batch is finalized and succeeded. Returns the number of batches.
async fn run_batches(
	client: &WsClient,
	genesis: H256,
	signer: &sr25519::Pair,
	calls: Vec<RuntimeCall>,
) -> Result<usize> {
	let batches = batches_of(calls)?;
	if batches.is_empty() {
		return Ok(0);
	}
	let first = next_nonce(client, &signer.public().into()).await?;
	let submissions = batches.iter().zip(first..).map(|(batch, nonce)| {
		let extrinsic = signed_call(batch.clone(), signer, nonce, genesis);
		async move { submit_and_check(client, &extrinsic, ONBOARDING_TIMEOUT).await }
	});
	for settled in futures::future::join_all(submissions).await {
		settled?;
	}
	Ok(batches.len())
}

/// The claim topics the chain requires of a person in [`JURISDICTION`] to hold and to send
/// USDX: the rules of the kind (`RequiredTopics`) and the jurisdiction's extra topics.
async fn required_topics(client: &WsClient) -> Result<Vec<TopicId>> {
	let mut topics = BTreeSet::new();
	for operation in [Operation::Hold, Operation::Send] {
		let key = RequiredTopics::<Runtime>::hashed_key_for(operation, IdentityKind::Person);
		let rule = storage_raw(client, &key, None).await?.ok_or_else(|| {
			format!("the chain has no {operation:?} rule for persons: it refuses them all")
		})?;
		topics.extend(Vec::<TopicId>::decode(&mut &rule[..])?);
		let key = pallets::identity_claims::JurisdictionRules::<Runtime>::hashed_key_for(
			JURISDICTION,
			operation,
		);
		if let Some(rule) = storage_raw(client, &key, None).await? {
			let rule = JurisdictionRuleOf::<Runtime>::decode(&mut &rule[..])?;
			topics.extend(rule.extra_topics.into_inner());
		}
	}
	Ok(topics.into_iter().collect())
}

/// The identity each of `accounts` belongs to, if any.
async fn identities(client: &WsClient, accounts: &[AccountId]) -> Result<Vec<Option<IdentityId>>> {
	let keys: Vec<Vec<u8>> =
		accounts.iter().map(AccountIdentity::<Runtime>::hashed_key_for).collect();
	let mut found = Vec::with_capacity(accounts.len());
	for raw in storage_many(client, &keys, None).await? {
		found.push(raw.map(|raw| IdentityId::decode(&mut &raw[..])).transpose()?);
	}
	Ok(found)
}

/// Makes each of `accounts` a verified, funded holder (see the module docs).
async fn onboard(client: &WsClient, genesis: H256, accounts: &[AccountId]) -> Result<Onboarding> {
	let roles = development_roles();
	let registrar = dev_key(roles.registrars.first().ok_or("no registrar")?, "registrar")?;
	let issuer = dev_key(&roles.claim_issuer, "KYC provider")?;
	let funder = Sr25519Keyring::Bob.pair();
	let mut batches = 0;

	// 1. An identity for each account that has none yet.
	let known = identities(client, accounts).await?;
	let registrations: Vec<RuntimeCall> = accounts
		.iter()
		.zip(&known)
		.filter(|(_, identity)| identity.is_none())
		.map(|(account, _)| {
			RuntimeCall::IdentityClaims(pallets::identity_claims::Call::register_identity {
				kind: IdentityKind::Person,
				jurisdiction: JURISDICTION,
				account: account.clone(),
			})
		})
		.collect();
	let registered = registrations.len();
	batches += run_batches(client, genesis, &registrar, registrations).await?;

	// 2. The claims the chain requires, from an issuer it trusts for them (renewed for the
	// identities of an earlier run).
	let topics = required_topics(client).await?;
	let key = TrustedIssuers::<Runtime>::hashed_key_for(&roles.claim_issuer);
	let trusted: Vec<TopicId> = match storage_raw(client, &key, None).await? {
		Some(raw) => Decode::decode(&mut &raw[..])?,
		None => Vec::new(),
	};
	if let Some(topic) = topics.iter().find(|topic| !trusted.contains(topic)) {
		return Err(format!(
			"the KYC provider {} is not trusted for the required topic {topic}",
			roles.claim_issuer
		)
		.into());
	}
	let now = storage_raw(client, &plain_key("Timestamp", "Now"), None)
		.await?
		.map(|raw| u64::decode(&mut &raw[..]))
		.transpose()?
		.ok_or("the chain has no timestamp yet")?;
	let mut claims = Vec::new();
	for (account, identity) in accounts.iter().zip(identities(client, accounts).await?) {
		let identity = identity.ok_or_else(|| format!("{account} has no identity"))?;
		for &topic in &topics {
			claims.push(RuntimeCall::IdentityClaims(pallets::identity_claims::Call::issue_claim {
				identity,
				topic,
				expires_at: now + CLAIM_VALIDITY_MS,
				// The hash of the (imaginary) off-chain file.
				evidence: H256(blake2_256(&(b"usdx-bench-tps", identity, topic).encode())),
			}));
		}
	}
	let issued = claims.len();
	batches += run_batches(client, genesis, &issuer, claims).await?;

	// 3. USDX for the fees, for each account that runs low.
	let keys: Vec<Vec<u8>> =
		accounts.iter().map(pallets::system::Account::<Runtime>::hashed_key_for).collect();
	let mut transfers = Vec::new();
	for (account, raw) in accounts.iter().zip(storage_many(client, &keys, None).await?) {
		let free = match raw {
			Some(raw) => {
				pallets::system::AccountInfo::<
					Nonce,
					<Runtime as pallets::system::Config>::AccountData,
				>::decode(&mut &raw[..])?
				.data
				.free
			}
			None => 0,
		};
		if free < FUNDING / 2 {
			transfers.push(RuntimeCall::Stablecoin(pallets::stablecoin::Call::transfer {
				dest: account.clone(),
				amount: FUNDING,
			}));
		}
	}
	let funded = transfers.len();
	batches += run_batches(client, genesis, &funder, transfers).await?;
	Ok(Onboarding { registered, claims: issued, funded, batches })
}

// ---- the load --------------------------------------------------------------------------------

/// An account of the load.
struct Sender {
	pair: sr25519::Pair,
	/// Whom it pays: the next account.
	dest: AccountId,
	/// Its nonce in the first round.
	nonce: Nonce,
}

/// When to stop submitting.
#[derive(Clone, Copy)]
struct Plan {
	/// A bounded run: this many rounds.
	rounds: Option<u32>,
	/// A timed run: until then.
	deadline: Option<Instant>,
	/// Transfers an account submits before it waits for the last of them to be in a block.
	in_flight: u32,
}

/// One submitted transfer.
struct Tracked {
	submitted: Instant,
	included: Option<Instant>,
	finalized: Option<Instant>,
}

/// One block of the run.
struct BlockRecord {
	number: u32,
	/// When its head arrived.
	seen: Instant,
	/// The submitted transfers it holds.
	transfers: Vec<H256>,
	/// The normal-class weight it used (reference time, picoseconds).
	normal_weight: u64,
	/// Whether mandatory work (a session rotation) took the whole block, leaving no room for
	/// transactions.
	taken: bool,
	/// When a finalized head covering it arrived.
	finalized: Option<Instant>,
}

/// What the submitters and the block follower share.
#[derive(Default)]
struct Ledger {
	transfers: HashMap<H256, Tracked>,
	blocks: Vec<BlockRecord>,
}

/// What the accounts of one connection did.
#[derive(Default)]
struct Submitted {
	accepted: usize,
	backoffs: usize,
	refused: Vec<String>,
	/// Accounts that stopped because a transfer of theirs was not included in time.
	stalled: Vec<String>,
}

/// What became of one transfer's submission.
enum Fate {
	/// In the pool, under this hash.
	Accepted {
		hash: H256,
		backoffs: usize,
	},
	Refused(String),
	TimeUp,
}

/// Submits `sender`'s transfer with `nonce`, retrying while the pool is full (see the module
/// docs). Only a failure of the connection itself is an error.
async fn submit_transfer(
	client: &WsClient,
	genesis: H256,
	sender: &Sender,
	nonce: Nonce,
	plan: Plan,
	ledger: &Mutex<Ledger>,
) -> Result<Fate> {
	let give_up = Instant::now() + RETRY_LIMIT;
	let mut backoff = BACKOFF.0;
	let mut attempt = 0usize;
	loop {
		// Each retry is a new transaction: one more smallest unit.
		let amount = AMOUNT + attempt as Balance;
		let extrinsic = signed_transfer(&sender.pair, &sender.dest, amount, nonce, genesis);
		let hash = H256(blake2_256(&extrinsic));
		let submitted = Instant::now();
		lock(ledger).transfers.insert(hash, Tracked { submitted, included: None, finalized: None });
		let answer: std::result::Result<H256, ClientError> =
			client.request("author_submitExtrinsic", rpc_params![to_hex(&extrinsic)]).await;
		let error = match answer {
			Ok(returned) => {
				if returned != hash {
					// The node names it: follow its hash.
					let mut ledger = lock(ledger);
					if let Some(tracked) = ledger.transfers.remove(&hash) {
						ledger.transfers.insert(returned, tracked);
					}
				}
				return Ok(Fate::Accepted { hash: returned, backoffs: attempt });
			}
			Err(error) => error,
		};
		lock(ledger).transfers.remove(&hash);
		match error {
			ClientError::Call(refusal) if POOL_BUSY.contains(&refusal.code()) => {
				let resume = Instant::now() + backoff;
				if plan.deadline.is_some_and(|deadline| resume >= deadline) {
					return Ok(Fate::TimeUp);
				}
				if plan.deadline.is_none() && resume >= give_up {
					return Ok(Fate::Refused(format!(
						"the pool stayed full for {RETRY_LIMIT:?}: {}",
						refusal.message()
					)));
				}
				tokio::time::sleep(backoff).await;
				backoff = (backoff * 2).min(BACKOFF.1);
				attempt += 1;
			}
			ClientError::Call(refusal) => {
				let data =
					refusal.data().map(|data| format!(": {}", data.get())).unwrap_or_default();
				return Ok(Fate::Refused(format!(
					"{} ({}){data}",
					refusal.message(),
					refusal.code()
				)));
			}
			other => return Err(other.into()),
		}
	}
}

/// Waits until a block holds transfer `hash` (true), or until `limit` (false). `blocks`
/// changes with every block the follower records.
async fn included(
	ledger: &Mutex<Ledger>,
	hash: H256,
	blocks: &mut watch::Receiver<u32>,
	limit: Instant,
) -> Result<bool> {
	loop {
		if lock(ledger).transfers.get(&hash).is_some_and(|t| t.included.is_some()) {
			return Ok(true);
		}
		match tokio::time::timeout_at(limit.into(), blocks.changed()).await {
			Ok(Ok(())) => {}
			Ok(Err(_)) => return Err("the block follower stopped".into()),
			Err(_) => return Ok(false),
		}
	}
}

/// The transfers of one account, [`Plan::in_flight`] at a time: each group submitted once a
/// block holds the last of the group before (see the module docs).
async fn run_account(
	client: &WsClient,
	genesis: H256,
	sender: &Sender,
	plan: Plan,
	ledger: &Mutex<Ledger>,
	mut blocks: watch::Receiver<u32>,
) -> Result<Submitted> {
	let mut done = Submitted::default();
	let who = || sender.pair.public().to_ss58check();
	for round in 0u32.. {
		let now = Instant::now();
		if plan.rounds.is_some_and(|rounds| round >= rounds)
			|| plan.deadline.is_some_and(|deadline| now >= deadline)
		{
			break;
		}
		let nonce = sender.nonce + round;
		match submit_transfer(client, genesis, sender, nonce, plan, ledger).await? {
			Fate::Accepted { hash, backoffs } => {
				done.accepted += 1;
				done.backoffs += backoffs;
				if (round + 1) % plan.in_flight != 0 {
					// The group is not complete: its next transfer goes now.
					continue;
				}
				let limit = match plan.deadline {
					Some(deadline) => deadline.min(now + INCLUSION_LIMIT),
					None => now + INCLUSION_LIMIT,
				};
				if !included(ledger, hash, &mut blocks, limit).await? {
					if plan.deadline.is_some_and(|deadline| Instant::now() >= deadline) {
						break;
					}
					done.stalled.push(format!(
						"{}, nonce {nonce}: not in a block after {INCLUSION_LIMIT:?}",
						who()
					));
					break;
				}
			}
			Fate::Refused(why) => {
				// Its later nonces could never be included: the account stops.
				done.refused.push(format!("{}, nonce {nonce}: {why}", who()));
				break;
			}
			Fate::TimeUp => break,
		}
	}
	Ok(done)
}

/// Runs `senders` (see [`run_account`]) over one connection of their own.
async fn submit_accounts(
	url: String,
	genesis: H256,
	senders: Vec<Sender>,
	plan: Plan,
	ledger: Arc<Mutex<Ledger>>,
	blocks: watch::Receiver<u32>,
) -> Result<Submitted> {
	let client = WsClientBuilder::default().build(&url).await?;
	let (client, ledger) = (&client, &*ledger);
	let accounts = senders
		.iter()
		.map(|sender| run_account(client, genesis, sender, plan, ledger, blocks.clone()));
	let mut done = Submitted::default();
	for account in futures::future::join_all(accounts).await {
		let account = account?;
		done.accepted += account.accepted;
		done.backoffs += account.backoffs;
		done.refused.extend(account.refused);
		done.stalled.extend(account.stalled);
	}
	Ok(done)
}

/// A head as it arrived.
enum Head {
	Best(u32, Instant),
	Finalized(u32, Instant),
}

/// The number in a header.
fn header_number(header: &Value) -> Result<u32> {
	let text = header["number"].as_str().ok_or("a header has a hex number")?;
	Ok(u32::from_str_radix(text.trim_start_matches("0x"), 16)?)
}

/// Forwards the heads of both subscriptions with their arrival time, until either ends or
/// nobody listens.
async fn forward_heads(
	_client: WsClient,
	mut best: Subscription<Value>,
	mut finalized: Subscription<Value>,
	heads: mpsc::UnboundedSender<Head>,
) -> Result<()> {
	loop {
		let head = tokio::select! {
			header = best.next() => {
				let header = header.ok_or("the node closed the new heads subscription")??;
				Head::Best(header_number(&header)?, Instant::now())
			}
			header = finalized.next() => {
				let header = header.ok_or("the node closed the finalized heads subscription")??;
				Head::Finalized(header_number(&header)?, Instant::now())
			}
		};
		if heads.send(head).is_err() {
			return Ok(());
		}
	}
}

/// Records every block after `last` (see [`BlockRecord`]) and when the submitted transfers
/// were included and finalized, printing a line per block.
async fn record_blocks(
	client: WsClient,
	mut heads: mpsc::UnboundedReceiver<Head>,
	mut last: u32,
	ledger: Arc<Mutex<Ledger>>,
	blocks: watch::Sender<u32>,
) -> Result<()> {
	let limit = normal_limit();
	let max_block = RuntimeBlockWeights::get().max_block.ref_time();
	let weight_key = plain_key("System", "BlockWeight");
	// The finalized heads so far, oldest first: a block is final from the first that covers it.
	let mut finalized_heads: Vec<(u32, Instant)> = Vec::new();
	while let Some(head) = heads.recv().await {
		match head {
			Head::Best(number, seen) => {
				// A block whose own head was not announced (the node announces the best one)
				// counts as seen with the head that followed it.
				for n in last.saturating_add(1)..=number {
					let hash: Option<H256> =
						client.request("chain_getBlockHash", rpc_params![n]).await?;
					let hash = hash.ok_or_else(|| format!("block #{n} has no hash"))?;
					let extrinsics = block_extrinsics(&client, hash).await?;
					let weights = match storage_raw(&client, &weight_key, Some(hash)).await? {
						Some(raw) => PerDispatchClass::<Weight>::decode(&mut &raw[..])?,
						None => PerDispatchClass::default(),
					};
					let normal_weight = weights.get(DispatchClass::Normal).ref_time();
					let taken = weights.get(DispatchClass::Mandatory).ref_time() >= max_block;
					let mut hashes = Vec::with_capacity(extrinsics.len());
					for extrinsic in &extrinsics {
						hashes.push(H256(blake2_256(&sp_core::bytes::from_hex(extrinsic)?)));
					}
					let finalized =
						finalized_heads.iter().find(|(f, _)| *f >= n).map(|(_, at)| *at);
					let mut record = lock(&ledger);
					let mut ours = Vec::new();
					for hash in hashes {
						if let Some(tracked) = record.transfers.get_mut(&hash) {
							if tracked.included.is_none() {
								tracked.included = Some(seen);
								tracked.finalized = finalized;
								ours.push(hash);
							}
						}
					}
					println!(
						"#{n:<7} {:>5} transfers of {:>5} extrinsics, normal weight {:>5.1}%{}",
						ours.len(),
						extrinsics.len(),
						100.0 * normal_weight as f64 / limit as f64,
						if taken { " (taken whole by mandatory work)" } else { "" }
					);
					record.blocks.push(BlockRecord {
						number: n,
						seen,
						transfers: ours,
						normal_weight,
						taken,
						finalized,
					});
				}
				last = last.max(number);
				// Wakes the accounts waiting for their transfers.
				blocks.send_replace(last);
			}
			Head::Finalized(number, at) => {
				finalized_heads.push((number, at));
				let mut record = lock(&ledger);
				let Ledger { transfers, blocks } = &mut *record;
				for block in
					blocks.iter_mut().filter(|b| b.number <= number && b.finalized.is_none())
				{
					block.finalized = Some(at);
					for hash in &block.transfers {
						if let Some(tracked) = transfers.get_mut(hash) {
							tracked.finalized = Some(at);
						}
					}
				}
			}
		}
	}
	Ok(())
}

/// How many submitted transfers are not yet included, and not yet finalized.
fn outstanding(ledger: &Mutex<Ledger>) -> (usize, usize) {
	let ledger = lock(ledger);
	let unincluded = ledger.transfers.values().filter(|t| t.included.is_none()).count();
	let unfinalized = ledger.transfers.values().filter(|t| t.finalized.is_none()).count();
	(unincluded, unfinalized)
}

/// Resident and peak resident memory of process `pid`, in KiB (`VmRSS`, `VmHWM`).
fn memory_of(pid: u32) -> std::io::Result<(u64, u64)> {
	let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
	let field = |name: &str| -> u64 {
		status
			.lines()
			.find_map(|line| line.strip_prefix(name))
			.and_then(|rest| rest.split_whitespace().next())
			.and_then(|kib| kib.parse().ok())
			.unwrap_or(0)
	};
	Ok((field("VmRSS:"), field("VmHWM:")))
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<()> {
	let Some(options) = Options::parse(std::env::args().skip(1))? else {
		println!("{USAGE}");
		return Ok(());
	};
	let client = WsClientBuilder::default().build(&options.url).await?;
	let genesis = genesis_hash(&client).await?;

	// Onboarding.
	let started = Instant::now();
	let mut pairs = Vec::new();
	for i in 0..options.accounts {
		let uri = format!("//load/{i}");
		pairs.push(
			sr25519::Pair::from_string(&uri, None).map_err(|e| format!("deriving {uri}: {e:?}"))?,
		);
	}
	let accounts: Vec<AccountId> = pairs.iter().map(|pair| pair.public().into()).collect();
	let onboarded = onboard(&client, genesis, &accounts).await?;
	println!(
		"onboarded {} accounts in {:.1} s: {} identities registered, {} claims issued, {} \
		 accounts funded with {} USDX, in {} batches",
		accounts.len(),
		started.elapsed().as_secs_f64(),
		onboarded.registered,
		onboarded.claims,
		onboarded.funded,
		FUNDING / USDX,
		onboarded.batches
	);
	let mut nonces = Vec::new();
	for account in &accounts {
		nonces.push(next_nonce(&client, account).await?);
	}

	// The block follower, subscribed before the first submission.
	let ledger = Arc::new(Mutex::new(Ledger::default()));
	let (blocks_tx, blocks_rx) = watch::channel(0u32);
	let heads_client = WsClientBuilder::default().build(&options.url).await?;
	let best = heads_client
		.subscribe("chain_subscribeNewHeads", rpc_params![], "chain_unsubscribeNewHeads")
		.await?;
	let finalized = heads_client
		.subscribe(
			"chain_subscribeFinalizedHeads",
			rpc_params![],
			"chain_unsubscribeFinalizedHeads",
		)
		.await?;
	let first_block = best_number(&client).await?;
	let (heads_tx, heads_rx) = mpsc::unbounded_channel();
	let mut forwarder = tokio::spawn(forward_heads(heads_client, best, finalized, heads_tx));
	let recorder_client = WsClientBuilder::default().build(&options.url).await?;
	let mut recorder = tokio::spawn(record_blocks(
		recorder_client,
		heads_rx,
		first_block,
		ledger.clone(),
		blocks_tx,
	));

	// The load, spread over the connections.
	let connections = options.connections.min(options.accounts) as usize;
	let mut groups: Vec<Vec<Sender>> = (0..connections).map(|_| Vec::new()).collect();
	for (i, (pair, nonce)) in pairs.into_iter().zip(nonces).enumerate() {
		let dest = accounts[(i + 1) % accounts.len()].clone();
		groups[i % connections].push(Sender { pair, dest, nonce });
	}
	match options.rounds {
		Some(rounds) => println!(
			"load: {} accounts, {rounds} rounds, {} in flight each, {connections} connections, \
			 against {}",
			accounts.len(),
			options.in_flight,
			options.url
		),
		None => println!(
			"load: {} accounts, {} s, {} in flight each, {connections} connections, against {}",
			accounts.len(),
			options.seconds,
			options.in_flight,
			options.url
		),
	}
	let window_start = Instant::now();
	let plan = Plan {
		rounds: options.rounds,
		in_flight: options.in_flight,
		deadline: match options.rounds {
			Some(_) => None,
			None => Some(window_start + Duration::from_secs(options.seconds)),
		},
	};
	let submitters = groups.into_iter().map(|senders| {
		let (url, ledger, blocks) = (options.url.clone(), ledger.clone(), blocks_rx.clone());
		tokio::spawn(submit_accounts(url, genesis, senders, plan, ledger, blocks))
	});
	let mut submitted = Submitted::default();
	for done in futures::future::join_all(submitters).await {
		let done = done??;
		submitted.accepted += done.accepted;
		submitted.backoffs += done.backoffs;
		submitted.refused.extend(done.refused);
		submitted.stalled.extend(done.stalled);
	}
	let submission_time = window_start.elapsed();

	// Wait for the rest to be included and finalized.
	let drain_start = Instant::now();
	let (mut last_change, mut last_outstanding) = (Instant::now(), outstanding(&ledger));
	while last_outstanding != (0, 0) {
		if forwarder.is_finished() || recorder.is_finished() {
			if forwarder.is_finished() {
				(&mut forwarder).await??;
			}
			if recorder.is_finished() {
				(&mut recorder).await??;
			}
			return Err("the block follower stopped".into());
		}
		tokio::time::sleep(Duration::from_millis(200)).await;
		let now = outstanding(&ledger);
		if now != last_outstanding {
			(last_change, last_outstanding) = (Instant::now(), now);
		}
		if last_change.elapsed() > STALL_LIMIT || drain_start.elapsed() > DRAIN_LIMIT {
			break;
		}
	}
	forwarder.abort();
	recorder.abort();

	// The figures.
	let ledger = lock(&ledger);
	let included: Vec<&Tracked> =
		ledger.transfers.values().filter(|t| t.included.is_some()).collect();
	let finalized_count = ledger.transfers.values().filter(|t| t.finalized.is_some()).count();
	let window_end = match plan.deadline {
		Some(deadline) => deadline,
		None => included.iter().filter_map(|t| t.included).max().unwrap_or(window_start),
	};
	let limit = normal_limit();
	println!(
		"transfers: submitted {}, included {}, finalized {}, refused {} (pool full {} times, \
		 backed off and retried)",
		submitted.accepted,
		included.len(),
		finalized_count,
		submitted.refused.len(),
		submitted.backoffs
	);
	for why in submitted.refused.iter().take(5) {
		println!("  refused: {why}");
	}
	if !submitted.stalled.is_empty() {
		println!("accounts stopped, a transfer not included: {}", submitted.stalled.len());
		for why in submitted.stalled.iter().take(5) {
			println!("  stalled: {why}");
		}
	}
	println!(
		"submission: {:.1} transfers/s accepted by the node over {:.1} s",
		submitted.accepted as f64 / submission_time.as_secs_f64().max(1e-3),
		submission_time.as_secs_f64()
	);
	println!("normal-class weight limit: {:.1} ms per block", limit as f64 / 1e9);

	let mut window: Vec<&BlockRecord> = ledger
		.blocks
		.iter()
		.filter(|block| block.seen >= window_start && block.seen <= window_end)
		.collect();
	window.sort_by_key(|block| block.number);
	match (window.first(), window.last()) {
		(Some(first), Some(last)) if window.len() >= 2 && last.seen > first.seen => {
			// The first block was (partly) built before the window: its transfers do not
			// count, its arrival starts the clock.
			let measured = &window[1..];
			let span = last.seen - first.seen;
			let transfers: usize = measured.iter().map(|block| block.transfers.len()).sum();
			println!(
				"measured blocks: #{} to #{}, {} blocks in {:.2} s",
				measured[0].number,
				last.number,
				measured.len(),
				span.as_secs_f64()
			);
			println!(
				"sustained: {:.1} transfers/s ({transfers} transfers)",
				transfers as f64 / span.as_secs_f64()
			);
			let fill = |block: &BlockRecord| 100.0 * block.normal_weight as f64 / limit as f64;
			if let Some(fullest) = measured.iter().copied().max_by_key(|block| block.normal_weight)
			{
				println!(
					"fullest block: #{}, {} transfers, {:.1}% of the normal-class weight limit",
					fullest.number,
					fullest.transfers.len(),
					fill(fullest)
				);
			}
			let average =
				measured.iter().map(|&block| fill(block)).sum::<f64>() / measured.len() as f64;
			println!("average block fill: {average:.1}% of the normal-class weight limit");
			let taken = measured.iter().filter(|block| block.taken).count();
			if taken > 0 {
				println!(
					"blocks taken whole by mandatory work: {taken} of {} (pallet-session charges \
					 a session rotation the whole block: no transaction fits in it)",
					measured.len()
				);
			}
			let fullest = measured.iter().map(|&block| fill(block)).fold(0.0, f64::max);
			if fullest < 90.0 && options.rounds.is_none() {
				println!(
					"note: no block was full. Each account keeps {} transfers in flight, so {} \
					 accounts offer at most {} transfers per block: more --accounts load the \
					 chain harder (or the machine ran out of CPU: see the node's log)",
					options.in_flight,
					accounts.len(),
					accounts.len().saturating_mul(options.in_flight as usize)
				);
			}
		}
		_ => {
			println!("sustained: n/a (fewer than two blocks arrived within the window; run longer)")
		}
	}

	let to_included: Vec<Duration> = included
		.iter()
		.filter_map(|t| t.included.map(|at| at.saturating_duration_since(t.submitted)))
		.collect();
	let to_finalized: Vec<Duration> = ledger
		.transfers
		.values()
		.filter_map(|t| t.finalized.map(|at| at.saturating_duration_since(t.submitted)))
		.collect();
	let (included_p50, included_p95) = median_and_p95(&to_included);
	let (finalized_p50, finalized_p95) = median_and_p95(&to_finalized);
	println!(
		"submit-to-included:  p50 {:>6} ms, p95 {:>6} ms",
		millis(included_p50),
		millis(included_p95)
	);
	println!(
		"submit-to-finalized: p50 {:>6} ms, p95 {:>6} ms",
		millis(finalized_p50),
		millis(finalized_p95)
	);
	match options.node_pid.map(|pid| (pid, memory_of(pid))) {
		Some((pid, Ok((rss, peak)))) => println!(
			"node memory (pid {pid}): resident {:.1} MiB (VmRSS), peak {:.1} MiB (VmHWM)",
			rss as f64 / 1024.0,
			peak as f64 / 1024.0
		),
		Some((pid, Err(e))) => println!("node memory: /proc/{pid}/status unreadable ({e})"),
		None => println!("node memory: skipped (no --node-pid)"),
	}

	let missing = submitted.accepted - finalized_count.min(submitted.accepted);
	if missing > 0 {
		let message = format!(
			"{} of {} submitted transfers were not included, {missing} not finalized, within \
			 {:.0} s after the submission (dropped by the pool, or the node fell behind)",
			submitted.accepted - included.len().min(submitted.accepted),
			submitted.accepted,
			drain_start.elapsed().as_secs_f64()
		);
		if options.rounds.is_some() {
			return Err(message.into());
		}
		println!("warning: {message}");
	}
	if options.rounds.is_some() && !(submitted.refused.is_empty() && submitted.stalled.is_empty()) {
		return Err(format!(
			"{} transfers were refused and {} accounts stalled",
			submitted.refused.len(),
			submitted.stalled.len()
		)
		.into());
	}
	Ok(())
}
