"""Stage ``events``: code political violence, protests and strategic developments as ACLED would.

The flow, for one article, one module per step:

1. :mod:`~marsad.events.candidates`: the rule stack (cue lexicon, modality, coding, arguments,
   fatalities) finds the sentences that hold an event cue and proposes the events of each; most
   articles hold no cue and the stage ends there.
2. :mod:`~marsad.events.features`: each candidate sentence is described by its words and by what
   the rules know of it.
3. :mod:`~marsad.events.model`: a trained model gives each candidate sentence the ACLED sub-event
   type it reports, or none.
4. :mod:`~marsad.events.proposals`: a second trained model gives each candidate sentence, paired
   with each sub-event type, the probability that the sentence reports an event of that type.
5. :mod:`~marsad.events.combine`: the rules' events survive where the model agrees; the models'
   events that the rules missed (a type no kept draft of the sentence has) get their arguments
   from the rules' argument code (:mod:`~marsad.events.arguments`). A sentence whose cues the rules
   all vetoed gets an event when :mod:`~marsad.events.vetoed`, a small model over the vetoes and
   other abstract features, is confident that it reports one.
6. :mod:`~marsad.events.merge`: repeated reports of one event become one record;
   :mod:`~marsad.events.confidence` scores each violence or protest event (and drops those below
   ``EventsConfig.min_confidence``, 0 by default); ids follow text order. Before it,
   :mod:`~marsad.events.historical` reads each draft as today's act or a recalled one, and
   :mod:`~marsad.events.recalled` adds the past acts the article names in a noun phrase (عملية سوسة
   الإرهابية) at places no event sits at, once each, historical; then
   :mod:`~marsad.events.article_gate` judges whether the article reports an event at all, and drops
   the weak events (or all) of an article it judges eventless.
7. :mod:`~marsad.events.arguments.actor_ranker` chooses each kept event's actors among the
   candidates (``EventsConfig.actor_choice``; by default the ranker fills the roles the rules left
   empty); :mod:`~marsad.events.notes` writes the English note.

``EventsConfig.mode = "sentence"`` judges each sentence alone (as the GSR annotators did): the
sentence models of :mod:`~marsad.events.judge`, trained on the shared GSR half, decide which
sentences report an assault or a protest. ``mode = "rules"`` keeps every event of the rule stack
(the candidates alone), which is how the rules' knowledge is tested.
"""

from __future__ import annotations

from marsad.config import EventsConfig
from marsad.document import ActorRef, Document
from marsad.events.arguments import country_names, folded_positions, nationwide_in_capital
from marsad.events.arguments.actor_ranker import assign_actors
from marsad.events.arguments.place_ranker import assign_places
from marsad.events.article_gate import gate_drafts
from marsad.events.candidates import Candidates, find_candidates
from marsad.events.combine import Thresholds, choose_drafts, choose_sentence_drafts
from marsad.events.confidence import score_events
from marsad.events.fatalities import split_tolls, toll_of_type
from marsad.events.features import sentence_features
from marsad.events.historical import read_historical
from marsad.events.judge import SENTENCE_MODELS, judge_sentences
from marsad.events.merge import Draft, merge_drafts
from marsad.events.model import sentence_model
from marsad.events.notes import write_notes
from marsad.events.proposals import PROPOSAL_MODEL, propose_types
from marsad.events.recalled import recalled_drafts
from marsad.events.vetoed import vetoed_model, vetoed_probabilities

__all__ = ["ARTICLE_MODEL", "SENTENCE_MODELS", "extract_events", "record_events"]

ARTICLE_MODEL = "event-detector"  # data/models/event-detector.{tsv,json}


