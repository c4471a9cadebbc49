# The two commands of the README. Both install what is missing first
# (scripts/setup.sh) and are fast the second time.
.PHONY: serve test setup bench eval compare fuzz train train-report

## serve: set everything up and serve the annotator on http://127.0.0.1:8080/
## (the Python tier's venv and JDK are left for `make test`)
serve:
	@bash scripts/setup.sh web
	@bash scripts/serve.sh

## test: set everything up and run every test tier; ends with "N passed, N failed"
test: setup
	@bash scripts/test.sh

setup:
	@bash scripts/setup.sh

## bench: native core throughput, growth at 1/10/100 MB, then the browser benchmark
bench: setup
	cargo bench -p hearsay-core
	cargo build --release -q -p hearsay-cli
	python3 scripts/bench_scaling.py target/release/hearsay 1 10 100
	@bash scripts/browser-bench.sh

## compare: textacy+spaCy and hearsay side by side (installs them into target/compare-venv)
compare:
	@bash scripts/compare-textacy.sh

## eval: score the extractor on ../shared/corpus with ../shared/eval/score.py,
## the calibration of its confidences, and the claim ranking (claims.py)
eval:
	@bash scripts/eval-corpus.sh

## train: rebuild every model in crates/hearsay-core/models from ../shared/corpus
## (deterministic: the same corpus gives byte-identical files)
train:
	cargo run --release -q -p hearsay-train -- models

## train-report: dev figures, ablation and learning curves; claim MAP leaving
## each debate out; train 5-fold cross-validation
train-report:
	cargo run --release -q -p hearsay-train -- report
	cargo run --release -q -p hearsay-train -- cv

## fuzz: each cargo-fuzz target for FUZZ_SECONDS (default 3600); not part of `make test`
FUZZ_SECONDS ?= 3600
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	# cargo-fuzz passes -Z flags: RUSTC_BOOTSTRAP lets the stable toolchain take them.
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O analyze -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O import -- -max_total_time=$(FUZZ_SECONDS) -max_len=8192
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O bundle -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536
