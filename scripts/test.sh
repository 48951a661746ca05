#!/usr/bin/env bash
# Sets up what is missing, then builds and runs the whole test suite: the node's end-to-end
# tests (which start real nodes on free local ports) and the pallets' unit tests, the
# runtime's tests with the try-runtime checks, and the pallets' benchmarks as tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

# What the README promises of the code: formatted, and no Clippy warning, with and without
# the benchmarks. Clippy shares the build profile so that it reuses the build scripts and
# procedural macros of the build below.
log "checking the formatting (cargo fmt --check)"
cargo fmt --all --check
log "running Clippy on the workspace, then again with runtime-benchmarks"
SKIP_WASM_BUILD=1 cargo clippy --locked --profile "$USDX_PROFILE" --workspace --all-targets \
  -- -D warnings
SKIP_WASM_BUILD=1 cargo clippy --locked --profile "$USDX_PROFILE" --workspace --all-targets \
  --features runtime-benchmarks -- -D warnings

log "building and testing (profile $USDX_PROFILE, cache in $CARGO_TARGET_DIR)"
# The build of scripts/dev.sh (build_workspace in scripts/common.sh), then its tests; the
# runtime's own tests run below, with try-runtime.
build_workspace "$@"
# The packages of the @polkadot/api wallet quickstart, which the node's end-to-end tests run
# (examples/polkadot-js; the polkadot-api one installs its own in a copy).
npm_install examples/polkadot-js
# The supervisor's dashboard, which the chain RPC test opens in headless Chromium
# (dashboard/test/browser.mjs; setup.sh installs Chromium).
npm_install dashboard
(cd dashboard && npm run --silent build -- --logLevel warn)
cargo test --locked --profile "$USDX_PROFILE" --workspace --exclude stablecoin-runtime "$@"

# The runtime's tests with `try-runtime`: every test ends with every pallet's `try_state`,
# and the upgrade checks (on_runtime_upgrade, the Migrations list, pre/post-upgrade hooks and
# try_state) run on the genesis state of both presets. Native only: no Wasm is needed. The
# runtime fuzzer (runtime/src/tests/fuzz.rs) replays its corpus and runs for two minutes.
log "running the runtime's tests with the try-runtime checks"
SKIP_WASM_BUILD=1 cargo test --locked --profile "$USDX_PROFILE" \
  -p stablecoin-runtime --features try-runtime "$@" -- --skip fuzz_bounded_run
log "running the runtime fuzzer for ${USDX_FUZZ_SECONDS:-120} s"
USDX_FUZZ_SECONDS="${USDX_FUZZ_SECONDS:-120}" SKIP_WASM_BUILD=1 cargo test --locked \
  --profile "$USDX_PROFILE" -p stablecoin-runtime --features try-runtime --lib \
  fuzz_bounded_run -- --show-output

# The pallets' v2 benchmarks, run as tests (they exist only with `runtime-benchmarks`; no
# Wasm is needed for them): every workspace package under pallets/ with a benchmarking module.
benchmarked_pallets=()
while read -r package; do
  benchmarked_pallets+=(-p "$package")
done < <(cargo metadata --locked --no-deps --format-version 1 | python3 -c '
import json, os, sys
meta = json.load(sys.stdin)
pallets = os.path.join(meta["workspace_root"], "pallets") + os.sep
for package in meta["packages"]:
    crate = os.path.dirname(package["manifest_path"])
    if crate.startswith(pallets) and os.path.exists(os.path.join(crate, "src", "benchmarking.rs")):
        print(package["name"])
')
log "running the benchmarks of $((${#benchmarked_pallets[@]} / 2)) pallets as tests: ${benchmarked_pallets[*]}"
SKIP_WASM_BUILD=1 cargo test --locked --profile "$USDX_PROFILE" "${benchmarked_pallets[@]}" \
  --features runtime-benchmarks
# Every benchmark of runtime/src/benchmarks.rs once on the development genesis, with its
# verification, as `scripts/bench-weights.sh` runs them: upstream pallets' included.
log "running every benchmark of the runtime once"
SKIP_WASM_BUILD=1 cargo test --locked --profile "$USDX_PROFILE" -p stablecoin-runtime \
  --features runtime-benchmarks --lib benchmarks::

# The network under zombienet: the four validators, the regulator's archive node and the
# public RPC node of zombienet/local.toml, under faults, a flood and council motions
# (docs/network.md). The first `cargo test` above built the node and `network_ops`.
log "running the zombienet scenarios"
USDX_ZOMBIENET_BUILT=1 "$REPO_ROOT/scripts/zombienet.sh"
