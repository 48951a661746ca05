#!/usr/bin/env bash
# Runs the zombienet scenarios: each `zombienet/*.zndsl` (or those named as arguments) starts
# the `local` network (zombienet/local.toml) with zombienet's native provider, runs its test
# lines against it and tears it down. The nodes' logs stay in
# ${USDX_ZOMBIENET_LOGS:-${TMPDIR:-/tmp}/usdx-zombienet}/<scenario>/logs/<node>.log.
#
#   ./scripts/zombienet.sh                         # every scenario
#   ./scripts/zombienet.sh zombienet/0001-faults.zndsl
#
# Builds the node and its examples unless USDX_ZOMBIENET_BUILT=1 says the caller did
# (scripts/test.sh: `cargo test` builds the examples too), and installs zombienet from
# zombienet/package-lock.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

export USDX_NODE_BIN="$NODE_BIN"
export USDX_REPO="$REPO_ROOT"
export USDX_NETWORK_OPS="$CARGO_TARGET_DIR/$USDX_PROFILE/examples/network_ops"
if [ "${USDX_ZOMBIENET_BUILT:-0}" != 1 ] || [ ! -x "$USDX_NODE_BIN" ] || [ ! -x "$USDX_NETWORK_OPS" ]; then
  build_workspace
fi
zombienet_install
logs_root="${USDX_ZOMBIENET_LOGS:-${TMPDIR:-/tmp}/usdx-zombienet}"
mkdir -p "$logs_root"

scenarios=("$@")
if [ ${#scenarios[@]} -eq 0 ]; then
  scenarios=(zombienet/*.zndsl)
fi
for scenario in "${scenarios[@]}"; do
  name="$(basename "$scenario" .zndsl)"
  dir="$logs_root/$name"
  rm -rf "$dir"
  log "zombienet: $name (the nodes' logs: $dir/logs/<node>.log)"
  started=$SECONDS
  if ! (cd zombienet && npx --no-install zombienet --provider native --logType text \
    --dir "$dir" --force test "$(basename "$scenario")"); then
    log "FAILED: zombienet scenario $name after $((SECONDS - started)) s; the nodes' logs:"
    ls -1 "$dir"/logs/*.log "$dir"/*.log >&2 2>/dev/null || true
    exit 1
  fi
  log "zombienet: $name passed in $((SECONDS - started)) s"
done
