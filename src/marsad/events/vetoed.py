"""Vetoed sentences: whether a sentence whose cues the rules all vetoed reports an event all the same.

The rules drop a cue that modality governs (a charge, a condemnation, a plan), that stands in a list
of kinds of act, or that lacks evidence (a nominal cue with no occurrence verb, toll or date). On the
training gold most events that no model reaches sit in such sentences (benchmarks/event_trace.py:
"rules dropped"), and the event models, which read the sentence's words, separate them poorly: with
a few hundred events, tens of thousands of lexical weights learn the training articles.

So these sentences get their own small model, over few abstract features that carry to unseen
articles: which veto fired and on which family of cue, the cue's aspect (perfect verb, imperfect,
verbal noun) and strength, how much evidence the rules counted, the modality markers and support
words present, where the sentence stands (headline, lead, body), whether it tells a toll, names a
place, a date or an armed actor, sits in a quotation, whether the rules kept an event elsewhere in
the article (an article the rules find eventless mostly is) and of the same family (a noun that
names it again), and the sentence's stems that stand in many training sentences (a weight only for
those: min_count of the training script). A binary maximum-entropy model
(``data/models/event-vetoed.tsv``, trained by ``scripts/train_vetoed_events.py``; its thresholds,
``vetoed`` and ``vetoed_alone``, are chosen with the event model's by
``scripts/train_event_detector.py``) gives the probability that a gold event is told there;
:func:`marsad.events.combine.choose_drafts` adds an event of the type the event model prefers among
the types the sentence's cues can code when it is high enough. The rules' vetoes are features here,
not the decision.

How often the vetoes are wrong (``scripts/train_vetoed_events.py`` prints it per veto and cue family):
on the 2,350 training articles 2,724 sentences have all their cues vetoed and 436 of them tell a gold
event; most are cues left without evidence ("live": 1,118 strategic, 618 violent, 426 protest cues,
17%, 11% and 20% of them beside a gold event of their family), then relative clauses (164 violent cues,
23%) and investigations (59 violent, 36%); calls, future and speculation are right over 90% of the time.
Out of fold (5 folds grouped by article), the model's thresholds searched on inner folds, one for all
vetoes or one per veto kind (no evidence, relative, modality), add nothing on the outer folds (events
F1 0.519 and 0.519 against 0.520 with the model off); most of the sentences it finds stand in articles
where nothing else is kept, and there (``vetoed_alone`` 0.5) it gains F1 0.520 -> 0.541 but gives 14
more of 1,327 eventless articles an event. So the packaged point leaves it off (both thresholds 1.01).
"""

from __future__ import annotations

from marsad.events.candidates import Candidates
from marsad.events.coding import CODES
from marsad.events.features import lexical_features, support_and_modality, toll_feature
from marsad.events.model import SentenceModel, sentence_model

__all__ = ["FAMILY_OF_EVENT_TYPE", "VETOED_FEATURES_VERSION", "VETOED_MODEL", "family_of_cue", "vetoed_features",
           "vetoed_model", "vetoed_probabilities"]

VETOED_MODEL = "event-vetoed"  # data/models/event-vetoed.{tsv,json}
# Bumped whenever vetoed_features() changes, so that a model trained on other features is refused.
VETOED_FEATURES_VERSION = 1
# ACLED's event types folded into the families a veto may treat alike
FAMILY_OF_EVENT_TYPE = {"Battles": "violence", "Explosions/Remote violence": "violence",
                        "Violence against civilians": "violence", "Protests": "protest", "Riots": "riot",
                        "Strategic developments": "strategic"}


def family_of_cue(kind: str) -> str:
    """The family (violence, protest, riot, strategic, other) of the sub-event a cue codes."""
    sub = CODES.get(kind)
    return FAMILY_OF_EVENT_TYPE.get(sub.event_type, "other") if sub is not None else "other"


