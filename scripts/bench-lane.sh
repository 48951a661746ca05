#!/usr/bin/env bash
# Measures the payment lane under a mixed load: heavy calls that are not payments (batches of
# remarks from three senders) and compliant transfers (from two payers) submitted at once to
# a running node; prints, per block, the weight each kind used. A benchmark, not a test.
#
#   ./scripts/bench-lane.sh [WS_URL] [TRANSFERS] [BATCHES]
#
# WS_URL defaults to ws://127.0.0.1:9944. If nothing listens there, a temporary dev node is
# started on that port for the run and stopped afterwards.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

url="${1:-ws://127.0.0.1:9944}"
bench_node "$url"

"$CARGO_TARGET_DIR/$USDX_PROFILE/examples/payment_lane" "$url" "${2:-300}" "${3:-40}"
