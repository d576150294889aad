"""Fixtures of the export tests: hand-built document results with actors, places and events."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.document import Actor, ActorRef, Document, Event, EventLocation, Evidence, Place, Quote

# Hand-written (not from any article): a drone strike claimed by a group near Mosul, an officer's
# statement, and an arrest in Sfax at month precision.
TEXT = ("أعلنت جماعة سرايا الفجر مسؤوليتها عن قصف بطائرة مسيرة استهدف موقعاً للجيش قرب الموصل، "
        "ما أدى إلى مقتل أربعة جنود. وقال العقيد سامي الزيدي إن الهجوم فشل. "
        "واعتقلت الشرطة في صفاقس شخصين خلال شهر جوان.")


@pytest.fixture()
def rich_doc(make_doc: Callable[..., Document]) -> Document:
    """A document with two actors, two places, a quote and three events (one without coordinates)."""
    doc = make_doc(TEXT, doc_id="art-1", published="2017-06-20", title="قصف قرب الموصل")
    doc.article.source = "إذاعة المثال"
    doc.article.url = "https://example.org/a/1"
    doc.actors = [
        Actor(id="a1", name="سرايا الفجر", type="ORG", name_en="Saraya al-Fajr", category="armed_group",
              inter=2, country="IQ"),
        Actor(id="a2", name="الجيش", type="ORG", category="state", inter=1, country="IQ"),
        Actor(id="a3", name="الشرطة", type="ORG", name_en="Police Forces of Tunisia", category="state",
              inter=1, country="TN"),
    ]
    doc.places = [
        Place(id="p1", name="الموصل", kind="city", name_en="Mosul", admin1="Nineveh", country="IQ",
              lat=36.335, lon=43.119, geo_precision=2),
        Place(id="p2", name="صفاقس", kind="city", name_en="Sfax", admin1="Sfax", country="TN"),
    ]
    s1, s2, s3 = doc.sentences[:3]
    doc.quotes.append(Quote(speaker=ActorRef(name="سامي الزيدي"), speaker_text="العقيد سامي الزيدي",
                            speaker_role="العقيد", anonymous=False, cue="قال", direct=False,
                            content=TEXT[s2.start:s2.end], start=s2.start, end=s2.end))

    def evidence(s: object) -> Evidence:
        start, end = s.start, s.end  # type: ignore[attr-defined]
        return Evidence(start=start, end=end, text=TEXT[start:end])

    doc.events = [
        Event(id="ev1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
              evidence=evidence(s1), actor1=ActorRef(name="سرايا الفجر", actor_id="a1"), actor1_claimed=True,
              actor2=ActorRef(name="الجيش", actor_id="a2"), target="موقعاً للجيش",
              location=EventLocation(name="الموصل", admin1="Nineveh", country="IQ", lat=36.335, lon=43.119,
                                     geo_precision=2, place_id="p1"),
              date="2017-06-19", time_precision=1, fatalities=4, plover="ASSAULT",
              notes="A drone strike hit an army post near Mosul, killing four soldiers."),
        Event(id="ev2", event_type="Strategic developments", sub_event_type="Arrests",
              evidence=evidence(s3), actor1=ActorRef(name="الشرطة", actor_id="a3"),
              location=EventLocation(name="صفاقس", admin1="Sfax", country="TN", place_id="p2"),
              date="2017-06"),
        Event(id="ev3", event_type="Violence against civilians", sub_event_type="Attack",
              evidence=evidence(s1), actor1=ActorRef(name="مسلحون مجهولون"), civilian_targeting=True,
              location=EventLocation(name="الموصل", country="IQ", lat=36.335, lon=43.119), date=None,
              historical=True),
    ]
    doc.check_offsets()
    return doc
