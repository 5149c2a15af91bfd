#!/usr/bin/env bash
# Cross-check of `cargo xtask diff` against Atlassian's openapi-diff (npm 0.24.1, reads 3.0.x
# only) on the 3.0.3 renditions of the diff fixture pairs, both directions, and of each released
# contract against its current document. Wherever openapi-diff reports a breaking change ours
# must report an ERR, unless the pair is in openapi-diff-allowlist.txt with the reason
# openapi-diff is wrong there. Pairs where only ours reports ERR are counted (openapi-diff is
# coarser), not failed.
# Usage: bash .ci/gates/openapi-diff.sh <throwaway-dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$1"
mkdir -p "$work/od-npm" "$work/od-pairs"
(cd "$work/od-npm" && npm install --silent --no-audit --no-fund --no-save "openapi-diff@0.24.1" >/dev/null 2>&1) \
  || { echo "openapi-diff: npm install failed" >&2; exit 1; }
od="$work/od-npm/node_modules/.bin/openapi-diff"
cargo build --quiet --locked -p xtask
xtask="$repo/target/debug/xtask"
allow="$here/openapi-diff-allowlist.txt"

# Split every fixture into old/new 3.1 files, then convert both to 3.0.3.
python3 - "$repo/xtask/tests/diff_fixtures/pairs" "$work/od-pairs" <<'PY'
import json, os, sys
src, out = sys.argv[1:]
for f in sorted(os.listdir(src)):
    fx = json.load(open(os.path.join(src, f)))
    d = os.path.join(out, f[:-5])
    os.makedirs(d, exist_ok=True)
    for side in ("old", "new"):
        json.dump(fx[side], open(os.path.join(d, f"{side}.31.json"), "w"))
PY
pairs=() skipped=()
for d in "$work"/od-pairs/*/; do
  name="$(basename "$d")"
  if "$xtask" oas30 "$d/old.31.json" "$d/old.json" 2>"$d/err" && "$xtask" oas30 "$d/new.31.json" "$d/new.json" 2>>"$d/err"; then
    pairs+=("$name")
  else
    # The published 3.0.3 conversion refuses some shapes (e.g. two request media types).
    echo "openapi-diff: skipped $name (no 3.0.3 rendition: $(head -1 "$d/err" | sed 's/.*json: //'))"
    skipped+=("$name")
  fi
done
for doc in "$repo"/spec/released/*/; do
  name="$(basename "$doc")"
  latest="$(ls "$doc" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+\.openapi\.json$' | sort -V | tail -1)"
  [ -n "$latest" ] || continue
  d="$work/od-pairs/released-$name"
  mkdir -p "$d"
  "$xtask" oas30 "$doc/$latest" "$d/old.json"
  cp "$repo/spec/oas30/$name.openapi.json" "$d/new.json"
  pairs+=("released-$name")
done

# openapi-diff prints one line of prose, then JSON; its verdict is `breakingDifferencesFound`.
verdict() { # <output file> -> breaking | compatible | error
  python3 - "$1" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
start = text.find("{")
try:
    print("breaking" if json.loads(text[start:])["breakingDifferencesFound"] else "compatible")
except Exception:
    print("compatible" if text.startswith("No changes found") else "error")
PY
}
both=0 ours_only=0 theirs_allowed=0 neither=0 failed=0 unread=0
for name in "${pairs[@]}"; do
  d="$work/od-pairs/$name"
  for dir in forward reverse; do
    if [ "$dir" = forward ]; then a="$d/old.json" b="$d/new.json"; else a="$d/new.json" b="$d/old.json"; fi
    [[ "$name" == released-* && "$dir" == reverse ]] && continue
    # Bounded: openapi-diff needs minutes on kindo-api (no verdict within 120 s here).
    timeout 120 "$od" "$a" "$b" >"$d/od-$dir.txt" 2>&1 || true
    theirs="$(verdict "$d/od-$dir.txt")"
    ours=0; "$xtask" diff "$a" "$b" --format json >"$d/ours-$dir.json" || ours=$?
    [ "$ours" -le 1 ] || { echo "openapi-diff: xtask diff failed on $name ($dir)" >&2; exit 1; }
    if [ "$theirs" = error ]; then
      unread=$((unread + 1))
      echo "openapi-diff: no verdict on $name ($dir): $(grep -m1 -oE '(Error|error)[^.]*' "$d/od-$dir.txt" || echo 'timed out')"
    elif [ "$theirs" = breaking ] && [ "$ours" -eq 1 ]; then both=$((both + 1))
    elif [ "$theirs" = breaking ]; then
      if grep -qE "^$name $dir " "$allow"; then theirs_allowed=$((theirs_allowed + 1))
      else
        failed=$((failed + 1))
        echo "MISSED: $name ($dir): openapi-diff reports breaking, xtask diff no ERR" >&2
      fi
    elif [ "$ours" -eq 1 ]; then ours_only=$((ours_only + 1))
    else neither=$((neither + 1)); fi
  done
done
# Every allowlist entry must still be needed.
while read -r name dir _; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  d="$work/od-pairs/$name"
  [ -f "$d/od-$dir.txt" ] || { echo "openapi-diff: allowlist names unknown pair $name $dir" >&2; failed=$((failed + 1)); continue; }
  if [ "$(verdict "$d/od-$dir.txt")" = breaking ]; then :; else
    echo "openapi-diff: allowlist entry $name $dir is stale (openapi-diff no longer reports breaking)" >&2
    failed=$((failed + 1))
  fi
done <"$allow"
echo "openapi-diff cross-check: ${#pairs[@]} pairs (${#skipped[@]} skipped); both breaking $both, ours only $ours_only, theirs only (allowlisted) $theirs_allowed, neither $neither, no openapi-diff verdict $unread, missed $failed"
[ "$failed" -eq 0 ]