def extract_events(doc: Document, config: EventsConfig | None = None) -> Document:
    """Fill ``doc.events`` with the events the article reports (ids ev1, ev2 ... in text order).

    Args:
        doc: a normalized and segmented document; entities, actors, places and dates are used when
            earlier stages filled them.
        config: the ``events`` section of the configuration.

    Returns:
        The same document.
    """
    config = config or EventsConfig()
    doc.events = []
    cands = find_candidates(doc, config)
    if cands is None:
        return doc
    if config.mode == "rules":
        return record_events(cands, [d for i in sorted(cands.drafts) for d in cands.drafts[i]])
    features = {i: sentence_features(cands, i) for i in cands.hits}
    model = sentence_model(ARTICLE_MODEL)
    detections = {i: model.detect(f) for i, f in features.items()}
    if config.mode == "sentence":
        # each family's score relative to its own threshold (marsad.events.judge): 0.5 is the threshold
        drafts = choose_sentence_drafts(cands, judge_sentences(cands), 0.5, detections)
    else:
        thresholds = Thresholds(model.threshold("keep"), model.threshold("propose"), model.threshold("retype"),
                                model.threshold("keep_told"), model.threshold("pair"), model.threshold("pair_alone"),
                                model.threshold("propose_alone"), model.threshold("vetoed"),
                                model.threshold("vetoed_alone"))
        proposals = propose_types(sentence_model(PROPOSAL_MODEL), cands, features) if thresholds.pair <= 1 else None
        vetoed = vetoed_probabilities(vetoed_model(), cands) \
            if min(thresholds.vetoed, thresholds.vetoed_alone) <= 1 else None
        drafts = choose_drafts(cands, detections, thresholds, proposals, vetoed)
        # which of them the article only recalls (a learned reading of each draft)
        drafts = read_historical(cands, drafts)
        # past acts named in a noun phrase
        recalled = recalled_drafts(cands, drafts) if config.include_historical else []
        # an article judged eventless keeps no weak event (or none at all)
        drafts = gate_drafts(cands, detections, drafts, recalled)
    return record_events(cands, drafts)


def record_events(cands: Candidates, drafts: list[Draft]) -> Document:
    """Merge ``drafts`` into the document's events: one record per event, scored, numbered and noted.

    Args:
        cands: the candidates of the document the drafts come from (its index and configuration).
        drafts: the drafts that the combination let stand, in text order.

    Returns:
        The document of ``cands``.
    """
    doc, config = cands.doc, cands.config
    merged = merge_drafts(drafts)
    merged.sort(key=lambda d: d.order)
    doc.events = [d.event for d in merged]
    kept = {id(e) for e in score_events(doc, doc.events, config.min_confidence)}
    merged = [d for d in merged if id(d.event) in kept]
    home = doc.cache.get("country")
    nationwide_in_capital([d.event for d in merged], home if isinstance(home, str) and home else None)
    # the trained rankers choose each event's place and actors among candidates, the rules' choice
    # among them (the rule stack alone, mode "rules", keeps its places)
    if config.mode != "rules":
        assign_places(doc, cands.index, folded_positions(cands.folded), [d.event for d in merged])
    english = assign_actors(doc, cands.index, folded_positions(cands.folded), [d.event for d in merged],
                            [(d.actor1_en, d.actor2_en) for d in merged], mode=config.actor_choice,
                            cues=[h for i in sorted(cands.hits) for h in cands.hits[i]])
    for d, (actor1_en, actor2_en) in zip(merged, english, strict=True):
        d.actor1_en, d.actor2_en = actor1_en, actor2_en
    split_tolls([d.event for d in merged])
    doc.events = []
    for n, d in enumerate(merged, 1):
        d.event.id = f"ev{n}"
        d.event.fatalities = toll_of_type(d.event.sub_event_type, d.event.fatalities)
        country = d.event.location.country if d.event.location else None
        country_en = country_names().get(country, ("", ""))[1] if country else None
        d.event.notes = write_notes(d.event, actor1_en=d.actor1_en or _specific_english(d.event.actor1),
                                    actor2_en=d.actor2_en or _specific_english(d.event.actor2),
                                    country_en=country_en or None)
        doc.events.append(d.event)
    return doc


# ACLED's generic actors: the notes keep their own wording for these (protesters, unidentified armed men)
GENERIC_ACTORS = ("Protesters", "Rioters", "Civilians", "Unidentified")


def _specific_english(actor: ActorRef | None) -> str | None:
    """The English name an event actor was given (the ranker fills roles the rules left empty), if specific.

    "الطيران العراقي" described without a lexicon entry is "Military Forces of Iraq (2022-)" in the
    notes too; a generic description keeps the notes' own phrase.
    """
    if actor is None or not actor.name_en or actor.name_en.startswith(GENERIC_ACTORS):
        return None
    return actor.name_en
