#!/usr/bin/env python3
"""Train the event-confidence model (marsad.events.confidence) and write it into the package.

  python scripts/train_event_confidence.py [--shared ../shared] [--c2 3] [--folds 5]

Runs the whole pipeline, with every event kept (``events.min_confidence = 0``), on the OEDA Arabic
event sentences ``<shared>/data/gsr/{assault,protest}-dev.jsonl``. Each assault-family event of an
assault sentence and each protest-family event of a protest sentence is one example, labelled by
the annotators' verdict on its sentence ("yes" reports such an event; "easy no" and "difficult
no" do not; "ambiguous" is left out). A logistic model (python-crfsuite trained on one-item
sequences, which is maximum-entropy classification; L-BFGS with an L2 penalty, deterministic) is
fitted to them.

The sentence threshold (for users who judge single sentences; the pipeline's default keeps every
event, see marsad.events.confidence) is chosen by cross-validation grouped by article (the sentences of one article stay
in one fold, as the held-out half of the data was split by article): for each threshold the
sentence-level F1 of each family is measured as ``shared/eval/score_gsr.py`` does (the sentences
on which the rules find no event count as misses), and the threshold with the best mean of the two
is kept. The figures printed are those cross-validated ones: the model is then trained on all the
examples, and scoring the same sentences with it would flatter it.

Writes ``src/marsad/data/models/event-confidence.tsv`` (feature, weight: log-odds for "reports the
event"; ``bias`` first) and ``event-confidence.json`` (sentence threshold, parameters, data digest,
cross-validated figures). Run ``python scripts/update_manifest.py`` afterwards; retrain after changing
the events lexicons or rules, whose output the features describe.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite
from training_gold import gsr_sentences, prf, training_arguments  # scripts/training_gold.py, beside this script

import marsad
from marsad.config import Config, EventsConfig, PipelineConfig
from marsad.document import Article, Event
from marsad.events.confidence import FEATURES_VERSION, METADATA, WEIGHTS, ConfidenceModel, event_features

REPO = Path(__file__).resolve().parent.parent
KINDS = ("assault", "protest")
ASSAULT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
THRESHOLDS = [round(0.05 * k, 2) for k in range(1, 13)]


@dataclass
class Sentence:
    """One labelled GSR sentence and the features of the events of its family."""

    id: str
    kind: str
    article: str
    positive: bool
    examples: list[list[str]]


def in_family(kind: str, event: Event) -> bool:
    """The event-family test of shared/eval/score_gsr.py, on marsad's event fields."""
    if kind == "assault":
        return event.plover == "ASSAULT" or event.event_type in ASSAULT_TYPES or (
            event.event_type == "Riots" and event.sub_event_type == "Mob violence")
    return event.plover == "PROTEST" or event.event_type == "Protests" or (
        event.event_type == "Riots" and event.sub_event_type == "Violent demonstration")


def read_sentences(shared: Path, sample: int = 0) -> tuple[list[Sentence], str]:
    pipe = marsad.Pipeline(Config(pipeline=PipelineConfig(on_error="raise"),
                                  events=EventsConfig(min_confidence=0.0)))
    digest = hashlib.sha256()
    out = []
    for kind in KINDS:
        records, raw = gsr_sentences(shared, kind, sample=sample)
        digest.update(raw)
        for rec in records:
            doc = pipe.run(Article(id=rec["id"], text=rec["text"]))
            examples = [event_features(doc, e) for e in doc.events if in_family(kind, e)]
            out.append(Sentence(rec["id"], kind, rec["article"], rec["label"] == "yes", examples))
    return out, digest.hexdigest()


def read_gold_sentences(folder: Path) -> tuple[list[Sentence], bytes]:
    """Labelled sentences from gold files (``marsad export --format gold``): reviewed events say yes.

    Each gold event's evidence sentence is a positive example of its family; each ``not_events``
    entry's sentence a negative one of both families; the examples are the events the pipeline
    codes there, as for the GSR sentences. Returns the sentences and the bytes read (for the digest).
    """
    pipe = marsad.Pipeline(Config(pipeline=PipelineConfig(on_error="raise"),
                                  events=EventsConfig(min_confidence=0.0)))
    out, raw_all = [], b""
    for path in sorted(folder.glob("*.json")):
        raw = path.read_bytes()
        raw_all += raw
        gold = json.loads(raw)
        doc = pipe.run(Article(id=str(gold["id"]), text=gold["text"], published=gold.get("published")))
        labelled = [(e.get("evidence") or "", True, "assault" if e.get("event_type") in ASSAULT_TYPES
                     else "protest") for e in gold.get("events") or []]
        labelled += [(n.get("evidence") or "", False, kind) for n in gold.get("not_events") or [] for kind in KINDS]
        for k, (evidence, positive, kind) in enumerate(labelled):
            start = gold["text"].find(evidence) if evidence else -1
            if start < 0:
                continue
            end = start + len(evidence)
            examples = [event_features(doc, e) for e in doc.events
                        if in_family(kind, e) and e.evidence.start < end and start < e.evidence.end]
            out.append(Sentence(f"gold-{gold['id']}-{k}", kind, f"gold-{gold['id']}", positive, examples))
    return out, raw_all


