#!/usr/bin/env python3
"""Wrong dates and fatalities on matched events, by kind, with the evidence, the gold and the prediction.

  python benchmarks/field_errors.py [--set training|validation|dev|dev-mashriq|train]
                                    [--shared ../shared] [--list date|fatalities] [--cache FILE]

The scorer (shared/eval/score.py) counts right and wrong arguments of the events it pairs; this pairs
them the same way (the scorer's greedy matching and pairing score) and sorts every wrong date and
fatality count by kind, so that a change is judged by the kinds it removes and adds. ``training`` is the
gold the learners read (the train half of train-ant and the repo's extra ANT gold: in-sample for the
learned stages, honest for the rules of dates and tolls). ``--cache FILE`` keeps the pipeline's results
in FILE (JSON lines) and reads them from there when it exists, so that listing kinds again costs nothing;
delete it after a change of code.

Date kinds (first that applies; days are counted from the gold date to the predicted one):
  gold null, dated      the text gives no date, the prediction gives one outside the scorer's week
  undated               the gold has a date, the prediction none
  month                 gold or prediction is a month and they disagree
  year                  gold or prediction is a year only
  published for other   the prediction is the publication day (no expression chosen), the gold another day
  other expression      the gold day is the value of a date expression of the article: another one chosen
  a week off            seven days apart (a weekday resolved to the wrong week)
  a day off             one day apart (أمس against اليوم, a report written the evening before)
  no expression         the gold day is the value of no date expression of the article
Fatality kinds:
  missed toll           gold counts deaths, the prediction none
  toll where none       the prediction counts deaths, the gold none
  wounded in sentence   the prediction counts more, and the evidence speaks of the wounded
  cumulative            the prediction counts more, and the evidence speaks of a running toll
  more                  the prediction counts more
  fewer                 the prediction counts fewer
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from marsad.scoring import load_scorer

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import quality_gate
from quality_gate import matched_pairs
from training_gold import training_golds

REPO = Path(__file__).resolve().parent.parent
_WOUNDED_RE = re.compile(r"جرح|جريح|اصاب|مصاب|اصيب")
_CUMULATIVE_RE = re.compile(r"حصيله|ارتفع|ليرتفع|اجمالي|مجموع|منذ")


def evidence_of(event: dict[str, Any]) -> str:
    ev = event.get("evidence")
    return str(ev.get("text") if isinstance(ev, dict) else ev or "")


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def date_kind(gold: dict[str, Any], ge: dict[str, Any], pe: dict[str, Any], pred: dict[str, Any]) -> str:
    """The kind of a wrong date (see the module's docstring)."""
    g, p = ge.get("date") or None, pe.get("date") or None
    published = str(gold.get("published") or "")[:10] or None
    if g is None:
        return "gold null, dated"
    if p is None:
        return "undated"
    if len(g) == 7 or len(p) == 7:
        return "month"
    if len(g) == 4 or len(p) == 4:
        return "year"
    if p == published:
        return "published for other"
    values = {d.get("value") for d in pred.get("dates") or []}
    gd, pd = _day(g), _day(p)
    if g in values:
        return "other expression"
    if gd and pd and abs((pd - gd).days) == 7:
        return "a week off"
    if gd and pd and abs((pd - gd).days) == 1:
        return "a day off"
    return "no expression"


def fatality_kind(ge: dict[str, Any], pe: dict[str, Any], norm: Any) -> str:
    g, p = ge.get("fatalities") or 0, pe.get("fatalities") or 0
    if p == 0:
        return "missed toll"
    if g == 0:
        return "toll where none"
    ev = norm(evidence_of(pe))
    if p > g and _CUMULATIVE_RE.search(ev):
        return "cumulative"
    if p > g and _WOUNDED_RE.search(ev):
        return "wounded in sentence"
    return "more" if p > g else "fewer"


def golds_of(shared: Path, gold_set: str) -> list[dict[str, Any]]:
    if gold_set == "training":
        return training_golds(shared, "events")[0]
    return quality_gate.gold_articles(shared, gold_set)


def load_predictions(golds: list[dict[str, Any]], cache: Path | None) -> dict[str, dict[str, Any]]:
    if cache is not None and cache.exists():
        return {d["id"]: d for d in map(json.loads, cache.read_text(encoding="utf-8").splitlines())}
    preds = quality_gate.predictions(golds)
    if cache is not None:
        cache.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in preds.values()), encoding="utf-8")
    return preds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--set", dest="gold_set", choices=("training", *quality_gate.SETS), default="training")
    ap.add_argument("--list", choices=("date", "fatalities"), action="append", default=[],
                    help="print every wrong value of this field, by kind")
    ap.add_argument("--cache", type=Path, help="JSON-lines file of the pipeline's results (read when present)")
    a = ap.parse_args()
    if a.gold_set in ("heldout", "stream"):
        raise SystemExit("field_errors reads errors: never on the held-out sets")
    sc = load_scorer(a.shared)
    golds = golds_of(a.shared, a.gold_set)
    preds = load_predictions(golds, a.cache)
    right: Counter[str] = Counter()
    total = 0
    kinds: dict[str, Counter[str]] = {"date": Counter(), "fatalities": Counter()}
    listing: dict[str, dict[str, list[str]]] = {"date": defaultdict(list), "fatalities": defaultdict(list)}
    for gold in golds:
        pred = preds.get(gold["id"], {})
        for ge, pe in matched_pairs(gold, pred, sc):
            total += 1
            checks = {"date": sc.date_ok(ge.get("date"), pe.get("date"), gold.get("published")),
                      "fatalities": (ge.get("fatalities") or 0) == (pe.get("fatalities") or 0)}
            for field, ok in checks.items():
                right[field] += int(ok)
                if ok:
                    continue
                kind = date_kind(gold, ge, pe, pred) if field == "date" else fatality_kind(ge, pe, sc.norm)
                kinds[field][kind] += 1
                listing[field][kind].append(
                    f"  {gold['id']} pub {str(gold.get('published') or '')[:10]} {ge['sub_event_type']}: "
                    f"gold {ge.get(field)!r} pred {pe.get(field)!r}\n"
                    f"    gold ev: {str(ge.get('evidence', ''))[:160]}\n"
                    f"    pred ev: {evidence_of(pe)[:160]}")
    print(f"{a.gold_set}: {len(golds)} articles, {total} matched events")
    for field in ("date", "fatalities"):
        n_wrong = sum(kinds[field].values())
        print(f"{field}: right {right[field]}/{total} = {right[field] / max(1, total):.3f}; wrong {n_wrong}: "
              + ", ".join(f"{k} {v}" for k, v in kinds[field].most_common()))
    for field in a.list:
        for kind, rows in sorted(listing[field].items(), key=lambda kv: -len(kv[1])):
            print(f"\n== {field}: {kind} ({len(rows)})")
            print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
