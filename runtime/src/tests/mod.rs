//! The runtime's own tests: genesis presets, block limits and fees in USDX, governance.
//!
//! Every test runs on the genesis state of a real preset ([`preset_storage`]) and, when the
//! crate is built with `try-runtime` (as `scripts/test.sh` does), ends by checking every
//! pallet's invariants (`AllPalletsWithSystem::try_state`). Governance acts through real
//! council motions ([`council_motion`], [`dispatch_as_root`]) from members' signed origins,
//! never through a root origin standing in for the council.
//!
//! `#[frame_support::runtime]` adds the pallets' integrity tests to this crate by itself.

mod duties;
#[cfg(feature = "try-runtime")]
mod fuzz;
mod governance;
mod issuance;
mod market;
mod payments;
mod regulatory;
mod safety;
#[cfg(feature = "try-runtime")]
mod upgrade_checks;
mod validators;

use codec::Encode;
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::Get,
	weights::{Weight, WeightToFee as _},
};
use serde_json::Value;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{BlakeTwo256, Header as _},
	BuildStorage, DispatchResult,
};

use crate::{
	configs::{
		currency::{FeeCollectorAccount, RefTimeToFee, REF_TIME_PER_MICRO_USDX},
		MAXIMUM_BLOCK_REF_TIME,
	},
	genesis_config_presets::{self, DEV_ACCOUNT_BALANCE},
	*,
};

/// Recursively overlays `patch` on `base`, as the node does with a preset.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// The genesis state of a preset, in which a test runs; checks every pallet's invariants when
/// the test's closure returns.
pub(crate) struct PresetTest(sp_io::TestExternalities);

impl PresetTest {
	/// Runs `test` on the state, then (with `try-runtime`) every pallet's `try_state`.
	pub(crate) fn execute_with<R>(&mut self, test: impl FnOnce() -> R) -> R {
		self.0.execute_with(|| {
			let result = test();
			check_invariants();
			result
		})
	}

	/// The state itself, to register extensions (a keystore, a runtime-version reader).
	pub(crate) fn externalities(&mut self) -> &mut sp_io::TestExternalities {
		&mut self.0
	}
}

/// Every pallet's invariants, as `try-runtime` checks them on a live chain; a failure names
/// each pallet whose invariants broke, and how.
fn check_invariants() {
	#[cfg(feature = "try-runtime")]
	{
		use frame_support::traits::{PalletsInfoAccess, TryState, TryStateSelect};
		let now = System::block_number();
		let broken: Vec<String> = AllPalletsWithSystem::infos()
			.into_iter()
			.filter_map(|pallet| {
				let only = TryStateSelect::Only(vec![pallet.name.as_bytes().to_vec()]);
				AllPalletsWithSystem::try_state(now, only)
					.err()
					.map(|error| format!("{}: {error:?}", pallet.name))
			})
			.collect();
		assert!(broken.is_empty(), "invariants broken at the end of the test: {broken:#?}");
	}
}

/// Genesis storage of the named preset, built as the node builds it.
pub(crate) fn preset_storage(name: &str) -> PresetTest {
	let patch: Value = serde_json::from_slice(
		&genesis_config_presets::get_preset(&name.into()).expect("the preset exists"),
	)
	.expect("a preset is valid JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("the preset decodes");
	PresetTest(config.build_storage().expect("genesis builds").into())
}

/// The council of the `local_testnet` preset.
pub(crate) const LOCAL_COUNCIL: [Sr25519Keyring; 3] =
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];

/// The council of the `development` preset.
pub(crate) const DEV_COUNCIL: [Sr25519Keyring; 1] = [Sr25519Keyring::Alice];

/// Runs a council motion as the council does: `ayes[0]` proposes `call` with a threshold of
/// `ayes.len()` votes, every one of `ayes` (the proposer too) votes aye, and the proposer
/// closes it.
///
/// Returns what the call returned when the passed motion executed, as the council's
/// `Executed` event reports it.
pub(crate) fn council_motion(call: RuntimeCall, ayes: &[Sr25519Keyring]) -> DispatchResult {
	use sp_runtime::traits::Hash as _;
	assert!(System::block_number() > 0, "start a block first: genesis records no events");
	let proposer = RuntimeOrigin::signed(ayes[0].to_account_id());
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = BlakeTwo256::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	Council::propose(proposer.clone(), ayes.len() as u32, Box::new(call.into()), length)
		.expect("a council member may propose");
	if ayes.len() > 1 {
		for voter in ayes {
			Council::vote(RuntimeOrigin::signed(voter.to_account_id()), hash, index, true)
				.expect("a council member may vote");
		}
		Council::close(proposer, hash, index, weight, length).expect("the motion closes");
	}
	motion_result(hash).expect("the motion passed and was executed")
}

