"""Article gate: an article judged eventless keeps no weak event (or none), one judged eventful keeps all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import marsad.events
from marsad.document import Article
from marsad.events.article_gate import article_features, article_gate_model, gate_drafts
from marsad.events.candidates import Candidates
from marsad.events.merge import Draft
from marsad.events.model import Detection, SentenceModel, read_model
from marsad.events.recalled import recalled_model
from marsad.pipeline import Pipeline

# a shrine's keeper kills 20 visitors in Pakistan: the rules draft the killing and the arrest that
# followed, and "الحادث الذي وقع في منطقة سارغودهو" names the act's place (marsad.events.recalled)
RECALLING = "ja-internationalnews-670-20170402"


def gate(bias: float, drop_all: float, drop_weak: float) -> SentenceModel:
    """A gate that gives every article the same P(event): 1 / (1 + exp(-bias))."""
    return read_model([("bias", "event", str(bias))],
                      {"labels": ["event", "none"], "thresholds": {"drop_all": drop_all, "drop_weak": drop_weak}})


@pytest.fixture
def gate_inputs(shared_dir: Path) -> dict[str, Any]:
    """What the events stage hands the gate for the recalling article."""
    seen: dict[str, Any] = {}

    def record(cands: Candidates, detections: dict[int, Detection], drafts: list[Draft],
               recalled: list[Draft]) -> list[Draft]:
        seen.update(cands=cands, detections=detections, drafts=drafts, recalled=recalled)
        return [*drafts, *recalled]

    gold = json.loads((shared_dir / "data" / "train-ant" / f"{RECALLING}.json").read_text(encoding="utf-8"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(marsad.events, "gate_drafts", record)
        # every named place of a past act is recalled, whatever the packaged model's threshold
        mp.setitem(recalled_model().meta, "threshold", 0.0)
        Pipeline().run(Article(id=gold["id"], text=gold["text"], title=gold.get("title"),
                               published=gold.get("published")))
    assert seen["recalled"] and seen["drafts"], "the article no longer has both drafts and recalled acts"
    return seen


def test_an_eventful_article_keeps_every_draft(gate_inputs: dict[str, Any]) -> None:
    kept = gate_drafts(**gate_inputs, model=gate(10.0, 0.3, 0.6))
    assert kept == [*gate_inputs["drafts"], *gate_inputs["recalled"]]


def test_an_article_judged_doubtful_loses_its_recalled_and_historical_events(gate_inputs: dict[str, Any]) -> None:
    kept = gate_drafts(**gate_inputs, model=gate(0.0, 0.3, 0.6))  # P(event) 0.5: between the thresholds
    assert kept == [d for d in gate_inputs["drafts"] if not d.event.historical]
    assert not any(d in kept for d in gate_inputs["recalled"])


def test_an_article_judged_eventless_keeps_nothing(gate_inputs: dict[str, Any]) -> None:
    assert gate_drafts(**gate_inputs, model=gate(-10.0, 0.3, 0.6)) == []


def test_features_read_the_title_and_lead_and_what_the_stage_found(gate_inputs: dict[str, Any]) -> None:
    features = article_features(**gate_inputs)
    assert features[0] == "bias"
    assert any(f.startswith("w=") for f in features)
    assert f"recalled={min(len(gate_inputs['recalled']), 2)}" + ("+" if len(gate_inputs["recalled"]) >= 2 else "") \
        in features
    kept = [d for d in gate_inputs["drafts"] if not d.needs_twin]
    assert {f"type={d.event.sub_event_type}" for d in kept} <= set(features)
    # the same article gives the same features: the model's input is deterministic
    assert article_features(**gate_inputs) == features


def test_an_article_without_drafts_needs_no_gate(gate_inputs: dict[str, Any]) -> None:
    assert gate_drafts(gate_inputs["cands"], gate_inputs["detections"], [], [], model=gate(10.0, 0.3, 0.6)) == []


def test_the_packaged_gate_has_its_thresholds() -> None:
    model = article_gate_model()
    assert set(model.labels) == {"event", "none"}
    assert 0.0 <= model.threshold("drop_all") <= model.threshold("drop_weak") <= 1.01
