"""The stores, on SQLite and on PostgreSQL: migrations, idempotence, replacement, history, filters, refusals."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from marsad.document import Document
from marsad.errors import ConfigError, StoreError
from marsad.store import SCHEMA_VERSION, EventFilter, RunStoreError, default_location, open_store
from marsad.store import models as store_models

# a hand-written sentence (a protest in Sfax), different from the fixture's default text
PROTEST = "تظاهر مئات العمال أمام مقر الولاية في صفاقس للمطالبة بالتشغيل."


def _engine(url: str) -> sa.Engine:
    if url.startswith("postgresql://"):
        return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), poolclass=sa.NullPool)
    return sa.create_engine(f"sqlite:///{url}", poolclass=sa.NullPool)


def _sql(url: str | Path, sql: str, params: dict[str, object] | None = None) -> list[tuple[object, ...]]:
    """Run one statement on the database directly (committed), as another program would."""
    engine = _engine(str(url))
    try:
        with engine.begin() as conn:
            result = conn.execute(sa.text(sql), params or {})
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


def _line(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False)


def test_store_new_database_is_migrated_to_current_version(store_url: str) -> None:
    with open_store(store_url) as store:
        assert store.count() == 0
        assert store.schema_version == SCHEMA_VERSION
    assert _sql(store_url, "SELECT version_num FROM alembic_version") == [(f"{SCHEMA_VERSION:04d}",)]


def test_store_migrated_schema_matches_the_models(store_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    open_store(store_url).close()
    engine = _engine(store_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), store_models.Base.metadata)
    finally:
        engine.dispose()
    # the legacy table kept for marsad 0.1 readers is not a model
    assert [d for d in diff if not (d[0] == "remove_table" and d[1].name == "schema_version")] == []


def test_store_reopening_applies_no_migration_twice(store_url: str) -> None:
    for _ in range(3):
        open_store(store_url).close()
    versions = _sql(store_url, "SELECT version FROM schema_version ORDER BY version")
    assert versions == [(v,) for v in range(1, SCHEMA_VERSION + 1)]


def test_store_concurrent_openers_migrate_once(store_url: str) -> None:
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            open_store(store_url).close()
        except BaseException as err:  # collected for the assertion below
            errors.append(err)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert _sql(store_url, "SELECT version_num FROM alembic_version") == [(f"{SCHEMA_VERSION:04d}",)]


def test_store_round_trips_the_exact_line(store_url: str, result_doc: Callable[..., Document]) -> None:
    doc = result_doc("d1")
    with open_store(store_url) as store:
        assert store.put_many([doc], lines=[_line(doc)]) == 1
        stored = store.get("d1")
    assert stored is not None
    assert stored.line == _line(doc)
    assert stored.content_hash == doc.article.content_hash
    back = stored.document()
    back.check_offsets()
    assert back.events[0].location is not None and back.events[0].location.admin1 == "Nineveh"


def test_store_events_table_is_queryable(store_url: str, result_doc: Callable[..., Document]) -> None:
    with open_store(store_url) as store:
        store.put_many([result_doc("d1", country="iq"), result_doc("d2", date="2019-11", events=2)])
    rows = _sql(store_url, "SELECT doc_id, event_type, actor2, date_key, date_last, country, admin1, "
                "fatalities FROM events ORDER BY doc_id, event_id")
    assert rows == [("d1", "Explosions/Remote violence", "مسلحين", "2020-03-03", "2020-03-03", "IQ", "Nineveh", 4),
                    ("d2", "Explosions/Remote violence", "مسلحين", "2019-11-01", "2019-11-30", "IQ", "Nineveh", 4),
                    ("d2", "Explosions/Remote violence", "مسلحين", "2019-11-01", "2019-11-30", "IQ", "Nineveh", 4)]


def test_store_same_result_twice_changes_nothing(store_url: str, result_doc: Callable[..., Document]) -> None:
    with open_store(store_url) as store:
        store.put_many([result_doc("d1"), result_doc("d2")])
        first = store.get("d1")
        assert store.put_many([result_doc("d1"), result_doc("d2")]) == 0
        assert store.get("d1") == first  # stored_at included
        assert store.count() == 2
        assert store.count_events() == 2
        assert store.history("d1") == []


def test_store_changed_article_replaces_result_and_keeps_the_old_one(
        store_url: str, result_doc: Callable[..., Document]) -> None:
    with open_store(store_url) as store:
        store.put_many([result_doc("d1", events=2), result_doc("d2")])
        old = store.get("d1")
        changed = result_doc("d1", text=PROTEST, country="TN", events=1)
        assert store.put_many([changed]) == 1
        assert store.count() == 2
        assert store.count_events() == 2
        stored = store.get("d1")
        assert stored is not None and stored.content_hash == changed.article.content_hash
        # replacing keeps the storing order: d1 still comes first
        assert [r.id for r in store.iter_results()] == ["d1", "d2"]
        assert old is not None
        assert [(h.line, h.content_hash) for h in store.history("d1")] == [(old.line, old.content_hash)]
        # the event the new result no longer has is in the deletion feed
        assert [(x.kind, x.item_id, x.reason) for x in store.deleted_since(0)] == [("event", "d1/ev2", "retracted")]


def test_store_done_and_content_hashes(store_url: str, result_doc: Callable[..., Document]) -> None:
    d1, d2 = result_doc("d1"), result_doc("d2", text=PROTEST)
    with open_store(store_url) as store:
        store.put_many([d1, d2], hashes=["h1", "h2"])
        assert store.content_hashes() == {"d1": "h1", "d2": "h2"}
        assert store.done([("d1", "h1"), ("d2", "other"), ("d3", "h3")]) == {"d1"}


@pytest.mark.parametrize(("flt", "expected"), [
    (EventFilter(), ["iraq", "tunisia", "month", "no-events"]),
    (EventFilter(country="iq"), ["iraq"]),
    (EventFilter(country="TN"), ["tunisia", "month"]),
    (EventFilter(since=dt.date(2017, 6, 1)), ["iraq", "month"]),
    (EventFilter(since=dt.date(2017, 6, 2)), ["iraq"]),
    (EventFilter(until=dt.date(2016, 12, 31)), ["tunisia", "no-events"]),
    (EventFilter(since=dt.date(2016, 1, 1), until=dt.date(2016, 1, 31)), ["no-events"]),
])
def test_store_iter_results_filters_by_event_date_and_country(
        store_url: str, result_doc: Callable[..., Document], flt: EventFilter, expected: list[str]) -> None:
    docs = [
        result_doc("iraq", date="2020-03-03"),
        result_doc("tunisia", text=PROTEST, date=None, country="TN", published="2016-05-02"),
        result_doc("month", text=PROTEST, date="2017-06", country="TN"),
        result_doc("no-events", text=PROTEST, events=0, published="2016-01-10"),
    ]
    with open_store(store_url) as store:
        store.put_many(docs)
        assert [r.id for r in store.iter_results(events=flt)] == expected


def test_store_iter_results_since_stored_time(store_url: str, result_doc: Callable[..., Document]) -> None:
    with open_store(store_url) as store:
        store.put_many([result_doc("d1")])
        stamp = store.get("d1").stored_at  # type: ignore[union-attr]
        assert [r.id for r in store.iter_results(since=stamp)] == ["d1"]
        assert list(store.iter_results(since=stamp + 1)) == []


def test_store_newer_schema_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    _sql(store_url, "UPDATE alembic_version SET version_num = :v", {"v": f"{SCHEMA_VERSION + 5:04d}"})
    with pytest.raises(StoreError, match="newer"):
        open_store(store_url)


def test_store_migrated_by_a_newer_marsad_while_open_refuses_to_write(
        store_url: str, result_doc: Callable[..., Document]) -> None:
    with open_store(store_url) as store:
        _sql(store_url, "UPDATE alembic_version SET version_num = :v", {"v": f"{SCHEMA_VERSION + 1:04d}"})
        with pytest.raises(StoreError, match="migrated"):
            store.put_many([result_doc("d1")])
    _sql(store_url, "UPDATE alembic_version SET version_num = :v", {"v": f"{SCHEMA_VERSION:04d}"})
    with open_store(store_url) as store:
        assert store.count() == 0


def test_store_write_after_close_is_a_run_error(store_url: str, result_doc: Callable[..., Document]) -> None:
    store = open_store(store_url)
    store.close()
    with pytest.raises(RunStoreError) as info:
        store.put_many([result_doc("d1")])
    assert info.value.before_start is False


def test_store_foreign_database_is_refused(store_url: str) -> None:
    _sql(store_url, "CREATE TABLE invoices (n INTEGER)")
    with pytest.raises(StoreError, match="not a marsad store"):
        open_store(store_url)


def test_store_concurrent_writers_lose_nothing(store_url: str, result_doc: Callable[..., Document]) -> None:
    open_store(store_url).close()
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            with open_store(store_url) as store:
                for i in range(5):
                    store.put_many([result_doc(f"w{worker}-{i}"), result_doc("shared", text=PROTEST)])
        except BaseException as err:  # collected for the assertion below
            errors.append(err)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(store_url) as store:
        assert store.count() == 16
        assert store.count_events() == 16


# --- SQLite only: the file, its URLs, and marsad 0.1 files --------------------------------------


def test_store_sqlite_file_is_in_wal_mode(tmp_path: Path) -> None:
    open_store(tmp_path / "m.db").close()
    assert _sql(tmp_path / "m.db", "PRAGMA journal_mode") == [("wal",)]


_V01_SCHEMA = (
    "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at REAL NOT NULL)",
    """CREATE TABLE documents (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
       content_hash TEXT NOT NULL, published TEXT, published_key TEXT, source TEXT, stored_at REAL NOT NULL,
       result TEXT NOT NULL)""",
    """CREATE TABLE events (doc_id TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT, sub_event_type TEXT,
       actor1 TEXT, actor2 TEXT, event_date TEXT, date_key TEXT, country TEXT, admin1 TEXT, location TEXT,
       lat REAL, lon REAL, fatalities INTEGER, historical INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX events_doc ON events(doc_id)",
    "CREATE INDEX events_date ON events(date_key)",
    "CREATE INDEX events_country ON events(country, date_key)",
    "INSERT INTO schema_version VALUES (1, 0)",
)