/// What the call of the motion `hash` returned when the motion was executed.
pub(crate) fn motion_result(hash: Hash) -> Option<DispatchResult> {
	System::events().into_iter().rev().find_map(|record| match record.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { proposal_hash, result })
			if proposal_hash == hash =>
		{
			Some(result)
		}
		_ => None,
	})
}

/// Dispatches `call` with the root origin the only way the chain allows: a three-quarters
/// council motion (`ayes`) whitelists its hash, then the first of them dispatches it through
/// `council.execute(whitelist.dispatch_whitelisted_call_with_preimage(call))`.
///
/// Returns what the call returned.
pub(crate) fn dispatch_as_root(call: RuntimeCall, ayes: &[Sr25519Keyring]) -> DispatchResult {
	use sp_runtime::traits::Hash as _;
	let call_hash = BlakeTwo256::hash_of(&call);
	council_motion(
		RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash }),
		ayes,
	)?;
	let dispatch =
		RuntimeCall::Whitelist(pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
			call: Box::new(call),
		});
	let length = dispatch.encoded_size() as u32;
	Council::execute(
		RuntimeOrigin::signed(ayes[0].to_account_id()),
		Box::new(dispatch.into()),
		length,
	)
	.map_err(|e| e.error)?;
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Whitelist(pallet_whitelist::Event::WhitelistedCallDispatched {
				call_hash: dispatched,
				result,
			}) if dispatched == call_hash => Some(result.map(|_| ()).map_err(|e| e.error)),
			_ => None,
		})
		.expect("the whitelisted call was dispatched")
}

#[test]
fn both_presets_are_listed() {
	let names: Vec<String> = genesis_config_presets::preset_names();
	assert_eq!(names, vec!["development".to_string(), "local_testnet".to_string()]);
	assert!(genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn development_preset_has_one_validator_and_a_one_member_council() {
	preset_storage("development").execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		assert_eq!(
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(),
			vec![Sr25519Keyring::Alice.to_account_id()]
		);
		for who in genesis_config_presets::endowed_dev_accounts() {
			assert_eq!(Balances::free_balance(&who), DEV_ACCOUNT_BALANCE);
		}
		assert_eq!(Balances::free_balance(FeeCollectorAccount::get()), EXISTENTIAL_DEPOSIT);
		assert_eq!(Balances::total_issuance(), 6 * DEV_ACCOUNT_BALANCE + EXISTENTIAL_DEPOSIT);
	});
}

