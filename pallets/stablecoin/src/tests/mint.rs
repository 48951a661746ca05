//! Mint requests: request, cancel, confirm funding, reject, waiting for governance.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;
use stablecoin_primitives::{ComplianceError, GuardedOperation, Operation};

fn request(who: u64, amount: Balance) -> MintId {
	assert_ok!(Stablecoin::request_mint(signed(who), amount, MintTier::Standard));
	NextMintId::<Test>::get() - 1
}

#[docify::export]
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
		System::assert_last_event(
			Event::<Test>::FundingConfirmed {
				id,
				ledger_ref: reference(1),
				by: FIAT_DESK,
				confirmations: 1,
				required: 2,
			}
			.into(),
		);
		// One operator's confirmation mints nothing.
		assert_eq!(issuance(), before);
		assert_ok!(Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)));
		System::assert_has_event(
			Event::<Test>::MintFunded {
				id,
				ledger_ref: reference(1),
				confirmed_by: vec![FIAT_DESK, FIAT_DESK_2],
			}
			.into(),
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
		// The finished request left state (its events are the record).
		assert!(!MintRequests::<Test>::contains_key(id));
		assert_eq!(OpenMints::<Test>::get(ALICE_ID), 0);
		assert_noop!(
			Stablecoin::confirm_funding(signed(FIAT_DESK_3), id, reference(1)),
			Error::<Test>::UnknownMintRequest
		);
		assert_noop!(
			Stablecoin::reject_mint(fiat_desk(), id, reason("late")),
			Error::<Test>::UnknownMintRequest
		);
	});
}

#[test]
fn bulk_mint_uses_bulk_limits_fee_and_compliance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Stablecoin::request_mint(signed(BOB), 9_999 * USD, MintTier::Bulk),
			Error::<Test>::BelowMinimum
		);
		assert_noop!(
			Stablecoin::request_mint(signed(BOB), 100_000_001 * USD, MintTier::Bulk),
			Error::<Test>::AboveMaximum
		);
		assert_ok!(Stablecoin::request_mint(signed(BOB), 100_000 * USD, MintTier::Bulk));
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
		assert_ok!(fund(1, reference(2)));
		assert_eq!(balance(BOB), (10_000 + 100_000 - 50) * USD);
		assert_eq!(balance(FEE), 51 * USD);
		// Alice lacks the institutional claim.
		refuse(ALICE, &[Operation::BulkMint], ComplianceError::ClaimMissing { topic: 5 });
		assert_noop!(
			Stablecoin::request_mint(signed(ALICE), 100_000 * USD, MintTier::Bulk),
			Error::<Test>::NotCompliant(ComplianceError::ClaimMissing { topic: 5 })
		);
		assert_ok!(Stablecoin::request_mint(signed(ALICE), 1_000 * USD, MintTier::Standard));
	});
}

#[test]
fn request_refusals() {
	ExtBuilder::default().frozen(CHARLIE).build_and_execute(|| {
		refuse_all(MALLORY, ComplianceError::NoIdentity);
		assert_noop!(
			Stablecoin::request_mint(signed(MALLORY), 1_000 * USD, MintTier::Standard),
			Error::<Test>::NotCompliant(ComplianceError::NoIdentity)
		);
		refuse(DAVE, &[Operation::Mint], ComplianceError::JurisdictionBlocked);
		assert_noop!(
			Stablecoin::request_mint(signed(DAVE), 1_000 * USD, MintTier::Standard),
			Error::<Test>::NotCompliant(ComplianceError::JurisdictionBlocked)
		);
		assert_noop!(
			Stablecoin::request_mint(signed(CHARLIE), 1_000 * USD, MintTier::Standard),
			Error::<Test>::HolderFrozen
		);
		assert_noop!(
			Stablecoin::request_mint(signed(ALICE), 100 * USD - 1, MintTier::Standard),
			Error::<Test>::BelowMinimum
		);
		assert_noop!(
			Stablecoin::request_mint(signed(ALICE), 10_000_000 * USD + 1, MintTier::Standard),
			Error::<Test>::AboveMaximum
		);
		assert_noop!(
			Stablecoin::request_mint(RuntimeOrigin::root(), 1_000 * USD, MintTier::Standard),
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
		assert_noop!(Stablecoin::cancel_mint(signed(ALICE), id), Error::<Test>::UnknownMintRequest);
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::UnknownMintRequest
		);
		// Partly confirmed: still cancellable.
		let partly = request(ALICE, 1_000 * USD);
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), partly, reference(1)));
		assert_ok!(Stablecoin::cancel_mint(signed(ALICE), partly));
		// Funded and waiting for approval: no longer cancellable.
		assert_ok!(Stablecoin::request_mint(signed(ALICE), 20_000_000 * USD, MintTier::Bulk));
		let funded = NextMintId::<Test>::get() - 1;
		assert_ok!(fund(funded, reference(1)));
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
		// The first operator's confirmation only records; the last one checks everything.
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), id, reference(1)));
		// Claims expired between request and funding.
		refuse(ALICE, &[Operation::Mint], ComplianceError::ClaimExpired { topic: 1 });
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)),
			Error::<Test>::NotCompliant(ComplianceError::ClaimExpired { topic: 1 })
		);
		refuse(ALICE, &[Operation::Mint], ComplianceError::ClaimRevoked { topic: 3 });
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)),
			Error::<Test>::NotCompliant(ComplianceError::ClaimRevoked { topic: 3 })
		);
		reset_refusals();
		trip(GuardedOperation::Mint, true);
		assert_noop!(Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)), BREAKER_TRIPPED);
		trip(GuardedOperation::Mint, false);
		set_fresh(false);
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)),
			RESERVES_NOT_BACKED
		);
		set_fresh(true);
		set_headroom(1_000 * USD - 1);
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)),
			Error::<Test>::ReserveCapExceeded
		);
		set_headroom(1_000 * USD);
		assert_ok!(Stablecoin::freeze_account(
			officer(),
			ALICE,
			reason("sanctions"),
			order(9),
			None
		));
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)),
			Error::<Test>::HolderFrozen
		);
		assert_ok!(Stablecoin::unfreeze_account(officer(), ALICE));
		assert_ok!(Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)));
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
				Error::<Test>::NotFiatDesk
			);
		}
		for origin in [signed(ALICE), officer(), RuntimeOrigin::root()] {
			assert_noop!(
				Stablecoin::reject_mint(origin, id, reason("no")),
				Error::<Test>::NotFiatDeskOrGovernance
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
		assert!(!MintRequests::<Test>::contains_key(id), "a closed request leaves state");
		assert_eq!(OpenMints::<Test>::get(ALICE_ID), 0);
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::UnknownMintRequest
		);
	});
}

