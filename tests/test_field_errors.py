"""benchmarks/field_errors.py sorts wrong dates and tolls of matched events into kinds; each kind on a small case."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _module() -> ModuleType:
    sys.path.insert(0, str(REPO / "benchmarks"))
    sys.path.insert(0, str(REPO / "scripts"))
    spec = importlib.util.spec_from_file_location("field_errors", REPO / "benchmarks" / "field_errors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FE = _module()
SC = FE.load_scorer(REPO.parent / "shared")
GOLD = {"published": "2017-03-01"}
PRED = {"dates": [{"value": "2017-02-26"}, {"value": "2017-02-28"}]}


def _date(gold: str | None, pred: str | None) -> str:
    return str(FE.date_kind(GOLD, {"date": gold}, {"date": pred}, PRED))


def _toll(gold: int | None, pred: int | None, evidence: str = "") -> str:
    return str(FE.fatality_kind({"fatalities": gold}, {"fatalities": pred, "evidence": {"text": evidence}}, SC.norm))


def test_date_kinds() -> None:
    assert _date(None, "2016-12") == "gold null, dated"
    assert _date("2017-02-28", None) == "undated"
    assert _date("2017-02", "2017-01-03") == "month"
    assert _date("2016", "2017-02-27") == "year"
    assert _date("2017-02-28", "2017-03-01") == "published for other"
    assert _date("2017-02-26", "2017-02-27") == "other expression"
    assert _date("2017-02-20", "2017-02-27") == "a week off"
    assert _date("2017-02-23", "2017-02-24") == "a day off"
    assert _date("2017-02-10", "2017-02-14") == "no expression"


def test_fatality_kinds() -> None:
    assert _toll(3, None) == "missed toll"
    assert _toll(None, 2) == "toll where none"
    assert _toll(2, 5, "ارتفعت حصيلة القتلى إلى 5") == "cumulative"
    assert _toll(2, 5, "قتل شخصان وأصيب ثلاثة") == "wounded in sentence"
    assert _toll(2, 5) == "more"
    assert _toll(5, 2) == "fewer"


def test_pairs_are_the_scorers() -> None:
    def event(sub: str, place: str, **kw: Any) -> dict[str, Any]:
        return {"event_type": "Protests", "sub_event_type": sub, "location": place, **kw}

    gold = {"events": [event("Peaceful protest", "سوسة", date="2017-02-28")]}
    pred = {"events": [{**event("Peaceful protest", "", date="2017-03-01"), "location": {"name": "سوسة"}},
                       {**event("Peaceful protest", "", date="2017-02-28"), "location": {"name": "صفاقس"}}]}
    pairs = FE.matched_pairs(gold, pred, SC)
    assert [(g["date"], p["date"]) for g, p in pairs] == [("2017-02-28", "2017-03-01")]
