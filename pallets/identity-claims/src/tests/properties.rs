//! Property tests: random sequences of calls keep the invariants, and a failed call leaves no
//! trace.

use crate::{mock::*, *};
use proptest::prelude::*;
use sp_runtime::{DispatchError, StateVersion};
use stablecoin_primitives::{Compliance, ComplianceError, CountryCode, Operation};

/// A call, or the passing of time, with small parameters so that they collide often.
#[derive(Clone, Debug)]
enum Action {
	Register { account: u64, business: bool, jurisdiction: u8 },
	AddAccount { identity: IdentityId, account: u64 },
	RemoveAccount { account: u64 },
	Update { identity: IdentityId, business: bool, jurisdiction: u8 },
	Delete { identity: IdentityId },
	Issue { issuer: u64, identity: IdentityId, topic: TopicId, days: u16 },
	Revoke { issuer: u64, identity: IdentityId, topic: TopicId },
	Clear { identity: IdentityId, topic: TopicId },
	RetireTopic { topic: TopicId },
	RemoveIssuer { issuer: u64 },
	TrustIssuer { issuer: u64, topics: Vec<TopicId> },
	SetRequired { operation: u8, business: bool, topics: Vec<TopicId> },
	Block { jurisdiction: u8 },
	Unblock { jurisdiction: u8 },
	SetJurisdictionRule { jurisdiction: u8, operation: u8, topics: Vec<TopicId>, max: Option<u8> },
	RemoveJurisdictionRule { jurisdiction: u8, operation: u8 },
	Wait { days: u8 },
}

/// A few jurisdictions, one of them invalid.
fn jurisdiction(n: u8) -> CountryCode {
	[*b"FR", *b"DE", *b"US", *b"KP", *b"x1"][(n % 5) as usize]
}

fn action() -> impl Strategy<Value = Action> {
	let account = 1u64..9;
	let identity = 0u64..6;
	let topic = 0u16..7;
	let issuer = prop::sample::select(vec![PROVIDER, SCREENER, RIVAL, MALLORY]);
	// Mostly short validities, sometimes the longest and one day longer.
	let days = prop_oneof![4 => 0u16..5, 1 => prop::sample::select(vec![400u16, 401])];
	prop_oneof![
		(account.clone(), any::<bool>(), any::<u8>()).prop_map(|(account, business, j)| {
			Action::Register { account, business, jurisdiction: j }
		}),
		(identity.clone(), account.clone())
			.prop_map(|(identity, account)| Action::AddAccount { identity, account }),
		account.prop_map(|account| Action::RemoveAccount { account }),
		(identity.clone(), any::<bool>(), any::<u8>()).prop_map(|(identity, business, j)| {
			Action::Update { identity, business, jurisdiction: j }
		}),
		identity.clone().prop_map(|identity| Action::Delete { identity }),
		(issuer.clone(), identity.clone(), topic.clone(), days).prop_map(
			|(issuer, identity, topic, days)| Action::Issue { issuer, identity, topic, days }
		),
		(issuer.clone(), identity.clone(), topic.clone())
			.prop_map(|(issuer, identity, topic)| { Action::Revoke { issuer, identity, topic } }),
		(identity, topic.clone()).prop_map(|(identity, topic)| Action::Clear { identity, topic }),
		topic.prop_map(|topic| Action::RetireTopic { topic }),
		issuer.clone().prop_map(|issuer| Action::RemoveIssuer { issuer }),
		(issuer, prop::collection::vec(0u16..7, 1..3))
			.prop_map(|(issuer, topics)| Action::TrustIssuer { issuer, topics }),
		(any::<u8>(), any::<bool>(), prop::collection::vec(0u16..7, 0..3)).prop_map(
			|(operation, business, topics)| Action::SetRequired { operation, business, topics }
		),
		any::<u8>().prop_map(|j| Action::Block { jurisdiction: j }),
		any::<u8>().prop_map(|j| Action::Unblock { jurisdiction: j }),
		(any::<u8>(), any::<u8>(), prop::collection::vec(0u16..7, 0..3), any::<Option<u8>>())
			.prop_map(|(j, operation, topics, max)| Action::SetJurisdictionRule {
				jurisdiction: j,
				operation,
				topics,
				max,
			}),
		(any::<u8>(), any::<u8>()).prop_map(|(j, operation)| Action::RemoveJurisdictionRule {
			jurisdiction: j,
			operation
		}),
		(0u8..3).prop_map(|days| Action::Wait { days }),
	]
}

fn kind(business: bool) -> IdentityKind {
	if business {
		IdentityKind::Business
	} else {
		IdentityKind::Person
	}
}

