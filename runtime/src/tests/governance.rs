//! Governance reaches root through real council motions: runtime upgrades by hash, finality
//! recovery, and the thresholds that guard them.

use codec::Encode;
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use sp_core::traits::{Externalities, ReadRuntimeVersion, ReadRuntimeVersionExt};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{BlakeTwo256, Hash as _},
	DispatchError,
};

use super::{
	apply_signed, council_motion, dispatch_as_root, motion_result, preset_storage, start_block,
	PresetTest, DEV_COUNCIL, LOCAL_COUNCIL,
};
use crate::*;

/// Stands in for the executor when the runtime reads a new code's version: every code it is
/// shown is the current runtime with `spec_version` one higher.
struct NextSpecVersion;

impl ReadRuntimeVersion for NextSpecVersion {
	fn read_runtime_version(
		&self,
		_code: &[u8],
		_ext: &mut dyn Externalities,
	) -> Result<Vec<u8>, String> {
		let mut next = VERSION;
		next.spec_version += 1;
		Ok(next.encode())
	}
}

/// The local testnet's genesis, able to read the version of a proposed runtime.
fn local_testnet_with_version_reader() -> PresetTest {
	let mut test = preset_storage("local_testnet");
	test.externalities().register_extension(ReadRuntimeVersionExt::new(NextSpecVersion));
	test
}

/// A new runtime's code as the test uploads it (its version is read by [`NextSpecVersion`]).
fn new_code() -> Vec<u8> {
	b"\0asm a runtime one spec version higher".to_vec()
}

fn authorize_upgrade(code: &[u8]) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::authorize_upgrade {
		code_hash: BlakeTwo256::hash(code),
	})
}

#[test]
fn a_three_quarters_motion_authorizes_an_upgrade_and_anyone_applies_the_code_without_a_fee() {
	local_testnet_with_version_reader().execute_with(|| {
		start_block();
		let code = new_code();
		// The motion carries only the hash of the call that carries only the code's hash.
		assert_eq!(dispatch_as_root(authorize_upgrade(&code), &LOCAL_COUNCIL), Ok(()));
		System::assert_has_event(RuntimeEvent::System(frame_system::Event::UpgradeAuthorized {
			code_hash: BlakeTwo256::hash(&code),
			check_version: true,
		}));

		// Some other code is refused.
		assert_noop!(
			System::apply_authorized_upgrade(
				RuntimeOrigin::signed(Sr25519Keyring::Dave.to_account_id()),
				b"\0asm some other code".to_vec()
			),
			frame_system::Error::<Runtime>::Unauthorized
		);

		// Dave, who holds no role at all, uploads the code and pays nothing for it.
		let dave = Sr25519Keyring::Dave;
		let before = Balances::free_balance(dave.to_account_id());
		let apply = RuntimeCall::System(frame_system::Call::apply_authorized_upgrade {
			code: code.clone(),
		});
		assert_eq!(apply_signed(apply, dave), Ok(Ok(())));
		assert_eq!(Balances::free_balance(dave.to_account_id()), before, "no fee");
		System::assert_has_event(RuntimeEvent::System(frame_system::Event::CodeUpdated {
			hash: BlakeTwo256::hash(&code),
		}));
		assert_eq!(sp_io::storage::get(sp_core::storage::well_known_keys::CODE).unwrap(), code);
		assert!(System::authorized_upgrade().is_none());
	});
}

#[test]
fn a_root_call_proposed_as_a_plain_motion_is_refused() {
	local_testnet_with_version_reader().execute_with(|| {
		start_block();
		// Even unanimous, the council's own origin is not root.
		assert_eq!(
			council_motion(authorize_upgrade(&new_code()), &LOCAL_COUNCIL),
			Err(DispatchError::BadOrigin)
		);
		assert!(System::authorized_upgrade().is_none());
	});
}

#[test]
fn whitelisting_takes_three_quarters_of_the_council() {
	local_testnet_with_version_reader().execute_with(|| {
		start_block();
		let call_hash = BlakeTwo256::hash_of(&authorize_upgrade(&new_code()));
		let whitelist =
			RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash });
		// Two of three members pass an ordinary motion, not a root one.
		assert_eq!(
			council_motion(whitelist.clone(), &LOCAL_COUNCIL[..2]),
			Err(DispatchError::BadOrigin)
		);
		assert!(!pallet_whitelist::WhitelistedCall::<Runtime>::contains_key(call_hash));
		// A member alone, and anyone else, are refused outright.
		for who in [Sr25519Keyring::Alice, Sr25519Keyring::Dave] {
			assert_noop!(
				Whitelist::whitelist_call(RuntimeOrigin::signed(who.to_account_id()), call_hash),
				DispatchError::BadOrigin
			);
		}
		// All three do it.
		assert_eq!(council_motion(whitelist, &LOCAL_COUNCIL), Ok(()));
		assert!(pallet_whitelist::WhitelistedCall::<Runtime>::contains_key(call_hash));
	});
}

