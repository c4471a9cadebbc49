from typing import Any, Optional

MAX_TEXT_BYTES: int

def analyze_json(text: Any) -> str: ...
def analyze_batch_json(texts: list[Any]) -> list[tuple[Optional[str], Optional[str]]]: ...
def annotation_columns(texts: list[Any]) -> dict[str, tuple[int, int, list[bytes]]]: ...
def arrow_annotation_columns(
    length: int,
    offset: int,
    validity: Optional[bytes],
    offsets: bytes,
    data: bytes,
    wide: bool,
    first_doc: int,
) -> dict[str, tuple[int, int, list[bytes]]]: ...
