import os
from typing import Any, Iterable, Optional, Sequence, Union

import pyarrow

from ._hearsay import Models as Models

ModelsLike = Union[None, Models, bytes, str, os.PathLike[str]]

MAX_TEXT_BYTES: int
COLUMNS: list[tuple[str, str]]
SCHEMA: pyarrow.Schema

def load_models(models: ModelsLike) -> Optional[Models]: ...
def analyze(text: Union[str, bytes], models: ModelsLike = ...) -> dict[str, Any]: ...
def analyze_batch(
    texts: Iterable[Optional[Union[str, bytes]]], models: ModelsLike = ...
) -> list[dict[str, Any]]: ...
def statements(documents: Iterable[dict[str, Any]]) -> list[dict[str, Any]]: ...
def analyze_arrow(
    texts: Union[pyarrow.Array, pyarrow.ChunkedArray, Sequence[Optional[Union[str, bytes]]]],
    models: ModelsLike = ...,
) -> pyarrow.Table: ...
