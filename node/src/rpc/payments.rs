//! `usdx_paymentsByReference`: the payments that carry a reference, found through the
//! runtime's event index on an archive node.
//!
//! A transfer with a reference (`Stablecoin.transfer_with_reference`, each payment of
//! `Stablecoin.pay_batch`) stores the reference nowhere but in its `Stablecoin.Transferred`
//! event, which the runtime deposits under the topic
//! `blake2_256("usdx/payment-reference" ++ reference)` (`pallet_stablecoin`'s
//! `payment_topic`). A block's state keeps `System::EventTopics` for that block's events, so
//! the search reads one storage entry per block and decodes only the blocks that have a hit.

use codec::{Decode, Encode};
use serde::Serialize;
use sp_core::{storage::StorageKey, H256};
use stablecoin_runtime::{BlockNumber, Stablecoin};

use super::{
	audit::{event_parts, to_json, EventDecoder},
	chain::{BlockRef, Chain},
	error::{self, RpcError},
	format::{Amount, Time},
};

/// The longest block range one `usdx_paymentsByReference` call searches: about 2.8 hours of
/// one-second blocks.
pub const MAX_PAYMENT_SEARCH_RANGE: u32 = 10_000;

/// The payments found in a block range.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentsFound {
	/// The reference searched for, as `0x`-prefixed hex of its 32 bytes.
	pub reference: String,
	/// The first block searched.
	pub from: BlockNumber,
	/// The last block searched.
	pub to: BlockNumber,
	/// The payments, in block and event order.
	pub payments: Vec<Payment>,
}

/// One payment that carries the reference.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
	/// The block it was made in.
	pub block: BlockNumber,
	/// That block's hash.
	pub block_hash: H256,
	/// That block's time.
	pub time: Time,
	/// The extrinsic that made it, by index in the block.
	pub extrinsic_index: Option<u32>,
	/// Its event's index among the block's events.
	pub event_index: u32,
	/// The payer, as an SS58 address.
	pub from: String,
	/// The payee, as an SS58 address.
	pub to: String,
	/// The amount paid.
	pub amount: Amount,
}

/// Reads a reference given as `0x` and 64 hex digits (its 32 bytes), or as text of at most 32
/// bytes (an invoice number, padded with zero bytes as wallets send it).
pub fn parse_reference(input: &str) -> Result<[u8; 32], RpcError> {
	if let Some(hex) = input.strip_prefix("0x") {
		if hex.len() == 64 {
			let bytes = sp_core::bytes::from_hex(hex).map_err(|_| {
				error::invalid_parameter(format!("reference {input:?}: not valid hex after `0x`"))
			})?;
			let mut reference = [0u8; 32];
			reference.copy_from_slice(&bytes);
			return Ok(reference);
		}
	}
	let text = input.as_bytes();
	if text.is_empty() || text.len() > 32 {
		return Err(error::invalid_parameter(format!(
			"reference {input:?}: give `0x` and 64 hex digits, or text of 1 to 32 bytes \
			 ({} bytes given)",
			text.len()
		)));
	}
	let mut reference = [0u8; 32];
	reference[..text.len()].copy_from_slice(text);
	Ok(reference)
}

/// The storage key of `System::EventTopics(topic)` (a `Blake2_128Concat` map).
fn event_topics_key(topic: &H256) -> StorageKey {
	let encoded = topic.encode();
	StorageKey(
		[
			&sp_io::hashing::twox_128(b"System")[..],
			&sp_io::hashing::twox_128(b"EventTopics")[..],
			&sp_io::hashing::blake2_128(&encoded)[..],
			&encoded[..],
		]
		.concat(),
	)
}

/// The payments carrying `reference` in blocks `from..=to` of the best chain.
pub fn payments_by_reference(
	decoder: &EventDecoder,
	chain: &Chain,
	reference: [u8; 32],
	from: BlockNumber,
	to: BlockNumber,
) -> Result<PaymentsFound, RpcError> {
	error::check_block_range(from, to, MAX_PAYMENT_SEARCH_RANGE)?;
	let topic = Stablecoin::payment_topic(&reference);
	let key = event_topics_key(&topic);
	let reference_hex = format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&reference));
	let mut payments = Vec::new();
	for number in from..=to {
		let block = chain.block_by_number(number)?;
		let Some(raw) = chain.storage(&block, &key)? else { continue };
		let hits = <Vec<(BlockNumber, u32)>>::decode(&mut &raw[..])
			.map_err(|e| error::runtime("decoding System::EventTopics", e))?;
		if hits.is_empty() {
			continue;
		}
		payments.extend(block_payments(decoder, chain, &block, &hits, &reference_hex)?);
	}
	Ok(PaymentsFound { reference: reference_hex, from, to, payments })
}

