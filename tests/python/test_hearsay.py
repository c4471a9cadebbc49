"""The Python package: the three calls, bad rows, the released interpreter,
and agreement with the `hearsay` command line."""

import doctest
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest

import pyarrow as pa

import hearsay
from hearsay import _hearsay
from articles import articles

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.path.join(ROOT, "target", "release", "hearsay")

TEXT = "“We will not give in,” union leader Petra Lind said. Fares rose 12% in 2025."


def cli_export(texts):
    """`hearsay extract` on `texts`, written as files in order: its export."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = os.path.join(tmp, f"{i:05}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            paths.append(path)
        out = subprocess.run([CLI, "extract", *paths], check=True, capture_output=True)
    return json.loads(out.stdout)


def cli_documents(texts):
    """`hearsay extract` on `texts`: its documents."""
    return cli_export(texts)["documents"]


class Analyze(unittest.TestCase):
    def test_a_document_of_the_contract(self):
        doc = hearsay.analyze(TEXT)
        self.assertEqual(doc["text"], TEXT)
        self.assertEqual(doc["sha256"], hashlib.sha256(TEXT.encode()).hexdigest())
        quote = next(a for a in doc["annotations"] if a["label"] == "quote")
        self.assertEqual(quote["speaker"], "Petra Lind")
        self.assertEqual(quote["kind"], "direct")
        # Offsets count code points, as the contract says.
        self.assertEqual(TEXT[quote["start"]:quote["end"]], quote["text"])
        self.assertEqual(len(doc["sentences"]), 2)

    def test_what_is_not_a_text_is_refused(self):
        for bad in [None, 5, "\ud800", b"\xff"]:
            with self.assertRaises(ValueError, msg=repr(bad)):
                hearsay.analyze(bad)

    def test_the_docstring_examples_hold(self):
        self.assertEqual(doctest.testmod(hearsay).failed, 0)


class Batch(unittest.TestCase):
    def test_bad_rows_are_reported_in_place_and_the_batch_goes_on(self):
        huge = "word " * (hearsay.MAX_TEXT_BYTES // 5 + 1)
        rows = [TEXT, None, 42, "\ud800", b"\xff\xfe", huge, "The mayor said taxes would rise."]
        docs = hearsay.analyze_batch(rows)
        self.assertEqual([d["id"] for d in docs], [f"d{i + 1}" for i in range(len(rows))])
        self.assertEqual(docs[0]["annotations"], hearsay.analyze(TEXT)["annotations"])
        self.assertEqual(docs[1]["error"], "no text (None)")
        self.assertEqual(docs[2]["error"], "not a text (int)")
        self.assertIn("not valid UTF-8", docs[3]["error"])
        self.assertIn("not valid UTF-8", docs[4]["error"])
        self.assertIn("MB is more than the 16 MB", docs[5]["error"])
        self.assertTrue(docs[6]["annotations"])

    def test_the_same_annotations_as_the_command_line(self):
        texts = articles(40, seed=3)
        ours = hearsay.analyze_batch(texts)
        theirs = cli_documents(texts)
        self.assertEqual(len(ours), len(theirs))
        for a, b in zip(ours, theirs):
            self.assertEqual(a["id"], b["id"])
            self.assertEqual(a["sentences"], b["sentences"])
            self.assertEqual(a["annotations"], b["annotations"])

    def test_the_interpreter_runs_other_threads_meanwhile(self):
        # A long analysis in a thread; this thread counts while the call is
        # under way. With the interpreter held by the core it could not run
        # until the call returned: with the switch interval at a
        # microsecond it counted 722 times (in the calls' bytecodes around
        # the native one); released, 1.3 million on 0.9 MB.
        text = "\n\n".join(articles(2000, seed=5))
        state = {"in": False, "out": False}

        def work():
            state["in"] = True
            state["docs"] = _hearsay.analyze_batch_json([text])
            state["out"] = True

        interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)
        try:
            worker = threading.Thread(target=work)
            count = 0
            worker.start()
            while not state["out"]:
                if state["in"]:
                    count += 1
            worker.join()
        finally:
            sys.setswitchinterval(interval)
        self.assertTrue(json.loads(state["docs"][0][0])["annotations"])
        self.assertGreater(count, 100_000)


def learned_bundle(tmp):
    """A bundle `hearsay learn` wrote from an export of TWICE whose first
    quote was rejected: its path."""
    export = os.path.join(tmp, "reviewed.json")
    docs = cli_documents([TWICE])
    first = next(a for a in docs[0]["annotations"] if a["label"] == "quote")
    first["status"] = "rejected"
    with open(export, "w", encoding="utf-8") as f:
        json.dump({"format": "hearsay", "version": 1, "offsets": "codepoint", "documents": docs}, f)
    path = os.path.join(tmp, "mine.hsb")
    subprocess.run([CLI, "learn", "-o", path, export], check=True, capture_output=True)
    return path


#: Two quotes of one pattern.
TWICE = "“The bridge will close in May,” said Ines Baptiste, the mayor.\n\n“The ferry will run all summer,” said Tom Achebe, the harbour master.\n"


def quote_confidences(doc):
    return [a["confidence"] for a in doc["annotations"] if a["label"] == "quote"]


class Models(unittest.TestCase):
    def test_documents_record_the_shipped_models(self):
        shipped = hearsay.analyze(TEXT)["models"]
        self.assertEqual(len(shipped), 16)
        self.assertEqual(shipped, cli_documents([TEXT])[0]["models"])

    def test_a_learned_bundle_is_used_and_recorded(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = learned_bundle(tmp)
            models = hearsay.load_models(path)
            self.assertEqual(models.lessons, 1)
            before = hearsay.analyze(TWICE)
            after = hearsay.analyze(TWICE, models=path)
            self.assertEqual(after["models"], models.id)
            self.assertLess(quote_confidences(after)[1], quote_confidences(before)[1])
            # The bytes, and the object read once, give the same.
            with open(path, "rb") as f:
                self.assertEqual(hearsay.analyze(TWICE, models=f.read()), after)
            self.assertEqual(hearsay.analyze_batch([TWICE], models=models)[0], after)

    def test_arrow_rows_use_the_bundle_too(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = learned_bundle(tmp)
            table = hearsay.analyze_arrow(pa.array([TWICE]), models=path)
            quotes = [c for c, l in zip(table.column("confidence").to_pylist(), table.column("label").to_pylist()) if l == "quote"]
            expected = quote_confidences(hearsay.analyze(TWICE, models=path))
            # The Arrow column is float32: equal to its precision.
            self.assertEqual(len(quotes), len(expected))
            for got, want in zip(quotes, expected):
                self.assertAlmostEqual(got, want, delta=1e-6)

    def test_a_damaged_bundle_is_refused_saying_why(self):
        with tempfile.TemporaryDirectory() as tmp:
            with open(learned_bundle(tmp), "rb") as f:
                good = f.read()
        with self.assertRaisesRegex(ValueError, "the model bundle is truncated"):
            hearsay.analyze(TEXT, models=good[: len(good) // 2])
        with self.assertRaisesRegex(ValueError, "not a hearsay model bundle"):
            hearsay.load_models(b"not a bundle at all")


class Arrow(unittest.TestCase):
    def test_one_row_per_annotation_with_its_document(self):
        texts = [TEXT, None, "No quote here at all.", "Mayor Ada Nwosu said the bridge would stay open."]
        table = hearsay.analyze_arrow(pa.array(texts))
        self.assertEqual(table.schema, hearsay.SCHEMA)
        rows = table.to_pylist()
        docs = hearsay.analyze_batch(texts)
        for i, doc in enumerate(docs):
            mine = [r for r in rows if r["doc"] == i]
            if "error" in doc:
                self.assertEqual([r["error"] for r in mine], [doc["error"]])
                continue
            self.assertEqual([r["id"] for r in mine], [a["id"] for a in doc["annotations"]])
            for r, a in zip(mine, doc["annotations"]):
                self.assertEqual((r["label"], r["start"], r["end"], r["text"], r["speaker"]),
                                 (a["label"], a["start"], a["end"], a["text"], a["speaker"]))
                self.assertIsNone(r["error"])

    def test_chunked_arrays_and_plain_lists_are_taken(self):
        chunked = pa.chunked_array([[TEXT], [None, TEXT]])
        self.assertEqual(hearsay.analyze_arrow(chunked).to_pylist(),
                         hearsay.analyze_arrow([TEXT, None, TEXT]).to_pylist())

    def test_arrow_buffers_read_as_python_values_would_be(self):
        # Read from the array's buffers: a slice (an offset into them), a
        # large_string array, nulls between texts, an empty chunk, and
        # non-ASCII text; each as the same texts passed as Python values.
        texts = articles(30, seed=9) + [None, "“Ja,” sagte Åsa Öberg.", ""]
        expected = hearsay.analyze_arrow(list(texts)).to_pylist()
        array = pa.array(texts)
        self.assertEqual(hearsay.analyze_arrow(array).to_pylist(), expected)
        self.assertEqual(hearsay.analyze_arrow(array.cast(pa.large_string())).to_pylist(), expected)
        sliced = hearsay.analyze_arrow(array.slice(5, 10)).to_pylist()
        self.assertEqual(sliced, hearsay.analyze_arrow(list(texts[5:15])).to_pylist())
        chunked = pa.chunked_array([array.slice(0, 7), pa.array([], pa.string()), array.slice(7)])
        self.assertEqual(hearsay.analyze_arrow(chunked).to_pylist(), expected)
        self.assertEqual(hearsay.analyze_arrow(pa.chunked_array([], pa.string())).num_rows, 0)
        # Texts with nothing to annotate give an empty table of the schema.
        for quiet in (["", "The river rose."], pa.array(["", "The river rose."])):
            table = hearsay.analyze_arrow(quiet)
            self.assertEqual((table.num_rows, table.schema), (0, hearsay.SCHEMA))

    def test_binary_arrays_report_invalid_utf8_per_row(self):
        rows = hearsay.analyze_arrow(pa.array([b"\xff\xfe", TEXT.encode()])).to_pylist()
        self.assertIn("not valid UTF-8", rows[0]["error"])
        self.assertTrue(all(r["error"] is None for r in rows[1:]))


FIRST = "“Nothing can be ruled out on the pension reform,” Finance Minister Ana Ruiz said on Monday."
SECOND = "“Nothing should be excluded on the reform of pensions,” Ana Ruiz told reporters in Madrid."


def cli_statements(texts):
    """`hearsay extract` on `texts`: its statements."""
    return cli_export(texts).get("statements", [])


class Statements(unittest.TestCase):
    def test_two_outlets_share_a_statement(self):
        found = hearsay.statements(hearsay.analyze_batch([FIRST, SECOND]))
        self.assertEqual(len(found), 1)
        self.assertEqual((found[0]["speaker"], found[0]["stance"]), ("Ana Ruiz", "claim"))
        self.assertEqual({m["document"] for m in found[0]["members"]}, {"d1", "d2"})

    def test_the_same_as_the_command_line(self):
        texts = [FIRST, SECOND, TEXT]
        self.assertEqual(hearsay.statements(hearsay.analyze_batch(texts)), cli_statements(texts))

    def test_one_document_has_none(self):
        self.assertEqual(hearsay.statements([hearsay.analyze(FIRST)]), [])

    def test_rows_with_an_error_are_skipped(self):
        docs = hearsay.analyze_batch([FIRST, None, SECOND])
        self.assertEqual(len(hearsay.statements(docs)), 1)

    def test_a_document_not_of_the_contract_is_refused(self):
        with self.assertRaisesRegex(ValueError, "document 1"):
            hearsay.statements([{"id": "d1"}])


if __name__ == "__main__":
    unittest.main()
