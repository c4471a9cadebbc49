"""hearsay on Spark: annotations of a DataFrame of texts, in parallel.

::

    from pyspark.sql import SparkSession
    import hearsay.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    articles = spark.read.json("articles/")          # a "text" column
    notes = hearsay.spark.extract(articles, text_col="text", id_col="url")
    notes.write.parquet("annotations/")

Statements across the articles (one speaker's one statement as several
of them report it) come from :func:`statements`, one row per member::

    members = hearsay.spark.statements(articles, text_col="text", id_col="url")

Each Spark task hands its Arrow record batches to the core
(:func:`hearsay.analyze_arrow`) with ``mapInArrow``: no row goes through
Python objects one by one, and each Python worker uses one core. A text
that cannot be analysed gives one row with ``error`` set; the job goes on.
"""

from __future__ import annotations

import os
from typing import Iterator, Optional

import hearsay

__all__ = ["extract", "schema", "statements", "statements_schema"]

_SPARK_TYPES = {"int64": "long", "string": "string", "float32": "float"}


def schema(id_type: str = "long") -> str:
    """The DDL schema of :func:`extract`'s rows: the document's id (of
    ``id_type``), then the columns of :func:`hearsay.analyze_arrow` but
    ``doc``."""
    columns = [f"doc_id {id_type}"]
    columns += [f"{name} {_SPARK_TYPES[kind]}" for name, kind in hearsay.COLUMNS if name != "doc"]
    return ", ".join(columns)


def _prepared(df, text_col: str, id_col: Optional[str], models):
    """``df`` as ``(doc_id, text)``, the id's Spark type, and the bundle's
    bytes (checked here, on the driver) or ``None``."""
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
    return df, id_type, bundle


def statements_schema(id_type: str = "long") -> str:
    """The DDL schema of :func:`statements`' rows."""
    return f"statement string, speaker string, stance string, doc_id {id_type}, annotation string"


def statements(df, text_col: str = "text", id_col: Optional[str] = None, models=None):
    """One row per member of each statement the texts in ``df[text_col]``
    share: ``statement`` (``s1``, ``s2``, …), its ``speaker`` and
    ``stance``, and the member's ``doc_id`` and ``annotation`` id (as in
    :func:`extract`'s rows).

    The texts are analysed, each one's candidates (quotes, claims and
    denials with a named speaker) are sent to the block of their speaker
    key (``groupBy(key).applyInArrow``), and each block is grouped by the
    same core as ``hearsay extract A B …``: no pair of articles is compared
    unless they quote the same person. Statements are numbered by their
    first member, in ``doc_id`` order: with ids in file order, the rows are
    ``hearsay extract``'s statements. Texts that cannot be analysed are left
    out.
    """
    import json

    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from . import _hearsay

    df, id_type, bundle = _prepared(df, text_col, id_col, models)

    def candidates(batches):
        import pyarrow as pa

        chosen = hearsay.load_models(bundle)
        for batch in batches:
            ids = batch.column("doc_id").to_pylist()
            docs = hearsay.analyze_batch(batch.column("text").to_pylist(), chosen)
            rows = {"doc_id": [], "position": [], "key": [], "candidate": []}
            for doc_id, doc in zip(ids, docs):
                if doc.get("error") is not None:
                    continue
                position = {a["id"]: k for k, a in enumerate(doc["annotations"])}
                doc["id"] = json.dumps(doc_id)
                for c in json.loads(_hearsay.statement_candidates_json(json.dumps(doc))):
                    rows["doc_id"].append(doc_id)
                    rows["position"].append(position[c["annotation"]])
                    rows["key"].append(c["key"])
                    rows["candidate"].append(json.dumps(c))
            yield pa.RecordBatch.from_pydict(rows, schema=pa.schema(candidate_fields))

    from pyspark.sql.pandas.types import to_arrow_schema
    from pyspark.sql.types import _parse_datatype_string

    candidate_schema = f"doc_id {id_type}, position long, key string, candidate string"
    candidate_fields = list(to_arrow_schema(_parse_datatype_string(candidate_schema)))

    def block(table):
        import pyarrow as pa

        rows = sorted(table.to_pylist(), key=lambda r: (r["doc_id"], r["position"]))
        found = json.loads(_hearsay.group_candidates_json("[" + ",".join(r["candidate"] for r in rows) + "]"))
        order = {(json.dumps(r["doc_id"]), json.loads(r["candidate"])["annotation"]): (r["doc_id"], r["position"]) for r in rows}
        out = {k: [] for k in ("first_doc", "first_position", "speaker", "stance", "doc_id", "annotation")}
        for st in found:
            first = order[(st["members"][0]["document"], st["members"][0]["annotation"])]
            for m in st["members"]:
                out["first_doc"].append(first[0])
                out["first_position"].append(first[1])
                out["speaker"].append(st["speaker"])
                out["stance"].append(st["stance"])
                out["doc_id"].append(json.loads(m["document"]))
                out["annotation"].append(m["annotation"])
        return pa.table(out, schema=pa.schema(block_fields))

    block_schema = (
        f"first_doc {id_type}, first_position long, speaker string, stance string, "
        f"doc_id {id_type}, annotation string"
    )
    block_fields = list(to_arrow_schema(_parse_datatype_string(block_schema)))
    members = (
        df.mapInArrow(candidates, candidate_schema)
        .groupBy("key")
        .applyInArrow(block, block_schema)
    )
    firsts = members.select("first_doc", "first_position").distinct()
    numbered = firsts.withColumn(
        "statement",
        F.concat(F.lit("s"), F.row_number().over(Window.orderBy("first_doc", "first_position")).cast("string")),
    )
    return members.join(numbered, ["first_doc", "first_position"]).select(
        "statement", "speaker", "stance", "doc_id", "annotation"
    )


def extract(df, text_col: str = "text", id_col: Optional[str] = None, models=None):
    """One row per annotation of the texts in ``df[text_col]``.

    ``doc_id`` is the row's ``id_col`` value, or, without ``id_col``, an id
    given by ``monotonically_increasing_id`` (unique, not consecutive).
    ``models`` is a model bundle (a path or its bytes, read here on the
    driver and shipped to the workers with the task), else the shipped
    models.
    """
    df, id_type, bundle = _prepared(df, text_col, id_col, models)

    def run(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:  # noqa: F821
        import pyarrow as pa

        chosen = hearsay.load_models(bundle)
        for batch in batches:
            found = hearsay.analyze_arrow(batch.column("text"), chosen)
            ids = batch.column("doc_id").take(found.column("doc"))
            table = found.drop_columns(["doc"]).add_column(0, "doc_id", ids)
            yield from table.to_batches()

    return df.mapInArrow(run, schema(id_type))
