//! Payments: the fee of a compliant transfer, the share of every block kept for payments, and
//! batch payouts on the real runtime.

use codec::Encode;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	weights::{Weight, WeightToFee as _},
};
use pallet_stablecoin::WeightInfo as _;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::Zero,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchError, FixedU128, ModuleError,
};

use super::{apply_signed, preset_storage, set_clock, start_block};
use crate::{
	configs::{
		currency::{FeeCollectorAccount, RefTimeToFee, TRANSACTION_BYTE_FEE},
		PaymentLaneShare, RuntimeBlockWeights,
	},
	extensions::{is_payment, non_payment_weight_limit},
	genesis_config_presets::{DEV_ACCOUNT_BALANCE, GENESIS_ATTESTATION_AS_OF_MS},
	*,
};

/// What applying a transaction the block has no room for gives.
const EXHAUSTED: sp_runtime::ApplyExtrinsicResult =
	Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources));

/// Applies `call` signed by `signer` as a block author does: a transaction refused as invalid
/// leaves no trace in the block (the block builder runs each one in a storage transaction and
/// rolls back a refused one); an included one is kept, whether its call succeeded or not.
fn author_applies(call: RuntimeCall, signer: Sr25519Keyring) -> sp_runtime::ApplyExtrinsicResult {
	frame_support::storage::transactional::with_transaction_unchecked(|| {
		let result = apply_signed(call, signer);
		match result {
			Ok(_) => sp_runtime::TransactionOutcome::Commit(result),
			Err(_) => sp_runtime::TransactionOutcome::Rollback(result),
		}
	})
}

fn transfer_to(dest: Sr25519Keyring, amount: Balance) -> RuntimeCall {
	RuntimeCall::Stablecoin(pallet_stablecoin::Call::transfer {
		dest: dest.to_account_id(),
		amount,
	})
}

/// A call that is not a payment and weighs something: a batch of 100 remarks.
fn bulk_work() -> RuntimeCall {
	let remarks =
		(0..100u32).map(|i| RuntimeCall::System(frame_system::Call::remark { remark: i.encode() }));
	RuntimeCall::Utility(pallet_utility::Call::batch { calls: remarks.collect() })
}

fn normal_weight_used() -> Weight {
	*System::block_weight().get(DispatchClass::Normal)
}

#[test]
fn a_compliant_transfer_costs_under_a_tenth_of_a_cent() {
	preset_storage("development").execute_with(|| {
		start_block();
		let alice = Sr25519Keyring::Alice;
		let genesis_hash = System::block_hash(0);
		let xt = signing::sign_call(transfer_to(Sr25519Keyring::Bob, 25 * USDX), &alice.pair(), 0, genesis_hash);
		let info = xt.get_dispatch_info();
		let len = xt.encoded_size() as u32;
		let details = TransactionPayment::compute_fee_details(len, &info, 0);
		let inclusion = details.inclusion_fee.clone().expect("a signed transfer pays");
		// The figure, part by part: the base extrinsic weight's fee, one micro-USDX a byte,
		// and the fee of the call's benchmarked weight with its transaction extensions', at
		// one micro-USDX per two microseconds of reference compute, rounded up.
		let base = RuntimeBlockWeights::get().get(DispatchClass::Normal).base_extrinsic;
		assert_eq!(inclusion.base_fee, RefTimeToFee::weight_to_fee(&base));
		assert_eq!(inclusion.len_fee, Balance::from(len) * TRANSACTION_BYTE_FEE);
		assert_eq!(inclusion.adjusted_weight_fee, RefTimeToFee::weight_to_fee(&info.total_weight()));
		let fee = details.final_fee();
		println!(
			"compliant transfer: {len} bytes, {} ps of weight; fee {fee} micro-USDX = base {} + length {} + weight {}",
			info.total_weight().ref_time(),
			inclusion.base_fee,
			inclusion.len_fee,
			inclusion.adjusted_weight_fee
		);
		// At most 1,000 micro-USDX: a tenth of a cent.
		assert!(fee <= 1_000, "a compliant transfer costs {fee} micro-USDX");
		// Paid as quoted (or less, when weight reclaim refunds part of it), to the fee account.
		let fees_before = Balances::free_balance(FeeCollectorAccount::get());
		assert_eq!(Executive::apply_extrinsic(xt), Ok(Ok(())));
		let paid = Balances::free_balance(FeeCollectorAccount::get()) - fees_before;
		assert!(paid > 0 && paid <= fee, "paid {paid}, quoted {fee}");
		assert_eq!(Balances::free_balance(alice.to_account_id()), DEV_ACCOUNT_BALANCE - 25 * USDX - paid);
	});
}

