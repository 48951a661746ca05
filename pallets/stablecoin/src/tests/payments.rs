//! Payments a business can reconcile: transfers with a reference and batch payouts.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::{
	traits::{BlakeTwo256, Hash as _},
	DispatchError,
};
use stablecoin_primitives::{ComplianceError, GuardedOperation, Operation};

/// An invoice number as a reference: its text, padded with zero bytes.
fn invoice(number: &str) -> PaymentReference {
	let mut reference = [0u8; 32];
	reference[..number.len()].copy_from_slice(number.as_bytes());
	reference
}

fn payout(dest: u64, amount: Balance, reference: &str) -> PayoutOf<Test> {
	Payout { dest, amount, reference: invoice(reference) }
}

fn batch(payouts: Vec<PayoutOf<Test>>) -> PayoutsOf<Test> {
	payouts.try_into().expect("within MaxPayoutsPerBatch")
}

/// The event records indexed under `topic` in this block.
fn indexed_under(topic: H256) -> Vec<RuntimeEvent> {
	let records = System::events();
	System::event_topics(topic)
		.into_iter()
		.map(|(_, index)| records[index as usize].event.clone())
		.collect()
}

#[test]
fn a_transfer_with_a_reference_carries_it_in_an_indexed_event() {
	ExtBuilder::default().build_and_execute(|| {
		let reference = invoice("INV-2026-0042");
		assert_ok!(Stablecoin::transfer_with_reference(signed(ALICE), BOB, 250 * USD, reference));
		let event: RuntimeEvent = Event::<Test>::Transferred {
			from: ALICE,
			to: BOB,
			amount: 250 * USD,
			reference: Some(reference),
		}
		.into();
		System::assert_last_event(event.clone());
		assert_eq!(balance(BOB), 10_250 * USD);
		assert_eq!(volumes(), vec![(GuardedOperation::Transfer, 250 * USD)]);
		// Indexed under the reference's topic, and under no other reference's.
		let topic = Stablecoin::payment_topic(&reference);
		assert_eq!(indexed_under(topic), vec![event]);
		assert!(indexed_under(Stablecoin::payment_topic(&invoice("INV-2026-0043"))).is_empty());
		// The topic is the hash of the prefix and the reference, as a node computes it.
		let preimage = [PAYMENT_TOPIC_PREFIX, &reference[..]].concat();
		assert_eq!(topic, BlakeTwo256::hash(&preimage));
		// A plain transfer is not indexed.
		assert_ok!(Stablecoin::transfer(signed(ALICE), BOB, USD));
		assert_eq!(System::events().last().map(|r| r.topics.len()), Some(0));
	});
}

