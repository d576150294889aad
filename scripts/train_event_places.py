#!/usr/bin/env python3
"""Train the place ranker (marsad.events.arguments.place_ranker) and write its weights into the package.

  python scripts/train_event_places.py [--shared ../shared] [--l2 L] [--epochs 100] [--folds 5] [--sample N]

Reads the learners' gold (scripts/training_gold.py: the train half of ``<shared>/data/train-ant`` and
benchmarks/data/gold-ant-extra; the validation half and the held-out sets are never read here). The
pipeline runs on each article with the rules' places only; each gold event whose evidence the
pipeline coded with an event of the same type is one ranking problem: the candidates and their
features are those the ranker builds at run time (``place_candidates``), the rules' choice first. A
candidate is right when the scorer (``<shared>/eval/score.py``, ``loc_ok``) would accept it for the
gold event: the same admin1, or a name equal to or containing the gold location's. Gold events
without a location, and problems where no candidate is right, teach nothing (counted in the report).

The model is a conditional log-linear ranker (scripts/listwise.py: softmax over an event's
candidates, full-batch AdaGrad with an L2 penalty). The L2 penalty and the bonus of the rules' choice
are chosen by cross-validation grouped by article (folds hash the article id with SEED: no other
randomness); the figures printed are cross-validated, the weights written are trained on all the
problems. Writes ``src/marsad/data/models/place-ranker.tsv`` (feature, weight) and
``place-ranker.json`` (features version, parameters, seed, data digest, cross-validated figures).
Run ``python scripts/update_manifest.py`` afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from listwise import add_fit_arguments, fit_listwise, write_ranker_files  # scripts/listwise.py, beside this script
from training_gold import training_golds  # scripts/training_gold.py, beside this script

import marsad
import marsad.events.arguments.place_ranker as ranker
from marsad.config import Config, PipelineConfig
from marsad.document import Document, Event, EventLocation
from marsad.events.arguments import build_index, folded_positions, place_roles
from marsad.scoring import load_scorer
from marsad.text.normalize import fold

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "marsad" / "data" / "models"
SEED = 20261208
L2_GRID = (0.1, 0.3, 1.0)
BONUSES = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 100.0)  # 100: the rules' choice always stands


@dataclass
class Problem:
    """One gold event the pipeline coded: its place candidates' features and which are right."""

    article: str
    features: list[list[str]]
    right: list[bool]
    names: list[str]
    gold: str
    sub_event_type: str
    evidence: str


def right_for(score: ModuleType, gold_event: dict[str, Any], location: EventLocation | None) -> bool:
    """The scorer's test of a place (score.py, loc_ok) for a location as the pipeline codes it."""
    if location is None:
        return False
    pred = {"location": {"name": location.name, "name_en": location.name_en, "admin1": location.admin1}}
    return bool(score.loc_ok(gold_event, pred))


def evidence_span(text: str, evidence: str) -> tuple[int, int] | None:
    at = text.find(evidence)
    if at < 0 and len(evidence) > 30:
        at = text.find(evidence[:30])
    return (at, at + len(evidence)) if at >= 0 else None


def problems_of(doc: Document, gold: dict[str, Any], score: ModuleType) -> tuple[list[Problem], Counter[str]]:
    folded = fold(doc.text)
    to_folded = folded_positions(folded)
    index = build_index(doc, folded, to_folded)
    roles = place_roles(index, 0, len(folded.text))
    events_at = ranker.events_by_place(doc.events)
    out: list[Problem] = []
    why: Counter[str] = Counter()
    for ge in gold.get("events", []):
        if not (ge.get("location") or ge.get("admin1")):
            why["gold without a place"] += 1
            continue
        span = evidence_span(doc.text, ge.get("evidence") or "")
        if span is None:
            why["evidence not found"] += 1
            continue
        coded = _overlapping(doc.events, span, ge["event_type"])
        if not coded:
            why["not coded with its type"] += 1
            continue
        # of the events a report of several places was coded as, the one the scorer pairs with it
        scored, right = max(((s, [right_for(score, ge, c.location) for c, _ in s]) for s in
                             (ranker.place_candidates(doc, index, to_folded, e, roles, events_at) for e in coded)),
                            key=lambda sr: sr[1][0])
        out.append(Problem(gold["id"], [f for _, f in scored], right,
                           [c.location.name if c.location else "-" for c, _ in scored],
                           str(ge.get("location") or ge.get("admin1")), ge["sub_event_type"],
                           ge.get("evidence") or ""))
    return out, why


def _overlapping(events: list[Event], span: tuple[int, int], event_type: str) -> list[Event]:
    return [e for e in events if e.evidence.start < span[1] and span[0] < e.evidence.end
            and e.event_type == event_type]