#[test]
fn payments_keep_their_share_of_a_block_full_of_other_calls() {
	preset_storage("development").execute_with(|| {
		start_block();
		set_clock(GENESIS_ATTESTATION_AS_OF_MS + 60_000);
		let limits = RuntimeBlockWeights::get();
		let normal_max = limits.get(DispatchClass::Normal).max_total.expect("a normal limit");
		let lane = PaymentLaneShare::get() * normal_max;
		assert!(!is_payment(&bulk_work()));
		assert!(is_payment(&transfer_to(Sr25519Keyring::Bob, USDX)));

		// Other calls (here batches of remarks, from several senders) fill the block until the
		// lane's limit refuses them.
		let senders = [Sr25519Keyring::Dave, Sr25519Keyring::Eve, Sr25519Keyring::Ferdie];
		let mut other_calls = 0u32;
		'fill: loop {
			for sender in senders {
				match author_applies(bulk_work(), sender) {
					Ok(Ok(())) => other_calls += 1,
					refused => {
						assert_eq!(refused, EXHAUSTED);
						break 'fill;
					}
				}
				assert!(other_calls < 10_000, "the other calls were never refused");
			}
		}
		let used_by_others = normal_weight_used();
		assert!(other_calls > 10, "only {other_calls} other calls fitted");
		assert!(used_by_others.all_lte(non_payment_weight_limit()));
		// They are refused while there is still room in the block: the payments' share.
		assert!(normal_max.saturating_sub(used_by_others).all_gte(lane));
		// Refused again, from anyone: the limit is the block's, not a sender's.
		assert_eq!(author_applies(bulk_work(), Sr25519Keyring::Bob), EXHAUSTED);

		// Payments still get in, until the block's normal limit itself stops them.
		let transfer_weight =
			<Runtime as pallet_stablecoin::Config>::WeightInfo::transfer().ref_time();
		let mut payments = 0u64;
		loop {
			match author_applies(transfer_to(Sr25519Keyring::Bob, USDX), Sr25519Keyring::Alice) {
				Ok(Ok(())) => payments += 1,
				refused => {
					assert_eq!(refused, EXHAUSTED);
					break;
				}
			}
			assert!(payments < 100_000, "the block never filled");
		}
		// At least the lane's worth of transfers (each weighs more than the call alone:
		// the base extrinsic weight and the extensions').
		let per_transfer = normal_weight_used()
			.saturating_sub(used_by_others)
			.ref_time()
			.checked_div(payments)
			.expect("payments were made");
		assert!(per_transfer >= transfer_weight);
		assert!(
			payments >= lane.ref_time() / per_transfer,
			"{payments} transfers in a lane of {} ps at {per_transfer} ps each",
			lane.ref_time()
		);
		println!(
			"{other_calls} batches of other calls used {} ps; then {payments} transfers of {per_transfer} ps each",
			used_by_others.ref_time()
		);
	});
}

#[test]
fn operators_own_operations_use_the_payment_lane_too() {
	preset_storage("development").execute_with(|| {
		start_block();
		set_clock(GENESIS_ATTESTATION_AS_OF_MS + 60_000);
		// Another call's weight up to the limit, as a block full of other calls leaves it.
		let room = non_payment_weight_limit().saturating_sub(normal_weight_used());
		System::register_extra_weight_unchecked(room, DispatchClass::Normal);
		assert_eq!(author_applies(bulk_work(), Sr25519Keyring::Bob), EXHAUSTED);
		// A feeder's price is an operator's own operation: it gets in.
		let feeder = Sr25519Keyring::Charlie;
		assert!(Oracle::is_feeder(&feeder.to_account_id()));
		let price = RuntimeCall::Oracle(pallet_oracle::Call::submit_price {
			key: stablecoin_primitives::PriceKey::USDX_USD,
			price: FixedU128::from_u32(1),
		});
		assert_eq!(author_applies(price.clone(), feeder), Ok(Ok(())));
		// The same call from someone who is not a feeder is other traffic: refused.
		assert_eq!(author_applies(price, Sr25519Keyring::Bob), EXHAUSTED);
		// Operational calls have their own share of the block and are never refused by it.
		assert!(crate::extensions::PaymentLane::admits(
			None,
			&bulk_work(),
			DispatchClass::Operational
		));
	});
}

