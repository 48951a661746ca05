//! A fuzzer over the assembled runtime: real blocks built with `Executive` from the
//! development genesis, random signed calls from a fixed cast of actors, time jumping across
//! days, and the chain's invariants checked after every block.
//!
//! It is a seeded driver on stable Rust: bytes (from the checked-in corpus, then from a
//! seeded random generator) are read as an [`arbitrary::Unstructured`] stream that decides
//! each block's time step, its calls, their signers and their arguments. Any cast member may
//! sign any call, so the role boundaries are exercised as often as the happy paths; governance
//! calls go through a one-member council motion (the development council is Alice alone),
//! and some calls are nested in `utility.batch_all` or made by a multisig account
//! (`multisig.as_multi_threshold_1`).
//!
//! After every block it checks:
//! - every pallet's `try_state` (the queues, the caches, the counters), and total issuance =
//!   genesis + minted − burned;
//! - circulating + pending redemptions ≤ eligible reserves after any block that minted;
//! - no frozen account's balance went down except by a seizure or after its unfreezing;
//! - an account that is not verified to hold never gains USDX;
//! - the block's weight within the limit, and no call panicked;
//! - per role, from the events: only the fiat desk confirms funding, only a compliance
//!   officer or governance freezes, only governance lifts a pause or approves a mint (roles
//!   themselves change hands through council motions while the fuzzer runs).
//!
//! Besides the stablecoin's calls, inputs make raw `balances` transfers (the call filter must
//! refuse them in every wrapper), remarks, `tx-pause` pauses and role changes.
//!
//! `fuzz_bounded_run` runs the corpus and then random inputs for `USDX_FUZZ_SECONDS` seconds
//! (30 when unset; the test command sets 120); `scripts/fuzz.sh [seconds]` runs it for longer.
//! A failing input is written to `target/usdx-fuzz-failures/`; checked in under
//! `runtime/fuzz-corpus/`, it becomes a regression case that every run replays first.

use std::{
	collections::BTreeSet,
	panic::{catch_unwind, AssertUnwindSafe},
	time::{Duration, Instant},
};

use arbitrary::Unstructured;
use codec::Encode;
use frame_support::traits::{fungible::Inspect, GetCallMetadata, TryState, TryStateSelect};
use pallet_stablecoin::MintTier;
use rand::{rngs::SmallRng, RngCore, SeedableRng};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Header as _, Digest, DigestItem};
use stablecoin_primitives::{
	Actor, Compliance, FixedU128, GuardedOperation, Operation, PriceKey, Supply,
};

use super::{preset_storage, Sr25519Keyring::*};
use crate::{genesis_config_presets::GENESIS_ATTESTATION_AS_OF_MS, *};

/// The cast: the development preset's roles and holders, and one account nobody verified.
const CAST: [Sr25519Keyring; 7] = [Alice, Bob, Charlie, Dave, Eve, Ferdie, Two];
/// The one account of the cast without an identity.
const UNVERIFIED: Sr25519Keyring = Two;
/// The most blocks one input drives.
const MAX_BLOCKS: usize = 16;
/// The most calls in one block.
const MAX_CALLS_PER_BLOCK: u32 = 8;
/// Time steps between blocks: a slot, a minute, an hour, a day, three days.
const STEPS_MS: [u64; 5] = [SLOT_DURATION, 60_000, 3_600_000, 86_400_000, 3 * 86_400_000];

/// What one input did.
#[derive(Default)]
struct Outcome {
	blocks: usize,
	extrinsics: usize,
	/// `(pallet, call, outcome)` triples seen: the fuzzer's coverage measure.
	coverage: BTreeSet<(String, String, String)>,
}

fn account(u: &mut Unstructured) -> arbitrary::Result<AccountId> {
	Ok(u.choose(&CAST)?.to_account_id())
}

