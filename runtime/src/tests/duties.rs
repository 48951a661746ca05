//! Separation of duties in the real runtime: what one rogue or stolen key can try, refused
//! with a named error, and the legitimate path beside it. The role table of `docs/roles.md`
//! points at these tests.

use frame_support::{assert_noop, assert_ok, traits::Contains};
use pallet_stablecoin::MintTier;
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	FixedU128,
};
use stablecoin_primitives::{Compliance, Operation};

use super::{council_motion, preset_storage, start_block, DEV_COUNCIL, LOCAL_COUNCIL};
use crate::{
	configs::{
		currency::FeeCollectorAccount,
		issuance::TreasuryAccount,
		roles::{Role, RoleHolders},
	},
	extensions::OPERATOR_PRIORITY,
	genesis_config_presets::*,
	*,
};

fn reason(text: &str) -> pallet_stablecoin::ReasonOf<Runtime> {
	text.as_bytes().to_vec().try_into().expect("short reason")
}

/// Asks the transaction pool's question for `call` signed by `signer` (with `tip`).
pub(crate) fn pool_validity(
	call: RuntimeCall,
	signer: Sr25519Keyring,
	tip: Balance,
) -> sp_runtime::transaction_validity::TransactionValidity {
	let genesis_hash = System::block_hash(0);
	let nonce = System::account_nonce(signer.to_account_id());
	let xt = signing::sign_call_with_tip(call, &signer.pair(), nonce, genesis_hash, tip);
	Executive::validate_transaction(TransactionSource::External, xt, System::parent_hash())
}

/// The separated roles: no key of `local_testnet` holds two of them.
const SEPARATED: [Role; 7] = [
	Role::Council,
	Role::FiatDesk,
	Role::Compliance,
	Role::ClaimIssuer,
	Role::Attestor,
	Role::Guardian,
	Role::Feeder,
];

#[test]
fn in_local_testnet_no_key_holds_two_separated_roles() {
	preset_storage("local_testnet").execute_with(|| {
		let roles = local_testnet_roles();
		for who in roles.endowed() {
			let held: Vec<Role> =
				Role::held_by(&who).filter(|role| SEPARATED.contains(role)).collect();
			assert!(held.len() <= 1, "{who} holds {held:?}");
		}
		// And every separated role is held by someone.
		for role in SEPARATED {
			assert!(roles.endowed().iter().any(|who| role.is_held_by(who)), "{role:?} unheld");
		}
	});
}

#[test]
fn both_presets_need_two_fiat_desk_operators_to_fund_a_mint() {
	for preset in ["development", "local_testnet"] {
		preset_storage(preset).execute_with(|| {
			let params = pallet_stablecoin::Params::<Runtime>::get();
			assert!(params.funding_confirmations >= 2, "{preset}");
			let desk = pallet_membership::Members::<Runtime, pallet_membership::Instance3>::get();
			assert!(desk.len() as u32 >= params.funding_confirmations, "{preset}");
		});
	}
}

#[test]
fn local_testnet_proof_of_reserve_needs_two_attestors_and_a_fresh_report() {
	preset_storage("local_testnet").execute_with(|| {
		assert_eq!(Reserves::attestors().len(), 2);
		let parameters = Reserves::parameters();
		assert_eq!(parameters.quorum, 2);
		assert_eq!(parameters.max_age, REALISTIC_ATTESTATION_MAX_AGE_MS);
	});
	preset_storage("development").execute_with(|| {
		// The development chain stays convenient (documented in the presets).
		assert_eq!(Reserves::parameters().quorum, 1);
	});
}