/// Apply an action by calling the dispatchable directly (outside any storage layer), so that
/// "a failed call changes nothing" is the pallet's own doing. An issuer call is checked to be
/// feeless only if it succeeds (`issue_claim`: exactly if).
fn apply(action: Action) -> Result<(), DispatchError> {
	let signed = RuntimeOrigin::signed;
	match action {
		Action::Register { account, business, jurisdiction: j } => {
			IdentityClaims::register_identity(registrar(), kind(business), jurisdiction(j), account)
		}
		Action::AddAccount { identity, account } => {
			IdentityClaims::add_account(registrar(), identity, account)
		}
		Action::RemoveAccount { account } => IdentityClaims::remove_account(registrar(), account),
		Action::Update { identity, business, jurisdiction: j } => {
			IdentityClaims::update_identity(registrar(), identity, kind(business), jurisdiction(j))
		}
		Action::Delete { identity } => {
			IdentityClaims::delete_identity(registrar(), identity).map(|_| ()).map_err(|e| e.error)
		}
		Action::Issue { issuer, identity, topic, days } => {
			let expires_at =
				stablecoin_primitives::now::<<Test as Config>::Time>() + Moment::from(days) * DAY;
			let feeless =
				IdentityClaims::is_feeless_issue(&signed(issuer), identity, topic, expires_at);
			let result = IdentityClaims::issue_claim(
				signed(issuer),
				identity,
				topic,
				expires_at,
				evidence(days as u8),
			);
			assert_eq!(feeless, result.is_ok(), "issue feeless iff it succeeds: {result:?}");
			result
		}
		Action::Revoke { issuer, identity, topic } => {
			let feeless = IdentityClaims::is_feeless_revoke(&signed(issuer), identity, topic);
			let result = IdentityClaims::revoke_claim(signed(issuer), identity, topic);
			assert!(!feeless || result.is_ok(), "a failing revoke was feeless: {result:?}");
			result
		}
		Action::Clear { identity, topic } => {
			IdentityClaims::clear_claim(governance(), identity, topic)
		}
		Action::RetireTopic { topic } => IdentityClaims::retire_topic(governance(), topic),
		Action::RemoveIssuer { issuer } => {
			IdentityClaims::remove_trusted_issuer(governance(), issuer)
		}
		Action::TrustIssuer { issuer, topics } => {
			let mut topics = topics;
			topics.sort_unstable();
			topics.dedup();
			if TrustedIssuers::<Test>::contains_key(issuer) {
				IdentityClaims::update_issuer_topics(governance(), issuer, bounded(&topics))
			} else {
				IdentityClaims::add_trusted_issuer(governance(), issuer, bounded(&topics))
			}
		}
		Action::SetRequired { operation, business, topics } => {
			let mut topics = topics;
			topics.sort_unstable();
			topics.dedup();
			IdentityClaims::set_required_topics(
				governance(),
				Operation::ALL[(operation % 5) as usize],
				kind(business),
				bounded(&topics),
			)
		}
		Action::Block { jurisdiction: j } => {
			IdentityClaims::block_jurisdiction(governance(), jurisdiction(j))
		}
		Action::Unblock { jurisdiction: j } => {
			IdentityClaims::unblock_jurisdiction(governance(), jurisdiction(j))
		}
		Action::SetJurisdictionRule { jurisdiction: j, operation, topics, max } => {
			IdentityClaims::set_jurisdiction_rule(
				governance(),
				jurisdiction(j),
				Operation::ALL[(operation % 5) as usize],
				Some(JurisdictionRule {
					extra_topics: bounded(&topics),
					max_amount: max.map(u128::from),
				}),
			)
		}
		Action::RemoveJurisdictionRule { jurisdiction: j, operation } => {
			IdentityClaims::set_jurisdiction_rule(
				governance(),
				jurisdiction(j),
				Operation::ALL[(operation % 5) as usize],
				None,
			)
		}
		Action::Wait { days } => {
			set_now(
				stablecoin_primitives::now::<<Test as Config>::Time>() + Moment::from(days) * DAY,
			);
			Ok(())
		}
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	#[test]
	fn random_calls_keep_the_invariants(actions in prop::collection::vec(action(), 1..60)) {
		ExtBuilder::verified().build_and_execute(|| {
			for action in actions {
				let before = sp_io::storage::root(StateVersion::V1);
				let events = System::event_count();
				if apply(action.clone()).is_err() {
					assert_eq!(
						sp_io::storage::root(StateVersion::V1),
						before,
						"failed {action:?} changed storage"
					);
					assert_eq!(System::event_count(), events);
				}
				IdentityClaims::do_try_state()
					.unwrap_or_else(|e| panic!("invariant broken after {action:?}: {e:?}"));

				// The kept status never answers otherwise than the full check from the rules
				// and claims, whatever the amount: a stale status lets nothing through.
				for who in 1u64..9 {
					for op in Operation::ALL {
						for amount in [0u128, 1, 100, 255, 256, u128::MAX] {
							assert_eq!(
								IdentityClaims::check_amount(&who, op, amount),
								IdentityClaims::check_operation_amount(&who, op, Some(amount)),
								"kept and full answers differ for {who} {op:?} {amount} after {action:?}"
							);
						}
					}
				}

				// The runtime API agrees with the trait, and an allowed account always has an
				// identity whose jurisdiction is not blocked.
				for who in 1u64..9 {
					let status = IdentityClaims::account_status(&who);
					for (op, answer) in Operation::ALL.iter().zip(status.operations.iter()) {
						assert_eq!(answer.result, IdentityClaims::check(&who, *op));
						if answer.result.is_ok() {
							let identity = status.identity.as_ref().expect("allowed has identity");
							assert!(!BlockedJurisdictions::<Test>::get()
								.contains(&identity.jurisdiction));
							// ... that holds every extra topic of its jurisdiction, and may
							// move exactly up to the jurisdiction's limit.
							let now = stablecoin_primitives::now::<<Test as Config>::Time>();
							match JurisdictionRules::<Test>::get(identity.jurisdiction, op) {
								Some(rule) => {
									for topic in rule.extra_topics {
										assert_eq!(
											IdentityClaims::check_claim(identity.id, topic, now),
											Ok(())
										);
									}
									if let Some(max) = rule.max_amount {
										assert_eq!(IdentityClaims::check_amount(&who, *op, max), Ok(()));
										assert_eq!(
											IdentityClaims::check_amount(&who, *op, max + 1),
											Err(ComplianceError::AboveJurisdictionLimit)
										);
									}
								}
								None => assert_eq!(
									IdentityClaims::check_amount(&who, *op, u128::MAX),
									Ok(())
								),
							}
						}
					}
				}
			}
		});
	}
}
