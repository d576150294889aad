"""How sure marsad is that a sentence reports the event coded from it, rather than mentioning one.

The rules of the events stage find every clause that *could* report an act of violence or a
protest. Many such clauses only mention one: a commentary on an attack, a reference point for
another act ("since the assassination of ..."), a charge, an aggregate. Each violence or protest
event gets a confidence: a logistic model over the words, cues, modality markers and coded fields
of its sentence, trained by ``scripts/train_event_confidence.py`` on sentences that annotators
judged to report (or not) an assault or a protest (the OEDA Arabic event gold standard, development
half). The weights are a readable TSV (``data/models/event-confidence.tsv``: feature, weight).

``EventsConfig.min_confidence`` drops the events scored below it. Its default, 0, keeps them all:
the training sentences were judged alone, and their annotators did not count what ACLED codes from
an article (a claim, an attack told by a source, a recalled attack); on the dev articles the
cross-validated threshold, 0.15, loses true events (event F1 0.846 -> 0.766). That threshold, chosen
by grouped cross-validation on the training sentences, is stored beside the weights
(``event-confidence.json``, ``sentence_threshold``). For sentence-level detection, sentence mode
(:mod:`marsad.events.judge`) does better than article mode with this threshold: cross-validated on
the same GSR half, ASSAULT F1 0.68 and PROTEST 0.62 against 0.64 and 0.40.

Strategic developments (arrests, agreements, transfers of territory without fighting) are outside
what the model was trained on: they keep ``confidence`` None and are never dropped here.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from marsad.document import Document, Event
from marsad.errors import DataFileError
from marsad.events.cues import find_cues, find_words, modality_matcher, support_matcher
from marsad.events.modality import SAYING_OPENER_RE
from marsad.resources import read_json, read_tsv
from marsad.text.normalize import fold

WEIGHTS = "models/event-confidence.tsv"
METADATA = "models/event-confidence.json"
# Bumped whenever event_features() changes, so that a model trained on other features is refused.
FEATURES_VERSION = 2
# The event types the model was trained to judge (the assault and protest families of the data).
SCORED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots",
                          "Protests"})
WORD_RE = re.compile(r"[^\W\d_]+")
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """Feature weights (log-odds that the sentence reports the event) and the bias."""

    weights: dict[str, float]
    bias: float

    def score(self, features: list[str]) -> float:
        """The probability that a sentence with these features reports its event."""
        # each feature once, summed in the order given: a float sum in set order would vary in its
        # last bits with the hash seed
        z = self.bias + sum(self.weights.get(f, 0.0) for f in dict.fromkeys(features))
        return 1.0 / (1.0 + math.exp(-z))


@functools.cache
def confidence_model() -> ConfidenceModel:
    """The packaged model, loaded once."""
    meta = read_json(METADATA)
    if meta.get("features_version") != FEATURES_VERSION:
        raise DataFileError(f"{WEIGHTS} was trained with features version {meta.get('features_version')}, "
                            f"this code computes version {FEATURES_VERSION}: run scripts/train_event_confidence.py")
    weights = {row[0]: float(row[1]) for row in read_tsv(WEIGHTS)}
    return ConfidenceModel(weights, weights.pop("bias", 0.0))


def event_features(doc: Document, event: Event) -> list[str]:
    """The features of ``event`` and of the sentence that holds its evidence.

    Args:
        doc: the document after the quotes stage (quotes and dates are used when present).
        event: an event of ``doc``.

    Returns:
        Feature names (``kind=value``); the model ignores the ones it has no weight for.
    """
    start, end = _sentence_of(doc, event.evidence.start)
    sentence = fold(doc.text[start:end]).text
    evidence = fold(event.evidence.text).text
    words = WORD_RE.findall(sentence)
    fatalities = event.fatalities
    out = [f"sub={event.sub_event_type}", f"type={event.event_type}", f"historical={int(event.historical)}",
           "toll=" + ("none" if fatalities is None else "0" if fatalities == 0 else "1-2" if fatalities < 3
                      else "3+"),
           f"actor1={int(event.actor1 is not None)}", f"actor2={int(event.actor2 is not None)}",
           f"claimed={int(event.actor1_claimed)}",
           f"located={int(event.location is not None and event.location.name is not None)}",
           # where the clause stands in its sentence: the main clause of news opens it
           f"position={min(4, 5 * (event.evidence.start - start) // max(1, end - start))}",
           f"length={min(5, len(words) // 10)}",
           f"events={min(3, sum(1 for e in doc.events if start <= e.evidence.start < end))}",
           f"reported={int(SAYING_OPENER_RE.match(sentence) is not None)}",
           f"dates={min(2, sum(1 for d in doc.dates if start <= d.start < end))}"]
    quoted = [q for q in doc.quotes if q.start <= event.evidence.start < q.end]
    out.append(f"quoted={int(bool(quoted))}")
    if quoted:
        out += [f"quote_direct={int(quoted[0].direct)}", f"quote_anonymous={int(quoted[0].anonymous)}"]
    if YEAR_RE.search(sentence):
        out.append("year")
    for cue in find_cues(evidence):
        before = WORD_RE.findall(evidence[max(0, cue.start - 25):cue.start])
        out += [f"evidence_cue={cue.form}", f"evidence_cue_kind={cue.pos}{cue.strength}{int('ال' in cue.prefix)}"]
        if before:
            out.append(f"before_cue={before[-1]}")
    for cue in find_cues(sentence):
        out += [f"cue={cue.form}", f"cue_kind={cue.pos}{cue.strength}", f"cue_definite={int('ال' in cue.prefix)}"]
    for word in find_words(support_matcher(), sentence, 0, len(sentence)):
        out += [f"support={word.kind}", f"support_word={word.form}"]
    for word in find_words(modality_matcher(), sentence, 0, len(sentence)):
        out += [f"modality={word.kind}", f"modality_word={word.form}"]
    out += [f"word={w}" for w in dict.fromkeys(words)]  # once each, in text order
    if words:
        out.append(f"first={words[0]}")
    return out


def score_events(doc: Document, events: list[Event], min_confidence: float = 0.0) -> list[Event]:
    """Set ``confidence`` on the violence and protest events; return the events that reach the threshold.

    Args:
        doc: the document the events come from.
        events: the events to score (in order).
        min_confidence: the threshold; 0 keeps every event (and then a missing or outdated model
            leaves the events unscored instead of failing: how the model itself is trained).

    Returns:
        The events kept, in their order.
    """
    try:
        model = confidence_model()
    except DataFileError:
        if min_confidence == 0:
            return events  # every event is kept anyway (how the model itself is trained)
        raise
    kept = []
    for event in events:
        if event.event_type in SCORED_TYPES:
            event.confidence = round(model.score(event_features(doc, event)), 3)
            # a claim of responsibility asserts that the act took place and names who did it (ACLED
            # codes it); the annotators of the training sentences judged a claim alone not to report
            # an assault, so the model's score is not the test for it
            if event.confidence < min_confidence and not event.actor1_claimed:
                continue
        kept.append(event)
    return kept


def _sentence_of(doc: Document, offset: int) -> tuple[int, int]:
    if not doc.sentences:
        return 0, len(doc.text)
    i = max(0, bisect_right([s.start for s in doc.sentences], offset) - 1)
    return doc.sentences[i].start, doc.sentences[i].end