def accuracy(problems: list[Problem], weights: dict[str, float], bonus: float) -> int:
    """Right choices among ``problems`` with ``bonus`` added to the score of the rules' choice."""
    model = ranker.PlaceModel(weights, bonus)
    ok = 0
    for p in problems:
        scores = [model.score(fs) for fs in p.features]
        best = max(range(len(scores)), key=lambda k: (scores[k], -k))
        ok += int(p.right[best])
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    add_fit_arguments(ap, l2=L2_GRID, epochs=100, min_count=3, unit="events", seed=SEED)
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    ap.add_argument("--list", type=Path, default=None,
                    help="write the problems the rules get wrong (JSON lines), to sort the kinds of error")
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the weights and their metadata")
    ap.add_argument("--sample", type=int, default=0,
                    help="only the first N articles of each source: a quick run that proves the recipe (tests)")
    a = ap.parse_args()
    score = load_scorer(a.shared)
    ranker.place_model = lambda: None  # type: ignore[assignment]  # the rules' places are a feature
    pipe = marsad.Pipeline(Config(pipeline=PipelineConfig(on_error="raise")))
    problems: list[Problem] = []
    why: Counter[str] = Counter()
    golds, training_digest = training_golds(a.shared, "events", extra=True, sample=a.sample)
    for gold in golds:
        doc = pipe.run(marsad.Article.from_dict({"id": gold["id"], "title": gold.get("title"),
                                                 "published": gold.get("published"), "text": gold["text"]}))
        found, missing = problems_of(doc, gold, score)
        problems += found
        why += missing
    if a.list is not None:
        with a.list.open("w", encoding="utf-8") as fh:
            for p in problems:
                if not p.right[0]:
                    fh.write(json.dumps({"article": p.article, "gold": p.gold, "rules": p.names[0],
                                         "rule_features": p.features[0],
                                         "right": [n for n, r in zip(p.names, p.right, strict=True) if r],
                                         "sub_event_type": p.sub_event_type, "evidence": p.evidence[:120]},
                                        ensure_ascii=False) + "\n")
    folds = {p.article: int(hashlib.sha256(f"{a.seed}:{p.article}".encode()).hexdigest(), 16) % a.folds
             for p in problems}
    train_sets = [[(p.features, p.right) for p in problems if folds[p.article] != k] for k in range(a.folds)]
    test_sets = [[p for p in problems if folds[p.article] == k] for k in range(a.folds)]
    by_l2: dict[float, list[dict[str, float]]] = {}
    for l2 in ([a.l2] if a.l2 is not None else L2_GRID):
        by_l2[l2] = [fit_listwise(train_sets[k], l2, a.epochs, a.rate, a.min_count) for k in range(a.folds)]
    cv = {l2: {b: sum(accuracy(test_sets[k], fitted[k], b) for k in range(a.folds)) for b in BONUSES}
          for l2, fitted in by_l2.items()}
    # the least bonus among the best: the rules' choice stands unless the ranker is surer
    l2, bonus = max(((l2, b) for l2 in cv for b in BONUSES), key=lambda lb: (cv[lb[0]][lb[1]], -lb[1], lb[0]))
    rules_ok = sum(int(p.right[0]) for p in problems)
    covered = sum(1 for p in problems if any(p.right))
    ranker_ok = cv[l2][bonus]
    fixed = broken = 0
    for k in range(a.folds):
        model = ranker.PlaceModel(by_l2[l2][k], bonus)
        for p in test_sets[k]:
            scores = [model.score(fs) for fs in p.features]
            best = max(range(len(scores)), key=lambda i: (scores[i], -i))
            fixed += int(p.right[best] and not p.right[0])
            broken += int(p.right[0] and not p.right[best])
    n = len(problems)
    print(f"{n} coded gold events ({covered} with a right candidate); skipped: {dict(why)}", file=sys.stderr)
    print(f"cross-validated right places by L2 and bonus: {cv}", file=sys.stderr)
    print(f"rules {rules_ok}/{n} = {rules_ok / max(n, 1):.3f}; ranker (L2 {l2}, bonus {bonus}) "
          f"{ranker_ok}/{n} = {ranker_ok / max(n, 1):.3f}: {fixed} fixed, {broken} broken", file=sys.stderr)
    weights = fit_listwise([(p.features, p.right) for p in problems], l2, a.epochs, a.rate, a.min_count)
    if a.dry_run:
        return 0
    meta = {"features_version": ranker.FEATURES_VERSION, "model": "conditional log-linear ranker, AdaGrad, L2",
            "l2": l2, "epochs": a.epochs, "min_count": a.min_count, "rate": a.rate, "folds": a.folds,
            "seed": a.seed, "rule_bonus": bonus,
            "training_data": "shared/data/train-ant, train half of benchmarks/data/train-ant-split.json, "
                             "and benchmarks/data/gold-ant-extra (events complete)",
            "training_data_sha256": training_digest, "sample": a.sample,
            "cross_validated": {"events": n, "with_a_right_candidate": covered,
                                "rules_right": rules_ok, "ranker_right": ranker_ok,
                                "fixed": fixed, "broken": broken}}
    write_ranker_files(a.out, "place-ranker",
                       ["# Weights of the place ranker (marsad.events.arguments.place_ranker), written by",
                        "# scripts/train_event_places.py: do not edit by hand. columns: feature, weight"],
                       weights, meta)
    return 0


if __name__ == "__main__":
    sys.exit(main())
