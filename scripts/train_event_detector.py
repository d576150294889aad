#!/usr/bin/env python3
"""Train the event model (marsad.events.model) on the train split of train-ant; write it into the package.

  python scripts/train_event_detector.py [--shared ../shared] [--c2 1] [--folds 5] [--min-count 2]

Each article of the "train" half of ``benchmarks/data/train-ant-split.json``, and each extra ANT
article of ``benchmarks/data/gold-ant-extra`` whose events are complete (scripts/training_gold.py;
``--no-extra`` leaves them out), is run through the pipeline's stages before events;
:func:`marsad.events.candidates.find_candidates` gives its candidate
sentences (those holding an event cue) with the rule drafts of each, and
:func:`marsad.events.features.sentence_features` describes them. A sentence that holds the
``evidence`` of a gold event (the evidence may be only the head of the sentence) is labelled with
the event's sub-event type (one example per distinct type); every other candidate sentence, the
gold not-event sentences among them, is labelled ``none``. A multinomial logistic model
(python-crfsuite on one-item sequences, which is maximum-entropy classification; L-BFGS with an L2
penalty, deterministic) is fitted to them.

The thresholds of marsad.events.combine (keep, keep_told, propose, retype) are chosen by cross-validation
grouped by article (an article's sentences stay in one fold): each fold's model scores the
sentences of the held-out articles, the combination is run on those out-of-fold verdicts, and the
events are scored with shared/eval/score.py's event scorer over all train articles; the thresholds
with the best event F1 are kept, less 0.01 for each eventless article given an event (on a news
stream most articles report none, and an event there is worse than one miss). The figures printed are
those cross-validated ones; the validation half is never read here.

Writes ``src/marsad/data/models/event-detector.tsv`` (feature, label, weight) and
``event-detector.json`` (labels, thresholds, parameters, training-data digest, cross-validated
figures). Run ``python scripts/update_manifest.py`` afterwards; retrain after changing the events
lexicons, the rules or the features.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import importlib.util
import json
import sys
import tempfile
import time
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pycrfsuite
from training_gold import gsr_sentences, prf, training_golds  # scripts/training_gold.py, beside this script

import marsad
from marsad.config import Config, EventsConfig, PipelineConfig
from marsad.document import Article, Document
from marsad.events import ARTICLE_MODEL, record_events
from marsad.events.candidates import Candidates, find_candidates
from marsad.events.combine import FAMILY_DEFAULT, Thresholds, choose_drafts, family_of
from marsad.events.features import FEATURES_VERSION, sentence_features
from marsad.events.model import EVENT, NONE, Detection, SentenceModel, read_model
from marsad.pipeline import parse_published
from marsad.text.normalize import fold

REPO = Path(__file__).resolve().parent.parent
KEEP = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]
PROPOSE = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1.01]
RETYPE = [0.4, 0.6, 1.01]
KEEP_TOLD = [0.0, 0.1, 0.2, 0.3]
EVENTLESS_COST = 0.01
MIN_WEIGHT = 0.01  # checked by the cross-validation: 0.001 and 0.01 give the same figures (0.05 loses)
SEED = 0  # the folds are drawn by a hash of the article id; L-BFGS itself is deterministic


@dataclass
class Labelled:
    """One train article: its document, candidates, sentence features and gold labels."""

    gold: dict[str, Any]
    doc: Document
    cands: Candidates | None
    features: dict[int, list[str]] = field(default_factory=dict)
    labels: dict[int, set[str]] = field(default_factory=dict)
    unreached: int = 0  # gold events whose sentence holds no cue


def pipeline_before_events() -> marsad.Pipeline:
    config = Config(pipeline=PipelineConfig(on_error="raise"))
    stages = [s for s in marsad.Pipeline(config).stages if s.name != "events"]
    return marsad.Pipeline(config, stages=stages)


def prepare(pipe: marsad.Pipeline, gold: dict[str, Any]) -> Labelled:
    """Run the stages before events on a gold article; find its candidates and label them."""
    doc = pipe.run(Article.from_dict({"id": gold["id"], "title": gold.get("title"),
                                      "published": gold.get("published"), "text": gold["text"]}))
    doc.cache["published_date"] = parse_published(doc.article.published)
    cands = find_candidates(doc, EventsConfig())
    item = Labelled(gold, doc, cands)
    folded = fold(doc.text).text
    starts = [len(fold(doc.text[:s.start]).text) for s in doc.sentences]
    for event in gold.get("events", []):
        i = sentence_of(folded, starts, event["evidence"])
        if i is None or cands is None or i not in cands.hits:
            item.unreached += 1
            continue
        item.labels.setdefault(i, set()).add(event["sub_event_type"])
    if cands is not None:
        item.features = {i: sentence_features(cands, i) for i in cands.hits}
    return item


def sentence_of(folded: str, starts: list[int], evidence: str) -> int | None:
    """The index of the sentence where (the head of) ``evidence`` stands in the folded text."""
    key = fold(evidence or "").text.strip()
    for probe in (key, key[:40], key[:20]):
        at = folded.find(probe) if probe else -1
        if at >= 0:
            return bisect_right(starts, at) - 1
    return None


def gsr_examples(shared: Path, pipe: marsad.Pipeline) -> list[tuple[list[str], str]]:
    """The shared GSR half's sentences as extra examples: "yes" sentences labelled with the rules' type
    of the sentence's family (else its commonest type), "no" sentences ``none``."""
    out = []
    for kind in ("assault", "protest"):
        for rec in gsr_sentences(shared, kind)[0]:
            doc = pipe.run(Article(id=rec["id"], text=rec["text"]))
            doc.cache["published_date"] = None
            cands = find_candidates(doc, EventsConfig())
            if cands is None:
                continue
            for i in cands.hits:
                label = NONE
                if rec["label"] == "yes":
                    own = [d.event.sub_event_type for d in cands.drafts.get(i, [])
                           if family_of(d.event.event_type, d.event.sub_event_type) == kind]
                    label = own[0] if own else FAMILY_DEFAULT[kind]
                out.append((sentence_features(cands, i), label))
    return out


