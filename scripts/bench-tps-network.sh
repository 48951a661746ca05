#!/usr/bin/env bash
# Checks that full blocks are imported in time by the other validators: runs the load of
# ./scripts/bench-tps.sh against a local network of four validators on this machine and
# reports whether every validator kept importing and GRANDPA kept finalizing under it.
# A benchmark, not a test: the figures go in docs/performance.md.
#
#   ./scripts/bench-tps-network.sh [--accounts N] [--seconds S] [--connections C]
#
# The network is the development chain's genesis (its roles, so that the load generator can
# onboard and fund accounts as on a dev node) with the four validators of the local testnet:
# Alice, Bob, Charlie and Dave, each its own node process with its own database. GRANDPA
# needs three of the four votes, so finality stops if any two validators fall behind. The
# load goes to Alice's node; the other three only import and vote. The options go to the
# load generator (node/examples/bench_tps.rs) as they are (default: 1,000 accounts, 60 s).
#
# At the end it prints, for every validator, its best and finalized block and how far its
# finalized block lags its best, and fails if any validator's finalized block is more than
# `MAX_FINALITY_LAG` (default 10) blocks behind the network's best block.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

max_lag="${MAX_FINALITY_LAG:-10}"
tool_args=("$@")
if ! printf '%s\n' "${tool_args[@]+"${tool_args[@]}"}" | grep -qx -- '--accounts'; then
  tool_args+=(--accounts 1000)
fi

build_workspace

dir="$(mktemp -d "${TMPDIR:-/tmp}/usdx-bench-network.XXXXXX")"
log "network data and logs in $dir"

# The chain spec: the development preset with the local testnet's four validators.
"$NODE_BIN" build-spec --chain dev >"$dir/dev.json" 2>/dev/null
"$NODE_BIN" build-spec --chain local >"$dir/local.json" 2>/dev/null
python3 - "$dir" <<'PY'
import json, sys
folder = sys.argv[1]
dev = json.load(open(f"{folder}/dev.json"))
local = json.load(open(f"{folder}/local.json"))
patch = dev["genesis"]["runtimeGenesis"]["patch"]
local_patch = local["genesis"]["runtimeGenesis"]["patch"]
patch["session"] = local_patch["session"]
patch["validatorSet"] = local_patch["validatorSet"]
dev["name"] = "USDX Development, four validators"
dev["id"] = "usdx_dev_four_validators"
dev["chainType"] = "Local"
json.dump(dev, open(f"{folder}/spec.json", "w"))
PY

# Fixed node keys (a validator's node refuses to make one up), the first one Alice's, whose
# peer id the others dial.
alice_peer=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
pids=()
stop_nodes() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_nodes EXIT INT TERM

index=0
for name in alice bob charlie dave; do
  extra=(--node-key "$(printf '%064x' $((index + 1)))")
  [ "$name" = alice ] || extra+=(--bootnodes "/ip4/127.0.0.1/tcp/30400/p2p/$alice_peer")
  "$NODE_BIN" --chain "$dir/spec.json" --"$name" --base-path "$dir/$name" \
    --port $((30400 + index)) --rpc-port $((9950 + index)) \
    --no-prometheus --no-telemetry --no-mdns "${extra[@]}" \
    >"$dir/$name.log" 2>&1 &
  pids+=($!)
  index=$((index + 1))
done

# The JSON-RPC result of method $2 on the node at port $1.
rpc() {
  curl -s -H 'Content-Type: application/json' \
    -d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":[${3:-}]}" \
    "http://127.0.0.1:$1"
}
# "<best> <finalized>" block numbers of the node at port $1.
heights() {
  local best finalized_hash finalized
  best=$(rpc "$1" chain_getHeader | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["result"]["number"],16))') || return 1
  finalized_hash=$(rpc "$1" chain_getFinalizedHead | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"])') || return 1
  finalized=$(rpc "$1" chain_getHeader "\"$finalized_hash\"" | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["result"]["number"],16))') || return 1
  echo "$best $finalized"
}

log "waiting for the four validators to finalize a block"
for _ in $(seq 1 120); do
  if seen_now=$(heights 9950 2>/dev/null) && [ "${seen_now#* }" -ge 2 ] 2>/dev/null; then
    break
  fi
  sleep 1
done
heights 9950 >/dev/null || { log "the network did not come up; see $dir"; exit 1; }

log "load against Alice's node (ws://127.0.0.1:9950)"
"$CARGO_TARGET_DIR/$USDX_PROFILE/examples/bench_tps" ws://127.0.0.1:9950 \
  --node-pid "${pids[0]}" "${tool_args[@]}"

# Each validator authors its own slots, from the transfers its pool got by gossip.
for name in alice bob charlie dave; do
  printf '%-8s ' "$name"
  authoring_summary "$dir/$name.log"
done
# Let the last blocks reach every validator and get votes.
sleep 5
status=0
network_best=0
declare -A seen
index=0
for name in alice bob charlie dave; do
  seen[$name]="$(heights $((9950 + index)))"
  best="${seen[$name]% *}"
  [ "$best" -gt "$network_best" ] && network_best=$best
  index=$((index + 1))
done
printf '\n%-8s %6s %10s %12s\n' validator best finalized "behind best"
for name in alice bob charlie dave; do
  best="${seen[$name]% *}"
  finalized="${seen[$name]#* }"
  lag=$((network_best - finalized))
  printf '%-8s %6s %10s %12s\n' "$name" "$best" "$finalized" "$lag"
  [ "$lag" -gt "$max_lag" ] && status=1
done
imported=$(grep -c "Imported #" "$dir/bob.log" || true)
log "Bob's node imported $imported blocks; logs in $dir"
if [ "$status" != 0 ]; then
  log "finality fell more than $max_lag blocks behind the best block"
fi
exit "$status"