fn amount(u: &mut Unstructured) -> arbitrary::Result<Balance> {
	Ok(match u.int_in_range(0u8..=6)? {
		0 => 0,
		1 => 1,
		2 => 100 * USDX,
		3 => 1_000 * USDX,
		4 => 50_000 * USDX,
		5 => u.int_in_range(1..=200_000 * USDX)?,
		_ => Balance::MAX / 2,
	})
}

fn hash(u: &mut Unstructured) -> arbitrary::Result<H256> {
	Ok(H256::repeat_byte(u.int_in_range(0u8..=3)?))
}

fn reason<S: frame_support::traits::Get<u32>>(
	u: &mut Unstructured,
) -> arbitrary::Result<frame_support::BoundedVec<u8, S>> {
	let text: &[u8] = u.choose(&[&b"sanctions"[..], b"court order", b""])?;
	Ok(text.to_vec().try_into().unwrap_or_default())
}

fn guarded(u: &mut Unstructured) -> arbitrary::Result<Option<GuardedOperation>> {
	Ok(match u.int_in_range(0u8..=3)? {
		0 => None,
		n => Some(GuardedOperation::ALL[usize::from(n - 1)]),
	})
}

/// A call name for `pallet-tx-pause`.
fn paused_call(
	u: &mut Unstructured,
) -> arbitrary::Result<pallet_tx_pause::RuntimeCallNameOf<Runtime>> {
	let (pallet, call): (&[u8], &[u8]) = *u.choose(&[
		(&b"Stablecoin"[..], &b"transfer"[..]),
		(&b"Stablecoin"[..], &b"request_mint"[..]),
		(&b"Oracle"[..], &b"submit_price"[..]),
		(&b"Council"[..], &b"propose"[..]),
	])?;
	Ok((
		pallet.to_vec().try_into().unwrap_or_default(),
		call.to_vec().try_into().unwrap_or_default(),
	))
}

