"""benchmarks/actor_errors.py restates the scorer's field tests and sorts wrong actors into kinds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def _module() -> ModuleType:
    sys.path.insert(0, str(REPO / "benchmarks"))
    spec = importlib.util.spec_from_file_location("actor_errors", REPO / "benchmarks" / "actor_errors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


AE = _module()
SC = AE.load_scorer(REPO.parent / "shared")
TEXT = "قتل مسلحون مجهولون جنديا في هجوم على دورية تابعة إلى الجيش التونسي بمدينة القصرين صباح اليوم"
GOLD_EVENT = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "مسلحون مجهولون",
              "actor2": "الجيش التونسي", "admin1": "Kasserine", "date": "2017-03-01", "fatalities": 1}


def _pred_event(actor1: dict[str, object] | None, actor2: dict[str, object] | None) -> dict[str, object]:
    return {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": actor1, "actor2": actor2,
            "location": {"name": "القصرين", "admin1": "Kasserine"}, "date": "2017-03-01", "fatalities": 1}


def test_an_unidentified_actor_is_right_only_through_its_listed_english() -> None:
    gold = {"text": TEXT, "published": "2017-03-01", "events": [GOLD_EVENT]}
    described = {"name": "عناصر", "actor_id": None, "name_en": "Unidentified Armed Group (Tunisia)"}
    army = {"name": "الجيش التونسي", "actor_id": "a1"}
    pred = {"actors": [{"id": "a1", "name": "الجيش التونسي", "name_en": "Military Forces of Tunisia"}]}
    checks = AE.field_checks(SC, gold, pred, GOLD_EVENT, _pred_event(described, army))
    assert not checks["actor1"] and checks["actor2"] and checks["date"] and checks["admin1"]
    assert AE.field_checks(SC, gold, pred, GOLD_EVENT, _pred_event(described, army), ref_english=True)["actor1"]
    listed = {**pred, "actors": [*pred["actors"], {"id": "a2", "name": "عناصر",
                                                   "name_en": "Unidentified Armed Group (Tunisia)"}]}
    assert AE.field_checks(SC, gold, listed, GOLD_EVENT, _pred_event({**described, "actor_id": "a2"}, army))["actor1"]


def test_kinds_of_wrong_actors() -> None:
    gold = {"text": TEXT, "published": "2017-03-01", "events": [GOLD_EVENT]}
    assert AE.actor_kind(SC, gold, {}, None, {"name": "الجيش"}) == "gold null, we name one"
    assert AE.actor_kind(SC, gold, {}, "مسلحون مجهولون", None) == "we left it empty"
    assert AE.actor_kind(SC, gold, {}, "الجيش التونسي", {"name": "مسلحون"}) == "gold in the text"
    assert AE.actor_kind(SC, gold, {}, "مدنيين", {"name": "أطفال"}) == "generic kind"
    assert AE.actor_kind(SC, gold, {}, "تنظيم داعش", {"name": "مسلحون"}) == "other name"
