"""The event-confidence model: scores on violence and protest events, the threshold, the packaged model."""

from __future__ import annotations

from pathlib import Path

import pytest

import marsad
from marsad.config import Config, EventsConfig, load_config
from marsad.document import Article
from marsad.errors import ConfigError
from marsad.events.confidence import FEATURES_VERSION, SCORED_TYPES, confidence_model, event_features
from marsad.resources import read_json

REPORT = ("قتل خمسة جنود وأصيب سبعة آخرون صباح أمس في هجوم انتحاري بسيارة مفخخة استهدف نقطة تفتيش "
          "للجيش قرب مدينة الرمادي غرب بغداد.")
# a toll told by a source, in a long sentence about something else: the kind of clause the
# annotators of the training sentences mostly judged not to report the attack itself
COMMENT = ("وأضاف المسؤول في حديثه للصحافيين أن الحكومة ستواصل جهودها لتعزيز الأمن بعد الهجوم الذي "
           "وقع العام الماضي على مقر البلدية، مشيراً إلى أن الوضع اليوم أفضل بكثير مما كان عليه قبل سنوات.")
ARREST = "ألقت قوات الأمن القبض على ثلاثة مطلوبين في مدينة صفاقس أمس."
CLAIM = "وتبنى تنظيم داعش الهجوم الذي استهدف حافلة للشرطة في العريش أمس."


def run(text: str, min_confidence: float = 0.0) -> marsad.Document:
    pipe = marsad.Pipeline(Config(events=EventsConfig(min_confidence=min_confidence)))
    doc = pipe.run(Article(id="t", text=text, published="2024-05-02"))
    doc.check_offsets()  # raises on a span that does not match the text
    return doc


def test_violence_events_are_scored_between_0_and_1() -> None:
    doc = run(REPORT)
    assert doc.events
    for event in doc.events:
        assert event.event_type in SCORED_TYPES
        assert event.confidence is not None and 0.0 <= event.confidence <= 1.0
        assert doc.to_dict()["events"][0]["confidence"] == doc.events[0].confidence


def test_a_full_report_scores_higher_than_a_passing_mention() -> None:
    report = max(e.confidence or 0.0 for e in run(REPORT).events)
    mention = run(COMMENT).events
    assert all((e.confidence or 0.0) < report for e in mention)


def test_strategic_developments_are_not_scored_and_never_dropped() -> None:
    doc = run(ARREST, min_confidence=1.0)
    assert [e.sub_event_type for e in doc.events] == ["Arrests"]
    assert doc.events[0].confidence is None


def test_the_threshold_drops_low_scores_and_renumbers() -> None:
    text = REPORT + " " + COMMENT
    every = run(text)
    scores = sorted(e.confidence for e in every.events if e.confidence is not None)
    assert len(scores) >= 1
    kept = run(text, min_confidence=scores[-1])
    assert [e.id for e in kept.events] == [f"ev{n}" for n in range(1, len(kept.events) + 1)]
    assert all((e.confidence or 0.0) >= scores[-1] for e in kept.events)
    assert len(run(text, min_confidence=1.0).events) == 0


def test_a_claimed_attack_is_kept_whatever_its_score() -> None:
    doc = run(CLAIM, min_confidence=1.0)
    assert any(e.actor1_claimed for e in doc.events)


def test_features_name_the_coded_fields_and_the_cues() -> None:
    doc = run(REPORT)
    features = event_features(doc, doc.events[0])
    assert f"sub={doc.events[0].sub_event_type}" in features
    assert "toll=3+" in features
    assert any(f.startswith("evidence_cue=") for f in features)


def test_the_packaged_model_matches_the_code() -> None:
    meta = read_json("models/event-confidence.json")
    assert meta["features_version"] == FEATURES_VERSION
    assert 0.0 < meta["sentence_threshold"] < 1.0
    model = confidence_model()
    assert len(model.weights) > 100


@pytest.mark.parametrize("value", [1.5, -0.1, True, "0.3"])
def test_min_confidence_is_checked(value: object) -> None:
    with pytest.raises(ConfigError, match="min_confidence"):
        EventsConfig(min_confidence=value)  # type: ignore[arg-type]


def test_min_confidence_from_a_config_file(tmp_path: Path) -> None:
    path = tmp_path / "marsad.toml"
    path.write_text("[events]\nmin_confidence = 0.25\n", encoding="utf-8")
    assert load_config(path).events.min_confidence == 0.25


def test_the_packaged_threshold_is_the_cross_validated_choice() -> None:
    meta = read_json("models/event-confidence.json")
    cv = meta["cross_validated"]
    chosen = sum(cv["chosen"][kind]["f1"] for kind in ("assault", "protest"))
    keep_all = sum(cv["threshold_0"][kind]["f1"] for kind in ("assault", "protest"))
    # the threshold was chosen for the mean F1 of the two families, over keeping every event
    assert chosen >= keep_all
    assert meta["examples"] > 0 and len(meta["training_data_sha256"]) == 64