#[test]
fn every_endowed_account_is_a_verified_holder_in_both_presets() {
	for preset in ["development", "local_testnet"] {
		preset_storage(preset).execute_with(|| {
			let fee_account = FeeCollectorAccount::get();
			let mut endowed = 0;
			for (who, account) in frame_system::Account::<Runtime>::iter() {
				if account.data.free == 0 || who == fee_account {
					continue;
				}
				endowed += 1;
				assert_eq!(IdentityClaims::check(&who, Operation::Hold), Ok(()), "{preset}: {who}");
			}
			assert!(endowed > 0);
			// The fee account exists from genesis with its existential deposit.
			assert!(Balances::free_balance(&fee_account) >= EXISTENTIAL_DEPOSIT);
		});
	}
}

#[test]
fn a_compliance_officer_cannot_freeze_any_role_holder() {
	preset_storage("local_testnet").execute_with(|| {
		start_block();
		let officer = RuntimeOrigin::signed(Sr25519Keyring::Ferdie.to_account_id());
		let roles = local_testnet_roles();
		for who in roles.endowed() {
			if who == Sr25519Keyring::Ferdie.to_account_id() {
				continue;
			}
			assert!(RoleHolders::contains(&who), "{who} holds a role");
			assert_noop!(
				Stablecoin::freeze_account(
					officer.clone(),
					who.clone(),
					reason("rogue"),
					None,
					None
				),
				pallet_stablecoin::Error::<Runtime>::ProtectedAccount
			);
		}
		// Nor the council through their identities.
		assert_noop!(
			Stablecoin::freeze_identity(officer, 1, reason("rogue"), None, None),
			pallet_stablecoin::Error::<Runtime>::ProtectedAccount
		);
		// The council still governs: a motion passes.
		assert_ok!(council_motion(
			RuntimeCall::Stablecoin(pallet_stablecoin::Call::authorize_supply { amount: USDX }),
			&LOCAL_COUNCIL[..2],
		));
	});
}

#[test]
fn governance_lifts_a_freeze_and_a_frozen_sender_is_told_so_at_the_pool() {
	preset_storage("development").execute_with(|| {
		start_block();
		let bob = Sr25519Keyring::Bob;
		assert!(!RoleHolders::contains(&bob.to_account_id()), "Bob is the plain holder");
		assert_ok!(Stablecoin::freeze_account(
			RuntimeOrigin::signed(demo_compliance_officer()),
			bob.to_account_id(),
			reason("sanctions list"),
			Some(pallet_stablecoin::LegalOrder {
				case_id: Default::default(),
				order_hash: H256::repeat_byte(1)
			}),
			None,
		));
		let transfer = RuntimeCall::Stablecoin(pallet_stablecoin::Call::transfer {
			dest: Sr25519Keyring::Alice.to_account_id(),
			amount: USDX,
		});
		assert_eq!(
			pool_validity(transfer.clone(), bob, 0),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(
				pallet_stablecoin::ACCOUNT_FROZEN
			)))
		);

		assert_ok!(council_motion(
			RuntimeCall::Stablecoin(pallet_stablecoin::Call::unfreeze_account {
				who: bob.to_account_id(),
			}),
			&DEV_COUNCIL,
		));
		assert!(!Stablecoin::is_frozen(&bob.to_account_id()));
		assert!(pool_validity(transfer, bob, 0).is_ok());
	});
}

#[test]
fn a_feeders_price_outranks_paid_user_traffic_in_the_pool() {
	preset_storage("development").execute_with(|| {
		start_block();
		super::set_clock(GENESIS_ATTESTATION_AS_OF_MS + 60_000);
		let feeder = Sr25519Keyring::Charlie;
		assert!(Oracle::is_feeder(&feeder.to_account_id()));
		let price = RuntimeCall::Oracle(pallet_oracle::Call::submit_price {
			key: stablecoin_primitives::PriceKey::USDX_USD,
			price: FixedU128::from_u32(1),
		});
		let operator = pool_validity(price.clone(), feeder, 0).expect("valid").priority;
		assert!(operator >= OPERATOR_PRIORITY);

		// A user tipping a thousand USDX stays below it.
		let transfer = RuntimeCall::Stablecoin(pallet_stablecoin::Call::transfer {
			dest: Sr25519Keyring::Alice.to_account_id(),
			amount: USDX,
		});
		let user =
			pool_validity(transfer, Sr25519Keyring::Bob, 1_000 * USDX).expect("valid").priority;
		assert!(user > 0 && user < operator, "user {user} vs operator {operator}");

		// The same call from someone who is not a feeder gets no boost (and fails anyway).
		let stranger = pool_validity(price, Sr25519Keyring::Bob, 0);
		assert!(stranger.map_or(true, |valid| valid.priority < OPERATOR_PRIORITY));
	});
}

