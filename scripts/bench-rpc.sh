#!/usr/bin/env bash
# Measures the chain RPC's throughput: CLIENTS connections call usdx_report, then
# usdx_account, back to back for SECONDS each, and the calls per second and latencies are
# printed. A benchmark, not a test.
#
#   ./scripts/bench-rpc.sh [WS_URL] [CLIENTS] [SECONDS]
#
# WS_URL defaults to ws://127.0.0.1:9944. If nothing listens there, a temporary dev node is
# started on that port for the run and stopped afterwards.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

url="${1:-ws://127.0.0.1:9944}"
clients="${2:-8}"
seconds="${3:-10}"
port="${url##*:}"
port="${port%%/*}"

cargo build --locked --profile "$USDX_PROFILE" --workspace --examples

node_pid=""
cleanup() { [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null; true; }
trap cleanup EXIT

if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  log "no node on port $port: starting a temporary dev node"
  "$NODE_BIN" --dev --rpc-port "$port" --no-prometheus --no-telemetry --port 0 \
    >"${TMPDIR:-/tmp}/usdx-bench-node.log" 2>&1 &
  node_pid=$!
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.5
  done
  # Let the chain produce and finalize a few blocks first.
  sleep 5
fi

"$CARGO_TARGET_DIR/$USDX_PROFILE/examples/rpc_throughput" "$url" "$clients" "$seconds"