#[test]
fn a_transfer_with_a_reference_is_refused_as_a_plain_one() {
	ExtBuilder::default().frozen(CHARLIE).build_and_execute(|| {
		let reference = invoice("PO-7");
		assert_noop!(
			Stablecoin::transfer_with_reference(signed(ALICE), BOB, 0, reference),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Stablecoin::transfer_with_reference(signed(ALICE), CHARLIE, USD, reference),
			Error::<Test>::ReceiverFrozen
		);
		assert_noop!(
			Stablecoin::transfer_with_reference(signed(CHARLIE), ALICE, USD, reference),
			Error::<Test>::SenderFrozen
		);
		refuse_all(MALLORY, ComplianceError::NoIdentity);
		assert_noop!(
			Stablecoin::transfer_with_reference(signed(ALICE), MALLORY, USD, reference),
			Error::<Test>::ReceiverNotCompliant(ComplianceError::NoIdentity)
		);
		assert_noop!(
			Stablecoin::transfer_with_reference(RuntimeOrigin::root(), BOB, USD, reference),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_batch_payout_pays_every_payee_with_its_reference() {
	ExtBuilder::default().build_and_execute(|| {
		let payouts = vec![
			payout(BOB, 100 * USD, "salary-2026-12-bob"),
			payout(DAVE, 250 * USD, "salary-2026-12-dave"),
			payout(MALLORY, 5 * USD, "expenses-42"),
		];
		assert_ok!(Stablecoin::pay_batch(signed(ALICE), batch(payouts.clone())));
		assert_eq!(balance(ALICE), 9_645 * USD);
		assert_eq!(balance(BOB), 10_100 * USD);
		assert_eq!(balance(DAVE), 250 * USD);
		assert_eq!(balance(MALLORY), 5 * USD);
		// One event per payment, each indexed under its own reference, then the summary.
		for p in &payouts {
			let event: RuntimeEvent = Event::<Test>::Transferred {
				from: ALICE,
				to: p.dest,
				amount: p.amount,
				reference: Some(p.reference),
			}
			.into();
			assert_eq!(indexed_under(Stablecoin::payment_topic(&p.reference)), vec![event]);
		}
		System::assert_last_event(
			Event::<Test>::BatchPaid { from: ALICE, payouts: 3, total: 355 * USD }.into(),
		);
		// The breaker admitted, and counts, the batch's total once.
		assert_eq!(volumes(), vec![(GuardedOperation::Transfer, 355 * USD)]);
	});
}

#[test]
fn a_batch_with_one_refused_payee_fails_as_a_whole_naming_it() {
	ExtBuilder::default().frozen(CHARLIE).build_and_execute(|| {
		refuse(MALLORY, &[Operation::Hold], ComplianceError::ClaimExpired { topic: 1 });
		let refused = |index, reason| Error::<Test>::PayoutRefused { index, reason };
		// The third payee may not hold USDX: nothing is paid, the third is named.
		assert_noop!(
			Stablecoin::pay_batch(
				signed(ALICE),
				batch(vec![
					payout(BOB, USD, "a"),
					payout(DAVE, USD, "b"),
					payout(MALLORY, USD, "c"),
					payout(BOB, USD, "d"),
				])
			),
			refused(2, PayoutRefusal::PayeeNotCompliant)
		);
		assert_noop!(
			Stablecoin::pay_batch(
				signed(ALICE),
				batch(vec![payout(BOB, USD, "a"), payout(CHARLIE, USD, "b")])
			),
			refused(1, PayoutRefusal::PayeeFrozen)
		);
		assert_noop!(
			Stablecoin::pay_batch(signed(ALICE), batch(vec![payout(BOB, 0, "a")])),
			refused(0, PayoutRefusal::ZeroAmount)
		);
	});
}

#[test]
fn batch_payout_refusals_of_the_payer_and_the_batch() {
	ExtBuilder::default().frozen(CHARLIE).build_and_execute(|| {
		assert_noop!(
			Stablecoin::pay_batch(signed(ALICE), batch(vec![])),
			Error::<Test>::EmptyBatch
		);
		let one = || batch(vec![payout(DAVE, USD, "a")]);
		assert_noop!(Stablecoin::pay_batch(signed(CHARLIE), one()), Error::<Test>::SenderFrozen);
		refuse(BOB, &[Operation::Send], ComplianceError::NoIdentity);
		assert_noop!(
			Stablecoin::pay_batch(signed(BOB), one()),
			Error::<Test>::SenderNotCompliant(ComplianceError::NoIdentity)
		);
		// Alice has 10,000 USD and must stay alive: 6,000 + 4,000 is more than she can send.
		assert_noop!(
			Stablecoin::pay_batch(
				signed(ALICE),
				batch(vec![payout(DAVE, 6_000 * USD, "a"), payout(BOB, 4_000 * USD, "b")])
			),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Stablecoin::pay_batch(
				signed(ALICE),
				batch(vec![payout(DAVE, Balance::MAX, "a"), payout(BOB, 1, "b")])
			),
			Error::<Test>::Overflow
		);
		trip(GuardedOperation::Transfer, true);
		assert_noop!(Stablecoin::pay_batch(signed(ALICE), one()), BREAKER_TRIPPED);
		trip(GuardedOperation::Transfer, false);
		assert_noop!(Stablecoin::pay_batch(RuntimeOrigin::root(), one()), DispatchError::BadOrigin);
		// The bound is the type's: a fifth payout does not fit a batch.
		let five: Vec<PayoutOf<Test>> = (0..5).map(|_| payout(DAVE, USD, "x")).collect();
		assert!(PayoutsOf::<Test>::try_from(five).is_err());
	});
}
