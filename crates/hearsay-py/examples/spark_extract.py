"""Annotations of a folder of articles, with Spark, written as Parquet.

    python crates/hearsay-py/examples/spark_extract.py IN_DIR OUT_DIR \\
        [--format jsonl|parquet] [--text-col text] [--id-col url] [--master local[2]]

IN_DIR holds JSONL files (one JSON object per line) or Parquet files with a
text column; OUT_DIR receives one row per annotation (hearsay.spark.schema)
as Parquet. A text that cannot be analysed gives a row with `error` set.
"""

import argparse
import os
import sys

from pyspark.sql import SparkSession

import hearsay.spark


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    p.add_argument("--text-col", default="text")
    p.add_argument("--id-col", default=None, help="a column naming each article (default: a generated id)")
    p.add_argument("--master", default="local[*]")
    args = p.parse_args()

    # Python workers run this interpreter (where hearsay is installed),
    # unless PYSPARK_PYTHON says otherwise (a cluster's own Python).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master(args.master).appName("hearsay-extract").getOrCreate()
    reader = spark.read.json if args.format == "jsonl" else spark.read.parquet
    articles = reader(args.input)
    notes = hearsay.spark.extract(articles, text_col=args.text_col, id_col=args.id_col)
    notes.write.mode("overwrite").parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
