#!/usr/bin/env python3
"""Train the sentence-mode models (``events.mode = "sentence"``) on the shared GSR half; write them into the package.

  python scripts/train_event_sentences.py [--shared ../shared] [--c2 3,10,30] [--folds 5] [--draws 3]
                                          [--min-count 2]

The OEDA Arabic event sentences ``<shared>/data/gsr/{assault,protest}-dev.jsonl`` (MIT, Open Event
Data Alliance) were each judged alone: "yes" reports an assault (a protest), "easy no" and
"difficult no" do not, "ambiguous" is left out. Each sentence runs through the pipeline's stages
before events; every candidate sentence it holds (:func:`marsad.events.candidates.find_candidates`)
is one example, described by :func:`marsad.events.judge.judge_features` and labelled with the
record's verdict. One binary logistic model per family (python-crfsuite on one-item sequences,
L-BFGS with an L2 penalty, deterministic) learns it.

Cross-validation grouped by article (the sentences of one article stay in one fold, as the hidden
half of the data was split by article), repeated over ``--draws`` draws of the folds, chooses for
each family the L2 penalty among ``--c2`` and the threshold: a record counts as reporting the
family when one of its candidate sentences scores at least the threshold (a record with no
candidate sentence never does), and its F1 is measured as ``shared/eval/score_gsr.py`` does. The
threshold is the best of the F1 curve averaged over the draws and smoothed over its neighbours (a
plateau rather than the peak of one draw). The figures printed and stored are cross-validated
ones: ``f1`` at the chosen threshold (mean over the draws) and ``nested_f1``, where each fold is
scored at a threshold chosen on the other folds only (what choosing a threshold this way scores
on unseen articles). Never quote the model's figures on the sentences it was trained on.
``scripts/run_gsr.py`` runs the whole pipeline in sentence mode.

Writes ``src/marsad/data/models/event-{assault,protest}-sentences.{tsv,json}``. Run
``python scripts/update_manifest.py`` afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from train_event_detector import pipeline_before_events, run_before_events, train_one
from training_gold import gsr_sentences, prf

import marsad
from marsad.config import EventsConfig
from marsad.document import Article
from marsad.events.candidates import find_candidates
from marsad.events.judge import JUDGE_FEATURES_VERSION, SENTENCE_MODELS, judge_features
from marsad.events.model import EVENT, NONE, read_model

REPO = Path(__file__).resolve().parent.parent
THRESHOLDS = [round(0.025 * k, 3) for k in range(2, 37)]
SEED = 0
# a heavily regularised model spreads small weights over many features: dropping those below 0.01
# lost 0.03 of protest F1 in the cross-validation, below 0.001 nothing
MIN_WEIGHT = 0.001


@dataclass
class Record:
    """One GSR record: its article, its verdict and the features of its candidate sentences."""

    article: str
    positive: bool
    sentences: list[list[str]]


def read_records(shared: Path, kind: str, pipe: marsad.Pipeline, sample: int = 0) -> tuple[list[Record], bytes]:
    records, raw = gsr_sentences(shared, kind, sample=sample)
    out = []
    for rec in records:
        # as the events stage sees it: Pipeline.run would clear the cache (the article's country, places)
        doc = run_before_events(pipe, Article(id=rec["id"], text=rec["text"]))
        cands = find_candidates(doc, EventsConfig())
        features = [judge_features(cands, i) for i in sorted(cands.hits)] if cands is not None else []
        out.append(Record(rec["article"], rec["label"] == "yes", features))
    return out, raw


def fold_of(article: str, folds: int, draw: int = 0) -> int:
    # draw 0 is the one fold assignment earlier versions of this script used
    key = f"{SEED}:{article}" if draw == 0 else f"{SEED}:{draw}:{article}"
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % folds


def examples(records: list[Record]) -> list[tuple[list[str], str]]:
    return [(f, EVENT if r.positive else NONE) for r in records for f in r.sentences]


def counts_at(records: list[Record], scores: list[float], threshold: float,
              among: set[int] | None = None) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for n, (r, score) in enumerate(zip(records, scores, strict=True)):
        if among is not None and n not in among:
            continue
        hit = score >= threshold
        tp += r.positive and hit
        fp += (not r.positive) and hit
        fn += r.positive and not hit
    return tp, fp, fn


def f1_at(records: list[Record], scores: list[float], threshold: float, among: set[int] | None = None) -> float:
    return prf(*counts_at(records, scores, threshold, among))["f1"]


def out_of_fold(records: list[Record], c2: float, min_count: int, folds: int, draw: int) -> list[float]:
    """Each record's score by the model trained on the other folds (0 without a candidate sentence)."""
    scores = [0.0] * len(records)
    for k in range(folds):
        fit = [r for r in records if fold_of(r.article, folds, draw) != k]
        weights = train_one(examples(fit), c2, min_count, MIN_WEIGHT)[0]
        model = read_model([(f, label, str(w)) for f, label, w in weights], {"labels": [EVENT, NONE]})
        for n, r in enumerate(records):
            if fold_of(r.article, folds, draw) == k and r.sentences:
                scores[n] = max(model.detect(f).p_event for f in r.sentences)
    return scores


