//! The stablecoin pallet in the real runtime: the only way to move USDX is its compliant
//! `transfer`, and a mint runs through compliance, the real circuit breaker, the real reserve
//! cap and the treasury allowance.

use frame_support::assert_ok;
use pallet_stablecoin::MintTier;
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::FixedU128;
use stablecoin_primitives::{ComplianceError, ReserveCap, Supply};

use super::{apply_signed, market::market_moves_to, preset_storage, start_block};
use crate::{configs::currency::FeeCollectorAccount, genesis_config_presets::*, *};

/// The identifier of the latest mint request.
pub(crate) fn last_mint_id() -> pallet_stablecoin::MintId {
	pallet_stablecoin::NextMintId::<Runtime>::get() - 1
}

/// The two fiat-desk confirmations of the last mint request, as in the development preset:
/// the first only records (and must succeed), the second's result is returned.
pub(crate) fn confirm_last_mint_twice() -> sp_runtime::DispatchResult {
	assert_ok!(Stablecoin::confirm_funding(
		RuntimeOrigin::signed(demo_fiat_desk()),
		last_mint_id(),
		H256::repeat_byte(1)
	));
	Stablecoin::confirm_funding(
		RuntimeOrigin::signed(demo_fiat_desk_2()),
		last_mint_id(),
		H256::repeat_byte(1),
	)
}

fn stablecoin_transfer(dest: &AccountId, amount: Balance) -> RuntimeCall {
	RuntimeCall::Stablecoin(pallet_stablecoin::Call::transfer { dest: dest.clone(), amount })
}

#[test]
fn raw_balances_calls_are_refused_to_signed_origins_in_every_wrapper() {
	preset_storage("development").execute_with(|| {
		start_block();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let raw = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: bob.clone().into(),
			value: USDX,
		});
		let alice = Sr25519Keyring::Alice;
		let before = Balances::free_balance(&bob);
		assert_eq!(
			apply_signed(raw.clone(), alice),
			Ok(Err(frame_system::Error::<Runtime>::CallFiltered.into()))
		);
		for other in [
			RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
				dest: bob.clone().into(),
				value: USDX,
			}),
			RuntimeCall::Balances(pallet_balances::Call::transfer_all {
				dest: bob.clone().into(),
				keep_alive: false,
			}),
			RuntimeCall::Balances(pallet_balances::Call::burn { value: USDX, keep_alive: true }),
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![raw.clone()] }),
		] {
			let result = apply_signed(other, alice);
			assert!(matches!(result, Ok(Err(_))), "{result:?}");
		}
		assert_eq!(Balances::free_balance(&bob), before, "no raw call moved funds");
	});
}

#[test]
fn a_stablecoin_transfer_between_verified_accounts_works_and_to_an_unverified_one_is_refused() {
	preset_storage("development").execute_with(|| {
		start_block();
		let (alice, bob) = (Sr25519Keyring::Alice, Sr25519Keyring::Bob.to_account_id());
		assert_eq!(apply_signed(stablecoin_transfer(&bob, 10 * USDX), alice), Ok(Ok(())));
		assert_eq!(Balances::free_balance(&bob), DEV_ACCOUNT_BALANCE + 10 * USDX);

		// Ferdie's stash has no identity: it may not receive USDX.
		let stranger = Sr25519Keyring::FerdieStash.to_account_id();
		assert_eq!(
			apply_signed(stablecoin_transfer(&stranger, USDX), alice),
			Ok(Err(pallet_stablecoin::Error::<Runtime>::ReceiverNotCompliant(
				ComplianceError::NoIdentity
			)
			.into()))
		);
		assert_eq!(Balances::free_balance(&stranger), 0);
	});
}

