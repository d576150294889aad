"""Inputs to articles: files, directories, globs, URLs and stdin, in any of the input formats.

:func:`resolve_inputs` turns command-line INPUT arguments into :class:`Source`s and raises
:class:`ConfigError` for one that names nothing, before the first article is read.
:func:`read_articles` reads them in order and never raises for a broken input: what cannot be read
becomes an article with empty (or partial) text and a W1xx warning saying why, so a batch of ten
thousand files keeps going and every input appears in the results.

Formats: ``.txt`` (plain text), ``.html``/``.htm`` (main text by trafilatura), ``.jsonl`` (input
records of the contract), ``.json`` (an array of records), ``.parquet`` (records as rows; needs
pyarrow), RSS/Atom (``.xml``, ``.rss``, ``.atom``) and, for URLs, stdin and files with other
extensions, whatever the content looks like.
"""

from __future__ import annotations

import glob
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from marsad.document import Article
from marsad.errors import ConfigError, InputError, WarningCode
from marsad.ingest.decode import SAMPLE_BYTES, decode_bytes
from marsad.ingest.fetch import fetch
from marsad.ingest.html import read_html
from marsad.ingest.ids import content_id, location
from marsad.ingest.jsonl import read_json, read_jsonl, split_lines
from marsad.ingest.notes import input_warning
from marsad.ingest.parquet import parquet_rows, read_parquet, require_pyarrow, unreadable_row
from marsad.ingest.rss import read_feed
from marsad.ingest.text import read_text

__all__ = ["FORMATS", "Source", "count_articles", "read_articles", "resolve_inputs", "sniff_format"]

FORMATS = ("text", "html", "jsonl", "json", "feed", "parquet")
SourceKind = Literal["file", "url", "stdin"]
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".parquet": "parquet",
}
_GLOB_CHARS = re.compile(r"[*?\[]")
_FEED_TAG_RE = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_TAG_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|h1|span)[\s>/]")


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read.

    ``kind`` is ``file``, ``url`` or ``stdin``; ``format`` is one of :data:`FORMATS`, or None to
    decide from the content; ``id`` is the article id of a single-article file or stdin when the
    caller names one; without it the id is made from the stem and the content
    (:mod:`marsad.ingest.ids`); a URL's article is identified by the URL.
    """

    location: str
    kind: SourceKind = "file"
    format: str | None = None
    id: str | None = None

    @property
    def name(self) -> str:
        """The file name, URL, or ``<stdin>``, for messages."""
        return "<stdin>" if self.kind == "stdin" else self.location

    @property
    def stem(self) -> str:
        """The readable label of ids made up for this source's articles (the file stem)."""
        if self.kind == "stdin":
            return "stdin"
        if self.kind == "url":
            return self.location
        return Path(self.location).stem


def sniff_format(head: bytes) -> str:
    """The input format the first bytes of some content look like (``text`` when nothing else fits).

    >>> sniff_format(b'{"id": "1", "text": "..."}')
    'jsonl'
    >>> sniff_format(b'<?xml version="1.0"?><rss version="2.0"><channel>')
    'feed'
    >>> sniff_format("<!DOCTYPE html><html dir='rtl'>".encode())
    'html'
    >>> sniff_format("قتل ثلاثة".encode())
    'text'
    """
    text = decode_bytes(head[:SAMPLE_BYTES]).text.lstrip("\ufeff \t\r\n")
    if text.startswith("{"):
        return "jsonl"
    if text.startswith("[") and text[1:].lstrip()[:1] in ("{", "]"):
        return "json"
    if text.startswith("<"):
        low = text[:4096].lower()
        feed = _FEED_TAG_RE.search(low)
        page = _HTML_TAG_RE.search(low)
        if feed and (page is None or feed.start() < page.start()):
            return "feed"
        if page:
            return "html"
        if low.startswith("<?xml"):
            return "feed"
    return "text"


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _files_under(directory: Path, skipped: list[str] | None = None) -> list[Path]:
    """Input files under ``directory``, recursively, hidden ones left out, in sorted path order;
    the other visible files (notes, images, spreadsheets ...) are appended to ``skipped``."""
    found: list[Path] = []
    others: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if f.startswith("."):
                continue
            (found if Path(f).suffix.lower() in EXTENSIONS else others).append(Path(root, f))
    if skipped is not None:
        skipped.extend(str(p) for p in sorted(others))
    return sorted(found)


def _file_source(path: Path) -> Source:
    return Source(str(path), "file", EXTENSIONS.get(path.suffix.lower()))


