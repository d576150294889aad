#!/usr/bin/env python3
"""Train the historical-reading model (marsad.events.historical) on the train split and the extra gold.

  python scripts/train_historical_events.py [--shared ../shared] [--c2 1] [--folds 5] [--min-count 3]

Each training article (scripts/training_gold.py: the train half of train-ant and the extra ANT gold
complete in events) is run through the pipeline; where the events stage reads its drafts as
historical or current, :func:`marsad.events.historical.draft_features` describes each draft (with
the rules' own reading, as at run time). A draft is labelled with the ``historical`` flag of the gold
event it pairs with: first one to one by the scorer's pairing (shared/eval/score.py: same event
type, a place that passes ``loc_ok``), then a draft left over takes the gold event whose evidence
shares its sentence. A draft no gold event pairs with is not a training example (its reading
changes no score). A binary logistic model (python-crfsuite on one-item sequences, as
scripts/train_event_detector.py fits its models) is fitted to them.

The two thresholds on P(historical) (``keep`` for a draft the rules read as historical, ``add`` for
any other) are chosen by cross-validation grouped by article (out-of-fold probabilities): the pair
with the most drafts read right (the scorer's ``historical`` check on matched events), ties to the
rules' own reading. Unless the pair reads at least MIN_GAIN more drafts right than the rules do,
the thresholds leave the rules' reading as it is (keep 0, add above 1): the model is then
shipped and rebuilt with each growth of the gold, and takes over when it has learned more than
the rules know. The validation half is never read here.

Writes ``src/marsad/data/models/historical-events.tsv`` (feature, label, weight) and
``historical-events.json`` (labels, threshold, parameters, training-data digest, cross-validated
figures against the rules' own reading); run ``python scripts/update_manifest.py`` afterwards.
Retrain after changing the events models or the features of marsad.events.historical.
"""

from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from train_event_detector import as_model, train_one  # scripts/, beside this script
from train_recalled_events import load_scorer
from training_gold import EVENTS_TRAINING_DATA, training_arguments, training_golds, write_model_files

import marsad
import marsad.events
from marsad.config import Config, EventsConfig, PipelineConfig
from marsad.document import Article
from marsad.events.candidates import Candidates
from marsad.events.historical import FEATURES_VERSION, MODEL, draft_features
from marsad.events.merge import Draft

REPO = Path(__file__).resolve().parent.parent
SEED = 0  # L-BFGS is deterministic; recorded for the manifest of the recipe
HISTORICAL, CURRENT = "historical", "none"
MIN_GAIN = 0.005  # out-of-fold accuracy the model must add to the rules' reading to be used at all


@dataclass(slots=True)
class Example:
    article: str
    features: list[str]
    label: str
    rule: bool  # the rules' own reading


def fold_of(article: str, folds: int) -> int:
    return int(hashlib.sha256(article.encode("utf-8")).hexdigest(), 16) % folds


def collect(shared: Path, sample: int) -> tuple[list[Example], str]:
    """The labelled drafts of the training articles and the data digest."""
    golds, digest = training_golds(shared, "events", extra=True, sample=sample)
    scorer = load_scorer(shared)
    seen: list[tuple[list[list[str]], list[dict[str, Any]]]] = []

    def record(cands: Candidates, drafts: list[Draft]) -> list[Draft]:
        seen.append((draft_features(cands, drafts), [d.event.to_dict() for d in drafts]))
        return drafts

    # the events flow calls marsad.events.read_historical by name: describe the drafts, keep the rules' reading
    marsad.events.read_historical = record  # type: ignore[assignment]
    pipe = marsad.Pipeline(Config(pipeline=PipelineConfig(on_error="raise"), events=EventsConfig()))
    examples: list[Example] = []

    def pair(ge: dict[str, Any], pe: dict[str, Any]) -> int:  # the scorer's pairing test
        if scorer.norm(ge["event_type"]) != scorer.norm(pe.get("event_type")):
            return 0
        ok = scorer.loc_ok(ge, pe)
        return 0 if not ok and (ge.get("location") or ge.get("admin1")) else 1 + 4 * ok

    def same_sentence(a: str, b: str) -> bool:
        na, nb = scorer.norm(a), scorer.norm(b)
        return bool(na and nb and (na[:40] in nb or nb[:40] in na))

    for gold in golds:
        seen.clear()
        pipe.run(Article.from_dict({"id": gold["id"], "title": gold.get("title"),
                                    "published": gold.get("published"), "text": gold["text"]}))
        g = gold.get("events", [])
        if not seen or not g:
            continue
        features, events = seen[0]
        paired = {j: i for i, j in scorer.greedy(g, events, pair)}
        for j, (f, pe) in enumerate(zip(features, events, strict=True)):
            i = paired.get(j)
            if i is None:
                evidence = str((pe.get("evidence") or {}).get("text") or "")
                i = next((k for k, ge in enumerate(g) if same_sentence(ge.get("evidence", ""), evidence)), None)
            if i is None:
                continue
            label = HISTORICAL if g[i].get("historical") else CURRENT
            examples.append(Example(gold["id"], f, label, bool(pe.get("historical"))))
    return examples, digest


