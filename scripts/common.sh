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
