//! Mint requests: request, cancel, confirm funding, reject, waiting for governance.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;
use stablecoin_primitives::{ComplianceError, GuardedOperation, Operation};

fn request(who: u64, amount: Balance) -> MintId {
	assert_ok!(Stablecoin::request_mint(signed(who), amount, false));
	NextMintId::<Test>::get() - 1
}

#[test]
fn small_mint_happy_path() {
	ExtBuilder::default().build_and_execute(|| {
		let before = issuance();
		let id = request(ALICE, 1_000 * USD);
		System::assert_last_event(
			Event::<Test>::MintRequested {
				id,
				who: ALICE,
				amount: 1_000 * USD,
				fee: USD,
				tier: MintTier::Standard,
			}
			.into(),
		);
		// No tokens before funding.
		assert_eq!(issuance(), before);
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), id, reference(1)));
		System::assert_has_event(
			Event::<Test>::MintFunded { id, ledger_ref: reference(1), by: actor(FIAT_DESK) }.into(),
		);
		System::assert_last_event(
			Event::<Test>::Minted { id, who: ALICE, amount: 1_000 * USD, fee: USD }.into(),
		);
		assert_eq!(balance(ALICE), 10_999 * USD);
		assert_eq!(balance(FEE), 2 * USD);
		assert_eq!(issuance(), before + 1_000 * USD);
		assert_eq!(Allowance::<Test>::get(), 999_000 * USD);
		assert_eq!(IssuedFromAllowance::<Test>::get(), 1_000 * USD);
		assert_eq!(FeesCollected::<Test>::get(), USD);
		assert_eq!(volumes(), vec![(GuardedOperation::Mint, 1_000 * USD)]);
		assert!(matches!(
			MintRequests::<Test>::get(id).unwrap().status,
			MintStatus::Completed { ledger_ref, .. } if ledger_ref == reference(1)
		));
		// Double confirmation.
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::NotAwaitingFunding
		);
		assert_noop!(
			Stablecoin::reject_mint(fiat_desk(), id, reason("late")),
			Error::<Test>::MintRequestClosed
		);
	});
}

#[test]
fn bulk_mint_uses_bulk_limits_fee_and_compliance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Stablecoin::request_mint(signed(BOB), 9_999 * USD, true),
			Error::<Test>::BelowMinimum
		);
		assert_noop!(
			Stablecoin::request_mint(signed(BOB), 100_000_001 * USD, true),
			Error::<Test>::AboveMaximum
		);
		assert_ok!(Stablecoin::request_mint(signed(BOB), 100_000 * USD, true));
		System::assert_last_event(
			Event::<Test>::MintRequested {
				id: 1,
				who: BOB,
				amount: 100_000 * USD,
				fee: 50 * USD,
				tier: MintTier::Bulk,
			}
			.into(),
		);
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), 1, reference(2)));
		assert_eq!(balance(BOB), (10_000 + 100_000 - 50) * USD);
		assert_eq!(balance(FEE), 51 * USD);
		// Alice lacks the institutional claim.
		refuse(ALICE, &[Operation::BulkMint], ComplianceError::ClaimMissing { topic: 5 });
		assert_noop!(
			Stablecoin::request_mint(signed(ALICE), 100_000 * USD, true),
			Error::<Test>::ClaimMissing
		);
		assert_ok!(Stablecoin::request_mint(signed(ALICE), 1_000 * USD, false));
	});
}

