"""The SQL store (SQLAlchemy 2): SQLite, the embedded default, and PostgreSQL, the team store.

One class serves both; what differs is how a write transaction takes its lock:

* SQLite: the file is in WAL mode (``synchronous=NORMAL``: a killed process loses no committed
  transaction); every write transaction starts with ``BEGIN IMMEDIATE``, so writers queue on the
  file's lock while readers go on reading the last committed state.
* PostgreSQL (psycopg 3): every write transaction takes one transaction-scoped advisory lock, so
  writers of one database queue the same way; readers never wait.

Opening a store applies the alembic migrations it lacks (``marsad/store/migrations``) inside one
such write transaction, so two processes opening a new store at once migrate it once. Every write
transaction checks the schema version again under its lock: a store migrated by a newer marsad
after this one opened it is refused, never written with the old layout.
"""

from __future__ import annotations

import calendar
import dataclasses
import hashlib
import json
import re
import secrets
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, Engine, Row

from marsad import resources as marsad_resources
from marsad.document import Document, EventRecord, Incident
from marsad.errors import ConfigError, StoreError
from marsad.store import models as m
from marsad.store.base import (
    SCHEMA_VERSION,
    Deletion,
    EventFilter,
    EventQuery,
    ReviewEdit,
    RunStoreError,
    StoredResult,
    TokenInfo,
    date_key,
)
from marsad.text.normalize import fold_key

HEAD = f"{SCHEMA_VERSION:04d}"
# Keys of PostgreSQL's transaction-scoped advisory locks ("mrsd" + a number)
_PG_WRITE_LOCK = 0x6D727364_0001

_BATCH = 256  # rows fetched at a time when streaming results
LOCK_SECONDS = 30.0  # how long an SQLite writer waits for another's lock before failing


# "yesterday" as news writes it: an event so dated may fall a day before or after another report's
# date for it (the article was written before midnight and published after, or in another time zone)
_YESTERDAY = re.compile("أمس|البارحة|الليلة الماضية|ليلة امس")


def _last_day(value: str | None) -> str | None:
    """The last day a contract date can mean: itself, its month's last day, or its year's.

    >>> _last_day("2020-02"), _last_day("2019"), _last_day("2020-03-04"), _last_day(None)
    ('2020-02-29', '2019-12-31', '2020-03-04', None)
    """
    key = date_key(value)
    if key is None or value is None:
        return None
    digits = value.strip()[:10]
    if len(digits) >= 10:
        return key
    year, month = int(key[:4]), int(key[5:7])
    if len(digits) == 7:
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    return f"{year:04d}-12-31"


def actor_key(name: str | None, name_en: str | None) -> str | None:
    """What actor searches match: the Arabic name folded, and the English name, lower-cased.

    >>> actor_key("الجيش الإسرائيلي", "Israeli army")
    'الجيش الاسراييلي | israeli army'
    """
    parts = [fold_key(name).lower() if name else "", (name_en or "").lower()]
    joined = " | ".join(p for p in parts if p)
    return joined or None


def flatten_events(doc: Document) -> list[EventRecord]:
    """The events of a document result as store records (what the ``events`` table holds)."""
    article = doc.article
    published = date_key(article.published)
    actors = {a.id: a for a in doc.actors}
    places = {p.id: p for p in doc.places}
    records = []
    for e in doc.events:
        loc = e.location
        own = date_key(e.date)
        relative = any(d.relative and d.value == e.date and e.evidence.start <= d.start < e.evidence.end
                       and _YESTERDAY.search(d.text) is not None for d in doc.dates) if e.date else False
        a1 = actors.get(e.actor1.actor_id or "") if e.actor1 else None
        a2 = actors.get(e.actor2.actor_id or "") if e.actor2 else None
        place = places.get(loc.place_id or "") if loc else None
        records.append(EventRecord(
            doc_id=doc.id, event_id=e.id, event_type=e.event_type, sub_event_type=e.sub_event_type,
            date=e.date, date_key=own or published, date_last=_last_day(e.date) if own else published,
            time_precision=e.time_precision if own and e.date and len(e.date) >= 10 else 3,
            relative_date=relative,
            country=loc.country.upper() if loc and loc.country else None,
            admin1=loc.admin1 if loc else None, location=loc.name if loc else None,
            location_en=(loc.name_en or (place.name_en if place else None)) if loc else None,
            lat=loc.lat if loc else None, lon=loc.lon if loc else None,
            geo_precision=loc.geo_precision if loc else None,
            actor1=e.actor1.name if e.actor1 else None, actor2=e.actor2.name if e.actor2 else None,
            actor1_en=a1.name_en if a1 else None, actor2_en=a2.name_en if a2 else None,
            fatalities=e.fatalities, historical=e.historical, confidence=e.confidence,
            outlet=article.source, url=article.url, published=article.published,
            evidence=e.evidence.text))
    return records


def _event_values(record: EventRecord, hint: str | None) -> dict[str, Any]:
    return {"doc_id": record.doc_id, "event_id": record.event_id, "event_type": record.event_type,
            "sub_event_type": record.sub_event_type, "actor1": record.actor1, "actor2": record.actor2,
            "event_date": record.date, "date_key": record.date_key, "country": record.country,
            "admin1": record.admin1, "location": record.location, "lat": record.lat, "lon": record.lon,
            "fatalities": record.fatalities, "historical": record.historical,
            "date_last": record.date_last, "time_precision": record.time_precision,
            "relative_date": record.relative_date, "geo_precision": record.geo_precision,
            "location_en": record.location_en, "actor1_en": record.actor1_en,
            "actor2_en": record.actor2_en, "actor1_key": actor_key(record.actor1, record.actor1_en),
            "actor2_key": actor_key(record.actor2, record.actor2_en), "confidence": record.confidence,
            "outlet": record.outlet, "url": record.url, "published": record.published,
            "evidence": record.evidence, "incident_id": None, "incident_hint": hint}


