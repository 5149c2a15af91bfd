#!/usr/bin/env bash
# Clients in other languages, as teams generate them from our documents: openapi-python-client
# and openapi-typescript (+ openapi-fetch) from the 3.1 document, openapi-generator's python,
# typescript-fetch and go from the 3.0.3 rendition. Each must generate without warnings caused
# by the document, build or typecheck (mypy, tsc --strict, go build + go vet), and make one
# typed call per API area against a real server on 127.0.0.1; the openapi-python-client caller
# also decodes a Responses stream, each event into the component that the media type's
# `x-sse-events` table names for it. Diagnostics that are the
# generators' own defects are listed, with the reason, in clients/allowlist.txt.
#
# Usage: bash .ci/gates/clients.sh <throwaway-dir>
# The server is kindo-mock (built like .ci/mock-sdk.sh does, on an ephemeral port). To use
# another one, set KINDO_CLIENTS_SERVER to its command line (e.g. Prism serving
# spec/kindo-api.openapi.json) and KINDO_CLIENTS_PORT to the port it listens on.
#
# The openapi-generator runs (one JVM each) and the Go build go to the background while the
# Python and TypeScript work runs in the foreground: on two cores that halves the wall time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mkdir -p "$1" && cd "$1" && pwd)"
doc31="$repo/spec/kindo-api.openapi.json"
doc30="$repo/spec/oas30/kindo-api.openapi.json"

start=$SECONDS
step() { printf '\n--> clients [%ss]: %s\n' "$((SECONDS - start))" "$*"; }
fail() { echo "clients: $*" >&2; exit 1; }

pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

# Runs `<command...>` in the background with its output in <log>; `joins` waits for it.
background() { # <log> <command...>
  local log="$1"; shift
  "$@" >"$log" 2>&1 &
  pids+=("$!")
}
joins() { # <what> <log>: waits for the last background job
  local pid="${pids[-1]}"
  wait "$pid" || { tail -n 40 "$2" >&2; fail "$1 failed"; }
  unset 'pids[-1]'
}

# Every diagnostic line in <log> must match a pattern of the allowlist (lines `regex  # why`).
diagnostics_allowed() { # <what> <log> <grep-pattern-of-diagnostic-lines>
  local what="$1" log="$2" pattern="$3" bad
  bad="$(grep -E "$pattern" "$log" | grep -v -E -f <(sed -e 's/[[:space:]]*#.*$//' -e '/^$/d' "$here/clients/allowlist.txt") || true)"
  if [ -n "$bad" ]; then
    printf '%s\n' "$bad" >&2
    fail "$what: the diagnostics above are not in .ci/gates/clients/allowlist.txt"
  fi
}

step "tools (pinned; PyPI, npm, Debian) and kindo-mock"
if [ -z "${KINDO_CLIENTS_SERVER:-}" ]; then
  # In CI .ci/mock-sdk.sh has built it already: this is a no-op there.
  background "$work/mock-build.log" bash -c "cd '$repo' && cargo build --quiet --locked -p kindo-mock"
  mock_build="${pids[-1]}"
fi
mkdir -p "$work/npm"
cp "$here/clients/package.json" "$here/clients/package-lock.json" "$work/npm/"
background "$work/npm.log" bash -c "cd '$work/npm' && timeout 600 npm ci --no-audit --no-fund --cache '$work/npm-cache'"
python3 -m venv "$work/venv"
py="$work/venv/bin"
timeout 600 "$py/pip" install --quiet --disable-pip-version-check --cache-dir "$work/pip-cache" \
  -r "$here/clients/requirements.txt"
joins "npm ci" "$work/npm.log"
bin="$work/npm/node_modules/.bin"
validator=/usr/share/gocode/src/gopkg.in/validator.v2
if ! command -v go >/dev/null || [ ! -d "$validator" ]; then
  # The generated Go client imports gopkg.in/validator.v2; Debian packages it, so no Go proxy.
  timeout 600 apt-get update -qq && timeout 600 apt-get install -y -qq golang-go golang-gopkg-validator.v2-dev >/dev/null
fi
export PATH="$py:$PATH"
go version

gen="$work/gen"
rm -rf "$gen" && mkdir -p "$gen/opc"
export GOFLAGS=-mod=vendor GOPROXY=off GOCACHE="$work/gocache" GOPATH="$work/gopath"
gomod="$gen/ogen-go"

