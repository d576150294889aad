"""Inputs cut into partitions that a worker can read on its own, with the ids a whole read gives.

A partition names a part of the input, never its articles, so that planning a run of millions of
articles costs the driver one pass over the JSONL files (to count lines) and a look at Parquet
footers, and the workers read their parts from the shared file system:

* ``lines``: a byte range of a JSONL file, cut at line ends, with the number of its first line
  (a record without an id is named from its content, a bad line from its file and line number, as
  a whole read names them: :mod:`marsad.ingest.ids`);
* ``rows``: a row range of a Parquet file (ids made the same way, with row numbers);
* ``files``: a run of consecutive single-article, JSON or feed files (ids from content or path).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from marsad.document import Article
from marsad.errors import ConfigError
from marsad.ingest import Source, read_articles
from marsad.ingest.jsonl import read_jsonl, split_lines
from marsad.ingest.parquet import parquet_rows, read_parquet, unreadable_row

PartitionKind = Literal["lines", "rows", "files"]

# Articles per partition. Big enough that a task's overhead (scheduling, a store transaction per 64
# results, reading its bytes) is small next to the ~3 ms to 20 ms the pipeline spends per ANT
# article; small enough that a killed worker loses under a minute of work and that a 2-worker run
# of a few thousand articles still has tens of partitions to balance.
PARTITION_SIZE = 128


@dataclass(frozen=True, slots=True)
class Partition:
    """One part of the input, read by one task; ``index`` is its place in input order."""

    index: int
    kind: PartitionKind
    sources: tuple[Source, ...]  # one source for lines and rows; a run of files for files
    start: int = 0  # byte offset (lines) or row (rows), inclusive
    stop: int = 0  # byte offset or row, exclusive
    first_line: int = 1  # the line number of the first line of a lines partition

    @property
    def label(self) -> str:
        """Where the partition is, for messages: ``corpus.jsonl:1-128``, ``a.html .. z.html``."""
        if self.kind == "files":
            first, last = self.sources[0].name, self.sources[-1].name
            return first if first == last else f"{first} .. {last}"
        unit = "bytes" if self.kind == "lines" else "rows"
        return f"{self.sources[0].name} ({unit} {self.start}-{self.stop})"

    @property
    def digest(self) -> str:
        """A digest of what the partition names (not of its content): equal plans have equal digests."""
        parts = [self.kind, str(self.start), str(self.stop), str(self.first_line)]
        parts += [f"{s.location}\x1f{s.format}\x1f{s.id}" for s in self.sources]
        return hashlib.sha256("\x1e".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _jsonl_ranges(path: str, size: int) -> Iterator[tuple[int, int, int]]:
    """``(start byte, stop byte, first line)`` of runs of ``size`` non-blank lines of a JSONL file."""
    start, offset, first_line, lineno, records = 0, 0, 1, 0, 0
    with open(path, "rb") as fh:
        for line in fh:  # a binary file iterates at b"\n" only, as read_jsonl's callers split it
            lineno += 1
            offset += len(line)
            if line.strip():
                records += 1
            if records == size:
                yield start, offset, first_line
                start, first_line, records = offset, lineno + 1, 0
    if records:
        yield start, offset, first_line


def _starts_with_utf16_bom(path: str) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) in (b"\xff\xfe", b"\xfe\xff")


def plan_partitions(sources: Sequence[Source], *, size: int = PARTITION_SIZE) -> list[Partition]:
    """The partitions of ``sources``, in input order; reading them in order gives what a whole read gives.

    Raises:
        ConfigError: ``size`` below 1, or a source that is not a file (stdin, a URL): workers on
            other machines cannot read those.
        OSError: a file cannot be read.
    """
    if size < 1:
        raise ConfigError(f"the partition size must be at least 1, got {size}")
    parts: list[Partition] = []
    files: list[Source] = []

    def close_files() -> None:
        if files:
            parts.append(Partition(len(parts), "files", tuple(files)))
            files.clear()

    for src in sources:
        if src.kind != "file":
            raise ConfigError(f"the dask engine reads files (JSONL, Parquet, folders of articles); {src.name} "
                              "is not a file: save it first, or use the local engine")
        if src.format == "jsonl" and not _starts_with_utf16_bom(src.location):
            close_files()
            for start, stop, first_line in _jsonl_ranges(src.location, size):
                parts.append(Partition(len(parts), "lines", (src,), start, stop, first_line))
        elif src.format == "parquet":
            close_files()
            rows = parquet_rows(src.location)
            for start in range(0, rows, size):
                parts.append(Partition(len(parts), "rows", (src,), start, min(start + size, rows)))
        else:
            files.append(src)
            if len(files) == size:
                close_files()
    close_files()
    return parts


def read_partition(part: Partition) -> Iterator[Article]:
    """The articles of one partition, in input order; a broken input never raises (see marsad.ingest)."""
    if part.kind == "files":
        yield from read_articles(list(part.sources))
        return
    src = part.sources[0]
    if part.kind == "rows":
        number = part.start
        try:
            for article in read_parquet(src.location, name=src.name, stem=src.stem, start=part.start,
                                        stop=part.stop):
                number += 1
                yield article
        except ConfigError:
            raise
        except Exception as err:  # a corrupt row group: one warning, as the local reader gives
            yield unreadable_row(src.name, src.stem, number + 1, err)
        return
    with open(src.location, "rb") as fh:
        fh.seek(part.start)
        data = fh.read(part.stop - part.start)
    yield from read_jsonl(split_lines(data), name=src.name, stem=src.stem, first_line=part.first_line)
