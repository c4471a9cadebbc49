from typing import Any, Iterable, Optional, Sequence, Union

import pyarrow

MAX_TEXT_BYTES: int
COLUMNS: list[tuple[str, str]]
SCHEMA: pyarrow.Schema

def analyze(text: Union[str, bytes]) -> dict[str, Any]: ...
def analyze_batch(texts: Iterable[Optional[Union[str, bytes]]]) -> list[dict[str, Any]]: ...
def analyze_arrow(
    texts: Union[pyarrow.Array, pyarrow.ChunkedArray, Sequence[Optional[Union[str, bytes]]]],
) -> pyarrow.Table: ...
