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