#[test]
fn short_allowance_waits_then_completes_on_authorization() {
	ExtBuilder::default().allowance(500 * USD).build_and_execute(|| {
		let big = request(ALICE, 1_000 * USD);
		let small = request(BOB, 200 * USD);
		assert_ok!(fund(big, reference(1)));
		System::assert_last_event(
			Event::<Test>::MintAwaitingAuthorization {
				id: big,
				waiting_for: MintWaitReason::Allowance {
					needed: 1_000 * USD,
					available: 500 * USD,
				},
			}
			.into(),
		);
		assert_eq!(balance(ALICE), 10_000 * USD);
		// FIFO: the small one queues behind the big one even though it would fit.
		assert_ok!(fund(small, reference(2)));
		System::assert_last_event(
			Event::<Test>::MintAwaitingAuthorization {
				id: small,
				waiting_for: MintWaitReason::QueuedBehind { ahead: 1 },
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
fn above_threshold_waits_for_governance_to_approve_that_request() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::request_mint(signed(BOB), 20_000_000 * USD, MintTier::Bulk));
		assert_ok!(fund(1, reference(1)));
		System::assert_last_event(
			Event::<Test>::MintAwaitingApproval {
				id: 1,
				amount: 20_000_000 * USD,
				threshold: 10_000_000 * USD,
			}
			.into(),
		);
		// Authorizing supply never releases a request nobody approved.
		assert_ok!(Stablecoin::authorize_supply(governance(), 20_000_000 * USD));
		assert_eq!(balance(BOB), 10_000 * USD);
		assert_eq!(
			MintRequests::<Test>::get(1).unwrap().status,
			MintStatus::AwaitingApproval { ledger_ref: reference(1) }
		);
		// Only governance approves, and only a request that waits for approval.
		for origin in [fiat_desk(), fiat_desk_2(), officer(), signed(BOB)] {
			assert_noop!(Stablecoin::approve_mint(origin, 1), Error::<Test>::NotGovernance);
		}
		assert_noop!(Stablecoin::approve_mint(governance(), 9), Error::<Test>::UnknownMintRequest);
		let small = request(ALICE, 1_000 * USD);
		assert_noop!(
			Stablecoin::approve_mint(governance(), small),
			Error::<Test>::NotAwaitingApproval
		);
		assert_ok!(Stablecoin::approve_mint(governance(), 1));
		System::assert_has_event(Event::<Test>::MintApproved { id: 1, by: actor(GOVERNOR) }.into());
		assert_eq!(balance(BOB), (10_000 + 20_000_000 - 10_000) * USD);
		assert_eq!(Allowance::<Test>::get(), 1_000_000 * USD);
		assert!(!MintRequests::<Test>::contains_key(1));
	});
}

#[test]
fn an_approved_request_waits_for_supply_in_fifo_order() {
	ExtBuilder::default().allowance(0).build_and_execute(|| {
		assert_ok!(Stablecoin::request_mint(signed(BOB), 20_000_000 * USD, MintTier::Bulk));
		assert_ok!(fund(1, reference(1)));
		assert_ok!(Stablecoin::approve_mint(governance(), 1));
		assert_eq!(AwaitingAuthorization::<Test>::get().into_inner(), vec![1]);
		assert_eq!(balance(BOB), 10_000 * USD);
		assert_ok!(Stablecoin::authorize_supply(governance(), 20_000_000 * USD));
		assert_eq!(balance(BOB), (10_000 + 20_000_000 - 10_000) * USD);
	});
}

#[test]
fn governance_can_reject_a_request_waiting_for_approval() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::request_mint(signed(BOB), 20_000_000 * USD, MintTier::Bulk));
		assert_ok!(fund(1, reference(1)));
		assert_ok!(Stablecoin::reject_mint(governance(), 1, reason("declined")));
		System::assert_last_event(
			Event::<Test>::MintRejected {
				id: 1,
				who: BOB,
				reason: reason("declined"),
				by: actor(GOVERNOR),
			}
			.into(),
		);
		assert!(!MintRequests::<Test>::contains_key(1));
		assert_eq!(OpenMints::<Test>::get(BOB_ID), 0);
	});
}

