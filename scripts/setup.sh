#!/usr/bin/env bash
# Installs what building the chain needs, only where it is missing: Debian packages
# (protobuf-compiler, clang, ...), the Rust toolchain pinned by rust-toolchain.toml with
# its Wasm target and rust-src. Idempotent and quiet when everything is in place.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

# --- Debian packages -------------------------------------------------------------------
need_pkgs=()
for pkg in protobuf-compiler clang libclang-dev pkg-config libssl-dev make git curl python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_pkgs+=("$pkg")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_pkgs[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

# Node.js and npm run zombienet (scripts/zombienet.sh); Debian's packages do when none is
# installed.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  log "installing Node.js and npm"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# Headless Chromium runs the dashboard's browser test (dashboard/test/browser.mjs, driven by
# playwright-core); Debian's package when none is installed.
if [ ! -x /usr/bin/chromium ]; then
  log "installing Chromium"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

# --- Rust toolchain ----------------------------------------------------------------------
if ! command -v rustup >/dev/null 2>&1; then
  echo "rustup is required: see https://rustup.rs" >&2
  exit 1
fi
toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
if ! rustup toolchain list | grep -q "^$toolchain"; then
  log "installing Rust $toolchain"
  rustup toolchain install "$toolchain" --profile minimal
fi
installed_targets="$(rustup target list --toolchain "$toolchain" --installed)"
if ! grep -qx wasm32v1-none <<<"$installed_targets"; then
  log "adding the wasm32v1-none target"
  rustup target add --toolchain "$toolchain" wasm32v1-none
fi
installed_components="$(rustup component list --toolchain "$toolchain" --installed)"
for comp in rust-src rustfmt clippy; do
  if ! grep -q "^$comp" <<<"$installed_components"; then
    log "adding the $comp component"
    rustup component add --toolchain "$toolchain" "$comp"
  fi
done