def resolve_inputs(inputs: Sequence[str], *, skipped: list[str] | None = None) -> list[Source]:
    """Expand INPUT arguments into sources, in order; raise ConfigError for one that names nothing.

    Each argument is ``-`` (stdin), an ``http(s)://`` URL, a file, a directory (its input files,
    recursively, sorted) or a glob (``news/**/*.html``). Articles read without an id get one from
    their source's stem and their content when they are read (:mod:`marsad.ingest.ids`).
    Files in a directory whose extension is not an input format are left out; when ``skipped`` is
    given, their paths are appended to it so that the caller can say so.
    """
    sources: list[Source] = []
    for value in inputs:
        if value == "-":
            sources.append(Source("-", "stdin"))
        elif _is_url(value):
            sources.append(Source(value, "url"))
        elif os.path.isdir(value):
            files = _files_under(Path(value), skipped)
            if not files:
                raise ConfigError(f"input directory {value} holds no {'/'.join(sorted(EXTENSIONS))} files")
            sources.extend(_file_source(p) for p in files)
        elif os.path.exists(value):
            sources.append(_file_source(Path(value)))
        elif _GLOB_CHARS.search(value):
            matches = sorted(glob.glob(value, recursive=True))
            if not matches:
                raise ConfigError(f"input pattern {value} matches no file")
            for match in matches:
                path = Path(match)
                sources.extend(_file_source(p) for p in (_files_under(path, skipped) if path.is_dir() else [path]))
        else:
            raise ConfigError(f"input {value} does not exist (expected a file, directory, glob, URL or -)")
    if any(src.format == "parquet" for src in sources):
        require_pyarrow()  # a missing optional dependency is a setup error, found before reading
    return sources


def read_articles(inputs: Sequence[str] | Sequence[Source], *, stdin: BinaryIO | None = None,
                  follow_links: bool = False, timeout: float = 20.0,
                  empty: list[str] | None = None) -> Iterator[Article]:
    """Read every input and yield its articles in input order; a broken input never raises.

    Args:
        inputs: INPUT arguments (resolved with :func:`resolve_inputs`, which may raise
            ConfigError before anything is read), or sources already resolved; not a mix.
        stdin: the stream ``-`` reads (default ``sys.stdin.buffer``).
        follow_links: for feeds, fetch each item's page and read its main text instead of the
            item's summary.
        timeout: seconds allowed per URL fetch.
        empty: when given, the name of every input that held no article at all (an empty JSONL
            file or stream, a JSON ``[]``) is appended to it, so that the caller can say so.
    """
    sources = [s for s in inputs if isinstance(s, Source)]
    if len(sources) != len(inputs):
        if sources:
            raise TypeError("read_articles takes INPUT strings or Sources, not a mix of both")
        sources = resolve_inputs([str(s) for s in inputs])
    for src in sources:
        count = 0
        for article in _read_source(src, stdin=stdin, follow_links=follow_links, timeout=timeout):
            count += 1
            yield article
        if count == 0 and empty is not None:
            empty.append(src.name)


def _read_source(src: Source, *, stdin: BinaryIO | None, follow_links: bool,
                 timeout: float) -> Iterator[Article]:
    if src.kind == "url":
        yield from _read_url(src, follow_links=follow_links, timeout=timeout)
        return
    if src.kind == "stdin":
        stream = stdin if stdin is not None else sys.stdin.buffer
        head = _read_head(stream)
        fmt = src.format or sniff_format(head)
        if fmt == "jsonl" and not head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 is read whole
            yield from read_jsonl(_lines(head, stream), name=src.name, stem=src.stem)
            return
        yield from _read_bytes(head + stream.read(), src, fmt, follow_links=follow_links, timeout=timeout)
        return
    if src.format == "parquet":
        yield from _read_parquet_source(src)
        return
    try:
        if src.format == "jsonl" and not _starts_with_utf16_bom(src.location):
            with open(src.location, "rb") as fh:
                yield from read_jsonl(fh, name=src.name, stem=src.stem)
            return
        data = Path(src.location).read_bytes()
    except OSError as err:
        yield _identified(Article(id="", text="", warnings=[input_warning(
            WarningCode.FETCH_FAILED, f"{src.name}: cannot read the file: {err.strerror or err}")]), src)
        return
    fmt = src.format or sniff_format(data)
    yield from _read_bytes(data, src, fmt, follow_links=follow_links, timeout=timeout)


def _read_parquet_source(src: Source) -> Iterator[Article]:
    """The rows of a Parquet file; a file that cannot be read becomes one article with a warning."""
    number = 0
    try:
        for article in read_parquet(src.location, name=src.name, stem=src.stem):
            number += 1
            yield article
    except ConfigError:
        raise
    except Exception as err:  # OSError or a pyarrow error: a corrupt file must not stop a batch
        yield unreadable_row(src.name, src.stem, number + 1, err)


def _read_head(stream: BinaryIO) -> bytes:
    """Enough of a stream to sniff its format, without waiting for more than a producer has sent.

    A pipe may deliver one small record and then wait for our output; reading a fixed number of
    bytes would block there, so we take what is available until a whole first line is in.
    """
    read1 = getattr(stream, "read1", None)
    if read1 is None:
        return stream.read(SAMPLE_BYTES)
    head = b""
    while len(head) < SAMPLE_BYTES:
        chunk = read1(SAMPLE_BYTES - len(head))
        if not chunk:
            break
        head += chunk
        if b"\n" in head.lstrip():
            break
    return head


