#!/usr/bin/env bash
# Reads hearsay's Label Studio export with Label Studio's own converter
# (label-studio-converter from PyPI, installed into target/consumers-venv on
# first use). A tier of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=target/consumers-venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import label_studio_converter" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "label-studio-converter==0.0.59"
fi
cargo build --release --quiet -p hearsay-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$VENV/bin/python" tests/consumers/check_consumers.py target/release/hearsay "$work"