#[test]
fn only_a_council_member_dispatches_a_whitelisted_call() {
	local_testnet_with_version_reader().execute_with(|| {
		start_block();
		let call = authorize_upgrade(&new_code());
		let call_hash = BlakeTwo256::hash_of(&call);
		assert_eq!(
			council_motion(
				RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash }),
				&LOCAL_COUNCIL
			),
			Ok(())
		);
		// Dave is no member: his dispatch finds nothing he may relay.
		assert_noop!(
			Whitelist::dispatch_whitelisted_call_with_preimage(
				RuntimeOrigin::signed(Sr25519Keyring::Dave.to_account_id()),
				Box::new(call.clone())
			),
			pallet_whitelist::Error::<Runtime>::DeferredDispatchNotFound
		);
		// A different call than the one whitelisted is not dispatched as root by a member:
		// it is only deferred until its own hash is whitelisted.
		let other = authorize_upgrade(b"\0asm other code");
		let dispatch_other = RuntimeCall::Whitelist(
			pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
				call: Box::new(other.clone()),
			},
		);
		assert_ok!(Council::execute(
			RuntimeOrigin::signed(Sr25519Keyring::Bob.to_account_id()),
			Box::new(dispatch_other.clone().into()),
			dispatch_other.encoded_size() as u32
		));
		assert!(System::authorized_upgrade().is_none());
		// The member dispatches the whitelisted call.
		let dispatch = RuntimeCall::Whitelist(
			pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
				call: Box::new(call),
			},
		);
		assert_ok!(Council::execute(
			RuntimeOrigin::signed(Sr25519Keyring::Bob.to_account_id()),
			Box::new(dispatch.clone().into()),
			dispatch.encoded_size() as u32
		));
		assert!(System::authorized_upgrade().is_some());
		assert!(!pallet_whitelist::WhitelistedCall::<Runtime>::contains_key(call_hash));
	});
}

#[test]
fn non_members_and_ordinary_accounts_cannot_propose_or_vote() {
	preset_storage("local_testnet").execute_with(|| {
		start_block();
		let dave = RuntimeOrigin::signed(Sr25519Keyring::Dave.to_account_id());
		let call = authorize_upgrade(&new_code());
		let length = call.encoded_size() as u32;
		assert_noop!(
			Council::propose(dave.clone(), 3, Box::new(call.clone().into()), length),
			pallet_collective::Error::<Runtime, pallet_collective::Instance1>::NotMember
		);
		// A member's motion; Dave's vote on it is refused.
		let hash = BlakeTwo256::hash_of(&call);
		assert_ok!(Council::propose(
			RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
			3,
			Box::new(call.clone().into()),
			length
		));
		assert_noop!(
			Council::vote(dave, hash, 0, true),
			pallet_collective::Error::<Runtime, pallet_collective::Instance1>::NotMember
		);
		// Two ayes cannot close a motion that needs three.
		for member in [Sr25519Keyring::Alice, Sr25519Keyring::Bob] {
			assert_ok!(Council::vote(RuntimeOrigin::signed(member.to_account_id()), hash, 0, true));
		}
		assert_noop!(
			Council::close(
				RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
				hash,
				0,
				call.get_dispatch_info().call_weight,
				length
			),
			pallet_collective::Error::<Runtime, pallet_collective::Instance1>::TooEarly
		);
		assert_eq!(motion_result(hash), None);
		// And no signed account reaches a root call directly.
		assert_noop!(
			System::authorize_upgrade(
				RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
				BlakeTwo256::hash(&new_code())
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_development_council_of_one_reaches_root() {
	preset_storage("development").execute_with(|| {
		start_block();
		let code_hash = BlakeTwo256::hash(b"code");
		assert_eq!(
			dispatch_as_root(
				RuntimeCall::System(frame_system::Call::authorize_upgrade_without_checks {
					code_hash
				}),
				&DEV_COUNCIL
			),
			Ok(())
		);
		System::assert_has_event(RuntimeEvent::System(frame_system::Event::UpgradeAuthorized {
			code_hash,
			check_version: false,
		}));
		assert!(System::authorized_upgrade().is_some());
	});
}

#[test]
fn governance_recovers_a_stalled_finality_at_the_next_session() {
	preset_storage("local_testnet").execute_with(|| {
		start_block();
		let set_id = Grandpa::current_set_id();
		let note_stalled = RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled {
			delay: 5,
			best_finalized_block_number: 1,
		});
		// Root only: a plain motion cannot.
		assert_eq!(
			council_motion(note_stalled.clone(), &LOCAL_COUNCIL),
			Err(DispatchError::BadOrigin)
		);
		assert_eq!(dispatch_as_root(note_stalled, &LOCAL_COUNCIL), Ok(()));
		assert_eq!(pallet_grandpa::Stalled::<Runtime>::get(), Some((5, 1)));

		// At the next session GRANDPA forces a new authority set, even though the validators
		// did not change.
		super::validators::run_to_next_session();
		assert_eq!(pallet_grandpa::Stalled::<Runtime>::get(), None);
		assert_eq!(Grandpa::current_set_id(), set_id + 1);
		let pending = pallet_grandpa::PendingChange::<Runtime>::get().expect("a forced change");
		assert_eq!(pending.forced, Some(1));
		assert_eq!(pending.delay, 5);
	});
}