#[test]
fn a_batch_payout_on_the_runtime_is_all_or_nothing_and_names_the_refused_payee() {
	preset_storage("development").execute_with(|| {
		start_block();
		set_clock(GENESIS_ATTESTATION_AS_OF_MS + 60_000);
		let payer = Sr25519Keyring::Alice;
		let payout = |dest: sp_runtime::AccountId32, amount, tag: u8| pallet_stablecoin::Payout {
			dest,
			amount,
			reference: [tag; 32],
		};
		// A stranger with no identity may not hold USDX.
		let stranger = Sr25519Keyring::One.to_account_id();
		assert!(Balances::free_balance(&stranger).is_zero());
		let bob = Sr25519Keyring::Bob.to_account_id();
		let bob_before = Balances::free_balance(&bob);
		let payouts = vec![payout(bob.clone(), USDX, 1), payout(stranger.clone(), USDX, 2)];
		let call = RuntimeCall::Stablecoin(pallet_stablecoin::Call::pay_batch {
			payouts: payouts.try_into().expect("a short batch"),
		});
		let Ok(Err(DispatchError::Module(ModuleError { error, .. }))) = apply_signed(call, payer)
		else {
			panic!("the batch must fail with the stablecoin pallet's error");
		};
		let refused: pallet_stablecoin::Error<Runtime> =
			codec::Decode::decode(&mut &error[..]).expect("the pallet's error");
		assert!(matches!(
			refused,
			pallet_stablecoin::Error::PayoutRefused {
				index: 1,
				reason: pallet_stablecoin::PayoutRefusal::PayeeNotCompliant
			}
		));
		// Nothing was paid; only the fee was taken.
		assert_eq!(Balances::free_balance(&bob), bob_before);
		assert!(Balances::free_balance(&stranger).is_zero());
	});
}

/// A rule change makes every kept compliance status stale at once. The next payment then
/// recomputes the statuses of both its parties, and the block carries the weight of that on
/// top of the transfer's, so the block's weight never understates its work. The payment after
/// it reads the kept statuses again, and weighs less.
#[test]
fn a_payment_recomputes_stale_compliance_statuses_and_the_block_carries_their_weight() {
	use frame_support::assert_ok;
	use pallet_identity_claims::WeightInfo as _;
	preset_storage("development").execute_with(|| {
		start_block();
		set_clock(GENESIS_ATTESTATION_AS_OF_MS + 60_000);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert!(IdentityClaims::current_status(&alice).is_some());
		// Blocking a jurisdiction no dev identity is in changes nobody's answer, but it is a
		// rule change: every kept status is now stale.
		assert_ok!(super::council_motion(
			RuntimeCall::IdentityClaims(pallet_identity_claims::Call::block_jurisdiction {
				jurisdiction: *b"KP",
			}),
			&super::DEV_COUNCIL,
		));
		assert_eq!(IdentityClaims::current_status(&alice), None);
		assert_eq!(IdentityClaims::current_status(&bob), None);

		let refresh =
			<Runtime as pallet_identity_claims::Config>::WeightInfo::refresh_compliance(1);
		let before = normal_weight_used();
		assert_eq!(
			author_applies(transfer_to(Sr25519Keyring::Bob, USDX), Sr25519Keyring::Alice),
			Ok(Ok(()))
		);
		let stale_payment = normal_weight_used().saturating_sub(before);
		assert!(IdentityClaims::current_status(&alice).is_some());
		assert!(IdentityClaims::current_status(&bob).is_some());

		let before = normal_weight_used();
		assert_eq!(
			author_applies(transfer_to(Sr25519Keyring::Bob, USDX), Sr25519Keyring::Alice),
			Ok(Ok(()))
		);
		let kept_payment = normal_weight_used().saturating_sub(before);
		// Both parties' recomputations, exactly, on top of the same transfer.
		assert_eq!(stale_payment.saturating_sub(kept_payment), refresh.saturating_mul(2));
	});
}