#[test]
fn fee_revenue_is_swept_to_the_treasury_by_governance_only() {
	preset_storage("development").execute_with(|| {
		start_block();
		let fee_account = FeeCollectorAccount::get();
		// Some fee revenue: a redemption's fee.
		assert_ok!(Stablecoin::request_redemption(
			RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
			1_000 * USDX
		));
		let revenue = Balances::free_balance(&fee_account) - EXISTENTIAL_DEPOSIT;
		assert!(revenue > 0);
		for key in [demo_fiat_desk(), demo_compliance_officer(), demo_guardian()] {
			assert_noop!(
				Stablecoin::sweep_fees(
					RuntimeOrigin::signed(key),
					pallet_stablecoin::SweepTo::Treasury
				),
				pallet_stablecoin::Error::<Runtime>::NotGovernance
			);
		}
		let treasury = Balances::free_balance(TreasuryAccount::get());
		assert_ok!(council_motion(
			RuntimeCall::Stablecoin(pallet_stablecoin::Call::sweep_fees {
				destination: pallet_stablecoin::SweepTo::Treasury,
			}),
			&DEV_COUNCIL,
		));
		assert_eq!(Balances::free_balance(&fee_account), EXISTENTIAL_DEPOSIT);
		assert_eq!(Balances::free_balance(TreasuryAccount::get()), treasury + revenue);
	});
}

#[test]
fn one_fiat_desk_key_cannot_mint_and_a_large_mint_waits_for_its_own_approval() {
	preset_storage("development").execute_with(|| {
		start_block();
		super::market::market_moves_to(
			FixedU128::from_u32(1),
			GENESIS_ATTESTATION_AS_OF_MS + 60_000,
			1,
		);
		let alice = Sr25519Keyring::Alice.to_account_id();
		assert_ok!(Stablecoin::request_mint(
			RuntimeOrigin::signed(alice.clone()),
			1_000 * USDX,
			MintTier::Standard
		));
		let id = pallet_stablecoin::NextMintId::<Runtime>::get() - 1;
		let desk = RuntimeOrigin::signed(demo_fiat_desk());
		assert_ok!(Stablecoin::confirm_funding(desk.clone(), id, H256::repeat_byte(1)));
		assert_noop!(
			Stablecoin::confirm_funding(desk, id, H256::repeat_byte(1)),
			pallet_stablecoin::Error::<Runtime>::AlreadyConfirmed
		);
		assert_eq!(Balances::free_balance(&alice), DEV_ACCOUNT_BALANCE);
		assert_ok!(Stablecoin::confirm_funding(
			RuntimeOrigin::signed(demo_fiat_desk_2()),
			id,
			H256::repeat_byte(1)
		));
		assert_eq!(Balances::free_balance(&alice), DEV_ACCOUNT_BALANCE + 999 * USDX);
		assert!(pallet_stablecoin::MintRequests::<Runtime>::get(id).is_none(), "left state");
	});
}

