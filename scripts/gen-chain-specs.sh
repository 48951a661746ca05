#!/usr/bin/env bash
# Regenerates the checked-in chain specs: local-testnet.json from the runtime's local_testnet
# preset, staging.json from the node's staging chain spec. Run it after any change to either;
# the node's tests fail while a checked-in spec drifts.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

build_workspace
mkdir -p chain-specs
"$NODE_BIN" export-chain-spec --chain local --raw --output chain-specs/local-testnet.json
"$NODE_BIN" export-chain-spec --chain staging --raw --output chain-specs/staging.json
log "wrote chain-specs/local-testnet.json and chain-specs/staging.json"