/// A call a holder or an operator might sign.
fn signed_call(u: &mut Unstructured, now: u64) -> arbitrary::Result<RuntimeCall> {
	use pallet_stablecoin::Call as Coin;
	let id = u.int_in_range(1u64..=6)?;
	Ok(match u.int_in_range(0u8..=23)? {
		0 | 1 => RuntimeCall::Stablecoin(Coin::transfer { dest: account(u)?, amount: amount(u)? }),
		// A transfer with a travel-rule record, whose providers may or may not exist.
		23 => RuntimeCall::Stablecoin(Coin::transfer_with_travel_rule {
			dest: account(u)?,
			amount: amount(u)?,
			record: pallet_stablecoin::TravelRuleRecord {
				record_hash: hash(u)?,
				originator_provider: u.int_in_range(1u64..=8)?,
				beneficiary_provider: u.int_in_range(1u64..=8)?,
			},
		}),
		21 => RuntimeCall::Stablecoin(Coin::transfer_with_reference {
			dest: account(u)?,
			amount: amount(u)?,
			reference: hash(u)?.0,
		}),
		// A batch payout to one to three payees, any of whom may be refused.
		22 => {
			let mut payouts = Vec::new();
			for _ in 0..u.int_in_range(1u8..=3)? {
				payouts.push(pallet_stablecoin::Payout {
					dest: account(u)?,
					amount: amount(u)?,
					reference: hash(u)?.0,
				});
			}
			RuntimeCall::Stablecoin(Coin::pay_batch {
				payouts: payouts.try_into().unwrap_or_default(),
			})
		}
		2 => RuntimeCall::Stablecoin(Coin::transfer_all { dest: account(u)? }),
		3 => RuntimeCall::Stablecoin(Coin::request_mint {
			amount: amount(u)?,
			tier: if u.arbitrary()? { MintTier::Bulk } else { MintTier::Standard },
		}),
		4 => RuntimeCall::Stablecoin(Coin::cancel_mint { id }),
		5 => RuntimeCall::Stablecoin(Coin::confirm_funding { id, ledger_ref: hash(u)? }),
		6 => RuntimeCall::Stablecoin(Coin::request_redemption { amount: amount(u)? }),
		7 => RuntimeCall::Stablecoin(Coin::confirm_payout { id, payout_ref: hash(u)? }),
		8 => RuntimeCall::Stablecoin(Coin::reject_redemption { id, reason: reason(u)? }),
		9 => RuntimeCall::Stablecoin(Coin::hold_redemption { id, reason: reason(u)? }),
		10 => RuntimeCall::Stablecoin(Coin::release_redemption { id }),
		11 => RuntimeCall::Stablecoin(Coin::freeze_account {
			who: account(u)?,
			reason: reason(u)?,
			order: if u.arbitrary()? {
				Some(pallet_stablecoin::LegalOrder {
					case_id: Default::default(),
					order_hash: hash(u)?,
				})
			} else {
				None
			},
			// Some freezes lift by themselves, within the run or long after it.
			expires_at: if u.arbitrary()? {
				Some(now + u.choose(&STEPS_MS)? * u64::from(u.int_in_range(1u8..=10)?))
			} else {
				None
			},
		}),
		12 => RuntimeCall::Stablecoin(Coin::unfreeze_account { who: account(u)? }),
		13 => RuntimeCall::Oracle(pallet_oracle::Call::submit_price {
			key: PriceKey::USDX_USD,
			price: FixedU128::from_rational(u.int_in_range(900u128..=1_100)?, 1_000),
		}),
		14 => RuntimeCall::CircuitBreaker(pallet_circuit_breaker::Call::pause {
			operation: guarded(u)?,
			reason: reason(u)?,
		}),
		15 => RuntimeCall::IdentityClaims(pallet_identity_claims::Call::issue_claim {
			identity: u.int_in_range(1u64..=7)?,
			topic: u.int_in_range(1u16..=5)?,
			expires_at: now + u.choose(&STEPS_MS)? * u64::from(u.int_in_range(1u8..=10)?),
			evidence: hash(u)?,
		}),
		16 => RuntimeCall::IdentityClaims(pallet_identity_claims::Call::revoke_claim {
			identity: u.int_in_range(1u64..=7)?,
			topic: u.int_in_range(1u16..=5)?,
		}),
		// Recomputing kept compliance statuses (none at all: refused) must never change a
		// verdict: `try_state` compares them with the full check after every block.
		17 => {
			let count = u.int_in_range(0usize..=3)?;
			let accounts = (0..count).map(|_| account(u)).collect::<arbitrary::Result<Vec<_>>>()?;
			RuntimeCall::IdentityClaims(pallet_identity_claims::Call::refresh_compliance {
				accounts: accounts.try_into().unwrap_or_default(),
			})
		}
		// Raw ledger transfers: the call filter must refuse them in every wrapper.
		18 => RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
			dest: account(u)?.into(),
			value: amount(u)?,
		}),
		19 => RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 32] }),
		20 => RuntimeCall::TxPause(pallet_tx_pause::Call::pause { full_name: paused_call(u)? }),
		_ => {
			let total = amount(u)?.min(10_000_000 * USDX);
			let as_of = now.saturating_sub(*u.choose(&STEPS_MS)?);
			let amounts =
				pallet_reserves::CategoryAmounts { cash_and_deposits: total, ..Default::default() };
			let custodian = [7u8; 32];
			RuntimeCall::Reserves(pallet_reserves::Call::submit_attestation {
				attestation: pallet_reserves::Attestation {
					as_of,
					period_start: as_of.saturating_sub(86_400_000),
					period_end: as_of,
					amounts,
					custodians: vec![(custodian, total)].try_into().expect("one custodian"),
					total,
					report_hash: hash(u)?,
				},
			})
		}
	})
}

