//! Runtime code as the end-to-end upgrade test handles it: the Wasm stored on chain, with its
//! embedded runtime version rewritten, so that the test upgrades a running chain to a runtime
//! one `spec_version` higher without a second runtime build.
//!
//! A runtime's Wasm carries its `RuntimeVersion` in a custom section named `runtime_version`,
//! and the node reads a code's version from that section (both for `state_getRuntimeVersion`
//! and for `system.apply_authorized_upgrade`'s version check). The code stored on chain is
//! zstd-compressed (`sp-maybe-compressed-blob`).

use codec::{Compact, Decode};
use sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT;

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

/// The `spec_version` embedded in `code` (compressed or not).
pub fn embedded_spec_version(code: &[u8]) -> Result<u32> {
	let mut found = 0;
	rewrite_spec_version(code, |spec_version| found = *spec_version)?;
	Ok(found)
}

/// `code` with the `spec_version` of its embedded runtime version raised by `by`, compressed
/// as the chain stores code.
pub fn with_spec_version_raised(code: &[u8], by: u32) -> Result<Vec<u8>> {
	let wasm = rewrite_spec_version(code, |spec_version| *spec_version += by)?;
	sp_maybe_compressed_blob::compress_strongly(&wasm, CODE_BLOB_BOMB_LIMIT)
		.ok_or_else(|| "the new code does not compress".into())
}

/// Where `spec_version` sits in an encoded `RuntimeVersion`: after `spec_name` and
/// `impl_name` (SCALE strings: a compact length, then the bytes) and `authoring_version` (a
/// `u32`). The section's encoding omits the API list, which the runtime keeps in its own
/// section, so the version is patched in place rather than decoded and re-encoded.
fn spec_version_offset(encoded: &[u8]) -> Result<usize> {
	let mut input = encoded;
	for _ in 0..2 {
		let length = Compact::<u32>::decode(&mut input)?.0 as usize;
		input = input.get(length..).ok_or("a runtime version name runs past the end")?;
	}
	let offset = encoded.len() - input.len() + 4;
	if encoded.len() < offset + 4 {
		return Err("the runtime version is too short".into());
	}
	Ok(offset)
}

/// Decompresses `code`, lets `change` edit the `spec_version` of its embedded runtime version
/// and returns the uncompressed Wasm with the edited version in place of the old one.
fn rewrite_spec_version(code: &[u8], change: impl FnOnce(&mut u32)) -> Result<Vec<u8>> {
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
				let mut encoded = payload[length + name_len..].to_vec();
				let offset = spec_version_offset(&encoded)?;
				let mut spec_version = u32::decode(&mut &encoded[offset..offset + 4])?;
				if let Some(change) = change.take() {
					change(&mut spec_version);
				}
				encoded[offset..offset + 4].copy_from_slice(&spec_version.to_le_bytes());
				let mut section = Vec::new();
				write_leb128(name_len, &mut section);
				section.extend_from_slice(name);
				section.extend_from_slice(&encoded);
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
