"""Fixtures of the store tests: hand-built document results with events."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.document import ActorRef, Document, Event, EventLocation, Evidence

# Hand-written sentences (not from any article): a drone strike near Mosul; a protest in Sfax.
STRIKE = "قصفت طائرة مسيرة موقعاً قرب الموصل فجر الثلاثاء، ما أدى إلى مقتل أربعة مسلحين."
PROTEST = "تظاهر مئات العمال أمام مقر الولاية في صفاقس للمطالبة بالتشغيل."


@pytest.fixture()
def result_doc(make_doc: Callable[..., Document]) -> Callable[..., Document]:
    """Build a document result with one event located in ``country`` on ``date``."""

    def build(doc_id: str = "d1", *, text: str = STRIKE, date: str | None = "2020-03-03",
              country: str | None = "IQ", published: str | None = "2020-03-04",
              events: int = 1) -> Document:
        doc = make_doc(text, doc_id=doc_id, published=published)
        sentence = doc.sentences[0]
        for i in range(events):
            doc.events.append(Event(
                id=f"ev{i + 1}", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                evidence=Evidence(start=sentence.start, end=sentence.end,
                                  text=text[sentence.start:sentence.end]),
                actor2=ActorRef(name="مسلحين"), date=date, fatalities=4,
                location=EventLocation(name="الموصل", admin1="Nineveh", country=country, lat=36.34,
                                       lon=43.13, geo_precision=2)))
        return doc

    return build
