"""hearsay on Spark: annotations of a DataFrame of texts, in parallel.

::

    from pyspark.sql import SparkSession
    import hearsay.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    articles = spark.read.json("articles/")          # a "text" column
    notes = hearsay.spark.extract(articles, text_col="text", id_col="url")
    notes.write.parquet("annotations/")

Each Spark task hands its Arrow record batches to the core
(:func:`hearsay.analyze_arrow`) with ``mapInArrow``: no row goes through
Python objects one by one, and each Python worker uses one core. A text
that cannot be analysed gives one row with ``error`` set; the job goes on.
"""

from __future__ import annotations

import os
from typing import Iterator, Optional

import hearsay

__all__ = ["extract", "schema"]

_SPARK_TYPES = {"int64": "long", "string": "string", "float32": "float"}


def schema(id_type: str = "long") -> str:
    """The DDL schema of :func:`extract`'s rows: the document's id (of
    ``id_type``), then the columns of :func:`hearsay.analyze_arrow` but
    ``doc``."""
    columns = [f"doc_id {id_type}"]
    columns += [f"{name} {_SPARK_TYPES[kind]}" for name, kind in hearsay.COLUMNS if name != "doc"]
    return ", ".join(columns)


def extract(df, text_col: str = "text", id_col: Optional[str] = None, models=None):
    """One row per annotation of the texts in ``df[text_col]``.

    ``doc_id`` is the row's ``id_col`` value, or, without ``id_col``, an id
    given by ``monotonically_increasing_id`` (unique, not consecutive).
    ``models`` is a model bundle (a path or its bytes, read here on the
    driver and shipped to the workers with the task), else the shipped
    models.
    """
    from pyspark.sql import functions as F

    if id_col is None:
        df = df.withColumn("doc_id", F.monotonically_increasing_id())
        id_type = "long"
    else:
        df = df.withColumn("doc_id", F.col(id_col))
        id_type = df.schema["doc_id"].dataType.simpleString()
    df = df.select("doc_id", F.col(text_col).alias("text"))
    bundle = None
    if models is not None:
        if isinstance(models, (bytes, bytearray)):
            bundle = bytes(models)
        else:
            with open(os.fspath(models), "rb") as f:
                bundle = f.read()
        hearsay.load_models(bundle)  # a damaged bundle is refused here, on the driver

    def run(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:  # noqa: F821
        import pyarrow as pa

        chosen = hearsay.load_models(bundle)
        for batch in batches:
            found = hearsay.analyze_arrow(batch.column("text"), chosen)
            ids = batch.column("doc_id").take(found.column("doc"))
            table = found.drop_columns(["doc"]).add_column(0, "doc_id", ids)
            yield from table.to_batches()

    return df.mapInArrow(run, schema(id_type))
