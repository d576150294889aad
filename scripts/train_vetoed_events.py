#!/usr/bin/env python3
"""Train the vetoed-sentence model (marsad.events.vetoed) on the train split of train-ant; write it into the package.

  python scripts/train_vetoed_events.py [--shared ../shared] [--folds 5] [--sample N]

Each article of the "train" half of ``benchmarks/data/train-ant-split.json`` and each extra ANT
article whose events are complete (scripts/training_gold.py) is run through the stages before
events; every candidate sentence whose cues the rules all vetoed (a cue, no rule draft) is an
example, ``event`` when a gold event has its evidence there, else ``none``. A binary
maximum-entropy model over the abstract features of :func:`marsad.events.vetoed.vetoed_features`
(python-crfsuite on one-item sequences; L-BFGS with an L2 penalty, deterministic) is fitted to them.

The L2 penalty and the count of examples a feature needs are chosen among C2 and MIN_COUNTS by the
average precision of cross-validation grouped by article (an article's sentences stay in one fold);
the figures printed are those cross-validated ones (AP, and the best F1 over thresholds with its
threshold), beside the base rate. The thresholds at which the pipeline adds an event (``vetoed``,
``vetoed_alone``) are chosen by ``scripts/train_event_detector.py`` with the event model's, on the
pipeline's cross-validated event F1: run it after this script. The validation half is never read here.

Writes ``src/marsad/data/models/event-vetoed.tsv`` (feature, label, weight) and
``event-vetoed.json`` (labels, features version, penalty, training-data digest, cross-validated
figures). Run ``python scripts/update_manifest.py`` afterwards.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from train_event_detector import Labelled, as_model, fold_of, pipeline_before_events, prepare, train_one
from training_gold import (  # scripts/training_gold.py, beside this script
    prf,
    training_arguments,
    training_golds,
    write_weight_rows,
)

from marsad.events.candidates import CODE_OF_SUB_TYPE, Candidates
from marsad.events.coding import CODES
from marsad.events.model import EVENT, NONE, SentenceModel
from marsad.events.vetoed import (
    FAMILY_OF_EVENT_TYPE,
    VETOED_FEATURES_VERSION,
    VETOED_MODEL,
    family_of_cue,
    vetoed_features,
)

REPO = Path(__file__).resolve().parent.parent
C2 = (3.0, 10.0, 30.0)  # the L2 penalties tried by the cross-validation
# the examples a feature must occur in to get a weight, tried by the cross-validation: only stems common
# to many sentences carry to unseen articles (on the 450 train articles: AP .446 at 5, .456 at 20; the
# abstract features alone, at 3, .40)
MIN_COUNTS = (5, 10, 20, 40)
SEED = 0  # the folds are drawn by a hash of the article id (train_event_detector.fold_of); L-BFGS is deterministic


def vetoed_sentences(items: list[Labelled]) -> Iterator[tuple[Labelled, Candidates, int]]:
    """Every candidate sentence whose cues the rules all vetoed: (article, its candidates, sentence index)."""
    for item in items:
        cands = item.cands
        if cands is None:
            continue
        for i in sorted(cands.hits):
            if not cands.drafts.get(i):
                yield item, cands, i


def vetoed_rows(items: list[Labelled]) -> list[tuple[str, int, list[str], str]]:
    """Every vetoed candidate sentence: (article id, sentence index, features, ``event`` or ``none``)."""
    return [(item.gold["id"], i, vetoed_features(cands, i), EVENT if item.labels.get(i) else NONE)
            for item, cands, i in vetoed_sentences(items)]


def veto_report(items: list[Labelled]) -> list[tuple[str, str, int, int, int]]:
    """How often each veto is wrong on the gold: per veto (``live``: a cue left without enough evidence)
    and family of the vetoed cue, the vetoed cues, those whose sentence tells a gold event, and those
    whose sentence tells a gold event of the cue's family; the commonest first."""
    counts: dict[tuple[str, str], list[int]] = {}
    for item, cands, i in vetoed_sentences(items):
        gold = item.labels.get(i, set())
        families = {FAMILY_OF_EVENT_TYPE.get(CODES[CODE_OF_SUB_TYPE[t]].event_type, "other")
                    for t in gold if t in CODE_OF_SUB_TYPE}
        for row in cands.traces.get(i, ()):
            if row.count(":") != 2:
                continue
            kind, reason, alive = row.split(":")
            family = family_of_cue(kind)
            n = counts.setdefault(("live" if alive == "1" else reason, family), [0, 0, 0])
            n[0] += 1
            n[1] += bool(gold)
            n[2] += family in families
    return sorted(((veto, family, *n) for (veto, family), n in counts.items()), key=lambda r: (-r[2], r[0], r[1]))


def fit_vetoed(rows: list[tuple[str, int, list[str], str]], c2: float, min_count: int) -> SentenceModel:
    """The vetoed-sentence model fitted to ``rows`` with L2 penalty ``c2``."""
    weights, labels = train_one([(f, label) for _, _, f, label in rows], c2, min_count)
    return as_model(weights, labels)


def cross_validated(rows: list[tuple[str, int, list[str], str]], c2: float, min_count: int, folds: int
                    ) -> dict[tuple[str, int], float]:
    """Out-of-fold probabilities of every row, the folds grouped by article."""
    out: dict[tuple[str, int], float] = {}
    for k in range(folds):
        fit = [r for r in rows if fold_of(r[0], folds) != k]
        if not any(r[3] == EVENT for r in fit):
            continue
        model = fit_vetoed(fit, c2, min_count)
        for r in rows:
            if fold_of(r[0], folds) == k:
                out[(r[0], r[1])] = model.detect(r[2]).p_event
    return out


