#!/usr/bin/env bash
# Shared settings for the scripts in this folder. Source it; do not run it.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# Keep the build cache outside the clone so CI and later builds reuse it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/usdx-chain/target}"

# The one cargo profile that builds both the node binary and the tests.
export USDX_PROFILE="${USDX_PROFILE:-release}"

# Path of the node binary built by that profile.
NODE_BIN="$CARGO_TARGET_DIR/$USDX_PROFILE/stablecoin-node"
export NODE_BIN

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The one cargo invocation that builds the node, its examples and the workspace's tests. Every
# script builds through it (scripts/test.sh then runs the same command without `--no-run`),
# so that the test command and `./scripts/dev.sh` share one build: cargo's feature resolution
# depends on the command (`cargo build` leaves out dev-dependencies, and `cargo build
# --workspace` turns on the runtime's `default` feature, which the test command, excluding the
# runtime, does not), and any difference gives a unit a new hash and rebuilds it and all that
# depends on it. Extra arguments are added to the command.
build_workspace() {
  cargo test --locked --profile "$USDX_PROFILE" --workspace --exclude stablecoin-runtime --no-run "$@"
}

# For the benchmarks: builds the node and its examples, and, unless a node already listens on
# the port of the WebSocket URL `$1`, starts a temporary dev node there, stopped when the
# calling script exits. `BENCH_NODE_ARGS` adds flags to that node's command line (to compare
# node settings, e.g. `--pool-type single-state`).
bench_node() {
  local port="${1##*:}"
  port="${port%%/*}"
  build_workspace
  BENCH_NODE_PID=""
  trap '[ -n "$BENCH_NODE_PID" ] && kill "$BENCH_NODE_PID" 2>/dev/null && wait "$BENCH_NODE_PID" 2>/dev/null; true' EXIT
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "no node on port $port: starting a temporary dev node"
    # shellcheck disable=SC2086 # the extra flags are split into words on purpose
    "$NODE_BIN" --dev --rpc-port "$port" --no-prometheus --no-telemetry --port 0 \
      ${BENCH_NODE_ARGS:-} >"${TMPDIR:-/tmp}/usdx-bench-node.log" 2>&1 &
    BENCH_NODE_PID=$!
    wait_for_dev_node "$port"
  fi
}

# Waits (up to a minute) until a node listens on local port `$1`, then lets its chain produce
# and finalize a few blocks.
wait_for_dev_node() {
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && break
    sleep 0.5
  done
  sleep 5
}

# Prints how long the node whose log is `$1` took to build its blocks (the authoring node's
# "Prepared block" lines): for the blocks of at least `$2` extrinsics (default 100), the
# median and the longest time, and why building stopped (weight limit reached, the author's
# deadline in the slot, or no more transactions in the pool).
authoring_summary() {
  python3 - "$1" "${2:-100}" <<'PY'
import re, statistics, sys
from collections import Counter
pattern = re.compile(r"Prepared block for proposing at (\d+) \((\d+) ms\).*end: (\w+); extrinsics_count: (\d+)")
times, ends = [], Counter()
for line in open(sys.argv[1], errors="replace"):
    found = pattern.search(line)
    if found and int(found.group(4)) >= int(sys.argv[2]):
        times.append(int(found.group(2)))
        ends[found.group(3)] += 1
if not times:
    print(f"block authoring: no block of {sys.argv[2]} extrinsics or more")
else:
    reasons = ", ".join(f"{reason} {count}" for reason, count in ends.most_common())
    print(f"block authoring ({len(times)} blocks of {sys.argv[2]}+ extrinsics): "
          f"median {statistics.median(times):.0f} ms, longest {max(times)} ms; stopped by: {reasons}")
PY
}

# Installs the npm packages of `$1` (a folder of the repository) from its package-lock.json,
# unless they are already installed from this very lockfile.
npm_install() {
  local dir="$REPO_ROOT/$1"
  local stamp="$dir/node_modules/.usdx-installed-lock"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
    return
  fi
  log "installing the npm packages of $1 (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$stamp"
}

# Installs zombienet from zombienet/package-lock.json into zombienet/node_modules.
zombienet_install() {
  npm_install zombienet
}
