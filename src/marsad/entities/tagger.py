"""The statistical tagger: the CRF trained by scripts/train_ner.py, loaded once, applied per sentence."""

from __future__ import annotations

import functools
from importlib.resources import as_file

import pycrfsuite

from marsad.entities.features import FEATURES_VERSION, FeatureCache
from marsad.entities.lexicons import load_lexicons
from marsad.errors import DataFileError
from marsad.resources import data_path, read_json, read_text

MODEL = "models/ner-crf.crfsuite"
METADATA = "models/ner-crf.json"
# the attributes the model has weights for, one a line (written by scripts/train_ner.py)
ATTRIBUTES = "models/ner-crf.attributes"


class Tagger:
    """A loaded CRF model with its feature cache."""

    def __init__(self) -> None:
        meta = read_json(METADATA)
        if meta.get("features_version") != FEATURES_VERSION:
            raise DataFileError(f"{MODEL} was trained with features version {meta.get('features_version')}, "
                                f"this code computes version {FEATURES_VERSION}: run scripts/train_ner.py")
        # the model's labels -> marsad types (metadata "labels"); a label mapped to null, MISC
        # (events, products, nationalities), is no entity here
        self.labels: dict[str, str] = {k: v for k, v in (meta.get("labels") or {}).items() if v}
        self._tagger = pycrfsuite.Tagger()
        # crfsuite opens a file path; in an installed package the model is a real file already
        with as_file(data_path(MODEL)) as path:
            if not path.exists():
                raise DataFileError(f"data file {MODEL!r} is not installed (expected {path})")
            self._tagger.open(str(path))
        try:
            known: frozenset[str] | None = frozenset(read_text(ATTRIBUTES).splitlines())
        except DataFileError:
            known = None  # slower, same tags
        self.features = FeatureCache(load_lexicons(), known)

    def tag(self, words: list[str], hints: list[str] | None = None) -> list[tuple[str, float]]:
        """The model's tag of each token of one sentence with its marginal probability.

        ``hints`` are the IOB tags of the rule candidates over the same tokens (a feature).
        """
        if not words:
            return []
        crf = self._tagger
        tags = crf.tag(self.features.encoded_sequence(words, hints))
        return list(zip(tags, map(crf.marginal, tags, range(len(tags))), strict=True))

    def spans(self, words: list[str], hints: list[str] | None = None) -> list[tuple[int, int, str, float]]:
        """(first token, end token, type, confidence) of each entity the model finds in one sentence.

        The confidence is the lowest marginal probability the model gives the span's tags.
        """
        return spans_of(self.tag(words, hints), self.labels)


def spans_of(tagged: list[tuple[str, float]], labels: dict[str, str]) -> list[tuple[int, int, str, float]]:
    """Entity spans of a tagged sentence (see :meth:`Tagger.tag`), labels mapped to marsad types."""
    out: list[tuple[int, int, str, float]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*(t for t, _ in tagged), "O"]):
        label = tag[2:] if tag != "O" else ""
        if start >= 0 and (tag == "O" or tag.startswith("B-") or label != kind):
            etype = labels.get(kind)
            if etype is not None:
                out.append((start, i, etype, min(m for _, m in tagged[start:i])))
            start = -1
        if tag != "O" and start < 0:
            start, kind = i, label
    return out


@functools.cache
def tagger() -> Tagger:
    """The shared tagger, loaded on first use."""
    return Tagger()