/// The payments among the events `hits` of `block` whose reference is `reference_hex`.
fn block_payments(
	decoder: &EventDecoder,
	chain: &Chain,
	block: &BlockRef,
	hits: &[(BlockNumber, u32)],
	reference_hex: &str,
) -> Result<Vec<Payment>, RpcError> {
	let events = decoder.block_records(chain, block)?;
	let Some(types) = events.types else { return Ok(Vec::new()) };
	let mut payments = Vec::new();
	for &(_, event_index) in hits {
		let Some(record) = events.records.get(event_index as usize) else { continue };
		let Some(parts) = event_parts(record) else { continue };
		if parts.pallet != "Stablecoin" || parts.name != "Transferred" {
			continue;
		}
		let field = |name: &str| {
			parts.fields.iter().find(|(n, _)| *n == name).map(|(_, v)| to_json(&types.registry, v))
		};
		// The topic is a hash: check that the event really carries this reference.
		if field("reference").and_then(|r| r.as_str().map(str::to_string)).as_deref()
			!= Some(reference_hex)
		{
			continue;
		}
		let text = |name: &str| {
			field(name).and_then(|v| v.as_str().map(str::to_string)).ok_or_else(|| {
				error::undecodable_events(block.number, format!("a transfer without `{name}`"))
			})
		};
		let units = text("amount")?.parse::<u128>().map_err(|e| {
			error::undecodable_events(block.number, format!("a transfer's amount: {e}"))
		})?;
		payments.push(Payment {
			block: block.number,
			block_hash: block.hash,
			time: events.time.clone(),
			extrinsic_index: parts.extrinsic_index,
			event_index,
			from: text("from")?,
			to: text("to")?,
			amount: Amount::new(units),
		});
	}
	Ok(payments)
}

#[cfg(test)]
mod tests {
	use super::*;
	use stablecoin_runtime::pallets;

	#[test]
	fn references_read_as_hex_or_as_padded_text() {
		let hex = format!("0x{}", "ab".repeat(32));
		assert_eq!(parse_reference(&hex).unwrap(), [0xab; 32]);
		let invoice = parse_reference("INV-2026-0042").unwrap();
		assert_eq!(&invoice[..13], b"INV-2026-0042");
		assert_eq!(invoice[13..], [0u8; 19]);
		// `0x` followed by something other than 64 hex digits is text.
		assert_eq!(&parse_reference("0x12").unwrap()[..4], b"0x12");
		assert!(parse_reference("").is_err());
		assert!(parse_reference(&"x".repeat(33)).is_err());
		assert!(parse_reference(&format!("0x{}", "zz".repeat(32))).is_err());
	}

	#[test]
	fn the_index_key_is_where_the_runtime_writes_a_payments_topic() {
		use stablecoin_runtime::{Runtime, RuntimeEvent, System};
		let reference = *b"INV-2026-0042\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
		let topic = Stablecoin::payment_topic(&reference);
		// The topic the node computes is the runtime's.
		let preimage = [&b"usdx/payment-reference"[..], &reference[..]].concat();
		assert_eq!(topic, H256(sp_io::hashing::blake2_256(&preimage)));
		sp_io::TestExternalities::default().execute_with(|| {
			System::set_block_number(5);
			let event = RuntimeEvent::System(pallets::system::Event::<Runtime>::Remarked {
				sender: sp_core::crypto::AccountId32::new([1; 32]),
				hash: H256::zero(),
			});
			System::deposit_event_indexed(&[topic], event);
			let raw = sp_io::storage::get(&event_topics_key(&topic).0).expect("indexed");
			let hits = <Vec<(BlockNumber, u32)>>::decode(&mut &raw[..]).expect("decodes");
			assert_eq!(hits, vec![(5, 0)]);
		});
	}
}
