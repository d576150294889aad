"""The historical reading of each drafted event (marsad.events.historical)."""

from __future__ import annotations

import pytest

import marsad.events
from marsad.document import Article
from marsad.events.candidates import Candidates
from marsad.events.historical import FEATURES_VERSION, draft_features, historical_model, read_historical
from marsad.events.merge import Draft
from marsad.events.model import read_model
from marsad.pipeline import Pipeline
from marsad.text.normalize import fold_key

TODAY_AND_2014 = ("قتل ثلاثة جنود في هجوم على حاجز عسكري في مدينة الموصل أمس الإثنين. "
                  "وكان مسلحون قد هاجموا في 2014 مركزا للشرطة في مدينة الرقة وقتلوا عشرة أشخاص.")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_packaged_model_loads_with_its_thresholds() -> None:
    model = historical_model()
    assert set(model.labels) == {"historical", "none"}
    assert model.meta["features_version"] == FEATURES_VERSION
    assert set(model.meta["thresholds"]) == {"keep", "add"}
    assert len(model.meta["training_data_sha256"]) == 64


def test_an_act_of_2014_told_in_the_pluperfect_is_historical_beside_todays(pipeline: Pipeline) -> None:
    doc = pipeline.run(Article(id="t-hist", text=TODAY_AND_2014, published="2017-03-21"))
    by_place = {fold_key(e.location.name): e for e in doc.events if e.location is not None}
    raqqa = next(e for k, e in by_place.items() if fold_key("الرقة") in k)
    # today's attack is placed at the checkpoint or at the city it stands in, as the places stage reads it
    mosul = next(e for k, e in by_place.items() if fold_key("حاجز") in k or fold_key("الموصل") in k)
    assert raqqa.historical and not mosul.historical
    assert mosul.date == "2017-03-20"


def capture(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[Candidates, list[Draft]]:
    seen: list[tuple[Candidates, list[Draft]]] = []

    def record(cands: Candidates, drafts: list[Draft]) -> list[Draft]:
        seen.append((cands, drafts))
        return drafts

    monkeypatch.setattr(marsad.events, "read_historical", record)
    pipeline.run(Article(id="t-hist", text=text, published="2017-03-21"))
    assert seen
    return seen[0]


def test_the_model_overrules_the_rules_at_its_thresholds(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    cands, drafts = capture(pipeline, monkeypatch, TODAY_AND_2014)
    features = draft_features(cands, drafts)
    assert len(features) == len(drafts)
    today = [d for d, f in zip(drafts, features, strict=True) if "date=week" in f]
    assert today and not any(d.event.historical for d in today)
    # a model that reads any act dated last week as historical, and is sure of it
    sure = read_model([("date=week", "historical", "5"), ("date=week", "none", "-5")],
                      {"labels": ["historical", "none"], "thresholds": {"keep": 0.0, "add": 0.9}})
    read_historical(cands, drafts, sure)
    assert all(d.event.historical for d in today)
    # the date of "أمس" came from the text: a historical reading keeps it
    assert all(d.event.date == "2017-03-20" for d in today)
    # a model that is never sure leaves the rules' reading as it is
    never = read_model([("bias", "none", "5"), ("bias", "historical", "-5")],
                       {"labels": ["historical", "none"], "thresholds": {"keep": 0.0, "add": 1.01}})
    cands, drafts = capture(pipeline, monkeypatch, TODAY_AND_2014)
    rules = [d.event.historical for d in drafts]
    assert any(rules) and not all(rules)
    read_historical(cands, drafts, never)
    assert [d.event.historical for d in drafts] == rules
