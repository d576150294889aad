"""The SQLite store (stdlib ``sqlite3``, WAL): results by article id, flattened events, migrations.

One file holds everything. ``documents`` keeps one row per article id with its content hash, the
exact JSON line of its current result and its version number; ``document_versions`` keeps every
result a newer one replaced; ``events`` keeps one row per coded event of the current results with
the fields analysts filter on. Opening a store applies the ordered :data:`MIGRATIONS` that it
lacks in one write transaction, which reads the recorded version again under the lock (so that
several processes may create or upgrade one file at once), and records the versions reached in
``schema_version``.

Durability: WAL with ``synchronous=NORMAL`` survives the process being killed (SIGKILL, OOM) at
any point without losing a committed transaction; only an OS crash or power cut can drop the last
few commits, which ``marsad extract --resume`` then redoes.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from marsad.document import Document
from marsad.errors import StoreError
from marsad.store.base import SCHEMA_VERSION, EventFilter, RunStoreError, StoredResult, date_key

# How long to wait for another process's lock on the file before failing.
LOCK_SECONDS = 30.0

# Ordered migrations: (version reached, statements). Append, never edit a released one.
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, (
        """CREATE TABLE documents (
               seq INTEGER PRIMARY KEY AUTOINCREMENT,
               id TEXT NOT NULL UNIQUE,
               content_hash TEXT NOT NULL,
               published TEXT,
               published_key TEXT,
               source TEXT,
               stored_at REAL NOT NULL,
               result TEXT NOT NULL)""",
        """CREATE TABLE events (
               doc_id TEXT NOT NULL,
               event_id TEXT NOT NULL,
               event_type TEXT,
               sub_event_type TEXT,
               actor1 TEXT,
               actor2 TEXT,
               event_date TEXT,
               date_key TEXT,
               country TEXT,
               admin1 TEXT,
               location TEXT,
               lat REAL,
               lon REAL,
               fatalities INTEGER,
               historical INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX events_doc ON events(doc_id)",
        "CREATE INDEX events_date ON events(date_key)",
        "CREATE INDEX events_country ON events(country, date_key)",
    )),
    # Issue 15: a different result for a stored id no longer overwrites it. ``documents`` keeps
    # the current version; each one it replaced moves to ``document_versions``.
    (2, (
        "ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        """CREATE TABLE document_versions (
               doc_id TEXT NOT NULL,
               version INTEGER NOT NULL,
               content_hash TEXT NOT NULL,
               published TEXT,
               source TEXT,
               stored_at REAL NOT NULL,
               replaced_at REAL NOT NULL,
               result TEXT NOT NULL,
               PRIMARY KEY (doc_id, version))""",
    )),
)
assert MIGRATIONS[-1][0] == SCHEMA_VERSION, "SCHEMA_VERSION must name the last migration"

_EVENT_SQL = ("INSERT INTO events (doc_id, event_id, event_type, sub_event_type, actor1, actor2, "
              "event_date, date_key, country, admin1, location, lat, lon, fatalities, historical) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _event_rows(doc: Document) -> list[tuple[Any, ...]]:
    published = date_key(doc.article.published)
    rows = []
    for e in doc.events:
        loc = e.location
        rows.append((doc.id, e.id, e.event_type, e.sub_event_type,
                     e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None, e.date,
                     date_key(e.date) or published, loc.country.upper() if loc and loc.country else None,
                     loc.admin1 if loc else None, loc.name if loc else None,
                     loc.lat if loc else None, loc.lon if loc else None, e.fatalities,
                     int(e.historical)))
    return rows


class SQLiteStore:
    """A :class:`marsad.store.base.Store` in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            # check_same_thread=False: `marsad extract` commits from a timer thread too; it
            # serialises every call itself, as any caller sharing one store across threads must.
            self._conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=LOCK_SECONDS,
                                         check_same_thread=False)
        except sqlite3.Error as err:
            raise StoreError(f"cannot open store {self.path}: {err}") from err
        try:
            self._use_wal()
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as err:
            self._conn.close()
            raise StoreError(f"{self.path} is not a usable marsad store: {err}") from err
        except StoreError:
            self._conn.close()
            raise

    def _use_wal(self) -> None:
        # Switching a new file to WAL needs a lock for which SQLite does not always wait (it
        # answers "database is locked" at once while another process creates the same file), so
        # we wait here, within the same 30 s as every other lock.
        deadline = time.monotonic() + LOCK_SECONDS
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode=WAL").fetchone()
                return
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def _schema_version(self) -> int:
        tables = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "schema_version" not in tables:
            if tables - {"sqlite_sequence"}:
                raise StoreError(f"{self.path} is an SQLite database but not a marsad store "
                                 f"(tables: {', '.join(sorted(tables))})")
            return 0
        row = self._conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        current = self._schema_version()
        if current > SCHEMA_VERSION:
            raise self._newer(current)
        if current == SCHEMA_VERSION:
            return  # versions only grow, so a committed current version needs no lock
        # Several processes may open a new or old file at once: the version is read again inside
        # the write transaction, so that only the first one applies the migrations and the others,
        # waiting on the lock, then find nothing left to do.
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = self._schema_version()
            if current > SCHEMA_VERSION:
                raise self._newer(current)
            if current == 0:
                conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at REAL NOT NULL)")
            for version, statements in MIGRATIONS:
                if version <= current:
                    continue
                for sql in statements:
                    conn.execute(sql)
                conn.execute("INSERT INTO schema_version VALUES (?, ?)", (version, time.time()))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _newer(self, current: int) -> StoreError:
        return StoreError(f"{self.path} has schema version {current}, newer than this marsad reads "
                          f"({SCHEMA_VERSION}); upgrade marsad")

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the file."""
        return self._schema_version()

    def put_many(self, docs: Iterable[Document], *, lines: Iterable[str] | None = None,
                 hashes: Iterable[str] | None = None) -> int:
        """Store results in one transaction; return how many documents were inserted or replaced.

        ``lines`` are the JSON lines already written for the documents, ``hashes`` the content
        hashes of the articles as read (before the pipeline cut an overlong text); both default
        to what the documents give.
        """
        doc_list = list(docs)
        line_list = list(lines) if lines is not None else [
            json.dumps(d.to_dict(), ensure_ascii=False) for d in doc_list]
        hash_list = list(hashes) if hashes is not None else [d.article.content_hash for d in doc_list]
        if not len(doc_list) == len(line_list) == len(hash_list):
            raise ValueError("put_many: docs, lines and hashes differ in length")
        now = time.time()
        changed = 0
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for doc, line, content_hash in zip(doc_list, line_list, hash_list, strict=True):
                    old = conn.execute("SELECT content_hash, result FROM documents WHERE id = ?",
                                       (doc.id,)).fetchone()
                    if old is not None and old[0] == content_hash and old[1] == line:
                        continue  # the same result again: nothing changes, not even stored_at
                    a = doc.article
                    values = (content_hash, a.published, date_key(a.published), a.source, now, line, doc.id)
                    if old is None:
                        conn.execute("INSERT INTO documents (content_hash, published, published_key, source, "
                                     "stored_at, result, id) VALUES (?, ?, ?, ?, ?, ?, ?)", values)
                    else:
                        # never a silent overwrite: the result replaced becomes a past version
                        conn.execute("INSERT INTO document_versions (doc_id, version, content_hash, published, "
                                     "source, stored_at, replaced_at, result) SELECT id, version, content_hash, "
                                     "published, source, stored_at, ?, result FROM documents WHERE id = ?",
                                     (now, doc.id))
                        conn.execute("UPDATE documents SET content_hash = ?, published = ?, "
                                     "published_key = ?, source = ?, stored_at = ?, result = ?, "
                                     "version = version + 1 WHERE id = ?", values)
                        conn.execute("DELETE FROM events WHERE doc_id = ?", (doc.id,))
                    conn.executemany(_EVENT_SQL, _event_rows(doc))
                    changed += 1
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as err:
            raise RunStoreError(f"writing to store {self.path} failed: {err}") from err
        return changed

    def _row(self, row: tuple[Any, ...]) -> StoredResult:
        return StoredResult(id=row[0], content_hash=row[1], line=row[2], stored_at=row[3], published=row[4],
                            version=row[5])

    def get(self, doc_id: str) -> StoredResult | None:
        """The current result of one article id, or None."""
        row = self._query("SELECT id, content_hash, result, stored_at, published, version FROM documents "
                          "WHERE id = ?", (doc_id,)).fetchone()
        return self._row(row) if row else None

    def history(self, doc_id: str) -> list[StoredResult]:
        """The results that ``doc_id``'s current one replaced, oldest first (empty when none)."""
        rows = self._query("SELECT doc_id, content_hash, result, stored_at, published, version "
                           "FROM document_versions WHERE doc_id = ? ORDER BY version", (doc_id,)).fetchall()
        return [self._row(row) for row in rows]

    def content_hashes(self) -> dict[str, str]:
        """``{article id: content hash}`` of everything stored."""
        return dict(self._query("SELECT id, content_hash FROM documents", ()).fetchall())

    def done(self, keys: Iterable[tuple[str, str]]) -> set[str]:
        """The ids among ``(id, content_hash)`` pairs whose stored result has that same hash."""
        out: set[str] = set()
        for doc_id, content_hash in keys:
            row = self._query("SELECT 1 FROM documents WHERE id = ? AND content_hash = ?",
                              (doc_id, content_hash)).fetchone()
            if row is not None:
                out.add(doc_id)
        return out

    def iter_results(self, *, since: float | None = None,
                     events: EventFilter | None = None) -> Iterator[StoredResult]:
        """Stored results in storing order, optionally filtered (see the Store Protocol)."""
        where: list[str] = []
        params: list[Any] = []
        if since is not None:
            where.append("d.stored_at >= ?")
            params.append(since)
        if events is not None and not events.empty:
            conds = ["e.doc_id = d.id"]
            eparams: list[Any] = []
            if events.country is not None:
                conds.append("e.country = ?")  # stored upper-case, so the index serves it
                eparams.append(events.country.upper())
            dconds: list[str] = []
            dparams: list[Any] = []
            for col_op, bound in ((">=", events.since), ("<=", events.until)):
                if bound is not None:
                    dconds.append(f"{{col}} {col_op} ?")
                    dparams.append(bound.isoformat())
            conds += [c.format(col="e.date_key") for c in dconds]
            eparams += dparams
            matching = f"EXISTS (SELECT 1 FROM events e WHERE {' AND '.join(conds)})"
            if events.country is None:
                fallback = " AND ".join(["NOT EXISTS (SELECT 1 FROM events e WHERE e.doc_id = d.id)"]
                                        + [c.format(col="d.published_key") for c in dconds])
                where.append(f"({matching} OR ({fallback}))")
                params += eparams + dparams
            else:
                where.append(matching)
                params += eparams
        sql = "SELECT d.id, d.content_hash, d.result, d.stored_at, d.published, d.version FROM documents d"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.seq"
        cursor = self._query(sql, tuple(params))
        while True:
            try:
                rows = cursor.fetchmany(256)
            except sqlite3.Error as err:
                raise RunStoreError(f"reading store {self.path} failed: {err}") from err
            if not rows:
                return
            for row in rows:
                yield self._row(row)

    def count(self) -> int:
        """How many results are stored."""
        return int(self._query("SELECT COUNT(*) FROM documents", ()).fetchone()[0])

    def count_events(self) -> int:
        """How many events are stored."""
        return int(self._query("SELECT COUNT(*) FROM events", ()).fetchone()[0])

    def _query(self, sql: str, params: tuple[Any, ...]) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.Error as err:
            raise RunStoreError(f"reading store {self.path} failed: {err}") from err

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
