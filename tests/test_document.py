"""The document model: JSON round trip and the offset check."""

from __future__ import annotations

import json

import pytest

from marsad.document import (
    Actor,
    ActorRef,
    Article,
    DateValue,
    Document,
    Event,
    EventLocation,
    Evidence,
    Mention,
    Place,
    Quote,
)
from marsad.errors import InputError

TEXT = 'قال مصدر أمني إن "انفجاراً وقع قرب مطار بغداد الدولي" أمس.'


def full_document() -> Document:
    doc = Document(article=Article(id="d1", text=TEXT, title="عنوان", published="2022-01-05"))
    airport = TEXT.index("مطار بغداد الدولي")
    doc.entities.append(Mention(id="m1", type="FAC", text="مطار بغداد الدولي", start=airport,
                                end=airport + len("مطار بغداد الدولي"), actor_id="a1", place_id="p1"))
    doc.actors.append(Actor(id="a1", name="مطار بغداد الدولي", type="FAC", name_en="Baghdad International Airport"))
    doc.places.append(Place(id="p1", name="مطار بغداد الدولي", kind="facility", admin1="Baghdad", country="IQ",
                            lat=33.26, lon=44.23, geo_precision=1, rule="facility", mention_ids=["m1"]))
    yesterday = TEXT.index("أمس")
    doc.dates.append(DateValue(text="أمس", start=yesterday, end=yesterday + 3, value="2022-01-04",
                               precision="day", time_precision=1, relative=True, rule="yesterday"))
    content = TEXT.index("انفجاراً")
    doc.quotes.append(Quote(speaker=ActorRef(name="مصدر أمني"), speaker_text="مصدر أمني", speaker_role=None,
                            anonymous=True, cue="قال", direct=True,
                            content="انفجاراً وقع قرب مطار بغداد الدولي", start=content,
                            end=content + len("انفجاراً وقع قرب مطار بغداد الدولي"),
                            speaker_start=4, speaker_end=13, cue_start=0, cue_end=3))
    doc.events.append(Event(id="ev1", event_type="Explosions/Remote violence",
                            sub_event_type="Remote explosive/landmine/IED",
                            evidence=Evidence(start=0, end=len(TEXT), text=TEXT),
                            location=EventLocation(name="مطار بغداد الدولي", admin1="Baghdad", country="IQ",
                                                   geo_precision=2, place_id="p1"),
                            date="2022-01-04", time_precision=1))
    return doc


def test_document_round_trip_is_lossless() -> None:
    doc = full_document()
    doc.check_offsets()
    data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    again = Document.from_dict(data)
    again.check_offsets()
    assert again.to_dict() == doc.to_dict()


def test_document_result_has_every_contract_field() -> None:
    data = full_document().to_dict()
    for key in ("id", "title", "published", "language", "entities", "actors", "places", "dates", "quotes",
                "events", "warnings"):
        assert key in data
    event = data["events"][0]
    for key in ("event_type", "sub_event_type", "plover", "actor1", "actor1_claimed", "actor2", "target",
                "location", "date", "time_precision", "fatalities", "historical", "evidence", "notes"):
        assert key in event
    assert event["location"]["geo_precision"] == 2


@pytest.mark.parametrize("field", ["entity", "quote", "date", "evidence"])
def test_check_offsets_catches_a_shifted_span(field: str) -> None:
    doc = full_document()
    if field == "entity":
        doc.entities[0].start += 1
    elif field == "quote":
        doc.quotes[0].end -= 2
    elif field == "date":
        doc.dates[0].text = "اليوم"
    else:
        doc.events[0].evidence.end = len(TEXT) + 5
    with pytest.raises(AssertionError):
        doc.check_offsets()


def test_check_offsets_catches_dangling_ids() -> None:
    doc = full_document()
    doc.entities[0].actor_id = "a9"
    assert any("names no actor" in e for e in doc.offset_errors())


@pytest.mark.parametrize(("record", "message"), [
    ({"id": "x"}, "'text'"),
    ({"id": "x", "text": 5}, "'text'"),
    ({"id": "x", "text": "نص", "title": 3}, "'title'"),
    ({"id": ["x"], "text": "نص"}, "'id'"),
    ("not an object", "JSON object"),
])
def test_article_from_dict_names_the_bad_field(record: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Article.from_dict(record)  # type: ignore[arg-type]


def test_article_without_id_gets_a_content_id() -> None:
    a = Article.from_dict({"text": "نص الخبر"})
    b = Article.from_dict({"text": "نص الخبر"})
    assert a.id == b.id and a.id.startswith("sha-")
    assert a.content_hash != Article.from_dict({"text": "نص آخر"}).content_hash
