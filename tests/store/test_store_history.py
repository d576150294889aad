"""A store never loses a result: a different result for a stored id becomes a new version, and the
one it replaces is kept in the store's history (issue 15).

These tests specify the behaviour through the Store Protocol only (``open_store``, ``put_many``,
``get``, ``history``, ``count``), so that every store implementation must pass them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from marsad.document import Document
from marsad.store import SCHEMA_VERSION, open_store

# a hand-written sentence (a protest in Sfax), different from the fixture's default text
PROTEST = "تظاهر مئات العمال أمام مقر الولاية في صفاقس للمطالبة بالتشغيل."


def _line(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False)


def test_store_replacing_a_result_keeps_the_earlier_one_in_history(
        tmp_path: Path, result_doc: Callable[..., Document]) -> None:
    first = result_doc("d1", events=2)
    second = result_doc("d1", text=PROTEST, country="TN", events=1)
    with open_store(tmp_path / "s.db") as store:
        store.put_many([first], lines=[_line(first)])
        assert store.history("d1") == []
        assert store.put_many([second], lines=[_line(second)]) == 1
        current = store.get("d1")
        assert current is not None
        assert (current.line, current.content_hash, current.version) == (
            _line(second), second.article.content_hash, 2)
        earlier = store.history("d1")
        assert [(r.id, r.line, r.content_hash, r.version) for r in earlier] == [
            ("d1", _line(first), first.article.content_hash, 1)]
        # one current result per id: counts, exports and events see the newest version only
        assert store.count() == 1
        assert store.count_events() == 1
        assert [r.line for r in store.iter_results()] == [_line(second)]


def test_store_each_replacement_adds_one_version_oldest_first(
        tmp_path: Path, result_doc: Callable[..., Document]) -> None:
    versions = [result_doc("d1", date=f"2020-03-0{i}") for i in range(1, 4)]
    with open_store(tmp_path / "s.db") as store:
        for doc in versions:
            store.put_many([doc])
        assert [r.line for r in store.history("d1")] == [_line(d) for d in versions[:2]]
        assert [r.version for r in store.history("d1")] == [1, 2]
        assert store.get("d1").version == 3  # type: ignore[union-attr]


def test_store_the_same_result_again_adds_no_version(tmp_path: Path,
                                                     result_doc: Callable[..., Document]) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.put_many([result_doc("d1")])
        assert store.put_many([result_doc("d1")]) == 0
        assert store.history("d1") == []
        assert store.get("d1").version == 1  # type: ignore[union-attr]


def test_store_the_same_id_twice_in_one_batch_keeps_both(tmp_path: Path,
                                                         result_doc: Callable[..., Document]) -> None:
    first, second = result_doc("d1"), result_doc("d1", text=PROTEST)
    with open_store(tmp_path / "s.db") as store:
        assert store.put_many([first, second]) == 2
        assert store.get("d1").line == _line(second)  # type: ignore[union-attr]
        assert [r.line for r in store.history("d1")] == [_line(first)]


def test_store_history_of_an_unknown_id_is_empty(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        assert store.history("nothing") == []


def test_store_history_survives_reopening(tmp_path: Path, result_doc: Callable[..., Document]) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.put_many([result_doc("d1")])
        store.put_many([result_doc("d1", text=PROTEST)])
    with open_store(tmp_path / "s.db") as store:
        assert [r.version for r in store.history("d1")] == [1]
        assert store.get("d1").version == 2  # type: ignore[union-attr]


# The schema of the first released store (version 1), frozen here as written by marsad before
# issue 15: a file of this shape must open and keep its results under every later version.
V1_SCHEMA = (
    "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at REAL NOT NULL)",
    """CREATE TABLE documents (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
           content_hash TEXT NOT NULL, published TEXT, published_key TEXT, source TEXT,
           stored_at REAL NOT NULL, result TEXT NOT NULL)""",
    """CREATE TABLE events (doc_id TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT,
           sub_event_type TEXT, actor1 TEXT, actor2 TEXT, event_date TEXT, date_key TEXT, country TEXT,
           admin1 TEXT, location TEXT, lat REAL, lon REAL, fatalities INTEGER,
           historical INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX events_doc ON events(doc_id)",
    "CREATE INDEX events_date ON events(date_key)",
    "CREATE INDEX events_country ON events(country, date_key)",
    "INSERT INTO schema_version VALUES (1, 0)",
)


def write_v1_store(path: Path, doc: Document) -> str:
    """A version-1 store file holding ``doc``; returns the stored line."""
    line = _line(doc)
    conn = sqlite3.connect(path)
    try:
        for sql in V1_SCHEMA:
            conn.execute(sql)
        conn.execute("INSERT INTO documents (id, content_hash, published, published_key, source, stored_at, "
                     "result) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (doc.id, doc.article.content_hash, doc.article.published, None, None, 1.0, line))
        conn.commit()
    finally:
        conn.close()
    return line


def test_store_a_version_1_file_is_migrated_keeping_its_results(
        tmp_path: Path, result_doc: Callable[..., Document]) -> None:
    old = result_doc("d1")
    line = write_v1_store(tmp_path / "v1.db", old)
    with open_store(tmp_path / "v1.db") as store:
        stored = store.get("d1")
        assert stored is not None and (stored.line, stored.version) == (line, 1)
        assert store.history("d1") == []
        new = result_doc("d1", text=PROTEST)
        store.put_many([new])
        assert [r.line for r in store.history("d1")] == [line]
    conn = sqlite3.connect(tmp_path / "v1.db")
    try:
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    finally:
        conn.close()