#[test]
fn request_refusals() {
	ExtBuilder::default().frozen(CHARLIE).build_and_execute(|| {
		refuse_all(MALLORY, ComplianceError::NoIdentity);
		assert_noop!(
			Stablecoin::request_mint(signed(MALLORY), 1_000 * USD, false),
			Error::<Test>::NoIdentity
		);
		refuse(DAVE, &[Operation::Mint], ComplianceError::JurisdictionBlocked);
		assert_noop!(
			Stablecoin::request_mint(signed(DAVE), 1_000 * USD, false),
			Error::<Test>::JurisdictionBlocked
		);
		assert_noop!(
			Stablecoin::request_mint(signed(CHARLIE), 1_000 * USD, false),
			Error::<Test>::AccountFrozen
		);
		assert_noop!(
			Stablecoin::request_mint(signed(ALICE), 100 * USD - 1, false),
			Error::<Test>::BelowMinimum
		);
		assert_noop!(
			Stablecoin::request_mint(signed(ALICE), 10_000_000 * USD + 1, false),
			Error::<Test>::AboveMaximum
		);
		assert_noop!(
			Stablecoin::request_mint(RuntimeOrigin::root(), 1_000 * USD, false),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn cancel_before_funding_only_by_requester() {
	ExtBuilder::default().build_and_execute(|| {
		let id = request(ALICE, 1_000 * USD);
		assert_noop!(Stablecoin::cancel_mint(signed(BOB), id), Error::<Test>::NotRequester);
		assert_noop!(Stablecoin::cancel_mint(signed(ALICE), 9), Error::<Test>::UnknownMintRequest);
		assert_ok!(Stablecoin::cancel_mint(signed(ALICE), id));
		System::assert_last_event(Event::<Test>::MintCancelled { id, who: ALICE }.into());
		assert_noop!(Stablecoin::cancel_mint(signed(ALICE), id), Error::<Test>::NotAwaitingFunding);
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::NotAwaitingFunding
		);
		let funded = request(ALICE, 1_000 * USD);
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), funded, reference(1)));
		assert_noop!(
			Stablecoin::cancel_mint(signed(ALICE), funded),
			Error::<Test>::NotAwaitingFunding
		);
	});
}

#[test]
fn confirmation_rechecks_compliance_freeze_breaker_and_reserves() {
	ExtBuilder::default().build_and_execute(|| {
		let id = request(ALICE, 1_000 * USD);
		// Claims expired between request and funding.
		refuse(ALICE, &[Operation::Mint], ComplianceError::ClaimExpired { topic: 1 });
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::ClaimExpired
		);
		refuse(ALICE, &[Operation::Mint], ComplianceError::ClaimRevoked { topic: 3 });
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::ClaimRevoked
		);
		reset_refusals();
		trip(GuardedOperation::Mint, true);
		assert_noop!(Stablecoin::confirm_funding(fiat_desk(), id, reference(1)), BREAKER_TRIPPED);
		trip(GuardedOperation::Mint, false);
		set_fresh(false);
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::ReservesNotFresh
		);
		set_fresh(true);
		set_headroom(1_000 * USD - 1);
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::ReserveCapExceeded
		);
		set_headroom(1_000 * USD);
		assert_ok!(Stablecoin::freeze_account(officer(), ALICE, reason("sanctions"), reference(9)));
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::AccountFrozen
		);
		assert_ok!(Stablecoin::unfreeze_account(officer(), ALICE));
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), id, reference(1)));
		assert_eq!(balance(ALICE), 10_999 * USD);
	});
}

#[test]
fn wrong_origins_and_unknown_requests() {
	ExtBuilder::default().build_and_execute(|| {
		let id = request(ALICE, 1_000 * USD);
		for origin in [signed(ALICE), governance(), officer(), RuntimeOrigin::root()] {
			assert_noop!(
				Stablecoin::confirm_funding(origin.clone(), id, reference(1)),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Stablecoin::reject_mint(origin, id, reason("no")),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), 42, reference(1)),
			Error::<Test>::UnknownMintRequest
		);
		assert_noop!(
			Stablecoin::reject_mint(fiat_desk(), 42, reason("no")),
			Error::<Test>::UnknownMintRequest
		);
		assert_noop!(
			Stablecoin::reject_mint(fiat_desk(), id, reason("")),
			Error::<Test>::EmptyReason
		);
	});
}

#[test]
fn reject_mint_closes_the_request() {
	ExtBuilder::default().build_and_execute(|| {
		let id = request(ALICE, 1_000 * USD);
		assert_ok!(Stablecoin::reject_mint(fiat_desk(), id, reason("no funds")));
		System::assert_last_event(
			Event::<Test>::MintRejected {
				id,
				who: ALICE,
				reason: reason("no funds"),
				by: actor(FIAT_DESK),
			}
			.into(),
		);
		assert_eq!(MintRequests::<Test>::get(id).unwrap().status, MintStatus::Rejected);
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::NotAwaitingFunding
		);
	});
}

