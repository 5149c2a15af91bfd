#!/usr/bin/env bash
# Clients in other languages, as teams generate them from our documents: openapi-python-client
# and openapi-typescript (+ openapi-fetch) from the 3.1 document, openapi-generator's python,
# typescript-fetch and go from the 3.0.3 rendition. Each must generate without warnings caused
# by the document, build or typecheck (mypy, tsc --strict, go build + go vet), and make one
# typed call per API area against a real server on 127.0.0.1. Diagnostics that are the
# generators' own defects are listed, with the reason, in clients/allowlist.txt.
#
# Usage: bash .ci/gates/clients.sh <throwaway-dir>
# The server is one command: KINDO_CLIENTS_SERVER (default: Prism serving the 3.1 document on
# 127.0.0.1:$KINDO_CLIENTS_PORT); it must serve the kindo-api operations at that port.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mkdir -p "$1" && cd "$1" && pwd)"
port="${KINDO_CLIENTS_PORT:-4010}"
doc31="$repo/spec/kindo-api.openapi.json"
doc30="$repo/spec/oas30/kindo-api.openapi.json"
server="${KINDO_CLIENTS_SERVER:-$work/npm/node_modules/.bin/prism mock --host 127.0.0.1 --port $port $doc31}"
export KINDO_BASE_URL="http://127.0.0.1:$port"

step() { printf '\n--> clients: %s\n' "$*"; }
fail() { echo "clients: $*" >&2; exit 1; }

# Every diagnostic line in <log> must match a pattern of the allowlist (lines `regex  # why`).
diagnostics_allowed() { # <what> <log> <grep-pattern-of-diagnostic-lines>
  local what="$1" log="$2" pattern="$3" bad
  bad="$(grep -E "$pattern" "$log" | grep -v -E -f <(sed -e 's/[[:space:]]*#.*$//' -e '/^$/d' "$here/clients/allowlist.txt") || true)"
  if [ -n "$bad" ]; then
    printf '%s\n' "$bad" >&2
    fail "$what: the diagnostics above are not in .ci/gates/clients/allowlist.txt"
  fi
}

step "tools (pinned; PyPI, npm, Debian)"
python3 -m venv "$work/venv"
py="$work/venv/bin"
timeout 600 "$py/pip" install --quiet --disable-pip-version-check -r "$here/clients/requirements.txt"
mkdir -p "$work/npm"
cp "$here/clients/package.json" "$here/clients/package-lock.json" "$work/npm/"
(cd "$work/npm" && timeout 600 npm ci --silent --no-audit --no-fund >/dev/null 2>&1) || fail "npm ci failed"
bin="$work/npm/node_modules/.bin"
validator=/usr/share/gocode/src/gopkg.in/validator.v2
if ! command -v go >/dev/null || [ ! -d "$validator" ]; then
  # The generated Go client imports gopkg.in/validator.v2; Debian packages it, so no Go proxy.
  timeout 600 apt-get update -qq && timeout 600 apt-get install -y -qq golang-go golang-gopkg-validator.v2-dev >/dev/null
fi
export PATH="$py:$PATH"

step "generate (openapi-python-client, openapi-typescript: 3.1; openapi-generator python, typescript-fetch, go: 3.0.3)"
gen="$work/gen"
rm -rf "$gen" && mkdir -p "$gen/opc"
timeout 300 "$py/openapi-python-client" generate --path "$doc31" --meta none \
  --output-path "$gen/opc/kindo_api_client" >"$work/opc.log" 2>&1 || { cat "$work/opc.log" >&2; fail "openapi-python-client failed"; }
