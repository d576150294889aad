"""The Dask engine: partitions of the input run on Dask distributed workers, results written idempotently.

``run_dask`` plans the partitions on the driver (:mod:`marsad.scale.partitions`), submits one task
per partition with a bounded number in flight, and gathers a small report per partition; the
workers read their part of the input from the shared file system, run the pipeline (built once per
worker process and kept), and write their results themselves through a sink
(:mod:`marsad.scale.sinks`), so no article text or result passes through the scheduler.

Faults: a worker that dies takes its running task with it; the scheduler runs that partition again
on another worker (Dask's ``distributed.scheduler.allowed-failures`` times), and the sink makes the
retry write nothing twice. A driver that dies leaves every committed result in place; the same
command with ``--resume`` runs only what is missing.

Dask is an optional extra (``pip install 'marsad[dask]'``): without it, :func:`require_dask` raises a
ConfigError with the install hint, which the CLI reports with exit code 2.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.config import Config
from marsad.document import Article, Document
from marsad.errors import ConfigError
from marsad.ingest import Source
from marsad.pipeline import Pipeline, ResultCounts
from marsad.scale.partitions import PARTITION_SIZE, Partition, plan_partitions, read_partition
from marsad.scale.sinks import ParquetSink, Sink, StoreSink

INSTALL_HINT = "the dask engine needs Dask distributed: pip install 'marsad[dask]'"


def require_dask() -> None:
    """Raise ConfigError with the install hint when Dask distributed is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError as err:
        raise ConfigError(INSTALL_HINT) from err


@dataclass(slots=True, kw_only=True)
class PartitionReport(ResultCounts):
    """What one task sends back: counts, a few failures, and the ids in order when ``-o`` needs them."""

    index: int
    articles: int = 0
    processed: int = 0
    skipped: int = 0
    written: int = 0
    ids: list[str] = field(default_factory=list)
    worker_pid: int = 0


@dataclass(slots=True)
class DaskRunReport(ResultCounts):
    """The whole run: per-partition reports summed, and the ids in input order (when kept)."""

    partitions: int = 0
    processed: int = 0
    skipped: int = 0
    written: int = 0
    workers: int = 0
    reports: dict[int, PartitionReport] = field(default_factory=dict)

    def add(self, rep: PartitionReport) -> None:
        self.reports[rep.index] = rep
        self.processed += rep.processed
        self.skipped += rep.skipped
        self.written += rep.written
        self.merge(rep)

    def ids(self) -> Iterator[str]:
        """Article ids in input order (only when the run kept them)."""
        for index in sorted(self.reports):
            yield from self.reports[index].ids


@dataclass(frozen=True, slots=True)
class Job:
    """What every task needs besides its partition: the configuration, the sink, and the run's flags."""

    config: Config
    sink: Sink
    resume: bool = False
    keep_ids: bool = False


# One pipeline per worker process, built on its first partition and kept: loading the lexicons,
# gazetteer and models costs about a second, which once per worker is noise and once per
# partition would not be.
_PIPELINE: Pipeline | None = None


def worker_pipeline(config: Config) -> Pipeline:
    """The pipeline of this process for ``config``, built once."""
    global _PIPELINE
    if _PIPELINE is None or _PIPELINE.config != config:
        _PIPELINE = Pipeline(config)
    return _PIPELINE


def run_partition(part: Partition, job: Job) -> PartitionReport:
    """Read, run and write one partition (runs on a worker); under the raise policy a stage error raises."""
    pipeline = worker_pipeline(job.config)
    articles = list(read_partition(part))
    rep = PartitionReport(index=part.index, articles=len(articles), worker_pid=os.getpid())

    def run(todo: list[Article]) -> Iterator[Document]:
        for article in todo:
            yield pipeline.run(article)

    written, docs = job.sink.write(part.index, part.digest, articles, run, resume=job.resume)
    rep.written, rep.skipped, rep.processed = written.written, written.skipped, len(docs)
    for doc in docs:
        rep.count(doc)
    if job.keep_ids:
        rep.ids = [a.id for a in articles]
    return rep


def sink_for(*, db: str | None, parquet: str | None) -> Sink:
    """The sink of a run: Parquet files in ``parquet`` when given, else the store ``db``.

    A SQLite path is made absolute, since workers need not share the driver's working directory.
    """
    if parquet is not None:
        return ParquetSink(str(Path(parquet).resolve()))
    if db is None:
        raise ConfigError("the dask engine needs a store (--db) or a Parquet folder (--parquet)")
    if "://" in db:
        return StoreSink(db)
    return StoreSink(str(Path(db).resolve()))


def _client(scheduler: str | None, workers: int) -> tuple[Any, Callable[[], None]]:
    """A Dask client for ``scheduler`` (an address), or for a LocalCluster of ``workers`` processes."""
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as err:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
        return client, client.close
    # one thread per worker: the pipeline is pure Python and holds the GIL; ":0" puts the dashboard on
    # a free port, so that two runs on one machine never collide on 8787
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=40)
    client = Client(cluster)

    def close() -> None:
        client.close()
        cluster.close()

    return client, close


def run_dask(sources: Sequence[Source], config: Config, sink: Sink, *, scheduler: str | None = None,
             workers: int = 1, resume: bool = False, partition_size: int = PARTITION_SIZE,
             keep_ids: bool = False, client: Any = None,
             progress: Callable[[DaskRunReport], None] | None = None) -> DaskRunReport:
    """Run the pipeline over ``sources`` on Dask and write every result through ``sink``.

    Args:
        sources: resolved inputs (files only; see :func:`plan_partitions`).
        config: the pipeline configuration every worker uses.
        sink: where results go (:func:`sink_for`).
        scheduler: the address of a running Dask scheduler; None starts a LocalCluster of
            ``workers`` processes for this run.
        resume: skip articles (store) or partitions (Parquet) whose results are already written.
        partition_size: articles per partition.
        keep_ids: keep every article id, in input order, in the report (for ``-o``).
        client: a Dask client to use instead (tests, benchmarks); it is not closed.
        progress: called after each finished partition.

    Raises:
        ConfigError: Dask missing, an unusable input or sink, an unreachable scheduler.
        Exception: a task's error (a stage error under the raise policy, a store failure) once the
            scheduler gives up on the partition; what was written before stays.
    """
    require_dask()
    from distributed import as_completed

    parts = plan_partitions(sources, size=partition_size)
    sink.prepare([p.digest for p in parts], resume=resume)
    job = Job(config=config, sink=sink, resume=resume, keep_ids=keep_ids)
    report = DaskRunReport(partitions=len(parts))
    close: Callable[[], None] | None = None
    if client is None:
        client, close = _client(scheduler, workers)
    try:
        report.workers = len(client.scheduler_info().get("workers", {}))
        # A bounded window of tasks in flight keeps the driver's and the scheduler's memory flat
        # whatever the number of partitions; four per worker keeps every worker busy between reports.
        window = max(4, 4 * report.workers)
        queue = deque(parts)
        futures = as_completed()

        def submit() -> None:
            part = queue.popleft()
            # the job (configuration and sink) pickles to under a kilobyte: sent with each task
            futures.add(client.submit(run_partition, part, job, key=f"marsad-{part.digest}-{part.index}",
                                      pure=False))

        for _ in range(min(window, len(queue))):
            submit()
        for future in futures:
            rep: PartitionReport = future.result()
            report.add(rep)
            future.release()
            if queue:
                submit()
            if progress is not None:
                progress(report)
    finally:
        if close is not None:
            close()
    return report
