//! The validator set is the council's: a validator registers its session keys, a motion adds,
//! removes or replaces it, and Aura and GRANDPA follow at the session after next.

use codec::Encode;
use frame_support::{
	assert_noop,
	traits::{OnFinalize, OnInitialize},
};
use sp_keyring::Sr25519Keyring;
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};

use super::{council_motion, preset_storage, start_block, PresetTest, LOCAL_COUNCIL};
use crate::{configs::consensus::SessionKeyDeposit, *};

/// Ends the current block as far as GRANDPA is concerned (it enacts due authority changes),
/// then starts the next ones until the next session has begun.
pub(crate) fn run_to_next_session() {
	let session = Session::current_index();
	while Session::current_index() == session {
		Grandpa::on_finalize(System::block_number());
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
	// GRANDPA enacts a change without delay in the block that scheduled it.
	Grandpa::on_finalize(System::block_number());
}

/// The local testnet's genesis, with a keystore in which validators generate their keys.
fn local_testnet_with_keystore() -> PresetTest {
	let mut test = preset_storage("local_testnet");
	test.externalities().register_extension(KeystoreExt::new(MemoryKeystore::new()));
	test
}

/// `who` generates session keys (as `author_rotateKeysWithOwner` does on its node) and
/// registers them with `session.set_keys`, proving it holds them.
fn register_session_keys(who: Sr25519Keyring) -> SessionKeys {
	let account = who.to_account_id();
	let generated = SessionKeys::generate(&account.encode(), None);
	assert_eq!(
		Session::set_keys(
			RuntimeOrigin::signed(account),
			generated.keys.clone(),
			generated.proof.encode()
		),
		Ok(())
	);
	generated.keys
}

fn add(who: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
		who: who.to_account_id(),
	})
}

fn remove(who: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
		who: who.to_account_id(),
	})
}

fn aura_authorities() -> Vec<sp_consensus_aura::sr25519::AuthorityId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

fn grandpa_authorities() -> Vec<sp_consensus_grandpa::AuthorityId> {
	Grandpa::grandpa_authorities().into_iter().map(|(id, _)| id).collect()
}

#[test]
fn the_local_testnet_starts_with_its_four_validators_as_session_authorities() {
	preset_storage("local_testnet").execute_with(|| {
		let four: Vec<AccountId> = LOCAL_COUNCIL
			.iter()
			.chain(core::iter::once(&Sr25519Keyring::Dave))
			.map(|k| k.to_account_id())
			.collect();
		let mut set = pallet_validator_set::Validators::<Runtime>::get().into_inner();
		set.sort();
		let mut expected = four.clone();
		expected.sort();
		assert_eq!(set, expected);
		assert_eq!(aura_authorities().len(), 4);
		assert_eq!(grandpa_authorities().len(), 4);
		for who in four {
			assert!(pallet_session::NextKeys::<Runtime>::contains_key(&who));
		}
	});
}

#[test]
fn a_motion_adds_a_validator_with_registered_keys_and_aura_and_grandpa_follow() {
	local_testnet_with_keystore().execute_with(|| {
		start_block();
		let eve = Sr25519Keyring::Eve;
		let before = Balances::free_balance(eve.to_account_id());
		let keys = register_session_keys(eve);
		// The key deposit is held, not spent.
		assert_eq!(Balances::free_balance(eve.to_account_id()), before - SessionKeyDeposit::get());

		assert_eq!(council_motion(add(eve), &LOCAL_COUNCIL), Ok(()));
		assert!(pallet_validator_set::Validators::<Runtime>::get().contains(&eve.to_account_id()));
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			RuntimeEvent::ValidatorSet(pallet_validator_set::Event::ValidatorAdded { validator, .. })
				if *validator == eve.to_account_id()
		)));
		// Not before the set is handed to the session.
		assert!(!aura_authorities().contains(&keys.aura));

		// The next session plans the new set, the one after makes it the authorities.
		run_to_next_session();
		assert!(!Session::validators().contains(&eve.to_account_id()));
		run_to_next_session();
		assert!(Session::validators().contains(&eve.to_account_id()));
		assert_eq!(aura_authorities().len(), 5);
		assert!(aura_authorities().contains(&keys.aura));
		assert_eq!(grandpa_authorities().len(), 5);
		assert!(grandpa_authorities().contains(&keys.grandpa));
	});
}

