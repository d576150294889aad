#!/usr/bin/env python3
"""Train the sentence-mode models (``events.mode = "sentence"``) on the shared GSR half; write them into the package.

  python scripts/train_event_sentences.py [--shared ../shared] [--c2 10] [--folds 5] [--min-count 2]

The OEDA Arabic event sentences ``<shared>/data/gsr/{assault,protest}-dev.jsonl`` (MIT, Open Event
Data Alliance) were each judged alone: "yes" reports an assault (a protest), "easy no" and
"difficult no" do not, "ambiguous" is left out. Each sentence runs through the pipeline's stages
before events; every candidate sentence it holds (:func:`marsad.events.candidates.find_candidates`)
is one example, described by :func:`marsad.events.features.sentence_features` and labelled with the
record's verdict. One binary logistic model per family (python-crfsuite on one-item sequences,
L-BFGS with an L2 penalty, deterministic) learns it.

Each family's threshold is chosen by cross-validation grouped by article (the sentences of one
article stay in one fold, as the hidden half of the data was split by article): a record counts as
reporting the family when one of its candidate sentences scores at least the threshold (a record
with no candidate sentence never does), and its F1 is measured as ``shared/eval/score_gsr.py``
does. The figures printed are those cross-validated ones; ``scripts/run_gsr.py`` measures the
whole pipeline in sentence mode.

Writes ``src/marsad/data/models/event-{assault,protest}-sentences.{tsv,json}``. Run
``python scripts/update_manifest.py`` afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from train_event_detector import pipeline_before_events, train_one
from training_gold import gsr_sentences, prf

from marsad.config import EventsConfig
from marsad.document import Article
from marsad.events import SENTENCE_MODELS
from marsad.events.candidates import find_candidates
from marsad.events.features import FEATURES_VERSION, sentence_features
from marsad.events.model import EVENT, NONE, read_model

REPO = Path(__file__).resolve().parent.parent
THRESHOLDS = [round(0.05 * k, 2) for k in range(2, 19)]
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


def read_records(shared: Path, kind: str, pipe: object) -> tuple[list[Record], bytes]:
    records, raw = gsr_sentences(shared, kind)
    out = []
    for rec in records:
        doc = pipe.run(Article(id=rec["id"], text=rec["text"]))  # type: ignore[attr-defined]
        doc.cache["published_date"] = None
        cands = find_candidates(doc, EventsConfig())
        features = [sentence_features(cands, i) for i in sorted(cands.hits)] if cands is not None else []
        out.append(Record(rec["article"], rec["label"] == "yes", features))
    return out, raw


def fold_of(article: str, folds: int) -> int:
    return int(hashlib.sha256(f"{SEED}:{article}".encode()).hexdigest(), 16) % folds


def examples(records: list[Record]) -> list[tuple[list[str], str]]:
    return [(f, EVENT if r.positive else NONE) for r in records for f in r.sentences]


def f1_at(records: list[Record], scores: list[float], threshold: float) -> dict[str, float]:
    tp = fp = fn = 0
    for r, score in zip(records, scores, strict=True):
        hit = score >= threshold
        tp += r.positive and hit
        fp += (not r.positive) and hit
        fn += r.positive and not hit
    return {**prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--c2", type=float, default=10.0, help="L2 penalty (chosen by the same CV: 0.3, 1, 3, 10)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=2, help="examples a feature must occur in to get a weight")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "marsad" / "data")
    a = ap.parse_args()
    pipe = pipeline_before_events()
    for kind, name in SENTENCE_MODELS.items():
        t0 = time.perf_counter()
        records, raw = read_records(a.shared, kind, pipe)
        scores = [0.0] * len(records)
        for k in range(a.folds):
            fit = [r for r in records if fold_of(r.article, a.folds) != k]
            weights = train_one(examples(fit), a.c2, a.min_count, MIN_WEIGHT)[0]
            model = read_model([(f, label, str(w)) for f, label, w in weights], {"labels": [EVENT, NONE]})
            for n, r in enumerate(records):
                if fold_of(r.article, a.folds) == k and r.sentences:
                    scores[n] = max(model.detect(f).p_event for f in r.sentences)
        table = {t: f1_at(records, scores, t) for t in THRESHOLDS}
        best = max(THRESHOLDS, key=lambda t: (table[t]["f1"], -t))
        print(f"{kind}: {len(records)} records ({sum(1 for r in records if not r.sentences)} without a candidate), "
              f"cross-validated at {best:.2f}: {table[best]} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
        weights, labels = train_one(examples(records), a.c2, a.min_count, MIN_WEIGHT)
        path = a.out / "models" / f"{name}.tsv"
        path.write_text(
            f"# Sentence-mode {kind} model: log-linear weights of each feature for a sentence that reports\n"
            f"# an {kind} by itself (event) or not (none). Source: trained by scripts/train_event_sentences.py\n"
            "# on the OEDA Arabic event gold standard (development half; MIT, Open Event Data Alliance).\n"
            "# columns: feature\tlabel\tweight\n"
            + "".join(f"{f}\t{label}\t{w:.4f}\n" for f, label, w in weights), encoding="utf-8")
        meta = {"features_version": FEATURES_VERSION, "labels": labels, "thresholds": {"sentence": best},
                "c2": a.c2, "min_count": a.min_count, "folds": a.folds, "seed": SEED,
                "training_data": f"shared/data/gsr/{kind}-dev.jsonl",
                "training_data_sha256": hashlib.sha256(raw).hexdigest(), "records": len(records),
                "weights": len(weights), "cross_validated": table[best]}
        (a.out / "models" / f"{name}.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n",
                                                      encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
