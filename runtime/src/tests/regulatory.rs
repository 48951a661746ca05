//! Regulatory operations in the real runtime: an orderly wind-down entered and left by council
//! motions, powers the council gives up for good, the travel rule, the business calendar and
//! per-jurisdiction compliance rules.

use frame_support::assert_ok;
use pallet_stablecoin::{MintTier, Power, Renunciation};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::FixedU128;
use stablecoin_primitives::{DAY_MS, HOUR_MS};

use super::{
	council_motion,
	duties::pool_validity,
	issuance::{confirm_last_mint_twice, last_mint_id},
	market::market_moves_to,
	preset_storage, start_block, DEV_COUNCIL,
};
use crate::{extensions::WIND_DOWN_REDEMPTION_PRIORITY, genesis_config_presets::*, *};

fn reason(text: &str) -> pallet_circuit_breaker::Reason {
	text.as_bytes().to_vec().try_into().expect("a short reason")
}

fn enter_wind_down() -> RuntimeCall {
	RuntimeCall::CircuitBreaker(pallet_circuit_breaker::Call::enter_wind_down {
		reason: reason("board resolution 2026-12"),
	})
}

fn exit_wind_down() -> RuntimeCall {
	RuntimeCall::CircuitBreaker(pallet_circuit_breaker::Call::exit_wind_down {
		reason: reason("recapitalised"),
	})
}

#[test]
fn wind_down_by_motion_refuses_mints_serves_redemptions_and_ends_by_motion() {
	preset_storage("development").execute_with(|| {
		start_block();
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		market_moves_to(FixedU128::from_u32(1), GENESIS_ATTESTATION_AS_OF_MS + 60_000, 1);
		// A request made before the wind-down.
		assert_ok!(Stablecoin::request_mint(
			RuntimeOrigin::signed(alice.clone()),
			1_000 * USDX,
			MintTier::Standard
		));
		let funded_before = last_mint_id();

		// A guardian alone cannot wind the coin down.
		assert_eq!(
			CircuitBreaker::enter_wind_down(
				RuntimeOrigin::signed(demo_guardian()),
				reason("panic")
			),
			Err(pallet_circuit_breaker::Error::<Runtime>::NotGovernance.into())
		);
		assert_ok!(council_motion(enter_wind_down(), &DEV_COUNCIL));
		assert!(CircuitBreaker::is_winding_down());
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::CircuitBreaker(pallet_circuit_breaker::Event::WindDownEntered {
				by: stablecoin_primitives::Actor::Motion(_),
				..
			})
		)));

		// No new mint: neither a request nor the execution of an earlier one.
		assert_eq!(
			Stablecoin::request_mint(
				RuntimeOrigin::signed(alice.clone()),
				1_000 * USDX,
				MintTier::Standard
			),
			Err(pallet_stablecoin::Error::<Runtime>::WindingDown.into())
		);
		assert_eq!(last_mint_id(), funded_before);
		assert_eq!(
			confirm_last_mint_twice(),
			Err(pallet_circuit_breaker::Error::<Runtime>::WindingDown.into())
		);

		// Transfers go on; redemptions are served, and come first in the pool.
		assert_ok!(Stablecoin::transfer(RuntimeOrigin::signed(alice.clone()), bob.clone(), USDX));
		let redeem = RuntimeCall::Stablecoin(pallet_stablecoin::Call::request_redemption {
			amount: 200 * USDX,
		});
		let redemption_priority =
			pool_validity(redeem, Sr25519Keyring::Bob, 0).expect("valid").priority;
		assert!(redemption_priority >= WIND_DOWN_REDEMPTION_PRIORITY);
		let transfer = RuntimeCall::Stablecoin(pallet_stablecoin::Call::transfer {
			dest: alice.clone(),
			amount: USDX,
		});
		let tipped =
			pool_validity(transfer, Sr25519Keyring::Bob, 1_000 * USDX).expect("valid").priority;
		assert!(tipped < redemption_priority, "transfer {tipped} vs redemption");
		assert_ok!(Stablecoin::request_redemption(RuntimeOrigin::signed(bob.clone()), 200 * USDX));
		let id = pallet_stablecoin::NextRedemptionId::<Runtime>::get() - 1;
		assert_ok!(Stablecoin::confirm_payout(
			RuntimeOrigin::signed(demo_fiat_desk()),
			id,
			H256::repeat_byte(9)
		));
		assert!(pallet_stablecoin::Redemptions::<Runtime>::get(id).is_none());
		let claim = Stablecoin::holder_claim(&bob);
		assert_eq!(
			claim.balance,
			<Balances as frame_support::traits::fungible::Inspect<AccountId>>::total_balance(&bob)
		);
		assert_eq!(claim.queued_redemptions, 0);

		// Only a motion ends it; then the earlier request can be minted.
		assert_eq!(
			CircuitBreaker::exit_wind_down(
				RuntimeOrigin::signed(demo_guardian()),
				reason("resume")
			),
			Err(pallet_circuit_breaker::Error::<Runtime>::NotGovernance.into())
		);
		assert_ok!(council_motion(exit_wind_down(), &DEV_COUNCIL));
		assert!(!CircuitBreaker::is_winding_down());
		assert_ok!(Stablecoin::request_mint(
			RuntimeOrigin::signed(alice.clone()),
			1_000 * USDX,
			MintTier::Standard
		));
		assert_ok!(confirm_last_mint_twice());
		// Outside a wind-down a redemption gets no priority of its own.
		let redeem = RuntimeCall::Stablecoin(pallet_stablecoin::Call::request_redemption {
			amount: 200 * USDX,
		});
		let ordinary = pool_validity(redeem, Sr25519Keyring::Bob, 0).expect("valid").priority;
		assert!(ordinary < WIND_DOWN_REDEMPTION_PRIORITY, "{ordinary}");
	});
}