if grep -q "Warning" "$work/opc.log"; then cat "$work/opc.log" >&2; fail "openapi-python-client warned"; fi
timeout 300 "$bin/openapi-typescript" "$doc31" -o "$gen/kindo-api.d.ts" >"$work/oats.log" 2>&1 || { cat "$work/oats.log" >&2; fail "openapi-typescript failed"; }
diagnostics_allowed openapi-typescript "$work/oats.log" '[Ww]arn|⚠'
ogen() { # <generator> <out> [options...]
  local g="$1" out="$2"; shift 2
  timeout 600 "$py/openapi-generator-cli" generate -g "$g" -i "$doc30" -o "$out" "$@" >"$work/ogen-$g.log" 2>&1 \
    || { tail -n 40 "$work/ogen-$g.log" >&2; fail "openapi-generator $g failed"; }
  diagnostics_allowed "openapi-generator $g" "$work/ogen-$g.log" '\bWARN\b|\bERROR\b'
}
ogen python "$gen/ogen-python" --package-name kindo_api_ogen
ogen typescript-fetch "$gen/client"
ogen go "$gen/ogen-go" --package-name kindoapi --git-host kindo.local --git-user-id kindo --git-repo-id kindoapi

step "build and typecheck"
(cd "$gen/opc" && timeout 600 "$py/mypy" --no-incremental kindo_api_client) >"$work/mypy-opc.log" 2>&1 || true
diagnostics_allowed "mypy (openapi-python-client)" "$work/mypy-opc.log" 'error:'
timeout 600 "$py/pip" install --quiet --disable-pip-version-check --no-deps "$gen/ogen-python"
(cd "$gen/ogen-python" && timeout 600 "$py/mypy" --no-incremental kindo_api_ogen) >"$work/mypy-ogen.log" 2>&1 || true
diagnostics_allowed "mypy (openapi-generator python)" "$work/mypy-ogen.log" 'error:'
tsc() { timeout 600 "$bin/tsc" --strict --target es2020 --lib es2020,dom --module commonjs \
  --moduleResolution node --types node --typeRoots "$work/npm/node_modules/@types" "$@"; }
cp "$here/clients/openapi_fetch.ts" "$here/clients/typescript_fetch.ts" "$gen/"
ln -sfn "$work/npm/node_modules" "$gen/node_modules"
(cd "$gen" && tsc openapi_fetch.ts) >"$work/tsc-oats.log" 2>&1 || { cat "$work/tsc-oats.log" >&2; fail "tsc --strict: openapi-fetch caller"; }
(cd "$gen" && tsc typescript_fetch.ts) >"$work/tsc-fetch.log" 2>&1 || true
diagnostics_allowed "tsc --strict (typescript-fetch)" "$work/tsc-fetch.log" 'error TS'
gomod="$gen/ogen-go"
rm -rf "$gomod/test" "$gomod/vendor" && mkdir -p "$gomod/vendor/gopkg.in"
cp -r "$validator" "$gomod/vendor/gopkg.in/"
printf '# gopkg.in/validator.v2 v2.0.1\n## explicit\ngopkg.in/validator.v2\n' >"$gomod/vendor/modules.txt"
# The generator writes `go 1.23`; Debian stable's Go is older and builds this code fine.
sed -i 's/^go .*/go 1.19/' "$gomod/go.mod"
mkdir -p "$gomod/cmd/calls" && cp "$here/clients/go/main.go" "$gomod/cmd/calls/"
export GOFLAGS=-mod=vendor GOPROXY=off GOCACHE="$work/gocache" GOPATH="$work/gopath"
(cd "$gomod" && timeout 600 go build ./... && timeout 600 go vet ./...) || fail "go build / go vet"

step "typed calls against the server on 127.0.0.1:$port"
$server >"$work/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 1
done
calls() { # <what> <command...>
  local what="$1"; shift
  timeout 120 "$@" || { tail -n 20 "$work/server.log" >&2; fail "$what: calls failed"; }
}
calls "openapi-python-client" env PYTHONPATH="$gen/opc" "$py/python" "$here/clients/opc_python.py"
calls "openapi-generator python" "$py/python" "$here/clients/ogen_python.py"
calls "openapi-fetch" node "$gen/openapi_fetch.js"
calls "typescript-fetch" node "$gen/typescript_fetch.js"
calls "openapi-generator go" bash -c "cd '$gomod' && go run ./cmd/calls"
echo "clients: every generated client built and made its typed calls"
