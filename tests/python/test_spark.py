"""hearsay.spark in local mode (`local[2]`): 1,000 generated articles give
the same rows as `hearsay extract` on the same texts, and a bad row is an
error row while the job goes on."""

import os
import struct
import sys
import unittest

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)

from pyspark.sql import SparkSession  # noqa: E402

import hearsay.spark  # noqa: E402
from articles import articles  # noqa: E402
from test_hearsay import FIRST, SECOND, cli_documents, cli_statements  # noqa: E402


def f32(x):
    """`x` rounded to a 32-bit float, as the table stores confidences."""
    return None if x is None else struct.unpack("f", struct.pack("f", x))[0]


class Spark(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.spark = (
            SparkSession.builder.master("local[2]")
            .appName("hearsay-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate()
        )
        cls.spark.sparkContext.setLogLevel("ERROR")

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()

    def test_rows_equal_the_command_line(self):
        texts = articles(1000)
        df = self.spark.createDataFrame(list(enumerate(texts)), "id long, text string").repartition(4)
        rows = hearsay.spark.extract(df, text_col="text", id_col="id").collect()
        got = sorted((r["doc_id"], r["id"], r["label"], r["start"], r["end"], r["text"], r["kind"],
                      r["speaker"], r["speaker_start"], r["speaker_end"], r["cue"],
                      r["confidence"], r["speaker_confidence"], r["error"]) for r in rows)
        want = []
        for i, doc in enumerate(cli_documents(texts)):
            for a in doc["annotations"]:
                span = a.get("speaker_span") or {}
                want.append((i, a["id"], a["label"], a["start"], a["end"], a["text"], a["kind"],
                             a["speaker"], span.get("start"), span.get("end"), a["cue"],
                             f32(a["confidence"]), f32(a["speaker_confidence"]), None))
        want.sort()
        self.assertGreater(len(want), 3000)
        self.assertEqual(len(got), len(want))
        self.assertEqual(got, want)

    def test_a_bad_row_is_an_error_row_and_the_job_goes_on(self):
        texts = ["Mayor Ada Nwosu said the bridge would stay open.", None, "“No,” she said."]
        df = self.spark.createDataFrame([(t,) for t in texts], "text string")
        rows = hearsay.spark.extract(df).collect()
        errors = [r["error"] for r in rows if r["error"] is not None]
        self.assertEqual(errors, ["no text (None)"])
        self.assertEqual(len({r["doc_id"] for r in rows}), 3)
        self.assertTrue(any(r["speaker"] == "Ada Nwosu" for r in rows))

    def test_statements_equal_the_command_line(self):
        texts = articles(200) + [FIRST, SECOND]
        df = self.spark.createDataFrame(list(enumerate(texts)), "id long, text string").repartition(3)
        rows = hearsay.spark.statements(df, text_col="text", id_col="id").collect()
        got = sorted((r["statement"], r["speaker"], r["stance"], r["doc_id"], r["annotation"]) for r in rows)
        want = sorted(
            (s["id"], s["speaker"], s["stance"], int(m["document"][1:]) - 1, m["annotation"])
            for s in cli_statements(texts)
            for m in s["members"]
        )
        self.assertTrue(any(r[1] == "Ana Ruiz" for r in want), want[:5])
        self.assertEqual(got, want)


if __name__ == "__main__":
    unittest.main()