#[test]
fn a_renounced_power_is_refused_when_a_later_motion_tries_to_use_it() {
	preset_storage("development").execute_with(|| {
		start_block();
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_ok!(Stablecoin::freeze_account(
			RuntimeOrigin::signed(demo_compliance_officer()),
			bob.clone(),
			b"court order".to_vec().try_into().expect("short"),
			Some(pallet_stablecoin::LegalOrder {
				case_id: Default::default(),
				order_hash: H256::repeat_byte(3)
			}),
			None
		));
		assert_ok!(council_motion(
			RuntimeCall::Stablecoin(pallet_stablecoin::Call::renounce_power {
				renunciation: Renunciation::Seizure,
			}),
			&DEV_COUNCIL,
		));
		let seize = RuntimeCall::Stablecoin(pallet_stablecoin::Call::seize {
			who: bob.clone(),
			destination: pallet_stablecoin::SeizeTo::Treasury,
			order_ref: H256::repeat_byte(4),
		});
		assert_eq!(
			council_motion(seize, &DEV_COUNCIL),
			Err(pallet_stablecoin::Error::<Runtime>::RenouncedPower(Power::Seizure).into())
		);
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<AccountId>>::total_balance(&bob),
			DEV_ACCOUNT_BALANCE
		);
		assert_eq!(Stablecoin::renounced_powers().len(), 1);
	});
}

