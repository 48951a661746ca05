#!/usr/bin/env bash
# Sets up what is missing, builds the node and runs a single-validator development chain.
# Wallets connect to ws://127.0.0.1:9944. Extra arguments go to the node, e.g.
#   ./scripts/dev.sh --base-path ./dev-data     # keep the chain between runs
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

log "building stablecoin-node (profile $USDX_PROFILE, cache in $CARGO_TARGET_DIR)"
# The very command scripts/test.sh builds with (scripts/common.sh), so the two share one build.
build_workspace

log "starting a development chain: JSON-RPC on ws://127.0.0.1:9944, Prometheus on :9615"
# --dev implies a throw-away database unless a base path is given.
exec "$NODE_BIN" --dev --rpc-port 9944 --rpc-cors all "$@"
