"""Parquet files of input records to articles (pyarrow, an optional dependency).

A Parquet input holds one input record of the contract per row: a ``text`` column and any of
``id``, ``title``, ``published``, ``url``, ``source``; other columns are ignored. A row without an
id gets one from its content (``<file stem>-<hash>``, :mod:`marsad.ingest.ids`), as a JSONL line
does; a row without text, from its place (``name:row N``, rows counted from 1), so that the Dask
engine, which reads a file in row ranges, gives every row the same id as a whole read. A bad row
becomes an article with a W103 warning, as a bad JSONL line does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from marsad.document import Article
from marsad.errors import ConfigError, WarningCode
from marsad.ingest.ids import content_id, location
from marsad.ingest.jsonl import article_from_record
from marsad.ingest.notes import input_warning

COLUMNS = ("id", "text", "title", "published", "url", "source")
INSTALL_HINT = "reading or writing Parquet needs pyarrow: pip install 'marsad[parquet]' (or 'marsad[dask]')"
# rows converted to Python at a time: bounds memory on files with one huge row group
BATCH_ROWS = 1024


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as err:
        raise ConfigError(INSTALL_HINT) from err
    return pq


def require_pyarrow() -> None:
    """Raise ConfigError with the install hint when pyarrow is missing."""
    _pyarrow_parquet()


def parquet_rows(path: str) -> int:
    """How many rows the Parquet file at ``path`` holds (read from its footer only)."""
    return int(_pyarrow_parquet().ParquetFile(path).metadata.num_rows)


def read_parquet(path: str, *, name: str, stem: str, start: int = 0, stop: int | None = None) -> Iterator[Article]:
    """Articles from rows ``start`` (inclusive) to ``stop`` (exclusive) of a Parquet file, in order.

    Args:
        path: the file.
        name: the file name for messages.
        stem: the prefix of ids made for rows without one (``corpus`` gives ``corpus-12``).
        start, stop: the row range (default: every row).

    Raises:
        ConfigError: pyarrow is not installed.
        OSError, pyarrow.ArrowException: the file cannot be read (the caller turns it into a warning).
    """
    pf = _pyarrow_parquet().ParquetFile(path)
    columns = [c for c in COLUMNS if c in pf.schema_arrow.names]
    stop = pf.metadata.num_rows if stop is None else min(stop, pf.metadata.num_rows)
    row = 0  # index of the first row of the current row group
    for group in range(pf.num_row_groups):
        group_rows = pf.metadata.row_group(group).num_rows
        if row + group_rows <= start:
            row += group_rows
            continue
        if row >= stop:
            return
        table = pf.read_row_group(group, columns=columns)
        first = max(start - row, 0)
        table = table.slice(first, min(stop - row, group_rows) - first)
        number = row + first
        for batch in table.to_batches(max_chunksize=BATCH_ROWS):
            for record in batch.to_pylist():
                number += 1
                data = {k: v for k, v in record.items() if v is not None}
                if "text" not in columns:
                    data.setdefault("text", None)
                yield article_from_record(data, label=stem, where=f"{name}:row {number}")
        row += group_rows


def unreadable_row(name: str, stem: str, number: int, err: Exception) -> Article:
    """The article standing for row ``number`` (and the rest) of a file pyarrow cannot read further."""
    article = Article(id="", text="", warnings=[input_warning(
        WarningCode.BAD_RECORD, f"{name}: could not be read as Parquet: {type(err).__name__}: {err}")])
    article.id = content_id(stem, article, where=location(f"{name}:row {number}"))
    return article
