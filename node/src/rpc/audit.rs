//! `usdx_auditTrail`: the privileged actions in a range of blocks, read from the blocks' own
//! events on an archive node.
//!
//! Each block's events are decoded against the metadata of the runtime that wrote them (the
//! runtime of the block's parent state, through `Metadata_metadata_at_version(15)`), so a
//! runtime upgrade never garbles the record of the blocks before it, nor of its own block. An event is a privileged action when it names who did it
//! (a `by` or `confirmed_by` field: every call a role holder or governance makes records its
//! actor so), when it is a council event (proposals, votes, closes, executions), or when it is
//! `System.CodeUpdated` (a runtime upgrade). Its legal reference is the first of its
//! `order` (a freeze's legal order: its `order_hash`), `case_ref`, `order_ref`, `legal_ref`,
//! `ledger_ref`, `payout_ref`, `report_hash` or `evidence` fields that it has.

use std::{
	collections::HashMap,
	sync::{Arc, Mutex},
};

use codec::Decode;
use frame_metadata::{v15::StorageEntryType, RuntimeMetadata, RuntimeMetadataPrefixed};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef, TypeDefPrimitive};
use scale_value::{Composite, Primitive, Value, ValueDef};
use serde::Serialize;
use serde_json::{json, Map, Value as Json};
use sp_api::{Core, Metadata};
use sp_core::{crypto::AccountId32, storage::StorageKey, H256};
use stablecoin_runtime::BlockNumber;

use super::{
	chain::{call, BlockRef, Chain},
	error::{self, RpcError},
	format::{address, text, Time},
};

/// The longest block range one `usdx_auditTrail` call reads.
pub const MAX_AUDIT_RANGE: u32 = 1_000;

/// The metadata version the events are decoded with.
const METADATA_VERSION: u32 = 15;

/// Fields that carry a legal or ledger reference, in order of preference.
const REFERENCE_FIELDS: [&str; 8] = [
	"order",
	"case_ref",
	"order_ref",
	"legal_ref",
	"ledger_ref",
	"payout_ref",
	"report_hash",
	"evidence",
];

/// The privileged actions in a block range.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditTrail {
	/// The first block read.
	pub from: BlockNumber,
	/// The last block read.
	pub to: BlockNumber,
	/// The actions, in block and event order.
	pub entries: Vec<AuditEntry>,
}

/// One privileged action.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
	/// The block it happened in.
	pub block: BlockNumber,
	/// That block's hash.
	pub block_hash: H256,
	/// That block's time.
	pub time: Time,
	/// The extrinsic that did it, by index in the block; `null` for the block's own hooks.
	pub extrinsic_index: Option<u32>,
	/// The event's index among the block's events.
	pub event_index: u32,
	/// The pallet that recorded it (`Stablecoin`, `Reserves`, `Council`, ...).
	pub pallet: String,
	/// What was done: the event's name (`AccountFrozen`, `MintFunded`, ...).
	pub action: String,
	/// Who did it: an SS58 address, `root`, `motion 0x…` (the council motion by its proposal
	/// hash) or `collective`; several addresses for a four-eyes confirmation. A council event
	/// that names no member (`Approved`, `Executed`, ...) is its motion's; a runtime upgrade
	/// (`System.CodeUpdated`) is root's.
	pub by: Option<String>,
	/// The legal or ledger reference, when the action carries one.
	pub legal_reference: Option<String>,
	/// Every field of the event, as JSON.
	pub details: Json,
}

/// The event types of one runtime version.
pub struct EventTypes {
	/// The runtime's type registry.
	pub registry: PortableRegistry,
	events_type: u32,
}

/// The decoded events of one block.
pub struct BlockEvents {
	/// The types they were decoded with (`None` when the block recorded no events).
	pub types: Option<Arc<EventTypes>>,
	/// The event records (`phase`, `event`, `topics`), in the block's order.
	pub records: Vec<Value<u32>>,
	/// The block's time.
	pub time: Time,
}

/// An event record's parts: the extrinsic that emitted it (`None` for the block's own hooks),
/// its pallet, its name and its named fields.
pub struct EventParts<'a> {
	/// The extrinsic's index in the block, if an extrinsic emitted it.
	pub extrinsic_index: Option<u32>,
	/// The pallet's name in the runtime (`Stablecoin`, `Council`, ...).
	pub pallet: &'a str,
	/// The event's name (`Transferred`, ...).
	pub name: &'a str,
	/// The event's named fields.
	pub fields: Vec<(&'a str, &'a Value<u32>)>,
}

