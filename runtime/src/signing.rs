//! Building signed transactions for this runtime, and reading their outcome, for tools and
//! tests that run next to a node (the node's end-to-end tests, the latency benchmark, the
//! runtime's own tests, the Rust wallet quickstart).
//!
//! Only available with `std`: the runtime itself never signs anything.

use codec::Encode;
use sp_core::{sr25519, Pair, H256};

use crate::{Address, Nonce, RuntimeCall, Signature, SignedPayload, UncheckedExtrinsic, VERSION};

pub use crate::tx_extension;

/// Signs `call` as `signer` with `nonce` for the chain whose genesis block hash is
/// `genesis_hash`, as an immortal transaction without tip, for this runtime's version.
pub fn sign_call(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: Nonce,
	genesis_hash: H256,
) -> UncheckedExtrinsic {
	sign_call_with_tip(call, signer, nonce, genesis_hash, 0)
}

/// As [`sign_call`], with a `tip` for the block author (in smallest units).
pub fn sign_call_with_tip(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: Nonce,
	genesis_hash: H256,
	tip: crate::Balance,
) -> UncheckedExtrinsic {
	let extension = tx_extension(nonce, tip);
	// What the extensions add to the signed payload without being part of the transaction:
	// versions, the genesis hash (twice: for the genesis check and for the immortal era) and
	// no metadata hash.
	let implicit = (
		(),
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis_hash,
		genesis_hash,
		(),
		(),
		((), (), ()),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	let address = Address::Id(signer.public().into());
	UncheckedExtrinsic::new_signed(call, address, Signature::Sr25519(signature), extension)
}

/// A block's events, as `System.Events` stores them.
pub type BlockEvents = Vec<frame_system::EventRecord<crate::RuntimeEvent, H256>>;

/// The storage key of `System.Events`: read it at a block (`state_getStorage`) and decode
/// [`BlockEvents`] to learn what that block's extrinsics did.
pub fn events_key() -> [u8; 32] {
	frame_support::storage::storage_prefix(b"System", b"Events")
}

/// What `events` say of the block's extrinsic at `index`: `Ok` if it did not fail, otherwise
/// its error named as the metadata names it, `Pallet.Error` (for example
/// `Stablecoin.ReceiverNotCompliant`), or the dispatch error itself when no pallet owns it.
pub fn outcome(events: &BlockEvents, index: u32) -> Result<(), String> {
	let failure = events.iter().find_map(|record| match &record.event {
		crate::RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
			dispatch_error,
			..
		}) if record.phase == frame_system::Phase::ApplyExtrinsic(index) => Some(*dispatch_error),
		_ => None,
	});
	let Some(error) = failure else { return Ok(()) };
	Err(match crate::RuntimeError::from_dispatch_error(error) {
		// The debug form is `Pallet(Error)`: a pallet's error prints as its variant's name.
		Some(named) => {
			let text = format!("{named:?}");
			text.strip_suffix(')').unwrap_or(&text).replacen('(', ".", 1)
		}
		None => format!("{error:?}"),
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{Runtime, RuntimeEvent};
	use frame_system::{EventRecord, Phase};
	use sp_runtime::DispatchError;

	fn failed(index: u32, dispatch_error: DispatchError) -> EventRecord<RuntimeEvent, H256> {
		EventRecord {
			phase: Phase::ApplyExtrinsic(index),
			event: RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_error,
				dispatch_info: Default::default(),
			}),
			topics: Vec::new(),
		}
	}

	#[test]
	fn the_outcome_names_a_failed_extrinsics_error_as_the_metadata_does() {
		let events = vec![
			failed(1, pallet_stablecoin::Error::<Runtime>::ZeroAmount.into()),
			failed(2, DispatchError::BadOrigin),
		];
		assert_eq!(outcome(&events, 0), Ok(()), "no failure at index 0");
		assert_eq!(outcome(&events, 1), Err("Stablecoin.ZeroAmount".to_string()));
		assert_eq!(outcome(&events, 2), Err("BadOrigin".to_string()));
	}

	#[test]
	fn the_events_key_is_system_events() {
		let key = events_key();
		assert_eq!(&key[..16], &sp_io::hashing::twox_128(b"System"));
		assert_eq!(&key[16..], &sp_io::hashing::twox_128(b"Events"));
	}
}
