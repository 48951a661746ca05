#!/usr/bin/env bash
# Sets up what is missing, builds the node and runs a single-validator development chain with
# its demo operators (price feeders and a reserve attestor, `stablecoin-node demo-operators`),
# so that it can mint at once. Wallets connect to ws://127.0.0.1:9944.
#   ./scripts/dev.sh                              # node and demo operators
#   ./scripts/dev.sh --no-demo                    # the node alone
#   ./scripts/dev.sh --base-path ./dev-data       # keep the chain between runs
# Other arguments go to the node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

demo=1
rpc_port=9944
port_given=0
node_args=()
expect_port=0
for arg in "$@"; do
	if [ "$expect_port" = 1 ]; then
		rpc_port="$arg"
		expect_port=0
	fi
	case "$arg" in
	--no-demo) demo=0; continue ;;
	--rpc-port) expect_port=1; port_given=1 ;;
	--rpc-port=*) rpc_port="${arg#--rpc-port=}"; port_given=1 ;;
	esac
	node_args+=("$arg")
done
if [ "$port_given" = 0 ]; then
	node_args=(--rpc-port "$rpc_port" ${node_args[@]+"${node_args[@]}"})
fi

"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

log "building stablecoin-node (profile $USDX_PROFILE, cache in $CARGO_TARGET_DIR)"
# The very command scripts/test.sh builds with (scripts/common.sh), so the two share one build.
build_workspace

log "starting a development chain: JSON-RPC on ws://127.0.0.1:$rpc_port, Prometheus on :9615"
# --dev implies a throw-away database unless a base path is given.
if [ "$demo" = 0 ]; then
	exec "$NODE_BIN" --dev --rpc-cors all "${node_args[@]}"
fi

"$NODE_BIN" --dev --rpc-cors all "${node_args[@]}" &
node_pid=$!
log "starting the demo operators (feeders, attestor); --no-demo leaves them out"
"$NODE_BIN" demo-operators --rpc-url "ws://127.0.0.1:$rpc_port" &
demo_pid=$!
# The demo operators stop with the node, and the node with this script.
trap 'kill "$demo_pid" "$node_pid" 2>/dev/null || true; wait 2>/dev/null || true' EXIT INT TERM
wait "$node_pid"
