//! [`Motion`]: the same bytes, hash and type information as the call it wraps, and the
//! motion named while it is dispatched.

use crate::{mock::*, Motion};
use codec::{Decode, DecodeAll, Encode};
use frame_support::dispatch::GetDispatchInfo;
use pallet_collective::{Instance1, RawOrigin as CouncilOrigin};
use scale_info::{meta_type, PortableRegistry, Registry, TypeInfo};
use sp_runtime::traits::{BlakeTwo256, Dispatchable, Hash};
use stablecoin_primitives::{Actor, CurrentMotion};

/// The origin of a motion that two of the three council members voted for.
fn two_of_three() -> RuntimeOrigin {
	CouncilOrigin::<u64, Instance1>::Members(2, 3).into()
}

#[test]
fn encodes_and_decodes_as_the_call() {
	let call = within(record());
	let motion = Motion(call.clone());
	assert_eq!(motion.encode(), call.encode());
	assert_eq!(Box::new(motion.clone()).encode(), Box::new(call.clone()).encode());
	assert_eq!(Motion::<RuntimeCall>::decode_all(&mut &call.encode()[..]), Ok(motion.clone()));
	assert_eq!(RuntimeCall::decode(&mut &motion.encode()[..]), Ok(call));
}

#[test]
fn hashes_as_the_call() {
	let call = record();
	assert_eq!(Motion(call.clone()).hash(), BlakeTwo256::hash_of(&call));
	assert_eq!(BlakeTwo256::hash_of(&Box::new(Motion(call.clone()))), BlakeTwo256::hash_of(&call));
}

#[test]
fn type_info_is_the_calls() {
	assert_eq!(Motion::<RuntimeCall>::type_info(), RuntimeCall::type_info());
	assert_eq!(meta_type::<Motion<RuntimeCall>>(), meta_type::<RuntimeCall>());

	let mut registry = Registry::new();
	let call = registry.register_type(&meta_type::<RuntimeCall>());
	let motion = registry.register_type(&meta_type::<Motion<RuntimeCall>>());
	assert_eq!(motion, call);
}

#[test]
fn the_councils_proposal_argument_is_described_as_the_call() {
	// `council.propose`'s `proposal: Box<Motion<RuntimeCall>>` has its own registry entry
	// (`Box`'s identity is `Motion`), with the call type's path and definition.
	let mut registry = Registry::new();
	let call = registry.register_type(&meta_type::<RuntimeCall>()).id;
	let council_call =
		registry.register_type(&meta_type::<pallet_collective::Call<Test, Instance1>>()).id;
	let registry = PortableRegistry::from(registry);
	let scale_info::TypeDef::Variant(calls) =
		&registry.resolve(council_call).expect("registered").type_def
	else {
		panic!("a call enum is a variant type");
	};
	let propose = calls.variants.iter().find(|v| v.name == "propose").expect("propose exists");
	let proposal =
		propose.fields.iter().find(|f| f.name == Some("proposal".into())).expect("proposal");
	assert_ne!(proposal.ty.id, call, "a second entry");
	let described = registry.resolve(proposal.ty.id).expect("registered");
	let runtime_call = registry.resolve(call).expect("registered");
	assert_eq!(described.path, runtime_call.path);
	assert_eq!(described.path.segments.last().map(String::as_str), Some("RuntimeCall"));
	assert_eq!(described.type_def, runtime_call.type_def);
}

#[test]
fn dispatch_names_the_motion_then_clears_it() {
	build_and_execute(|| {
		let motion = Motion(record());
		let hash = motion.hash();
		assert!(motion.dispatch(two_of_three()).is_ok());
		assert_eq!(seen(), vec![Actor::Motion(hash)]);
		assert!(!CurrentMotion::exists());
		// Outside a motion, the same origin is the collective.
		assert!(record().dispatch(two_of_three()).is_ok());
		assert_eq!(seen(), vec![Actor::Motion(hash), Actor::Collective]);
	});
}

#[test]
fn dispatch_keeps_the_origin() {
	build_and_execute(|| {
		assert!(Motion(record()).dispatch(RuntimeOrigin::root()).is_ok());
		assert!(Motion(record()).dispatch(RuntimeOrigin::signed(ALICE)).is_ok());
		assert_eq!(seen(), vec![Actor::Root, Actor::Signed(ALICE)]);
	});
}

#[test]
fn nested_motions_restore_the_outer_one() {
	build_and_execute(|| {
		let outer = Motion(within(record()));
		let (outer_hash, inner_hash) = (outer.hash(), Motion(record()).hash());
		assert_ne!(outer_hash, inner_hash);
		assert!(outer.dispatch(two_of_three()).is_ok());
		assert_eq!(
			seen(),
			vec![Actor::Motion(outer_hash), Actor::Motion(inner_hash), Actor::Motion(outer_hash)]
		);
	});
}

#[test]
fn a_failed_dispatch_clears_the_motion() {
	build_and_execute(|| {
		let result = Motion(guarded(true)).dispatch(two_of_three());
		assert_eq!(result.map_err(|e| e.error), Err(probe::Error::<Test>::Failed.into()));
		assert!(!CurrentMotion::exists());
		let result = Motion(guarded(false)).dispatch(RuntimeOrigin::signed(MALLORY));
		assert_eq!(result.map_err(|e| e.error), Err(sp_runtime::DispatchError::BadOrigin));
		assert!(!CurrentMotion::exists());
	});
}

#[test]
fn dispatch_info_is_the_calls() {
	let call = within(guarded(false));
	assert_eq!(Motion(call.clone()).get_dispatch_info(), call.get_dispatch_info());
}

#[test]
fn conversions() {
	let remark = frame_system::Call::<Test>::remark { remark: vec![1, 2, 3] };
	assert_eq!(Motion::<RuntimeCall>::from(remark.clone()), Motion(RuntimeCall::System(remark)));
	let motion: Motion<RuntimeCall> = record().into();
	assert_eq!(motion, Motion::new(record()));
	assert_eq!(*motion, record());
	assert_eq!(motion.into_inner(), record());
}
