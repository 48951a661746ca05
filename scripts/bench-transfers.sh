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
bench_node "$url"

"$CARGO_TARGET_DIR/$USDX_PROFILE/examples/transfer_latency" "$url" "$count"
