"""The store seam: the :class:`Store` Protocol, query records, the schema version, ``open_store``.

A store keeps one current result per article id, with the article's content hash, the exact JSON
line the run wrote, and when it was stored. A different result for a stored id never overwrites it
silently: it becomes the next version, and the replaced one stays in the id's history. The store
also keeps the events of current results flattened (date, country, admin1, type, actors, incident)
so that exports, the API and incident linking query them without parsing every result. Callers
(the CLI, the API, scale-out runners) talk to the Protocol only; ``open_store`` picks SQLite (a
path or ``sqlite:///``) or PostgreSQL (``postgresql://``), both :class:`marsad.store.sql.SQLStore`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self

from marsad.document import Document, EventRecord, Incident
from marsad.errors import ConfigError, StoreError

if TYPE_CHECKING:
    from marsad.store.sql import SQLStore

# The number of the last alembic revision in marsad/store/migrations/versions (revisions are named
# 0001, 0002 ...); a store whose recorded version is higher was written by a newer marsad and is
# refused rather than misread.
SCHEMA_VERSION = 2

DEFAULT_DB = "marsad.db"
DB_ENV = "MARSAD_DB"
# The team store's URL (postgresql://user@host/db); $MARSAD_DB wins when both are set.
DATABASE_URL_ENV = "MARSAD_DATABASE_URL"


class RunStoreError(StoreError):
    """The store failed in the middle of a run (exit code 1: committed results are kept)."""

    before_start = False


@dataclass(frozen=True, slots=True)
class StoredResult:
    """One stored result: its JSON line as written, the article's content hash, when it was stored."""

    id: str
    content_hash: str
    line: str  # the contract JSON of the result, exactly as `marsad extract` wrote it
    stored_at: float  # Unix seconds
    published: str | None
    version: int = 1  # 1 for the first result stored under this id, +1 for each that replaced one
    # {event id: incident id} of its events; document() and to_dict() put them on the events
    incident_ids: Mapping[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON of the result, every event with its ``incident_id``."""
        data: dict[str, Any] = json.loads(self.line)
        links = self.incident_ids or {}
        for event in data.get("events") or []:
            if isinstance(event, dict):
                event["incident_id"] = links.get(str(event.get("id")))
        return data

    def document(self) -> Document:
        """The result rebuilt as a :class:`Document`, every event with its ``incident_id``."""
        return Document.from_dict(self.to_dict())


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events an export or query keeps; every bound is inclusive and optional.

    An event's date is its own (month or year precision counts as its first day); an undated
    event falls back to its article's published date.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    # events scored below this are left out; unscored events (strategic developments) are kept
    min_confidence: float | None = None

    @property
    def empty(self) -> bool:
        return self.since is None and self.until is None and self.country is None and self.min_confidence is None

    def keeps(self, date_key: str | None, country: str | None, confidence: float | None = None) -> bool:
        """Whether an event with this effective date (YYYY-MM-DD or None), country and confidence passes."""
        if self.country is not None and (country or "").upper() != self.country.upper():
            return False
        if self.min_confidence is not None and confidence is not None and confidence < self.min_confidence:
            return False
        if self.since is None and self.until is None:
            return True
        if date_key is None:
            return False
        if self.since is not None and date_key < self.since.isoformat():
            return False
        return not (self.until is not None and date_key > self.until.isoformat())


_DATE_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ].*)?)?)?$")


def date_key(value: str | None) -> str | None:
    """A contract date (YYYY-MM-DD, YYYY-MM, YYYY or ISO 8601) as the YYYY-MM-DD of its first day.

    >>> date_key("2017-06"), date_key("2017"), date_key("2017-06-09T10:00:00+01:00"), date_key("x")
    ('2017-06-01', '2017-01-01', '2017-06-09', None)
    """
    if not value:
        return None
    m = _DATE_PREFIX.match(value.strip())
    if m is None:
        return None
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}"


@dataclass(frozen=True, slots=True, kw_only=True)
class EventQuery:
    """What ``query_events``/``query_incidents`` keep (ACLED's API idioms); every filter is optional.

    A sequence filter keeps rows equal to any of its values (``event_type=("Battles", "Protests")``);
    ``country`` takes ISO 3166-1 alpha-2 codes, ISO3 codes or ACLED's English names; ``admin1``
    and the types compare case-insensitively; ``actor`` matches actor1 or actor2 and ``actor1``/
    ``actor2`` their own column, by substring of the Arabic name folded (hamza, alef maqsura, ta
    marbuta, diacritics: ``الانبار`` finds ``الأنبار``) or of the English name, case-insensitive.
    Dates are inclusive and compare an event's first day (``date_key``).
    """

    country: Sequence[str] = ()
    admin1: Sequence[str] = ()
    event_type: Sequence[str] = ()
    sub_event_type: Sequence[str] = ()
    actor: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    incident_id: str | None = None
    doc_id: str | None = None
    min_confidence: float | None = None  # events only; unscored events are kept
    limit: int | None = 500  # None: no limit
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Deletion:
    """One entry of the deletion feed: what disappeared, why, what replaced it, when (Unix seconds)."""

    seq: int
    kind: str  # "incident" | "event"
    item_id: str  # an incident id, or "doc_id/event_id"
    reason: str  # "merged" | "retracted" (its article no longer reports it) | "corrected"
    replaced_by: str | None
    deleted_at: float


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """An API token as stored (the token itself is never stored, only its SHA-256)."""

    name: str
    scopes: tuple[str, ...]
    created_at: float
    last_used_at: float | None
    revoked_at: float | None


@dataclass(frozen=True, slots=True)
class ReviewEdit:
    """One correction an analyst made to a stored event (values as JSON-ready Python values)."""

    id: int
    doc_id: str
    event_id: str | None
    field: str
    old_value: Any
    new_value: Any
    author: str | None
    note: str | None
    created_at: float


class Store(Protocol):
    """What the CLI, the API and scale-out runners need from a result store."""

    def put_many(self, docs: Iterable[Document], *, lines: Iterable[str] | None = None,
                 hashes: Iterable[str] | None = None) -> int:
        """Store results in one transaction; return how many documents were inserted or replaced.

        ``lines`` (parallel to ``docs``) are the JSON lines already written for them, so that the
        store keeps byte-identical copies; ``hashes`` the content hashes of the articles as read.
        Both default to what the documents give. Storing the same result again changes nothing;
        a different result for the same id (even within one call) becomes its current result,
        with the version number one higher, and the one it replaces moves to :meth:`history`.
        Stored events wait for incident linking (``marsad.dedup.link_incidents(store)``).
        """
        ...

    def get(self, doc_id: str) -> StoredResult | None:
        """The current result of one article id, or None."""
        ...

    def history(self, doc_id: str) -> list[StoredResult]:
        """The earlier results of one article id that newer ones replaced, oldest first."""
        ...

    def content_hashes(self) -> dict[str, str]:
        """``{article id: content hash}`` of everything stored (what ``--resume`` skips)."""
        ...

    def done(self, keys: Iterable[tuple[str, str]]) -> set[str]:
        """The ids among ``(id, content_hash)`` pairs whose stored result has that same hash."""
        ...

    def iter_results(self, *, since: float | None = None,
                     events: EventFilter | None = None) -> Iterator[StoredResult]:
        """Stored results in storing order; ``since`` (Unix seconds) keeps those stored then or later,
        ``events`` keeps documents with at least one matching event (or, without events, whose
        published date matches and no country is asked)."""
        ...

    def count(self) -> int:
        """How many results are stored."""
        ...

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events are stored (that match ``query``; its limit and offset are ignored)."""
        ...

    def query_events(self, query: EventQuery) -> list[EventRecord]:
        """Stored events matching ``query``, newest first (date, then storing order)."""
        ...

    def count_incidents(self, query: EventQuery | None = None) -> int:
        """How many incidents there are (that match ``query``; limit and offset are ignored)."""
        ...

    def query_incidents(self, query: EventQuery, *, with_events: bool = False) -> list[Incident]:
        """Incidents matching ``query`` (on the incident's own fields), newest first."""
        ...

    def get_incident(self, incident_id: str) -> Incident | None:
        """One incident with all its events (its sources), or None."""
        ...

    def iter_incidents(self, query: EventQuery | None = None, *, page: int = 1000) -> Iterator[Incident]:
        """Every incident matching ``query`` (its limit and offset ignored) with its events, in pages."""
        ...

    def deleted_since(self, since: float, *, limit: int | None = None) -> list[Deletion]:
        """The deletion feed: incidents and events gone at or after ``since`` (Unix seconds), oldest first."""
        ...

    def start_run(self, command: str, args: dict[str, Any] | None = None) -> int:
        """Record the start of a run (``marsad extract`` ...); return its id."""
        ...

    def finish_run(self, run_id: int, *, status: str = "done", processed: int = 0, skipped: int = 0,
                   events: int = 0) -> None:
        """Record how a run ended."""
        ...

    def incident_index(self) -> AbstractContextManager[Any]:
        """One write transaction seen as ``marsad.dedup.IncidentIndex`` (what ``link_incidents`` uses)."""
        ...

    def close(self) -> None:
        """Release the connection; further calls fail."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...


def default_location(env: Mapping[str, str] | None = None) -> str:
    """The store location when none is given: ``$MARSAD_DB``, else ``$MARSAD_DATABASE_URL``, else ``./marsad.db``."""
    environ = env if env is not None else os.environ
    value = environ.get(DB_ENV, "").strip() or environ.get(DATABASE_URL_ENV, "").strip()
    return value or DEFAULT_DB


def store_file(url_or_path: str | Path) -> Path | None:
    """The file a store location names: a path, or ``sqlite:///PATH``; None for a server URL.

    >>> store_file("runs/a.db"), store_file("sqlite:///runs/a.db"), store_file("sqlite:////tmp/a.db")
    (PosixPath('runs/a.db'), PosixPath('runs/a.db'), PosixPath('/tmp/a.db'))
    >>> store_file("postgresql://localhost/marsad") is None
    True

    Raises:
        ConfigError: an unknown URL scheme.
    """
    target = str(url_or_path)
    scheme, sep, rest = target.partition("://")
    if not sep:
        return Path(target)
    scheme = scheme.lower()
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return None
    if scheme != "sqlite":
        raise ConfigError(f"unknown store URL scheme {scheme!r}; use a file path, sqlite:///PATH "
                          "or postgresql://USER@HOST/DB")
    # SQLAlchemy's convention: sqlite:///rel.db is relative, sqlite:////abs.db absolute
    if rest.startswith("//"):
        return Path("/" + rest.lstrip("/"))
    if rest.startswith("/"):
        return Path(rest[1:])
    return Path(rest)


def store_label(url_or_path: str | Path) -> str:
    """A store location fit for messages: a server URL loses its password.

    >>> store_label("postgresql://marsad:secret@db:5432/m"), store_label("runs/a.db")
    ('postgresql://marsad:***@db:5432/m', 'runs/a.db')
    """
    target = str(url_or_path)
    scheme, sep, rest = target.partition("://")
    if not sep or "@" not in rest:
        return target
    credentials, _, host = rest.rpartition("@")
    user, colon, _password = credentials.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}@{host}"


def store_files(url_or_path: str | Path) -> tuple[Path, ...]:
    """Every file a store at this location consists of (none for a server URL): an output written
    over any of them would destroy the store, so the CLI refuses such an output path.

    >>> [p.name for p in store_files("sqlite:///runs/a.db")]
    ['a.db', 'a.db-wal', 'a.db-shm', 'a.db-journal']
    """
    path = store_file(url_or_path)
    if path is None:
        return ()
    return (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")))


def open_store(url_or_path: str | Path, *, create: bool = True) -> SQLStore:
    """Open (and migrate) the store at a path or URL.

    Args:
        url_or_path: a file path, ``sqlite:///path``, or ``postgresql://user:pw@host:port/db``
            (needs ``pip install 'marsad[postgres]'``).
        create: when False, a missing SQLite file is an error instead of a new empty store
            (``show`` and ``export`` read; they should not leave empty databases behind).

    Raises:
        ConfigError: an unsupported URL scheme, or the PostgreSQL driver is not installed.
        StoreError: the file or database is not a marsad store, is corrupt, has a newer schema,
            or cannot be reached.
    """
    # imported here, not at the top: marsad.store.sql imports this module
    from marsad.store.sql import SQLStore

    path = store_file(url_or_path)
    if path is None:
        return SQLStore.postgresql(str(url_or_path))
    if not create and not path.exists():
        raise StoreError(f"no store at {path} (run `marsad extract` first, or pass --db PATH)")
    return SQLStore.sqlite(path)