def train(sentences: list[Sentence], c2: float, min_count: int) -> ConfidenceModel:
    # a feature seen in fewer than min_count examples (mostly a rare word or place name) would only
    # learn the verdict on those few sentences
    counts = Counter(f for s in sentences for features in s.examples for f in set(features))
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sentences:
        label = "yes" if s.positive else "no"
        for features in s.examples:
            trainer.append([{"bias": 1.0, **{f: 1.0 for f in features if counts[f] >= min_count}}], [label])
    trainer.set_params({"c1": 0.0, "c2": c2, "max_iterations": 300})
    with tempfile.TemporaryDirectory() as tmp:
        model = str(Path(tmp) / "model.crfsuite")
        trainer.train(model)
        tagger = pycrfsuite.Tagger()
        tagger.open(model)
        state = tagger.info().state_features
        tagger.close()
    weights: dict[str, float] = {}
    for (attribute, label), weight in state.items():
        weights[attribute] = weights.get(attribute, 0.0) + (weight if label == "yes" else -weight)
    bias = weights.pop("bias", 0.0)
    return ConfidenceModel({k: v for k, v in weights.items() if abs(v) >= 1e-4}, bias)


def fold_of(article: str, folds: int) -> int:
    return int(hashlib.sha256(article.encode("utf-8")).hexdigest(), 16) % folds


def sentence_f1(sentences: list[Sentence], scores: dict[str, float], kind: str, threshold: float) -> dict[str, float]:
    tp = fp = fn = 0
    for s in sentences:
        if s.kind != kind:
            continue
        hit = scores.get(s.id, 0.0) >= threshold and bool(s.examples)
        tp += s.positive and hit
        fp += (not s.positive) and hit
        fn += s.positive and not hit
    return {**prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn}


def main() -> int:
    ap = training_arguments(__doc__)
    ap.add_argument("--c2", type=float, default=3.0, help="L2 penalty (chosen by the same cross-validation)")
    ap.add_argument("--min-count", type=int, default=3, help="examples a feature must occur in to get a weight")
    ap.add_argument("--gold", type=Path, action="append", default=[],
                    help="also train on these gold folders (reviewed articles: marsad export --format gold)")
    a = ap.parse_args()
    t0 = time.perf_counter()
    sentences, digest = read_sentences(a.shared, a.sample)
    for folder in a.gold:
        extra, raw = read_gold_sentences(folder)
        sentences += extra
        digest = hashlib.sha256((digest + hashlib.sha256(raw).hexdigest()).encode()).hexdigest()
        print(f"{folder}: {len(extra)} reviewed sentences added", file=sys.stderr)
    n_examples = sum(len(s.examples) for s in sentences)
    print(f"{len(sentences)} sentences, {n_examples} examples ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)

    scores: dict[str, float] = {}
    for k in range(a.folds):
        model = train([s for s in sentences if fold_of(s.article, a.folds) != k], a.c2, a.min_count)
        for s in sentences:
            if fold_of(s.article, a.folds) == k and s.examples:
                scores[s.id] = max(model.score(f) for f in s.examples)
    table = {t: {kind: sentence_f1(sentences, scores, kind, t) for kind in KINDS} for t in [0.0, *THRESHOLDS]}
    for t, row in table.items():
        print(f"threshold {t:.2f}: " + "  ".join(
            f"{kind} P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f}" for kind, v in row.items()))
    best = max(THRESHOLDS, key=lambda t: (sum(v["f1"] for v in table[t].values()), -t))
    print(f"chosen threshold {best:.2f} (cross-validated, {a.folds} folds by article)")

    model = train(sentences, a.c2, a.min_count)
    weights_path = a.out / WEIGHTS
    rows = [("bias", model.bias), *sorted(model.weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))]
    weights_path.write_text(
        "# Event-confidence model: log-odds weights that a sentence reports the event coded from it.\n"
        "# Source: trained by scripts/train_event_confidence.py on the OEDA Arabic event gold standard\n"
        "# (development half; MIT, Open Event Data Alliance); see marsad.events.confidence.\n"
        "# columns: feature\tweight\n"
        + "".join(f"{name}\t{weight:.4f}\n" for name, weight in rows), encoding="utf-8")
    meta = {"sample": a.sample, "features_version": FEATURES_VERSION, "sentence_threshold": best, "c2": a.c2,
            "min_count": a.min_count, "folds": a.folds,
            "training_data_sha256": digest, "sentences": len(sentences), "examples": n_examples,
            "features": len(model.weights),
            "cross_validated": {"threshold_0": table[0.0], "chosen": table[best]}}
    (a.out / METADATA).write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {weights_path} ({len(rows)} weights) and {a.out / METADATA}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