#[test]
fn once_the_mint_ceiling_is_renounced_no_motion_raises_a_mint_limit_above_it() {
	preset_storage("development").execute_with(|| {
		start_block();
		let limits = pallet_circuit_breaker::Limits::<Runtime>::get(
			stablecoin_primitives::GuardedOperation::Mint,
		);
		let ceiling = limits.per_day.expect("the preset limits mints per day");
		assert_ok!(council_motion(
			RuntimeCall::Stablecoin(pallet_stablecoin::Call::renounce_power {
				renunciation: Renunciation::MintLimitsAbove { ceiling },
			}),
			&DEV_COUNCIL,
		));
		let raise = RuntimeCall::CircuitBreaker(pallet_circuit_breaker::Call::set_volume_limits {
			operation: stablecoin_primitives::GuardedOperation::Mint,
			limits: pallet_circuit_breaker::VolumeLimits {
				per_block: limits.per_block,
				per_day: Some(ceiling + 1),
			},
		});
		assert_eq!(
			council_motion(raise, &DEV_COUNCIL),
			Err(pallet_circuit_breaker::Error::<Runtime>::AboveMintLimitCeiling.into())
		);
		let mut params = pallet_stablecoin::Params::<Runtime>::get();
		params.bulk_mint.max = ceiling + 1;
		assert_eq!(
			council_motion(
				RuntimeCall::Stablecoin(pallet_stablecoin::Call::set_parameters {
					parameters: params
				}),
				&DEV_COUNCIL,
			),
			Err(pallet_stablecoin::Error::<Runtime>::RenouncedPower(Power::RaiseMintLimits).into())
		);
	});
}

#[test]
fn a_transfer_just_below_the_travel_rule_threshold_goes_and_one_at_it_needs_the_record() {
	preset_storage("development").execute_with(|| {
		start_block();
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let threshold = pallet_stablecoin::TravelRule::<Runtime>::get().threshold;
		assert_eq!(threshold, 3_000 * USDX, "the US rule by default");
		assert_ok!(Stablecoin::transfer(
			RuntimeOrigin::signed(alice.clone()),
			bob.clone(),
			threshold - 1
		));
		assert_eq!(
			Stablecoin::transfer(RuntimeOrigin::signed(alice.clone()), bob.clone(), threshold),
			Err(pallet_stablecoin::Error::<Runtime>::TravelRuleRecordRequired.into())
		);
		let identity = |who: &AccountId| {
			<IdentityClaims as stablecoin_primitives::IdentityAccounts<AccountId>>::identity_id_of(
				who,
			)
			.expect("a verified dev account")
		};
		let record = pallet_stablecoin::TravelRuleRecord {
			record_hash: H256::repeat_byte(0x1b),
			originator_provider: identity(&alice),
			beneficiary_provider: identity(&bob),
		};
		assert_ok!(Stablecoin::transfer_with_travel_rule(
			RuntimeOrigin::signed(alice.clone()),
			bob.clone(),
			threshold,
			record
		));
		let records = Stablecoin::travel_rule_records(None, 10);
		assert_eq!(records.len(), 1);
		assert_eq!(records[0].1.record, record);
		assert_eq!(records[0].1.amount, threshold);
	});
}

#[test]
fn a_redemption_on_the_friday_before_a_holiday_monday_falls_due_on_wednesday() {
	preset_storage("development").execute_with(|| {
		start_block();
		// Friday 2026-12-04, 10:00 UTC; Monday 2026-12-07 declared a bank holiday.
		let friday_ten = 20_791 * DAY_MS + 10 * HOUR_MS;
		let holidays: pallet_stablecoin::HolidaysOf<Runtime> =
			vec![pallet_stablecoin::HolidayDate { month: 12, day: 7 }]
				.try_into()
				.expect("one holiday");
		assert_ok!(council_motion(
			RuntimeCall::Stablecoin(pallet_stablecoin::Call::set_holidays {
				year: 2026,
				dates: holidays
			}),
			&DEV_COUNCIL,
		));
		super::set_clock(friday_ten);
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_ok!(Stablecoin::request_redemption(RuntimeOrigin::signed(bob), 200 * USDX));
		let id = pallet_stablecoin::NextRedemptionId::<Runtime>::get() - 1;
		let due = pallet_stablecoin::Redemptions::<Runtime>::get(id).expect("queued").due_at;
		// Monday is skipped: Tuesday the 8th and Wednesday the 9th are the two business days.
		assert_eq!(due, friday_ten + 5 * DAY_MS);
		assert_eq!(pallet_stablecoin::calendar::civil_from_days(due / DAY_MS), (2026, 12, 9));
		assert_eq!(Stablecoin::due_time(friday_ten, 2), due);
	});
}

