"""Proposals: the event types a candidate sentence reports beyond what its rule drafts code.

The rules code at most the type their strongest cue gives each clause, and only when their
modality and evidence tests let a cue through. On the train split most gold events they miss sit in
a sentence that holds a cue all the same (scripts/train_event_detector.py prints the count): the
arrest told as "تمكنت الوحدات من إيقاف"، a cache "حجز ... رصاص" coded as an attack, the second act
of a sentence (an arrest beside the attack it is about). The cue lexicon reaches them; the typing
does not.

So each candidate sentence is paired with every sub-event type the proposal model knows, and a
binary maximum-entropy model (``data/models/event-proposer.tsv``, trained with the event model by
``scripts/train_event_detector.py``) gives the probability that the sentence reports an event of
that type. Its features are the sentence's features (:mod:`~marsad.events.features`) twice over,
joined to the sub-event type and to its event type, with back-off features that do not depend on
the words: whether a cue of the sentence codes the type, with which strength, and whether the rules
drafted an event of that type, of its event type or of another. Thresholds sit beside the weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import repeat

from marsad.events.candidates import Candidates
from marsad.events.coding import CODES
from marsad.events.model import EVENT, NONE, SentenceModel

__all__ = ["PROPOSAL_MODEL", "pair_features", "propose_types"]

PROPOSAL_MODEL = "event-proposer"  # data/models/event-proposer.{tsv,json}
# sentence features joined to a type: the ones that say what happened, not how the text is laid out
JOINED_KINDS = ("w=", "s=", "b=", "cue=", "code=", "trace=", "rule=", "modality=", "support=", "toll=", "first=")
# back-off features that are also joined to the event type
BACKOFF_JOINED = ("cue_codes", "rule_", "no_rule")
EVENT_TYPE_OF = {sub.sub_event_type: sub.event_type for sub in CODES.values()}


@dataclass(frozen=True, slots=True)
class _PairScorer:
    """The proposal model's weights regrouped so that a pair is scored without building its features.

    Scoring a pair from :func:`pair_features` builds two joined strings per word feature for each of
    a dozen types (most of the events stage's time); here each joined weight is looked up by the
    word feature under its type instead. ``weight`` is the log-odds of ``event`` (event less none).
    """

    plain: dict[str, float]  # features not joined to a type
    joined: dict[str, dict[str, float]]  # type or event type -> word feature -> weight of "<type>|<feature>"
    backoff: dict[str, dict[str, float]]  # event type -> back-off feature -> weight of "<event type>|<feature>"
    prefixes: tuple[str, ...]  # the keys of ``joined``
    # the same joined weights by word feature: word feature -> its weight under each of ``prefixes``
    # (0.0 where it has none). A sentence's words are looked up once each instead of once per type.
    by_feature: dict[str, tuple[float, ...]]


_SCORERS: dict[int, tuple[SentenceModel, _PairScorer]] = {}


def _pair_scorer(model: SentenceModel) -> _PairScorer:
    cached = _SCORERS.get(id(model))
    if cached is not None and cached[0] is model:
        return cached[1]
    prefixes = set(model.meta.get("types", [])) | {EVENT_TYPE_OF.get(t, t) for t in model.meta.get("types", [])}
    plain: dict[str, float] = {}
    joined: dict[str, dict[str, float]] = {}
    backoff: dict[str, dict[str, float]] = {}
    for feature, weights in model.weights.items():
        odds = sum(w if model.labels[k] == EVENT else -w if model.labels[k] == NONE else 0.0 for k, w in weights)
        head, bar, rest = feature.partition("|")
        if not bar or head not in prefixes:
            plain[feature] = odds
        elif rest.startswith(JOINED_KINDS):
            joined.setdefault(head, {})[rest] = odds
        else:
            backoff.setdefault(head, {})[rest] = odds
    heads = tuple(joined)
    word_features = {rest for table in joined.values() for rest in table}
    by_feature = {f: tuple(joined[head].get(f, 0.0) for head in heads) for f in word_features}
    scorer = _PairScorer(plain, joined, backoff, heads, by_feature)
    _SCORERS[id(model)] = (model, scorer)
    return scorer


def pair_features(cands: Candidates, i: int, sub_event_type: str, sentence: list[str]) -> list[str]:
    """The features of candidate sentence ``i`` paired with ``sub_event_type``.

    Args:
        cands: the candidates of one article.
        i: a candidate sentence (a key of ``cands.hits``).
        sub_event_type: an ACLED sub-event type.
        sentence: the sentence's own features (:func:`~marsad.events.features.sentence_features`).

    Returns:
        Feature names (``kind=value``), duplicates removed.
    """
    event_type = EVENT_TYPE_OF.get(sub_event_type, sub_event_type)
    out = _backoff(cands, i, sub_event_type, event_type)
    joined = [f for f in sentence if f.startswith(JOINED_KINDS)]
    out.update(f"{sub_event_type}|{f}" for f in joined)
    out.update(f"{event_type}|{f}" for f in joined)
    out.update(f"{event_type}|{f}" for f in out.copy() if f.startswith(BACKOFF_JOINED))
    return sorted(out)


def _backoff(cands: Candidates, i: int, sub_event_type: str, event_type: str) -> set[str]:
    """The features of a pair that do not depend on the sentence's words."""
    out = {"bias", f"T={sub_event_type}", f"E={event_type}"}
    for h in cands.hits[i]:
        sub = CODES.get(h.kind)
        if sub is None:
            continue
        if sub.sub_event_type == sub_event_type:
            out.update(("cue_codes_type", f"cue_codes_type:{h.strength}", f"cue_codes_type:{h.pos}"))
        elif sub.event_type == event_type:
            out.update(("cue_codes_event_type", f"cue_codes_event_type:{h.strength}"))
        else:
            out.add("cue_codes_other")
    drafts = cands.drafts.get(i, [])
    if not drafts:
        out.add("no_rule")
    for d in drafts:
        e = d.event
        out.add("rule_type" if e.sub_event_type == sub_event_type
                else "rule_event_type" if e.event_type == event_type else "rule_other")
    return out


def propose_types(model: SentenceModel, cands: Candidates, sentence_features: dict[int, list[str]]
                  ) -> dict[int, list[tuple[float, str]]]:
    """Per candidate sentence, each sub-event type the model knows with the probability it is reported.

    Args:
        model: the proposal model (labels ``event`` and ``none``; its ``types`` in the metadata).
        cands: the candidates of one article.
        sentence_features: the features of each candidate sentence.

    Returns:
        Sentence index -> (probability, sub-event type), likeliest first.
    """
    types: list[str] = list(model.meta.get("types", []))
    scorer = _pair_scorer(model)
    out: dict[int, list[tuple[float, str]]] = {}
    for i, features in sentence_features.items():
        # the word features' weights under every type and event type, each summed in the order of
        # the features (transposed and summed in C; a feature without weight adds 0.0 to each)
        joined = [f for f in features if f.startswith(JOINED_KINDS)]
        rows = [*filter(None, map(scorer.by_feature.get, joined))]
        words = dict(zip(scorer.prefixes, map(sum, zip(*rows, strict=True)), strict=True)) if rows else {}
        zero = repeat(0.0)
        scored = []
        for t in types:
            event_type = EVENT_TYPE_OF.get(t, t)
            backoff = _backoff(cands, i, t, event_type)
            on_event_type = scorer.backoff.get(event_type, {})
            # the back-off features alone, and joined to the event type (only those of BACKOFF_JOINED are)
            odds = words.get(t, 0.0) + words.get(event_type, 0.0) + sum(map(scorer.plain.get, backoff, zero)) \
                + sum(map(on_event_type.get, backoff, zero))
            scored.append((1.0 / (1.0 + math.exp(-odds)) if odds > -700 else 0.0, t))
        scored.sort(reverse=True)
        out[i] = scored
    return out