def vetoed_features(cands: Candidates, i: int) -> list[str]:
    """The abstract features of candidate sentence ``i`` (one whose cues the rules all vetoed).

    Args:
        cands: the candidates of one article (:func:`~marsad.events.candidates.find_candidates`).
        i: a candidate sentence (a key of ``cands.hits``).

    Returns:
        Feature names (``kind=value``), duplicates removed, sorted.
    """
    text = cands.folded.text
    s0, s1 = cands.bounds[i]
    out = {"bias", "position=" + ("headline" if i == 0 else "lead" if i <= 2 else "body")}
    for row in cands.traces.get(i, ()):
        if row == "question":
            out.add("veto=question")
        elif row.startswith("evidence="):
            kind, _, score = row.removeprefix("evidence=").rpartition(":")
            out.update((f"evidence={min(int(score), 3)}", f"evidence={min(int(score), 3)}|{family_of_cue(kind)}"))
        elif row.count(":") == 2:
            kind, reason, alive = row.split(":")
            veto = "live" if alive == "1" else reason
            out.update((f"veto={veto}", f"veto={veto}|{family_of_cue(kind)}", f"veto={veto}|{kind}"))
    for h in cands.hits[i]:
        family = family_of_cue(h.kind)
        out.update((f"code={h.kind}", f"family={family}", f"aspect={h.pos}", f"aspect={h.pos}|{family}",
                    f"strength={h.strength}", f"definite={int('ال' in h.prefix)}|{h.pos}"))
        if "س" in h.prefix and h.pos == "I":
            out.add("future_prefix")
    support, markers = support_and_modality(cands, i)
    out.update(f"support={w.kind}" for w in support)
    out.update(f"modality={w.kind}" for w in markers)
    out.add(toll_feature(text, s0, s1))
    index = cands.index
    for p in index.places:
        if s0 <= p.start < s1 and p.place is not None:
            out.add("place=country" if p.place.kind == "country" else "place=local")
    for d in index.dates:
        if s0 <= d.start < s1 and d.date is not None:
            out.add("date=relative" if d.date.relative else f"date={d.date.precision}")
    for a in index.actors:
        if s0 <= a.start < s1 and a.actor is not None:
            out.add(f"actor={a.actor.category}")
            if a.actor.inter is not None:
                out.add(f"actor_inter={a.actor.inter}")
    if any(q0 <= s0 < q1 or s0 <= q0 < s1 for q0, q1 in index.quotes):
        out.add("quoted")
    kept = sum(1 for j, drafts in cands.drafts.items() if j != i and drafts)
    out.add(f"article_drafts={min(kept, 2)}")
    # a cue of a family the rules drafted in another sentence mostly names that event again
    families = {family_of_cue(h.kind) for h in cands.hits[i]}
    drafted = {FAMILY_OF_EVENT_TYPE.get(d.event.event_type, "other")
               for j, drafts in cands.drafts.items() if j != i for d in drafts}
    out.add(f"family_drafted_elsewhere={int(bool(families & drafted))}")
    out.add(f"drafted_before={int(any(drafts for j, drafts in cands.drafts.items() if j < i))}")
    # the sentence's stems: the training script gives a weight only to those of many sentences
    out.update(f for f in lexical_features(text, s0, s1) if f.startswith("s="))
    out.add(f"article_cue_sentences={min(len(cands.hits), 6) // 2}")
    return sorted(out)


def vetoed_model() -> SentenceModel:
    """The packaged model ``models/event-vetoed.tsv`` with its metadata, loaded once."""
    return sentence_model(VETOED_MODEL, VETOED_FEATURES_VERSION, "scripts/train_vetoed_events.py")


def vetoed_probabilities(model: SentenceModel, cands: Candidates) -> dict[int, float]:
    """Per candidate sentence whose cues the rules all vetoed, the probability that it reports an event.

    Args:
        model: the vetoed-sentence model (labels ``event`` and ``none``).
        cands: the candidates of one article.

    Returns:
        Sentence index -> probability; sentences with a rule draft are not scored.
    """
    return {i: model.detect(vetoed_features(cands, i)).p_event for i in sorted(cands.hits)
            if not cands.drafts.get(i)}
