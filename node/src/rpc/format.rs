//! How the chain RPC writes the chain's values as plain JSON, and reads its inputs.
//!
//! - Amounts are objects with both the integer smallest units and the decimal USDX amount,
//!   both as strings (`{"units": "12500000", "usdx": "12.500000"}`): a `u128` does not fit a
//!   JSON number that every client reads exactly.
//! - Ratios are decimal strings with six places plus whole basis points.
//! - Times are milliseconds since the Unix epoch plus an RFC 3339 UTC string.
//! - Accounts are SS58 addresses of this chain's network (prefix 42); inputs may also be the
//!   32-byte public key in hex.
//! - Enums are their variant names as strings.

use serde::Serialize;
use sp_core::crypto::{AccountId32, Ss58AddressFormat, Ss58Codec};
use sp_runtime::{FixedPointNumber, FixedU128, Perbill};
use stablecoin_runtime::{AccountId, Balance, SS58_PREFIX, TOKEN_DECIMALS};

use super::error::{self, RpcError};

/// An amount of USDX: integer smallest units and the decimal amount, both as strings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Amount {
	/// Smallest units (10^-6 USDX), as a decimal integer string.
	pub units: String,
	/// The amount in USDX with exactly six decimals.
	pub usdx: String,
}

impl Amount {
	/// Writes `units` smallest units.
	pub fn new(units: Balance) -> Self {
		let scale = 10u128.pow(TOKEN_DECIMALS as u32);
		Self {
			units: units.to_string(),
			usdx: format!(
				"{}.{:0width$}",
				units / scale,
				units % scale,
				width = TOKEN_DECIMALS as usize
			),
		}
	}
}

/// A ratio: a decimal string with six places and whole basis points (rounded down).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ratio {
	/// The ratio as a decimal, e.g. `"1.052300"` for 105.23 %.
	pub decimal: String,
	/// The ratio in basis points (10,000 = 100 %), rounded down.
	pub bps: u64,
}

impl Ratio {
	/// Writes a fixed-point ratio.
	pub fn from_fixed(value: FixedU128) -> Self {
		let inner = value.into_inner();
		let accuracy = FixedU128::accuracy();
		let micro = inner / (accuracy / 1_000_000);
		Self {
			decimal: format!("{}.{:06}", micro / 1_000_000, micro % 1_000_000),
			bps: u64::try_from(inner / (accuracy / 10_000)).unwrap_or(u64::MAX),
		}
	}

	/// Writes a ratio between zero and one.
	pub fn from_perbill(value: Perbill) -> Self {
		let parts = u64::from(value.deconstruct());
		let micro = parts / 1_000;
		Self {
			decimal: format!("{}.{:06}", micro / 1_000_000, micro % 1_000_000),
			bps: parts / 100_000,
		}
	}

	/// The ratio as a float, for Prometheus gauges.
	pub fn as_f64(&self) -> f64 {
		self.decimal.parse().unwrap_or(f64::NAN)
	}
}

/// A price in US dollars as a decimal string with six places (rounded down), and the exact
/// 18-decimal fixed-point value the chain stores.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Price {
	/// The price with six decimals, e.g. `"1.000100"`.
	pub decimal: String,
	/// The exact on-chain value: the price times 10^18, as an integer string.
	pub fixed_point: String,
}

impl Price {
	/// Writes a fixed-point price.
	pub fn new(value: FixedU128) -> Self {
		Self {
			decimal: Ratio::from_fixed(value).decimal,
			fixed_point: value.into_inner().to_string(),
		}
	}
}

/// A point in time on the chain's clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Time {
	/// Milliseconds since the Unix epoch.
	pub ms: u64,
	/// The same instant as an RFC 3339 UTC string.
	pub utc: String,
}

impl Time {
	/// Writes a time in milliseconds since the Unix epoch.
	pub fn new(ms: u64) -> Self {
		let utc = i64::try_from(ms)
			.ok()
			.and_then(chrono::DateTime::from_timestamp_millis)
			.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
			.unwrap_or_default();
		Self { ms, utc }
	}
}

/// This chain's SS58 address format.
fn address_format() -> Ss58AddressFormat {
	Ss58AddressFormat::custom(SS58_PREFIX)
}

/// An account as an SS58 address of this chain.
pub fn address(who: &AccountId) -> String {
	who.to_ss58check_with_version(address_format())
}