#[test]
fn short_allowance_waits_then_completes_on_authorization() {
	ExtBuilder::default().allowance(500 * USD).build_and_execute(|| {
		let big = request(ALICE, 1_000 * USD);
		let small = request(BOB, 200 * USD);
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), big, reference(1)));
		System::assert_last_event(
			Event::<Test>::MintAwaitingAuthorization {
				id: big,
				shortfall: Shortfall::Allowance { needed: 1_000 * USD, available: 500 * USD },
			}
			.into(),
		);
		assert_eq!(balance(ALICE), 10_000 * USD);
		// FIFO: the small one queues behind the big one even though it would fit.
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), small, reference(2)));
		System::assert_last_event(
			Event::<Test>::MintAwaitingAuthorization {
				id: small,
				shortfall: Shortfall::QueuedBehind { ahead: 1 },
			}
			.into(),
		);
		assert_eq!(AwaitingAuthorization::<Test>::get().into_inner(), vec![big, small]);
		assert_eq!(balance(BOB), 10_000 * USD);
		// Not enough yet: nothing executes.
		assert_ok!(Stablecoin::authorize_supply(governance(), 299 * USD));
		assert_eq!(balance(ALICE), 10_000 * USD);
		assert_ok!(Stablecoin::authorize_supply(governance(), 700 * USD));
		System::assert_has_event(
			Event::<Test>::Minted { id: big, who: ALICE, amount: 1_000 * USD, fee: USD }.into(),
		);
		assert_eq!(balance(ALICE), 10_999 * USD);
		assert_eq!(balance(BOB), 10_199 * USD + 800_000);
		assert!(AwaitingAuthorization::<Test>::get().is_empty());
		assert_eq!(Allowance::<Test>::get(), 299 * USD);
	});
}

#[test]
fn above_threshold_waits_for_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::request_mint(signed(BOB), 20_000_000 * USD, true));
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), 1, reference(1)));
		System::assert_last_event(
			Event::<Test>::MintAwaitingAuthorization {
				id: 1,
				shortfall: Shortfall::AboveApprovalThreshold { threshold: 10_000_000 * USD },
			}
			.into(),
		);
		assert_ok!(Stablecoin::authorize_supply(governance(), 20_000_000 * USD));
		assert_eq!(balance(BOB), (10_000 + 20_000_000 - 10_000) * USD);
		assert_eq!(Allowance::<Test>::get(), 1_000_000 * USD);
	});
}

#[test]
fn waiting_queue_is_bounded_and_processing_is_limited() {
	ExtBuilder::default().allowance(0).build_and_execute(|| {
		for _ in 0..5 {
			request(ALICE, 100 * USD);
		}
		for id in 1..=4 {
			assert_ok!(Stablecoin::confirm_funding(fiat_desk(), id, reference(1)));
		}
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), 5, reference(1)),
			Error::<Test>::AwaitingQueueFull
		);
		// At most three per authorization in the mock.
		assert_ok!(Stablecoin::authorize_supply(governance(), 1_000 * USD));
		assert_eq!(AwaitingAuthorization::<Test>::get().into_inner(), vec![4]);
		assert_ok!(Stablecoin::authorize_supply(governance(), 1));
		assert!(AwaitingAuthorization::<Test>::get().is_empty());
	});
}

#[test]
fn waiting_request_refused_at_execution_blocks_the_queue_until_rejected() {
	ExtBuilder::default().allowance(0).build_and_execute(|| {
		request(ALICE, 100 * USD);
		request(BOB, 100 * USD);
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), 1, reference(1)));
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), 2, reference(2)));
		refuse(ALICE, &[Operation::Mint], ComplianceError::ClaimExpired { topic: 1 });
		assert_ok!(Stablecoin::authorize_supply(governance(), 1_000 * USD));
		System::assert_last_event(
			Event::<Test>::MintExecutionBlocked {
				id: 1,
				error: Error::<Test>::ClaimExpired.into(),
			}
			.into(),
		);
		assert_eq!(AwaitingAuthorization::<Test>::get().len(), 2);
		assert_eq!(Allowance::<Test>::get(), 1_000 * USD);
		assert_ok!(Stablecoin::reject_mint(fiat_desk(), 1, reason("claims lapsed")));
		assert_eq!(AwaitingAuthorization::<Test>::get().into_inner(), vec![2]);
		assert_ok!(Stablecoin::authorize_supply(governance(), 1));
		assert_eq!(balance(BOB), 10_099 * USD + 900_000);
	});
}
