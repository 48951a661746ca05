#!/usr/bin/env bash
# Runs the runtime fuzzer (runtime/src/tests/fuzz.rs) for a while: it replays the corpus in
# runtime/fuzz-corpus/, then drives random and mutated inputs through real blocks of the
# assembled runtime, checking the chain's invariants after every block.
#
#   ./scripts/fuzz.sh [SECONDS] [SEED]
#
# SECONDS defaults to 600; SEED to the current time (printed, so a run can be repeated).
# Inputs that reach new (call, outcome) pairs are written to target/usdx-fuzz-corpus/ (copy the
# ones worth keeping into runtime/fuzz-corpus/); a failing input to target/usdx-fuzz-failures/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

seconds="${1:-600}"
seed="${2:-$(date +%s)}"
log "fuzzing the runtime for $seconds s (seed $seed)"
USDX_FUZZ_SECONDS="$seconds" USDX_FUZZ_SEED="$seed" \
  USDX_FUZZ_SAVE="$CARGO_TARGET_DIR/usdx-fuzz-corpus" SKIP_WASM_BUILD=1 \
  cargo test --locked --profile "$USDX_PROFILE" -p stablecoin-runtime --features try-runtime \
  --lib fuzz_bounded_run -- --show-output