#[test]
fn local_testnet_preset_has_four_validators_and_a_council_of_three() {
	preset_storage("local_testnet").execute_with(|| {
		let trio: Vec<AccountId> =
			[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
				.iter()
				.map(|k| k.to_account_id())
				.collect();
		// Four, so that one can fail and GRANDPA still has more than two thirds.
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(Grandpa::grandpa_authorities().len(), 4);
		let mut members =
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get();
		members.sort();
		let mut expected = trio.clone();
		expected.sort();
		assert_eq!(members, expected);
	});
}

#[test]
fn block_weight_fits_the_block_time() {
	let weights = configs::RuntimeBlockWeights::get();
	// Aura gives the author two thirds of the slot; a full block must fit well inside.
	let authoring_time = frame_support::weights::constants::WEIGHT_REF_TIME_PER_MILLIS
		* MILLI_SECS_PER_BLOCK
		* 2 / 3;
	assert_eq!(weights.max_block.ref_time(), MAXIMUM_BLOCK_REF_TIME);
	assert!(weights.max_block.ref_time() < authoring_time);
	assert_eq!(
		MAXIMUM_BLOCK_REF_TIME,
		600 * frame_support::weights::constants::WEIGHT_REF_TIME_PER_MILLIS
	);
	// Aura's slot is the block time.
	assert_eq!(<Runtime as pallet_aura::Config>::SlotDuration::get(), MILLI_SECS_PER_BLOCK);
}

#[test]
fn weight_to_fee_rounds_up_and_charges_in_micro_usdx() {
	assert_eq!(RefTimeToFee::weight_to_fee(&Weight::zero()), 0);
	assert_eq!(RefTimeToFee::weight_to_fee(&Weight::from_parts(1, 0)), 1);
	assert_eq!(RefTimeToFee::weight_to_fee(&Weight::from_parts(REF_TIME_PER_MICRO_USDX, 0)), 1);
	assert_eq!(RefTimeToFee::weight_to_fee(&Weight::from_parts(REF_TIME_PER_MICRO_USDX + 1, 0)), 2);
	// Proof size is free on a solochain.
	assert_eq!(RefTimeToFee::weight_to_fee(&Weight::from_parts(0, u64::MAX)), 0);
	assert_eq!(
		RefTimeToFee::weight_to_fee(&Weight::MAX),
		Balance::from(u64::MAX.div_ceil(REF_TIME_PER_MICRO_USDX))
	);
}

#[test]
fn a_signed_transfer_pays_its_fee_in_usdx_to_the_fee_account() {
	preset_storage("development").execute_with(|| {
		let alice = Sr25519Keyring::Alice;
		let bob = Sr25519Keyring::Bob.to_account_id();
		let genesis_hash = System::block_hash(0);
		start_block();

		let amount = 25 * USDX;
		let call = RuntimeCall::Stablecoin(pallet_stablecoin::Call::transfer {
			dest: bob.clone(),
			amount,
		});
		let xt = signing::sign_call(call, &alice.pair(), 0, genesis_hash);
		// The extrinsic's weight includes its transaction extensions'.
		let info = xt.get_dispatch_info();
		let len = xt.encoded_size() as u32;
		let expected_fee = TransactionPayment::compute_fee(len, &info, 0);
		// Under a tenth of a cent: what the fee schedule promises for a compliant transfer
		// (`a_compliant_transfer_costs_under_a_tenth_of_a_cent` explains the figure).
		assert!(expected_fee > 0 && expected_fee <= CENTS / 10, "fee was {expected_fee}");

		let fees_before = Balances::free_balance(FeeCollectorAccount::get());
		let issuance_before = Balances::total_issuance();
		assert_eq!(Executive::apply_extrinsic(xt), Ok(Ok(())));

		let alice_after = Balances::free_balance(alice.to_account_id());
		let actual_fee = DEV_ACCOUNT_BALANCE - amount - alice_after;
		println!("transfer fee: quoted {expected_fee}, paid {actual_fee} micro-USDX");
		// Weight reclaim may refund part of the fee, never charge more than quoted.
		assert!(actual_fee > 0 && actual_fee <= expected_fee, "{actual_fee} vs {expected_fee}");
		assert_eq!(Balances::free_balance(&bob), DEV_ACCOUNT_BALANCE + amount);
		assert_eq!(Balances::free_balance(FeeCollectorAccount::get()), fees_before + actual_fee);
		// Fees move USDX, they never create or destroy it.
		assert_eq!(Balances::total_issuance(), issuance_before);
		System::assert_has_event(RuntimeEvent::TransactionPayment(
			pallet_transaction_payment::Event::TransactionFeePaid {
				who: alice.to_account_id(),
				actual_fee,
				tip: 0,
			},
		));
	});
}

#[test]
fn a_transaction_signed_for_another_chain_is_refused() {
	preset_storage("development").execute_with(|| {
		start_block();
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			value: USDX,
		});
		let xt = signing::sign_call(
			call,
			&Sr25519Keyring::Alice.pair(),
			0,
			sp_core::H256::repeat_byte(7),
		);
		assert!(Executive::apply_extrinsic(xt).is_err());
		assert_eq!(
			Balances::free_balance(Sr25519Keyring::Alice.to_account_id()),
			DEV_ACCOUNT_BALANCE
		);
	});
}

#[test]
fn the_token_is_usdx_with_six_decimals() {
	assert_eq!(TOKEN_SYMBOL, "USDX");
	assert_eq!(TOKEN_DECIMALS, 6);
	assert_eq!(USDX, 10u128.pow(TOKEN_DECIMALS as u32));
	assert_eq!(EXISTENTIAL_DEPOSIT, USDX / 100);
	assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), SS58_PREFIX);
}

/// Sets the chain's clock to `now` (milliseconds) as a block would: the timestamp and Aura's
/// slot agree, as Aura's invariants require.
pub(crate) fn set_clock(now: u64) {
	pallet_timestamp::Now::<Runtime>::put(now);
	pallet_aura::CurrentSlot::<Runtime>::put(sp_consensus_aura::Slot::from(now / SLOT_DURATION));
}