def smoothed_best(curve: dict[float, float]) -> float:
    """The threshold whose F1, averaged with its two neighbours', is highest (ties: the lower)."""
    ts = sorted(curve)
    smooth = {t: statistics.fmean(curve[u] for u in ts[max(0, k - 1):k + 2]) for k, t in enumerate(ts)}
    return max(ts, key=lambda t: (smooth[t], -t))


def nested_f1(records: list[Record], scores: list[float], folds: int, draw: int) -> dict[str, float]:
    """F1 with each fold scored at the threshold chosen on the other folds' scores."""
    tp = fp = fn = 0
    for k in range(folds):
        inner = {n for n, r in enumerate(records) if fold_of(r.article, folds, draw) != k}
        outer = set(range(len(records))) - inner
        t = smoothed_best({t: f1_at(records, scores, t, inner) for t in THRESHOLDS})
        a, b, c = counts_at(records, scores, t, outer)
        tp, fp, fn = tp + a, fp + b, fn + c
    return prf(tp, fp, fn)


def cross_validate(records: list[Record], c2: float, min_count: int, folds: int, draws: int) -> dict[str, object]:
    """Grouped cross-validation of one penalty: the chosen threshold and the F1 figures at it."""
    runs = [(draw, out_of_fold(records, c2, min_count, folds, draw)) for draw in range(draws)]
    curve = {t: statistics.fmean(f1_at(records, scores, t) for _, scores in runs) for t in THRESHOLDS}
    best = smoothed_best(curve)
    per_draw = [prf(*counts_at(records, scores, best)) for _, scores in runs]
    tp, fp, fn = counts_at(records, runs[0][1], best)
    return {"c2": c2, "threshold": best, "f1": round(curve[best], 3),
            "p": round(statistics.fmean(d["p"] for d in per_draw), 3),
            "r": round(statistics.fmean(d["r"] for d in per_draw), 3),
            "f1_per_draw": [d["f1"] for d in per_draw],
            "nested_f1": round(statistics.fmean(nested_f1(records, s, folds, d)["f1"] for d, s in runs), 3),
            "draw0": {"tp": tp, "fp": fp, "fn": fn}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--c2", default="3,10,30", help="L2 penalties tried (comma-separated); the CV chooses one")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--draws", type=int, default=3, help="draws of the grouped folds averaged over")
    ap.add_argument("--min-count", type=int, default=2, help="examples a feature must occur in to get a weight")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "marsad" / "data")
    ap.add_argument("--sample", type=int, default=0,
                    help="only the first N articles of each source: a quick run that proves the recipe (tests)")
    a = ap.parse_args()
    penalties = [float(x) for x in a.c2.split(",")]
    pipe = pipeline_before_events()
    for kind, name in SENTENCE_MODELS.items():
        t0 = time.perf_counter()
        records, raw = read_records(a.shared, kind, pipe, a.sample)
        tried = [cross_validate(records, c2, a.min_count, a.folds, a.draws) for c2 in penalties]
        for cv in tried:
            print(f"{kind} c2={cv['c2']}: threshold {cv['threshold']} F1 {cv['f1']} {cv['f1_per_draw']} "
                  f"nested {cv['nested_f1']}", file=sys.stderr)
        chosen = max(tried, key=lambda cv: (cv["f1"], cv["nested_f1"]))  # type: ignore[arg-type,return-value]
        c2, threshold = float(chosen["c2"]), float(chosen["threshold"])
        print(f"{kind}: {len(records)} records ({sum(1 for r in records if not r.sentences)} without a candidate), "
              f"chosen c2={c2} threshold {threshold}: {chosen} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
        weights, labels = train_one(examples(records), c2, a.min_count, MIN_WEIGHT)
        path = a.out / "models" / f"{name}.tsv"
        path.write_text(
            f"# Sentence-mode {kind} model: log-linear weights of each feature for a sentence that reports\n"
            f"# an {kind} by itself (event) or not (none). Source: trained by scripts/train_event_sentences.py\n"
            "# on the OEDA Arabic event gold standard (development half; MIT, Open Event Data Alliance).\n"
            "# columns: feature\tlabel\tweight\n"
            + "".join(f"{f}\t{label}\t{w:.4f}\n" for f, label, w in weights), encoding="utf-8")
        meta = {"judge_features_version": JUDGE_FEATURES_VERSION, "labels": labels,
                "thresholds": {"sentence": threshold}, "c2": c2, "min_count": a.min_count, "folds": a.folds,
                "draws": a.draws, "seed": SEED, "training_data": f"shared/data/gsr/{kind}-dev.jsonl",
                "training_data_sha256": hashlib.sha256(raw).hexdigest(), "records": len(records), "sample": a.sample,
                "weights": len(weights), "cross_validated": chosen,
                "penalties_tried": {str(cv["c2"]): {k: cv[k] for k in ("threshold", "f1", "nested_f1")}
                                    for cv in tried}}
        (a.out / "models" / f"{name}.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n",
                                                      encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
