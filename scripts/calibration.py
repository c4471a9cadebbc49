#!/usr/bin/env python3
"""Calibration of an export's confidences against PolNeAR-style gold.

usage: calibration.py EXPORT.json GOLD.json... [--json]

Uses the shared scorer's matching (../shared/eval/score.py, found next to
the gold files' corpus): a quote suggestion is right when it overlaps a gold
quote, reported speech or optional fragment (the scorer's precision); a
speaker is right when, for a gold quote or reported speech the suggestion
overlaps, it holds one of the gold head words (the scorer's speaker
accuracy). Prints the expected calibration error (ten equal-width bins) and
the reliability table of `confidence` for quotes and of `speaker_confidence`
for speakers.
"""
import json
import os
import sys


def load_scorer(gold_path):
    here = os.path.dirname(os.path.abspath(gold_path))
    for up in (here, os.path.dirname(here), os.path.dirname(os.path.dirname(here))):
        cand = os.path.join(up, "eval", "score.py")
        if os.path.exists(cand):
            sys.path.insert(0, os.path.dirname(cand))
            import score  # noqa: E402
            return score
    sys.exit("calibration.py: cannot find eval/score.py next to the gold files")


def table(pairs):
    bins = [[0, 0.0, 0] for _ in range(10)]
    for c, y in pairs:
        k = min(int(max(0.0, min(1.0, c)) * 10), 9)
        bins[k][0] += 1
        bins[k][1] += c
        bins[k][2] += int(y)
    n = len(pairs)
    ece = sum(b[0] / n * abs(b[1] / b[0] - b[2] / b[0]) for b in bins if b[0]) if n else 0.0
    rows = [{"bin": f"{k / 10:.1f}-{(k + 1) / 10:.1f}", "count": b[0],
             "confidence": round(b[1] / b[0], 3), "accuracy": round(b[2] / b[0], 3)}
            for k, b in enumerate(bins) if b[0]]
    return round(ece, 4), rows


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    sc = load_scorer(args[1])
    export = json.load(open(args[0], encoding="utf-8"))
    docs = {str(d.get("name", "")).rsplit("/", 1)[-1]: d for d in export.get("documents", [])}
    quotes, speakers = [], []
    for path in args[1:]:
        g = json.load(open(path, encoding="utf-8"))
        d = docs.get(g["doc"])
        if d is None:
            continue
        anns = [a for a in d.get("annotations", []) if a.get("label") == "quote"]
        heads = lambda q: q.get("speakers") or [q["speaker"]]  # noqa: E731
        gold = [(sc.norm(q["text"]), heads(q)) for q in g.get("quotes", []) + g.get("reported", [])]
        frags = [f for f, _ in gold] + [sc.norm(x) for x in g.get("optional", [])]
        for a in anns:
            t = sc.norm(a.get("text", ""))
            quotes.append((a["confidence"], any(sc.overlaps(t, f) or f in t for f in frags)))
            if a.get("speaker_confidence") is None:
                continue
            matched = [h for f, h in gold if sc.overlaps(t, f)]
            if matched:
                ok = any(sc.speaker_ok(a.get("speaker"), h) for h in matched)
                speakers.append((a["speaker_confidence"], ok))
    result = {}
    for name, pairs in (("quote", quotes), ("speaker", speakers)):
        ece, rows = table(pairs)
        result[name] = {"n": len(pairs), "ece": ece, "reliability": rows}
    if "--json" in argv:
        print(json.dumps(result))
        return
    for name, r in result.items():
        print(f"{name} confidence: n={r['n']} ECE={r['ece']}")
        for row in r["reliability"]:
            print(f"  {row['bin']}  n={row['count']:5}  confidence {row['confidence']:.3f}  accuracy {row['accuracy']:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