/// A call only governance may make, for a council motion.
fn governance_call(u: &mut Unstructured) -> arbitrary::Result<RuntimeCall> {
	use pallet_stablecoin::Call as Coin;
	let id = u.int_in_range(1u64..=6)?;
	let destination =
		*u.choose(&[pallet_stablecoin::SeizeTo::Burn, pallet_stablecoin::SeizeTo::Treasury])?;
	Ok(match u.int_in_range(0u8..=17)? {
		0 => RuntimeCall::Stablecoin(Coin::authorize_supply { amount: amount(u)? }),
		12 => RuntimeCall::CircuitBreaker(pallet_circuit_breaker::Call::enter_wind_down {
			reason: reason(u)?,
		}),
		13 => RuntimeCall::CircuitBreaker(pallet_circuit_breaker::Call::exit_wind_down {
			reason: reason(u)?,
		}),
		// Powers given up for good: rare, since they narrow the rest of the run.
		14 if u.ratio(1u8, 4)? => RuntimeCall::Stablecoin(Coin::renounce_power {
			renunciation: match u.int_in_range(0u8..=3)? {
				0 => pallet_stablecoin::Renunciation::Seizure,
				1 => pallet_stablecoin::Renunciation::EmergencyBurn,
				2 => pallet_stablecoin::Renunciation::FreezeWithoutLegalOrder,
				_ => pallet_stablecoin::Renunciation::MintLimitsAbove { ceiling: amount(u)? },
			},
		}),
		// Per-jurisdiction rules: extra topics, a limit, or the rule removed.
		15 => {
			let topics: Vec<u16> =
				(1u16..=5).filter(|_| u.ratio(1u8, 3).unwrap_or(false)).collect();
			let max_amount = if u.arbitrary()? { Some(amount(u)?) } else { None };
			RuntimeCall::IdentityClaims(pallet_identity_claims::Call::set_jurisdiction_rule {
				jurisdiction: *u.choose(&[*b"US", *b"GB", *b"DE"])?,
				operation: *u.choose(&stablecoin_primitives::Operation::ALL)?,
				rule: if u.ratio(1u8, 5)? {
					None
				} else {
					Some(pallet_identity_claims::JurisdictionRule {
						extra_topics: topics.try_into().unwrap_or_default(),
						max_amount,
					})
				},
			})
		}
		16 => RuntimeCall::Stablecoin(Coin::set_travel_rule {
			settings: pallet_stablecoin::TravelRuleSettings {
				threshold: amount(u)?,
				structuring_window: *u.choose(&STEPS_MS)?,
			},
		}),
		1 => RuntimeCall::Stablecoin(Coin::approve_mint { id }),
		2 => RuntimeCall::Stablecoin(Coin::reject_mint { id, reason: reason(u)? }),
		3 => RuntimeCall::Stablecoin(Coin::seize {
			who: account(u)?,
			destination,
			order_ref: hash(u)?,
		}),
		4 => RuntimeCall::Stablecoin(Coin::emergency_burn { amount: amount(u)? }),
		5 => RuntimeCall::Stablecoin(Coin::sweep_fees { destination }),
		6 => RuntimeCall::CircuitBreaker(pallet_circuit_breaker::Call::unpause {
			operation: guarded(u)?,
			reason: reason(u)?,
		}),
		7 => RuntimeCall::Stablecoin(Coin::unfreeze_account { who: account(u)? }),
		// Roles change hands while the fuzzer runs.
		8 => RuntimeCall::FiatDesk(pallet_membership::Call::add_member { who: account(u)?.into() }),
		9 => RuntimeCall::FiatDesk(pallet_membership::Call::remove_member {
			who: account(u)?.into(),
		}),
		10 => RuntimeCall::ComplianceOfficers(pallet_membership::Call::add_member {
			who: account(u)?.into(),
		}),
		11 => RuntimeCall::TxPause(pallet_tx_pause::Call::unpause { ident: paused_call(u)? }),
		_ => RuntimeCall::Stablecoin(Coin::reduce_allowance { amount: amount(u)? }),
	})
}

