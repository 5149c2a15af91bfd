#!/usr/bin/env bash
# Cross-check of `cargo xtask diff` against Atlassian's openapi-diff (npm 0.24.1, reads 3.0.x
# only) on the 3.0.3 renditions of the diff fixture pairs, both directions, and of each released
# contract against its current document. Wherever openapi-diff reports a breaking change ours
# must report an ERR, unless the pair is in openapi-diff-allowlist.txt with the reason
# openapi-diff is wrong there. Pairs where only ours reports ERR are counted (openapi-diff is
# coarser), not failed. All pairs run in one node process (openapi-diff.js), bounded per pair
# and in total.
# Usage: bash .ci/gates/openapi-diff.sh <throwaway-dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$1"
mkdir -p "$work/od-npm"
(cd "$work/od-npm" && npm install --silent --no-audit --no-fund --no-save "openapi-diff@0.24.1" >/dev/null 2>&1) \
  || { echo "openapi-diff: npm install failed" >&2; exit 1; }
cargo build --quiet --locked -p xtask
# The script bounds itself (100 s of openapi-diff); this only guards against a hang outside it.
timeout 300 node "$here/openapi-diff.js" "$repo" "$work" "$work/od-npm/node_modules/openapi-diff"