def test_store_upgrades_a_marsad_0_1_file_in_place(tmp_path: Path, result_doc: Callable[..., Document]) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for sql in _V01_SCHEMA:
        conn.execute(sql)
    doc = result_doc("old1")
    conn.execute("INSERT INTO documents (id, content_hash, published, published_key, source, stored_at, result) "
                 "VALUES ('old1', ?, '2020-03-04', '2020-03-04', NULL, 5.0, ?)", (doc.article.content_hash, _line(doc)))
    conn.execute("INSERT INTO events (doc_id, event_id, event_type, date_key, country, historical) "
                 "VALUES ('old1', 'ev1', 'Battles', '2020-03-03', 'IQ', 0)")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.get("old1") is not None
        assert store.count_events() == 1
        # the same result again is still recognised as stored
        assert store.put_many([doc]) == 0
    # marsad 0.1 reads schema_version: it now says "newer" there instead of writing the old layout
    assert max(v for (v,) in _sql(path, "SELECT version FROM schema_version")) == SCHEMA_VERSION  # type: ignore[type-var]


@pytest.mark.parametrize("content", [b"this is not a database at all\n" * 40,
                                     b"SQLite format 3\x00" + b"\xff" * 4000])
def test_store_corrupt_file_is_a_store_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a usable marsad store"):
        open_store(path)


def test_store_directory_path_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        open_store(tmp_path)


@pytest.mark.parametrize("url", ["mysql://h/db", "oracle://u@h/db"])
def test_open_store_refuses_other_backends_clearly(url: str) -> None:
    with pytest.raises(ConfigError, match="scheme"):
        open_store(url)


def test_open_store_unreachable_postgresql_is_a_store_error() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="cannot open store"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_open_store_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    open_store("sqlite:///rel.db").close()
    assert (tmp_path / "rel.db").exists()
    open_store(f"sqlite:///{tmp_path / 'abs.db'}").close()
    assert (tmp_path / "abs.db").exists()


def test_open_store_without_create_refuses_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize(("env", "expected"), [
    ({}, "marsad.db"), ({"MARSAD_DB": "/x/y.db"}, "/x/y.db"), ({"MARSAD_DB": "  "}, "marsad.db"),
    ({"MARSAD_DATABASE_URL": "postgresql://u@h/db"}, "postgresql://u@h/db"),
    ({"MARSAD_DB": "a.db", "MARSAD_DATABASE_URL": "postgresql://u@h/db"}, "a.db"),
])
def test_default_location_reads_the_environment(env: dict[str, str], expected: str) -> None:
    assert default_location(env) == expected
