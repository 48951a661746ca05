//! Guardians and the chain-wide call pause: the filter really applies to signed calls.

use frame_support::{assert_noop, assert_ok, traits::Contains};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, DispatchError};

use super::{apply_signed, council_motion, preset_storage, start_block, DEV_COUNCIL};
use crate::{configs::safety::BaseCallFilter, genesis_config_presets::demo_guardian, *};

/// `(pallet, call)` as `pallet-tx-pause` names a call.
fn call_name(pallet: &[u8], call: &[u8]) -> pallet_tx_pause::RuntimeCallNameOf<Runtime> {
	(
		frame_support::BoundedVec::truncate_from(pallet.to_vec()),
		frame_support::BoundedVec::truncate_from(call.to_vec()),
	)
}

fn transfer_to_charlie(amount: Balance) -> RuntimeCall {
	RuntimeCall::Stablecoin(pallet_stablecoin::Call::transfer {
		dest: Sr25519Keyring::Charlie.to_account_id(),
		amount,
	})
}

#[test]
fn a_guardian_pauses_a_call_and_the_filter_refuses_it_until_governance_lifts_the_pause() {
	preset_storage("development").execute_with(|| {
		start_block();
		let bob = Sr25519Keyring::Bob;
		let charlie = Sr25519Keyring::Charlie.to_account_id();
		let name = call_name(b"Stablecoin", b"transfer");

		// Dave is the demo guardian.
		assert_eq!(demo_guardian(), Sr25519Keyring::Dave.to_account_id());
		assert_ok!(TxPause::pause(RuntimeOrigin::signed(demo_guardian()), name.clone()));
		System::assert_last_event(RuntimeEvent::TxPause(pallet_tx_pause::Event::CallPaused {
			full_name: name.clone(),
		}));
		assert!(!BaseCallFilter::contains(&transfer_to_charlie(USDX)));

		// A signed extrinsic of the paused call is applied (fee paid) but does nothing.
		let before = Balances::free_balance(&charlie);
		let result = apply_signed(transfer_to_charlie(USDX), bob);
		assert_eq!(
			result,
			Ok(Err(frame_system::Error::<Runtime>::CallFiltered.into())),
			"the filter refuses the paused call"
		);
		assert_eq!(Balances::free_balance(&charlie), before);

		// The same call wrapped in a batch is refused as well: the filter applies inside.
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![transfer_to_charlie(USDX)],
		});
		assert!(batch.dispatch(RuntimeOrigin::signed(bob.to_account_id())).is_err());
		assert_eq!(Balances::free_balance(&charlie), before);

		// The guardian cannot lift the pause; a council motion can.
		assert_noop!(
			TxPause::unpause(RuntimeOrigin::signed(demo_guardian()), name.clone()),
			DispatchError::BadOrigin
		);
		assert_eq!(
			council_motion(
				RuntimeCall::TxPause(pallet_tx_pause::Call::unpause { ident: name.clone() }),
				&DEV_COUNCIL
			),
			Ok(())
		);
		assert!(BaseCallFilter::contains(&transfer_to_charlie(USDX)));
		assert_eq!(apply_signed(transfer_to_charlie(USDX), bob), Ok(Ok(())));
		assert_eq!(Balances::free_balance(&charlie), before + USDX);
	});
}

#[test]
fn only_guardians_and_governance_may_pause() {
	preset_storage("development").execute_with(|| {
		start_block();
		let name = call_name(b"Stablecoin", b"transfer");
		for outsider in [Sr25519Keyring::Bob, Sr25519Keyring::Ferdie] {
			assert_noop!(
				TxPause::pause(RuntimeOrigin::signed(outsider.to_account_id()), name.clone()),
				DispatchError::BadOrigin
			);
		}
		assert_eq!(
			council_motion(
				RuntimeCall::TxPause(pallet_tx_pause::Call::pause { full_name: name.clone() }),
				&DEV_COUNCIL
			),
			Ok(())
		);
		assert!(pallet_tx_pause::PausedCalls::<Runtime>::contains_key(&name));
	});
}

