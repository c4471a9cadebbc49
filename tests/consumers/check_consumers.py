#!/usr/bin/env python3
"""Checks hearsay's exports with the other tools' own Python libraries.

usage: check_consumers.py HEARSAY_BIN WORKDIR

Extracts the project's sample articles (one full of emoji, flags and a ZWJ
family, where UTF-16 and code point offsets differ), accepts every
suggestion, converts the export with `hearsay convert`, then reads the
result with the consumer libraries published on PyPI:
label-studio-converter (Label Studio's own converter) reads the tasks and
writes its JSON-min export: every region's start/end must cut exactly its
text out of the task text. (doccano's published reader, doccano-transformer,
needs spaCy 2 and does not install on Python 3.11; the doccano shape is
checked field by field in the Rust tests.)
Prints "N passed, N failed" and exits non-zero on any failure.
"""
import json
import os
import subprocess
import sys

PASSED, FAILED = 0, 0


def check(name, ok, detail=""):
    global PASSED, FAILED
    if ok:
        PASSED += 1
        print(f"ok - {name}")
    else:
        FAILED += 1
        print(f"not ok - {name} {detail}")


def main():
    binary, work = sys.argv[1], sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.makedirs(work, exist_ok=True)
    sample = os.path.join(work, "emoji.txt")
    with open(sample, "w", encoding="utf-8") as f:
        f.write("“Go 👩‍👩‍👧 team, go 🇫🇷!” said fan Lea Moss 😀 after the match.\n\n"
                "The club rejected the offer 🚫, its chair Ivo Bakker said.\n")
    articles = [sample, os.path.join(root, "tests", "e2e", "fixtures", "article.txt")]
    export_path = os.path.join(work, "export.json")
    subprocess.run([binary, "extract", "-o", export_path, *articles], check=True)
    export = json.load(open(export_path, encoding="utf-8"))
    for doc in export["documents"]:
        for a in doc["annotations"]:
            a["status"] = "accepted"
    # The file must stay a valid export: utf16 offsets and hashes are derived
    # from text and spans, which are unchanged.
    json.dump(export, open(export_path, "w", encoding="utf-8"), ensure_ascii=False)
    n_spans = sum(len(d["annotations"]) for d in export["documents"])
    check("the sample has annotations to convert", n_spans > 5, f"({n_spans})")

    # Label Studio, read by label-studio-converter.
    from label_studio_converter import Converter

    tasks_path = os.path.join(work, "tasks.json")
    subprocess.run([binary, "convert", "--to", "label-studio", "-o", tasks_path, export_path], check=True)
    # The labelling configuration of interop::label_studio::CONFIG.
    xml = ('<View><Relations><Relation value="said_by"/></Relations>'
           '<Labels name="label" toName="text"><Label value="Quote"/><Label value="Claim"/>'
           '<Label value="Denial"/><Label value="Speaker"/></Labels><Text name="text" value="$text"/></View>')
    out_dir = os.path.join(work, "ls-out")
    converter = Converter(config=xml, project_dir=work, download_resources=False)
    converter.convert_to_json_min(tasks_path, out_dir, is_dir=False)
    items = json.load(open(os.path.join(out_dir, "result.json"), encoding="utf-8"))
    check("label-studio-converter reads every task", len(items) == len(export["documents"]), f"({len(items)})")
    n_regions = 0
    for item in items:
        text = item["text"]
        for region in item.get("label", []):
            n_regions += 1
            cut = text[region["start"]:region["end"]]
            check(f"label-studio region {region['start']}..{region['end']} cuts its text",
                  cut == region["text"], f"{cut!r} != {region['text']!r}")
    check("label-studio regions cover every annotation", n_regions >= n_spans, f"({n_regions} < {n_spans})")

    print(f"{PASSED} passed, {FAILED} failed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
