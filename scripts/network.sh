#!/usr/bin/env bash
# Brings the `local` network (zombienet/local.toml) up for a person to look at: four
# validators, the regulator's archive node, the public RPC node and Eve's spare validator
# node, started by zombienet's native provider from chain-specs/local-testnet.json. Prints
# every node's RPC endpoint and log file, and runs until Ctrl-C, which stops every node.
#
#   ./scripts/network.sh [DIR]      # DIR holds the nodes' data and logs (a fresh temp folder
#                                   # by default; an existing DIR is reused)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

build_workspace
zombienet_install

export USDX_NODE_BIN="$NODE_BIN"
export USDX_REPO="$REPO_ROOT"
dir="${1:-$(mktemp -d "${TMPDIR:-/tmp}/usdx-network.XXXXXX")}"
log "starting the local network in $dir (Ctrl-C stops it)"
(cd zombienet && exec npx --no-install zombienet --provider native --logType silent \
  --dir "$dir" --force spawn local.toml) &
spawner=$!
trap 'kill "$spawner" 2>/dev/null; wait "$spawner" 2>/dev/null; true' INT TERM EXIT

# zombienet writes zombie.json once every node is up.
for _ in $(seq 1 300); do
  [ -f "$dir/zombie.json" ] && break
  kill -0 "$spawner" 2>/dev/null || { log "zombienet stopped; see $dir"; exit 1; }
  sleep 1
done
[ -f "$dir/zombie.json" ] || { log "the network did not come up in 300 s; see $dir"; exit 1; }
node -e '
  const net = require(process.argv[1]);
  console.log("\nnode         RPC (WebSocket and HTTP)    Prometheus                           log");
  for (const [name, node] of Object.entries(net.nodesByName)) {
    console.log(`${name.padEnd(12)} ${node.wsUri.padEnd(27)} ${node.prometheusUri.padEnd(36)} ${process.argv[2]}/${name}.log`);
  }
  console.log("\npolkadot-js Apps: https://polkadot.js.org/apps/?rpc=" + net.nodesByName.alice.wsUri);
' "$dir/zombie.json" "$dir"
log "the network runs; Ctrl-C stops it"
wait "$spawner"