#[test]
fn a_jurisdiction_set_by_motion_asks_for_an_extra_topic_and_a_lower_limit() {
	use stablecoin_primitives::{topics, ComplianceError, Operation};
	preset_storage("development").execute_with(|| {
		start_block();
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let send = |amount| {
			Stablecoin::transfer(RuntimeOrigin::signed(bob.clone()), alice.clone(), amount)
		};
		let rule = pallet_identity_claims::JurisdictionRule {
			extra_topics: vec![topics::SANCTIONS].try_into().expect("one topic"),
			max_amount: Some(2_000 * USDX),
		};
		// Every development identity is in the US.
		assert_ok!(council_motion(
			RuntimeCall::IdentityClaims(pallet_identity_claims::Call::set_jurisdiction_rule {
				jurisdiction: *b"US",
				operation: Operation::Send,
				rule: Some(rule),
			}),
			&DEV_COUNCIL,
		));
		assert_eq!(
			IdentityClaims::jurisdiction_rules_of(*b"US"),
			vec![pallet_identity_claims::JurisdictionRuleView {
				operation: Operation::Send,
				extra_topics: vec![topics::SANCTIONS],
				max_amount: Some(2_000 * USDX),
			}]
		);
		// Alice's identity moves to the UK: the US rule no longer applies to her.
		let alice_identity =
			<IdentityClaims as stablecoin_primitives::IdentityAccounts<AccountId>>::identity_id_of(
				&alice,
			)
			.expect("a verified dev account");
		assert_ok!(IdentityClaims::update_identity(
			RuntimeOrigin::signed(alice.clone()),
			alice_identity,
			pallet_identity_claims::IdentityKind::Person,
			*b"GB",
		));
		// Bob has no sanctions screening yet: he may still receive, not send.
		assert_eq!(
			send(USDX),
			Err(pallet_stablecoin::Error::<Runtime>::SenderNotCompliant(
				ComplianceError::ClaimMissing { topic: topics::SANCTIONS }
			)
			.into())
		);
		assert_ok!(Stablecoin::transfer(RuntimeOrigin::signed(alice.clone()), bob.clone(), USDX));

		// The KYC provider screens him; now he may send up to the US limit in one payment.
		let bob_identity =
			<IdentityClaims as stablecoin_primitives::IdentityAccounts<AccountId>>::identity_id_of(
				&bob,
			)
			.expect("a verified dev account");
		assert_ok!(IdentityClaims::issue_claim(
			RuntimeOrigin::signed(demo_kyc_provider()),
			bob_identity,
			topics::SANCTIONS,
			DEMO_CLAIM_EXPIRY_MS.min(
				pallet_timestamp::Now::<Runtime>::get()
					+ <<Runtime as pallet_identity_claims::Config>::MaxClaimValidity as frame_support::traits::Get<u64>>::get()
			),
			H256::repeat_byte(7),
		));
		assert_eq!(
			send(2_000 * USDX + 1),
			Err(pallet_stablecoin::Error::<Runtime>::SenderNotCompliant(
				ComplianceError::AboveJurisdictionLimit
			)
			.into())
		);
		assert_ok!(send(2_000 * USDX));

		// A blocked jurisdiction stays blocked, whatever its rules.
		assert_ok!(council_motion(
			RuntimeCall::IdentityClaims(pallet_identity_claims::Call::block_jurisdiction {
				jurisdiction: *b"US",
			}),
			&DEV_COUNCIL,
		));
		assert_eq!(
			send(USDX),
			Err(pallet_stablecoin::Error::<Runtime>::SenderNotCompliant(
				ComplianceError::JurisdictionBlocked
			)
			.into())
		);
	});
}
