#!/usr/bin/env bash
# Regenerates the checked-in chain specs from the runtime's genesis presets. Run it after any
# change to the local_testnet preset; the node's tests fail while the checked-in spec drifts.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

cargo build --locked --profile "$USDX_PROFILE" --workspace
mkdir -p chain-specs
"$NODE_BIN" export-chain-spec --chain local --raw --output chain-specs/local-testnet.json
log "wrote chain-specs/local-testnet.json"