/// Starts block 1 on top of genesis.
pub(crate) fn start_block() {
	let genesis_hash = System::block_hash(0);
	let header =
		Header::new(1, Default::default(), Default::default(), genesis_hash, Default::default());
	Executive::initialize_block(&header);
}

/// Applies `call` signed by `signer` in the current block.
pub(crate) fn apply_signed(
	call: RuntimeCall,
	signer: Sr25519Keyring,
) -> sp_runtime::ApplyExtrinsicResult {
	let genesis_hash = System::block_hash(0);
	let nonce = System::account_nonce(signer.to_account_id());
	Executive::apply_extrinsic(signing::sign_call(call, &signer.pair(), nonce, genesis_hash))
}

#[test]
fn development_preset_verifies_the_dev_accounts() {
	use stablecoin_primitives::{Compliance, ComplianceError, Operation};
	preset_storage("development").execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		for who in genesis_config_presets::verified_dev_accounts() {
			for operation in [Operation::Hold, Operation::Send, Operation::Mint, Operation::Redeem]
			{
				assert_eq!(IdentityClaims::check(&who, operation), Ok(()), "{operation:?}");
			}
		}
		// Only Alice holds the institutional claim that bulk minting needs.
		assert_eq!(IdentityClaims::check(&alice, Operation::BulkMint), Ok(()));
		assert!(IdentityClaims::check(&bob, Operation::BulkMint).is_err());
		// An account the preset did not verify may hold nothing.
		assert_eq!(
			IdentityClaims::check(&Sr25519Keyring::FerdieStash.to_account_id(), Operation::Hold),
			Err(ComplianceError::NoIdentity)
		);
		// Alice is an identity registrar.
		assert!(pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get()
			.contains(&alice));
	});
}

#[test]
fn a_claim_issuers_successful_call_is_feeless_and_anyone_elses_pays() {
	preset_storage("development").execute_with(|| {
		let provider = Sr25519Keyring::Ferdie;
		let issue = |identity: u64| {
			RuntimeCall::IdentityClaims(pallet_identity_claims::Call::issue_claim {
				identity,
				topic: stablecoin_primitives::topics::SANCTIONS,
				// Within the longest validity a claim may have (400 days from now).
				expires_at: 30 * 24 * 60 * 60 * 1000,
				evidence: sp_core::H256::repeat_byte(1),
			})
		};

		start_block();
		let before = Balances::free_balance(provider.to_account_id());
		assert_eq!(apply_signed(issue(2), provider), Ok(Ok(())));
		assert_eq!(Balances::free_balance(provider.to_account_id()), before, "no fee");
		System::assert_has_event(RuntimeEvent::SkipFeelessPayment(
			pallet_skip_feeless_payment::Event::FeeSkipped {
				origin: OriginCaller::system(frame_system::RawOrigin::Signed(
					provider.to_account_id(),
				)),
			},
		));

		// Bob is no claim issuer: the call fails and he pays for it.
		let bob = Sr25519Keyring::Bob;
		let before = Balances::free_balance(bob.to_account_id());
		let result = apply_signed(issue(3), bob);
		assert!(matches!(result, Ok(Err(_))), "{result:?}");
		assert!(Balances::free_balance(bob.to_account_id()) < before, "a fee was charged");
	});
}

#[test]
fn every_pallet_of_the_chain_declares_its_storage_version_and_genesis_records_it() {
	use frame_support::traits::{GetStorageVersion, StorageVersion};
	fn check<P: GetStorageVersion<InCodeStorageVersion = StorageVersion>>(
		name: &str,
		version: u16,
	) {
		assert_eq!(P::in_code_storage_version(), StorageVersion::new(version), "{name}");
		assert_eq!(P::on_chain_storage_version(), P::in_code_storage_version(), "{name}");
	}
	for preset in ["development", "local_testnet"] {
		preset_storage(preset).execute_with(|| {
			// Version 2: topic identifiers of two bytes (`MigrateV1ToV2`).
			check::<IdentityClaims>("IdentityClaims", 2);
			// Version 2: freezes under a legal order, with an expiry (`MigrateV1ToV2`).
			check::<Stablecoin>("Stablecoin", 2);
			check::<Oracle>("Oracle", 1);
			check::<Reserves>("Reserves", 1);
			check::<CircuitBreaker>("CircuitBreaker", 1);
			check::<ValidatorSet>("ValidatorSet", 1);
		});
	}
}
