#!/usr/bin/env python3
"""Checks `hearsay score`'s team figures against independent implementations.

On random teams (2 to 5 annotators, 5 to 60 sentences, each annotator
labelling whole sentences at random), the per-label Fleiss' kappa and
Krippendorff's nominal alpha of `hearsay score --json` must equal
statsmodels' `fleiss_kappa` and the `krippendorff` package's `alpha`; for
two annotators, the pair's kappa must equal statsmodels' `cohens_kappa`.
The unit tests check the same code against published worked examples
(Fleiss 1971 via Wikipedia; Krippendorff 2011 with missing values).

Not part of `make test`: it installs statsmodels and krippendorff into
target/agreement-venv (from PyPI) the first time.

usage: scripts/check_agreement.py [TRIALS]   (default 200)
"""

import json
import os
import random
import subprocess
import sys
import tempfile
import venv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "agreement-venv")
PACKAGES = ["statsmodels==0.14.5", "krippendorff==0.8.1", "numpy<2.4"]
LABELS = ["quote", "claim", "denial"]


def ensure_venv():
    """Re-runs this script inside the venv, creating it when missing."""
    python = os.path.join(VENV, "bin", "python")
    if sys.prefix == VENV:
        return
    if not os.path.exists(python):
        venv.create(VENV, with_pip=True)
        subprocess.run([python, "-m", "pip", "install", "-q", *PACKAGES], check=True)
    os.execv(python, [python, *sys.argv])


def team(rng):
    """A random team's exports and the ratings they give, per label:
    ratings[label][sentence][annotator] is 1 when the annotator put the
    label on the sentence."""
    n_annotators = rng.randint(2, 5)
    n_sentences = rng.randint(5, 60)
    sentences, text = [], ""
    for i in range(n_sentences):
        body = f"Sentence {i} says something {rng.choice(['new', 'old', 'odd'])}."
        start = len(text)
        text += body
        sentences.append({"start": start, "end": len(text), "boilerplate": False, "paragraph": 0})
        text += " "
    rates = {label: rng.uniform(0.05, 0.6) for label in LABELS}
    # Sentences every annotator leans towards labelling, so teams agree more
    # than chance.
    lean = {(s, label): rng.random() < 0.25 for s in range(n_sentences) for label in LABELS}
    ratings = {label: [[0] * n_annotators for _ in range(n_sentences)] for label in LABELS}
    exports = []
    for a in range(n_annotators):
        annotations = []
        for s, sentence in enumerate(sentences):
            for label in LABELS:
                if (lean[(s, label)] and rng.random() < 0.8) or rng.random() < rates[label]:
                    ratings[label][s][a] = 1
                    annotations.append({
                        "id": f"a{len(annotations) + 1}", "label": label,
                        "start": sentence["start"], "end": sentence["end"],
                        "text": text[sentence["start"]:sentence["end"]], "kind": None,
                        "speaker": None, "speaker_span": None, "cue": None, "confidence": 1.0,
                        "speaker_confidence": None, "origin": "annotator", "status": "accepted",
                    })
        exports.append({
            "format": "hearsay", "version": 1, "offsets": "codepoint", "annotator": f"a{a}",
            "documents": [{"id": "d", "name": "d.txt", "text": text, "sentences": sentences,
                           "annotations": annotations}],
        })
    return exports, ratings


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) < 1e-9


def main():
    ensure_venv()
    import warnings

    # statsmodels warns about its z statistic when kappa's variance is 0.
    warnings.simplefilter("ignore", RuntimeWarning)
    import numpy as np
    import krippendorff
    from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa

    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "hearsay-cli"], cwd=ROOT, check=True)
    hearsay = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "hearsay")
    rng = random.Random(20261202)
    checked = {"fleiss": 0, "alpha": 0, "cohen": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for trial in range(trials):
            exports, ratings = team(rng)
            files = []
            for e in exports:
                path = os.path.join(tmp, f"{e['annotator']}.json")
                with open(path, "w") as f:
                    json.dump(e, f)
                files.append(path)
            out = subprocess.run([hearsay, "score", "--json", *files], capture_output=True, text=True, check=True)
            result = json.loads(out.stdout)
            by_label = {l["label"]: l for l in result["labels"]}
            for label in LABELS:
                table = np.array(ratings[label])
                yes = table.sum(axis=1)
                counts = np.stack([yes, table.shape[1] - yes], axis=1)
                # Every rating the same: no kappa (statsmodels gives NaN).
                want = None if len(np.unique(table)) == 1 else float(fleiss_kappa(counts, method="fleiss"))
                got = by_label[label]["fleiss_kappa"]
                assert close(got, want), f"trial {trial} {label}: fleiss {got} != {want}"
                checked["fleiss"] += 1
                values = table.T.astype(float)
                if len(np.unique(values)) > 1:
                    want = float(krippendorff.alpha(reliability_data=values, level_of_measurement="nominal"))
                    got = by_label[label]["alpha"]
                    assert close(got, want), f"trial {trial} {label}: alpha {got} != {want}"
                    checked["alpha"] += 1
                if table.shape[1] == 2:
                    a, b = table[:, 0], table[:, 1]
                    cross = np.array([[np.sum((a == 1) & (b == 1)), np.sum((a == 1) & (b == 0))],
                                      [np.sum((a == 0) & (b == 1)), np.sum((a == 0) & (b == 0))]])
                    if cross[0].sum() + cross[:, 0].sum() > 0 and cross[1, 1] < table.shape[0]:
                        want = float(cohens_kappa(cross).kappa)
                        got = by_label[label]["kappa"]
                        if np.isfinite(want):
                            assert close(got, want), f"trial {trial} {label}: cohen {got} != {want}"
                            checked["cohen"] += 1
    print(f"{trials} random teams: Fleiss' kappa {checked['fleiss']}, alpha {checked['alpha']}, "
          f"Cohen's kappa {checked['cohen']} figures equal to statsmodels and krippendorff")


if __name__ == "__main__":
    main()