#[test]
fn one_fiat_desk_key_cannot_fund_a_mint() {
	ExtBuilder::default().build_and_execute(|| {
		let before = issuance();
		let id = request(ALICE, 1_000 * USD);
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), id, reference(1)));
		// The same operator again: refused, nothing minted.
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::AlreadyConfirmed
		);
		// A second operator naming another ledger entry: refused.
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk_2(), id, reference(2)),
			Error::<Test>::LedgerRefMismatch
		);
		assert_eq!(issuance(), before);
		assert_eq!(MintRequests::<Test>::get(id).unwrap().status, MintStatus::AwaitingFunding);
		// A second, distinct operator confirming the same entry completes it.
		assert_ok!(Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)));
		assert_eq!(issuance(), before + 1_000 * USD);
	});
}

#[test]
fn a_fiat_desk_operator_cannot_confirm_its_own_request() {
	ExtBuilder::default().build_and_execute(|| {
		let id = request(FIAT_DESK, 1_000 * USD);
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk(), id, reference(1)),
			Error::<Test>::RequesterCannotConfirm
		);
		assert_ok!(Stablecoin::confirm_funding(fiat_desk_2(), id, reference(1)));
		assert_ok!(Stablecoin::confirm_funding(signed(FIAT_DESK_3), id, reference(1)));
		assert_eq!(balance(FIAT_DESK), 999 * USD);
	});
}

#[test]
fn more_confirmations_when_governance_asks_for_them() {
	ExtBuilder::default().build_and_execute(|| {
		let three = ParametersOf::<Test> { funding_confirmations: 3, ..Default::default() };
		assert_ok!(Stablecoin::set_parameters(governance(), three));
		let id = request(ALICE, 1_000 * USD);
		assert_ok!(fund(id, reference(1)));
		assert_eq!(balance(ALICE), 10_000 * USD, "two of three is not enough");
		assert_ok!(Stablecoin::confirm_funding(signed(FIAT_DESK_3), id, reference(1)));
		assert_eq!(balance(ALICE), 10_999 * USD);
		// Fewer than two is never valid.
		let one = ParametersOf::<Test> { funding_confirmations: 1, ..Default::default() };
		assert_noop!(
			Stablecoin::set_parameters(governance(), one),
			Error::<Test>::InvalidParameters
		);
	});
}

#[test]
fn open_mint_requests_are_capped_per_identity() {
	ExtBuilder::default().build_and_execute(|| {
		// Bob and Charlie share an identity; the mock's cap is four.
		for who in [BOB, CHARLIE, BOB, CHARLIE] {
			request(who, 1_000 * USD);
		}
		assert_eq!(OpenMints::<Test>::get(BOB_ID), 4);
		assert_noop!(
			Stablecoin::request_mint(signed(BOB), 1_000 * USD, MintTier::Standard),
			Error::<Test>::TooManyOpenMints
		);
		assert_noop!(
			Stablecoin::request_mint(signed(CHARLIE), 1_000 * USD, MintTier::Standard),
			Error::<Test>::TooManyOpenMints
		);
		// Others are not affected.
		request(ALICE, 1_000 * USD);
		// Closing one makes room.
		assert_ok!(fund(1, reference(1)));
		assert_eq!(OpenMints::<Test>::get(BOB_ID), 3);
		request(BOB, 1_000 * USD);
	});
}

#[test]
fn waiting_queue_is_bounded_and_processing_is_limited() {
	ExtBuilder::default().allowance(0).build_and_execute(|| {
		for who in [ALICE, BOB, DAVE, ALICE, DAVE] {
			request(who, 100 * USD);
		}
		for id in 1..=4 {
			assert_ok!(fund(id, reference(1)));
		}
		assert_ok!(Stablecoin::confirm_funding(fiat_desk(), 5, reference(1)));
		assert_noop!(
			Stablecoin::confirm_funding(fiat_desk_2(), 5, reference(1)),
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
		assert_ok!(fund(1, reference(1)));
		assert_ok!(fund(2, reference(2)));
		refuse(ALICE, &[Operation::Mint], ComplianceError::ClaimExpired { topic: 1 });
		assert_ok!(Stablecoin::authorize_supply(governance(), 1_000 * USD));
		System::assert_last_event(
			Event::<Test>::MintExecutionBlocked {
				id: 1,
				error: Error::<Test>::NotCompliant(ComplianceError::ClaimExpired { topic: 1 })
					.into(),
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
