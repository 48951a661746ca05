#!/usr/bin/env bash
# Builds the supervisor's dashboard (dashboard/, a static page) and serves it with Vite's
# static preview, for a node running beside it: a development chain (./scripts/dev.sh,
# ws://127.0.0.1:9944) or a regulator's archive node (./scripts/regulator-node.sh,
# ws://127.0.0.1:9955). See docs/dashboard.md.
#   ./scripts/dashboard.sh                                  # beside ./scripts/dev.sh
#   ./scripts/dashboard.sh --rpc ws://127.0.0.1:9955        # beside a regulator node
#   ./scripts/dashboard.sh --rpc ws://127.0.0.1:9944 --port 5173
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
	echo "usage: $0 [--rpc ws://127.0.0.1:9944] [--port 5173]" >&2
	exit "${1:-2}"
}

rpc="ws://127.0.0.1:9944"
port=5173
while [ $# -gt 0 ]; do
	case "$1" in
	--rpc) [ $# -ge 2 ] || usage; rpc="$2"; shift 2 ;;
	--rpc=*) rpc="${1#--rpc=}"; shift ;;
	--port) [ $# -ge 2 ] || usage; port="$2"; shift 2 ;;
	--port=*) port="${1#--port=}"; shift ;;
	-h | --help) usage 0 ;;
	*) echo "unknown argument: $1" >&2; usage ;;
	esac
done
case "$rpc" in
ws://* | wss://*) ;;
*) echo "--rpc must be a WebSocket URL (ws:// or wss://), not $rpc" >&2; exit 2 ;;
esac
[[ "$port" =~ ^[0-9]+$ ]] || { echo "--port must be a number, not $port" >&2; exit 2; }

if ! command -v npm >/dev/null 2>&1; then
	"$REPO_ROOT/scripts/setup.sh"
fi
npm_install dashboard
cd "$REPO_ROOT/dashboard"
log "building the dashboard (dashboard/dist)"
npm run --silent build -- --logLevel warn

# A friendly hint, not a failure: the page shows its own error until the node is up.
hostport="${rpc#*://}"
hostport="${hostport%%/*}"
host="${hostport%:*}"
node_port="${hostport##*:}"
if [[ "$node_port" =~ ^[0-9]+$ ]] && [[ "$host" =~ ^(127\.0\.0\.1|localhost)$ ]] &&
	! (exec 3<>"/dev/tcp/127.0.0.1/$node_port") 2>/dev/null; then
	log "no node answers on $rpc yet: start ./scripts/dev.sh or ./scripts/regulator-node.sh"
fi

log "open http://127.0.0.1:$port/?rpc=$rpc (Ctrl-C stops)"
exec ./node_modules/.bin/vite preview --host 127.0.0.1 --port "$port" --strictPort