/// The next extrinsic of a block: its signer and call.
fn next_extrinsic(
	u: &mut Unstructured,
	now: u64,
) -> arbitrary::Result<(Sr25519Keyring, RuntimeCall)> {
	let signer = *u.choose(&CAST)?;
	let call = match u.int_in_range(0u8..=9)? {
		// A council motion of one member executes at once.
		0 | 1 => {
			let proposal = governance_call(u)?;
			RuntimeCall::Council(pallet_collective::Call::propose {
				threshold: 1,
				length_bound: proposal.encoded_size() as u32,
				proposal: Box::new(proposal.into()),
			})
		}
		2 => RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![signed_call(u, now)?, signed_call(u, now)?],
		}),
		// A call made by a one-of-two multisig account: an origin with no identity and no
		// role, whatever its signer holds.
		3 => RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
			other_signatories: vec![account(u)?],
			call: Box::new(signed_call(u, now)?),
		}),
		_ => signed_call(u, now)?,
	};
	Ok((signer, call))
}

/// Opens block `number` on `parent` at time `now`: Aura's slot in the digest and the
/// timestamp inherent, as a block author does.
fn open_block(number: BlockNumber, parent: Hash, now: u64) {
	let slot = sp_consensus_aura::Slot::from(now / SLOT_DURATION);
	let digest = Digest {
		logs: vec![DigestItem::PreRuntime(sp_consensus_aura::AURA_ENGINE_ID, slot.encode())],
	};
	let header = Header::new(number, Default::default(), Default::default(), parent, digest);
	Executive::initialize_block(&header);
	let inherent =
		UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }));
	Executive::apply_extrinsic(inherent)
		.expect("the timestamp inherent is valid")
		.expect("the timestamp inherent succeeds");
}

fn is_governance(actor: &Actor<AccountId>) -> bool {
	!matches!(actor, Actor::Signed(_))
}

/// The invariants at the end of a block; `frozen_before` holds the frozen accounts' balances
/// when the block opened, `unverified_before` the unverified account's.
/// The fiat desk and the compliance officers.
type Roles = (Vec<AccountId>, Vec<AccountId>);

fn roles() -> Roles {
	(
		pallet_membership::Members::<Runtime, pallet_membership::Instance3>::get().into_inner(),
		pallet_membership::Members::<Runtime, pallet_membership::Instance4>::get().into_inner(),
	)
}

