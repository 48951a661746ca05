#!/usr/bin/env bash
# Runs a regulator's read-only archive node: it keeps every block and every state
# (`--pruning archive`), serves only the safe RPC methods with limits set for outside clients,
# needs no keys, never validates, and refuses every transaction (`--read-only`): it neither
# accepts nor relays any. See docs/regulator.md.
#
#   ./scripts/regulator-node.sh --chain chain-specs/local-testnet.json \
#       --bootnodes /ip4/10.0.0.1/tcp/30333/p2p/12D3KooW...
#
# Extra arguments go to the node. Settings (environment):
#   REGULATOR_BASE_PATH  where the database lives (default: ~/.local/share/usdx-regulator)
#   REGULATOR_RPC_PORT   JSON-RPC port, WebSocket and HTTP (default: 9955)
#   REGULATOR_P2P_PORT   peer-to-peer port (default: 30355)
#   REGULATOR_PROMETHEUS_PORT  Prometheus /metrics port (default: 9655)
# `--print-flags` prints the node flags this script adds, one per line, and exits (the node's
# end-to-end test runs the regulator node with exactly these flags).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REGULATOR_FLAGS=(
  --name regulator
  --read-only
  --pruning archive
  --blocks-pruning archive
  --rpc-methods safe
  --rpc-cors all
  --rpc-max-connections 100
  --rpc-max-subscriptions-per-connection 16
  --rpc-max-response-size 32
  --rpc-rate-limit 100
  --rpc-rate-limit-whitelisted-ips 127.0.0.0/8 ::1/128
  --no-telemetry
)

if [[ "${1:-}" == "--print-flags" ]]; then
  printf '%s\n' "${REGULATOR_FLAGS[@]}"
  exit 0
fi

"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"
log "building stablecoin-node (profile $USDX_PROFILE, cache in $CARGO_TARGET_DIR)"
build_workspace

base_path="${REGULATOR_BASE_PATH:-$HOME/.local/share/usdx-regulator}"
rpc_port="${REGULATOR_RPC_PORT:-9955}"
log "starting the regulator's archive node: JSON-RPC on ws://127.0.0.1:$rpc_port (read-only, archive)"
exec "$NODE_BIN" "${REGULATOR_FLAGS[@]}" \
  --base-path "$base_path" \
  --rpc-port "$rpc_port" \
  --port "${REGULATOR_P2P_PORT:-30355}" \
  --prometheus-port "${REGULATOR_PROMETHEUS_PORT:-9655}" \
  "$@"
