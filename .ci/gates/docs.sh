#!/usr/bin/env bash
# The rendered reference in a real browser: builds it with `cargo xtask docs`, serves it with
# `cargo xtask docs --open` on 127.0.0.1, and opens every page in Debian's headless Chromium
# driven by a pinned playwright-core (throwaway folder) with the network cut off. Checks the
# Postman files with Postman's SDK, then shows the browser check fails on a page that loads
# from the network or lost an operation. Screenshots go to target/docs-artifacts/.
# Usage: bash .ci/gates/docs.sh [<throwaway-dir>]
set -euo pipefail
cd "$(dirname "$0")/../.."
here=.ci/gates/docs
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
artifacts=target/docs-artifacts
server_pid=""
selftest_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$selftest_pid" ] && kill "$selftest_pid" 2>/dev/null || true
  [ -n "${1:-}" ] || rm -rf "$work"
}
trap 'cleanup "${1:-}"' EXIT
# Prints what matches the pattern $1 in the log $2 once it shows (waiting up to 10 s); fails
# if it never does.
await_log() {
  local found
  for _ in $(seq 100); do
    found="$(grep -o "$1" "$2" || true)"
    [ -n "$found" ] && { echo "$found"; return 0; }
    sleep 0.1
  done
  return 1
}

if [ ! -x /usr/bin/chromium ]; then
  echo "docs: installing Debian's chromium"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version

mkdir -p "$work/npm"
cp "$here/package.json" "$here/package-lock.json" "$work/npm/"
(cd "$work/npm" && npm ci --silent --no-audit --no-fund >/dev/null 2>&1) \
  || { echo "docs: npm ci failed" >&2; exit 1; }
export NODE_PATH="$work/npm/node_modules"

started=$(date +%s%N)
cargo xtask docs >/dev/null
echo "docs: cargo xtask docs built the site in $(( ($(date +%s%N) - started) / 1000000 )) ms (including cargo's up-to-date check)"
ls -l target/docs/*.html | awk '{printf "docs: %9d bytes  %s\n", $5, $9}'

# Serve with the command a reader uses; port 0 picks a free port, --for bounds it.
target/debug/xtask docs --open --port 0 --for 300 >"$work/serve.log" 2>&1 &
server_pid=$!
url="$(await_log 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log")" \
  || { cat "$work/serve.log" >&2; echo "docs: the server did not start" >&2; exit 1; }

rm -rf "$artifacts"
node "$here/browser-check.js" "$url" target/docs spec "$artifacts"
node "$here/postman-files-check.js" target/docs spec

# Self-test: a copy of the site whose kindo-llm page loads a stylesheet from a CDN (its CSP
# removed, as a renderer without --inlineBundle would) and lost one operation must fail.
broken="$work/broken"
rm -rf "$broken"
cp -r target/docs "$broken"
python3 - "$broken/kindo-llm.html" <<'PY'
import re, sys
path = sys.argv[1]
html = open(path, encoding="utf-8").read()
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', '', html)
html = html.replace('</head>', '<link rel="stylesheet" href="https://cdn.example.com/redoc.css"></head>', 1)
html = html.replace('data-operation-id="createCompletion"', 'data-operation-id="gone"', 1)
open(path, "w", encoding="utf-8").write(html)
PY
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$broken" >"$work/selftest.log" 2>&1 &
selftest_pid=$!
port="$(await_log 'port [0-9]*' "$work/selftest.log" | grep -o '[0-9]*')" \
  || { echo "docs self-test: the server did not start" >&2; exit 1; }
if node "$here/browser-check.js" "http://127.0.0.1:$port/" "$broken" spec "$work/broken-artifacts" >"$work/selftest.out" 2>&1; then
  cat "$work/selftest.out" >&2; echo "docs self-test: the browser check accepted a broken page" >&2; exit 1
fi
grep -q 'request(s) left the page: https://cdn.example.com/redoc.css' "$work/selftest.out" \
  || { cat "$work/selftest.out" >&2; echo "docs self-test: the outside request was not caught" >&2; exit 1; }
grep -q 'operation createCompletion is not rendered' "$work/selftest.out" \
  || { cat "$work/selftest.out" >&2; echo "docs self-test: the missing operation was not caught" >&2; exit 1; }
echo "docs self-test: a page that loads from a CDN or lost an operation fails the browser check"
echo "docs: screenshots in $artifacts/"
