//! Property tests: random sequences of calls by random actors keep the invariants, and a
//! failed call leaves no trace.

use crate::{mock::*, *};
use frame_support::traits::Hooks;
use proptest::prelude::*;
use sp_runtime::{DispatchError, Permill};
use stablecoin_primitives::{ComplianceError, GuardedOperation, Operation};

/// A call, a change in the outside world, or the passing of time.
#[derive(Clone, Debug)]
enum Action {
	Authorize(u8),
	Reduce(u8),
	RequestMint { who: u64, amount: u8, bulk: bool },
	Cancel { who: u64, id: u8 },
	Confirm { origin: u64, id: u8 },
	RejectMint { id: u8 },
	Approve { id: u8 },
	Sweep { burn: bool },
	UnfreezeIdentity { identity: u8 },
	Redeem { who: u64, amount: u8 },
	Payout { origin: u64, id: u8 },
	RejectRedemption { id: u8 },
	Hold { id: u8 },
	Release { id: u8 },
	Transfer { from: u64, to: u64, amount: u8 },
	TransferAll { from: u64, to: u64 },
	Freeze { origin: u64, who: u64 },
	Unfreeze { who: u64 },
	FreezeIdentity { identity: u8 },
	Seize { who: u64, burn: bool },
	Burn(u8),
	SetFee(u8),
	Lapse { who: u64 },
	Restore,
	Trip(bool),
	Headroom(u8),
	Wait(u8),
}

fn account() -> impl Strategy<Value = u64> {
	prop::sample::select(vec![ALICE, BOB, CHARLIE, DAVE, MALLORY, FEE, TREASURY])
}

fn origin_account() -> impl Strategy<Value = u64> {
	prop::sample::select(vec![ALICE, GOVERNOR, FIAT_DESK, FIAT_DESK_2, OFFICER])
}

fn action() -> impl Strategy<Value = Action> {
	let id = 0u8..8;
	prop_oneof![
		any::<u8>().prop_map(Action::Authorize),
		any::<u8>().prop_map(Action::Reduce),
		(account(), any::<u8>(), any::<bool>())
			.prop_map(|(who, amount, bulk)| Action::RequestMint { who, amount, bulk }),
		(account(), id.clone()).prop_map(|(who, id)| Action::Cancel { who, id }),
		(origin_account(), id.clone()).prop_map(|(origin, id)| Action::Confirm { origin, id }),
		id.clone().prop_map(|id| Action::RejectMint { id }),
		id.clone().prop_map(|id| Action::Approve { id }),
		any::<bool>().prop_map(|burn| Action::Sweep { burn }),
		(0u8..3).prop_map(|identity| Action::UnfreezeIdentity { identity }),
		(account(), any::<u8>()).prop_map(|(who, amount)| Action::Redeem { who, amount }),
		(origin_account(), id.clone()).prop_map(|(origin, id)| Action::Payout { origin, id }),
		id.clone().prop_map(|id| Action::RejectRedemption { id }),
		id.clone().prop_map(|id| Action::Hold { id }),
		id.prop_map(|id| Action::Release { id }),
		(account(), account(), any::<u8>()).prop_map(|(from, to, amount)| Action::Transfer {
			from,
			to,
			amount
		}),
		(account(), account()).prop_map(|(from, to)| Action::TransferAll { from, to }),
		(origin_account(), account()).prop_map(|(origin, who)| Action::Freeze { origin, who }),
		account().prop_map(|who| Action::Unfreeze { who }),
		(0u8..3).prop_map(|identity| Action::FreezeIdentity { identity }),
		(account(), any::<bool>()).prop_map(|(who, burn)| Action::Seize { who, burn }),
		any::<u8>().prop_map(Action::Burn),
		any::<u8>().prop_map(Action::SetFee),
		account().prop_map(|who| Action::Lapse { who }),
		Just(Action::Restore),
		any::<bool>().prop_map(Action::Trip),
		any::<u8>().prop_map(Action::Headroom),
		(0u8..4).prop_map(Action::Wait),
	]
}

/// Amounts in hundreds of dollars, so that limits are met and missed.
fn hundreds(n: u8) -> Balance {
	Balance::from(n) * 100 * USD
}

