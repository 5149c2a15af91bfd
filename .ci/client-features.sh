#!/usr/bin/env bash
# kindo-client's document features (`api`, `llm`, `koda`: one per registry entry, listed in
# the generated crates/kindo-client/src/generated/mod.rs) build warning-free alone (the
# default, all of them, is linted by the workspace clippy run); `--all` checks every non-empty
# subset (2^n - 1) instead. With no document at all the crate builds too (checked last), but
# its transport helpers then serve nothing and are reported unused, so warnings are allowed.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t modules < <(sed -n 's/^pub mod \([a-z0-9_]*\);$/\1/p' crates/kindo-client/src/generated/mod.rs)
[[ ${#modules[@]} -gt 0 ]] || { echo "no client modules in generated/mod.rs" >&2; exit 1; }

sets=()
if [[ "${1:-}" == "--all" ]]; then
  for ((mask = 1; mask < (1 << ${#modules[@]}); mask++)); do
    set=()
    for i in "${!modules[@]}"; do (( mask & (1 << i) )) && set+=("${modules[$i]}"); done
    sets+=("$(IFS=,; echo "${set[*]}")")
  done
else
  sets+=("${modules[@]}")
fi

for features in "${sets[@]}"; do
  echo "kindo-client --no-default-features --features ${features}"
  cargo clippy --quiet --locked -p kindo-client --lib --no-default-features --features "$features" -- -D warnings
done
echo "kindo-client --no-default-features (no document)"
cargo check --quiet --locked -p kindo-client --lib --no-default-features 2>/dev/null