def examples(items: list[Labelled]) -> list[tuple[list[str], str]]:
    out = []
    for item in items:
        for i, features in item.features.items():
            for label in sorted(item.labels.get(i, {NONE})):
                out.append((features, label))
    return out


def train(rows: list[tuple[list[str], str]], c2: float, min_count: int,
          c2_type: float | None = None) -> tuple[list[tuple[str, str, float]], list[str]]:
    """Fit the detector (none against event) and the typer (the sub-event types of the events).

    Returns the weight rows of both (feature, label, weight) and their labels.
    """
    detector, labels = train_one([(f, NONE if label == NONE else EVENT) for f, label in rows], c2, min_count)
    typer, types = train_one([(f, label) for f, label in rows if label != NONE],
                             c2 if c2_type is None else c2_type, min_count)
    weights = detector + typer
    weights.sort(key=lambda r: (r[0] != "bias", -abs(r[2]), r[0], r[1]))
    return weights, labels + types


def train_one(rows: list[tuple[list[str], str]], c2: float, min_count: int,
              min_weight: float = MIN_WEIGHT) -> tuple[list[tuple[str, str, float]], list[str]]:
    """Fit one multinomial model; return its weight rows (feature, label, weight) and its labels."""
    counts = Counter(f for features, _ in rows for f in features)
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, label in rows:
        trainer.append([{f: 1.0 for f in features if counts[f] >= min_count or f == "bias"}], [label])
    trainer.set_params({"c1": 0.0, "c2": c2, "max_iterations": 200})
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "model.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        state = info.state_features
        labels = sorted(info.labels)
        tagger.close()
    # a weight this small moves no decision; dropping it keeps the file small and the model fast
    weights = [(attr, label, w) for (attr, label), w in state.items() if abs(w) >= min_weight]
    weights.sort(key=lambda r: (r[0] != "bias", -abs(r[2]), r[0], r[1]))
    return weights, labels


def as_model(weights: list[tuple[str, str, float]], labels: list[str]) -> SentenceModel:
    return read_model([(f, label, str(w)) for f, label, w in weights], {"labels": labels})


def fold_of(article: str, folds: int) -> int:
    return int(hashlib.sha256(f"{SEED}:{article}".encode()).hexdigest(), 16) % folds


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("marsad_shared_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(items: list[Labelled], detections: dict[str, dict[int, Detection]], thresholds: Thresholds,
             scorer: ModuleType) -> dict[str, float]:
    """Event P/R/F1 of the combination over ``items`` with the given verdicts, and eventless hits."""
    acc: dict[str, Any] = {"events": [0, 0, 0], "events_full": [0, 0, 0], "args": {}, "not_event_hits": 0}
    eventless_hit = 0
    for item in items:
        events: list[dict[str, Any]] = []
        if item.cands is not None:
            cands = copy.copy(item.cands)
            cands.drafts = copy.deepcopy(item.cands.drafts)
            drafts = choose_drafts(cands, detections[item.gold["id"]], thresholds)
            doc = record_events(cands, drafts)
            events = [e.to_dict() for e in doc.events]
        pred = {"events": events, "actors": [a.to_dict() for a in item.doc.actors]}
        scorer.score_events(item.gold, pred, acc, [])
        eventless_hit += int(not item.gold.get("events") and bool(events))
    tp, n_pred, n_gold = acc["events"]
    return {**prf(tp, n_pred - tp, n_gold - tp), "tp": tp, "pred": n_pred, "gold": n_gold,
            "not_event_hits": acc["not_event_hits"],
            "eventless_articles_with_events": eventless_hit}


