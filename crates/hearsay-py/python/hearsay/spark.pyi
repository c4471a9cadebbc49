from typing import Optional, Union

from pyspark.sql import DataFrame

def schema(id_type: str = ...) -> str: ...
def extract(
    df: DataFrame,
    text_col: str = ...,
    id_col: Optional[str] = ...,
    models: Optional[Union[bytes, str]] = ...,
) -> DataFrame: ...
def statements_schema(id_type: str = ...) -> str: ...
def statements(
    df: DataFrame,
    text_col: str = ...,
    id_col: Optional[str] = ...,
    models: Optional[Union[bytes, str]] = ...,
) -> DataFrame: ...
