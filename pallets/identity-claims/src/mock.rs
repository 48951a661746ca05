//! A test runtime: `frame_system`, `pallet_timestamp` and this pallet.

use crate as pallet_identity_claims;
use crate::*;
use frame_support::{derive_impl, ord_parameter_types};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_core::H256;
use sp_runtime::BuildStorage;
use stablecoin_primitives::{topics, CountryCode, Operation, TopicId};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system::Pallet<Test>;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp::Pallet<Test>;

	#[runtime::pallet_index(2)]
	pub type IdentityClaims = pallet_identity_claims::Pallet<Test>;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

/// The identity registrar's account.
pub const REGISTRAR: u64 = 100;

ord_parameter_types! {
	pub const Registrar: u64 = REGISTRAR;
}

#[derive_impl(pallet_identity_claims::config_preludes::TestDefaultConfig)]
impl pallet_identity_claims::Config for Test {
	type RegistrarOrigin = EnsureSignedBy<Registrar, u64>;
	type GovernanceOrigin = EnsureRoot<u64>;
	type Time = Timestamp;
}

/// Holders.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CHARLIE: u64 = 3;
pub const DAVE: u64 = 4;
pub const EVE: u64 = 5;
/// A KYC/KYB/AML provider.
pub const PROVIDER: u64 = 10;
/// A second provider, trusted for sanctions screening only.
pub const SCREENER: u64 = 11;
/// A third provider, trusted for KYC and AML like `PROVIDER`: the rogue or stolen issuer key
/// of the separation-of-duties tests.
pub const RIVAL: u64 = 12;
/// An account that is not trusted for anything.
pub const MALLORY: u64 = 66;

/// Alice's identity in the verified scenario (a person in France).
pub const ALICE_ID: IdentityId = 1;
/// Bob's identity in the verified scenario (a business in Germany).
pub const BOB_ID: IdentityId = 2;

/// The time the tests start at: 2024-01-01T00:00:00Z, in milliseconds.
pub const START: Moment = 1_704_067_200_000;
/// One day, in milliseconds.
pub const DAY: Moment = DAY_MS;
/// The longest validity of a claim in the mock (the default of 400 days).
pub const MAX_VALIDITY: Moment = 400 * DAY;
/// When the claims of the verified scenario expire.
pub const EXPIRY: Moment = START + 365 * DAY;

/// A recognisable evidence hash.
pub fn evidence(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// The registrar's origin.
pub fn registrar() -> RuntimeOrigin {
	RuntimeOrigin::signed(REGISTRAR)
}

/// The governance origin.
pub fn governance() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// Move the clock.
pub fn set_now(now: Moment) {
	Timestamp::set_timestamp(now);
}

/// A bounded topic list.
pub fn bounded<S: frame_support::traits::Get<u32>>(topics: &[TopicId]) -> BoundedVec<TopicId, S> {
	topics.to_vec().try_into().expect("test list within bounds")
}

/// Genesis for the tests.
pub struct ExtBuilder {
	genesis: pallet_identity_claims::GenesisConfig<Test>,
}

impl Default for ExtBuilder {
	/// The standard topics and nothing else.
	fn default() -> Self {
		Self { genesis: Default::default() }
	}
}

impl ExtBuilder {
	/// A ready-to-use compliance setup:
	/// - `PROVIDER` trusted for KYC, KYB, AML and accredited; `SCREENER` for sanctions;
	///   `RIVAL` for KYC and AML (it has issued no claim);
	/// - persons need KYC + AML to hold, send, mint and redeem; businesses need KYB + AML;
	///   bulk mints additionally need the accredited claim (Alice does not have it);
	/// - Alice (identity 1): a person in France with KYC and AML claims until `EXPIRY`;
	/// - Bob (identity 2): a business in Germany, accounts Bob and Charlie, with KYB, AML and
	///   accredited claims until `EXPIRY`.
	pub fn verified() -> Self {
		use IdentityKind::*;
		use Operation::*;
		let person = vec![topics::KYC, topics::AML];
		let business = vec![topics::KYB, topics::AML];
		let institution = vec![topics::KYB, topics::AML, topics::ACCREDITED];
		let mut rules = Vec::new();
		for op in [Hold, Send, Mint, Redeem] {
			rules.push((op, Person, person.clone()));
			rules.push((op, Business, business.clone()));
		}
		rules.push((BulkMint, Person, vec![topics::KYC, topics::AML, topics::ACCREDITED]));
		rules.push((BulkMint, Business, institution));
		Self::default()
			.issuer(PROVIDER, &[topics::KYC, topics::KYB, topics::AML, topics::ACCREDITED])
			.issuer(SCREENER, &[topics::SANCTIONS])
			.issuer(RIVAL, &[topics::KYC, topics::AML])
			.identity(ALICE_ID, Person, *b"FR", &[ALICE])
			.identity(BOB_ID, Business, *b"DE", &[BOB, CHARLIE])
			.claim(ALICE_ID, topics::KYC, PROVIDER, EXPIRY)
			.claim(ALICE_ID, topics::AML, PROVIDER, EXPIRY)
			.claim(BOB_ID, topics::KYB, PROVIDER, EXPIRY)
			.claim(BOB_ID, topics::AML, PROVIDER, EXPIRY)
			.claim(BOB_ID, topics::ACCREDITED, PROVIDER, EXPIRY)
			.rules(rules)
	}

	/// Add a trusted issuer.
	pub fn issuer(mut self, who: u64, topics: &[TopicId]) -> Self {
		self.genesis.trusted_issuers.push((who, topics.to_vec()));
		self
	}

	/// Add an identity.
	pub fn identity(
		mut self,
		id: IdentityId,
		kind: IdentityKind,
		jurisdiction: CountryCode,
		accounts: &[u64],
	) -> Self {
		self.genesis.identities.push((id, kind, jurisdiction, accounts.to_vec()));
		self
	}

	/// Add a claim.
	pub fn claim(
		mut self,
		id: IdentityId,
		topic: TopicId,
		issuer: u64,
		expires_at: Moment,
	) -> Self {
		self.genesis.claims.push((id, topic, issuer, expires_at, evidence(topic as u8)));
		self
	}

	/// Add compliance rules. Operations without a rule are refused.
	pub fn rules(mut self, rules: Vec<(Operation, IdentityKind, Vec<TopicId>)>) -> Self {
		self.genesis.required_topics.extend(rules);
		self
	}

	/// Block a jurisdiction.
	pub fn blocked(mut self, jurisdiction: CountryCode) -> Self {
		self.genesis.blocked_jurisdictions.push(jurisdiction);
		self
	}

	/// Add a jurisdiction's rule for an operation.
	pub fn jurisdiction_rule(
		mut self,
		jurisdiction: CountryCode,
		operation: Operation,
		topics: &[TopicId],
		max_amount: Option<u128>,
	) -> Self {
		self.genesis.jurisdiction_rules.push((
			jurisdiction,
			operation,
			topics.to_vec(),
			max_amount,
		));
		self
	}

	/// Replace the whole genesis.
	pub fn genesis(mut self, genesis: pallet_identity_claims::GenesisConfig<Test>) -> Self {
		self.genesis = genesis;
		self
	}

	/// The externalities, at block 1 and time `START`.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.expect("system genesis builds");
		self.genesis.assimilate_storage(&mut storage).expect("pallet genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			set_now(START);
		});
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			IdentityClaims::do_try_state().expect("invariants hold after the test");
		});
	}
}