def cross_validate(examples: list[Example], c2: float, min_count: int, folds: int) -> list[float]:
    """Out-of-fold P(historical) of each example, folds grouped by article."""
    out = [0.0] * len(examples)
    for k in range(folds):
        train = [(x.features, x.label) for x in examples if fold_of(x.article, folds) != k]
        if not any(label == HISTORICAL for _, label in train):
            continue
        model = as_model(*train_one(train, c2, min_count))
        for n, x in enumerate(examples):
            if fold_of(x.article, folds) == k:
                out[n] = model.detect(x.features).p_event
    return out


def figures(examples: list[Example], said: list[bool]) -> dict[str, float]:
    """Accuracy of the reading, and precision, recall and F1 of the historical one."""
    truth = [x.label == HISTORICAL for x in examples]
    tp = sum(t and s for t, s in zip(truth, said, strict=True))
    p, r = tp / max(1, sum(said)), tp / max(1, sum(truth))
    return {"accuracy": round(sum(t == s for t, s in zip(truth, said, strict=True)) / max(1, len(truth)), 4),
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "said": sum(said), "historical": sum(truth), "drafts": len(truth)}


def choose_thresholds(examples: list[Example], scored: list[float]) -> tuple[dict[str, float], dict[str, Any]]:
    """The thresholds (keep, add) reading the most drafts right out of fold.

    A draft is historical when the rules read it so and P(historical) >= keep, or when
    P(historical) >= add (marsad.events.historical.read_historical). Ties go to the pair closest
    to the rules' own reading (keep 0, add above 1).
    """
    rules = figures(examples, [x.rule for x in examples])
    best_t, best = {"keep": 0.0, "add": 1.01}, rules
    for add in [x / 20 for x in range(19, 5, -1)]:
        for keep in [x / 20 for x in range(5)]:
            got = figures(examples, [(x.rule and p >= keep) or p >= add for x, p in zip(examples, scored, strict=True)])
            if got["accuracy"] > best["accuracy"]:
                best_t, best = {"keep": keep, "add": add}, got
    if best["accuracy"] - rules["accuracy"] < MIN_GAIN:
        # a gain this small is the noise of choosing two thresholds on the same folds
        return {"keep": 0.0, "add": 1.01}, {"rules": rules, "best": {**best, **best_t}, "chosen": rules}
    return best_t, {"rules": rules, "chosen": best}


def main() -> int:
    ap = training_arguments(__doc__)
    ap.add_argument("--c2", type=float, default=1.0, help="L2 penalty")
    ap.add_argument("--min-count", type=int, default=3, help="examples a feature must occur in to get a weight")
    a = ap.parse_args()
    t0 = time.perf_counter()
    examples, digest = collect(a.shared, a.sample)
    positives = sum(x.label == HISTORICAL for x in examples)
    print(f"{len(examples)} drafts paired with gold, {positives} historical", file=sys.stderr)
    scored = cross_validate(examples, a.c2, a.min_count, a.folds)
    thresholds, cv = choose_thresholds(examples, scored)
    print(f"thresholds {thresholds} (cross-validated): {cv}", file=sys.stderr)
    weights, labels = train_one([(x.features, x.label) for x in examples], a.c2, a.min_count)
    meta = {"features_version": FEATURES_VERSION, "labels": labels, "thresholds": thresholds,
            "c2": a.c2, "min_count": a.min_count, "folds": a.folds, "seed": SEED,
            "training_data": EVENTS_TRAINING_DATA,
            "training_data_sha256": digest, "sample": a.sample, "examples": len(examples),
            "positives": positives, "weights": len(weights), "cross_validated": cv}
    path = write_model_files(a.out / "models", MODEL,
        "# Historical-reading model: log-linear weights of each feature of a drafted event for each label\n"
        "# (historical: the article only recalls it; none: today's act). Source: trained by\n"
        "# scripts/train_historical_events.py on the train split of shared/data/train-ant and the extra ANT gold\n"
        "# (ANT corpus texts, Apache-2.0; annotations ours); see marsad.events.historical.\n"
        "# columns: feature\tlabel\tweight\n",
        weights, meta)
    print(f"wrote {path} ({len(weights)} weights), thresholds {thresholds} ({time.perf_counter() - t0:.1f} s)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
