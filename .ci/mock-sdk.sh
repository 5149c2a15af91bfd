#!/usr/bin/env bash
# kindo-mock in CI: the stock openai/anthropic Python SDKs run full flows against the built mock
# on 127.0.0.1 (tests/mock_sdk/flows.py), then schemathesis fuzzes the mock with the 3.1
# documents (tests/mock_sdk/schemathesis.sh). Tools go into a throwaway venv; the mock and
# every client run are bounded with `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cargo build --quiet --locked -p kindo-mock
# Ephemeral ports; the mock prints `listening <document> http://ADDR` once it accepts.
timeout 1200 "${CARGO_TARGET_DIR:-target}/debug/kindo-mock" --api 127.0.0.1:0 --llm 127.0.0.1:0 --koda 127.0.0.1:0 \
  --seed 1 --api-key sdk-flow-key --api-key st-key >"$work/mock.out" 2>"$work/mock.err" &
pid=$!
for _ in $(seq 100); do
  [[ "$(grep -c '^listening ' "$work/mock.out" || true)" == 3 ]] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/mock.err" >&2; echo "mock-sdk: kindo-mock exited" >&2; exit 1; }
  sleep 0.1
done
url() { awk -v d="$1" '$1 == "listening" && $2 == d { print $3 }' "$work/mock.out"; }
api="$(url kindo-api)"
[[ -n "$api" ]] || { echo "mock-sdk: kindo-mock did not start listening" >&2; exit 1; }
cat "$work/mock.out"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check -r tests/mock_sdk/requirements.txt
timeout 300 "$work/venv/bin/python" tests/mock_sdk/flows.py "$api"

if [[ -f tests/mock_sdk/schemathesis.sh ]]; then
  bash tests/mock_sdk/schemathesis.sh "$work" "$api" "$(url kindo-llm)" "$(url koda-control-plane)"
fi
