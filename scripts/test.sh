#!/usr/bin/env bash
# Sets up what is missing, then builds and runs the whole test suite: pallet and runtime
# unit tests, the node's end-to-end tests (which start real nodes on free local ports), and
# the pallets' benchmarks as tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

log "building and testing (profile $USDX_PROFILE, cache in $CARGO_TARGET_DIR)"
cargo test --locked --profile "$USDX_PROFILE" --workspace "$@"

# The pallets' v2 benchmarks, run as tests (they exist only with `runtime-benchmarks`; no
# Wasm is needed for them).
log "running the pallets' benchmarks as tests"
SKIP_WASM_BUILD=1 cargo test --locked --profile "$USDX_PROFILE" \
  -p pallet-identity-claims -p pallet-oracle -p pallet-reserves -p pallet-circuit-breaker \
  -p pallet-stablecoin --features runtime-benchmarks
