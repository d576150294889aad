"""The store's query API (what the HTTP API serves), on SQLite and PostgreSQL: events, incidents,
documents with incident ids, the deletion feed, corrections, runs and API tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable

import pytest
import sqlalchemy as sa

from marsad.dedup import link_incidents
from marsad.document import Actor, ActorRef, Document, Event, EventLocation, Evidence
from marsad.store import EventQuery, open_store

# Hand-written sentences (not from any article).
RAID = "داهمت قوات الأمن منزلاً في القصرين واعتقلت ثلاثة أشخاص."
STRIKE = "قصفت طائرة مسيرة موقعاً قرب الموصل فجر الثلاثاء."


@pytest.fixture()
def event_doc(make_doc: Callable[..., Document]) -> Callable[..., Document]:
    """A document with one event of the given type, date, place and actor."""

    def build(doc_id: str, *, text: str = RAID, event_type: str = "Strategic developments",
              sub_event_type: str = "Arrests", date: str = "2017-06-05", country: str = "TN",
              admin1: str = "Kasserine", place: str = "القصرين", actor: str = "قوات الأمن",
              actor_en: str | None = "Security forces", source: str = "Jawhara FM",
              fatalities: int | None = None) -> Document:
        doc = make_doc(text, doc_id=doc_id, published=date)
        doc.article.source = source
        doc.actors.append(Actor(id="a1", name=actor, type="ORG", name_en=actor_en))
        s = doc.sentences[0]
        doc.events.append(Event(
            id="ev1", event_type=event_type, sub_event_type=sub_event_type,
            evidence=Evidence(start=s.start, end=s.end, text=text[s.start:s.end]),
            actor1=ActorRef(name=actor, actor_id="a1"), date=date, time_precision=1, fatalities=fatalities,
            location=EventLocation(name=place, admin1=admin1, country=country, geo_precision=1)))
        return doc

    return build


@pytest.fixture()
def three_events(event_doc: Callable[..., Document]) -> list[Document]:
    return [
        event_doc("tn-1"),
        event_doc("tn-2", date="2017-06-20", admin1="Sfax", place="صفاقس", actor="الحرس الوطني",
                  actor_en="National Guard"),
        event_doc("iq-1", text=STRIKE, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                  date="2020-03-03", country="IQ", admin1="Nineveh", place="الموصل", actor="التحالف الدولي",
                  actor_en="International coalition", fatalities=4),
    ]


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(), ["iq-1", "tn-2", "tn-1"]),
    (EventQuery(country=("TN",)), ["tn-2", "tn-1"]),
    (EventQuery(country=("Tunisia", "iraq")), ["iq-1", "tn-2", "tn-1"]),
    (EventQuery(country=("تونس",)), ["tn-2", "tn-1"]),
    (EventQuery(admin1=("sfax",)), ["tn-2"]),
    (EventQuery(event_type=("explosions/remote violence",)), ["iq-1"]),
    (EventQuery(sub_event_type=("Arrests",)), ["tn-2", "tn-1"]),
    (EventQuery(actor="الامن"), ["tn-1"]),  # hamza folded: الأمن
    (EventQuery(actor="قوات  الأمن".replace("  ", " ")), ["tn-1"]),
    (EventQuery(actor="national guard"), ["tn-2"]),
    (EventQuery(actor1="التحالف"), ["iq-1"]),
    (EventQuery(actor2="التحالف"), []),
    (EventQuery(actor="50%_"), []),  # LIKE wildcards are literal
    (EventQuery(since=dt.date(2017, 6, 6), until=dt.date(2017, 12, 31)), ["tn-2"]),
    (EventQuery(limit=1), ["iq-1"]),
    (EventQuery(limit=1, offset=1), ["tn-2"]),
    (EventQuery(doc_id="tn-1"), ["tn-1"]),
])
def test_store_query_events_filters(store_url: str, three_events: list[Document], query: EventQuery,
                                    expected: list[str]) -> None:
    with open_store(store_url) as store:
        store.put_many(three_events)
        assert [e.doc_id for e in store.query_events(query)] == expected
        unpaged = EventQuery(**{**{k: getattr(query, k) for k in query.__slots__}, "limit": None, "offset": 0})
        assert store.count_events(query) == len(store.query_events(unpaged))


def test_store_event_records_carry_the_fields_the_api_serves(store_url: str, three_events: list[Document]) -> None:
    with open_store(store_url) as store:
        store.put_many(three_events)
        [record] = store.query_events(EventQuery(country=("IQ",)))
    assert (record.event_type, record.date, record.date_key, record.time_precision, record.country,
            record.admin1, record.location, record.actor1, record.actor1_en, record.fatalities,
            record.outlet) == ("Explosions/Remote violence", "2020-03-03", "2020-03-03", 1, "IQ", "Nineveh",
                               "الموصل", "التحالف الدولي", "International coalition", 4, "Jawhara FM")
    assert record.evidence == STRIKE


def test_store_incidents_are_queried_like_events(store_url: str, three_events: list[Document]) -> None:
    with open_store(store_url) as store:
        store.put_many(three_events)
        assert store.count_incidents() == 0
        report = link_incidents(store)
        assert (report.linked, report.created) == (3, 3)
        assert store.count_incidents() == 3
        [iraq] = store.query_incidents(EventQuery(country=("Iraq",)), with_events=True)
        assert iraq.id == "IRQ1" and iraq.fatalities == 4 and iraq.sources == ["Jawhara FM"]
        assert [e.doc_id for e in iraq.events] == ["iq-1"]
        assert [i.id for i in store.query_incidents(EventQuery(country=("TN",)))] == ["TUN2", "TUN1"]
        assert store.count_incidents(EventQuery(actor="الامن")) == 1
        assert [i.id for i in store.query_incidents(EventQuery(doc_id="tn-2"))] == ["TUN2"]
        got = store.get_incident("TUN1")
        assert got is not None and [(e.doc_id, e.event_id) for e in got.events] == [("tn-1", "ev1")]
        assert store.get_incident("TUN99") is None
        assert [i.id for i in store.iter_incidents(page=1)] == ["IRQ1", "TUN2", "TUN1"]


def test_store_documents_carry_their_incident_ids(store_url: str, three_events: list[Document]) -> None:
    with open_store(store_url) as store:
        store.put_many(three_events)
        stored = store.get("iq-1")
        assert stored is not None and stored.document().events[0].incident_id is None
        link_incidents(store)
        stored = store.get("iq-1")
        assert stored is not None
        assert stored.to_dict()["events"][0]["incident_id"] == "IRQ1"
        assert stored.document().events[0].incident_id == "IRQ1"
        assert '"incident_id"' not in stored.line  # the line as written stays byte for byte
        assert {r.id: r.document().events[0].incident_id for r in store.iter_results()} == {
            "tn-1": "TUN1", "tn-2": "TUN2", "iq-1": "IRQ1"}


def test_store_correction_updates_the_incident_in_place(store_url: str, three_events: list[Document]) -> None:
    with open_store(store_url) as store:
        store.put_many(three_events)
        link_incidents(store)
        store.correct_event("iq-1", "ev1", {"fatalities": 3}, author="analyst", note="hospital figure")
        link_incidents(store)
        incident = store.get_incident("IRQ1")
        assert incident is not None and incident.fatalities == 3
        assert store.count_incidents() == 3
        [edit] = store.review_edits("iq-1")
        assert (edit.event_id, edit.field, edit.old_value, edit.new_value, edit.author, edit.note) == (
            "ev1", "fatalities", 4, 3, "analyst", "hospital figure")
        assert len(store.history("iq-1")) == 1
        with pytest.raises(KeyError):
            store.correct_event("iq-1", "ev9", {"fatalities": 1})
        with pytest.raises(ValueError, match="cannot correct"):
            store.correct_event("iq-1", "ev1", {"no_such_field": 1})


def test_store_tokens_are_kept_hashed(store_url: str) -> None:
    with open_store(store_url) as store:
        token = store.create_token("team", scopes=("read",))
        assert token.startswith("msd_") and len(token) > 40
        info = store.check_token(token)
        assert info is not None and info.name == "team" and info.scopes == ("read",)
        assert store.check_token(token, scope="write") is None
        assert store.check_token(token + "x") is None
        with pytest.raises(ValueError, match="exists"):
            store.create_token("team")
        with pytest.raises(ValueError, match="scope"):
            store.create_token("other", scopes=("admin",))
        assert store.revoke_token("team") is True
        assert store.check_token(token) is None
        assert [t.name for t in store.tokens()] == ["team"]
        with store.engine.connect() as conn:
            stored = [tuple(r) for r in conn.execute(sa.text("SELECT name, token_hash FROM api_tokens"))]
    assert stored == [("team", hashlib.sha256(token.encode()).hexdigest())]


def test_store_runs_are_recorded(store_url: str) -> None:
    with open_store(store_url) as store:
        run_id = store.start_run("extract", {"inputs": ["a.jsonl"]})
        store.finish_run(run_id, processed=10, skipped=2, events=5)
        [run] = store.runs()
    assert (run["command"], run["status"], run["processed"], run["skipped"], run["events"]) == (
        "extract", "done", 10, 2, 5)
    assert run["finished_at"] >= run["started_at"]


def test_store_deletion_feed_since_a_time(store_url: str, event_doc: Callable[..., Document]) -> None:
    with open_store(store_url) as store:
        store.put_many([event_doc("a")])
        link_incidents(store)
        before = time.time()
        # the article is stored again without its event: the event and its incident are gone
        empty = event_doc("a")
        empty.events.clear()
        store.put_many([empty])
        link_incidents(store)
        feed = store.deleted_since(before)
        assert [(d.kind, d.item_id, d.reason) for d in feed] == [("event", "a/ev1", "retracted"),
                                                                ("incident", "TUN1", "retracted")]
        assert store.deleted_since(time.time() + 1) == []
        assert store.count_incidents() == 0


@pytest.mark.parametrize(("when", "yesterday"), [("أمس", True), ("ليلة البارحة", True), ("اليوم", False)])
def test_store_flags_events_dated_by_yesterday(event_doc: Callable[..., Document], when: str,
                                               yesterday: bool) -> None:
    from marsad.document import DateValue
    from marsad.store.sql import flatten_events

    doc = event_doc("a", text=f"داهمت قوات الأمن {when} منزلاً في القصرين.")
    start = doc.text.index(when)
    doc.dates.append(DateValue(text=when, start=start, end=start + len(when), value="2017-06-05",
                               precision="day", time_precision=1, relative=True))
    [record] = flatten_events(doc)
    assert record.relative_date is yesterday
