"""``marsad extract INPUT... [-o results.jsonl] [--db PATH] [--workers N] [--resume] [--strict] [--engine dask]``.

Reads articles (JSONL, JSON, text, HTML, RSS files, folders, URLs, or ``-`` for stdin), runs the
pipeline, writes one contract JSON line per article, and stores every result (default
``./marsad.db``, or ``$MARSAD_DB``, or ``--db``).

Output: ``-o FILE`` (``-o -`` is stdout). Without ``-o``, results go to stdout when it is a pipe or
a file, so ``marsad extract a.jsonl | jq`` works; on a terminal they only go to the store, which
``marsad show`` and ``marsad export`` read, instead of flooding the screen with JSON.

Resume and durability: results are committed to the store in batches (every 64 articles or 2 s,
whichever comes first). A run killed at any point loses nothing committed; ``--resume`` skips
articles stored with the same id and content hash and rewrites ``-o`` from start to end, taking
the skipped articles' lines from the store, so that the file equals an uninterrupted run's.

Identity: an article without an id of its own gets ``<file stem>-<12 hex digits of its content
hash>`` (``stdin-…`` for standard input), so that different articles never share an id. The store
never overwrites silently: a different result under a stored id becomes its next version, the
earlier one kept (``marsad show ID --history``). A second article under an id already used in the
same run is left out and named in the summary, so ``-o`` holds exactly what the store holds; a
failed re-read (a URL that cannot be fetched) keeps the stored result. ``-o`` may not be the
store, its -wal/-shm files or an input (exit 2).

Scale-out: ``--engine dask`` runs partitions of the input (JSONL, Parquet, folders) on Dask workers
(``--scheduler ADDRESS``, or a local cluster of ``--workers`` processes) that write the results
themselves, to the store or to ``--parquet DIR``; ``-o`` is written from there after the run.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from marsad.cli.paths import refuse_overwriting
from marsad.cli.words import plural
from marsad.config import EVENT_MODES, Config, load_config
from marsad.dedup import link_incidents
from marsad.document import Article, Document
from marsad.errors import ConfigError, MarsadError, WarningCode
from marsad.pipeline import Pipeline, ResultCounts
from marsad.store.base import Store, default_location, open_store, store_label

if TYPE_CHECKING:
    from rich.progress import Progress

# Commit after this many results or this many seconds, whichever comes first. Storing costs about
# 0.1 ms per full ANT result (measured over 1,000 articles), so a 64-result transaction takes ~7 ms,
# about 1% of the pipeline's time for them, while a killed run redoes at most 2 s of work.
BATCH_SIZE = 64
BATCH_SECONDS = 2.0


def add_parser(subparsers: Any) -> None:
    """Register ``extract`` on the ``marsad`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "extract", help="articles in, document results out (JSONL and the store)",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files, folders, URLs, or - for stdin (default: stdin)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write JSONL results here (- for stdout; default: stdout unless it is a terminal)")
    p.add_argument("--db", metavar="PATH", help="result store (default: $MARSAD_DB or ./marsad.db)")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--resume", action="store_true",
                   help="skip articles already stored with the same id and content hash")
    p.add_argument("--config", metavar="FILE", help="TOML file overlaying the default settings")
    p.add_argument("--strict", action="store_true",
                   help="stop at the first stage error instead of recording it as a warning")
    p.add_argument("--follow-links", action="store_true",
                   help="for feed items, fetch the linked page and extract its main text (else the summary)")
    p.add_argument("--events-mode", choices=EVENT_MODES, metavar="MODE",
                   help="events.mode: article (ACLED coding of the whole article, the default), sentence "
                        "(each sentence judged alone), rules (the rule stack's candidates, no model)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                   help="time limit for fetching one URL (default 20)")
    scale = p.add_argument_group("scale-out (see docs/SCALING.md)")
    scale.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local processes (default), or Dask distributed (needs marsad[dask])")
    scale.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler to run on (default: a local cluster of --workers processes)")
    scale.add_argument("--parquet", metavar="DIR",
                       help="dask engine: write results as DIR/part-NNNNNN.parquet instead of the store")
    scale.add_argument("--partition-size", type=int, default=None, metavar="N",
                       help="dask engine: articles per partition (default 128)")
    p.set_defaults(func=run)


@dataclass(slots=True)
class _Pending:
    """One input article in input order: sent to the pipeline ("run"), answered from the store
    ("stored": resumed, or "kept": its fetch failed), or left out ("refused": a duplicate id)."""

    id: str
    content_hash: str
    how: str = "run"

    @property
    def waiting(self) -> bool:
        """Whether its result comes from the pipeline (the others are settled without it)."""
        return self.how == "run"


# An article whose read failed (no text, and one of these warnings) never replaces a stored result
# that has content: a page that cannot be fetched today says nothing about yesterday's article.
_FAILED_READ = frozenset({WarningCode.FETCH_FAILED, WarningCode.NOT_TEXT, WarningCode.BAD_RECORD})


@dataclass(slots=True)
class RunStats(ResultCounts):
    """What the summary line reports."""

    processed: int = 0
    skipped: int = 0
    duplicates: int = 0  # articles left out because their id came earlier in the run
    kept: int = 0  # failed reads whose id had a stored result, which was kept
    new_versions: int = 0  # results that replaced a different stored one (kept in its history)
    notes: list[str] = field(default_factory=list)  # a few lines saying what was left out and why
    skipped_files: list[str] = field(default_factory=list)  # files in input folders that are no articles
    empty_inputs: list[str] = field(default_factory=list)  # inputs that held no article at all

    def add(self, doc: Document) -> None:
        self.processed += 1
        self.count(doc)


class _Writer:
    """Writes result lines to the output and commits them to the store in batches.

    A batch is committed when it reaches BATCH_SIZE results, and also by a background thread once
    it is BATCH_SECONDS old, so that a run waiting for input (a pipe from a feed reader) still
    commits what it has. Every use of the store and the output goes through ``_lock``.
    """

    def __init__(self, store: Store, out: IO[str] | None) -> None:
        self.store = store
        self.out = out
        self.docs: list[Document] = []
        self.lines: list[str] = []
        self.hashes: list[str] = []
        self.last_commit = time.monotonic()
        self.new_versions = 0
        self.error: BaseException | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        # Started with the first result, not here: by then a worker pool has forked, and forking
        # a process that already runs threads risks deadlocks in the children.
        self._timer: threading.Thread | None = None

    def _commit_when_old(self) -> None:
        while not self._stop.wait(BATCH_SECONDS / 4):
            with self._lock:
                if self.docs and time.monotonic() - self.last_commit >= BATCH_SECONDS:
                    try:
                        self._commit_locked()
                    except BaseException as err:  # handed to the main thread, which raises it
                        self.error = err
                        return

    def add(self, doc: Document, content_hash: str) -> None:
        line = json.dumps(doc.to_dict(), ensure_ascii=False)
        if self._timer is None:
            self._timer = threading.Thread(target=self._commit_when_old, name="marsad-commit", daemon=True)
            self._timer.start()
        with self._lock:
            if self.error is not None:
                raise self.error
            if self.out is not None:
                self.out.write(line + "\n")
            self.docs.append(doc)
            self.lines.append(line)
            self.hashes.append(content_hash)
            old = self.store.get(doc.id)
            if old is not None and old.line != line:
                self.new_versions += 1
            if len(self.docs) >= BATCH_SIZE:
                self._commit_locked()

    def stored_hash(self, doc_id: str) -> str | None:
        """The content hash of the result stored for ``doc_id``, or None."""
        with self._lock:
            stored = self.store.get(doc_id)
            return stored.content_hash if stored is not None else None

    def add_stored(self, doc_id: str) -> bool:
        """Write the stored line of ``doc_id``; False when the store no longer has it."""
        with self._lock:
            stored = self.store.get(doc_id)
            if stored is not None and self.out is not None:
                self.out.write(stored.line + "\n")
            return stored is not None

    def _commit_locked(self) -> None:
        if self.out is not None:
            self.out.flush()
        if self.docs:
            self.store.put_many(self.docs, lines=self.lines, hashes=self.hashes)
            self.docs, self.lines, self.hashes = [], [], []
            # the new events join (or start) incidents across articles; only the new ones are
            # compared, with candidates found by day and country, so this cost stays flat
            link_incidents(self.store)
        self.last_commit = time.monotonic()

    def close(self) -> None:
        """Stop the background thread and commit what is left."""
        self._stop.set()
        if self._timer is not None:
            self._timer.join()
        with self._lock:
            self._commit_locked()
        if self.error is not None:
            raise self.error


def _probe_output(path: str | None) -> None:
    """Raise ConfigError when ``path`` cannot be written, without truncating or leaving a file."""
    if path is None or path == "-":
        return
    target = Path(path)
    if target.is_dir():
        raise ConfigError(f"cannot write results to {target}: it is a directory")
    existed = target.exists()
    try:
        target.open("a", encoding="utf-8").close()
    except OSError as err:
        raise ConfigError(f"cannot write results to {target}: {err.strerror or err}") from err
    if not existed:
        target.unlink()


def _open_output(path: str | None) -> tuple[IO[str] | None, bool]:
    """The output stream and whether it must be closed; None when results go to the store only."""
    if path == "-" or (path is None and not sys.stdout.isatty()):
        return sys.stdout, False
    if path is None:
        return None, False
    target = Path(path)
    if target.is_dir():
        raise ConfigError(f"cannot write results to {target}: it is a directory")
    try:
        return target.open("w", encoding="utf-8", newline="\n"), True
    except OSError as err:
        raise ConfigError(f"cannot write results to {target}: {err.strerror or err}") from err


def _stdin_reader() -> BinaryIO:
    """Standard input as a byte stream of its own, not ``sys.stdin.buffer``.

    With several workers the articles are read by a daemon thread, which may be waiting in a read
    when the run is stopped (Ctrl-C, SIGTERM). Were it ``sys.stdin.buffer``, the interpreter would
    abort at exit, since it flushes the standard streams and finds that one's lock held.
    """
    try:
        return open(sys.stdin.fileno(), "rb", closefd=False)  # lives as long as the run
    except (AttributeError, OSError, ValueError):  # no file descriptor (a test's replaced stdin)
        return sys.stdin.buffer


def _config(args: argparse.Namespace) -> Config:
    config = load_config(args.config) if args.config else load_config()
    if args.strict:
        config = replace(config, pipeline=replace(config.pipeline, on_error="raise"))
    if args.events_mode:
        config = replace(config, events=replace(config.events, mode=args.events_mode))
    return config


def run_extract(articles: Iterable[Article], pipeline: Pipeline, store: Store, out: IO[str] | None, *,
                workers: int = 1, resume: bool = False,
                progress: Callable[[RunStats], None] | None = None) -> RunStats:
    """Run ``pipeline`` over ``articles`` in order, writing lines to ``out`` and results to ``store``.

    With ``resume``, articles stored with the same id and content hash are not run again: their
    stored lines are written in their place, so ``out`` is the same as an uninterrupted run's.

    Raises:
        RunStoreError: the store failed; what was committed before stays.
        Exception: under the "raise" error policy, the first stage error (after committing).
    """
    known = store.content_hashes() if resume else {}
    # Input order, shared with the generator below: the pipeline's worker pool may pull articles
    # from it in another thread, but deque append/popleft are atomic, and an article's entry is
    # always appended before the article is handed on, so the main loop never overtakes it.
    pending: deque[_Pending] = deque()
    stats = RunStats()
    writer = _Writer(store, out)
    seen: dict[str, str] = {}  # id -> content hash of every article of this run so far

    def note(line: str) -> None:
        if len(stats.notes) < 5:
            stats.notes.append(line)

    def settle(article: Article, content_hash: str) -> str:
        """How this article's result is obtained (see _Pending)."""
        first_hash = seen.get(article.id)
        if first_hash is not None:
            # The store keeps one result per id, and -o must hold what the store holds: a second
            # article under an id of this run is left out, never written over the first.
            same = "the same article again" if first_hash == content_hash else "a different article"
            note(f"id {article.id!r} came earlier in this run; {same} under it was left out"
                 + ("" if first_hash == content_hash else " (give each article its own id)"))
            return "refused"
        seen[article.id] = content_hash
        if known.get(article.id) == content_hash:
            return "stored"
        if not article.text.strip() and any(w.code in _FAILED_READ for w in article.warnings):
            stored_hash = writer.stored_hash(article.id)
            if stored_hash is not None and stored_hash != content_hash:
                reason = next(w.message for w in article.warnings if w.code in _FAILED_READ)
                note(f"{article.id}: {reason}; the result stored earlier was kept")
                return "kept"
        return "run"

    def to_process() -> Iterator[Article]:
        for article in articles:
            content_hash = article.content_hash
            item = _Pending(article.id, content_hash, settle(article, content_hash))
            pending.append(item)
            if item.waiting:
                yield article

    def flush_settled() -> None:
        while pending and not pending[0].waiting:
            item = pending.popleft()
            if item.how == "refused":
                stats.duplicates += 1
                continue
            writer.add_stored(item.id)
            if item.how == "kept":
                stats.kept += 1
            else:
                stats.skipped += 1
            if progress is not None:
                progress(stats)

    try:
        for doc in pipeline.run_many(to_process(), workers=workers):
            flush_settled()
            item = pending.popleft()
            writer.add(doc, item.content_hash)
            stats.add(doc)
            if progress is not None:
                progress(stats)
        flush_settled()
    finally:
        writer.close()
        stats.new_versions = writer.new_versions
    return stats


def _summary(stats: RunStats, seconds: float, destinations: list[str]) -> str:
    rate = stats.processed / seconds if seconds > 0 else 0.0
    parts = [f"{plural(stats.processed, 'article')} in {seconds:.1f} s ({rate:.1f}/s)",
             f"{plural(stats.events, 'event')}, {plural(stats.quotes, 'quote')}"]
    if stats.skipped:
        parts.append(f"{stats.skipped} already stored (skipped)")
    if stats.duplicates:
        parts.append(f"{plural(stats.duplicates, 'article')} left out (an id already used in this run)")
    if stats.kept:
        parts.append(f"{plural(stats.kept, 'failed read')} kept the stored result")
    if stats.new_versions:
        parts.append(f"{plural(stats.new_versions, 'stored result')} replaced by a new version "
                     "(the earlier kept in the store's history)")
    if stats.with_warnings:
        codes = ", ".join(f"{code} ×{n}" for code, n in sorted(stats.warning_codes.items()))
        parts.append(f"{stats.with_warnings} with warnings ({codes})")
    if stats.empty_inputs:
        parts.append(f"{plural(len(stats.empty_inputs), 'input')} held no article")
    if stats.skipped_files:
        kinds = sorted({Path(p).suffix.lower() or "no extension" for p in stats.skipped_files})
        parts.append(f"{plural(len(stats.skipped_files), 'file')} in the input folders skipped: "
                     f"not an article format ({', '.join(kinds)})")
    line = "marsad extract: " + "; ".join(parts) + " → " + ", ".join(destinations)
    if len(destinations) == 1:
        line += " (read them with `marsad show ID` or `marsad export`)"
    for failure in stats.failures:
        line += f"\n  {failure}"
    for note in stats.notes:
        line += f"\n  {note}"
    for name in stats.empty_inputs[:5]:
        line += f"\n  warning: {name} holds no article (an empty file or stream?)"
    for name in stats.skipped_files[:5]:
        line += f"\n  skipped: {name}"
    if len(stats.skipped_files) > 5:
        line += f"\n  skipped: ... and {len(stats.skipped_files) - 5} more"
    return line


def _progress_bar(total: int | None, t0: float) -> tuple[Progress, Callable[[RunStats], None]]:
    """A rich progress bar on stderr and the callback that advances it."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("extract"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(),
                   console=Console(file=sys.stderr), transient=True)
    task = bar.add_task("extract", total=total, rate="0.0")

    def advance(stats: RunStats) -> None:
        elapsed = time.perf_counter() - t0
        rate = f"{stats.processed / elapsed:.1f}" if elapsed > 0 else "0.0"
        bar.update(task, completed=stats.processed + stats.skipped + stats.kept + stats.duplicates, rate=rate)

    return bar, advance


def run(args: argparse.Namespace) -> int:
    """Carry out ``marsad extract``; return the exit code."""
    # Imported here so that `marsad --help` and the other subcommands never load the readers.
    from marsad.ingest import count_articles, read_articles, resolve_inputs

    # Everything that can be wrong with the setup is checked before the first article is read.
    if args.workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {args.workers}")
    if args.timeout <= 0:
        raise ConfigError(f"--timeout must be positive, got {args.timeout}")
    if args.engine != "dask" and (args.scheduler or args.parquet or args.partition_size is not None):
        raise ConfigError("--scheduler, --parquet and --partition-size need --engine dask")
    config = _config(args)
    inputs = list(args.inputs) or ["-"]
    if inputs == ["-"] and sys.stdin.isatty():
        raise ConfigError("no INPUT given and stdin is a terminal; name files, folders or URLs, "
                          "or pipe articles in (see marsad extract --help)")
    skipped_files: list[str] = []
    sources = resolve_inputs(inputs, skipped=skipped_files)
    db = args.db or default_location()
    refuse_overwriting(args.output, store=db, inputs=[src.location for src in sources if src.kind == "file"])
    _probe_output(args.output)
    if args.engine == "dask":
        return _run_dask(args, config, sources, db)
    pipeline = Pipeline(config)
    with open_store(db) as store:
        out, close_out = _open_output(args.output)
        destinations = [store_label(db)] + (["stdout"] if out is sys.stdout else [str(args.output)] if out else [])
        t0 = time.perf_counter()
        bar, advance = (_progress_bar(count_articles(sources), t0) if sys.stderr.isatty()
                        else (None, None))
        run_id = store.start_run("extract", {"inputs": inputs, "workers": args.workers, "resume": args.resume})
        status = "failed"
        stats = RunStats()
        empty_inputs: list[str] = []
        try:
            articles = read_articles(sources, stdin=_stdin_reader(), follow_links=args.follow_links,
                                     timeout=args.timeout, empty=empty_inputs)
            if bar is not None:
                with bar:
                    stats = run_extract(articles, pipeline, store, out, workers=args.workers,
                                        resume=args.resume, progress=advance)
            else:
                stats = run_extract(articles, pipeline, store, out, workers=args.workers,
                                    resume=args.resume)
            status = "done"
        except (MarsadError, BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as err:
            # Under --strict (or when a worker process dies) the run itself broke: what was
            # committed stays, and `--resume` continues from there.
            print(f"marsad: error: the run stopped: {err!r} (committed results are kept; "
                  "re-run with --resume)", file=sys.stderr)
            return 1
        finally:
            if close_out and out is not None:
                out.close()
            try:
                store.finish_run(run_id, status=status, processed=stats.processed, skipped=stats.skipped,
                                 events=stats.events)
            except MarsadError:
                pass  # the store already failed; that error is the one to report
    stats.skipped_files, stats.empty_inputs = skipped_files, empty_inputs
    print(_summary(stats, time.perf_counter() - t0, destinations), file=sys.stderr)
    return 0


def _run_dask(args: argparse.Namespace, config: Config, sources: list[Any], db: str) -> int:
    """``marsad extract --engine dask``: results to the store or to ``--parquet``, then to ``-o`` in input order."""
    from marsad.scale.dask import require_dask, run_dask, sink_for
    from marsad.scale.partitions import PARTITION_SIZE

    require_dask()  # before anything else: without the extra, the install hint and exit code 2
    sink = sink_for(db=None if args.parquet else db, parquet=args.parquet)
    run_id: int | None = None
    if not args.parquet:
        with open_store(db) as store:
            run_id = store.start_run("extract", {"inputs": [s.location for s in sources], "engine": "dask",
                                                 "workers": args.workers, "resume": args.resume})
    t0 = time.perf_counter()
    try:
        report = run_dask(sources, config, sink, scheduler=args.scheduler, workers=args.workers,
                          resume=args.resume, partition_size=args.partition_size or PARTITION_SIZE,
                          keep_ids=args.output is not None or not sys.stdout.isatty())
    except Exception as err:
        if run_id is not None:
            with open_store(db) as store:
                store.finish_run(run_id, status="failed")
        if isinstance(err, MarsadError):
            raise
        print(f"marsad: error: the run stopped: {err!r} (written results are kept; re-run with --resume)",
              file=sys.stderr)
        return 1
    if run_id is not None:
        with open_store(db) as store:
            # the workers stored their events unlinked; one pass on the driver links them all
            # (a run killed before this point leaves them for the resumed run's pass)
            link_incidents(store)
            store.finish_run(run_id, status="done", processed=report.processed, skipped=report.skipped,
                             events=report.events)
    out, close_out = _open_output(args.output)
    try:
        if out is not None:
            for line in sink.lines(list(report.ids())):
                out.write(line + "\n")
    finally:
        if close_out and out is not None:
            out.close()
    stats = RunStats(processed=report.processed, skipped=report.skipped, events=report.events,
                     quotes=report.quotes, with_warnings=report.with_warnings,
                     warning_codes=report.warning_codes, failures=report.failures)
    destinations = [args.parquet or db] + (["stdout"] if out is sys.stdout else [str(args.output)] if out else [])
    print(_summary(stats, time.perf_counter() - t0, destinations)
          + f" [dask: {report.workers} workers, {report.partitions} partitions]", file=sys.stderr)
    return 0