/// Splits an event record into its parts; `None` when it is not shaped as one.
pub fn event_parts(record: &Value<u32>) -> Option<EventParts<'_>> {
	let ValueDef::Composite(record) = &record.value else { return None };
	let fields = named(record);
	let field = |name: &str| fields.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
	// The phase: `ApplyExtrinsic(index)`, `Finalization` or `Initialization`.
	let extrinsic_index = match &field("phase")?.value {
		ValueDef::Variant(phase) if phase.name == "ApplyExtrinsic" => {
			phase.values.values().next().and_then(|v| v.as_u128()).map(|i| i as u32)
		}
		_ => None,
	};
	// The event: `Pallet(Event { fields })`.
	let ValueDef::Variant(outer) = &field("event")?.value else { return None };
	let ValueDef::Variant(inner) = &outer.values.values().next()?.value else { return None };
	Some(EventParts {
		extrinsic_index,
		pallet: &outer.name,
		name: &inner.name,
		fields: named(&inner.values),
	})
}

/// Decodes blocks' events, caching each runtime version's types.
#[derive(Default)]
pub struct EventDecoder {
	by_spec_version: Mutex<HashMap<u32, Arc<EventTypes>>>,
}

impl EventDecoder {
	fn types(&self, chain: &Chain, block: &BlockRef) -> Result<Arc<EventTypes>, RpcError> {
		let api = chain.api();
		let version = call("Core_version", api.version(block.hash))?.spec_version;
		if let Some(types) = self.by_spec_version.lock().ok().and_then(|c| c.get(&version).cloned())
		{
			return Ok(types);
		}
		let opaque = call(
			"Metadata_metadata_at_version",
			api.metadata_at_version(block.hash, METADATA_VERSION),
		)?
		.ok_or_else(|| {
			error::undecodable_events(block.number, "the runtime serves no metadata v15")
		})?;
		let prefixed = RuntimeMetadataPrefixed::decode(&mut &opaque[..])
			.map_err(|e| error::undecodable_events(block.number, e))?;
		let RuntimeMetadata::V15(metadata) = prefixed.1 else {
			return Err(error::undecodable_events(block.number, "metadata is not v15"));
		};
		let events_type = metadata
			.pallets
			.iter()
			.find(|p| p.name == "System")
			.and_then(|p| p.storage.as_ref())
			.and_then(|s| s.entries.iter().find(|e| e.name == "Events"))
			.and_then(|e| match &e.ty {
				StorageEntryType::Plain(ty) => Some(ty.id),
				_ => None,
			})
			.ok_or_else(|| error::undecodable_events(block.number, "no System.Events"))?;
		let types = Arc::new(EventTypes { registry: metadata.types, events_type });
		if let Ok(mut cache) = self.by_spec_version.lock() {
			cache.insert(version, types.clone());
		}
		Ok(types)
	}

	/// The event records of `block`, decoded against the metadata of the runtime that wrote
	/// them, with that metadata's type registry and the block's time.
	pub fn block_records(&self, chain: &Chain, block: &BlockRef) -> Result<BlockEvents, RpcError> {
		let key = StorageKey(
			[sp_io::hashing::twox_128(b"System"), sp_io::hashing::twox_128(b"Events")].concat(),
		);
		let time = Time::new(chain.time(block)?);
		let Some(raw) = chain.storage(block, &key)? else {
			return Ok(BlockEvents { types: None, records: Vec::new(), time });
		};
		// The runtime that executed the block is the one in its parent's state (a block that
		// upgrades the code still runs, and records its events, with the old one).
		let runtime_block = match block.number.checked_sub(1) {
			Some(parent_number) => BlockRef {
				hash: chain
					.client
					.header(block.hash)
					.map_err(|e| error::runtime("header lookup", e))?
					.map(|header| header.parent_hash)
					.ok_or_else(|| error::unknown_block(format!("{:?}", block.hash)))?,
				number: parent_number,
			},
			None => *block,
		};
		let types = self.types(chain, &runtime_block)?;
		let decoded =
			scale_value::scale::decode_as_type(&mut &raw[..], types.events_type, &types.registry)
				.map_err(|e| error::undecodable_events(block.number, e))?;
		let ValueDef::Composite(records) = decoded.value else {
			return Err(error::undecodable_events(block.number, "events are not a list"));
		};
		Ok(BlockEvents { types: Some(types), records: records.into_values().collect(), time })
	}

