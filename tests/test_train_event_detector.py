"""The event models' training script sees the candidates the pipeline's events stage sees."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import marsad
from marsad.config import Config, EventsConfig
from marsad.document import Article
from marsad.events import record_events
from marsad.events.candidates import find_candidates

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def _script(name: str) -> ModuleType:
    sys.path.insert(0, str(REPO / "scripts"))  # the script imports training_gold beside it
    try:
        spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(REPO / "scripts"))
    return module


@pytest.mark.parametrize("name", sorted(p.name for p in (SHARED / "data" / "dev").glob("*.json"))[:6])
def test_training_candidates_are_the_pipelines(name: str) -> None:
    trainer = _script("train_event_detector")
    gold = json.loads((SHARED / "data" / "dev" / name).read_text(encoding="utf-8"))
    article = Article.from_dict({k: gold.get(k) for k in ("id", "title", "published", "text")})
    doc = trainer.run_before_events(trainer.pipeline_before_events(), article)
    # the events stage reads what the stages before it leave in the cache (the article's country)
    assert "country" in doc.cache and "published_date" in doc.cache
    cands = find_candidates(doc, EventsConfig(mode="rules"))
    seen = [] if cands is None else [
        e.to_dict() for e in record_events(cands, [d for i in sorted(cands.drafts) for d in cands.drafts[i]]).events]
    run = marsad.Pipeline(Config(events=EventsConfig(mode="rules"))).run(article)
    assert seen == [e.to_dict() for e in run.events]


def test_threshold_search_scores_each_choice_of_drafts_as_a_fresh_run() -> None:
    """evaluate() keeps each article's score per choice of drafts: a point scored after others gives
    what it gives on articles scored afresh."""
    trainer = _script("train_event_detector")
    from marsad.events import ARTICLE_MODEL
    from marsad.events.combine import Thresholds
    from marsad.events.model import sentence_model
    from marsad.scoring import load_scorer

    pipe = trainer.pipeline_before_events()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((SHARED / "data" / "dev").glob("*.json"))[:8]]
    model = sentence_model(ARTICLE_MODEL)
    scorer = load_scorer(SHARED)

    def fresh() -> tuple[list, dict]:  # type: ignore[type-arg]
        items = [trainer.prepare(pipe, g) for g in golds]
        return items, {it.gold["id"]: {i: model.detect(f) for i, f in it.features.items()} for it in items}

    strict, loose = Thresholds(0.9, 1.01, 1.01, 0.9), Thresholds(0.0, 1.01, 1.01)
    items, detections = fresh()
    first = trainer.evaluate(items, detections, strict, scorer)
    loose_result = trainer.evaluate(items, detections, loose, scorer)
    assert trainer.evaluate(items, detections, strict, scorer) == first
    assert any(item.scored for item in items)
    items, detections = fresh()
    assert trainer.evaluate(items, detections, loose, scorer) == loose_result
    assert loose_result["pred"] > first["pred"]  # the two points choose different drafts


def test_threshold_gain_is_counted_in_matched_events() -> None:
    trainer = _script("train_event_detector")
    # 973 gold and 727 predicted events: one more match is worth 2 / 1700 of F1
    assert trainer.min_gain({"pred": 727, "gold": 973}) == pytest.approx(trainer.MIN_GAIN_EVENTS * 2 / 1700)
    assert trainer.min_gain({"pred": 250, "gold": 250}) > trainer.min_gain({"pred": 700, "gold": 1000})
