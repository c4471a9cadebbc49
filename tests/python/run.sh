#!/usr/bin/env bash
# The Python tier: builds the `hearsay` package into target/py-venv (set
# up by scripts/setup.sh) and the CLI the tests compare with, then runs the
# tests (local Spark included); ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
source target/py-venv/bin/activate
maturin develop --release --quiet -m crates/hearsay-py/Cargo.toml
cargo build --release --quiet -p hearsay-cli
cd tests/python
exec python -W ignore::ResourceWarning run.py
