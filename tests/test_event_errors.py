"""benchmarks/event_errors.py sorts the scorer's misses and extras into kinds; each kind on a small case."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def _module() -> ModuleType:
    sys.path.insert(0, str(REPO / "benchmarks"))
    spec = importlib.util.spec_from_file_location("event_errors", REPO / "benchmarks" / "event_errors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EE = _module()
SC = EE.load_scorer(REPO.parent / "shared")
S1 = "قتل مسلحون مجهولون جنديا في هجوم على دورية بمدينة القصرين صباح اليوم"
S2 = "وأوقفت قوات الأمن ثلاثة مشتبه بهم في مدينة سوسة مساء أمس"
S4 = "نص آخر لا علاقة له بأي حدث مذكور في المقال"
S3 = "وكان تنظيم داعش قد تبنى هجمات باريس سنة 2015 التي خلفت عشرات القتلى"


def gold_event(sub: str, etype: str, place: str, evidence: str, **kw: object) -> dict[str, object]:
    return {"event_type": etype, "sub_event_type": sub, "location": place, "admin1": None, "evidence": evidence, **kw}


def pred_event(sub: str, etype: str, place: str, evidence: str) -> dict[str, object]:
    return {"event_type": etype, "sub_event_type": sub, "location": {"name": place}, "evidence": {"text": evidence}}


def test_kinds_of_misses_and_extras() -> None:
    gold = {"events": [gold_event("Attack", "Violence against civilians", "القصرين", S1),
                       gold_event("Arrests", "Strategic developments", "سوسة", S2),
                       gold_event("Suicide bomb", "Explosions/Remote violence", "باريس", S3, historical=True)],
            "not_events": []}
    pred = {"events": [pred_event("Attack", "Violence against civilians", "تونس", S1),
                       pred_event("Peaceful protest", "Protests", "سوسة", S2)]}
    missed, extra = EE.classify(gold, pred, SC)
    assert missed == {"wrong place": 1, "wrong type": 1, "not detected, historical": 1}
    assert extra == {"counted above": 2}


def test_matched_events_are_no_error_and_a_second_copy_is_a_duplicate() -> None:
    gold = {"events": [gold_event("Arrests", "Strategic developments", "سوسة", S2)],
            "not_events": [{"evidence": S3}]}
    pred = {"events": [pred_event("Arrests", "Strategic developments", "سوسة", S2),
                       pred_event("Arrests", "Strategic developments", "المنستير", S2),
                       pred_event("Attack", "Violence against civilians", "باريس", S3),
                       pred_event("Attack", "Violence against civilians", "القصرين", S4)]}
    missed, extra = EE.classify(gold, pred, SC)
    assert not missed
    assert extra == {"duplicate": 1, "not-event": 1, "no gold event": 1}
