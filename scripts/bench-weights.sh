#!/usr/bin/env bash
# Regenerates the runtime's weights by running the pallets' v2 benchmarks on this machine:
# builds the node with runtime benchmarks (a separate build, which includes the `benchmark`
# subcommand) and writes runtime/src/weights/<pallet>.rs for each benchmarked pallet.
#
#   ./scripts/bench-weights.sh [PALLET...]     # default: every pallet in runtime/src/benchmarks.rs
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
  mapfile -t pallets < <(sed -n 's/^\s*\[\(pallet_[a-z_]*\), .*/\1/p' runtime/src/benchmarks.rs)
fi

log "building stablecoin-node with runtime benchmarks"
# frame-benchmarking-cli carries a test runtime for `benchmark storage` whose Wasm build does
# not find itself in this workspace; pallet benchmarks do not need it.
SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
  cargo build --locked --profile "$USDX_PROFILE" -p stablecoin-node --features runtime-benchmarks

for pallet in "${pallets[@]}"; do
  output="runtime/src/weights/$pallet.rs"
  log "benchmarking $pallet -> $output"
  "$NODE_BIN" benchmark pallet \
    --chain dev \
    --pallet "$pallet" \
    --extrinsic '*' \
    --steps 50 \
    --repeat 20 \
    --wasm-execution compiled \
    --heap-pages 4096 \
    --header scripts/weight-header.txt \
    --output "$output"
  # Keep this machine's paths out of the repository.
  sed -i "s|^// $NODE_BIN\$|// stablecoin-node|" "$output"
done

log "weights written to runtime/src/weights/"