fn check_block(
	frozen_before: &[(AccountId, Balance)],
	unverified_before: Balance,
	roles_before: &Roles,
) -> Result<(), String> {
	let number = System::block_number();
	AllPalletsWithSystem::try_state(number, TryStateSelect::All)
		.map_err(|e| format!("try_state at #{number}: {e:?}"))?;

	let events: Vec<RuntimeEvent> = System::events().into_iter().map(|r| r.event).collect();
	// A role held when the block opened or when it closed (roles change within blocks).
	let (mut fiat_desk, mut compliance) = roles();
	fiat_desk.extend(roles_before.0.iter().cloned());
	compliance.extend(roles_before.1.iter().cloned());
	let mut minted = false;
	for event in &events {
		use pallet_stablecoin::Event as Coin;
		match event {
			RuntimeEvent::Stablecoin(Coin::FundingConfirmed { by, .. })
				if !fiat_desk.contains(by) =>
			{
				return Err(format!("#{number}: {by} confirmed funding outside the fiat desk"))
			}
			RuntimeEvent::Stablecoin(Coin::AccountFrozen { by: Actor::Signed(who), .. })
				if !compliance.contains(who) =>
			{
				return Err(format!("#{number}: {who} froze an account without the role"))
			}
			RuntimeEvent::Stablecoin(Coin::MintApproved { by, .. }) if !is_governance(by) => {
				return Err(format!("#{number}: a mint approved by {by:?}"))
			}
			RuntimeEvent::CircuitBreaker(pallet_circuit_breaker::Event::OperationUnpaused {
				by,
				..
			}) if !is_governance(by) => return Err(format!("#{number}: a pause lifted by {by:?}")),
			RuntimeEvent::Stablecoin(Coin::Minted { .. }) => minted = true,
			_ => {}
		}
	}

	let supply = Stablecoin::supply_report();
	let expected = supply
		.genesis_supply
		.checked_add(supply.total_minted)
		.and_then(|sum| sum.checked_sub(supply.total_burned));
	if expected != Some(Balances::total_issuance()) {
		return Err(format!("#{number}: total issuance is not genesis + minted - burned"));
	}
	if minted {
		let liabilities = <Stablecoin as Supply<Balance>>::liabilities();
		if let Some(figures) = Reserves::figures() {
			if liabilities > figures.eligible {
				return Err(format!(
					"#{number}: minted with liabilities {liabilities} above eligible reserves {}",
					figures.eligible
				));
			}
		}
	}

	for (who, before) in frozen_before {
		let after = Balances::total_balance(who);
		let excused = events.iter().any(|event| {
			matches!(event,
				RuntimeEvent::Stablecoin(pallet_stablecoin::Event::Seized { who: w, .. })
				| RuntimeEvent::Stablecoin(pallet_stablecoin::Event::AccountUnfrozen { who: w, .. })
				if w == who) || matches!(
				event,
				RuntimeEvent::Stablecoin(pallet_stablecoin::Event::IdentityUnfrozen { .. })
			)
		});
		if after < *before && !excused {
			return Err(format!(
				"#{number}: frozen {who} lost {} without a seizure",
				before - after
			));
		}
	}

	let unverified = UNVERIFIED.to_account_id();
	let gained = Balances::total_balance(&unverified) > unverified_before;
	if gained && IdentityClaims::check(&unverified, Operation::Hold).is_err() {
		return Err(format!("#{number}: the unverified account received USDX"));
	}

	let used = System::block_weight().total();
	let limit = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	if used.any_gt(limit) {
		return Err(format!("#{number}: block weight {used:?} above the limit {limit:?}"));
	}
	Ok(())
}

