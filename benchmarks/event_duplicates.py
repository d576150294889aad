#!/usr/bin/env python3
"""List the extra events that share a sentence with a gold event, beside what matched there.

  python benchmarks/event_duplicates.py [--set train|validation|dev|dev-mashriq] [--shared ../shared]

benchmarks/event_errors.py counts an extra event as a "duplicate" (it shares the sentence of a gold event
that another predicted event matched) or "counted above" (it shares the sentence of a missed gold
event). This lists each of them with the gold event of the sentence and the prediction that matched
it, and ends with the pairs of predicted events coded from one evidence span at one place by their
sub-event types and how many of the two matched: the evidence for a merge rule (marsad.events.merge).
Read the train set freely; the validation set only for the kinds of error (README, "Honest measurement").
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality_gate
from event_errors import evidence_of, load_scorer

REPO = Path(__file__).resolve().parent.parent


def _brief(event: dict[str, Any]) -> str:
    loc = event.get("location")
    place = (loc.get("name"), loc.get("admin1")) if isinstance(loc, dict) else (loc, event.get("admin1"))
    actor = event.get("actor1")
    actor = actor.get("name") if isinstance(actor, dict) else actor
    text = evidence_of(event) if isinstance(event.get("evidence"), dict) else str(event.get("evidence") or "")
    return f"{event.get('sub_event_type')} @ {place} date={event.get('date')} actor1={actor} | {text[:120]}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--set", dest="gold_set", choices=quality_gate.SETS, default="train")
    a = ap.parse_args()
    sc = load_scorer(a.shared)
    golds = quality_gate.gold_articles(a.shared, a.gold_set)
    preds = quality_gate.predictions(golds)

    def pair(ge: dict[str, Any], pe: dict[str, Any]) -> int:  # the scorer's pairing score, restated
        if sc.norm(ge["event_type"]) != sc.norm(pe.get("event_type")):
            return 0
        if not sc.loc_ok(ge, pe) and (ge.get("location") or ge.get("admin1")):
            return 0
        return 1 + 4 * sc.loc_ok(ge, pe) + 2 * (sc.norm(ge.get("sub_event_type")) == sc.norm(pe.get("sub_event_type")))

    def same_sentence(x: str, y: str) -> bool:
        nx, ny = sc.norm(x), sc.norm(y)
        return bool(nx and ny and (nx[:40] in ny or ny[:40] in nx))

    readings: Counter[tuple[str, str, int]] = Counter()
    for gold in golds:
        g, p = gold.get("events", []), preds.get(gold["id"], {}).get("events") or []
        matched = dict(sc.greedy(g, p, pair))
        by_pred = {j: i for i, j in matched.items()}
        for j, pe in enumerate(p):
            if j in by_pred:
                continue
            near = [i for i, ge in enumerate(g) if same_sentence(ge.get("evidence", ""), evidence_of(pe))]
            if not near:
                continue
            i = near[0]
            print(f"{'duplicate' if i in matched else 'counted above'}  {gold['id']}")
            print(f"  extra    {_brief(pe)}")
            print(f"  gold     {_brief(g[i])}")
            if i in matched:
                print(f"  matched  {_brief(p[matched[i]])}")
        for j, pe in enumerate(p):
            for k in range(j + 1, len(p)):
                qe = p[k]
                if (pe["evidence"]["start"], pe["evidence"]["end"]) != (qe["evidence"]["start"], qe["evidence"]["end"]):
                    continue
                if (pe.get("location") or {}).get("place_id") != (qe.get("location") or {}).get("place_id"):
                    continue
                first, second = sorted((pe["sub_event_type"], qe["sub_event_type"]))
                readings[(first, second, (j in by_pred) + (k in by_pred))] += 1
    print("\nreadings of one evidence span at one place (types, matched of the two): count")
    for (first, second, right), n in sorted(readings.items()):
        print(f"  {first} + {second}, {right} matched: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
