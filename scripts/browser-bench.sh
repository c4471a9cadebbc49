#!/usr/bin/env bash
# Builds the release page and runs the browser benchmark (tests/e2e/bench.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release >/dev/null
node tests/e2e/bench.mjs