/// Apply an action by calling the dispatchable directly (outside any storage layer), so that
/// "a failed call changes nothing" is the pallet's own doing.
fn apply(action: Action) -> Result<(), DispatchError> {
	let id = |n: u8| u64::from(n);
	match action {
		Action::Authorize(n) => {
			Stablecoin::authorize_supply(governance(), hundreds(n)).map(|_| ()).map_err(|e| e.error)
		}
		Action::Reduce(n) => Stablecoin::reduce_allowance(governance(), hundreds(n)),
		Action::RequestMint { who, amount, bulk } => {
			let (amount, tier) = if bulk {
				(hundreds(amount) * 100, MintTier::Bulk)
			} else {
				(hundreds(amount), MintTier::Standard)
			};
			Stablecoin::request_mint(signed(who), amount, tier)
		}
		Action::Cancel { who, id: n } => Stablecoin::cancel_mint(signed(who), id(n)),
		Action::Confirm { origin, id: n } => {
			Stablecoin::confirm_funding(signed(origin), id(n), reference(n))
		}
		Action::RejectMint { id: n } => Stablecoin::reject_mint(fiat_desk(), id(n), reason("no")),
		Action::Approve { id: n } => {
			Stablecoin::approve_mint(governance(), id(n)).map(|_| ()).map_err(|e| e.error)
		}
		Action::Sweep { burn } => Stablecoin::sweep_fees(
			governance(),
			if burn { SweepTo::Burn } else { SweepTo::Treasury },
		),
		Action::UnfreezeIdentity { identity } => {
			Stablecoin::unfreeze_identity(governance(), u64::from(identity))
				.map(|_| ())
				.map_err(|e| e.error)
		}
		Action::Redeem { who, amount } => {
			Stablecoin::request_redemption(signed(who), hundreds(amount))
		}
		Action::Payout { origin, id: n } => {
			Stablecoin::confirm_payout(signed(origin), id(n), reference(n))
		}
		Action::RejectRedemption { id: n } => {
			Stablecoin::reject_redemption(fiat_desk(), id(n), reason("no"))
		}
		Action::Hold { id: n } => Stablecoin::hold_redemption(officer(), id(n), reason("aml")),
		Action::Release { id: n } => Stablecoin::release_redemption(officer(), id(n)),
		Action::Transfer { from, to, amount } => {
			Stablecoin::transfer(signed(from), to, Balance::from(amount) * 37 * USD)
		}
		Action::TransferAll { from, to } => Stablecoin::transfer_all(signed(from), to),
		Action::Freeze { origin, who } => {
			Stablecoin::freeze_account(signed(origin), who, reason("case"), order(1), None)
		}
		Action::Unfreeze { who } => Stablecoin::unfreeze_account(officer(), who),
		Action::FreezeIdentity { identity } => Stablecoin::freeze_identity(
			officer(),
			u64::from(identity),
			reason("case"),
			order(2),
			None,
		)
		.map(|_| ())
		.map_err(|e| e.error),
		Action::Seize { who, burn } => Stablecoin::seize(
			governance(),
			who,
			if burn { SeizeTo::Burn } else { SeizeTo::Treasury },
			reference(3),
		),
		Action::Burn(n) => Stablecoin::emergency_burn(governance(), Balance::from(n) * USD),
		Action::SetFee(n) => {
			let mut params = Params::<Test>::get();
			params.mint.fee = Permill::from_parts(u32::from(n) * 500);
			params.redeem.fee = Permill::from_parts(u32::from(n) * 400);
			Stablecoin::set_parameters(governance(), params)
		}
		Action::Lapse { who } => {
			refuse(
				who,
				&[Operation::Mint, Operation::Send],
				ComplianceError::ClaimExpired { topic: 1 },
			);
			Ok(())
		}
		Action::Restore => {
			reset_refusals();
			Ok(())
		}
		Action::Trip(on) => {
			trip(GuardedOperation::Mint, on);
			Ok(())
		}
		Action::Headroom(n) => {
			set_headroom(hundreds(n) * 10);
			Ok(())
		}
		Action::Wait(days) => {
			set_now(
				stablecoin_primitives::now::<<Test as Config>::Time>() + u64::from(days) * DAY / 2,
			);
			let next = System::block_number() + 1;
			System::set_block_number(next);
			Stablecoin::on_initialize(next);
			Ok(())
		}
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	#[test]
	fn random_calls_keep_the_invariants(actions in prop::collection::vec(action(), 1..40)) {
		ExtBuilder::default().allowance(5_000 * USD).build_and_execute(|| {
			set_identity(1, &[ALICE]);
			set_identity(2, &[BOB, CHARLIE]);
			for action in actions {
				let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
				let events = System::event_count();
				let result = apply(action.clone());
				if result.is_err() {
					assert_eq!(
						sp_io::storage::root(sp_runtime::StateVersion::V1),
						before,
						"{action:?} failed with {result:?} but changed state"
					);
					assert_eq!(System::event_count(), events);
				}
				if let Err(e) = Stablecoin::do_try_state() {
					panic!("invariant broken after {action:?} ({result:?}): {e:?}");
				}
			}
		});
	}

	#[test]
	fn fee_never_exceeds_amount_and_rounds_up(amount in any::<u64>(), parts in 0u32..=100_000) {
		let rate = Permill::from_parts(parts);
		let amount = Balance::from(amount);
		let fee = Stablecoin::fee_of(amount, rate);
		prop_assert!(fee <= amount);
		// fee * 1_000_000 >= amount * parts, and it is the smallest such value.
		prop_assert!(fee * 1_000_000 >= amount * Balance::from(parts));
		if fee > 0 {
			prop_assert!((fee - 1) * 1_000_000 < amount * Balance::from(parts));
		}
	}

	#[test]
	fn due_time_is_a_weekday_after_the_request(
		at in 0u64..4_000_000_000_000,
		days in 1u32..=MAX_SETTLEMENT_DAYS,
	) {
		// No holidays declared: weekends only.
		let due = ExtBuilder::default().build().execute_with(|| Stablecoin::due_time(at, days));
		prop_assert!(due > at);
		prop_assert!(!Stablecoin::is_weekend(due / DAY));
		prop_assert_eq!(due % DAY, at % DAY);
		let span = due / DAY - at / DAY;
		prop_assert!(span >= u64::from(days) && span <= u64::from(days) + 2 * (u64::from(days) / 5 + 1));
	}
}
