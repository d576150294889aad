#!/usr/bin/env python3
"""Event errors by kind: why gold events are missed and where extra events come from.

  python benchmarks/event_errors.py [--set validation|heldout|stream|train|dev|dev-mashriq]
                                    [--shared ../shared] [--json]

The scorer (shared/eval/score.py) only counts misses and extras; this sorts them, so that a change can be
judged by the kinds of error it removes and adds, not by one F1. A predicted event and a gold event
"share a sentence" when their evidence overlaps (the scorer's own test for not-event sentences: one
normalised evidence's first 40 characters inside the other). Kinds, first that applies:

missed gold events
  wrong place      an event of the gold type shares the sentence but its place fails the scorer's test
  wrong type       an event of another type shares the sentence
  elsewhere        an event of the gold type exists in the article, on another sentence, and is unmatched
  not detected     nothing predicted there; split by whether the gold event is historical

extra predicted events
  not-event        on a sentence the gold marks as not an event
  duplicate        shares the sentence of a gold event that another predicted event matched
  counted above    shares the sentence of a missed gold event (its wrong place or type is counted there)
  no gold event    no gold event in that sentence
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from marsad.scoring import load_scorer

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality_gate

REPO = Path(__file__).resolve().parent.parent


def evidence_of(event: dict[str, Any]) -> str:
    ev = event.get("evidence")
    return str(ev.get("text") if isinstance(ev, dict) else ev or "")


def classify(gold: dict[str, Any], pred: dict[str, Any], sc: Any) -> tuple[Counter[str], Counter[str]]:
    """Counts of missed gold events and extra predicted events of one article, by kind."""
    g, p = gold.get("events", []), pred.get("events") or []

    def s(ge: dict[str, Any], pe: dict[str, Any]) -> int:  # the scorer's pairing score, restated
        if sc.norm(ge["event_type"]) != sc.norm(pe.get("event_type")):
            return 0
        if not sc.loc_ok(ge, pe) and (ge.get("location") or ge.get("admin1")):
            return 0
        return 1 + 4 * sc.loc_ok(ge, pe) + 2 * (sc.norm(ge.get("sub_event_type")) == sc.norm(pe.get("sub_event_type")))

    matched = sc.greedy(g, p, s)
    mg, mp = {i for i, _ in matched}, {j for _, j in matched}

    def same_sentence(a: str, b: str) -> bool:
        na, nb = sc.norm(a), sc.norm(b)
        return bool(na and nb and (na[:40] in nb or nb[:40] in na))

    missed: Counter[str] = Counter()
    for i, ge in enumerate(g):
        if i in mg:
            continue
        near = [pe for j, pe in enumerate(p) if same_sentence(ge.get("evidence", ""), evidence_of(pe))]
        if any(sc.norm(pe.get("event_type")) == sc.norm(ge["event_type"]) for pe in near):
            missed["wrong place"] += 1
        elif near:
            missed["wrong type"] += 1
        elif any(j not in mp and sc.norm(pe.get("event_type")) == sc.norm(ge["event_type"]) for j, pe in enumerate(p)):
            missed["elsewhere"] += 1
        else:
            missed["not detected, historical" if ge.get("historical") else "not detected"] += 1
    extra: Counter[str] = Counter()
    not_events = [x.get("evidence", "") for x in gold.get("not_events", [])]
    for j, pe in enumerate(p):
        if j in mp:
            continue
        ev = evidence_of(pe)
        if any(same_sentence(b, ev) for b in not_events):
            extra["not-event"] += 1
        elif any(i in mg and same_sentence(ge.get("evidence", ""), ev) for i, ge in enumerate(g)):
            extra["duplicate"] += 1
        elif any(same_sentence(ge.get("evidence", ""), ev) for ge in g):
            extra["counted above"] += 1
        else:
            extra["no gold event"] += 1
    return missed, extra


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--set", dest="gold_set", choices=quality_gate.SETS, default="validation")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    sc = load_scorer(a.shared)
    golds = quality_gate.gold_articles(a.shared, a.gold_set)
    preds = quality_gate.predictions(golds)
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    for x in golds:
        m, e = classify(x, preds.get(x["id"], {}), sc)
        missed += m
        extra += e
    n_gold = sum(len(x.get("events", [])) for x in golds)
    n_pred = sum(len(d.get("events") or []) for d in preds.values())
    if a.json:
        print(json.dumps({"gold": n_gold, "pred": n_pred, "missed": missed, "extra": extra}, ensure_ascii=False))
        return 0
    print(f"{a.gold_set}: {n_gold} gold events, {n_pred} predicted")
    print(f"missed {sum(missed.values())}: " + ", ".join(f"{k} {v}" for k, v in missed.most_common()))
    print(f"extra {sum(extra.values())}: " + ", ".join(f"{k} {v}" for k, v in extra.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
