#!/usr/bin/env bash
# Builds the annotator and serves it on 127.0.0.1 (Ctrl+C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
PORT="${PORT:-8080}"
echo "hearsay: building; the annotator will be at http://127.0.0.1:$PORT/ (demo article loaded)"
exec trunk serve --release --no-autoreload --disable-address-lookup --address 127.0.0.1 --port "$PORT"