/// Runs one input from the development genesis. `Err` names the broken invariant.
fn run_input(data: &[u8]) -> Result<Outcome, String> {
	let mut outcome = Outcome::default();
	let mut state = preset_storage("development");
	let mut failure = None;
	state.externalities().execute_with(|| {
		let mut u = Unstructured::new(data);
		let mut parent = System::block_hash(0);
		// The chain starts a minute after the genesis attestation, as the dev chain would.
		let mut now = GENESIS_ATTESTATION_AS_OF_MS + 60_000;
		// One frozen holder from the start: Bob, frozen by the compliance officer.
		let mut setup = true;
		for number in 1..=MAX_BLOCKS as BlockNumber {
			if !setup && u.is_empty() {
				break;
			}
			now += if setup { 0 } else { *u.choose(&STEPS_MS).unwrap_or(&SLOT_DURATION) };
			open_block(number, parent, now);
			let frozen_before: Vec<_> = CAST
				.iter()
				.map(|k| k.to_account_id())
				.filter(|who| pallet_stablecoin::FrozenAccounts::<Runtime>::contains_key(who))
				.map(|who| {
					let balance = Balances::total_balance(&who);
					(who, balance)
				})
				.collect();
			let unverified_before = Balances::total_balance(&UNVERIFIED.to_account_id());
			let roles_before = roles();
			let mut extrinsics = Vec::new();
			if setup {
				extrinsics.push((
					Eve,
					RuntimeCall::Stablecoin(pallet_stablecoin::Call::freeze_account {
						who: Bob.to_account_id(),
						reason: b"fuzz: frozen holder".to_vec().try_into().expect("short"),
						order: Some(pallet_stablecoin::LegalOrder {
							case_id: Default::default(),
							order_hash: H256::repeat_byte(0xf0),
						}),
						expires_at: None,
					}),
				));
				setup = false;
			} else {
				let count = u.int_in_range(0..=MAX_CALLS_PER_BLOCK).unwrap_or(0);
				for _ in 0..count {
					match next_extrinsic(&mut u, now) {
						Ok(extrinsic) => extrinsics.push(extrinsic),
						Err(_) => break,
					}
				}
			}
			for (signer, call) in extrinsics {
				let metadata = call.get_call_metadata();
				// A motion's own call, to record what it did once the council executed it.
				let motion = match &call {
					RuntimeCall::Council(pallet_collective::Call::propose { proposal, .. }) => {
						Some(proposal.0.get_call_metadata())
					}
					_ => None,
				};
				let applied = catch_unwind(AssertUnwindSafe(|| super::apply_signed(call, signer)));
				let result = match applied {
					Ok(Ok(Ok(()))) => "ok".to_string(),
					Ok(Ok(Err(e))) => format!("{e:?}"),
					Ok(Err(e)) => format!("invalid {e:?}"),
					Err(_) => {
						failure = Some(format!(
							"#{number}: {}.{} signed by {signer:?} panicked",
							metadata.pallet_name, metadata.function_name
						));
						return;
					}
				};
				if let Some(inner) = motion {
					let executed =
						System::events().into_iter().rev().find_map(|record| match record.event {
							RuntimeEvent::Council(pallet_collective::Event::Executed {
								result,
								..
							}) => Some(result),
							_ => None,
						});
					if let Some(result) = executed {
						outcome.coverage.insert((
							format!("motion:{}", inner.pallet_name),
							inner.function_name.to_string(),
							match result {
								Ok(()) => "ok".to_string(),
								Err(e) => format!("{e:?}"),
							},
						));
					}
				}
				if metadata.pallet_name == "Balances" && result == "ok" {
					failure = Some(format!(
						"#{number}: a raw balances.{} signed by {signer:?} went through the call \
						 filter",
						metadata.function_name
					));
					return;
				}
				outcome.extrinsics += 1;
				outcome.coverage.insert((
					metadata.pallet_name.to_string(),
					metadata.function_name.to_string(),
					result,
				));
			}
			let header = Executive::finalize_block();
			parent = header.hash();
			outcome.blocks += 1;
			if let Err(broken) = check_block(&frozen_before, unverified_before, &roles_before) {
				failure = Some(broken);
				return;
			}
		}
	});
	match failure {
		Some(broken) => Err(broken),
		None => Ok(outcome),
	}
}

/// What a run did, over all its inputs.
#[derive(Default)]
struct Totals {
	inputs: u64,
	blocks: usize,
	extrinsics: usize,
	coverage: BTreeSet<(String, String, String)>,
}

impl Totals {
	fn add(&mut self, outcome: Outcome) {
		self.inputs += 1;
		self.blocks += outcome.blocks;
		self.extrinsics += outcome.extrinsics;
		self.coverage.extend(outcome.coverage);
	}
}

/// The checked-in inputs: seeds that reach deep paths, and every past failure.
fn corpus() -> Vec<(String, Vec<u8>)> {
	let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz-corpus");
	let mut inputs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
		.map(|entries| {
			entries
				.filter_map(Result::ok)
				.filter(|entry| entry.path().extension().is_some_and(|ext| ext == "bin"))
				.filter_map(|entry| {
					let name = entry.file_name().to_string_lossy().to_string();
					std::fs::read(entry.path()).ok().map(|bytes| (name, bytes))
				})
				.collect()
		})
		.unwrap_or_default();
	inputs.sort();
	inputs
}

