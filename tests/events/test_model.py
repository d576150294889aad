"""The learned part of the events stage: the model file format, the combination, the modes."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.config import Config, EventsConfig
from marsad.document import Article
from marsad.errors import ConfigError, DataFileError
from marsad.events import ARTICLE_MODEL, SENTENCE_MODELS
from marsad.events.combine import family_of
from marsad.events.features import FEATURES_VERSION
from marsad.events.model import EVENT, NONE, read_model, sentence_model
from marsad.pipeline import Pipeline

ARREST = "ألقت قوات الأمن القبض على ثلاثة عناصر إرهابية في سوسة أمس."
CULTURE = ("افتتح وزير الثقافة أمس معرض الكتاب الدولي بحضور عدد من الكتاب والفنانين، وقدمت فرقة موسيقية "
           "عرضا في الهواء الطلق.")


def test_model_two_softmaxes_detector_and_typer() -> None:
    model = read_model([("bias", NONE, "0.0"), ("w=قصف", EVENT, "2.0"), ("w=قصف", "Air/drone strike", "1.0")],
                       {"labels": [NONE, EVENT, "Air/drone strike", "Armed clash"]})
    detection = model.detect(["bias", "w=قصف", "w=unknown"])
    assert detection.p_event == pytest.approx(1 / (1 + math.exp(-2.0)), abs=1e-6)
    assert detection.sub_event_type == "Air/drone strike"
    assert detection.p_type == pytest.approx(math.e / (math.e + 1))  # among the types only
    assert model.detect(["bias"]).p_event == pytest.approx(0.5)


def test_model_refuses_a_weight_for_an_unknown_label() -> None:
    with pytest.raises(DataFileError, match="unknown label"):
        read_model([("w=x", "Riot", "1.0")], {"labels": [NONE, EVENT]})


@pytest.mark.parametrize("name", [ARTICLE_MODEL, *SENTENCE_MODELS.values()])
def test_packaged_models_match_the_features_and_carry_their_thresholds(name: str) -> None:
    model = sentence_model(name)
    assert model.meta["features_version"] == FEATURES_VERSION
    assert len(model.meta["training_data_sha256"]) == 64
    thresholds = ("keep", "keep_told", "propose", "retype") if name == ARTICLE_MODEL else ("sentence",)
    assert all(0.0 <= model.threshold(t) <= 1.01 for t in thresholds)
    with pytest.raises(DataFileError, match="no threshold"):
        model.threshold("nonsense")


@pytest.mark.parametrize(("event_type", "sub_event_type", "family"), [
    ("Battles", "Armed clash", "assault"),
    ("Riots", "Mob violence", "assault"),
    ("Riots", "Violent demonstration", "protest"),
    ("Protests", "Peaceful protest", "protest"),
    ("Strategic developments", "Arrests", None),
])
def test_family_of_follows_the_gsr_scorer(event_type: str, sub_event_type: str, family: str | None) -> None:
    assert family_of(event_type, sub_event_type) == family


def test_events_mode_must_be_known() -> None:
    with pytest.raises(ConfigError, match=r"events\.mode"):
        EventsConfig(mode="paragraph")


@pytest.mark.parametrize("mode", ["article", "sentence", "rules"])
def test_every_mode_codes_an_arrest_and_nothing_in_a_culture_report(mode: str) -> None:
    pipe = Pipeline(Config(events=EventsConfig(mode=mode)))
    arrest = pipe.run(Article(id="a", text=ARREST, published="2017-03-14"))
    arrest.check_offsets()
    # sentence mode judges assaults and protests by the sentence models; other kinds as articles do
    assert [e.sub_event_type for e in arrest.events] == ["Arrests"]
    assert pipe.run(Article(id="c", text=CULTURE, published="2017-03-14")).events == []


def test_sentence_mode_reports_an_assault_the_sentence_tells() -> None:
    pipe = Pipeline(Config(events=EventsConfig(mode="sentence")))
    doc = pipe.run(Article(id="s", text="قتل خمسة جنود في هجوم شنه مسلحون على نقطة عسكرية قرب الحدود فجر اليوم."))
    assert any(family_of(e.event_type, e.sub_event_type) == "assault" for e in doc.events)


def test_extract_takes_the_events_mode(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": ARREST, "published": "2017-03-14"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    out = tmp_path / "rules.jsonl"
    db = tmp_path / "rules.db"
    assert main(["extract", str(src), "-o", str(out), "--db", str(db), "--events-mode", "rules"]) == 0
    assert [e["sub_event_type"] for e in json.loads(out.read_text(encoding="utf-8"))["events"]] == ["Arrests"]
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(src), "-o", str(out), "--db", str(tmp_path / "x.db"), "--events-mode", "paragraph"])
    assert stop.value.code == 2
