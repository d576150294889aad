"""Combination: the model's verdict on each candidate sentence decides which drafts become events.

Article mode (ACLED coding of a whole article, the default): a sentence's rule drafts survive only
when the model gives the sentence an event probability of at least ``keep`` (``keep_told`` when a
finite verb tells the act, the rules' strongest evidence); below it they may only fill an event
kept before them. Where the rules found no event, the model proposes one when its probability of
an event of a type that a cue of the sentence can code reaches ``propose`` (``propose_alone`` in an
article where nothing else stands); its arguments come from the rules' argument code. A
surviving draft whose event type differs from the model's is retyped when the model is sure of its
type (``retype``). The thresholds are chosen by cross-validation
grouped by article on the train split (``scripts/train_event_detector.py``).

Sentence mode (each sentence judged alone, as the GSR annotators did): the sentence model gives
each sentence the probability that it reports an assault and a protest; a family's events survive
in a sentence above the threshold, and such a sentence without one gets one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from marsad.events.candidates import CODE_OF_SUB_TYPE, Candidates, forced_drafts
from marsad.events.coding import CODES
from marsad.events.merge import Draft
from marsad.events.model import Detection

__all__ = ["FAMILIES", "Thresholds", "choose_drafts", "choose_sentence_drafts", "family_of"]

FAMILIES = ("assault", "protest")
ASSAULT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# the type a sentence of a family gets when the rules coded none of that family
FAMILY_DEFAULT = {"assault": "Attack", "protest": "Peaceful protest"}


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Where the model's verdict keeps, proposes and retypes drafts."""

    keep: float  # the event probability (1 - P(none)) at which rule drafts stand
    propose: float  # P(event) x P(type | event) at which the model's own event is added
    retype: float  # P(type | event) at which a draft of another event type is retyped
    keep_told: float = 0.0  # ``keep`` for a sentence whose finite verb of violence or protest tells the act
    # the proposal model's probability (marsad.events.proposals) at which a type no kept draft of the
    # sentence has is added (above 1: no proposals)
    pair: float = 1.01
    pair_alone: float = 1.01  # ``pair`` in an article where no draft of the rules or the detector stands
    # ``propose`` in such an article: most articles of a news stream report no event, and a sentence
    # whose cues the rules all vetoed (a nominal cue with little evidence, an arrest of no stated
    # political weight) reports one far more often in an article where another report stands
    propose_alone: float = 1.01
    # the vetoed-sentence model's probability (marsad.events.vetoed) at which a sentence whose cues the
    # rules all vetoed gets the event the detector types it with (above 1: never); ``vetoed_alone`` in
    # an article where nothing else stands
    vetoed: float = 1.01
    vetoed_alone: float = 1.01


def family_of(event_type: str, sub_event_type: str) -> str | None:
    """The GSR family of a type (shared/eval/score_gsr.py's test): assault, protest or None."""
    if event_type in ASSAULT_TYPES or sub_event_type == "Mob violence":
        return "assault"
    if event_type == "Protests" or sub_event_type == "Violent demonstration":
        return "protest"
    return None


def _retyped(draft: Draft, sub_event_type: str) -> Draft:
    sub = CODES[CODE_OF_SUB_TYPE[sub_event_type]]
    event = replace(draft.event, event_type=sub.event_type, sub_event_type=sub.sub_event_type,
                    disorder_type=sub.disorder_type, plover=sub.plover,
                    civilian_targeting=sub.event_type == "Violence against civilians" or (
                        draft.event.civilian_targeting and sub.disorder_type == "Political violence"))
    return replace(draft, event=event)


def choose_drafts(cands: Candidates, detections: dict[int, Detection], thresholds: Thresholds,
                  proposals: dict[int, list[tuple[float, str]]] | None = None,
                  vetoed: dict[int, float] | None = None) -> list[Draft]:
    """The drafts of ``cands`` that the model's ``detections`` (one per candidate sentence) let stand.

    Args:
        cands: the candidates of one article.
        detections: the model's verdict on each candidate sentence (keys of ``cands.hits``).
        thresholds: where the verdict keeps, proposes and retypes drafts.
        proposals: per candidate sentence, the proposal model's (probability, sub-event type)
            pairs (:func:`~marsad.events.proposals.propose_types`); a type at ``thresholds.pair``
            or above whose event type no kept draft of the sentence has adds an event of it.
        vetoed: per candidate sentence whose cues the rules all vetoed, the vetoed-sentence model's
            probability that it reports an event (:func:`~marsad.events.vetoed.vetoed_probabilities`):
            at ``thresholds.vetoed`` (``vetoed_alone`` in an article where nothing else stands) or
            above, the sentence gets the event of the type the detector prefers among those its cues
            can code, as at ``propose``. (Letting it alone decide those sentences, instead of
            ``propose`` and ``pair``, scored lower in the cross-validation.)

    Returns:
        The drafts, sentence by sentence in text order.
    """
    out: list[Draft] = []
    proposed: list[tuple[int, int, float, list[Draft]]] = []
    # the detector's own events where the rules drafted none: (at, probability, sub-event type)
    typed: list[tuple[int, int, float, str]] = []
    for i in sorted(cands.hits):
        det = detections[i]
        drafts = cands.drafts.get(i, [])
        start = len(out)
        own = _choose_sentence(cands, i, det, drafts, thresholds, out)
        if own is not None:
            typed.append((len(out), i, *own))
        if proposals:
            kept = {_kind(d.event.event_type, d.event.sub_event_type) for d in out[start:] if not d.needs_twin}
            for p, sub_event_type in proposals.get(i, []):
                kind = _kind(CODES[CODE_OF_SUB_TYPE[sub_event_type]].event_type, sub_event_type)
                if p < thresholds.pair or kind in kept:
                    continue
                # one event per kind and sentence: the likeliest type of the kind comes first
                kept.add(kind)
                proposed.append((len(out), i, p, forced_drafts(cands, i, sub_event_type)))
    # the rules and the detector judge whether the article reports political violence at all (most
    # of a news stream does not): in an article where they kept nothing, a proposal must be surer
    alone = not any(not d.needs_twin for d in out)
    vetoed_at = thresholds.vetoed_alone if alone else thresholds.vetoed
    # a sentence whose cues the rules all vetoed gets the detector's event when the detector or the
    # vetoed-sentence model is sure enough of it
    insert = [(at, i, 0, 0, forced_drafts(cands, i, sub_event_type)) for at, i, p, sub_event_type in typed
              if p >= (thresholds.propose_alone if alone else thresholds.propose)
              or (vetoed is not None and vetoed.get(i, 0.0) >= vetoed_at)]
    # one event per kind and sentence: the detector's own event comes before a proposal of its kind
    told = {(i, _kind(d.event.event_type, d.event.sub_event_type)) for _, i, _, _, drafts in insert for d in drafts}
    insert += [(at, i, 1, n, drafts) for n, (at, i, p, drafts) in enumerate(proposed)
               if p >= (thresholds.pair_alone if alone else thresholds.pair)
               and not any((i, _kind(d.event.event_type, d.event.sub_event_type)) in told for d in drafts)]
    # in text order: per sentence the detector's event, then the proposal model's in their order;
    # inserted from the last, so that each position stays valid and ties keep that order
    for at, _i, _rank, _n, drafts in sorted(insert, key=lambda x: x[:4], reverse=True):
        out[at:at] = drafts
    return out