fn save_failure(data: &[u8]) -> String {
	let dir = std::env::var_os("CARGO_TARGET_DIR")
		.map(std::path::PathBuf::from)
		.unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
		.join("usdx-fuzz-failures");
	let _ = std::fs::create_dir_all(&dir);
	let digest = sp_io::hashing::blake2_256(data);
	let path = dir.join(format!("{}.bin", sp_core::hexdisplay::HexDisplay::from(&&digest[..8])));
	let _ = std::fs::write(&path, data);
	path.display().to_string()
}

#[test]
fn fuzz_bounded_run() {
	let seconds: u64 =
		std::env::var("USDX_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
	let seed: u64 =
		std::env::var("USDX_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
			std::time::SystemTime::now()
				.duration_since(std::time::UNIX_EPOCH)
				.map_or(0, |d| d.as_secs())
		});
	let started = Instant::now();
	let mut totals = Totals::default();

	// The corpus first: every past failure must stay fixed.
	for (name, data) in corpus() {
		match run_input(&data) {
			Ok(outcome) => totals.add(outcome),
			Err(broken) => panic!("corpus input {name} fails again: {broken}"),
		}
	}

	// Inputs that reached a new (call, outcome) pair are kept and mutated: a coverage guide
	// by outcomes, since a stable-Rust build has no edge coverage.
	let mut rng = SmallRng::seed_from_u64(seed);
	let mut kept: Vec<Vec<u8>> = corpus().into_iter().map(|(_, data)| data).collect();
	let save_to = std::env::var_os("USDX_FUZZ_SAVE").map(std::path::PathBuf::from);
	while started.elapsed() < Duration::from_secs(seconds) {
		let data = if !kept.is_empty() && rng.next_u32() % 2 == 0 {
			let mut data = kept[rng.next_u32() as usize % kept.len()].clone();
			for _ in 0..=rng.next_u32() % 8 {
				let at = rng.next_u32() as usize % data.len().max(1);
				if let Some(byte) = data.get_mut(at) {
					*byte = rng.next_u32() as u8;
				}
			}
			if rng.next_u32() % 4 == 0 {
				let mut tail = vec![0u8; 64];
				rng.fill_bytes(&mut tail);
				data.extend(tail);
			}
			data
		} else {
			let mut data = vec![0u8; (rng.next_u32() % 2_048 + 64) as usize];
			rng.fill_bytes(&mut data);
			data
		};
		match run_input(&data) {
			Ok(outcome) => {
				if !outcome.coverage.is_subset(&totals.coverage) {
					if let Some(dir) = &save_to {
						let _ = std::fs::create_dir_all(dir);
						let digest = sp_io::hashing::blake2_256(&data);
						let name =
							format!("{}.bin", sp_core::hexdisplay::HexDisplay::from(&&digest[..8]));
						let _ = std::fs::write(dir.join(name), &data);
					}
					kept.push(data);
				}
				totals.add(outcome)
			}
			Err(broken) => {
				let path = save_failure(&data);
				panic!("seed {seed}: {broken}; the input is saved at {path}");
			}
		}
	}
	let Totals { inputs, blocks, extrinsics, coverage } = totals;
	let elapsed = started.elapsed().as_secs_f64();
	let calls: BTreeSet<_> = coverage.iter().map(|(p, c, _)| (p.clone(), c.clone())).collect();
	println!(
		"fuzz: seed {seed}, {inputs} inputs, {blocks} blocks, {extrinsics} extrinsics in {elapsed:.0} s \
		 ({:.1} inputs/s, {:.0} extrinsics/s); coverage: {} calls, {} (call, outcome) pairs",
		inputs as f64 / elapsed,
		extrinsics as f64 / elapsed,
		calls.len(),
		coverage.len()
	);
	let succeeded: BTreeSet<String> = coverage
		.iter()
		.filter(|(_, _, outcome)| outcome == "ok")
		.map(|(pallet, call, _)| format!("{pallet}.{call}"))
		.collect();
	println!("fuzz: calls that succeeded at least once: {succeeded:?}");
	assert!(inputs > 0, "the fuzzer ran");
}