/// Every storage key the payment benchmarks whitelist as read once a block (the runtime's
/// [`crate::weights::keys_read_before_payments`] and the stablecoin pallet's travel rule) is
/// read by a block's initialization, before any transaction: the proof of what starting a block
/// read holds each of them, and does not hold a payer's compliance status, which only a payment
/// reads. (The timestamp is also written by the timestamp inherent, first in every block.)
#[test]
fn a_block_reads_before_its_transactions_what_payment_benchmarks_count_once() {
	let mut state = preset_storage("development");
	let externalities = state.externalities();
	let alice = Sr25519Keyring::Alice.to_account_id();
	// The control: Alice's kept compliance status, which the preset computes at genesis and
	// only a payment of hers reads.
	let status = pallet_identity_claims::ComplianceStatuses::<Runtime>::hashed_key_for(&alice);
	assert!(externalities.execute_with(|| {
		pallet_identity_claims::ComplianceStatuses::<Runtime>::contains_key(&alice)
	}));
	externalities.commit_all().expect("the genesis state commits");
	let root = *externalities.backend.root();
	let ((), proof) = externalities.execute_and_prove(start_block);
	let was_read = |key: &[u8]| {
		sp_state_machine::read_proof_check::<BlakeTwo256, _>(root, proof.clone(), [key]).is_ok()
	};
	let keys = crate::weights::keys_read_before_payments()
		.into_iter()
		.chain(pallet_stablecoin::Pallet::<Runtime>::keys_read_every_block())
		.collect::<Vec<_>>();
	// The timestamp, the breaker's level, policies and transfer pause, the rules epoch and
	// the travel rule.
	assert_eq!(keys.len(), 6);
	for key in &keys {
		assert!(was_read(key), "a block's initialization does not read {}", hex(key));
	}
	assert!(!was_read(&status), "the proof holds a key nobody read");
}

/// What the payment benchmarks whitelist for the signer (`paying_signer` in the stablecoin
/// pallet's benchmarks: its account record and its freeze flag) is read by the transaction's
/// extensions before its call runs, and paid for by their weights: the proof of validating and
/// preparing a signed transfer, its extensions only, holds the signer's account record and,
/// once the signer is frozen, its freeze record (a proof shows an absent key only as a gap in
/// its branch, so the flag is checked where it is set). The control: validating another
/// signer's transfer does not read Bob's account record.
#[test]
fn a_signed_payment_reads_before_its_call_what_payment_benchmarks_whitelist_for_the_signer() {
	use sp_runtime::traits::DispatchTransaction as _;

	let bob = Sr25519Keyring::Bob.to_account_id();
	let account = frame_system::Account::<Runtime>::hashed_key_for(&bob);
	let freeze = pallet_stablecoin::FrozenAccounts::<Runtime>::hashed_key_for(&bob);
	let mut state = preset_storage("development");
	let externalities = state.externalities();
	externalities.execute_with(start_block);

	// Runs the extensions of `signer`'s transfer on the committed state: whether the proof of
	// that holds the stored values of Bob's account and freeze records, and whether the
	// extensions accepted the transfer.
	let prove_extensions = |externalities: &mut sp_io::TestExternalities,
	                        signer: Sr25519Keyring| {
		externalities.commit_all().expect("the state commits");
		let root = *externalities.backend.root();
		let call = transfer_to(Sr25519Keyring::Charlie, USDX);
		let (accepted, proof) = externalities.execute_and_prove(|| {
			let who = signer.to_account_id();
			let info = call.get_dispatch_info();
			tx_extension(System::account_nonce(&who), 0)
				.validate_and_prepare(
					RuntimeOrigin::signed(who),
					&call,
					&info,
					call.encoded_size(),
					0,
				)
				.map(|_| ())
		});
		let holds = |key: &[u8]| {
			sp_state_machine::read_proof_check::<BlakeTwo256, _>(root, proof.clone(), [key])
				.is_ok_and(|values| values.values().all(Option::is_some))
		};
		(holds(&account), holds(&freeze), accepted)
	};

	assert_eq!(prove_extensions(externalities, Sr25519Keyring::Bob), (true, false, Ok(())));
	// Bob and a second account frozen: the map's two records sit apart in the trie, and a
	// proof holds Bob's only if what was read lies on Bob's path.
	externalities.execute_with(|| {
		for who in [bob.clone(), Sr25519Keyring::One.to_account_id()] {
			frame_support::assert_ok!(Stablecoin::freeze_account(
				RuntimeOrigin::signed(genesis_config_presets::demo_compliance_officer()),
				who,
				b"sanctions list".to_vec().try_into().expect("a short reason"),
				None,
				None,
			));
		}
	});
	assert_eq!(
		prove_extensions(externalities, Sr25519Keyring::Bob),
		(true, true, Err(InvalidTransaction::Custom(pallet_stablecoin::ACCOUNT_FROZEN).into()))
	);
	// The control: Alice's transfer reads her account record, not Bob's.
	let (holds_bobs_account, _, accepted) = prove_extensions(externalities, Sr25519Keyring::Alice);
	assert_eq!((holds_bobs_account, accepted), (false, Ok(())));
}

fn hex(key: &[u8]) -> String {
	key.iter().map(|byte| format!("{byte:02x}")).collect()
}
