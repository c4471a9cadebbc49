"""hearsay: quotes with their speakers, claims and denials in news text.

The same extraction core as the ``hearsay`` command line and the browser
annotator, compiled for Python. The core runs with the interpreter
released and starts no threads: run several processes (or Spark, see
``hearsay.spark``) to use several cores.

Three calls::

    >>> import hearsay
    >>> doc = hearsay.analyze("“We will not give in,” union leader Petra Lind said.")
    >>> [(a["label"], a["speaker"]) for a in doc["annotations"]]
    [('quote', 'Petra Lind')]

    >>> docs = hearsay.analyze_batch(["The mayor said taxes would rise.", None])
    >>> docs[1]["error"]
    'no text (None)'

    >>> import pyarrow as pa
    >>> table = hearsay.analyze_arrow(pa.array(["“Yes,” she said.", "No quote here."]))
    >>> table.column_names[:4]
    ['doc', 'id', 'label', 'start']

Each call takes ``models=``: a model bundle (``hearsay learn`` writes one,
the page exports one), as a path, its bytes, or :func:`load_models`'s
result; the shipped models without it. Every document records the id of
the bundle that suggested its annotations (``"models"``).

``statements`` groups documents' quotes, claims and denials into
statements across them, as ``hearsay extract`` does for several files.

``analyze`` returns one document of the hearsay JSON contract (``id``,
``name``, ``text``, ``sha256``, ``sentences`` and ``annotations``, offsets in
code points). ``analyze_batch`` returns one such document per text, numbered
``d1``, ``d2``, … as ``hearsay extract`` numbers files; a text that cannot
be analysed gives ``{"id": …, "error": "…"}`` instead, and the batch goes
on. ``analyze_arrow`` returns a ``pyarrow.Table`` with one row per
annotation (:data:`SCHEMA`); ``doc`` is the index of its text, and a text
that cannot be analysed gives one row with only ``doc`` and ``error``.
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, Optional, Union

from . import _hearsay
from ._hearsay import Models

__all__ = [
    "analyze",
    "analyze_batch",
    "analyze_arrow",
    "statements",
    "load_models",
    "Models",
    "SCHEMA",
    "MAX_TEXT_BYTES",
]

#: What ``models=`` takes.
ModelsLike = Union[None, "Models", bytes, str, "os.PathLike[str]"]


def load_models(models: ModelsLike) -> Optional["Models"]:
    """A model bundle read once, to give to several calls: from a path or
    the file's bytes (a :class:`Models` is returned as it is, ``None``
    means the shipped models). A damaged bundle raises ``ValueError``
    saying why; a missing file ``OSError``."""
    if models is None or isinstance(models, Models):
        return models
    if isinstance(models, (bytes, bytearray, memoryview)):
        return Models(bytes(models))
    with open(os.fspath(models), "rb") as f:
        return Models(f.read())

#: The largest text analysed, in bytes (larger ones are an error).
MAX_TEXT_BYTES: int = _hearsay.MAX_TEXT_BYTES

#: The columns of :func:`analyze_arrow`, as ``(name, Arrow type name)``.
COLUMNS = [
    ("doc", "int64"),
    ("id", "string"),
    ("label", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("kind", "string"),
    ("speaker", "string"),
    ("speaker_start", "int64"),
    ("speaker_end", "int64"),
    ("cue", "string"),
    ("confidence", "float32"),
    ("speaker_confidence", "float32"),
    ("error", "string"),
]


def _schema():
    import pyarrow as pa

    return pa.schema([(name, pa.type_for_alias(kind)) for name, kind in COLUMNS])


def __getattr__(name: str) -> Any:
    # SCHEMA needs pyarrow, which analyze and analyze_batch do not.
    if name == "SCHEMA":
        return _schema()
    raise AttributeError(name)


def analyze(text: str, models: ModelsLike = None) -> dict:
    """The document of ``text``: its sentences and suggested annotations.

    Raises ``ValueError`` when ``text`` is not a text (``None``, not a
    string), is not valid UTF-8 or is over :data:`MAX_TEXT_BYTES`, or when
    ``models`` is a damaged bundle.
    """
    return json.loads(_hearsay.analyze_json(text, load_models(models)))


def analyze_batch(texts: Iterable[Optional[str]], models: ModelsLike = None) -> list[dict]:
    """One document per text, in order; ``{"id", "error"}`` for a text that
    cannot be analysed."""
    out = []
    batch = _hearsay.analyze_batch_json(list(texts), load_models(models))
    for row, (doc, error) in enumerate(batch):
        out.append(json.loads(doc) if doc is not None else {"id": f"d{row + 1}", "error": error})
    return out


def statements(documents: Iterable[dict]) -> list[dict]:
    """The statements the documents share: one speaker's one statement as
    two or more of them report it, as in the ``statements`` field of a
    hearsay export (``{"id", "speaker", "stance", "members"}``, each member
    naming a document's ``id`` and an annotation's ``id``). Takes the
    documents ``analyze`` and ``analyze_batch`` return (rows with an
    ``error`` are skipped); the grouping is the one ``hearsay extract A B``
    writes. Raises ``ValueError`` naming a document that is not one of the
    contract."""
    return json.loads(_hearsay.statements_json(json.dumps(list(documents))))


def analyze_arrow(texts, models: ModelsLike = None) -> "pyarrow.Table":  # noqa: F821
    """The annotations of ``texts`` (a pyarrow string array, chunked array,
    or any sequence of texts) as a table of :data:`SCHEMA`, one row per
    annotation.

    A ``string`` or ``large_string`` array is read from its Arrow buffers,
    without a Python object per text; anything else goes through Python
    values."""
    import pyarrow as pa

    models = load_models(models)
    schema = _schema()
    if isinstance(texts, pa.ChunkedArray):
        chunks = texts.chunks
    elif isinstance(texts, pa.Array):
        chunks = [texts]
    else:
        chunks = None
    if chunks is None or not all(pa.types.is_string(c.type) or pa.types.is_large_string(c.type) for c in chunks):
        values = texts.to_pylist() if hasattr(texts, "to_pylist") else list(texts)
        return _table(_hearsay.annotation_columns(values, models), schema)
    tables, first = [], 0
    for chunk in chunks:
        validity, offsets, data = chunk.buffers()
        columns = _hearsay.arrow_annotation_columns(
            len(chunk),
            chunk.offset,
            None if validity is None else validity.to_pybytes(),
            offsets.to_pybytes(),
            b"" if data is None else data.to_pybytes(),
            pa.types.is_large_string(chunk.type),
            first,
            models,
        )
        tables.append(_table(columns, schema))
        first += len(chunk)
    return pa.concat_tables(tables) if tables else schema.empty_table()


def _table(columns, schema) -> "pyarrow.Table":  # noqa: F821
    """The table of columns given as Arrow buffers by the extension."""
    import pyarrow as pa

    arrays = []
    for field in schema:
        length, nulls, buffers = columns[field.name]
        buffers = [pa.py_buffer(b) for b in buffers]
        arrays.append(pa.Array.from_buffers(field.type, length, buffers, null_count=nulls))
    return pa.table(arrays, schema=schema)
