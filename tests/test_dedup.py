"""Incidents across articles: ACLED's same-event rules, field picking, and linking in a store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

import pytest

from marsad.dedup import (
    LinkConfig,
    MemoryIndex,
    id_prefix,
    incident_score,
    link_incidents,
    link_pending,
    pair_score,
    pick_fields,
)
from marsad.document import Document, Event, EventLocation, EventRecord, Evidence, Incident
from marsad.store import open_store

# Hand-written reports (not from any article): one mine blast told by two outlets, and others.
MINE_A = "أصيب جنديان في انفجار لغم أرضي بجبل الشعانبي من ولاية القصرين مساء اليوم الأحد."
MINE_B = "انفجر لغم أرضي بجبل الشعانبي في القصرين وأسفر عن إصابة جنديين بجروح، وفق وزارة الدفاع."
PROTEST_SOUSSE = "نفذ عمال النسيج وقفة احتجاجية أمام مقر الولاية في سوسة للمطالبة بأجورهم."
PROTEST_SFAX = "نفذ عمال الموانئ وقفة احتجاجية أمام مقر الولاية في صفاقس للمطالبة بأجورهم."


def record(doc_id: str, evidence: str, *, event_type: str = "Explosions/Remote violence",
           sub_event_type: str = "Remote explosive/landmine/IED", date: str | None = "2017-03-12",
           time_precision: int = 1, country: str | None = "TN", admin1: str | None = "Kasserine",
           location: str | None = "جبل الشعانبي", geo_precision: int | None = 2, fatalities: int | None = None,
           outlet: str = "Jawhara FM", relative: bool = False, event_id: str = "ev1") -> EventRecord:
    last = {10: date, 7: f"{date}-31", 4: f"{date}-12-31"}.get(len(date or ""), None) if date else None
    key = {10: date, 7: f"{date}-01", 4: f"{date}-01-01"}.get(len(date or ""), None) if date else None
    return EventRecord(doc_id=doc_id, event_id=event_id, event_type=event_type, sub_event_type=sub_event_type,
                       date=date, date_key=key, date_last=last, time_precision=time_precision,
                       relative_date=relative, country=country, admin1=admin1, location=location,
                       geo_precision=geo_precision, fatalities=fatalities, outlet=outlet, evidence=evidence)


def _linked(records: list[EventRecord], config: LinkConfig | None = None) -> dict[str, str]:
    index = MemoryIndex(records)
    link_pending(index, config or LinkConfig())
    return {f"{e.doc_id}/{e.event_id}": e.incident_id or "" for e in index.events}


def test_dedup_two_reports_of_one_blast_are_one_incident() -> None:
    links = _linked([record("a", MINE_A), record("b", MINE_B, outlet="Mosaique FM")])
    assert links["a/ev1"] == links["b/ev1"] == "TUN1"


@pytest.mark.parametrize(("other", "why"), [
    (record("b", MINE_B, event_type="Protests", sub_event_type="Peaceful protest"), "another type family"),
    (record("b", MINE_B, admin1="Kef", location="جبل ورغة"), "another admin1"),
    (record("b", MINE_B, date="2017-03-14"), "two days later"),
    (record("b", MINE_B, country="DZ"), "another country"),
])
def test_dedup_acled_rules_keep_reports_apart(other: EventRecord, why: str) -> None:
    assert pair_score(record("a", MINE_A), other) is None, why
    links = _linked([record("a", MINE_A), other])
    assert links["a/ev1"] != links["b/ev1"], why


def test_dedup_two_events_of_one_article_stay_two_incidents() -> None:
    links = _linked([record("a", MINE_A), record("a", MINE_B, event_id="ev2")])
    assert links["a/ev1"] != links["a/ev2"]


def test_dedup_same_day_same_kind_different_town_is_two_incidents() -> None:
    protest = {"event_type": "Protests", "sub_event_type": "Peaceful protest", "geo_precision": 1}
    links = _linked([record("a", PROTEST_SOUSSE, admin1="Sousse", location="سوسة", **protest),  # type: ignore[arg-type]
                     record("b", PROTEST_SFAX, admin1="Sfax", location="صفاقس", **protest)])  # type: ignore[arg-type]
    assert links["a/ev1"] != links["b/ev1"]


@pytest.mark.parametrize(("vague", "why"), [
    (record("b", MINE_B, date="2017-03", time_precision=3), "a month joins a day inside it"),
    (record("b", MINE_B, admin1=None, location="تونس", geo_precision=3), "the country joins a place in it"),
    (record("b", MINE_B, date="2017-03-11", relative=True), "أمس: a day earlier by a relative date"),
])
def test_dedup_a_vaguer_report_joins_a_precise_one(vague: EventRecord, why: str) -> None:
    links = _linked([record("a", MINE_A), vague])
    assert links["a/ev1"] == links["b/ev1"], why


def test_dedup_incident_fields_follow_acled_rules() -> None:
    incident = pick_fields(Incident(id=None, event_type="", sub_event_type="", events=[
        record("a", MINE_A, date="2017-03", time_precision=3, admin1=None, location="تونس", geo_precision=3,
               fatalities=3, outlet="Jawhara FM"),
        record("b", MINE_B, fatalities=2, outlet="Mosaique FM"),
        record("c", MINE_B, location="القصرين", geo_precision=1, date="2017-03-12", fatalities=None,
               outlet="Jawhara FM"),
    ]))
    assert (incident.location, incident.geo_precision, incident.admin1) == ("القصرين", 1, "Kasserine")
    assert (incident.date, incident.time_precision) == ("2017-03-12", 1)
    assert incident.fatalities == 2  # the lowest stated count
    assert incident.sources == ["Jawhara FM", "Mosaique FM"]


def test_dedup_a_report_bridging_two_incidents_merges_them() -> None:
    index = MemoryIndex()
    strict = LinkConfig(threshold=3.0, only_candidate=0.0)
    # two reports too different to join alone (no shared wording): two incidents ...
    index.add([record("a", "انفجار لغم بالجبل", location=None), record("b", "إصابة عسكريين اثنين", location=None)])
    link_pending(index, strict)
    assert len(index.incidents) == 2
    # ... until a third report shares the wording of both
    index.add([record("c", "انفجار لغم بالجبل و إصابة عسكريين اثنين", location=None)])
    report = link_pending(index, strict)
    assert report.merged == 1 and len(index.incidents) == 1
    assert index.deleted == [("TUN2", "merged", "TUN1")]
    assert {e.incident_id for e in index.events} == {"TUN1"}


def test_dedup_looks_only_at_incidents_within_a_day() -> None:
    class Spy(MemoryIndex):
        windows: ClassVar[list[tuple[str | None, str | None, str | None]]] = []

        def incidents_near(self, country: str | None, first_day: str | None,
                           last_day: str | None) -> list[Incident]:
            self.windows.append((country, first_day, last_day))
            return super().incidents_near(country, first_day, last_day)

    spy = Spy([record("a", MINE_A)])
    link_pending(spy)
    assert spy.windows == [("TN", "2017-03-11", "2017-03-13")]


def test_dedup_incident_score_is_none_when_any_report_rules_it_out() -> None:
    incident = Incident(id="TUN1", event_type="", sub_event_type="",
                        events=[record("a", MINE_A), record("c", MINE_B, date="2017-03-13")])
    assert incident_score(record("b", MINE_B, date="2017-03-11"), incident) is None  # two days from one report


@pytest.mark.parametrize(("country", "prefix"), [("TN", "TUN"), ("iq", "IRQ"), ("SY", "SYR"), (None, "XXX")])
def test_dedup_incident_ids_start_with_the_iso3_code(country: str | None, prefix: str) -> None:
    assert id_prefix(country) == prefix


# --- in a store (SQLite and PostgreSQL) ----------------------------------------------------------


@pytest.fixture()
def report_doc(make_doc: Callable[..., Document]) -> Callable[..., Document]:
    def build(doc_id: str, text: str, *, date: str = "2017-03-12", source: str = "Jawhara FM",
              fatalities: int | None = None, admin1: str = "Kasserine") -> Document:
        doc = make_doc(text, doc_id=doc_id, published=date)
        doc.article.source = source
        s = doc.sentences[0]
        doc.events.append(Event(id="ev1", event_type="Explosions/Remote violence",
                                sub_event_type="Remote explosive/landmine/IED",
                                evidence=Evidence(start=s.start, end=s.end, text=text[s.start:s.end]),
                                date=date, time_precision=1, fatalities=fatalities,
                                location=EventLocation(name="جبل الشعانبي", admin1=admin1, country="TN",
                                                       geo_precision=2)))
        return doc

    return build


def test_dedup_in_a_store_links_reports_across_articles(store_url: str, report_doc: Callable[..., Document]) -> None:
    with open_store(store_url) as store:
        store.put_many([report_doc("a", MINE_A, fatalities=2)])
        assert link_incidents(store).created == 1
        store.put_many([report_doc("b", MINE_B, source="Mosaique FM", fatalities=1)])
        report = link_incidents(store)
        assert (report.joined, report.created) == (1, 0)
        incident = store.get_incident("TUN1")
        assert incident is not None
        assert incident.sources == ["Jawhara FM", "Mosaique FM"] and incident.fatalities == 1
        assert [e.doc_id for e in incident.events] == ["a", "b"]
        assert link_incidents(store).linked == 0  # nothing left to link


def test_dedup_re_extraction_updates_the_incident_in_place(store_url: str,
                                                          report_doc: Callable[..., Document]) -> None:
    with open_store(store_url) as store:
        store.put_many([report_doc("a", MINE_A, fatalities=2)])
        link_incidents(store)
        first = store.get_incident("TUN1")
        # the article is extracted again (a better extractor finds another toll): same incident id
        store.put_many([report_doc("a", MINE_A + " ", fatalities=1)])
        report = link_incidents(store)
        assert report.created == 0 and store.count_incidents() == 1
        again = store.get_incident("TUN1")
        assert first is not None and again is not None
        assert again.fatalities == 1 and again.created_at == first.created_at
        assert again.updated_at >= first.updated_at
        assert store.deleted_since(0) == []


def test_dedup_corrected_report_leaves_an_incident_it_no_longer_fits(
        store_url: str, report_doc: Callable[..., Document]) -> None:
    with open_store(store_url) as store:
        store.put_many([report_doc("a", MINE_A), report_doc("b", MINE_B, source="Mosaique FM")])
        link_incidents(store)
        assert store.count_incidents() == 1
        # corrected: a's event happened in another governorate, so it cannot stay with b's
        store.put_many([report_doc("a", MINE_A + " ", admin1="Kef")])
        report = link_incidents(store)
        assert report.created == 1
        remaining = store.get_incident("TUN1")
        assert remaining is not None and [e.doc_id for e in remaining.events] == ["b"]
        assert remaining.sources == ["Mosaique FM"]
        stored = store.get("a")
        assert stored is not None and stored.document().events[0].incident_id == "TUN2"


def test_dedup_sole_report_corrected_keeps_its_incident_id(store_url: str,
                                                           report_doc: Callable[..., Document]) -> None:
    with open_store(store_url) as store:
        store.put_many([report_doc("a", MINE_A)])
        link_incidents(store)
        store.put_many([report_doc("a", MINE_A + " ", admin1="Kef")])
        link_incidents(store)
        incident = store.get_incident("TUN1")
        assert incident is not None and incident.admin1 == "Kef"
        assert store.count_incidents() == 1 and store.deleted_since(0) == []


def test_dedup_record_helper_dates() -> None:
    assert replace(record("a", MINE_A, date="2017-03", time_precision=3)).date_last == "2017-03-31"


def test_dedup_merge_in_a_store_goes_to_the_deletion_feed(store_url: str,
                                                          report_doc: Callable[..., Document]) -> None:
    strict = LinkConfig(threshold=3.0, only_candidate=0.0)
    with open_store(store_url) as store:
        store.put_many([report_doc("a", "انفجار لغم بالجبل."), report_doc("b", "إصابة عسكريين اثنين.")])
        link_incidents(store, strict)
        assert store.count_incidents() == 2
        store.put_many([report_doc("c", "انفجار لغم بالجبل و إصابة عسكريين اثنين.")])
        report = link_incidents(store, strict)
        assert report.merged == 1 and store.count_incidents() == 1
        [merged] = store.deleted_since(0)
        assert (merged.kind, merged.item_id, merged.reason, merged.replaced_by) == (
            "incident", "TUN2", "merged", "TUN1")
        kept = store.get_incident("TUN1")
        assert kept is not None and sorted(e.doc_id for e in kept.events) == ["a", "b", "c"]