	/// The privileged actions of `block`.
	pub fn block_actions(
		&self,
		chain: &Chain,
		block: &BlockRef,
	) -> Result<Vec<AuditEntry>, RpcError> {
		let events = self.block_records(chain, block)?;
		let Some(types) = events.types else { return Ok(Vec::new()) };
		let mut entries = Vec::new();
		for (index, record) in events.records.into_iter().enumerate() {
			let Some(entry) =
				audit_entry(&types.registry, record, block, &events.time, index as u32)
			else {
				continue;
			};
			entries.push(entry);
		}
		Ok(entries)
	}

	/// The privileged actions of blocks `from..=to` of the best chain.
	pub fn trail(
		&self,
		chain: &Chain,
		from: BlockNumber,
		to: BlockNumber,
	) -> Result<AuditTrail, RpcError> {
		error::check_block_range(from, to, MAX_AUDIT_RANGE)?;
		let mut entries = Vec::new();
		for number in from..=to {
			let block = chain.block_by_number(number)?;
			entries.extend(self.block_actions(chain, &block)?);
		}
		Ok(AuditTrail { from, to, entries })
	}
}

/// The fields of a composite value by name (empty for unnamed ones).
fn named(composite: &Composite<u32>) -> Vec<(&str, &Value<u32>)> {
	match composite {
		Composite::Named(fields) => fields.iter().map(|(n, v)| (n.as_str(), v)).collect(),
		Composite::Unnamed(_) => Vec::new(),
	}
}

/// One event record as an audit entry, if it is a privileged action.
fn audit_entry(
	registry: &PortableRegistry,
	record: Value<u32>,
	block: &BlockRef,
	time: &Time,
	event_index: u32,
) -> Option<AuditEntry> {
	let parts = event_parts(&record)?;
	let extrinsic_index = parts.extrinsic_index;
	let pallet = parts.pallet.to_string();
	let action = parts.name.to_string();
	let event_fields = parts.fields;
	let get = |name: &str| event_fields.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);

	let actor = get("by").or_else(|| get("confirmed_by"));
	let council = pallet == "Council";
	let upgrade = pallet == "System" && action == "CodeUpdated";
	if actor.is_none() && !council && !upgrade {
		return None;
	}
	let by = match actor.or_else(|| council.then(|| get("account")).flatten()) {
		Some(actor) => Some(actor_name(&to_json(registry, actor))),
		// A council event without an account (`Approved`, `Executed`, `Closed`, ...) is the
		// motion's own doing; a runtime upgrade is only ever dispatched as root.
		None if council => get("proposal_hash")
			.and_then(|hash| to_json(registry, hash).as_str().map(|h| format!("motion {h}"))),
		None => upgrade.then(|| "root".to_string()),
	};
	let legal_reference =
		REFERENCE_FIELDS.iter().find_map(|name| get(name)).map(|v| to_json(registry, v)).and_then(
			|v| match v {
				Json::String(reference) => Some(reference),
				// A legal order: the hash of its document.
				Json::Object(order) => {
					order.get("order_hash").and_then(Json::as_str).map(str::to_string)
				}
				_ => None,
			},
		);
	let details = Json::Object(
		event_fields
			.iter()
			.map(|(n, v)| (n.to_string(), to_json(registry, v)))
			.collect::<Map<_, _>>(),
	);
	Some(AuditEntry {
		block: block.number,
		block_hash: block.hash,
		time: time.clone(),
		extrinsic_index,
		event_index,
		pallet,
		action,
		by,
		legal_reference,
		details,
	})
}

/// An actor as one string: an address, `root`, `motion 0x…`, `collective`, or a list.
fn actor_name(actor: &Json) -> String {
	match actor {
		Json::String(s) if s == "Root" => "root".to_string(),
		Json::String(s) if s == "Collective" => "collective".to_string(),
		Json::String(s) => s.clone(),
		Json::Object(map) => match map.iter().next() {
			Some((kind, Json::String(value))) if kind == "Signed" => value.clone(),
			Some((kind, Json::String(value))) if kind == "Motion" => format!("motion {value}"),
			_ => actor.to_string(),
		},
		Json::Array(items) => items.iter().map(actor_name).collect::<Vec<_>>().join(", "),
		other => other.to_string(),
	}
}

/// The path of the type `id` names, if any.
fn type_name(registry: &PortableRegistry, id: u32) -> Option<&str> {
	registry.resolve(id).and_then(|ty| ty.path.segments.last()).map(String::as_str)
}

fn type_def(registry: &PortableRegistry, id: u32) -> Option<&TypeDef<PortableForm>> {
	registry.resolve(id).map(|ty| &ty.type_def)
}

