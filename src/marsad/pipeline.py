"""The stage table and the runner: articles in, documents out.

Each stage is one public function ``(Document, section config) -> Document`` of one module, listed
in :data:`STAGES` in the order of the data flow with what it requires and assigns; the runner checks
the table at start-up (a stage may only require what an earlier one assigns). One failing stage
never stops a batch: under the default policy the document keeps what earlier stages produced and
gains a W900 warning naming the stage and the error.
"""

from __future__ import annotations

import datetime as dt
import importlib
import multiprocessing
import queue
import re
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from marsad.config import Config, load_config
from marsad.document import Article, Document, ResultWarning
from marsad.errors import ConfigError, InputError, WarningCode
from marsad.text.arabic import arabic_share

StageFunc = Callable[[Document, Any], Document]


@dataclass(frozen=True, slots=True)
class StageSpec:
    """One row of the stage table."""

    name: str
    func: StageFunc
    config_section: str | None  # the section of Config handed to func, or None
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


# The stage table, in the order of the data flow: name, module, entry point, config section,
# what it requires and what it assigns.
STAGE_TABLE: tuple[tuple[str, str, str, str | None, tuple[str, ...], tuple[str, ...]], ...] = (
    ("normalize", "marsad.text.normalize", "normalize_text", None, ("text",), ("folded",)),
    ("segment", "marsad.text.segment", "segment_text", None, ("text",), ("sentences", "tokens")),
    ("entities", "marsad.entities", "find_entities", "entities", ("folded", "tokens"), ("entities",)),
    ("actors", "marsad.actors", "resolve_actors", "actors", ("entities",), ("actors",)),
    ("places", "marsad.places", "locate_places", "places", ("entities",), ("places",)),
    ("dates", "marsad.dates", "normalize_dates", "dates", ("folded", "published"), ("dates",)),
    ("quotes", "marsad.quotes", "attribute_quotes", "quotes", ("sentences", "actors"), ("quotes",)),
    ("events", "marsad.events", "extract_events", "events",
     ("sentences", "actors", "places", "dates", "quotes"), ("events",)),
)


def _stages() -> tuple[StageSpec, ...]:
    # Imported here, not at module top, so that `import marsad` stays cheap: the stage modules
    # load lexicons and models on first use, and a CLI `--help` needs none of them.
    return tuple(StageSpec(name, getattr(importlib.import_module(module_name), func_name), section, requires,
                           assigns)
                 for name, module_name, func_name, section, requires, assigns in STAGE_TABLE)


def check_stage_table(stages: Iterable[StageSpec]) -> None:
    """Raise ConfigError when a stage requires something no earlier stage assigns."""
    available = {"text", "title", "published"}
    seen: set[str] = set()
    for spec in stages:
        if spec.name in seen:
            raise ConfigError(f"stage {spec.name!r} appears twice in the stage table")
        seen.add(spec.name)
        missing = [r for r in spec.requires if r not in available]
        if missing:
            raise ConfigError(f"stage {spec.name!r} requires {missing}, which no earlier stage assigns")
        available.update(spec.assigns)


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
# Day-first numeric dates, as many Arabic sites (and about half of the ANT corpus) write them.
_DAY_FIRST_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ][0-9:.]+)?$")


