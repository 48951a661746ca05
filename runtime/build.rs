//! Builds the runtime's Wasm blob, which the node embeds and genesis stores on chain.

#[cfg(feature = "std")]
fn main() {
	#[cfg(feature = "metadata-hash")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("USDX", 6)
		.build();

	#[cfg(not(feature = "metadata-hash"))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Without `std` this crate is itself being compiled to Wasm: nothing to build.
#[cfg(not(feature = "std"))]
fn main() {}