#[test]
fn calls_that_keep_the_chain_alive_can_never_be_paused() {
	preset_storage("development").execute_with(|| {
		for (pallet, call) in [
			(&b"System"[..], &b"remark"[..]),
			(b"Timestamp", b"set"),
			(b"Grandpa", b"note_stalled"),
			(b"Council", b"vote"),
			(b"CircuitBreaker", b"unpause"),
			(b"TxPause", b"unpause"),
			(b"Whitelist", b"dispatch_whitelisted_call_with_preimage"),
			(b"ValidatorSet", b"remove_validator"),
			(b"Session", b"set_keys"),
		] {
			assert_noop!(
				TxPause::pause(RuntimeOrigin::signed(demo_guardian()), call_name(pallet, call)),
				pallet_tx_pause::Error::<Runtime>::Unpausable
			);
		}
	});
}

#[test]
fn governance_appoints_guardians() {
	preset_storage("development").execute_with(|| {
		start_block();
		let eve = Sr25519Keyring::Eve.to_account_id();
		assert_noop!(
			Guardians::add_member(RuntimeOrigin::signed(demo_guardian()), eve.clone().into()),
			DispatchError::BadOrigin
		);
		assert_eq!(
			council_motion(
				RuntimeCall::Guardians(pallet_membership::Call::add_member {
					who: eve.clone().into()
				}),
				&DEV_COUNCIL
			),
			Ok(())
		);
		assert_ok!(TxPause::pause(
			RuntimeOrigin::signed(eve),
			call_name(b"Stablecoin", b"request_mint")
		));
	});
}

#[test]
fn a_rogue_guardian_cannot_pause_governance_compliance_operators_or_its_own_removal() {
	preset_storage("development").execute_with(|| {
		start_block();
		for (pallet, call) in [
			// Its own removal, and the council that would remove it.
			(&b"Guardians"[..], &b"remove_member"[..]),
			(b"Council", b"propose"),
			(b"Council", b"close"),
			(b"Whitelist", b"whitelist_call"),
			// Batches and multisig calls that governance and operators use.
			(b"Utility", b"batch_all"),
			(b"Utility", b"dispatch_as"),
			(b"Multisig", b"as_multi"),
			// Compliance.
			(b"ComplianceOfficers", b"add_member"),
			(b"Stablecoin", b"freeze_account"),
			(b"Stablecoin", b"unfreeze_account"),
			(b"Stablecoin", b"seize"),
			(b"Stablecoin", b"confirm_funding"),
			(b"Stablecoin", b"confirm_payout"),
			(b"IdentityClaims", b"issue_claim"),
			// Operators and the chain itself.
			(b"Oracle", b"submit_price"),
			(b"Reserves", b"submit_attestation"),
			(b"ValidatorSet", b"remove_validator"),
			(b"Session", b"set_keys"),
			(b"CircuitBreaker", b"unpause"),
		] {
			assert_noop!(
				TxPause::pause(RuntimeOrigin::signed(demo_guardian()), call_name(pallet, call)),
				pallet_tx_pause::Error::<Runtime>::Unpausable
			);
		}
	});
}

#[test]
fn exactly_the_users_stablecoin_operations_are_pausable() {
	use crate::configs::safety::PAUSABLE_CALLS;
	preset_storage("development").execute_with(|| {
		start_block();
		for (pallet, call) in PAUSABLE_CALLS {
			assert_ok!(TxPause::pause(
				RuntimeOrigin::signed(demo_guardian()),
				call_name(pallet, call)
			));
			assert!(pallet_tx_pause::PausedCalls::<Runtime>::contains_key(call_name(pallet, call)));
		}
		// Each pausable call exists in the runtime under that name.
		let names = <RuntimeCall as frame_support::traits::GetCallMetadata>::get_module_names();
		assert!(names.contains(&"Stablecoin"));
		let calls =
			<pallet_stablecoin::Call<Runtime> as frame_support::traits::GetCallName>::get_call_names();
		for (_, call) in PAUSABLE_CALLS {
			assert!(calls.contains(&core::str::from_utf8(call).unwrap()), "{call:?}");
		}
		// Every call by which a holder moves, mints or redeems USDX can be paused.
		for user_call in [
			"transfer",
			"transfer_all",
			"transfer_with_reference",
			"transfer_with_travel_rule",
			"pay_batch",
			"request_mint",
			"cancel_mint",
			"request_redemption",
		] {
			assert!(calls.contains(&user_call), "{user_call} is a call of the pallet");
			assert!(
				PAUSABLE_CALLS.iter().any(|(_, call)| *call == user_call.as_bytes()),
				"{user_call} is pausable"
			);
		}
	});
}