def sentence_level(items: list[Labelled], detections: dict[str, dict[int, Detection]]) -> dict[str, Any]:
    """Cross-validated sentence figures: detection P/R/F1 at 0.5 and typing accuracy on true events."""
    tp = fp = fn = typed = 0
    for item in items:
        for i, det in detections[item.gold["id"]].items():
            gold = item.labels.get(i)
            hit = det.p_event >= 0.5
            tp += bool(gold) and hit
            fp += (not gold) and hit
            fn += bool(gold) and not hit
            typed += bool(gold) and det.sub_event_type in (gold or ())
    n_pos = tp + fn
    return {**prf(tp, fp, fn), "type_accuracy": round(typed / n_pos, 3) if n_pos else 0.0, "event_sentences": n_pos}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--c2", type=float, default=1.0, help="L2 penalty")
    ap.add_argument("--c2-type", type=float, default=None, help="L2 penalty of the typer (default: --c2)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=2, help="examples a feature must occur in to get a weight")
    ap.add_argument("--gsr", action="store_true", help="add the shared GSR half's sentences to the training examples")
    ap.add_argument("--no-extra", action="store_true", help="train on the train half of train-ant only")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "marsad" / "data")
    a = ap.parse_args()
    t0 = time.perf_counter()
    golds, training_digest = training_golds(a.shared, "events", extra=not a.no_extra)
    pipe = pipeline_before_events()
    items = [prepare(pipe, g) for g in golds]
    extra = gsr_examples(a.shared, pipe) if a.gsr else []
    rows = examples(items) + extra
    n_gold = sum(len(g.get("events", [])) for g in golds)
    unreached = sum(i.unreached for i in items)
    print(f"{len(items)} articles, {len(rows)} examples, {n_gold} gold events ({unreached} in no candidate "
          f"sentence) ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    print("labels: " + ", ".join(f"{k} {v}" for k, v in Counter(label for _, label in rows).most_common()),
          file=sys.stderr)

    detections: dict[str, dict[int, Detection]] = {}
    for k in range(a.folds):
        fit = [item for item in items if fold_of(item.gold["id"], a.folds) != k]
        model = as_model(*train(examples(fit) + extra, a.c2, a.min_count, a.c2_type))
        for item in items:
            if fold_of(item.gold["id"], a.folds) == k:
                detections[item.gold["id"]] = {i: model.detect(f) for i, f in item.features.items()}
    sentence_figures = sentence_level(items, detections)
    print(f"sentences (cross-validated): {sentence_figures}", file=sys.stderr)
    scorer = load_scorer(a.shared)
    rules = evaluate(items, detections, Thresholds(0.0, 1.01, 1.01), scorer)
    print(f"rules alone: {rules}", file=sys.stderr)
    table = []
    for keep in KEEP:
        for propose in PROPOSE:
            for retype in RETYPE:
                for keep_told in KEEP_TOLD:
                    result = evaluate(items, detections, Thresholds(keep, propose, retype, keep_told), scorer)
                    table.append(((keep, propose, retype, keep_told), result))
    # most news articles report no event: each eventless article given one costs as much as 0.01 of F1
    table.sort(key=lambda row: (-(row[1]["f1"] - EVENTLESS_COST * row[1]["eventless_articles_with_events"]),
                                row[0][3], -row[0][0], -row[0][1]))
    for (keep, propose, retype, keep_told), result in table[:8]:
        print(f"keep {keep:.2f} propose {propose:.2f} retype {retype:.2f} keep_told {keep_told:.2f}: {result}",
              file=sys.stderr)
    (keep, propose, retype, keep_told), best = table[0]

    weights, labels = train(rows, a.c2, a.min_count, a.c2_type)
    path = a.out / "models" / f"{ARTICLE_MODEL}.tsv"
    path.write_text(
        "# Event model: log-linear weights of each feature for each label (an ACLED sub-event type or none).\n"
        "# Source: trained by scripts/train_event_detector.py on the train split of shared/data/train-ant\n"
        "# (ANT corpus texts, Apache-2.0; annotations ours); see marsad.events.model.\n"
        "# columns: feature\tlabel\tweight\n"
        + "".join(f"{f}\t{label}\t{w:.4f}\n" for f, label, w in weights), encoding="utf-8")
    meta = {"features_version": FEATURES_VERSION, "labels": labels,
            "thresholds": {"keep": keep, "propose": propose, "retype": retype, "keep_told": keep_told},
            "c2": a.c2, "c2_type": a.c2_type, "min_count": a.min_count, "folds": a.folds, "seed": SEED,
            "training_data": "shared/data/train-ant, train split of benchmarks/data/train-ant-split.json"
                             + ("" if a.no_extra else ", and benchmarks/data/gold-ant-extra (events complete)"),
            "training_data_sha256": training_digest, "articles": len(items), "examples": len(rows),
            "weights": len(weights),
            "cross_validated": {"rules_alone": rules, "chosen": best}}
    (a.out / "models" / f"{ARTICLE_MODEL}.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n",
                                                           encoding="utf-8")
    print(f"wrote {path} ({len(weights)} weights), thresholds {meta['thresholds']} "
          f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