# openapi-generator (3.0.3 rendition): python, typescript-fetch, go, then the Go build, in the
# background. Each generator's log is checked against the allowlist afterwards.
ogen() { # <generator> <out> [options...]
  local g="$1" out="$2"; shift 2
  echo "openapi-generator $g"
  timeout 600 "$py/openapi-generator-cli" generate -g "$g" -i "$doc30" -o "$out" "$@" >"$work/ogen-$g.log" 2>&1 \
    || { tail -n 40 "$work/ogen-$g.log"; echo "openapi-generator $g failed"; return 1; }
}
generate_and_build_java_side() {
  set -e
  ogen python "$gen/ogen-python" --package-name kindo_api_ogen
  ogen typescript-fetch "$gen/client"
  ogen go "$gomod" --package-name kindoapi --git-host kindo.local --git-user-id kindo --git-repo-id kindoapi
  rm -rf "$gomod/test" "$gomod/vendor" && mkdir -p "$gomod/vendor/gopkg.in"
  cp -r "$validator" "$gomod/vendor/gopkg.in/"
  # Debian's validator.v2 is a 2016 snapshot, older than the v2.0.1 the generated go.mod
  # requires: its Validate rejects every value that is not a struct, which breaks the generated
  # decoders of string-or-array unions. Give it v2.0.1's behaviour (clients/go/ says how).
  local v="$gomod/vendor/gopkg.in/validator.v2"
  chmod -R u+w "$v"
  cp "$here/clients/go/validator_collections.go" "$v/"
  perl -0pi -e 's/(\tif sv\.Kind\(\) != reflect\.Struct \{\n\t\treturn )ErrUnsupported(\n\t\})/$1mv.validateOther(sv)$2/ or die "validator.v2: the non-struct case to patch is not there\n"' "$v/validator.go"
  printf '# gopkg.in/validator.v2 v2.0.1\n## explicit\ngopkg.in/validator.v2\n' >"$gomod/vendor/modules.txt"
  # The generator writes `go 1.23`; Debian stable's Go is older and builds this code fine.
  sed -i 's/^go .*/go 1.19/' "$gomod/go.mod"
  mkdir -p "$gomod/cmd/calls" && cp "$here/clients/go/main.go" "$gomod/cmd/calls/"
  echo "go build + go vet"
  cd "$gomod" && timeout 600 go build ./... && timeout 600 go vet ./...
}
step "generate: openapi-generator python, typescript-fetch, go (3.0.3) and go build + vet, in the background"
background "$work/java-side.log" generate_and_build_java_side

step "generate: openapi-python-client, openapi-typescript (3.1)"
timeout 300 "$py/openapi-python-client" generate --path "$doc31" --meta none \
  --output-path "$gen/opc/kindo_api_client" >"$work/opc.log" 2>&1 || { cat "$work/opc.log" >&2; fail "openapi-python-client failed"; }
if grep -q "Warning" "$work/opc.log"; then cat "$work/opc.log" >&2; fail "openapi-python-client warned"; fi
timeout 300 "$bin/openapi-typescript" "$doc31" -o "$gen/kindo-api.d.ts" >"$work/oats.log" 2>&1 || { cat "$work/oats.log" >&2; fail "openapi-typescript failed"; }
diagnostics_allowed openapi-typescript "$work/oats.log" '[Ww]arn|⚠'

step "typecheck: mypy (openapi-python-client), tsc --strict (openapi-fetch)"
# One mypy cache for both Python clients: the second run reuses the analysis of their shared
# dependencies (typeshed, pydantic, httpx...).
mypy() { timeout 600 "$py/mypy" --cache-dir "$work/mypy-cache" "$@"; }
(cd "$gen/opc" && mypy kindo_api_client) >"$work/mypy-opc.log" 2>&1 || true
diagnostics_allowed "mypy (openapi-python-client)" "$work/mypy-opc.log" 'error:'
grep -q '^Success\|^Found' "$work/mypy-opc.log" || { cat "$work/mypy-opc.log" >&2; fail "mypy (openapi-python-client) did not run"; }
tsc() { timeout 600 "$bin/tsc" --strict --target es2020 --lib es2020,dom --module commonjs \
  --moduleResolution node --types node --typeRoots "$work/npm/node_modules/@types" "$@"; }