#[test]
fn a_motions_actions_name_the_motion_and_list_changes_and_pauses_name_who_acted() {
	use sp_runtime::traits::{BlakeTwo256, Hash as _};
	use stablecoin_primitives::Actor;
	preset_storage("local_testnet").execute_with(|| {
		start_block();
		// A stablecoin action passed by a motion names the motion, whose proposer and voters
		// the council's events record.
		let authorize =
			RuntimeCall::Stablecoin(pallet_stablecoin::Call::authorize_supply { amount: USDX });
		let motion = BlakeTwo256::hash_of(&authorize);
		assert_ok!(council_motion(authorize, &LOCAL_COUNCIL[..2]));
		System::assert_has_event(RuntimeEvent::Stablecoin(
			pallet_stablecoin::Event::SupplyAuthorized {
				amount: USDX,
				old_allowance: GENESIS_ALLOWANCE,
				allowance: GENESIS_ALLOWANCE + USDX,
				by: Actor::Motion(motion),
			},
		));
		System::assert_has_event(RuntimeEvent::Council(pallet_collective::Event::Voted {
			account: Sr25519Keyring::Bob.to_account_id(),
			proposal_hash: motion,
			voted: true,
			yes: 2,
			no: 0,
		}));

		// A change of an operator list, which `pallet-membership` does not attribute.
		// Dave runs a validator and holds no operator role.
		let newcomer = Sr25519Keyring::Dave.to_account_id();
		let add = RuntimeCall::FiatDesk(pallet_membership::Call::add_member {
			who: newcomer.clone().into(),
		});
		let motion = BlakeTwo256::hash_of(&add);
		assert_ok!(council_motion(add, &LOCAL_COUNCIL[..2]));
		System::assert_has_event(RuntimeEvent::Audit(pallet_audit::Event::Authorized {
			scope: crate::configs::roles::AuditScope::FiatDeskMembership,
			by: Actor::Motion(motion),
		}));
		assert!(Role::FiatDesk.is_held_by(&newcomer));

		// A guardian's pause names the guardian.
		let guardian = local_testnet_roles().guardians[0].clone();
		let transfer: pallet_tx_pause::RuntimeCallNameOf<Runtime> = (
			b"Stablecoin".to_vec().try_into().expect("short"),
			b"transfer".to_vec().try_into().expect("short"),
		);
		assert_ok!(TxPause::pause(RuntimeOrigin::signed(guardian.clone()), transfer));
		System::assert_has_event(RuntimeEvent::Audit(pallet_audit::Event::Authorized {
			scope: crate::configs::roles::AuditScope::TxPause,
			by: Actor::Signed(guardian),
		}));
		// A refused attempt records nothing.
		let events = System::event_count();
		let name: pallet_tx_pause::RuntimeCallNameOf<Runtime> = (
			b"Stablecoin".to_vec().try_into().expect("short"),
			b"transfer_all".to_vec().try_into().expect("short"),
		);
		assert!(TxPause::pause(RuntimeOrigin::signed(newcomer), name).is_err());
		assert_eq!(System::event_count(), events);
	});
}

#[test]
fn the_path_to_root_is_recorded_with_the_motions_that_took_it() {
	use sp_runtime::traits::{BlakeTwo256, Hash as _};
	use stablecoin_primitives::Actor;
	preset_storage("local_testnet").execute_with(|| {
		start_block();
		let root_call =
			RuntimeCall::System(frame_system::Call::remark { remark: b"audited".to_vec() });
		let call_hash = BlakeTwo256::hash_of(&root_call);
		assert_ok!(super::dispatch_as_root(root_call.clone(), &LOCAL_COUNCIL));
		let whitelist =
			RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash });
		System::assert_has_event(RuntimeEvent::Audit(pallet_audit::Event::Authorized {
			scope: crate::configs::roles::AuditScope::Whitelist,
			by: Actor::Motion(BlakeTwo256::hash_of(&whitelist)),
		}));
		let dispatch = RuntimeCall::Whitelist(
			pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
				call: Box::new(root_call),
			},
		);
		System::assert_has_event(RuntimeEvent::Audit(pallet_audit::Event::Authorized {
			scope: crate::configs::roles::AuditScope::WhitelistedDispatch,
			by: Actor::Motion(BlakeTwo256::hash_of(&dispatch)),
		}));
	});
}