/// The bytes of a composite whose every field is a `u8`.
fn bytes_of(registry: &PortableRegistry, composite: &Composite<u32>) -> Option<Vec<u8>> {
	let values: Vec<&Value<u32>> = composite.values().collect();
	if values.is_empty() {
		return None;
	}
	values
		.into_iter()
		.map(|v| match (&v.value, type_def(registry, v.context)) {
			(
				ValueDef::Primitive(Primitive::U128(b)),
				Some(TypeDef::Primitive(TypeDefPrimitive::U8)),
			) => u8::try_from(*b).ok(),
			_ => None,
		})
		.collect()
}

/// The first 32 bytes found inside a value (an account id or a hash wraps them).
fn inner_32_bytes(registry: &PortableRegistry, value: &Value<u32>) -> Option<[u8; 32]> {
	match &value.value {
		ValueDef::Composite(composite) => {
			if let Some(bytes) = bytes_of(registry, composite) {
				return bytes.try_into().ok();
			}
			let mut values = composite.values();
			match (values.next(), values.next()) {
				(Some(only), None) => inner_32_bytes(registry, only),
				_ => None,
			}
		}
		_ => None,
	}
}

/// A decoded value as plain JSON: accounts as SS58, hashes and fixed byte arrays as hex,
/// other byte strings as text when they are UTF-8, `u128` (amounts) as strings, `Option` as
/// `null` or its value, unit enum variants as their names, other variants as
/// `{"Name": fields}`.
pub fn to_json(registry: &PortableRegistry, value: &Value<u32>) -> Json {
	match type_name(registry, value.context) {
		Some("AccountId32") => {
			if let Some(raw) = inner_32_bytes(registry, value) {
				return Json::String(address(&AccountId32::from(raw)));
			}
		}
		Some("H256") => {
			if let Some(raw) = inner_32_bytes(registry, value) {
				return Json::String(format!("{:?}", H256(raw)));
			}
		}
		_ => {}
	}
	match &value.value {
		ValueDef::Primitive(p) => match p {
			Primitive::Bool(b) => Json::Bool(*b),
			Primitive::Char(c) => Json::String(c.to_string()),
			Primitive::String(s) => Json::String(s.clone()),
			Primitive::U128(n) => match type_def(registry, value.context) {
				Some(TypeDef::Primitive(TypeDefPrimitive::U128)) => Json::String(n.to_string()),
				_ => u64::try_from(*n)
					.map(Json::from)
					.unwrap_or_else(|_| Json::String(n.to_string())),
			},
			Primitive::I128(n) => {
				i64::try_from(*n).map(Json::from).unwrap_or_else(|_| Json::String(n.to_string()))
			}
			Primitive::U256(b) | Primitive::I256(b) => Json::String(format!("{:?}", H256(*b))),
		},
		ValueDef::Composite(composite) => composite_json(registry, value.context, composite),
		// `Option`: `null` or the value itself, as everywhere else in the API.
		ValueDef::Variant(variant) if type_name(registry, value.context) == Some("Option") => {
			match variant.values.values().next() {
				Some(inner) if variant.name == "Some" => to_json(registry, inner),
				_ => Json::Null,
			}
		}
		ValueDef::Variant(variant) => {
			if variant.values.is_empty() {
				Json::String(variant.name.clone())
			} else {
				let mut map = Map::new();
				map.insert(
					variant.name.clone(),
					composite_json(registry, value.context, &variant.values),
				);
				Json::Object(map)
			}
		}
		ValueDef::BitSequence(bits) => Json::String(format!("{bits:?}")),
	}
}

fn composite_json(registry: &PortableRegistry, context: u32, composite: &Composite<u32>) -> Json {
	if let Some(bytes) = bytes_of(registry, composite) {
		let fixed = matches!(type_def(registry, context), Some(TypeDef::Array(_)));
		return if fixed {
			Json::String(format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&bytes)))
		} else {
			Json::String(text(&bytes))
		};
	}
	match composite {
		Composite::Named(fields) => Json::Object(
			fields.iter().map(|(n, v)| (n.clone(), to_json(registry, v))).collect::<Map<_, _>>(),
		),
		Composite::Unnamed(values) if values.len() == 1 => to_json(registry, &values[0]),
		Composite::Unnamed(values) => {
			json!(values.iter().map(|v| to_json(registry, v)).collect::<Vec<_>>())
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn actors_read_as_one_string() {
		assert_eq!(actor_name(&json!("Root")), "root");
		assert_eq!(actor_name(&json!("Collective")), "collective");
		assert_eq!(actor_name(&json!({"Signed": "5Grw"})), "5Grw");
		assert_eq!(actor_name(&json!({"Motion": "0xab"})), "motion 0xab");
		assert_eq!(actor_name(&json!(["5Grw", "5Fhe"])), "5Grw, 5Fhe");
	}
}