def parse_published(value: str | None) -> dt.date | None:
    """The calendar date of a `published` value; None when absent.

    Accepts YYYY-MM-DD, ISO 8601 with a time, and day-first DD/MM/YYYY (also with . or -).
    Raises InputError when the value is present but not such a date. The date is taken as written
    (its own time zone), not converted to UTC: an article published at 00:30+03:00 was published
    that day where it was written, which is what relative dates (أمس) count from.

    >>> parse_published("20/01/2017")
    datetime.date(2017, 1, 20)
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    m = _ISO_DATE.match(text)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DAY_FIRST_DATE.match(text):
        year, month, day = int(m.group(3)), int(m.group(2)), int(m.group(1))
    else:
        raise InputError(f"published {value!r} is not a YYYY-MM-DD, ISO 8601 or DD/MM/YYYY date")
    try:
        return dt.date(year, month, day)
    except ValueError as err:
        raise InputError(f"published {value!r} is not a valid date: {err}") from err


# How many stage failures ("id: message") a run's summary quotes.
MAX_FAILURES = 5


@dataclass(slots=True)
class ResultCounts:
    """What a run's results hold, for its summary: events, quotes, results with warnings (by
    code), and the first few stage failures. Counted per result, or summed over parts of a run."""

    events: int = 0
    quotes: int = 0
    with_warnings: int = 0
    warning_codes: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # "id: message" of W9xx warnings

    def count(self, doc: Document) -> None:
        """Add one result."""
        self.events += len(doc.events)
        self.quotes += len(doc.quotes)
        if doc.warnings:
            self.with_warnings += 1
            self.warning_codes.update(w.code for w in doc.warnings)
            for w in doc.warnings:
                if w.code.startswith("W9") and len(self.failures) < MAX_FAILURES:
                    self.failures.append(f"{doc.id}: {w.message}")

    def merge(self, other: ResultCounts) -> None:
        """Add the counts of another part of the run."""
        self.events += other.events
        self.quotes += other.quotes
        self.with_warnings += other.with_warnings
        self.warning_codes.update(other.warning_codes)
        self.failures.extend(other.failures[: max(0, MAX_FAILURES - len(self.failures))])


class Pipeline:
    """Runs the stage table over articles under one configuration."""

    def __init__(self, config: Config | None = None, *, stages: Iterable[StageSpec] | None = None) -> None:
        self.config = config or load_config()
        self.stages = tuple(stages) if stages is not None else _stages()
        check_stage_table(self.stages)
        self.stage_seconds: dict[str, float] = {s.name: 0.0 for s in self.stages}

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def prepare(self, article: Article) -> Document:
        """A document for ``article`` with input checks done (truncation, script, published)."""
        cfg = self.config.pipeline
        doc = Document(article=article)
        doc.warnings.extend(ResultWarning(code=w.code, message=w.message, stage=w.stage)
                            for w in article.warnings)
        replaced = article.replace_surrogates()  # readers already do; callers of the API may not
        if replaced:
            doc.add_warning(WarningCode.MIS_ENCODED, f"{', '.join(replaced)} held lone surrogates, which are no "
                            "characters; each was replaced by U+FFFD", stage="input")
        text = article.text
        if len(text) > cfg.max_chars:
            article.text = text[: cfg.max_chars]
            doc.add_warning(WarningCode.TRUNCATED,
                            f"text of {len(text):,} characters cut to the first {cfg.max_chars:,}",
                            stage="input")
        if not article.text.strip():
            if not any(w.code == WarningCode.EMPTY_TEXT for w in doc.warnings):
                doc.add_warning(WarningCode.EMPTY_TEXT, "article text is empty", stage="input")
        elif "\x00" in article.text[:4096] or "\ufffd" in article.text[:4096]:
            if not any(w.code in (WarningCode.NOT_TEXT, WarningCode.MIS_ENCODED) for w in doc.warnings):
                doc.add_warning(WarningCode.MIS_ENCODED,
                                "text holds NUL or replacement characters: it was probably mis-decoded",
                                stage="input")
        if article.text.strip():
            share = arabic_share(article.text)
            if share < cfg.min_arabic_share:
                doc.language = "und"
                doc.add_warning(WarningCode.NOT_ARABIC,
                                f"only {share:.0%} of the letters are Arabic: marsad reads Arabic news",
                                stage="input")
        try:
            published = parse_published(article.published)
            doc.cache["published_date"] = published
            if published is not None and article.published and not _ISO_DATE.match(article.published.strip()):
                # the contract writes `published` as YYYY-MM-DD: a day-first input is rewritten
                article.published = published.isoformat()
        except InputError as err:
            doc.cache["published_date"] = None
            doc.add_warning(WarningCode.BAD_PUBLISHED, f"{err}; relative dates stay unresolved",
                            stage="input")
        return doc

    def run(self, article: Article) -> Document:
        """Process one article; never raises for a bad article under the 'record' policy."""
        doc = self.prepare(article)
        if not doc.text.strip():
            return doc
        raise_errors = self.config.pipeline.on_error == "raise"
        for spec in self.stages:
            section = getattr(self.config, spec.config_section) if spec.config_section else None
            t0 = time.perf_counter()
            try:
                doc = spec.func(doc, section)
            except Exception as err:  # one article must never stop a batch
                if raise_errors:
                    raise
                doc.add_warning(WarningCode.STAGE_FAILED, f"stage {spec.name} failed: {err!r}",
                                stage=spec.name)
            self.stage_seconds[spec.name] += time.perf_counter() - t0
        doc.cache.clear()
        return doc

    def run_many(self, articles: Iterable[Article], *, workers: int = 1,
                 chunksize: int = 8) -> Iterator[Document]:
        """Process articles in order, in ``workers`` processes when more than one."""
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, got {workers}")
        if workers == 1:
            for article in articles:
                yield self.run(article)
            return
        # fork shares the loaded lexicons and models with the workers copy-on-write
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        ctx = multiprocessing.get_context(method)
        stop = threading.Event()
        with ctx.Pool(workers, initializer=_init_worker, initargs=(self.config,)) as pool:
            try:
                yield from pool.imap(_run_in_worker, _read_ahead(articles, stop, 4 * workers * chunksize),
                                     chunksize=chunksize)
            finally:
                stop.set()  # before the pool stops: its feeding thread must not wait on input


_END = object()


def _read_ahead(articles: Iterable[Article], stop: threading.Event, size: int) -> Iterator[Article]:
    """``articles``, read by a daemon thread of their own.

    The pool feeds its workers from a thread that it joins when it stops. Were that thread to read
    the input itself, a run stopped (Ctrl-C, SIGTERM) while a pipe waits for more articles would
    hang in that join; waiting here instead, on a queue with a timeout, it notices ``stop``.
    """
    handed: queue.Queue[object] = queue.Queue(maxsize=size)

    def read() -> None:
        try:
            for article in articles:
                while not stop.is_set():
                    try:
                        handed.put(article, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            handed.put(_END)
        except BaseException as err:  # handed on, raised where the articles are consumed
            handed.put(err)

    threading.Thread(target=read, name="marsad-read", daemon=True).start()
    while not stop.is_set():
        try:
            item = handed.get(timeout=0.1)
        except queue.Empty:
            continue
        if item is _END:
            return
        if isinstance(item, BaseException):
            raise item
        yield cast(Article, item)


_WORKER: Pipeline | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    # A forked worker inherits the parent's SIGTERM handler (the CLI turns SIGTERM into an
    # exception); the pool stops its workers with SIGTERM, which must simply end them.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = Pipeline(config)


def _run_in_worker(article: Article) -> Document:
    assert _WORKER is not None
    return _WORKER.run(article)


_DEFAULT: Pipeline | None = None


def _default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract(text: str, *, title: str | None = None, published: str | None = None,
            id: str | None = None, url: str | None = None, source: str | None = None) -> Document:
    """Run the whole pipeline on one article text and return its document.

    >>> doc = extract("قال مصدر أمني إن انفجاراً وقع في بغداد.")
    >>> doc.check_offsets()
    """
    article = Article.from_dict({"id": id, "text": text, "title": title, "published": published,
                                 "url": url, "source": source})
    return _default_pipeline().run(article)


def extract_many(records: Iterable[Article | dict[str, Any]], *, workers: int = 1) -> Iterator[Document]:
    """Run the pipeline over articles or input records (dicts of the contract), in order.

    A record that is not a valid article yields a document with empty lists and a W103 warning.
    """
    def articles() -> Iterator[Article]:
        for i, rec in enumerate(records):
            if isinstance(rec, Article):
                yield rec
                continue
            try:
                yield Article.from_dict(rec)
            except InputError as err:
                rid = rec.get("id") if isinstance(rec, dict) else None
                art = Article(id=str(rid) if rid else f"record-{i + 1}", text="")
                art.warnings.append(ResultWarning(code=WarningCode.BAD_RECORD,
                                                  message=f"record {i + 1}: {err}", stage="input"))
                yield art
    return _default_pipeline().run_many(articles(), workers=workers)
