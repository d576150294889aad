#!/usr/bin/env python3
"""Train the recalled-events model (marsad.events.recalled) on the train split and the extra gold.

  python scripts/train_recalled_events.py [--shared ../shared] [--c2 1] [--folds 5] [--min-count 2]

Each training article (scripts/training_gold.py: the train half of train-ant and the extra ANT gold
complete in events) is run through the pipeline; where the events stage would add the recalled
events, :func:`marsad.events.recalled.named_places` lists the places that named-event phrases name
and no event of the article sits at. A place is labelled with the sub-event type of a gold event of
the article that the pipeline's own events leave unmatched and whose place passes the scorer's
place test (shared/eval/score.py ``loc_ok``), else ``none``. A multinomial logistic model
(python-crfsuite on one-item sequences, as scripts/train_event_detector.py fits its models) is
fitted to them.

The threshold on P(not none) is chosen by cross-validation grouped by article: out-of-fold
probabilities decide each place, and the event models' objective is maximised over the training
articles: event F1 (the pipeline's own matches plus the places kept whose type has the gold event's
event type) less EVENTLESS_COST times the share of eventless articles given an event. The
validation half is never read here.

Writes ``src/marsad/data/models/recalled-events.tsv`` (feature, label, weight) and
``recalled-events.json`` (labels, threshold, parameters, training-data digest, cross-validated
figures); run ``python scripts/update_manifest.py`` afterwards. Retrain after changing the events
models, the named-event nouns or the features of marsad.events.recalled.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from train_event_detector import EVENTLESS_COST, as_model, train_one  # scripts/, beside this script
from training_gold import EVENTS_TRAINING_DATA, training_arguments, training_golds, write_model_files

import marsad
import marsad.events
from marsad.config import Config, EventsConfig, PipelineConfig
from marsad.document import Article
from marsad.events.arguments.places import location_of
from marsad.events.candidates import Candidates
from marsad.events.merge import Draft
from marsad.events.model import NONE
from marsad.events.recalled import FEATURES_VERSION, MODEL, NamedPlace, choose_type, named_places

REPO = Path(__file__).resolve().parent.parent
SEED = 0  # L-BFGS is deterministic; recorded for the manifest of the recipe


@dataclass(slots=True)
class Example:
    article: str
    features: list[str]
    label: str


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("marsad_shared_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fold_of(article: str, folds: int) -> int:
    return int(hashlib.sha256(article.encode("utf-8")).hexdigest(), 16) % folds


def collect(shared: Path, sample: int) -> tuple[list[Example], dict[str, Any], str]:
    """The labelled places of the training articles, the pipeline's event counts, the data digest.

    The counts hold the pipeline's matched, predicted and gold events over all articles, and the ids
    of the eventless articles (no gold event) with whether the pipeline already gave each one.
    """
    golds, digest = training_golds(shared, "events", extra=True, sample=sample)
    scorer = load_scorer(shared)
    seen: list[list[NamedPlace]] = []

    def record(cands: Candidates, drafts: list[Draft]) -> list[Draft]:
        seen.append(named_places(cands, drafts))
        return []

    # the events flow calls marsad.events.recalled_drafts by name: list the places instead of deciding
    marsad.events.recalled_drafts = record  # type: ignore[assignment]
    pipe = marsad.Pipeline(Config(pipeline=PipelineConfig(on_error="raise"), events=EventsConfig()))
    examples: list[Example] = []
    totals: dict[str, Any] = {"tp": 0, "pred": 0, "gold": 0, "eventless": {}}
    for gold in golds:
        seen.clear()
        doc = pipe.run(Article.from_dict({"id": gold["id"], "title": gold.get("title"),
                                          "published": gold.get("published"), "text": gold["text"]}))
        pred = doc.to_dict()
        g, p = gold.get("events", []), pred.get("events") or []

        def pair(ge: dict[str, Any], pe: dict[str, Any]) -> int:  # the scorer's pairing test
            if scorer.norm(ge["event_type"]) != scorer.norm(pe.get("event_type")):
                return 0
            ok = scorer.loc_ok(ge, pe)
            return 0 if not ok and (ge.get("location") or ge.get("admin1")) else 1 + 4 * ok

        matched = {i for i, _ in scorer.greedy(g, p, pair)}
        totals["tp"] += len(matched)
        totals["pred"] += len(p)
        totals["gold"] += len(g)
        if not g:
            totals["eventless"][gold["id"]] = bool(p)
        open_gold = [ge for i, ge in enumerate(g) if i not in matched]
        for entry in seen[0] if seen else []:
            loc = location_of(entry.place)
            here = {"location": loc.to_dict() if loc else None}
            label = NONE
            for ge in open_gold:
                if (ge.get("location") or ge.get("admin1")) and scorer.loc_ok(ge, here):
                    label = ge["sub_event_type"]
                    open_gold.remove(ge)
                    break
            examples.append(Example(gold["id"], ["bias", *sorted(entry.features)], label))
    return examples, totals, digest


def event_type_of(sub_event_type: str) -> str:
    from marsad.events.coding import CODES
    return next((s.event_type for s in CODES.values() if s.sub_event_type == sub_event_type), "")


def cross_validate(examples: list[Example], c2: float, min_count: int, folds: int) -> list[tuple[float, str]]:
    """Out-of-fold (P(not none), likeliest type) of each example, folds grouped by article."""
    out: list[tuple[float, str]] = [(0.0, NONE)] * len(examples)
    for k in range(folds):
        train = [(x.features, x.label) for x in examples if fold_of(x.article, folds) != k]
        if not any(label != NONE for _, label in train):
            continue
        model = as_model(*train_one(train, c2, min_count))
        for n, x in enumerate(examples):
            if fold_of(x.article, folds) == k:
                d = model.detect(x.features)
                code = next(f.removeprefix("code=") for f in x.features if f.startswith("code="))
                out[n] = (d.p_event, choose_type(code, d.probabilities).sub_event_type)
    return out


def f1(tp: int, pred: int, gold: int) -> float:
    p, r = tp / pred if pred else 0.0, tp / gold if gold else 0.0
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def choose_threshold(examples: list[Example], scored: list[tuple[float, str]],
                     totals: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    """The threshold with the best objective of the training articles, out of fold.

    The objective is the event models' (scripts/train_event_detector.py): event F1 less EVENTLESS_COST
    times the share of eventless articles given an event, since on a news stream most articles
    report none and an event there is worse than one miss.
    """
    eventless: dict[str, bool] = totals["eventless"]

    def outcome(t: float) -> dict[str, Any]:
        added = right = 0
        given = {a for a, has in eventless.items() if has}
        for x, (p, sub) in zip(examples, scored, strict=True):
            if p >= t and sub != NONE:
                added += 1
                right += x.label != NONE and event_type_of(x.label) == event_type_of(sub)
                if x.article in eventless:
                    given.add(x.article)
        score = f1(totals["tp"] + right, totals["pred"] + added, totals["gold"])
        share = len(given) / max(1, len(eventless))
        return {"objective": round(score - EVENTLESS_COST * share, 4), "event_f1": score, "added": added,
                "right": right, "eventless_given": len(given), "eventless": len(eventless)}

    without = outcome(1.01)
    best_t, best = 1.01, without
    for t in [x / 20 for x in range(2, 20)]:
        got = outcome(t)
        if got["objective"] > best["objective"]:
            best_t, best = t, got
    return best_t, {"without": without, "chosen": best}


def main() -> int:
    ap = training_arguments(__doc__)
    ap.add_argument("--c2", type=float, default=1.0, help="L2 penalty")
    ap.add_argument("--min-count", type=int, default=2, help="examples a feature must occur in to get a weight")
    a = ap.parse_args()
    t0 = time.perf_counter()
    examples, totals, digest = collect(a.shared, a.sample)
    positives = sum(x.label != NONE for x in examples)
    print(f"{len(examples)} named places, {positives} name an uncoded gold event; pipeline: "
          f"{totals['tp']} of {totals['gold']} gold events matched, {totals['pred']} predicted, "
          f"{sum(totals['eventless'].values())} of {len(totals['eventless'])} eventless articles given one",
          file=sys.stderr)
    scored = cross_validate(examples, a.c2, a.min_count, a.folds)
    threshold, figures = choose_threshold(examples, scored, totals)
    print(f"threshold {threshold} (cross-validated): {figures}", file=sys.stderr)
    weights, labels = train_one([(x.features, x.label) for x in examples], a.c2, a.min_count)
    meta = {"features_version": FEATURES_VERSION, "labels": labels, "threshold": threshold,
            "c2": a.c2, "min_count": a.min_count, "folds": a.folds, "seed": SEED,
            "training_data": EVENTS_TRAINING_DATA,
            "training_data_sha256": digest, "sample": a.sample, "examples": len(examples),
            "positives": positives, "weights": len(weights), "cross_validated": figures}
    path = write_model_files(a.out / "models", MODEL,
        "# Recalled-events model: log-linear weights of each feature of a named place for each label (the\n"
        "# ACLED sub-event type of the past act the place is named for, or none). Source: trained by\n"
        "# scripts/train_recalled_events.py on the train split of shared/data/train-ant and the extra ANT gold\n"
        "# (ANT corpus texts, Apache-2.0; annotations ours); see marsad.events.recalled.\n"
        "# columns: feature\tlabel\tweight\n",
        weights, meta)
    print(f"wrote {path} ({len(weights)} weights), threshold {threshold} ({time.perf_counter() - t0:.1f} s)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
