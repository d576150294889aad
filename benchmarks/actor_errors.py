#!/usr/bin/env python3
"""What breaks the full match of matched events, and why actor1 and actor2 are wrong.

  python benchmarks/actor_errors.py [--set validation|train|dev|dev-mashriq|heldout|stream]
                                    [--shared ../shared] [--examples N] [--json]

Events are paired as the scorer pairs them (shared/eval/score.py). For every matched event the fields
of the full match (sub_event_type, actor1, admin1, date) and actor2 and fatalities are tested by the
scorer's own tests; the report counts the events each field alone breaks and, for a wrong actor, its
kind, first that applies:

  gold null, we name one   the text gives no agent (gold null) and we coded a named actor
  we left it empty         gold names an actor and we coded none
  gold in the text         the gold's name is written in the article (an actor was there to choose)
  generic kind             the gold is ACLED's generic actor (civilians, protesters, unidentified ...)
                           of a kind the scorer knows and our English name is of another kind
  other name               the gold's name is nowhere in the text (a canonical English or a paraphrase)

``--examples N`` prints N wrong actors of each kind (gold / ours / evidence): read them on the train
set and dev-mashriq; on validation read the counts only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from marsad.scoring import load_scorer

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality_gate

REPO = Path(__file__).resolve().parent.parent
FULL_FIELDS = ("sub_event_type", "actor1", "admin1", "date")


def field_checks(sc: Any, gold: dict[str, Any], pred: dict[str, Any], ge: dict[str, Any],
                 pe: dict[str, Any], ref_english: bool = False) -> dict[str, bool]:
    """The scorer's field tests of one matched pair (score.py, score_events), restated."""
    english = {a.get("id"): str(a.get("name_en") or "") for a in pred.get("actors") or []}

    def actor_ok(gold_name: str | None, pred_actor: Any) -> bool:
        en = english.get(pred_actor.get("actor_id"), "") if isinstance(pred_actor, dict) else ""
        if ref_english and isinstance(pred_actor, dict):
            en = en or str(pred_actor.get("name_en") or "")
        if not gold_name:
            return not sc.name_of(pred_actor) or en.startswith("Unidentified")
        for pattern, prefix in sc.GENERIC_ACTORS:
            if pattern.search(sc.norm(gold_name)) and en.startswith(prefix):
                return True
        return bool(sc.contains_name([gold_name], [sc.name_of(pred_actor)]))

    return {
        "sub_event_type": sc.norm(ge.get("sub_event_type")) == sc.norm(pe.get("sub_event_type")),
        "actor1": actor_ok(ge.get("actor1"), pe.get("actor1")),
        "actor2": actor_ok(ge.get("actor2"), pe.get("actor2")),
        "admin1": sc.admin_key(ge.get("admin1")) == sc.admin_key(sc.pred_location(pe)[1]),
        "date": sc.date_ok(ge.get("date"), pe.get("date"), gold.get("published")),
        "fatalities": (ge.get("fatalities") or 0) == (pe.get("fatalities") or 0),
    }


def actor_kind(sc: Any, gold: dict[str, Any], pred: dict[str, Any], gold_name: str | None, pred_actor: Any) -> str:
    name = sc.name_of(pred_actor)
    if not gold_name:
        return "gold null, we name one"
    if not name:
        return "we left it empty"
    if sc.norm(gold_name) in sc.norm(gold["text"]) or sc.norm(gold_name) in sc.norm(gold.get("title") or ""):
        return "gold in the text"
    if any(p.search(sc.norm(gold_name)) for p, _ in sc.GENERIC_ACTORS):
        return "generic kind"
    return "other name"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--set", dest="gold_set", choices=quality_gate.SETS, default="validation")
    ap.add_argument("--examples", type=int, default=0, help="wrong actors shown per kind")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    sc = load_scorer(a.shared)
    golds = quality_gate.gold_articles(a.shared, a.gold_set)
    preds = quality_gate.predictions(golds)
    matched = 0
    wrong: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {"actor1": Counter(), "actor2": Counter()}
    examples: dict[str, list[str]] = defaultdict(list)
    for gold in golds:
        pred = preds[gold["id"]]
        for ge, pe in quality_gate.matched_pairs(gold, pred, sc):
            matched += 1
            checks = field_checks(sc, gold, pred, ge, pe)
            failed = [k for k in FULL_FIELDS if not checks[k]]
            wrong.update(k for k, ok in checks.items() if not ok)
            if len(failed) == 1:
                alone[failed[0]] += 1
            for role in ("actor1", "actor2"):
                if checks[role]:
                    continue
                if field_checks(sc, gold, pred, ge, pe, ref_english=True)[role]:
                    kind = "english on the event only"
                    kinds[role][kind] += 1
                    continue
                kind = actor_kind(sc, gold, pred, ge.get(role), pe.get(role))
                kinds[role][kind] += 1
                if len(examples[f"{role}: {kind}"]) < a.examples:
                    examples[f"{role}: {kind}"].append(
                        f"    gold {ge.get(role)!r} | ours {sc.name_of(pe.get(role))!r} "
                        f"[{ge['sub_event_type']}] | {ge.get('evidence', '')[:90]}")
    report = {"set": a.gold_set, "matched": matched, "wrong": dict(wrong), "breaks_full_alone": dict(alone),
              "actor_kinds": {r: dict(c) for r, c in kinds.items()}}
    if a.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"{a.gold_set}: {matched} matched events")
    print("field wrong (of matched)  | the only field breaking the full match")
    for k in ("sub_event_type", "actor1", "admin1", "date", "actor2", "fatalities"):
        print(f"  {k:15} {wrong[k]:4}  | {alone[k] if k in FULL_FIELDS else '-'}")
    for role in ("actor1", "actor2"):
        print(f"{role} wrong by kind: " + ", ".join(f"{k} {v}" for k, v in kinds[role].most_common()))
    for key, lines in sorted(examples.items()):
        print(key)
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
