"""ACLED rows as typed tables: Parquet files (pyarrow) and pandas DataFrames, for analysts.

Both need the ``parquet`` extra (``pip install 'marsad[parquet]'``: pyarrow and pandas), imported
only when called. Columns keep their types: counts and codes are integers (nullable), coordinates
and confidences floats, flags booleans, ``event_date`` a date; everything else is text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.errors import ConfigError

if TYPE_CHECKING:
    import pandas

INSTALL_HINT = "this needs pyarrow and pandas: pip install 'marsad[parquet]'"

_INTEGER = frozenset({"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                      "fatalities", "timestamp", "evidence_start", "evidence_end", "quotes_count", "reports"})
_FLOAT = frozenset({"latitude", "longitude", "confidence", "created_at", "updated_at"})
_BOOLEAN = frozenset({"actor1_claimed", "historical", "fatalities_stated"})
_DATE = frozenset({"event_date"})
_ROWS_PER_GROUP = 50_000


def _arrow() -> Any:
    try:
        import pyarrow
    except ModuleNotFoundError as err:
        raise ConfigError(INSTALL_HINT) from err
    return pyarrow


def _schema(pa: Any, columns: Sequence[str]) -> Any:
    def kind(name: str) -> Any:
        if name in _INTEGER:
            return pa.int64()
        if name in _FLOAT:
            return pa.float64()
        if name in _BOOLEAN:
            return pa.bool_()
        if name in _DATE:
            return pa.date32()
        return pa.string()

    return pa.schema([(name, kind(name)) for name in columns])


def _value(name: str, value: Any) -> Any:
    if value == "" and name not in _INTEGER | _FLOAT | _BOOLEAN | _DATE:
        return value
    if value == "" or value is None:
        return None
    if name in _DATE:
        import datetime as dt

        return dt.date.fromisoformat(value)
    return value


def _batches(pa: Any, rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterable[Any]:
    schema = _schema(pa, columns)
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append({c: _value(c, row.get(c)) for c in columns})
        if len(chunk) >= _ROWS_PER_GROUP:
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)
            chunk = []
    if chunk:
        yield pa.RecordBatch.from_pylist(chunk, schema=schema)


def write_parquet(rows: Iterable[dict[str, Any]], path: str | Path, columns: Sequence[str]) -> int:
    """Write ACLED rows (``export.acled.event_rows`` or ``incident_rows``) to a Parquet file; return the count.

    Raises:
        ConfigError: pyarrow is not installed.
    """
    pa = _arrow()
    import pyarrow.parquet as pq

    written = 0
    with pq.ParquetWriter(str(path), _schema(pa, columns), compression="zstd") as writer:
        for batch in _batches(pa, rows, columns):
            writer.write_batch(batch)
            written += batch.num_rows
    return written


def to_frame(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> pandas.DataFrame:
    """ACLED rows as a pandas DataFrame (nullable integer columns, ``event_date`` as dates).

    Raises:
        ConfigError: pyarrow or pandas is not installed.
    """
    pa = _arrow()
    try:
        import pandas
    except ModuleNotFoundError as err:
        raise ConfigError(INSTALL_HINT) from err
    schema = _schema(pa, columns)
    batches = list(_batches(pa, rows, columns))
    table = pa.Table.from_batches(batches, schema=schema) if batches else schema.empty_table()
    frame: pandas.DataFrame = table.to_pandas(types_mapper={pa.int64(): pandas.Int64Dtype(),
                                                            pa.bool_(): pandas.BooleanDtype()}.get)
    return frame