/// A 32-byte hash (report hash, case reference, ledger entry) as `0x`-prefixed hex.
pub fn hash_hex(hash: &sp_core::H256) -> String {
	format!("{hash:?}")
}

/// Reads an account given as an SS58 address of this chain or as a `0x`-prefixed 32-byte
/// public key. Refuses anything else with [`error::INVALID_ACCOUNT`].
pub fn parse_account(input: &str) -> Result<AccountId, RpcError> {
	let input = input.trim();
	if let Some(hex) = input.strip_prefix("0x") {
		let bytes = sp_core::bytes::from_hex(hex)
			.map_err(|_| error::invalid_account(input, "not valid hex after `0x`".to_string()))?;
		let raw: [u8; 32] = bytes.try_into().map_err(|bytes: Vec<u8>| {
			error::invalid_account(
				input,
				format!("a public key has 32 bytes, this has {}", bytes.len()),
			)
		})?;
		return Ok(AccountId32::from(raw));
	}
	let (account, format) = AccountId32::from_ss58check_with_version(input)
		.map_err(|e| error::invalid_account(input, format!("not an SS58 address ({e})")))?;
	if format != address_format() {
		return Err(error::invalid_account(
			input,
			format!(
				"an address of network prefix {}; this chain uses prefix {SS58_PREFIX}",
				u16::from(format)
			),
		));
	}
	Ok(account)
}

/// Bytes a person wrote (a reason, a name) as text when they are UTF-8, else as hex.
pub fn text(bytes: &[u8]) -> String {
	match std::str::from_utf8(bytes) {
		Ok(text) => text.to_string(),
		Err(_) => format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&bytes)),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_keyring::Sr25519Keyring;

	#[test]
	fn amounts_keep_every_unit() {
		assert_eq!(Amount::new(0), Amount { units: "0".into(), usdx: "0.000000".into() });
		assert_eq!(Amount::new(12_500_000).usdx, "12.500000");
		assert_eq!(Amount::new(1).usdx, "0.000001");
		assert_eq!(Amount::new(u128::MAX).units, u128::MAX.to_string());
		assert_eq!(Amount::new(u128::MAX).usdx, "340282366920938463463374607431768.211455");
	}

	#[test]
	fn ratios_in_decimals_and_basis_points() {
		let r = Ratio::from_fixed(FixedU128::from_rational(10_523, 10_000));
		assert_eq!((r.decimal.as_str(), r.bps), ("1.052300", 10_523));
		let r = Ratio::from_perbill(Perbill::from_percent(85));
		assert_eq!((r.decimal.as_str(), r.bps), ("0.850000", 8_500));
		assert_eq!(Ratio::from_perbill(Perbill::one()).bps, 10_000);
		assert!((r.as_f64() - 0.85).abs() < 1e-9);
		let p = Price::new(FixedU128::from_rational(1_001, 1_000));
		assert_eq!(p.decimal, "1.001000");
		assert_eq!(p.fixed_point, "1001000000000000000");
	}

	#[test]
	fn times_in_utc() {
		assert_eq!(Time::new(0).utc, "1970-01-01T00:00:00.000Z");
		assert_eq!(Time::new(1_796_212_800_123).utc, "2026-12-02T12:00:00.123Z");
	}

	#[test]
	fn accounts_in_and_out() {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let ss58 = address(&alice);
		assert_eq!(ss58, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
		assert_eq!(parse_account(&ss58).unwrap(), alice);
		let hex = format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&alice.as_ref()));
		assert_eq!(parse_account(&hex).unwrap(), alice);
		for bad in ["", "5Grwva", "0x1234", "0xzz", "hello"] {
			let e = parse_account(bad).unwrap_err();
			assert_eq!(e.code(), error::INVALID_ACCOUNT, "{bad}");
		}
		// The same key under Polkadot's prefix 0 is another network's address.
		let polkadot = alice.to_ss58check_with_version(Ss58AddressFormat::custom(0));
		let e = parse_account(&polkadot).unwrap_err();
		assert!(e.message().contains("prefix 0"), "{}", e.message());
	}

	#[test]
	fn text_or_hex() {
		assert_eq!(text(b"sanctions hit"), "sanctions hit");
		assert_eq!(text(&[0xff, 0x00]), "0xff00");
	}
}