def _kind(event_type: str, sub_event_type: str) -> str:
    """What one sentence reports at most once: an event type, or a strategic development's own sub-type.

    The sub-types of a violent or protest type are ways of telling one act (a clash, an attack), but
    strategic developments gather unrelated acts (an arrest and the cache it found are two events).
    """
    return sub_event_type if event_type == "Strategic developments" else event_type


def _choose_sentence(cands: Candidates, i: int, det: Detection, drafts: list[Draft], thresholds: Thresholds,
                     out: list[Draft]) -> tuple[float, str] | None:
    """Add to ``out`` the drafts of sentence ``i`` that the detector's verdict ``det`` lets stand.

    Returns the detector's own event of a sentence the rules drafted nothing for (its probability
    and sub-event type), for :func:`choose_drafts` to add by ``propose`` or ``propose_alone``.
    """
    if drafts:
        told = any(h.strength >= 2 for h in cands.hits[i])
        if det.p_event < (thresholds.keep_told if told else thresholds.keep):
            # a report the model rejects may still restate an event kept before it (its
            # perpetrator, its toll): it fills that event when merging finds it one, else it
            # is dropped (marsad.events.merge, needs_twin)
            out.extend(replace(d, needs_twin=True) for d in drafts)
            return None
        for d in drafts:
            if det.p_type >= thresholds.retype and d.event.event_type != \
                    CODES[CODE_OF_SUB_TYPE[det.sub_event_type]].event_type:
                d = _retyped(d, det.sub_event_type)
            out.append(d)
        return None
    # the model proposes a type that one of the sentence's cues can code (the lexicon's
    # knowledge), when it is sure enough that the sentence reports an event of that type
    allowed = {CODES[h.kind].sub_event_type for h in cands.hits[i] if h.kind in CODES}
    typed = [(p, t) for t, p in det.probabilities.items() if t in allowed]
    if not typed:
        return None
    p_type, sub_event_type = max(typed)
    return det.p_event * p_type, sub_event_type


def choose_sentence_drafts(cands: Candidates, family_scores: dict[int, dict[str, float]], threshold: float,
                           detections: dict[int, Detection]) -> list[Draft]:
    """Sentence mode: a sentence reports an assault (a protest) when its score reaches ``threshold``.

    Args:
        cands: the candidates of one article.
        family_scores: per candidate sentence, the sentence model's probability of each family.
        threshold: the sentence threshold (chosen by cross-validation on the shared GSR half).
        detections: the article model's verdicts, which type the events of other kinds and the
            assaults the rules did not code.

    Returns:
        The drafts, sentence by sentence in text order.
    """
    out: list[Draft] = []
    for i in sorted(cands.hits):
        drafts = cands.drafts.get(i, [])
        scores = family_scores[i]
        for family in FAMILIES:
            own = [d for d in drafts if family_of(d.event.event_type, d.event.sub_event_type) == family]
            if scores.get(family, 0.0) < threshold:
                continue
            if not own:
                det = detections[i]
                typed = [(p, t) for t, p in det.probabilities.items()
                         if t in CODE_OF_SUB_TYPE and family_of(CODES[CODE_OF_SUB_TYPE[t]].event_type, t) == family]
                sub_type = max(typed)[1] if typed else FAMILY_DEFAULT[family]
                own = forced_drafts(cands, i, sub_type)[:1]
            # the sentence, read alone, reports the act: its event stands even where the rules read
            # it as going on about an act told before (وأدت العملية إلى مقتل 17 شخصاً), which merging
            # drops when no earlier sentence told one; a twin found before still absorbs it
            out.extend(replace(d, needs_twin=False) for d in own)
        out.extend(d for d in drafts if family_of(d.event.event_type, d.event.sub_event_type) is None
                   and detections[i].p_event >= 0.5)
    return out
