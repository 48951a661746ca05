//! Runtime code as the end-to-end upgrade test handles it: the Wasm stored on chain, with its
//! embedded runtime version rewritten, so that the test upgrades a running chain to a runtime
//! one `spec_version` higher without a second runtime build.
//!
//! A runtime's Wasm carries its `RuntimeVersion` in a custom section named `runtime_version`,
//! and the node reads a code's version from that section (both for `state_getRuntimeVersion`
//! and for `system.apply_authorized_upgrade`'s version check). The code stored on chain is
//! zstd-compressed (`sp-maybe-compressed-blob`).

use codec::{Decode, Encode};
use sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT;
use sp_version::RuntimeVersion;

use super::Result;

/// The custom section that holds the runtime's version.
const VERSION_SECTION: &[u8] = b"runtime_version";

/// Reads an unsigned LEB128 number at the start of `bytes`: its value and its length.
fn read_leb128(bytes: &[u8]) -> Result<(usize, usize)> {
	let mut value: usize = 0;
	for (index, byte) in bytes.iter().enumerate().take(5) {
		value |= usize::from(byte & 0x7f) << (7 * index);
		if byte & 0x80 == 0 {
			return Ok((value, index + 1));
		}
	}
	Err("a malformed LEB128 number in the Wasm".into())
}

/// Writes `value` as unsigned LEB128.
fn write_leb128(mut value: usize, out: &mut Vec<u8>) {
	loop {
		let byte = (value & 0x7f) as u8;
		value >>= 7;
		if value == 0 {
			out.push(byte);
			return;
		}
		out.push(byte | 0x80);
	}
}

/// The runtime version embedded in `code` (compressed or not).
pub fn embedded_version(code: &[u8]) -> Result<RuntimeVersion> {
	let mut found = None;
	rewrite_version(code, |version| {
		found = Some(version.clone());
	})?;
	found.ok_or_else(|| "the Wasm has no runtime_version section".into())
}

/// `code` with the `spec_version` of its embedded runtime version raised by `by`, compressed
/// as the chain stores code.
pub fn with_spec_version_raised(code: &[u8], by: u32) -> Result<Vec<u8>> {
	let wasm = rewrite_version(code, |version| version.spec_version += by)?;
	sp_maybe_compressed_blob::compress_strongly(&wasm, CODE_BLOB_BOMB_LIMIT)
		.ok_or_else(|| "the new code does not compress".into())
}

/// Decompresses `code`, lets `change` edit its embedded runtime version and returns the
/// uncompressed Wasm with the edited version in place of the old one.
fn rewrite_version(code: &[u8], change: impl FnOnce(&mut RuntimeVersion)) -> Result<Vec<u8>> {
	let wasm = sp_maybe_compressed_blob::decompress(code, CODE_BLOB_BOMB_LIMIT)?.into_owned();
	if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
		return Err("the code is not a Wasm module".into());
	}
	let mut change = Some(change);
	let mut out = wasm[..8].to_vec();
	let mut pos = 8;
	while pos < wasm.len() {
		let id = wasm[pos];
		pos += 1;
		let (size, length) = read_leb128(&wasm[pos..])?;
		pos += length;
		let payload = wasm.get(pos..pos + size).ok_or("a Wasm section runs past the end")?;
		pos += size;

		if id == 0 {
			let (name_len, length) = read_leb128(payload)?;
			let name = payload.get(length..length + name_len).ok_or("a bad section name")?;
			if name == VERSION_SECTION {
				let encoded = &payload[length + name_len..];
				let mut version = RuntimeVersion::decode(&mut &encoded[..])?;
				if version.encode() != encoded {
					return Err("the embedded runtime version does not re-encode as it was".into());
				}
				if let Some(change) = change.take() {
					change(&mut version);
				}
				let mut section = Vec::new();
				write_leb128(name_len, &mut section);
				section.extend_from_slice(name);
				section.extend_from_slice(&version.encode());
				out.push(0);
				write_leb128(section.len(), &mut out);
				out.extend_from_slice(&section);
				continue;
			}
		}
		out.push(id);
		write_leb128(size, &mut out);
		out.extend_from_slice(payload);
	}
	if change.is_some() {
		return Err("the Wasm has no runtime_version section".into());
	}
	Ok(out)
}