cp "$here/clients/openapi_fetch.ts" "$here/clients/typescript_fetch.ts" "$gen/"
ln -sfn "$work/npm/node_modules" "$gen/node_modules"
(cd "$gen" && tsc openapi_fetch.ts) >"$work/tsc-oats.log" 2>&1 || { cat "$work/tsc-oats.log" >&2; fail "tsc --strict: openapi-fetch caller"; }

step "waiting for openapi-generator and the Go build"
joins "openapi-generator / go build / go vet" "$work/java-side.log"
cat "$work/java-side.log"
for g in python typescript-fetch go; do
  diagnostics_allowed "openapi-generator $g" "$work/ogen-$g.log" '\bWARN\b|\bERROR\b'
done

step "typecheck: mypy (openapi-generator python), tsc --strict (typescript-fetch)"
(cd "$gen/ogen-python" && mypy kindo_api_ogen) >"$work/mypy-ogen.log" 2>&1 || true
diagnostics_allowed "mypy (openapi-generator python)" "$work/mypy-ogen.log" 'error:'
grep -q '^Success\|^Found' "$work/mypy-ogen.log" || { cat "$work/mypy-ogen.log" >&2; fail "mypy (openapi-generator python) did not run"; }
(cd "$gen" && tsc typescript_fetch.ts) >"$work/tsc-fetch.log" 2>&1 || true
diagnostics_allowed "tsc --strict (typescript-fetch)" "$work/tsc-fetch.log" 'error TS'
[ -f "$gen/typescript_fetch.js" ] || { cat "$work/tsc-fetch.log" >&2; fail "tsc wrote no typescript_fetch.js"; }

if [ -n "${KINDO_CLIENTS_SERVER:-}" ]; then
  port="${KINDO_CLIENTS_PORT:?set KINDO_CLIENTS_PORT to the port KINDO_CLIENTS_SERVER listens on}"
  step "typed calls against $KINDO_CLIENTS_SERVER on 127.0.0.1:$port"
  # shellcheck disable=SC2086 # the variable is a command line
  background "$work/server.log" timeout 900 $KINDO_CLIENTS_SERVER
  for _ in $(seq 1 60); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 1
  done
  export KINDO_BASE_URL="http://127.0.0.1:$port"
else
  wait "$mock_build" || { cat "$work/mock-build.log" >&2; fail "cargo build -p kindo-mock failed"; }
  mock="${CARGO_TARGET_DIR:-$repo/target}/debug/kindo-mock"
  # Ephemeral ports; the mock prints `listening <document> http://ADDR` once it accepts.
  timeout 900 "$mock" --api 127.0.0.1:0 --llm 127.0.0.1:0 --koda 127.0.0.1:0 --seed 1 \
    >"$work/mock.out" 2>"$work/server.log" &
  pids+=("$!")
  for _ in $(seq 100); do
    grep -q '^listening kindo-api ' "$work/mock.out" && break
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/server.log" >&2; fail "kindo-mock exited"; }
    sleep 0.1
  done
  KINDO_BASE_URL="$(awk '$1 == "listening" && $2 == "kindo-api" { print $3 }' "$work/mock.out")"
  [ -n "$KINDO_BASE_URL" ] || fail "kindo-mock did not start listening"
  export KINDO_BASE_URL
  step "typed calls against kindo-mock at $KINDO_BASE_URL"
fi
calls() { # <what> <command...>
  local what="$1"; shift
  timeout 120 "$@" || { tail -n 20 "$work/server.log" >&2; fail "$what: calls failed"; }
}
calls "openapi-python-client" env PYTHONPATH="$gen/opc" KINDO_DOCUMENT="$doc31" "$py/python" "$here/clients/opc_python.py"
calls "openapi-generator python" env PYTHONPATH="$gen/ogen-python" "$py/python" "$here/clients/ogen_python.py"
calls "openapi-fetch" node "$gen/openapi_fetch.js"
calls "typescript-fetch" node "$gen/typescript_fetch.js"
calls "openapi-generator go" bash -c "cd '$gomod' && go run ./cmd/calls"
step "every generated client built and made its typed calls"