#[test]
fn a_motion_removes_a_validator_but_never_below_the_minimum() {
	local_testnet_with_keystore().execute_with(|| {
		start_block();
		let eve = Sr25519Keyring::Eve;
		register_session_keys(eve);
		assert_eq!(council_motion(add(eve), &LOCAL_COUNCIL), Ok(()));
		run_to_next_session();
		run_to_next_session();
		assert_eq!(aura_authorities().len(), 5);

		// Alice's key leaked and Bob's institution leaves: the council removes both.
		assert_eq!(council_motion(remove(Sr25519Keyring::Alice), &LOCAL_COUNCIL), Ok(()));
		assert_eq!(council_motion(remove(Sr25519Keyring::Bob), &LOCAL_COUNCIL), Ok(()));
		// Three is the minimum: a third removal is refused with a named error.
		assert_eq!(
			council_motion(remove(Sr25519Keyring::Charlie), &LOCAL_COUNCIL),
			Err(pallet_validator_set::Error::<Runtime>::TooFewValidators.into())
		);
		run_to_next_session();
		run_to_next_session();
		let alice_aura: sp_consensus_aura::sr25519::AuthorityId =
			Sr25519Keyring::Alice.public().into();
		assert_eq!(aura_authorities().len(), 3);
		assert!(!aura_authorities().contains(&alice_aura));
		assert_eq!(grandpa_authorities().len(), 3);
		assert!(!Session::validators().contains(&Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn a_motion_replaces_a_validator_in_one_step() {
	local_testnet_with_keystore().execute_with(|| {
		start_block();
		let eve = Sr25519Keyring::Eve;
		let keys = register_session_keys(eve);
		let replace = RuntimeCall::ValidatorSet(pallet_validator_set::Call::replace_validator {
			old: Sr25519Keyring::Charlie.to_account_id(),
			new: eve.to_account_id(),
		});
		assert_eq!(council_motion(replace, &LOCAL_COUNCIL), Ok(()));
		run_to_next_session();
		run_to_next_session();
		assert_eq!(aura_authorities().len(), 4);
		assert!(aura_authorities().contains(&keys.aura));
		assert!(!Session::validators().contains(&Sr25519Keyring::Charlie.to_account_id()));
	});
}

#[test]
fn a_validator_without_registered_keys_cannot_be_added() {
	preset_storage("local_testnet").execute_with(|| {
		start_block();
		assert_eq!(
			council_motion(add(Sr25519Keyring::Eve), &LOCAL_COUNCIL),
			Err(pallet_validator_set::Error::<Runtime>::KeysNotRegistered.into())
		);
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 4);
	});
}

#[test]
fn a_two_thirds_motion_a_member_alone_and_an_outsider_cannot_change_the_set() {
	local_testnet_with_keystore().execute_with(|| {
		start_block();
		let eve = Sr25519Keyring::Eve;
		register_session_keys(eve);
		// Two of three: an ordinary motion's majority, not enough for the validator set.
		assert_eq!(
			council_motion(add(eve), &LOCAL_COUNCIL[..2]),
			Err(pallet_validator_set::Error::<Runtime>::NotGovernance.into())
		);
		for who in [Sr25519Keyring::Alice, eve] {
			assert_noop!(
				ValidatorSet::add_validator(
					RuntimeOrigin::signed(who.to_account_id()),
					eve.to_account_id()
				),
				pallet_validator_set::Error::<Runtime>::NotGovernance
			);
		}
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 4);
	});
}

#[test]
fn session_keys_need_a_proof_of_possession() {
	local_testnet_with_keystore().execute_with(|| {
		start_block();
		// Eve tries to register keys that Dave generated (and proved for himself).
		let dave = Sr25519Keyring::Dave.to_account_id();
		let generated = SessionKeys::generate(&dave.encode(), None);
		assert_noop!(
			Session::set_keys(
				RuntimeOrigin::signed(Sr25519Keyring::Eve.to_account_id()),
				generated.keys,
				generated.proof.encode()
			),
			pallet_session::Error::<Runtime>::InvalidProof
		);
	});
}
