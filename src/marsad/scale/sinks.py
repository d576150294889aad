"""Where a partition's results go, written so that a retried partition or a re-run writes nothing twice.

* :class:`StoreSink`: the result store (``open_store(url)``: PostgreSQL for a cluster, SQLite on one
  machine). A result is keyed by article id; storing the same result again changes nothing
  (``Store.put_many``), and with ``resume`` articles stored with the same id and content hash are
  not even run. Results are committed every :data:`COMMIT_EVERY` articles, so a worker killed in
  the middle of a partition keeps what it committed and the retry only redoes the rest.
* :class:`ParquetSink`: one file per partition, ``part-NNNNNN.parquet``, written to a temporary name
  and renamed into place, so that a file is either whole or absent; a retried partition replaces
  its own file and never adds a second one. The file's metadata keeps the partition's digest and
  the digest of its articles' ids and content hashes, which ``resume`` compares before skipping.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.document import Article, Document
from marsad.errors import ConfigError
from marsad.store.base import Store, open_store

# Results per store transaction: as the local engine's batch (marsad.cli.extract.BATCH_SIZE).
COMMIT_EVERY = 64
PLAN_FILE = "_plan.json"
PARQUET_COLUMNS = ("id", "content_hash", "published", "result")


@dataclass(slots=True)
class Written:
    """What a sink did with one partition: results written (new or changed) and articles skipped."""

    written: int = 0
    skipped: int = 0


def keys_digest(keys: Sequence[tuple[str, str]]) -> str:
    """A digest of ``(id, content hash)`` pairs in order: equal inputs, equal digests."""
    h = hashlib.sha256()
    for doc_id, content_hash in keys:
        h.update(doc_id.encode("utf-8", "surrogatepass") + b"\x1f" + content_hash.encode() + b"\x1e")
    return h.hexdigest()


Run = Callable[[list[Article]], Iterator[Document]]


def _line(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False)


_STORES: dict[str, Store] = {}


def _worker_store(url: str) -> Store:
    """One open store per worker process and URL, kept for the worker's life (a connection, not a run)."""
    store = _STORES.get(url)
    if store is None:
        store = _STORES[url] = open_store(url)
    return store


@dataclass(frozen=True, slots=True)
class StoreSink:
    """Results into the store at ``url`` (an absolute SQLite path or a PostgreSQL URL)."""

    url: str

    def prepare(self, digests: Sequence[str], *, resume: bool) -> None:
        """Create and migrate the store once, on the driver, before any worker opens it.

        Workers opening a new store at the same moment would each try to create its tables.
        """
        open_store(self.url).close()

    def write(self, index: int, part_digest: str, articles: list[Article], run: Run, *,
              resume: bool) -> tuple[Written, list[Document]]:
        """Run and store the articles of one partition; return what was written and the documents run."""
        store = _worker_store(self.url)
        keys = [(a.id, a.content_hash) for a in articles]  # before the run: it may cut an overlong text
        done = store.done(keys) if resume else set()
        todo = [(a, h) for a, (_, h) in zip(articles, keys, strict=True) if a.id not in done]
        result = Written(skipped=len(articles) - len(todo))
        docs: list[Document] = []
        batch: list[Document] = []
        hashes: list[str] = []
        for doc, (_, content_hash) in zip(run([a for a, _ in todo]), todo, strict=True):
            docs.append(doc)
            batch.append(doc)
            hashes.append(content_hash)
            if len(batch) >= COMMIT_EVERY:
                result.written += store.put_many(batch, lines=[_line(d) for d in batch], hashes=hashes)
                batch, hashes = [], []
        if batch:
            result.written += store.put_many(batch, lines=[_line(d) for d in batch], hashes=hashes)
        return result, docs

    def lines(self, ids: Sequence[str]) -> Iterator[str]:
        """The stored lines of ``ids``, in that order (for ``-o`` after a run)."""
        with open_store(self.url, create=False) as store:
            for doc_id in ids:
                stored = store.get(doc_id)
                if stored is not None:
                    yield stored.line


def _parquet() -> tuple[Any, Any]:
    from marsad.ingest.parquet import INSTALL_HINT
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise ConfigError(INSTALL_HINT) from err
    return pa, pq


@dataclass(frozen=True, slots=True)
class ParquetSink:
    """Results into ``directory``, one ``part-NNNNNN.parquet`` per partition (columns: PARQUET_COLUMNS)."""

    directory: str

    def path(self, index: int) -> Path:
        return Path(self.directory) / f"part-{index:06d}.parquet"

    def prepare(self, digests: Sequence[str], *, resume: bool) -> None:
        """Make the directory ready for a run of partitions with these digests (on the driver).

        A fresh run removes the part files of an earlier one (a smaller plan would leave some
        behind, and their rows would be duplicates); ``resume`` requires the same plan.

        Raises:
            ConfigError: the directory cannot be made, or ``resume`` meets a different plan.
        """
        _parquet()
        root = Path(self.directory)
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ConfigError(f"cannot write Parquet results to {root}: {err.strerror or err}") from err
        plan_path = root / PLAN_FILE
        if resume and plan_path.exists():
            recorded = json.loads(plan_path.read_text(encoding="utf-8")).get("partitions")
            if recorded != list(digests):
                raise ConfigError(f"{root} holds results of other inputs or another partition size; "
                                  "resume with the same inputs and --partition-size, or use a new folder")
        elif not resume:
            for old in root.glob("part-*.parquet"):
                old.unlink()
        tmp = plan_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"partitions": list(digests)}), encoding="utf-8")
        os.replace(tmp, plan_path)

    def write(self, index: int, part_digest: str, articles: list[Article], run: Run, *,
              resume: bool) -> tuple[Written, list[Document]]:
        """Run one partition and write its file; with ``resume`` a current file is kept as it is."""
        pa, pq = _parquet()
        keys = [(a.id, a.content_hash) for a in articles]
        content = keys_digest(keys)
        target = self.path(index)
        if resume and target.exists():
            try:
                meta = pq.read_schema(target).metadata or {}
            except Exception:  # a damaged file is rewritten below
                meta = {}
            if meta.get(b"marsad.partition") == part_digest.encode() and meta.get(b"marsad.keys") == content.encode():
                return Written(skipped=len(articles)), []
        docs = list(run(articles))
        table = pa.table({
            "id": [d.id for d in docs],
            "content_hash": [h for _, h in keys],
            "published": [d.article.published for d in docs],
            "result": [_line(d) for d in docs],
        }).replace_schema_metadata({"marsad.partition": part_digest, "marsad.keys": content})
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        pq.write_table(table, tmp)
        os.replace(tmp, target)  # atomic: a reader sees the old file or the new one, never half
        return Written(written=len(docs)), docs

    def lines(self, ids: Sequence[str]) -> Iterator[str]:
        """Every result line of the directory in partition order (``ids`` is not needed: files are in order)."""
        _, pq = _parquet()
        for path in sorted(Path(self.directory).glob("part-*.parquet")):
            yield from pq.read_table(path, columns=["result"]).column("result").to_pylist()


Sink = StoreSink | ParquetSink