def _starts_with_utf16_bom(path: str) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) in (b"\xff\xfe", b"\xfe\xff")


def _lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of ``head`` followed by the rest of ``stream``, each yielded as soon as it is in."""
    *complete, pending = head.split(b"\n")
    for line in complete:
        yield line + b"\n"
    for chunk in stream:  # a binary stream iterates by lines
        pending += chunk
        if pending.endswith(b"\n"):
            yield pending
            pending = b""
    if pending:
        yield pending


def _read_bytes(data: bytes, src: Source, fmt: str, *, follow_links: bool, timeout: float,
                declared: str | None = None, url: str | None = None) -> Iterator[Article]:
    """Articles from content already in memory, by format; a reader that breaks becomes a warning."""
    try:
        yield from _read_format(data, src, fmt, follow_links=follow_links, timeout=timeout,
                                declared=declared, url=url)
    except Exception as err:  # a parser bug on one odd input must not stop a batch
        yield _identified(Article(id="", text="", url=url, warnings=[input_warning(
            WarningCode.BAD_RECORD, f"{src.name}: could not be read as {fmt}: {type(err).__name__}: {err}")]), src)


def _identified(article: Article, src: Source) -> Article:
    """``article`` (the one article of ``src``) with its id: the source's, the URL, or from its content."""
    if src.id:
        article.id = src.id
    elif src.kind == "url":
        article.id = src.location
    else:
        article.id = content_id(src.stem, article, where=location(src.name))
    return article


def _read_format(data: bytes, src: Source, fmt: str, *, follow_links: bool, timeout: float,
                 declared: str | None, url: str | None) -> Iterator[Article]:
    doc_id = src.id or src.stem  # replaced by _identified once the content is known
    if fmt == "jsonl":
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            data = decode_bytes(data).text.encode("utf-8")
        yield from read_jsonl(split_lines(data), name=src.name, stem=src.stem)
    elif fmt == "json":
        yield from read_json(data, name=src.name, stem=src.stem)
    elif fmt == "feed":
        def read_page(link: str) -> Article:
            return _fetch_page(link, timeout=timeout)
        yield from read_feed(data, name=src.name, stem=src.stem, follow_links=follow_links,
                             read_page=read_page, declared=declared)
    elif fmt == "html":
        yield _identified(read_html(data, doc_id=doc_id, url=url, declared=declared, where=src.name), src)
    else:
        yield _identified(read_text(data, doc_id=doc_id, where=src.name, url=url), src)


def _fetch_page(url: str, *, timeout: float) -> Article:
    """The article of one fetched page (raises InputError when the fetch fails)."""
    got = fetch(url, timeout=timeout)
    return read_html(got.data, doc_id=url, url=got.url, declared=got.charset, where=url)


def _format_of_response(content_type: str | None, data: bytes) -> str:
    # the content decides when it is recognisable: servers label feeds text/xml, text/html ...
    sniffed = sniff_format(data)
    if sniffed != "text":
        return sniffed
    ct = content_type or ""
    if "html" in ct:
        return "html"
    if any(k in ct for k in ("rss", "atom", "xml")):
        return "feed"
    return "text"


def _read_url(src: Source, *, follow_links: bool, timeout: float) -> Iterator[Article]:
    try:
        got = fetch(src.location, timeout=timeout)
    except InputError as err:
        yield Article(id=src.location, text="", url=src.location,
                      warnings=[input_warning(WarningCode.FETCH_FAILED, str(err))])
        return
    fmt = src.format or _format_of_response(got.content_type, got.data)
    yield from _read_bytes(got.data, src, fmt, follow_links=follow_links, timeout=timeout,
                           declared=got.charset, url=got.url)


def count_articles(sources: Iterable[Source]) -> int | None:
    """A cheap estimate of how many articles the sources hold (for a progress bar); None if unknown.

    JSONL files count their non-blank lines, feeds their items, other files one each; stdin and
    URLs cannot be counted without reading them, so they make the whole count unknown.
    """
    total = 0
    for src in sources:
        if src.kind != "file":
            return None
        try:
            if src.format == "jsonl":
                total += _count_lines(src.location)
            elif src.format == "parquet":
                total += parquet_rows(src.location)
            elif src.format == "feed":
                data = Path(src.location).read_bytes()
                total += max(1, data.count(b"<item") + data.count(b"<entry"))
            elif src.format == "json":
                return None
            else:
                total += 1
        except Exception:  # OSError, or pyarrow's error for a corrupt Parquet file
            total += 1  # the read will fail and yield one article with a warning
    return total


def _count_lines(path: str) -> int:
    """Non-blank lines of a file (blank lines yield no article)."""
    with open(path, "rb") as fh:
        return sum(1 for line in fh if not line.isspace())
