#!/usr/bin/env bash
# Measures sustained throughput of compliant USDX transfers, then what compliance costs per
# transfer. A benchmark, not a test: the figures go in docs/performance.md.
#
#   ./scripts/bench-tps.sh [WS_URL] [--accounts N] [--seconds S] [--connections C]
#                          [--rounds R] [--node-pid PID] [--no-ratio]
#
# 1. Load: the load generator (node/examples/bench_tps.rs) onboards N fresh verified accounts
#    (default 200), has them pay one another with `stablecoin.transfer`s, one in flight per
#    account, for S seconds (default 60) and prints the sustained transfers per second, the
#    fullest block and the average block fill against the normal-class weight limit,
#    submit-to-included and submit-to-finalized p50 and p95, and the node's resident memory;
#    with its temporary node, also how long the node took to build the blocks of 100
#    transactions or more and what ended each (weight limit, deadline, empty pool).
#    N accounts offer at most N transfers per block: to fill blocks, give it more accounts
#    than a block holds transfers (docs/performance.md). WS_URL defaults to
#    ws://127.0.0.1:9944; if nothing listens there, a temporary dev node is started on that
#    port for the run (its pid is passed to the tool for the memory figure) and stopped after;
#    BENCH_NODE_ARGS adds flags to that node (e.g. BENCH_NODE_ARGS="--pool-type single-state").
#    The other options go to the tool as they are.
# 2. Ratio (skipped with --no-ratio): the block-execution time per extrinsic of a block full of
#    compliant `stablecoin.transfer`s against one full of plain `balances.transfer_keep_alive`s
#    (`stablecoin-node benchmark extrinsic --chain dev`), and their ratio. The `benchmark`
#    subcommand exists only in the node built with runtime benchmarks, which this script
#    builds as scripts/bench-weights.sh does (a separate build: long the first time, then
#    only what changed) into the same binary path, runs a copy of it
#    (stablecoin-node-benchmarks) and puts the default binary back (nothing is recompiled).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

url="ws://127.0.0.1:9944"
ratio=1
tool_args=()
for arg in "$@"; do
  case "$arg" in
    ws://* | wss://*) url="$arg" ;;
    --no-ratio) ratio=0 ;;
    *) tool_args+=("$arg") ;;
  esac
done

bench_node "$url"
if [ -n "$BENCH_NODE_PID" ]; then
  tool_args+=(--node-pid "$BENCH_NODE_PID")
fi

log "load against $url"
"$CARGO_TARGET_DIR/$USDX_PROFILE/examples/bench_tps" "$url" ${tool_args[@]+"${tool_args[@]}"}
if [ -n "$BENCH_NODE_PID" ]; then
  authoring_summary "${TMPDIR:-/tmp}/usdx-bench-node.log"
fi

if [ "$ratio" = 0 ]; then
  log "skipping the stablecoin.transfer / balances.transfer_keep_alive ratio (--no-ratio)"
  exit 0
fi

# The ratio is measured on this machine's CPU: the temporary node must not compete for it.
if [ -n "$BENCH_NODE_PID" ]; then
  kill "$BENCH_NODE_PID" 2>/dev/null || true
  wait "$BENCH_NODE_PID" 2>/dev/null || true
  BENCH_NODE_PID=""
else
  log "note: the node on $url keeps running and competes with the measurement for the CPU"
fi

log "building stablecoin-node with runtime benchmarks (as scripts/bench-weights.sh does)"
# frame-benchmarking-cli carries a test runtime for `benchmark storage` whose Wasm build does
# not find itself in this workspace; `benchmark extrinsic` does not need it.
SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
  cargo build --locked --profile "$USDX_PROFILE" -p stablecoin-node --features runtime-benchmarks
# That build and the default one write the same path: run a copy (as bench-weights.sh does), so
# that a default build meanwhile cannot swap the binary between the two measurements.
bench_bin="$CARGO_TARGET_DIR/$USDX_PROFILE/stablecoin-node-benchmarks"
cp "$NODE_BIN" "$bench_bin"
# Back to the node binary of the default build (nothing is compiled: both builds are cached).
build_workspace >/dev/null 2>&1 || log "note: $NODE_BIN is still the runtime-benchmarks build"

base_path="$(mktemp -d "${TMPDIR:-/tmp}/usdx-bench-tps.XXXXXX")"
# Runs `benchmark extrinsic` for pallet $1, extrinsic $2 on a fresh dev chain and prints
# "<median ns> <average ns> <extrinsics per block>".
measure() {
  local output="$base_path/$1-$2.log"
  log "benchmark extrinsic --pallet $1 --extrinsic $2 (a block full of them, executed 110 times)"
  if ! "$bench_bin" benchmark extrinsic --chain dev --base-path "$base_path/$1-$2" \
    --pallet "$1" --extrinsic "$2" >"$output" 2>&1; then
    cat "$output" >&2
    echo "benchmark extrinsic --pallet $1 --extrinsic $2 failed" >&2
    return 1
  fi
  local per_block median average
  per_block="$(sed -n 's/.*Extrinsics per block: \([0-9]*\).*/\1/p' "$output" | tail -n 1)"
  average="$(sed -n 's/.*Average: \([0-9]*\), Median: \([0-9]*\).*/\1/p' "$output" | tail -n 1)"
  median="$(sed -n 's/.*Average: \([0-9]*\), Median: \([0-9]*\).*/\2/p' "$output" | tail -n 1)"
  if [ -z "$per_block" ] || [ -z "$median" ] || [ -z "$average" ]; then
    cat "$output" >&2
    echo "could not read the figures of benchmark extrinsic --pallet $1 --extrinsic $2" >&2
    return 1
  fi
  echo "$median $average $per_block"
}
compliant="$(measure stablecoin transfer)"
plain="$(measure balances transfer_keep_alive)"
rm -rf "$base_path"

read -r c_median c_average c_per_block <<<"$compliant"
read -r p_median p_average p_per_block <<<"$plain"
echo
echo "block execution per extrinsic (benchmark extrinsic --chain dev, this machine):"
awk -v m="$c_median" -v a="$c_average" -v n="$c_per_block" 'BEGIN {
  printf "  stablecoin.transfer           median %8.1f us, average %8.1f us  (%d in a full block)\n", m / 1000, a / 1000, n }'
awk -v m="$p_median" -v a="$p_average" -v n="$p_per_block" 'BEGIN {
  printf "  balances.transfer_keep_alive  median %8.1f us, average %8.1f us  (%d in a full block)\n", m / 1000, a / 1000, n }'
awk -v c="$c_median" -v p="$p_median" 'BEGIN {
  if (p > 0) printf "  ratio (median): a compliant transfer costs %.2fx a plain ledger transfer\n", c / p
  else print "  ratio: n/a (the plain transfer measured 0 ns)" }'
