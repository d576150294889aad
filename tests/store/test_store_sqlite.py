"""The SQLite store: migrations, idempotence, replacement, filters, and refusing bad files."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.document import Document
from marsad.errors import ConfigError, StoreError
from marsad.store import SCHEMA_VERSION, EventFilter, RunStoreError, default_location, open_store
from marsad.store import sqlite as sqlite_store

# a hand-written sentence (a protest in Sfax), different from the fixture's default text
PROTEST = "تظاهر مئات العمال أمام مقر الولاية في صفاقس للمطالبة بالتشغيل."


def _sql(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Run one statement on the file directly (committed), as another program would."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(sql, params).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


def _line(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False)


def test_store_new_file_is_migrated_to_current_version(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as store:
        assert store.count() == 0
    versions = [v for (v,) in _sql(tmp_path / "m.db", "SELECT version FROM schema_version ORDER BY version")]
    assert versions == [m[0] for m in sqlite_store.MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))
    assert _sql(tmp_path / "m.db", "PRAGMA journal_mode") == [("wal",)]


def test_store_reopening_applies_no_migration_twice(tmp_path: Path) -> None:
    for _ in range(3):
        open_store(tmp_path / "m.db").close()
    assert _sql(tmp_path / "m.db", "SELECT COUNT(*) FROM schema_version") == [(SCHEMA_VERSION,)]


def test_store_applies_a_later_migration_and_keeps_data(tmp_path: Path, result_doc: Callable[..., Document],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(tmp_path / "m.db") as store:
        store.put_many([result_doc("d1")])
    extra = (SCHEMA_VERSION + 1, ("ALTER TABLE documents ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0",))
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", (*sqlite_store.MIGRATIONS, extra))
    monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with sqlite_store.SQLiteStore(tmp_path / "m.db") as store:
        assert store.schema_version == SCHEMA_VERSION + 1
        assert store.get("d1") is not None
    assert _sql(tmp_path / "m.db", "SELECT reviewed FROM documents WHERE id = 'd1'") == [(0,)]


def test_store_round_trips_the_exact_line(tmp_path: Path, result_doc: Callable[..., Document]) -> None:
    doc = result_doc("d1")
    with open_store(tmp_path / "s.db") as store:
        assert store.put_many([doc], lines=[_line(doc)]) == 1
        stored = store.get("d1")
    assert stored is not None
    assert stored.line == _line(doc)
    assert stored.content_hash == doc.article.content_hash
    back = stored.document()
    back.check_offsets()
    assert back.events[0].location is not None and back.events[0].location.admin1 == "Nineveh"


def test_store_events_table_is_queryable(tmp_path: Path, result_doc: Callable[..., Document]) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.put_many([result_doc("d1", country="iq"), result_doc("d2", date="2019-11", events=2)])
    rows = _sql(tmp_path / "s.db", "SELECT doc_id, event_type, actor2, date_key, country, admin1, "
                "fatalities FROM events ORDER BY doc_id, event_id")
    assert rows == [("d1", "Explosions/Remote violence", "مسلحين", "2020-03-03", "IQ", "Nineveh", 4),
                    ("d2", "Explosions/Remote violence", "مسلحين", "2019-11-01", "IQ", "Nineveh", 4),
                    ("d2", "Explosions/Remote violence", "مسلحين", "2019-11-01", "IQ", "Nineveh", 4)]


def test_store_same_result_twice_changes_nothing(tmp_path: Path, result_doc: Callable[..., Document]) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.put_many([result_doc("d1"), result_doc("d2")])
        first = store.get("d1")
        assert store.put_many([result_doc("d1"), result_doc("d2")]) == 0
        assert store.get("d1") == first  # stored_at included
        assert store.count() == 2
        assert store.count_events() == 2


def test_store_changed_article_replaces_result_and_events(tmp_path: Path,
                                                          result_doc: Callable[..., Document]) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.put_many([result_doc("d1", events=2), result_doc("d2")])
        changed = result_doc("d1", text=PROTEST, country="TN", events=1)
        assert store.put_many([changed]) == 1
        assert store.count() == 2
        assert store.count_events() == 2
        stored = store.get("d1")
        assert stored is not None and stored.content_hash == changed.article.content_hash
        # replacing keeps the storing order: d1 still comes first
        assert [r.id for r in store.iter_results()] == ["d1", "d2"]


def test_store_done_and_content_hashes(tmp_path: Path, result_doc: Callable[..., Document]) -> None:
    d1, d2 = result_doc("d1"), result_doc("d2", text=PROTEST)
    with open_store(tmp_path / "s.db") as store:
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
        tmp_path: Path, result_doc: Callable[..., Document], flt: EventFilter, expected: list[str]) -> None:
    docs = [
        result_doc("iraq", date="2020-03-03"),
        result_doc("tunisia", text=PROTEST, date=None, country="TN", published="2016-05-02"),
        result_doc("month", text=PROTEST, date="2017-06", country="TN"),
        result_doc("no-events", text=PROTEST, events=0, published="2016-01-10"),
    ]
    with open_store(tmp_path / "s.db") as store:
        store.put_many(docs)
        assert [r.id for r in store.iter_results(events=flt)] == expected


def test_store_iter_results_since_stored_time(tmp_path: Path, result_doc: Callable[..., Document]) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.put_many([result_doc("d1")])
        stamp = store.get("d1").stored_at  # type: ignore[union-attr]
        assert [r.id for r in store.iter_results(since=stamp)] == ["d1"]
        assert list(store.iter_results(since=stamp + 1)) == []


@pytest.mark.parametrize("content", [b"this is not a database at all\n" * 40,
                                     b"SQLite format 3\x00" + b"\xff" * 4000])
def test_store_corrupt_file_is_a_store_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a usable marsad store"):
        open_store(path)


def test_store_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    _sql(tmp_path / "other.db", "CREATE TABLE invoices (n INTEGER)")
    with pytest.raises(StoreError, match="not a marsad store"):
        open_store(tmp_path / "other.db")


def test_store_newer_schema_is_refused(tmp_path: Path) -> None:
    open_store(tmp_path / "new.db").close()
    _sql(tmp_path / "new.db", "INSERT INTO schema_version VALUES (?, 0)", (SCHEMA_VERSION + 5,))
    with pytest.raises(StoreError, match="newer"):
        open_store(tmp_path / "new.db")


def test_store_write_after_close_is_a_run_error(tmp_path: Path, result_doc: Callable[..., Document]) -> None:
    store = open_store(tmp_path / "s.db")
    store.close()
    with pytest.raises(RunStoreError) as info:
        store.put_many([result_doc("d1")])
    assert info.value.before_start is False


def test_store_directory_path_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        open_store(tmp_path)


@pytest.mark.parametrize("url", ["postgresql://localhost/marsad", "postgres://u@h/db", "mysql://h/db"])
def test_open_store_refuses_other_backends_clearly(url: str) -> None:
    with pytest.raises(ConfigError, match=r"PostgreSQL|scheme"):
        open_store(url)


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


@pytest.mark.parametrize(("env", "expected"), [({}, "marsad.db"), ({"MARSAD_DB": "/x/y.db"}, "/x/y.db"),
                                               ({"MARSAD_DB": "  "}, "marsad.db")])
def test_default_location_reads_the_environment(env: dict[str, str], expected: str) -> None:
    assert default_location(env) == expected
