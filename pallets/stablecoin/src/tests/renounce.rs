//! Powers given up for good, and the wind-down's refusal of new mint requests.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

/// The default parameters with both mint tiers' maxima set to `max`.
fn with_mint_maxima(max: Balance) -> ParametersOf<Test> {
	let mut params = ParametersOf::<Test>::default();
	params.mint.max = max;
	params.bulk_mint.max = max;
	params.bulk_mint.min = params.bulk_mint.min.min(max);
	params
}

#[test]
fn a_renounced_seizure_is_refused_forever() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("OFAC"), order(1), None));
		assert_ok!(Stablecoin::renounce_power(governance(), Renunciation::Seizure));
		System::assert_last_event(
			Event::<Test>::PowerRenounced {
				renunciation: Renunciation::Seizure,
				by: actor(GOVERNOR),
			}
			.into(),
		);
		assert_eq!(
			Stablecoin::renounced_powers(),
			vec![(Power::Seizure, RenunciationRecord { since: START, ceiling: None })]
		);
		assert_noop!(
			Stablecoin::seize(governance(), ALICE, SeizeTo::Burn, reference(4)),
			Error::<Test>::RenouncedPower(Power::Seizure)
		);
		assert_noop!(
			Stablecoin::renounce_power(governance(), Renunciation::Seizure),
			Error::<Test>::AlreadyRenounced
		);
		// The other powers are untouched.
		assert_ok!(Stablecoin::emergency_burn(governance(), USD));
	});
}

#[test]
fn a_renounced_emergency_burn_is_refused_forever() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::renounce_power(governance(), Renunciation::EmergencyBurn));
		assert_noop!(
			Stablecoin::emergency_burn(governance(), USD),
			Error::<Test>::RenouncedPower(Power::EmergencyBurn)
		);
		assert_noop!(
			Stablecoin::renounce_power(governance(), Renunciation::EmergencyBurn),
			Error::<Test>::AlreadyRenounced
		);
	});
}

#[test]
fn only_governance_renounces() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [signed(ALICE), officer(), fiat_desk()] {
			assert_noop!(
				Stablecoin::renounce_power(origin, Renunciation::Seizure),
				Error::<Test>::NotGovernance
			);
		}
		assert!(Stablecoin::renounced_powers().is_empty());
	});
}

#[test]
fn a_mint_limit_ceiling_needs_every_limit_within_it_and_can_only_go_down() {
	ExtBuilder::default().build_and_execute(|| {
		let defaults = ParametersOf::<Test>::default();
		let bulk_max = defaults.bulk_mint.max;
		// The bulk tier's maximum is above this ceiling.
		assert_noop!(
			Stablecoin::renounce_power(
				governance(),
				Renunciation::MintLimitsAbove { ceiling: bulk_max - 1 }
			),
			Error::<Test>::MintLimitsAboveCeiling
		);
		// The breaker's mint limits must be set and within it too.
		set_breaker_mint_limit(None);
		assert_noop!(
			Stablecoin::renounce_power(
				governance(),
				Renunciation::MintLimitsAbove { ceiling: bulk_max }
			),
			Error::<Test>::MintLimitsAboveCeiling
		);
		set_breaker_mint_limit(Some(bulk_max));
		assert_ok!(Stablecoin::renounce_power(
			governance(),
			Renunciation::MintLimitsAbove { ceiling: bulk_max }
		));
		System::assert_last_event(
			Event::<Test>::PowerRenounced {
				renunciation: Renunciation::MintLimitsAbove { ceiling: bulk_max },
				by: actor(GOVERNOR),
			}
			.into(),
		);
		assert_eq!(Stablecoin::mint_limit_ceiling(), Some(bulk_max));
		assert_eq!(
			<Stablecoin as stablecoin_primitives::MintLimitCeiling<Balance>>::mint_limit_ceiling(),
			Some(bulk_max)
		);
		// The same or a higher ceiling is no renunciation.
		for ceiling in [bulk_max, bulk_max + 1] {
			assert_noop!(
				Stablecoin::renounce_power(governance(), Renunciation::MintLimitsAbove { ceiling }),
				Error::<Test>::AlreadyRenounced
			);
		}
		// Lower, once the limits are lowered first.
		let lower = 50_000_000 * USD;
		assert_ok!(Stablecoin::set_parameters(governance(), with_mint_maxima(lower)));
		set_breaker_mint_limit(Some(lower));
		assert_ok!(Stablecoin::renounce_power(
			governance(),
			Renunciation::MintLimitsAbove { ceiling: lower }
		));
		assert_eq!(Stablecoin::mint_limit_ceiling(), Some(lower));
	});
}

#[test]
fn parameters_cannot_raise_a_mint_maximum_above_the_renounced_ceiling() {
	ExtBuilder::default().build_and_execute(|| {
		let ceiling = ParametersOf::<Test>::default().bulk_mint.max;
		assert_ok!(Stablecoin::renounce_power(
			governance(),
			Renunciation::MintLimitsAbove { ceiling }
		));
		assert_noop!(
			Stablecoin::set_parameters(governance(), with_mint_maxima(ceiling + 1)),
			Error::<Test>::RenouncedPower(Power::RaiseMintLimits)
		);
		// At the ceiling, or below, is still governance's choice.
		assert_ok!(Stablecoin::set_parameters(governance(), with_mint_maxima(ceiling)));
		assert_ok!(Stablecoin::set_parameters(governance(), with_mint_maxima(ceiling / 2)));
		assert_ok!(Stablecoin::set_parameters(governance(), with_mint_maxima(ceiling)));
	});
}

#[test]
fn no_mint_is_requested_while_the_coin_winds_down_and_redemptions_go_on() {
	ExtBuilder::default().build_and_execute(|| {
		set_winding_down(true);
		assert_noop!(
			Stablecoin::request_mint(signed(ALICE), 1_000 * USD, MintTier::Standard),
			Error::<Test>::WindingDown
		);
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, 100 * USD));
		set_winding_down(false);
		assert_ok!(Stablecoin::request_mint(signed(ALICE), 1_000 * USD, MintTier::Standard));
	});
}

#[test]
fn a_holders_claim_counts_its_tokens_and_its_queued_redemptions() {
	ExtBuilder::default().build_and_execute(|| {
		let before = balance(ALICE);
		assert_eq!(
			Stablecoin::holder_claim(&ALICE),
			HolderClaim { balance: before, queued_redemptions: 0, total: before }
		);
		assert_ok!(Stablecoin::request_redemption(signed(ALICE), 1_000 * USD));
		assert_ok!(Stablecoin::request_redemption(signed(BOB), 1_000 * USD));
		let net = Redemptions::<Test>::get(1).expect("queued").amount;
		let claim = Stablecoin::holder_claim(&ALICE);
		assert_eq!(claim.balance, balance(ALICE));
		assert_eq!(claim.queued_redemptions, net);
		assert_eq!(claim.total, balance(ALICE) + net);
		// The fee is revenue, not a claim.
		assert_eq!(claim.total, before - (1_000 * USD - net));
	});
}