def _event_record(row: Row[Any, Any, Any]) -> EventRecord:
    r = row._mapping
    return EventRecord(
        doc_id=r["doc_id"], event_id=r["event_id"], event_type=r["event_type"] or "",
        sub_event_type=r["sub_event_type"] or "", date=r["event_date"], date_key=r["date_key"],
        date_last=r["date_last"] or r["date_key"], time_precision=r["time_precision"] or 3,
        relative_date=bool(r["relative_date"]), country=r["country"], admin1=r["admin1"],
        location=r["location"], location_en=r["location_en"], lat=r["lat"], lon=r["lon"],
        geo_precision=r["geo_precision"], actor1=r["actor1"], actor2=r["actor2"],
        actor1_en=r["actor1_en"], actor2_en=r["actor2_en"], fatalities=r["fatalities"],
        historical=bool(r["historical"]), confidence=r["confidence"], outlet=r["outlet"], url=r["url"],
        published=r["published"], evidence=r["evidence"] or "", incident_id=r["incident_id"],
        incident_hint=r["incident_hint"])


def _incident(row: Row[Any, Any, Any], events: list[EventRecord] | None = None) -> Incident:
    r = row._mapping
    return Incident(
        id=r["id"], event_type=r["event_type"], sub_event_type=r["sub_event_type"], country=r["country"],
        admin1=r["admin1"], location=r["location"], location_en=r["location_en"], lat=r["lat"],
        lon=r["lon"], geo_precision=r["geo_precision"], date=r["event_date"], date_key=r["date_key"],
        date_last=r["date_last"], time_precision=r["time_precision"], actor1=r["actor1"],
        actor2=r["actor2"], actor1_en=r["actor1_en"], actor2_en=r["actor2_en"],
        fatalities=r["fatalities"], created_at=r["created_at"], updated_at=r["updated_at"],
        events=events or [])


