#!/usr/bin/env bash
# Ecosystem gates over every published document: Postman import, redocly and spectral lint.
# Then a self-test: a deliberately broken document must fail every gate.
# Usage: bash .ci/gates/run.sh <throwaway-dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$1"
mkdir -p "$work/npm"
cp "$here/package.json" "$here/package-lock.json" "$work/npm/"
(cd "$work/npm" && npm ci --silent --no-audit --no-fund >/dev/null 2>&1) \
  || { echo "gates: npm ci failed" >&2; exit 1; }
export NODE_PATH="$work/npm/node_modules"
bin="$work/npm/node_modules/.bin"

gates() { # <document.json>... ; exits non-zero when any gate fails
  local status=0 doc
  for doc in "$@"; do
    node "$here/postman-check.js" "$doc" || status=1
  done
  local reports=() i=0
  for doc in "$@"; do
    i=$((i + 1))
    "$bin/redocly" lint --config "$here/redocly.yaml" --format=json "$doc" >"$work/redocly-$i.json" 2>/dev/null || true
    [ -s "$work/redocly-$i.json" ] || { echo "gates: redocly produced no report for $doc" >&2; return 1; }
    reports+=("$work/redocly-$i.json")
  done
  rm -f "$work/spectral.json"
  "$bin/spectral" lint --ruleset "$here/spectral.yaml" -f json -o "$work/spectral.json" "$@" >/dev/null 2>&1 || true
  [ -s "$work/spectral.json" ] || { echo "gates: spectral produced no report" >&2; return 1; }
  node "$here/lint-check.js" "$work/spectral.json" "${reports[@]}" || status=1
  return $status
}

operations() { # <document.json> -> number of operations
  node "$here/postman-check.js" "$1" --count-operations
}

other_tools() { # Bruno import and a TypeScript client, as a downstream user would run them
  local doc="$1" name out want got
  name="$(basename "$doc" .json)"
  want="$(operations "$doc")"
  out="$work/bruno/$name"
  rm -rf "$out"
  "$bin/bru" import openapi --source "$doc" --output "$out" --collection-name "$name" --collection-format bru >/dev/null
  got="$(find "$out" -name '*.bru' ! -name folder.bru ! -name collection.bru ! -path '*/environments/*' | wc -l)"
  [ "$got" -eq "$want" ] || { echo "bruno: $doc: $got requests for $want operations" >&2; return 1; }
  grep -rqs 'baseUrl' "$out/environments" || { echo "bruno: $doc: no baseUrl environment" >&2; return 1; }
  "$bin/openapi-typescript" "$doc" --output "$work/ts/$name.d.ts" >/dev/null 2>&1 \
    || { echo "openapi-typescript: $doc: generation failed" >&2; return 1; }
  "$bin/tsc" --noEmit --strict "$work/ts/$name.d.ts" || { echo "tsc: $doc: generated types do not compile" >&2; return 1; }
  echo "$doc: Bruno imported $got requests; TypeScript client types compile"
}

mapfile -t documents < <(find spec -path spec/released -prune -o -name '*.openapi.json' -print | sort)
echo "gates: ${#documents[@]} documents"
gates "${documents[@]}"
mkdir -p "$work/ts" "$work/bruno"
for doc in "${documents[@]}"; do other_tools "$doc"; done

# Self-test: drop the API-key security scheme that every operation references. Postman loses
# the API-key alternative, and both linters must flag the undefined scheme.
broken="$work/broken.openapi.json"
node -e '
  const fs = require("fs");
  const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  delete doc.components.securitySchemes.apiKeyAuth;
  fs.writeFileSync(process.argv[2], JSON.stringify(doc, null, 2));
' spec/kindo-api.openapi.json "$broken"
if node "$here/postman-check.js" "$broken" >/dev/null 2>&1; then
  echo "gates self-test: postman-check accepted a broken document" >&2; exit 1
fi
if gates "$broken" >/dev/null 2>&1; then
  echo "gates self-test: the lint gate accepted a broken document" >&2; exit 1
fi
echo "gates self-test: the broken document fails the Postman and lint gates"