#[test]
fn a_funded_mint_executes_through_the_real_breaker_reserves_and_allowance() {
	preset_storage("development").execute_with(|| {
		start_block();
		let alice = Sr25519Keyring::Alice.to_account_id();
		let supply_before = <Stablecoin as Supply<Balance>>::liabilities();
		let headroom_before = <Reserves as ReserveCap<Balance>>::headroom();
		market_moves_to(FixedU128::from_u32(1), GENESIS_ATTESTATION_AS_OF_MS + 60_000, 1);

		let amount = 1_000 * USDX;
		assert_ok!(Stablecoin::request_mint(
			RuntimeOrigin::signed(alice.clone()),
			amount,
			MintTier::Standard
		));
		// The requester cannot confirm their own funding; a council motion cannot either.
		let confirm = pallet_stablecoin::Call::confirm_funding {
			id: last_mint_id(),
			ledger_ref: H256::repeat_byte(1),
		};
		assert!(Stablecoin::confirm_funding(
			RuntimeOrigin::signed(alice.clone()),
			last_mint_id(),
			H256::repeat_byte(1)
		)
		.is_err());
		assert_eq!(
			super::council_motion(RuntimeCall::Stablecoin(confirm), &super::DEV_COUNCIL),
			Err(pallet_stablecoin::Error::<Runtime>::NotFiatDesk.into())
		);
		let fees_before = Balances::free_balance(FeeCollectorAccount::get());
		// Four eyes: the first operator's confirmation mints nothing.
		assert_ok!(Stablecoin::confirm_funding(
			RuntimeOrigin::signed(demo_fiat_desk()),
			last_mint_id(),
			H256::repeat_byte(1)
		));
		assert_eq!(Balances::free_balance(&alice), DEV_ACCOUNT_BALANCE);
		assert_ok!(Stablecoin::confirm_funding(
			RuntimeOrigin::signed(demo_fiat_desk_2()),
			last_mint_id(),
			H256::repeat_byte(1)
		));

		// 0.1% fee, to the fee account; the rest to Alice; both new supply.
		let fee = USDX;
		assert_eq!(Balances::free_balance(&alice), DEV_ACCOUNT_BALANCE + amount - fee);
		assert_eq!(Balances::free_balance(FeeCollectorAccount::get()), fees_before + fee);
		assert_eq!(<Stablecoin as Supply<Balance>>::liabilities(), supply_before + amount);
		assert_eq!(<Reserves as ReserveCap<Balance>>::headroom(), headroom_before - amount);
		let report = Stablecoin::supply_report();
		assert_eq!(report.authorized_unissued, GENESIS_ALLOWANCE - amount);
		assert_eq!(report.total_minted, amount);
	});
}

#[test]
fn a_mint_beyond_the_reserve_headroom_is_refused() {
	preset_storage("development").execute_with(|| {
		start_block();
		let alice = Sr25519Keyring::Alice.to_account_id();
		market_moves_to(FixedU128::from_u32(1), GENESIS_ATTESTATION_AS_OF_MS + 60_000, 1);
		let headroom = <Reserves as ReserveCap<Balance>>::headroom();
		assert_ok!(Stablecoin::request_mint(
			RuntimeOrigin::signed(alice.clone()),
			headroom + USDX,
			MintTier::Standard
		));
		assert_eq!(
			confirm_last_mint_twice(),
			Err(pallet_stablecoin::Error::<Runtime>::ReserveCapExceeded.into())
		);
		assert_eq!(Balances::free_balance(&alice), DEV_ACCOUNT_BALANCE);
	});
}

#[test]
fn at_halt_transfers_and_mints_are_refused_and_redemptions_go_on() {
	preset_storage("development").execute_with(|| {
		start_block();
		let (alice, bob) =
			(Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id());
		let start = GENESIS_ATTESTATION_AS_OF_MS + 60_000;
		market_moves_to(FixedU128::from_u32(1), start, 1);
		assert_ok!(Stablecoin::request_mint(
			RuntimeOrigin::signed(alice.clone()),
			500 * USDX,
			MintTier::Standard
		));
		market_moves_to(FixedU128::from_rational(94, 100), start + 10_000, 2);

		let halted: sp_runtime::DispatchError =
			pallet_circuit_breaker::Error::<Runtime>::SuspendedByLevel.into();
		assert_eq!(
			Stablecoin::transfer(RuntimeOrigin::signed(alice.clone()), bob, USDX),
			Err(halted)
		);
		assert_eq!(confirm_last_mint_twice(), Err(halted));
		let supply = Balances::total_issuance();
		let liabilities = <Stablecoin as Supply<Balance>>::liabilities();
		assert_ok!(Stablecoin::request_redemption(
			RuntimeOrigin::signed(alice.clone()),
			200 * USDX
		));
		assert_eq!(
			Balances::total_issuance(),
			supply - 200 * USDX + USDX / 5,
			"the tokens left circulation at once, the 0.1% fee stayed with the fee account"
		);
		assert_eq!(
			<Stablecoin as Supply<Balance>>::liabilities(),
			liabilities,
			"until it is paid out, the fiat of the redemption is still owed"
		);
	});
}