def ranking_figures(scored: list[tuple[float, bool]]) -> dict[str, float]:
    """Average precision of a ranking, and its best F1 over thresholds with that threshold."""
    scored = sorted(scored, key=lambda x: -x[0])
    positives = sum(y for _, y in scored)
    if not positives:
        return {"ap": 0.0, "best_f1": 0.0, "at": 1.0, "positives": 0, "sentences": len(scored)}
    tp = 0
    ap = 0.0
    best = (0.0, 1.0)
    for n, (p, y) in enumerate(scored, 1):
        tp += y
        if y:
            ap += tp / n
        f1 = 2 * tp / (n + positives)
        if f1 > best[0] and (n == len(scored) or scored[n][0] < p):
            best = (f1, p)
    return {"ap": round(ap / positives, 3), "best_f1": round(best[0], 3), "at": round(best[1], 3),
            "positives": positives, "sentences": len(scored)}


def main() -> int:
    ap = training_arguments(__doc__)
    ap.add_argument("--no-extra", action="store_true", help="train on the train half of train-ant only")
    a = ap.parse_args()
    t0 = time.perf_counter()
    golds, training_digest = training_golds(a.shared, "events", extra=not a.no_extra, sample=a.sample)
    pipe = pipeline_before_events()
    items = [prepare(pipe, g) for g in golds]
    rows = vetoed_rows(items)
    types = Counter(t for item in items for i, labels in item.labels.items()
                    if item.cands is not None and not item.cands.drafts.get(i) for t in labels)
    print(f"{len(items)} articles, {len(rows)} vetoed sentences, {sum(r[3] == EVENT for r in rows)} with a gold "
          f"event ({time.perf_counter() - t0:.1f} s); gold types there: {dict(types.most_common())}",
          file=sys.stderr)
    print("vetoes (veto, cue family: cues vetoed, in a sentence with a gold event, of the cue's family):",
          file=sys.stderr)
    for veto, family, n, any_gold, same_family in veto_report(items):
        print(f"  {veto:14s} {family:10s} {n:5d} {any_gold:5d} {same_family:5d}", file=sys.stderr)
    labels = {(r[0], r[1]): r[3] == EVENT for r in rows}
    figures: dict[str, dict[str, float]] = {}
    for c2 in C2:
        for min_count in MIN_COUNTS:
            oof = cross_validated(rows, c2, min_count, a.folds)
            figures[f"{c2}/{min_count}"] = ranking_figures([(p, labels[key]) for key, p in oof.items()])
            print(f"c2 {c2}, min count {min_count}: {figures[f'{c2}/{min_count}']}", file=sys.stderr)
    # the best average precision; of equals, the fewest features, then the strongest penalty
    c2, min_count = max(((c, m) for c in C2 for m in MIN_COUNTS),
                        key=lambda cm: (figures[f"{cm[0]}/{cm[1]}"]["ap"], cm[1], cm[0]))
    oof = cross_validated(rows, c2, min_count, a.folds)
    at = figures[f"{c2}/{min_count}"]["at"]
    tp = sum(1 for key, p in oof.items() if p >= at and labels[key])
    fp = sum(1 for key, p in oof.items() if p >= at and not labels[key])
    fn = sum(1 for key, p in oof.items() if p < at and labels[key])
    chosen: dict[str, Any] = {"c2": c2, "min_count": min_count, **figures[f"{c2}/{min_count}"],
                              "at_best_f1": prf(tp, fp, fn),
                              "base_rate": round(sum(labels.values()) / max(1, len(labels)), 3)}
    print(f"chosen: {chosen}", file=sys.stderr)

    model_rows = [(f, label) for _, _, f, label in rows]
    weights, model_labels = train_one(model_rows, c2, min_count)
    path = a.out / "models" / f"{VETOED_MODEL}.tsv"
    write_weight_rows(path,
        "# Vetoed-sentence model: log-linear weights of each abstract feature of a sentence whose cues the\n"
        "# rules all vetoed, for each label (event: a gold event is told there; none). Source: trained by\n"
        "# scripts/train_vetoed_events.py on the train split of shared/data/train-ant (ANT corpus texts,\n"
        "# Apache-2.0; annotations ours); see marsad.events.vetoed.\n"
        "# columns: feature\tlabel\tweight\n",
        weights)
    meta = {"features_version": VETOED_FEATURES_VERSION, "labels": model_labels, "c2": c2, "c2_tried": list(C2),
            "min_count": min_count, "min_counts_tried": list(MIN_COUNTS), "folds": a.folds, "seed": SEED,
            "training_data": "shared/data/train-ant, train split of benchmarks/data/train-ant-split.json"
                             + ("" if a.no_extra else ", and benchmarks/data/gold-ant-extra (events complete)"),
            "training_data_sha256": training_digest, "sample": a.sample, "articles": len(items),
            "examples": len(rows), "weights": len(weights),
            "threshold": "thresholds.vetoed and vetoed_alone of event-detector.json (chosen with the event model's)",
            "cross_validated": {"by_c2": figures, "chosen": chosen}}
    (a.out / "models" / f"{VETOED_MODEL}.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n",
                                                          encoding="utf-8")
    print(f"wrote {path} ({len(weights)} weights) ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
