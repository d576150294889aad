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

from marsad.events.candidates import Candidates
from marsad.events.coding import CODES
from marsad.events.model import SentenceModel

__all__ = ["PROPOSAL_MODEL", "pair_features", "propose_types"]

PROPOSAL_MODEL = "event-proposer"  # data/models/event-proposer.{tsv,json}
# sentence features joined to a type: the ones that say what happened, not how the text is laid out
JOINED_KINDS = ("w=", "s=", "b=", "cue=", "code=", "trace=", "rule=", "modality=", "support=", "toll=", "first=")
EVENT_TYPE_OF = {sub.sub_event_type: sub.event_type for sub in CODES.values()}


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
    joined = [f for f in sentence if f.startswith(JOINED_KINDS)]
    out.update(f"{sub_event_type}|{f}" for f in joined)
    out.update(f"{event_type}|{f}" for f in joined)
    out.update(f"{event_type}|{f}" for f in out.copy() if f.startswith(("cue_codes", "rule_", "no_rule")))
    return sorted(out)


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
    out: dict[int, list[tuple[float, str]]] = {}
    for i, features in sentence_features.items():
        scored = [(model.detect(pair_features(cands, i, t, features)).p_event, t) for t in types]
        scored.sort(reverse=True)
        out[i] = scored
    return out
