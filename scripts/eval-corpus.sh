#!/usr/bin/env bash
# Scores the extractor on the shared measuring corpora and prints the
# score.py summaries: the figures quoted for hearsay-core come from here.
#
# usage: scripts/eval-corpus.sh [SHARED_DIR]
#   SHARED_DIR defaults to ../shared next to the repository root.
# Set VERBOSE=1 to print every miss as well as the summaries.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${1:-$root/../shared}"
shared="$(cd "$shared" && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

(cd "$root" && CARGO_TARGET_DIR="$target" cargo build --release --quiet -p hearsay-cli)
hearsay="$target/release/hearsay"

score() {
  local name="$1" export="$2"
  shift 2
  echo "== $name"
  if [[ "${VERBOSE:-0}" == 1 ]]; then
    python3 "$shared/eval/score.py" "$export" "$@"
  else
    python3 "$shared/eval/score.py" "$export" "$@" | grep -v '^  '
  fi
}

"$hearsay" extract -o "$out/corpus.json" "$shared"/corpus/*.txt
score "corpus (gold/)" "$out/corpus.json" "$shared"/corpus/gold/*.json

"$hearsay" extract -o "$out/polnear.json" "$shared"/corpus/polnear-dev/*.txt
score "polnear-dev" "$out/polnear.json" "$shared"/corpus/polnear-dev/*.gold.json
echo "== polnear-dev calibration (scripts/calibration.py)"
python3 "$root/scripts/calibration.py" "$out/polnear.json" "$shared"/corpus/polnear-dev/*.gold.json

"$hearsay" extract -o "$out/checkthat.json" "$shared"/corpus/checkthat-train/*.txt
echo "== checkthat-train claims, shipped model (in-sample; leave-one-debate-out: make train-report)"
python3 "$shared/eval/claims.py" score "$out/checkthat.json" "$shared"/corpus/checkthat-train
