#!/usr/bin/env bash
# Runs a public RPC node: a full node (not a validator, no keys) that wallets and apps reach
# from the internet. It relays their transactions to the validators, serves only the safe RPC
# methods, and holds every client to limits: connections, requests per second, request and
# response sizes, batch length, subscriptions, and the messages queued per connection.
# See docs/node-profiles.md.
#
#   ./scripts/public-rpc-node.sh --chain chain-specs/local-testnet.json \
#       --bootnodes /ip4/10.0.0.1/tcp/30333/p2p/12D3KooW...
#
# Extra arguments go to the node. Settings (environment):
#   PUBLIC_RPC_BASE_PATH        where the database lives (default: ~/.local/share/usdx-public-rpc)
#   PUBLIC_RPC_PORT             JSON-RPC port, WebSocket and HTTP (default: 9944)
#   PUBLIC_RPC_P2P_PORT         peer-to-peer port (default: 30344)
#   PUBLIC_RPC_PROMETHEUS_PORT  Prometheus /metrics port (default: 9645)
# `--print-flags` prints the node flags this script adds, one per line, and exits (the node's
# end-to-end test runs the public profile with exactly these flags).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PUBLIC_RPC_FLAGS=(
  --name public-rpc
  --rpc-methods safe
  --rpc-external
  --rpc-cors all
  --rpc-max-connections 500
  --rpc-rate-limit 600
  --rpc-max-request-size 1
  --rpc-max-response-size 16
  --rpc-max-batch-request-len 16
  --rpc-max-subscriptions-per-connection 32
  --rpc-message-buffer-capacity-per-connection 64
  --no-telemetry
)

if [[ "${1:-}" == "--print-flags" ]]; then
  printf '%s\n' "${PUBLIC_RPC_FLAGS[@]}"
  exit 0
fi

"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"
log "building stablecoin-node (profile $USDX_PROFILE, cache in $CARGO_TARGET_DIR)"
build_workspace

port="${PUBLIC_RPC_PORT:-9944}"
log "starting a public RPC node: JSON-RPC on port $port, all interfaces (safe methods, limits)"
exec "$NODE_BIN" "${PUBLIC_RPC_FLAGS[@]}" \
  --base-path "${PUBLIC_RPC_BASE_PATH:-$HOME/.local/share/usdx-public-rpc}" \
  --rpc-port "$port" \
  --port "${PUBLIC_RPC_P2P_PORT:-30344}" \
  --prometheus-port "${PUBLIC_RPC_PROMETHEUS_PORT:-9645}" \
  "$@"
