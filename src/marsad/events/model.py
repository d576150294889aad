"""Model: the ACLED sub-event type a candidate sentence reports, or none, from its features.

A multinomial logistic model (maximum-entropy classification) trained by
``scripts/train_event_detector.py`` on the sentences of the train split of ``shared/data/train-ant``:
a sentence holding the evidence of a gold event is an ``event`` of its sub-event type, every other
candidate sentence (not-event sentences among them) ``none``. The weights are a readable TSV
(``data/models/event-detector.tsv``: feature, label, weight); the thresholds chosen by
cross-validation grouped by article sit beside them in ``event-detector.json``.

The article model is two softmaxes over one weight file: a detector (``none`` against ``event``)
and a typer over the sub-event types. The same format holds the sentence-mode models
(``event-assault-sentences``, ``event-protest-sentences``: detectors only), trained on the shared
GSR half by ``scripts/train_event_sentences.py`` to tell whether a sentence by itself reports an
assault or a protest.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.errors import DataFileError
from marsad.events.features import FEATURES_VERSION
from marsad.resources import read_json, read_tsv

__all__ = ["EVENT", "NONE", "Detection", "SentenceModel", "sentence_model"]

NONE = "none"
# With both labels present, the model is two: a detector (none against event, one softmax) and a
# typer over the other labels (a second softmax), each feature voting in both.
EVENT = "event"


@dataclass(frozen=True, slots=True)
class Detection:
    """What the model says of one sentence: how likely it reports an event, and of which type."""

    p_event: float  # 1 - P(none)
    sub_event_type: str  # the likeliest label other than none
    p_type: float  # its probability among the labels other than none
    probabilities: dict[str, float]


@dataclass(frozen=True, slots=True)
class SentenceModel:
    """Per feature, the weights of the labels it votes for (log-linear scores)."""

    labels: tuple[str, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]
    meta: dict[str, Any]
    # the same weights as one row per feature over all labels (0.0 for a label it has no weight for)
    rows: dict[str, tuple[float, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rows = {f: [0.0] * len(self.labels) for f in self.weights}
        for f, label_weights in self.weights.items():
            for k, w in label_weights:
                rows[f][k] += w
        object.__setattr__(self, "rows", {f: tuple(row) for f, row in rows.items()})

    def detect(self, features: list[str]) -> Detection:
        """The label distribution for a sentence with ``features`` (unknown features count 0)."""
        # most features have no weight: skip them in C (map/filter); each label's weights are
        # summed in C in the order of the features given (a 0.0 changes no sum)
        rows = [*filter(None, map(self.rows.get, features))]
        scores: list[float] = [*map(sum, zip(*rows, strict=True))] if rows else [0.0] * len(self.labels)
        if EVENT in self.labels:
            detector = [k for k, label in enumerate(self.labels) if label in (NONE, EVENT)]
            typer = [k for k, label in enumerate(self.labels) if label not in (NONE, EVENT)]
            detected = _softmax(self.labels, scores, detector)
            probs = _softmax(self.labels, scores, typer)
            p_event = detected[EVENT]
        else:
            probs = _softmax(self.labels, scores, range(len(self.labels)))
            p_event = 1.0 - probs.get(NONE, 0.0)
        typed = [(p, label) for label, p in probs.items() if label != NONE]
        p_best, best = max(typed) if typed else (0.0, NONE)
        share = p_best if EVENT in self.labels else p_best / p_event if p_event > 0 else 0.0
        return Detection(round(p_event, 6), best, share, probs)

    def threshold(self, name: str) -> float:
        """A threshold stored beside the weights (chosen by the training script's cross-validation)."""
        value = self.meta.get("thresholds", {}).get(name)
        if not isinstance(value, (int, float)):
            raise DataFileError(f"the event model has no threshold {name!r}: rerun its training script")
        return float(value)


def _softmax(labels: tuple[str, ...], scores: list[float], among: Iterable[int]) -> dict[str, float]:
    ks = list(among)
    if not ks:
        return {}
    top = max(scores[k] for k in ks)
    exps = {labels[k]: math.exp(scores[k] - top) for k in ks}
    total = sum(exps.values())
    return {label: e / total for label, e in exps.items()}


def read_model(rows: list[tuple[str, ...]], meta: dict[str, Any]) -> SentenceModel:
    """Build a model from weight rows (feature, label, weight) and its metadata."""
    labels: list[str] = list(meta.get("labels", []))
    index = {label: k for k, label in enumerate(labels)}
    weights: dict[str, list[tuple[int, float]]] = {}
    for row in rows:
        feature, label, weight = row[0], row[1], float(row[2])
        if label not in index:
            raise DataFileError(f"event model weight for unknown label {label!r}")
        weights.setdefault(feature, []).append((index[label], weight))
    return SentenceModel(tuple(labels), {f: tuple(ws) for f, ws in weights.items()}, meta)


@functools.cache
def sentence_model(name: str, features_version: int = FEATURES_VERSION,
                   trainer: str = "its training script") -> SentenceModel:
    """The packaged model ``models/<name>.tsv`` with ``models/<name>.json``, loaded once. It must have been
    trained on the features the code computes (``features_version``): else it would score nonsense."""
    meta = read_json(f"models/{name}.json")
    if meta.get("features_version") != features_version:
        raise DataFileError(f"models/{name}.tsv was trained with features version {meta.get('features_version')}, "
                            f"this code computes version {features_version}: rerun {trainer}")
    return read_model([tuple(r) for r in read_tsv(f"models/{name}.tsv")], meta)
