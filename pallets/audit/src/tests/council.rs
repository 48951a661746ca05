//! With the real `pallet-collective`: a council motion's proposal hash is [`Motion::hash`],
//! and the pallets it reaches see [`Actor::Motion`] with that hash.

use crate::{mock::*, Event, Motion};
use codec::Encode;
use frame_support::{assert_ok, dispatch::GetDispatchInfo};
use pallet_collective::Instance1;
use sp_core::H256;
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	DispatchError,
};
use stablecoin_primitives::Actor;

type CouncilEvent = pallet_collective::Event<Test, Instance1>;

/// `ALICE` proposes `call` with `threshold`; returns its hash and index.
fn propose(call: RuntimeCall, threshold: u32) -> (H256, u32) {
	let motion = Motion(call);
	let length = motion.encoded_size() as u32;
	let index = pallet_collective::ProposalCount::<Test, Instance1>::get();
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(ALICE),
		threshold,
		Box::new(motion.clone()),
		length
	));
	(motion.hash(), index)
}

/// `ALICE` and `BOB` pass `call` (two of three), and `ALICE` closes the motion. Returns its
/// hash.
fn pass(call: RuntimeCall) -> H256 {
	let weight = call.get_dispatch_info().call_weight;
	let length = call.encoded_size() as u32;
	let (hash, index) = propose(call, 2);
	for voter in [ALICE, BOB] {
		assert_ok!(Council::vote(RuntimeOrigin::signed(voter), hash, index, true));
	}
	assert_ok!(Council::close(RuntimeOrigin::signed(ALICE), hash, index, weight, length));
	hash
}

/// The council's events and the probe's and this pallet's, oldest first, without the votes.
fn trail() -> Vec<RuntimeEvent> {
	events()
		.into_iter()
		.filter(|event| {
			!matches!(
				event,
				RuntimeEvent::Council(
					CouncilEvent::Proposed { .. }
						| CouncilEvent::Voted { .. }
						| CouncilEvent::Closed { .. }
				)
			)
		})
		.collect()
}

#[test]
fn the_motion_hash_is_the_councils_proposal_hash() {
	build_and_execute(|| {
		let call = record();
		let hash = pass(call.clone());
		assert_eq!(hash, BlakeTwo256::hash_of(&call));
		assert!(events().contains(&RuntimeEvent::Council(CouncilEvent::Proposed {
			account: ALICE,
			proposal_index: 0,
			proposal_hash: hash,
			threshold: 2,
		})));
		assert_eq!(
			trail(),
			vec![
				RuntimeEvent::Council(CouncilEvent::Approved { proposal_hash: hash }),
				RuntimeEvent::Probe(probe::Event::Seen { by: Actor::Motion(hash) }),
				RuntimeEvent::Council(CouncilEvent::Executed {
					proposal_hash: hash,
					result: Ok(())
				}),
			]
		);
	});
}

#[test]
fn an_audited_origin_names_the_motion() {
	build_and_execute(|| {
		let hash = pass(guarded(false));
		assert_eq!(
			trail(),
			vec![
				RuntimeEvent::Council(CouncilEvent::Approved { proposal_hash: hash }),
				RuntimeEvent::Audit(Event::Authorized {
					scope: Scope::Guarded,
					by: Actor::Motion(hash)
				}),
				RuntimeEvent::Council(CouncilEvent::Executed {
					proposal_hash: hash,
					result: Ok(())
				}),
			]
		);
	});
}

#[test]
fn a_failed_motion_records_no_authorization() {
	build_and_execute(|| {
		let hash = pass(guarded(true));
		let failed: DispatchError = probe::Error::<Test>::Failed.into();
		assert_eq!(
			trail(),
			vec![
				RuntimeEvent::Council(CouncilEvent::Approved { proposal_hash: hash }),
				RuntimeEvent::Council(CouncilEvent::Executed {
					proposal_hash: hash,
					result: Err(failed)
				}),
			]
		);
	});
}

#[test]
fn a_motion_executed_at_once_is_named_too() {
	build_and_execute(|| {
		// A threshold of one: the collective dispatches the motion when it is proposed.
		let (hash, _) = propose(record(), 1);
		assert_eq!(
			trail(),
			vec![
				RuntimeEvent::Probe(probe::Event::Seen { by: Actor::Motion(hash) }),
				RuntimeEvent::Council(CouncilEvent::Executed {
					proposal_hash: hash,
					result: Ok(())
				}),
			]
		);
	});
}

#[test]
fn a_members_execute_is_named_by_its_hash() {
	build_and_execute(|| {
		let motion = Motion(record());
		let length = motion.encoded_size() as u32;
		assert_ok!(Council::execute(RuntimeOrigin::signed(BOB), Box::new(motion.clone()), length));
		let hash = motion.hash();
		assert_eq!(
			trail(),
			vec![
				RuntimeEvent::Probe(probe::Event::Seen { by: Actor::Motion(hash) }),
				RuntimeEvent::Council(CouncilEvent::MemberExecuted {
					proposal_hash: hash,
					result: Ok(())
				}),
			]
		);
	});
}
