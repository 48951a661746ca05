#!/usr/bin/env bash
# Regenerates the runtime's weights on this machine: builds the node with runtime benchmarks
# (a separate build, which includes the `benchmark` subcommand), then runs each step asked for:
#
# - a benchmarked pallet (an entry of runtime/src/benchmarks.rs, named as there: `frame_system`,
#   `pallet_balances`...): its benchmarks (`benchmark pallet`), written to
#   runtime/src/weights/<name>.rs;
# - `storage`: the cost of a storage read and of a write in ParityDB (`benchmark storage`),
#   written to runtime/src/weights/paritydb_weights.rs, the runtime's `DbWeight`. It measures
#   a database with state in it: a temporary dev node onboards `BENCH_STORAGE_ACCOUNTS`
#   (default 1000) verified accounts that pay one another once (the load generator,
#   node/examples/bench_tps.rs, `--rounds 1`), then the benchmark reads and writes every key
#   of that node's database (BENCH_STORAGE_DB=<base path> measures an existing dev database
#   instead, and keeps it). Writes are committed in batches of 100 keys, each batch with its
#   storage root: a block's writes cost at least that much per key. The weights take the 95th
#   percentile of the keys' times;
# - `overhead`: the cost of executing an empty block and a no-op extrinsic (`benchmark
#   overhead`), written to runtime/src/weights/block_weights.rs and extrinsic_weights.rs, the
#   base weights of the runtime's block limits (runtime/src/configs/mod.rs).
#
#   ./scripts/bench-weights.sh [STEP...]   # default: storage, every pallet of
#                                          # runtime/src/benchmarks.rs, then overhead
#   BENCH_STEPS=50 BENCH_REPEAT=20 ./scripts/bench-weights.sh ...   # the pallets' steps and
#                                          # repeats (these defaults); BENCH_OVERHEAD_REPEAT
#                                          # (default 100) the overhead's
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

steps="${BENCH_STEPS:-50}"
repeat="${BENCH_REPEAT:-20}"
overhead_repeat="${BENCH_OVERHEAD_REPEAT:-100}"
weights_dir=runtime/src/weights

mapfile -t known_pallets < <(sed -n 's/^\s*\[\([a-z_][a-z0-9_]*\), .*/\1/p' runtime/src/benchmarks.rs)
selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then
  selected=(storage "${known_pallets[@]}" overhead)
fi
# Refuse a misspelt step now rather than after the build.
for step in "${selected[@]}"; do
  if [ "$step" != overhead ] && [ "$step" != storage ] && ! printf '%s\n' "${known_pallets[@]}" | grep -qx -- "$step"; then
    echo "unknown step '$step': expected 'overhead' or one of: ${known_pallets[*]}" >&2
    exit 1
  fi
done

# Extra arguments of `benchmark pallet` for some pallets.
pallet_args() {
  case "$1" in
    # Its `remove_member` verification expects the `MembershipChanged` handler to know the
    # prime; the runtime's lists have no handler (`()`), so verification would fail (the
    # measurement itself is unaffected).
    pallet_membership) echo --no-verify ;;
  esac
}

"$REPO_ROOT/scripts/setup.sh"

log "building stablecoin-node with runtime benchmarks"
# frame-benchmarking-cli carries a test runtime for `benchmark storage` whose Wasm build does
# not find itself in this workspace; pallet benchmarks do not need it.
SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
  cargo build --locked --profile "$USDX_PROFILE" -p stablecoin-node --features runtime-benchmarks \
  --bin stablecoin-node --example bench_tps
# The build above and the default one write the same path: run a copy, so that a default build
# meanwhile (`./scripts/dev.sh`, the tests) cannot swap the binary between two steps.
bench_bin="$CARGO_TARGET_DIR/$USDX_PROFILE/stablecoin-node-benchmarks"
cp "$NODE_BIN" "$bench_bin"

# Fills a dev chain's database with the state of BENCH_STORAGE_ACCOUNTS onboarded accounts
# that paid one another once, in $1 (the node's base path).
fill_database() {
  local base_path="$1" port=9977 node_pid
  "$bench_bin" --dev --base-path "$base_path" --rpc-port "$port" --no-prometheus \
    --no-telemetry --port 0 >"$base_path.log" 2>&1 &
  node_pid=$!
  wait_for_dev_node "$port"
  "$CARGO_TARGET_DIR/$USDX_PROFILE/examples/bench_tps" "ws://127.0.0.1:$port" \
    --accounts "${BENCH_STORAGE_ACCOUNTS:-1000}" --rounds 1 || {
    kill "$node_pid"
    return 1
  }
  kill "$node_pid"
  wait "$node_pid" 2>/dev/null || true
}

for step in "${selected[@]}"; do
  if [ "$step" = storage ]; then
    database="${BENCH_STORAGE_DB:-}"
    if [ -z "$database" ]; then
      database="$(mktemp -d "${TMPDIR:-/tmp}/usdx-bench-storage.XXXXXX")"
      log "filling a dev database with ${BENCH_STORAGE_ACCOUNTS:-1000} accounts' state in $database"
      fill_database "$database"
    fi
    log "measuring ParityDB reads and writes -> $weights_dir/paritydb_weights.rs"
    "$bench_bin" benchmark storage \
      --chain dev \
      --base-path "$database" \
      --db paritydb \
      --state-version 1 \
      --warmups 1 \
      --batch-size 100 \
      --metric p95 \
      --header scripts/weight-header.txt \
      --template-path scripts/db-weights.hbs \
      --weight-path "$weights_dir"
    output="$weights_dir/paritydb_weights.rs"
    # Keep this machine's paths out of the repository.
    sed -i -e "s|^//   $bench_bin\$|//   stablecoin-node|" \
      -e "s|^//   $database\$|//   <the filled database>|" "$output"
    rustfmt --edition 2021 "$output"
    if [ -z "${BENCH_STORAGE_DB:-}" ]; then
      rm -rf "$database" "$database.log"
    fi
    continue
  fi
  if [ "$step" = overhead ]; then
    log "measuring the block and extrinsic overhead -> $weights_dir/{block,extrinsic}_weights.rs"
    # `--dev`: the development chain, on a temporary database.
    "$bench_bin" benchmark overhead \
      --dev \
      --wasm-execution compiled \
      --warmup 10 \
      --repeat "$overhead_repeat" \
      --header scripts/weight-header.txt \
      --weight-path "$weights_dir"
    for output in "$weights_dir/block_weights.rs" "$weights_dir/extrinsic_weights.rs"; do
      # Keep this machine's paths out of the repository.
      sed -i "s|^//   $bench_bin\$|//   stablecoin-node|" "$output"
      # The CLI's template is not quite rustfmt's layout; `cargo fmt --check` checks these.
      rustfmt --edition 2021 "$output"
    done
    continue
  fi

  output="$weights_dir/$step.rs"
  log "benchmarking $step (steps $steps, repeat $repeat) -> $output"
  # shellcheck disable=SC2046 # pallet_args prints whole arguments, without spaces
  "$bench_bin" benchmark pallet \
    --chain dev \
    --pallet "$step" \
    --extrinsic '*' \
    --steps "$steps" \
    --repeat "$repeat" \
    --wasm-execution compiled \
    --heap-pages 4096 \
    --header scripts/weight-header.txt \
    --output "$output" \
    $(pallet_args "$step")
  # Keep this machine's paths out of the repository.
  sed -i "s|^// $bench_bin\$|// stablecoin-node|" "$output"
done

log "weights written to $weights_dir/"
