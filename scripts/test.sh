#!/usr/bin/env bash
# Runs every test tier, fast to slow, and ends with one line:
# "N passed, N failed". Exits non-zero if any tier failed. Each tier's full
# output is in target/test-logs/<tier>.log.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

LOGS=target/test-logs
mkdir -p "$LOGS"
PASSED=0
FAILED=0
FAILED_TIERS=()

# Counts tests in a log: cargo's and wasm-bindgen-test's "test result:"
# lines and node's "# pass"/"# fail" lines. A tier with no such line (a
# lint or a build) counts as one check.
count() {
  local log=$1 rc=$2 p f
  p=$(grep -hoE '(test result: [a-zA-Z]+\. [0-9]+ passed|^# pass [0-9]+|^ℹ pass [0-9]+|^[0-9]+ passed, [0-9]+ failed$)' "$log" | grep -oE '^[^,]*' | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  f=$(grep -hoE '([0-9]+ failed;|^# fail [0-9]+|^ℹ fail [0-9]+|^[0-9]+ passed, [0-9]+ failed$)' "$log" | grep -oE '[0-9]+ failed|fail [0-9]+' | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  p=${p:-0}; f=${f:-0}
  if [ "$p" = 0 ] && [ "$f" = 0 ]; then
    if [ "$rc" = 0 ]; then p=1; else f=1; fi
  elif [ "$rc" != 0 ] && [ "$f" = 0 ]; then
    f=1 # the runner failed outside any test (a build error, a crash)
  fi
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  printf '    %s passed, %s failed\n' "$p" "$f"
}

tier() {
  local name=$1; shift
  printf '\033[1m--- %s: %s\033[0m\n' "$name" "$*"
  local start=$SECONDS
  "$@" >"$LOGS/$name.log" 2>&1
  local rc=$?
  if [ $rc != 0 ]; then
    FAILED_TIERS+=("$name")
    tail -n 40 "$LOGS/$name.log"
  fi
  count "$LOGS/$name.log" $rc
  printf '    (%ss)\n' $((SECONDS - start))
  return $rc
}

tier fmt cargo fmt --all --check
tier clippy cargo clippy --workspace --all-targets -- -D warnings
tier clippy-wasm cargo clippy -p hearsay-web --target wasm32-unknown-unknown --all-targets -- -D warnings
tier unit cargo test --workspace
tier consumers bash tests/consumers/run.sh
tier python bash tests/python/run.sh
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=120
tier browser cargo test -p hearsay-web --target wasm32-unknown-unknown --test browser
if tier build trunk build --release; then
  tier e2e node --test --test-concurrency=1 tests/e2e/
else
  echo "    e2e skipped: the build failed"
  FAILED=$((FAILED + 1)); FAILED_TIERS+=("e2e")
fi

echo
if [ ${#FAILED_TIERS[@]} -gt 0 ]; then
  echo "failed tiers: ${FAILED_TIERS[*]} (logs in $LOGS/)"
fi
echo "$PASSED passed, $FAILED failed"
[ ${#FAILED_TIERS[@]} = 0 ]
