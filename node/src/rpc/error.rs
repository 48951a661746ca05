//! The chain RPC's errors: a JSON-RPC error code per kind of mistake, and a message that says
//! what was wrong with which input.
//!
//! | code | meaning |
//! |------|---------|
//! | 4001 | malformed account: not an SS58 address of this chain nor a 32-byte hex key |
//! | 4002 | unknown block: no block with that hash or number on this node |
//! | 4003 | pruned state: the node no longer keeps the state of that block (ask an archive node) |
//! | 4004 | range too large: a block range or page longer than the method allows |
//! | 4005 | invalid parameter: a range that ends before it starts, a zero page size, ... |
//! | 5001 | runtime error: the runtime call behind the method failed at that block |
//! | 5002 | undecodable events: a block's events do not decode against its own metadata |

use jsonrpsee::types::ErrorObjectOwned;

/// The error type of every chain RPC method.
pub type RpcError = ErrorObjectOwned;

/// The input is not an account of this chain.
pub const INVALID_ACCOUNT: i32 = 4001;
/// No block with that hash (or number) is known to this node.
pub const UNKNOWN_BLOCK: i32 = 4002;
/// The node has discarded the state of that block.
pub const STATE_PRUNED: i32 = 4003;
/// The requested range or page is longer than the method allows.
pub const RANGE_TOO_LARGE: i32 = 4004;
/// A parameter is out of its domain.
pub const INVALID_PARAMETER: i32 = 4005;
/// A runtime call failed.
pub const RUNTIME_ERROR: i32 = 5001;
/// A block's events could not be decoded.
pub const UNDECODABLE_EVENTS: i32 = 5002;

fn error(code: i32, message: String) -> RpcError {
	ErrorObjectOwned::owned(code, message, None::<()>)
}

/// `input` is not an account: `why`.
pub fn invalid_account(input: &str, why: String) -> RpcError {
	error(INVALID_ACCOUNT, format!("malformed account {input:?}: {why}"))
}

/// No block `what` on this node.
pub fn unknown_block(what: impl std::fmt::Display) -> RpcError {
	error(UNKNOWN_BLOCK, format!("unknown block {what}: this node has no such block"))
}

/// The state of block `what` is gone.
pub fn state_pruned(what: impl std::fmt::Display) -> RpcError {
	error(
		STATE_PRUNED,
		format!(
			"the state of block {what} has been pruned on this node; \
			 query an archive node (--pruning archive)"
		),
	)
}

/// `what` asked for `asked`, more than the `max` allowed.
pub fn range_too_large(what: &str, asked: u64, max: u64) -> RpcError {
	error(RANGE_TOO_LARGE, format!("{what} too large: {asked} asked, at most {max} allowed"))
}

/// A parameter out of its domain.
pub fn invalid_parameter(message: String) -> RpcError {
	error(INVALID_PARAMETER, message)
}

/// Checks a block range `from..=to` of at most `max` blocks: 4005 when it ends before it
/// starts, 4004 when it is longer.
pub fn check_block_range(from: u32, to: u32, max: u32) -> Result<(), RpcError> {
	if to < from {
		return Err(invalid_parameter(format!(
			"the range ends (#{to}) before it starts (#{from})"
		)));
	}
	let length = u64::from(to - from) + 1;
	if length > u64::from(max) {
		return Err(range_too_large("block range", length, max.into()));
	}
	Ok(())
}

/// A runtime call failed.
pub fn runtime(what: &str, e: impl std::fmt::Display) -> RpcError {
	error(RUNTIME_ERROR, format!("the runtime call {what} failed: {e}"))
}

/// A block's events could not be decoded.
pub fn undecodable_events(block: impl std::fmt::Display, e: impl std::fmt::Display) -> RpcError {
	error(UNDECODABLE_EVENTS, format!("the events of block {block} do not decode: {e}"))
}
