#!/usr/bin/env bash
# Runs `stablecoin-node` with exactly the flags of one of the node profiles in scripts/
# (`regulator-node` or `public-rpc-node`, read with their `--print-flags`), for zombienet.
#
# Zombienet starts every node with `--rpc-methods unsafe --rpc-cors all --name <node>
# --no-telemetry`; the profile sets those its own way, so they are dropped here rather than
# given twice. Zombienet also writes Aura and GRANDPA keys into every node's keystore: a
# profile node holds no keys, so the keystore is removed before the node starts.
set -euo pipefail
profile="$1"
shift
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mapfile -t profile_flags < <("$here/../scripts/$profile.sh" --print-flags)

kept=()
base_path=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rpc-methods | --rpc-cors | --name) shift 2 ;;
    --no-telemetry) shift ;;
    --base-path)
      base_path="$2"
      kept+=("$1" "$2")
      shift 2
      ;;
    *)
      kept+=("$1")
      shift
      ;;
  esac
done

if [ -n "$base_path" ]; then
  rm -rf "$base_path"/chains/*/keystore
fi
exec "${USDX_NODE_BIN:?set by scripts/zombienet.sh}" "${kept[@]}" "${profile_flags[@]}"
