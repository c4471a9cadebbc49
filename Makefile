# The two commands of the README. Both install what is missing first
# (scripts/setup.sh) and are fast the second time.
.PHONY: serve test setup bench eval

## serve: set everything up and serve the annotator on http://127.0.0.1:8080/
serve: setup
	@bash scripts/serve.sh

## test: set everything up and run every test tier; ends with "N passed, N failed"
test: setup
	@bash scripts/test.sh

setup:
	@bash scripts/setup.sh

## bench: native core throughput, then the browser benchmark
bench: setup
	cargo bench -p hearsay-core
	@bash scripts/browser-bench.sh

## eval: score the extractor on ../shared/corpus with ../shared/eval/score.py
eval:
	@bash scripts/eval-corpus.sh