def _country_codes(values: Sequence[str]) -> list[str]:
    """ISO2 codes for ISO2/ISO3 codes or English/Arabic country names (unknown names kept as given)."""
    by_name: dict[str, str] = {}
    for row in marsad_resources.read_tsv("countries.tsv"):
        if len(row) >= 5:
            for key in (row[0], row[1], row[3], row[4]):
                by_name[key.casefold()] = row[0]
    return [by_name.get(v.strip().casefold(), v.strip().upper()) for v in values]


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(query: EventQuery, table: sa.Table, *, events: bool) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions of ``query`` on the events or the incidents table (same column names)."""
    c = table.c
    conds: list[sa.ColumnElement[bool]] = []
    if query.country:
        conds.append(c.country.in_(_country_codes(query.country)))
    for column, values in (("admin1", query.admin1), ("event_type", query.event_type),
                           ("sub_event_type", query.sub_event_type)):
        if values:
            conds.append(sa.func.lower(c[column]).in_([v.lower() for v in values]))
    for value, columns in ((query.actor, ("actor1_key", "actor2_key")), (query.actor1, ("actor1_key",)),
                           (query.actor2, ("actor2_key",))):
        if value:
            pattern = _like(fold_key(value.strip()).lower())
            conds.append(sa.or_(*(c[col].like(pattern, escape="\\") for col in columns)))
    if query.since is not None:
        conds.append(c.date_key >= query.since.isoformat())
    if query.until is not None:
        conds.append(c.date_key <= query.until.isoformat())
    if query.incident_id is not None:
        conds.append((c.incident_id if events else c.id) == query.incident_id)
    if query.doc_id is not None:
        if events:
            conds.append(c.doc_id == query.doc_id)
        else:
            ev = m.events.c
            conds.append(sa.exists().where(ev.incident_id == c.id, ev.doc_id == query.doc_id))
    if events and query.min_confidence is not None:
        conds.append(sa.or_(c.confidence.is_(None), c.confidence >= query.min_confidence))
    return conds


def hash_token(token: str) -> str:
    """What the store keeps of an API token: its SHA-256, hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SQLStore:
    """A :class:`marsad.store.base.Store` in SQLite or PostgreSQL; see the module docstring.

    Build one with :meth:`sqlite` or :meth:`postgresql` (``open_store`` does). Calls are
    serialised by the caller when it shares one store across threads (``marsad extract`` does).
    """

    def __init__(self, engine: Engine, *, label: str, dialect: str) -> None:
        self.engine = engine
        self.label = label  # the path or the URL without its password, for messages
        self.dialect = dialect  # "sqlite" | "postgresql"
        self._closed = False
        try:
            self._migrate()
        except (sa_exc.DatabaseError, StoreError, OSError) as err:
            engine.dispose()
            if isinstance(err, StoreError):
                raise
            if dialect == "postgresql" and isinstance(err, sa_exc.OperationalError):
                raise StoreError(f"cannot open store {label}: {_reason(err)}") from err
            raise StoreError(f"{label} is not a usable marsad store: {_reason(err)}") from err

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def sqlite(cls, path: str | Path) -> SQLStore:
        """Open (creating and migrating) the SQLite store in one file."""
        path = Path(path)
        if path.is_dir():
            raise StoreError(f"cannot open store {path}: it is a directory")
        # check_same_thread=False: `marsad extract` commits from a timer thread too (serialised by
        # its own lock); each thread still gets its own pooled connection.
        engine = sa.create_engine(f"sqlite:///{path}",
                                  connect_args={"timeout": LOCK_SECONDS, "check_same_thread": False})

        @sa_event.listens_for(engine, "connect")
        def _connect(dbapi_conn: Any, _record: Any) -> None:
            # The driver must not open transactions itself: the "begin" hook below does, so that
            # writes take the file's lock up front (BEGIN IMMEDIATE) and DDL is transactional.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            try:
                # Switching a new file to WAL needs a lock for which SQLite does not always wait
                # (it answers "database is locked" at once while another process creates the same
                # file), so we wait here, within the same 30 s as every other lock.
                deadline = time.monotonic() + LOCK_SECONDS
                while True:
                    try:
                        cursor.execute("PRAGMA journal_mode=WAL").fetchone()
                        break
                    except sqlite3.OperationalError as err:
                        if "locked" not in str(err) or time.monotonic() > deadline:
                            raise
                        time.sleep(0.02)
                cursor.execute("PRAGMA synchronous=NORMAL")
            finally:
                cursor.close()

        @sa_event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            write = conn.get_execution_options().get("marsad_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return cls(engine, label=str(path), dialect="sqlite")

    @classmethod
    def postgresql(cls, url: str) -> SQLStore:
        """Open (migrating) the PostgreSQL store at ``postgresql://user:password@host:port/db``."""
        try:
            import psycopg  # noqa: F401
        except ModuleNotFoundError as err:
            raise ConfigError("PostgreSQL stores need the driver: pip install 'marsad[postgres]'") from err
        scheme, _, rest = url.partition("://")
        try:
            sa_url = sa.make_url(f"postgresql+psycopg://{rest}")
        except sa_exc.ArgumentError as err:
            raise ConfigError(f"not a PostgreSQL URL: {scheme}://… ({err})") from err
        label = sa_url.render_as_string(hide_password=True).replace("postgresql+psycopg", "postgresql")
        engine = sa.create_engine(sa_url, pool_pre_ping=True, pool_size=5, max_overflow=5)
        try:
            return cls(engine, label=label, dialect="postgresql")
        except StoreError:
            raise
        except sa_exc.SQLAlchemyError as err:
            engine.dispose()
            raise StoreError(f"cannot open store {label}: {_reason(err)}") from err

    def _version(self, conn: Connection) -> tuple[int, bool]:
        """The schema version recorded in the database, and whether it is a marsad 0.1 (pre-alembic) file."""
        tables = set(sa.inspect(conn).get_table_names())
        # the version marsad 0.1 recorded, which every later marsad records too
        legacy = 0
        if "schema_version" in tables:
            legacy = int(conn.execute(sa.text("SELECT MAX(version) FROM schema_version")).scalar() or 0)
        if "alembic_version" in tables:
            value = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            if value is None:
                return legacy, False
            if not str(value).isdigit():
                raise StoreError(f"{self.label} has schema revision {value!r}, which this marsad does "
                                 f"not know (it reads up to {HEAD}); upgrade marsad")
            return max(int(value), legacy), False
        if "schema_version" in tables:
            return legacy, True
        foreign = tables - {"sqlite_sequence"}
        if foreign:
            kind = "an SQLite" if self.dialect == "sqlite" else "a PostgreSQL"
            raise StoreError(f"{self.label} is {kind} database but not a marsad store "
                             f"(tables: {', '.join(sorted(foreign))})")
        return 0, False

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.label} has schema version {version}, newer than this marsad reads "
                             f"({SCHEMA_VERSION}); upgrade marsad")

    def _migrate(self) -> None:
        from alembic import command
        from alembic.config import Config

        with self.engine.connect() as conn:
            conn = conn.execution_options(marsad_write=True)
            with conn.begin():
                self._lock(conn)
                version, legacy = self._version(conn)
                self._check_version(version)
                if version == SCHEMA_VERSION and not legacy:
                    return
                config = Config()
                config.set_main_option("script_location",
                                       str(resources.files("marsad.store") / "migrations"))
                config.attributes["connection"] = conn
                if legacy:  # a marsad 0.1 file: its tables are revision 0001's
                    command.stamp(config, f"{version:04d}")
                command.upgrade(config, "head")
                # marsad 0.1 reads `schema_version`: recording the new version there makes an old
                # marsad refuse this store ("newer schema") instead of writing the old layout.
                conn.execute(sa.text("CREATE TABLE IF NOT EXISTS schema_version "
                                     "(version INTEGER NOT NULL, applied_at FLOAT NOT NULL)"))
                conn.execute(sa.text("INSERT INTO schema_version VALUES (:v, :t)"),
                             [{"v": v, "t": time.time()} for v in range(version + 1, SCHEMA_VERSION + 1)])

    # --- transactions ------------------------------------------------------------------------

    def _lock(self, conn: Connection) -> None:
        if self.dialect == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITE_LOCK})

    def _ensure_open(self) -> None:
        if self._closed:
            raise RunStoreError(f"store {self.label} is closed")

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction, holding the store's write lock, on the current schema."""
        self._ensure_open()
        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(marsad_write=True)
                with conn.begin():
                    self._lock(conn)
                    found = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
                    if found != HEAD:
                        raise StoreError(f"{self.label} was migrated to schema {found} by another marsad "
                                         f"while this one (schema {HEAD}) had it open; upgrade marsad")
                    yield conn
        except sa_exc.SQLAlchemyError as err:
            raise RunStoreError(f"writing to store {self.label} failed: {_reason(err)}") from err

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        self._ensure_open()
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except sa_exc.SQLAlchemyError as err:
            raise RunStoreError(f"reading store {self.label} failed: {_reason(err)}") from err

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the database."""
        with self._read() as conn:
            return self._version(conn)[0]

    # --- results -----------------------------------------------------------------------------

    def put_many(self, docs: Iterable[Document], *, lines: Iterable[str] | None = None,
                 hashes: Iterable[str] | None = None) -> int:
        """Store results in one transaction; return how many documents were inserted or replaced.

        A replaced result goes to ``document_versions``; the events of the new one remember the
        incidents of the old one's (``incident_hint``), so that re-extraction updates incidents in
        place once :func:`marsad.dedup.link_incidents` runs.
        """
        doc_list = list(docs)
        line_list = list(lines) if lines is not None else [
            json.dumps(d.to_dict(), ensure_ascii=False) for d in doc_list]
        hash_list = list(hashes) if hashes is not None else [d.article.content_hash for d in doc_list]
        if not len(doc_list) == len(line_list) == len(hash_list):
            raise ValueError("put_many: docs, lines and hashes differ in length")
        now = time.time()
        changed = 0
        d, e, inc = m.documents.c, m.events.c, m.incidents.c
        with self._write() as conn:
            outlets: set[str] = set()
            for doc, line, content_hash in zip(doc_list, line_list, hash_list, strict=True):
                old = conn.execute(sa.select(d.content_hash, d.result, d.stored_at, d.version, d.published,
                                             d.source).where(d.id == doc.id)).first()
                if old is not None and old.content_hash == content_hash and old.result == line:
                    continue  # the same result again: nothing changes, not even stored_at
                a = doc.article
                values = {"content_hash": content_hash, "published": a.published,
                          "published_key": date_key(a.published), "source": a.source, "stored_at": now,
                          "result": line, "url": a.url, "title": a.title}
                hints: dict[str, str] = {}
                if old is None:
                    conn.execute(sa.insert(m.documents).values(id=doc.id, **values))
                else:
                    # never a silent overwrite: the result replaced becomes a past version
                    conn.execute(sa.insert(m.document_versions).values(
                        doc_id=doc.id, version=old.version, content_hash=old.content_hash,
                        published=old.published, source=old.source, result=old.result,
                        stored_at=old.stored_at, replaced_at=now))
                    conn.execute(sa.update(m.documents).where(d.id == doc.id)
                                 .values(version=old.version + 1, **values))
                    previous = conn.execute(sa.select(e.event_id, e.event_type, e.incident_id)
                                            .where(e.doc_id == doc.id)).all()
                    hints = self._hints(previous, doc)
                    conn.execute(sa.delete(m.events).where(e.doc_id == doc.id))
                    kept = {ev.id for ev in doc.events}
                    dropped = [{"kind": "event", "item_id": f"{doc.id}/{row.event_id}", "reason": "retracted",
                                "replaced_by": None, "deleted_at": now}
                               for row in previous if row.event_id not in kept]
                    if dropped:
                        conn.execute(sa.insert(m.deletions), dropped)
                    gone = {row.incident_id for row in previous if row.incident_id}
                    if gone:
                        conn.execute(sa.update(m.incidents).where(inc.id.in_(gone)).values(stale=True))
                records = flatten_events(doc)
                if records:
                    conn.execute(sa.insert(m.events), [_event_values(r, hints.get(r.event_id))
                                                       for r in records])
                if a.source:
                    outlets.add(a.source)
                changed += 1
            if outlets:
                known = set(conn.execute(sa.select(m.sources.c.name)
                                         .where(m.sources.c.name.in_(outlets))).scalars())
                new = sorted(outlets - known)
                if new:
                    conn.execute(sa.insert(m.sources), [{"name": n, "first_seen": now} for n in new])
        return changed

    @staticmethod
    def _hints(previous: Sequence[Row[Any, Any, Any]], doc: Document) -> dict[str, str]:
        """{new event id: incident of the old event it continues}: same id first, else same type."""
        linked = [(r.event_id, r.event_type, r.incident_id) for r in previous if r.incident_id]
        hints: dict[str, str] = {}
        used: set[str] = set()
        by_id = {event_id: incident for event_id, _, incident in linked}
        for ev in doc.events:
            incident = by_id.get(ev.id)
            if incident is not None and incident not in used:
                hints[ev.id] = incident
                used.add(incident)
        for ev in doc.events:
            if ev.id in hints:
                continue
            for _, event_type, incident in linked:
                if event_type == ev.event_type and incident not in used:
                    hints[ev.id] = incident
                    used.add(incident)
                    break
        return hints

    def _incident_links(self, conn: Connection, doc_ids: Sequence[str]) -> dict[str, dict[str, str]]:
        e = m.events.c
        links: dict[str, dict[str, str]] = {}
        for start in range(0, len(doc_ids), 500):
            rows = conn.execute(sa.select(e.doc_id, e.event_id, e.incident_id)
                                .where(e.doc_id.in_(doc_ids[start:start + 500]),
                                       e.incident_id.is_not(None)))
            for row in rows:
                links.setdefault(row.doc_id, {})[row.event_id] = row.incident_id
        return links

    def get(self, doc_id: str) -> StoredResult | None:
        """The stored result of one article id (its events' incident ids included), or None."""
        d = m.documents.c
        with self._read() as conn:
            row = conn.execute(sa.select(d.id, d.content_hash, d.result, d.stored_at, d.published, d.version)
                               .where(d.id == doc_id)).first()
            if row is None:
                return None
            links = self._incident_links(conn, [doc_id]).get(doc_id, {})
        return StoredResult(id=row.id, content_hash=row.content_hash, line=row.result,
                            stored_at=row.stored_at, published=row.published, version=row.version,
                            incident_ids=links)

    def history(self, doc_id: str) -> list[StoredResult]:
        """The results stored for ``doc_id`` before its current one, oldest first."""
        v = m.document_versions.c
        with self._read() as conn:
            rows = conn.execute(sa.select(m.document_versions).where(v.doc_id == doc_id)
                                .order_by(v.version)).all()
        return [StoredResult(id=r.doc_id, content_hash=r.content_hash, line=r.result, stored_at=r.stored_at,
                             published=r.published, version=r.version) for r in rows]

    def content_hashes(self) -> dict[str, str]:
        """``{article id: content hash}`` of everything stored."""
        d = m.documents.c
        with self._read() as conn:
            return {row.id: row.content_hash for row in conn.execute(sa.select(d.id, d.content_hash))}

    def done(self, keys: Iterable[tuple[str, str]]) -> set[str]:
        """The ids among ``(id, content_hash)`` pairs whose stored result has that same hash."""
        d = m.documents.c
        wanted = dict(keys)
        out: set[str] = set()
        ids = list(wanted)
        with self._read() as conn:
            for start in range(0, len(ids), 500):
                rows = conn.execute(sa.select(d.id, d.content_hash).where(d.id.in_(ids[start:start + 500])))
                out.update(r.id for r in rows if wanted.get(r.id) == r.content_hash)
        return out

    def iter_results(self, *, since: float | None = None,
                     events: EventFilter | None = None) -> Iterator[StoredResult]:
        """Stored results in storing order, optionally filtered (see the Store Protocol)."""
        d, e = m.documents.c, m.events.c
        conds: list[sa.ColumnElement[bool]] = []
        if since is not None:
            conds.append(d.stored_at >= since)
        if events is not None and not events.empty:
            econds: list[sa.ColumnElement[bool]] = [e.doc_id == d.id]
            if events.country is not None:
                econds.append(e.country == events.country.upper())
            dconds = []
            for op, bound in (("ge", events.since), ("le", events.until)):
                if bound is not None:
                    dconds.append((op, bound.isoformat()))

            def dated(column: sa.ColumnElement[Any]) -> list[sa.ColumnElement[bool]]:
                return [column >= v if op == "ge" else column <= v for op, v in dconds]

            matching = sa.exists().where(*econds, *dated(e.date_key))
            if events.country is None:
                fallback = sa.and_(~sa.exists().where(e.doc_id == d.id), *dated(d.published_key))
                conds.append(sa.or_(matching, fallback))
            else:
                conds.append(matching)
        stmt = (sa.select(d.id, d.content_hash, d.result, d.stored_at, d.published, d.version)
                .where(*conds).order_by(d.seq))
        self._ensure_open()
        try:
            with self.engine.connect() as conn, conn.begin():
                result = conn.execution_options(yield_per=_BATCH).execute(stmt)
                for part in result.partitions():
                    links = self._incident_links(conn, [r.id for r in part])
                    for r in part:
                        yield StoredResult(id=r.id, content_hash=r.content_hash, line=r.result,
                                           stored_at=r.stored_at, published=r.published, version=r.version,
                                           incident_ids=links.get(r.id, {}))
        except sa_exc.SQLAlchemyError as err:
            raise RunStoreError(f"reading store {self.label} failed: {_reason(err)}") from err

    def count(self) -> int:
        """How many results are stored."""
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(m.documents)).scalar() or 0)

    # --- events and incidents ----------------------------------------------------------------

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events are stored (that match ``query``; its limit and offset are ignored)."""
        conds = _conditions(query, m.events, events=True) if query is not None else []
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(m.events).where(*conds)).scalar() or 0)

    def query_events(self, query: EventQuery) -> list[EventRecord]:
        """Stored events matching ``query``, newest first (date, then storing order)."""
        e = m.events.c
        stmt = (sa.select(m.events).where(*_conditions(query, m.events, events=True))
                .order_by(e.date_key.desc(), e.pk.desc()).offset(query.offset))
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        with self._read() as conn:
            return [_event_record(r) for r in conn.execute(stmt)]

    def count_incidents(self, query: EventQuery | None = None) -> int:
        """How many incidents there are (that match ``query``; limit and offset are ignored)."""
        conds = _conditions(query, m.incidents, events=False) if query is not None else []
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(m.incidents)
                                    .where(*conds)).scalar() or 0)

    def query_incidents(self, query: EventQuery, *, with_events: bool = False) -> list[Incident]:
        """Incidents matching ``query`` (on the incident's own fields), newest first.

        ``with_events`` also loads each incident's events (its sources); without it
        ``Incident.events`` is empty and ``Incident.sources`` too (the outlets are in ``source``
        of :meth:`incident_sources`... use ``with_events=True`` for the API's ``source`` field).
        """
        i = m.incidents.c
        stmt = (sa.select(m.incidents).where(*_conditions(query, m.incidents, events=False))
                .order_by(i.date_key.desc(), i.id.desc()).offset(query.offset))
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        with self._read() as conn:
            rows = conn.execute(stmt).all()
            members = _members(conn, [r.id for r in rows]) if with_events else {}
        return [_incident(r, members.get(r.id, [])) for r in rows]

    def iter_incidents(self, query: EventQuery | None = None, *, page: int = 1000) -> Iterator[Incident]:
        """Every incident matching ``query`` (its limit and offset ignored) with its events, in pages."""
        base = query or EventQuery()
        offset = 0
        while True:
            batch = self.query_incidents(dataclasses.replace(base, limit=page, offset=offset), with_events=True)
            yield from batch
            if len(batch) < page:
                return
            offset += page

    def get_incident(self, incident_id: str) -> Incident | None:
        """One incident with all its events (its sources), or None."""
        with self._read() as conn:
            row = conn.execute(sa.select(m.incidents).where(m.incidents.c.id == incident_id)).first()
            if row is None:
                return None
            return _incident(row, _members(conn, [incident_id]).get(incident_id, []))

    def deleted_since(self, since: float, *, limit: int | None = None) -> list[Deletion]:
        """The deletion feed: incidents and events gone at or after ``since`` (Unix seconds), oldest first."""
        x = m.deletions.c
        stmt = sa.select(m.deletions).where(x.deleted_at >= since).order_by(x.seq)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._read() as conn:
            return [Deletion(seq=r.seq, kind=r.kind, item_id=r.item_id, reason=r.reason,
                             replaced_by=r.replaced_by, deleted_at=r.deleted_at) for r in conn.execute(stmt)]

    @contextmanager
    def incident_index(self) -> Iterator[IncidentIndex]:
        """The store as :class:`marsad.dedup.IncidentIndex`, inside one write transaction.

        Linking reads candidates and writes incidents under the store's write lock, so two
        processes linking at once never create the same incident twice.
        """
        with self._write() as conn:
            yield IncidentIndex(conn)

    # --- review edits, runs, tokens ----------------------------------------------------------

    def correct_event(self, doc_id: str, event_id: str, changes: dict[str, Any], *,
                      author: str | None = None, note: str | None = None) -> StoredResult:
        """Apply an analyst's correction to one stored event, recording each changed field.

        ``changes`` maps contract field names of the event (``event_type``, ``fatalities``,
        ``date``, ``location`` as a dict ...) to new values. The corrected result replaces the
        stored one (the old one goes to the history) and the event waits for relinking, with its
        incident as a hint, so its incident updates in place.

        Raises:
            KeyError: no such document or event.
            ValueError: a field the event does not have.
        """
        stored = self.get(doc_id)
        if stored is None:
            raise KeyError(f"no document {doc_id!r}")
        data = json.loads(stored.line)
        target = next((ev for ev in data.get("events") or [] if ev.get("id") == event_id), None)
        if target is None:
            raise KeyError(f"document {doc_id!r} has no event {event_id!r}")
        unknown = sorted(set(changes) - set(target) - {"incident_id"})
        if unknown or "incident_id" in changes or "id" in changes:
            raise ValueError(f"cannot correct field(s) {', '.join(unknown) or 'id/incident_id'} of an event")
        now = time.time()
        edits = [{"doc_id": doc_id, "event_id": event_id, "field": k,
                  "old_value": json.dumps(target.get(k), ensure_ascii=False),
                  "new_value": json.dumps(v, ensure_ascii=False), "author": author, "note": note,
                  "created_at": now} for k, v in changes.items() if target.get(k) != v]
        target.update(changes)
        doc = Document.from_dict(data)
        line = json.dumps(data, ensure_ascii=False)
        self.put_many([doc], lines=[line], hashes=[stored.content_hash])
        if edits:
            with self._write() as conn:
                conn.execute(sa.insert(m.review_edits), edits)
        result = self.get(doc_id)
        assert result is not None
        return result

    def review_edits(self, doc_id: str | None = None) -> list[ReviewEdit]:
        """The corrections recorded (for one document, or all), oldest first."""
        r = m.review_edits.c
        stmt = sa.select(m.review_edits).order_by(r.id)
        if doc_id is not None:
            stmt = stmt.where(r.doc_id == doc_id)
        with self._read() as conn:
            return [ReviewEdit(id=x.id, doc_id=x.doc_id, event_id=x.event_id, field=x.field,
                               old_value=json.loads(x.old_value) if x.old_value is not None else None,
                               new_value=json.loads(x.new_value) if x.new_value is not None else None,
                               author=x.author, note=x.note, created_at=x.created_at)
                    for x in conn.execute(stmt)]

    def start_run(self, command: str, args: dict[str, Any] | None = None) -> int:
        """Record the start of a run (``marsad extract`` ...); return its id."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            marsad_version: str | None = version("marsad")
        except PackageNotFoundError:  # running from a source tree that was never installed
            marsad_version = None
        with self._write() as conn:
            result = conn.execute(sa.insert(m.runs).values(
                command=command, args=json.dumps(args or {}, ensure_ascii=False, default=str),
                marsad_version=marsad_version, started_at=time.time(), status="running", processed=0,
                skipped=0, events=0))
            return int(result.inserted_primary_key[0])  # type: ignore[index]

    def finish_run(self, run_id: int, *, status: str = "done", processed: int = 0, skipped: int = 0,
                   events: int = 0) -> None:
        """Record how a run ended."""
        with self._write() as conn:
            conn.execute(sa.update(m.runs).where(m.runs.c.id == run_id).values(
                finished_at=time.time(), status=status, processed=processed, skipped=skipped, events=events))

    def runs(self) -> list[dict[str, Any]]:
        """Every recorded run, oldest first, as dicts of the ``runs`` columns."""
        with self._read() as conn:
            return [dict(r._mapping) for r in conn.execute(sa.select(m.runs).order_by(m.runs.c.id))]

    def create_token(self, name: str, scopes: Sequence[str] = ("read", "write")) -> str:
        """Create an API token named ``name``; return the token (shown once: only its hash is kept).

        Raises:
            ValueError: the name is taken or a scope is unknown.
        """
        bad = sorted(set(scopes) - {"read", "write"})
        if bad or not name.strip():
            raise ValueError(f"unknown scope(s) {bad}; use read, write" if bad else "a token needs a name")
        token = "msd_" + secrets.token_urlsafe(32)
        t = m.api_tokens.c
        with self._write() as conn:
            if conn.execute(sa.select(t.id).where(t.name == name)).first() is not None:
                raise ValueError(f"a token named {name!r} exists; revoke it or pick another name")
            conn.execute(sa.insert(m.api_tokens).values(name=name, token_hash=hash_token(token),
                                                        scopes=" ".join(scopes), created_at=time.time()))
        return token

    def check_token(self, token: str, *, scope: str | None = None) -> TokenInfo | None:
        """The live token with this value (and scope, if given), recording its use; None otherwise."""
        t = m.api_tokens.c
        digest = hash_token(token)
        with self._write() as conn:
            row = conn.execute(sa.select(m.api_tokens).where(t.token_hash == digest, t.revoked_at.is_(None))).first()
            if row is None or (scope is not None and scope not in row.scopes.split()):
                return None
            now = time.time()
            conn.execute(sa.update(m.api_tokens).where(t.id == row.id).values(last_used_at=now))
        return TokenInfo(name=row.name, scopes=tuple(row.scopes.split()), created_at=row.created_at,
                         last_used_at=now, revoked_at=None)

    def revoke_token(self, name: str) -> bool:
        """Revoke the token named ``name``; False when there is no live one."""
        t = m.api_tokens.c
        with self._write() as conn:
            result = conn.execute(sa.update(m.api_tokens).where(t.name == name, t.revoked_at.is_(None))
                                  .values(revoked_at=time.time()))
            return bool(result.rowcount)

    def tokens(self) -> list[TokenInfo]:
        """Every token (revoked ones too), by name."""
        t = m.api_tokens.c
        with self._read() as conn:
            return [TokenInfo(name=r.name, scopes=tuple(r.scopes.split()), created_at=r.created_at,
                              last_used_at=r.last_used_at, revoked_at=r.revoked_at)
                    for r in conn.execute(sa.select(m.api_tokens).order_by(t.name))]

    def analyze(self) -> None:
        """Refresh the database's table statistics (``ANALYZE``), as after a bulk load.

        PostgreSQL's autovacuum does this by itself some time after large writes; until then its
        planner may scan a table instead of using an index.
        """
        with self._write() as conn:
            conn.execute(sa.text("ANALYZE"))

    # --- lifetime ----------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connections (idempotent); further calls raise :class:`RunStoreError`."""
        self._closed = True
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


# Statements of the linking hot path, built once: building a statement costs more than running it
# on SQLite (measured with cProfile over ANT's 1,970 events).
_MEMBERS = (sa.select(m.events).where(m.events.c.incident_id.in_(sa.bindparam("ids", expanding=True)))
            .order_by(m.events.c.pk))
_NEAR = sa.select(m.incidents).where(m.incidents.c.country == sa.bindparam("country"),
                                     m.incidents.c.date_key >= sa.bindparam("low"),
                                     m.incidents.c.date_key <= sa.bindparam("last_day"),
                                     m.incidents.c.date_last >= sa.bindparam("first_day"))
_INSERT_INCIDENT = sa.insert(m.incidents)
_UPDATE_INCIDENT = sa.update(m.incidents).where(m.incidents.c.id == sa.bindparam("b_id"))
_LINK_EVENT = (sa.update(m.events)
               .where(m.events.c.doc_id == sa.bindparam("b_doc"), m.events.c.event_id == sa.bindparam("b_event"))
               .values(incident_id=sa.bindparam("b_incident"), incident_hint=None))
_COUNTER = sa.select(m.incident_counters.c.last).where(m.incident_counters.c.prefix == sa.bindparam("b_prefix"))
_COUNTER_SET = (sa.update(m.incident_counters).where(m.incident_counters.c.prefix == sa.bindparam("b_prefix"))
                .values(last=sa.bindparam("b_last")))


def _members(conn: Connection, incident_ids: Sequence[str]) -> dict[str, list[EventRecord]]:
    """The events of each incident, in storing order."""
    out: dict[str, list[EventRecord]] = {}
    for start in range(0, len(incident_ids), 500):
        if not incident_ids[start:start + 500]:
            continue
        rows = conn.execute(_MEMBERS, {"ids": list(incident_ids[start:start + 500])})
        for row in rows:
            out.setdefault(row.incident_id, []).append(_event_record(row))
    return out


def _reason(err: BaseException) -> str:
    """A one-line reason from a driver error (SQLAlchemy appends SQL and a help link)."""
    orig = getattr(err, "orig", None)
    text = str(orig if orig is not None else err).strip()
    return text.splitlines()[0] if text else type(err).__name__


_INCIDENT_FIELDS = ("event_type", "sub_event_type", "country", "admin1", "location", "location_en", "lat", "lon",
                    "geo_precision", "time_precision", "actor1", "actor2", "actor1_en", "actor2_en",
                    "fatalities", "date_key", "date_last")


class IncidentIndex:
    """The store seen by incident linking (:class:`marsad.dedup.IncidentIndex`), in one transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def pending_events(self, limit: int = 500) -> list[EventRecord]:
        """Events not linked to an incident yet, in storing order."""
        e = m.events.c
        rows = self.conn.execute(sa.select(m.events).where(e.incident_id.is_(None)).order_by(e.pk).limit(limit))
        return [_event_record(r) for r in rows]

    def incidents_near(self, country: str | None, first_day: str | None, last_day: str | None,
                       *, lookback_days: int = 31) -> list[Incident]:
        """Incidents in ``country`` whose dates overlap [first_day, last_day], with their events.

        Served by the (country, date_key) index: an incident whose date starts more than
        ``lookback_days`` before ``first_day`` (a year-precision one) is not found.
        """
        import datetime as dt

        i = m.incidents.c
        if first_day is not None and last_day is not None and country is not None:
            low = (dt.date.fromisoformat(first_day) - dt.timedelta(days=lookback_days)).isoformat()
            rows = self.conn.execute(_NEAR, {"country": country, "low": low, "last_day": last_day,
                                             "first_day": first_day}).all()
        else:
            conds: list[sa.ColumnElement[bool]] = [i.country.is_(None) if country is None else i.country == country]
            if first_day is not None and last_day is not None:
                low = (dt.date.fromisoformat(first_day) - dt.timedelta(days=lookback_days)).isoformat()
                conds += [i.date_key >= low, i.date_key <= last_day, i.date_last >= first_day]
            else:
                conds.append(i.date_key.is_(None))
            rows = self.conn.execute(sa.select(m.incidents).where(*conds)).all()
        members = _members(self.conn, [r.id for r in rows])
        return [_incident(r, members.get(r.id, [])) for r in rows]

    def incident(self, incident_id: str) -> Incident | None:
        """One incident with its events, or None."""
        row = self.conn.execute(sa.select(m.incidents).where(m.incidents.c.id == incident_id)).first()
        if row is None:
            return None
        return _incident(row, _members(self.conn, [incident_id]).get(incident_id, []))

    def stale_incidents(self) -> list[Incident]:
        """Incidents that lost events since the last linking pass (their article was re-extracted)."""
        rows = self.conn.execute(sa.select(m.incidents).where(m.incidents.c.stale.is_(True))).all()
        members = _members(self.conn, [r.id for r in rows])
        return [_incident(r, members.get(r.id, [])) for r in rows]

    def save_incident(self, incident: Incident, prefix: str) -> str:
        """Insert (a new id ``prefix`` + number when ``incident.id`` is None) or update; link its events.

        Returns the incident's id. ``updated_at`` is now; ``created_at`` is kept on update.
        """
        now = time.time()
        values = {name: getattr(incident, name) for name in _INCIDENT_FIELDS}
        values.update(event_date=incident.date, n_events=len(incident.events),
                      source="; ".join(incident.sources) or None, updated_at=now, stale=False,
                      actor1_key=actor_key(incident.actor1, incident.actor1_en),
                      actor2_key=actor_key(incident.actor2, incident.actor2_en))
        incident_id = incident.id
        if incident_id is None:
            incident_id = self._next_id(prefix)
            self.conn.execute(_INSERT_INCIDENT, {**values, "id": incident_id, "created_at": now})
            incident.created_at = now
        else:
            self.conn.execute(_UPDATE_INCIDENT, {**values, "b_id": incident_id})
        incident.id, incident.updated_at = incident_id, now
        moved = [ev for ev in incident.events if ev.incident_id != incident_id or ev.incident_hint is not None]
        if moved:
            self.conn.execute(_LINK_EVENT, [{"b_doc": ev.doc_id, "b_event": ev.event_id, "b_incident": incident_id}
                                            for ev in moved])
            for ev in moved:
                ev.incident_id, ev.incident_hint = incident_id, None
        return incident_id

    def _next_id(self, prefix: str) -> str:
        last = self.conn.execute(_COUNTER, {"b_prefix": prefix}).scalar()
        if last is None:
            number = 1
            self.conn.execute(sa.insert(m.incident_counters).values(prefix=prefix, last=number))
        else:
            number = int(last) + 1
            self.conn.execute(_COUNTER_SET, {"b_prefix": prefix, "b_last": number})
        return f"{prefix}{number}"

    def delete_incident(self, incident_id: str, *, reason: str, replaced_by: str | None = None) -> None:
        """Remove an incident (its events must have moved or gone) and record it in the deletion feed."""
        self.conn.execute(sa.delete(m.incidents).where(m.incidents.c.id == incident_id))
        self.conn.execute(sa.insert(m.deletions).values(kind="incident", item_id=incident_id, reason=reason,
                                                        replaced_by=replaced_by, deleted_at=time.time()))
