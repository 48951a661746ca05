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
bench_node "$url"

"$CARGO_TARGET_DIR/$USDX_PROFILE/examples/rpc_throughput" "$url" "$clients" "$seconds"
