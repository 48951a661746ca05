#!/usr/bin/env bash
# Measures settlement latency: submits 20 USDX transfers one after another to a running node
# over JSON-RPC and prints the median and 95th percentile of submit-to-included and
# submit-to-finalized. A benchmark, not a test.
#
#   ./scripts/bench-transfers.sh [WS_URL] [COUNT]
#
# WS_URL defaults to ws://127.0.0.1:9944. If nothing listens there, a temporary dev node is
# started on that port for the run and stopped afterwards.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

url="${1:-ws://127.0.0.1:9944}"
count="${2:-20}"
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

"$CARGO_TARGET_DIR/$USDX_PROFILE/examples/transfer_latency" "$url" "$count"
