"""The full pipeline on real articles: the reference article's events and the gold not-events."""

from __future__ import annotations

import pytest

from marsad.document import Article, Document
from marsad.pipeline import Pipeline
from marsad.text.normalize import fold_key

SPECULATED = ("ليس بالأمر المستبعد", "قد يدفع الإدارة الأميركية", "متوقع جداً", "سوف تحقق نجاحاً")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def seed_doc(pipeline: Pipeline, seed_text: str) -> Document:
    return pipeline.run(Article(id="seed", text=seed_text))


def test_events_reference_claimed_attacks(seed_doc):
    claimed = [e for e in seed_doc.events if e.actor1 and e.actor1.name == "قاصم الجبارين"]
    assert all(e.actor1_claimed for e in claimed)
    admin1 = {e.location.admin1 for e in claimed if e.location}
    assert {"Anbar", "Babil", "Muthanna"} <= admin1
    rocket = [e for e in claimed if e.location and e.location.admin1 == "Anbar"]
    assert rocket and rocket[0].sub_event_type == "Shelling/artillery/missile attack"


def test_events_reference_2020_strike_is_historical(seed_doc):
    strikes = [e for e in seed_doc.events if e.date == "2020-01-03"]
    assert len(strikes) == 1
    assert strikes[0].historical
    assert strikes[0].sub_event_type == "Air/drone strike"
    assert strikes[0].fatalities == 2


def test_events_reference_no_speculated_strike(seed_doc):
    for e in seed_doc.events:
        assert not any(s in e.evidence.text for s in SPECULATED), e.evidence.text
    seed_doc.check_offsets()


def test_events_reference_ids_in_text_order(seed_doc):
    assert [e.id for e in seed_doc.events] == [f"ev{i}" for i in range(1, len(seed_doc.events) + 1)]
    starts = [e.evidence.start for e in seed_doc.events]
    assert starts == sorted(starts)
    assert all(e.notes.endswith(".") for e in seed_doc.events)


def test_events_none_on_gold_not_event_sentences(pipeline, gold_articles):
    for gold in gold_articles:
        bad = [fold_key(x["evidence"])[:40] for x in gold.get("not_events", [])]
        if not bad:
            continue
        doc = pipeline.run(Article(id=gold["id"], text=gold["text"], published=gold.get("published")))
        doc.check_offsets()
        for e in doc.events:
            ev = fold_key(e.evidence.text)
            assert not any(b in ev for b in bad), (gold["id"], e.evidence.text[:80])
