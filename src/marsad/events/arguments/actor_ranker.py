"""Choose each event's actor1 and actor2 among its candidates with a trained ranker.

The rules of the events stage (:func:`~marsad.events.arguments.choose_actors` and its helpers) give
a first choice; this module takes it as one piece of evidence among others. For each event,
:mod:`~marsad.events.arguments.actor_candidates` lists who might have acted and who was hit,
:mod:`~marsad.events.arguments.actor_features` describes each, and a conditional log-linear model
per role (weights trained by ``scripts/train_actor_ranker.py`` on the training half of the annotated
ANT articles; ``data/models/actor-ranker.tsv``: role, feature, weight) picks the best. Without the
weights file the rules' choice stands.

The chosen actor gets ACLED's English name and inter code: a lexicon actor its own, a described one
its kind's (Unidentified Armed Group (Libya) 3, Protesters (Tunisia) 6, Rioters 5, Civilians 7,
Police Forces of X 1), and the event its ``interaction``.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from marsad.document import Actor, ActorRef, Document, Event
from marsad.errors import DataFileError
from marsad.events.arguments.actor_candidates import (
    SENTENCES_AROUND,
    Candidate,
    EventFrame,
    actor_candidates,
    described_regex,
    np_kind,
)
from marsad.events.arguments.actor_features import (
    ALWAYS_EXCLUDED,
    EXCLUDED,
    FEATURES_VERSION,
    candidate_features,
    relative_features,
)
from marsad.events.arguments.index import DocIndex, country_names
from marsad.events.coding import CODES, KILLING_FORMS, PASSIVE_FORMS, interaction
from marsad.events.cues import Hit, find_cues, find_words, support_matcher
from marsad.resources import read_tsv, versioned_model
from marsad.text.normalize import fold_key

__all__ = [
    "RankerModel",
    "assign_actors",
    "document_context",
    "event_frame",
    "generic_english",
    "is_listed",
    "ranker_model",
    "register_described_actors",
    "scored_candidates",
    "softmax",
    "with_period",
]

WEIGHTS = "models/actor-ranker.tsv"
PERIODS = "actors/periods.tsv"
STATE_FORCES_RE = re.compile(r"^(?:Military|Police) Forces of (.+)$")
METADATA = "models/actor-ranker.json"
ROLES = ("actor1", "actor2")
# Verbs of arrest (folded lexicon forms): the name after one is who it took.
ARREST_VERBS = ("اعتقل", "اوقف")
# ACLED's generic actors: the English (with the country) and the inter code of a described kind.
GENERIC = {"armed": ("Unidentified Armed Group ({c})", 3), "protesters": ("Protesters ({c})", 6),
           "rioters": ("Rioters ({c})", 5), "civilians": ("Civilians ({c})", 7),
           "forces": ("Police Forces of {c}", 1), "air": ("Military Forces of {c}", 1),
           "military": ("Military Forces of {c}", 1)}
# In "fill" mode the ranker fills a role the rules left empty with any candidate but its own
# reading of the rules' choice (a named actor, one the text describes without a name, ACLED's
# default). Leaving named actors out was tried: on the validation split's gold events actor1 fell
# from 0.44 to 0.38 and on dev-mashriq from 0.35 to 0.21.
FILLERS = frozenset({"none", "described", "subject", "crowd", "default", "entity", "agent", "patient"})
# The feature of the rules' own choice: never excluded, since the rules see what the features do not
# (a perpetrator restated in the next sentence's statement: وقال مصدر إن "عناصر من تنظيم داعش هاجموا").
MARKS = {"actor1": "rule1", "actor2": "rule2"}
# What may stand for a side the rules named: another name, or for the perpetrator a description
# (مسلحون مجهولون rather than the police who told of them), for the target the phrase the act governs
# (تم إيقاف شخصين); never none, which would drop what the text says, nor for the target ACLED's
# default civilians.
KEEPS_NAMED = {"actor1": frozenset({"entity", "rule", "described", "subject", "crowd", "agent"}),
               "actor2": frozenset({"entity", "rule", "patient"})}
STATE_KINDS = frozenset({"forces", "military", "air"})
EXTERNAL = 8  # ACLED's inter code of a state's forces acting outside their country
TOP = 8  # candidates per role tried together when the two roles are chosen jointly
# A described noun phrase (the subject of نفّذ، نظّم) takes its kind from the event it carries out.
NP_KIND = {"Protests": "protesters", "Riots": "rioters"}


@dataclass(frozen=True, slots=True)
class RankerModel:
    """Feature weights of each role's log-linear ranker."""

    weights: dict[str, dict[str, float]]
    # taken off the score of "none", which stands alone against names that share the probability
    # mass; chosen by cross-validation with the weights (actor-ranker.json, none_margin)
    none_margin: dict[str, float]
    # added to the rules' choice in "ranker" mode; chosen by cross-validation (actor-ranker.json)
    rule_bonus: dict[str, float]

    def score(self, role: str, features: list[str], *, none: bool = False) -> float:
        table = self.weights.get(role, {})
        bonus = self.rule_bonus.get(role, 0.0) if ("rule1" if role == "actor1" else "rule2") in features else 0.0
        return sum(table.get(f, 0.0) for f in features) + bonus - (self.none_margin.get(role, 0.0) if none else 0.0)


@functools.cache
def ranker_model() -> RankerModel | None:
    """The packaged weights, or None when they are missing or were trained on other features."""
    packaged = versioned_model(METADATA, WEIGHTS, FEATURES_VERSION)
    if packaged is None:
        return None
    meta, rows = packaged
    weights: dict[str, dict[str, float]] = {}
    for row in rows:
        if len(row) >= 3:
            weights.setdefault(row[0], {})[row[1]] = float(row[2])
    margins = meta.get("none_margin") or {}
    bonuses = meta.get("rule_bonus") or {}
    return RankerModel(weights, {str(k): float(v) for k, v in margins.items()},
                       {str(k): float(v) for k, v in bonuses.items()})


@functools.cache
def _periods() -> dict[str, list[tuple[str, str, str]]]:
    """English country name -> [(first day, last day or "", label)] of ACLED's government periods."""
    try:
        rows = read_tsv(PERIODS)
    except DataFileError:
        return {}
    english = {iso: en for iso, (_, en) in country_names().items()}
    out: dict[str, list[tuple[str, str, str]]] = {}
    for r in rows:
        if len(r) >= 4 and r[0] in english:
            out.setdefault(english[r[0]], []).append((r[1], r[2], r[3]))
    return out


def with_period(name_en: str | None, date: str | None) -> str | None:
    """ACLED's name of a state's forces with the period of the government the event falls in.

    >>> with_period("Military Forces of Iraq", "2016-10-17")
    'Military Forces of Iraq (2014-2018)'

    Other names, names that have a period already and events dated only to a year are returned as
    they are.
    """
    if not name_en or not date or len(date) < 7 or "(" in name_en:
        return name_en
    m = STATE_FORCES_RE.match(name_en)
    if m is None:
        return name_en
    day = date if len(date) >= 10 else date[:7] + "-01"
    for first, last, label in _periods().get(m.group(1), ()):
        if first <= day and (not last or day <= last):
            return f"{name_en} ({label})"
    return name_en


def generic_english(kind: str, event_type: str, country_iso: str | None,
                    role: str = "actor1") -> tuple[str | None, int | None]:
    """ACLED's English name and inter code for a described actor of this kind, or (None, None).

    People a protest's actor1 describes (أهالي البحارة، المواطنين) are its protesters or rioters.
    """
    if kind == "np" or (kind == "civilians" and role == "actor1" and event_type in NP_KIND):
        kind = NP_KIND.get(event_type, "armed")
    if kind not in GENERIC:
        return None, None
    template, inter = GENERIC[kind]
    country = country_names().get(country_iso, ("", ""))[1] if country_iso else ""
    if not country:
        if kind in ("forces", "air", "military"):
            return None, inter
        return template.replace(" ({c})", ""), inter
    return template.format(c=country), inter


def event_frame(doc: Document, index: DocIndex, to_folded: Callable[[int], int], cues: list[Hit],
                start: int, end: int, event_type: str, sub_event_type: str,
                other_events: Sequence[tuple[int, int]] = ()) -> EventFrame:
    """The folded frame of an event whose evidence is ``doc.text[start:end]``.

    ``other_events`` are the source spans of the article's other events' evidence: a sentence that
    tells one of them is not a restatement of this one (``EventFrame.restated``).
    """
    f0, f1 = to_folded(start), to_folded(end)
    bounds = [(to_folded(s.start), to_folded(s.end)) for s in doc.sentences] or [(0, len(index.folded.text))]
    starts = [b[0] for b in bounds]
    i = max(0, bisect_right(starts, f0) - 1)
    sentence = bounds[i]
    window = (bounds[max(0, i - SENTENCES_AROUND)][0], bounds[min(len(bounds) - 1, i + SENTENCES_AROUND)][1])
    inside = [h for h in cues if f0 <= h.start < max(f1, sentence[1] if f1 <= f0 else f1)]
    # the cue of the event's own kind anchors it (القاء القبض for an arrest, not فجر of "فجر اليوم")
    strong = [h for h in inside if h.strength > 0]
    anchor = next((h for h in strong if h.kind in CODES and CODES[h.kind].sub_event_type == sub_event_type),
                  next((h for h in strong if h.kind in CODES and CODES[h.kind].event_type == event_type),
                       strong[0] if strong else inside[0] if inside else None))
    nouns = tuple((h.start, h.end) for h in cues if sentence[0] <= h.start < sentence[1] and h.pos == "N")
    killing = tuple(h.end for h in cues if sentence[0] <= h.start < sentence[1]
                    and (h.form in KILLING_FORMS or h.form in PASSIVE_FORMS))
    if anchor is None:
        return EventFrame(f0, f1, f0, f0, "", sentence, window, event_type, sub_event_type, cue_spans=nouns,
                          victim_ends=killing)
    # the cues of other kinds of act in the sentence (فجّر مسلح حزامه واعتقل مسلح ثالث): a name past
    # one of them is in that act's clause
    others = tuple((h.start, "arrested" if h.kind == "arrests" and h.form.startswith(ARREST_VERBS) else h.kind)
                   for h in cues if sentence[0] <= h.start < sentence[1] and h.strength > 0
                   and h.kind != anchor.kind)
    return EventFrame(f0, f1, anchor.start, anchor.end, anchor.pos, sentence, window, event_type,
                      sub_event_type, anchor_form=anchor.form, anchor_kind=anchor.kind, cue_spans=nouns,
                      victim_ends=killing, other_cues=others,
                      restated=_restatements(bounds, window, cues, event_type,
                                             [(to_folded(a), to_folded(b)) for a, b in other_events]))


def _restatements(bounds: list[tuple[int, int]], window: tuple[int, int], cues: list[Hit], event_type: str,
                  others: list[tuple[int, int]]) -> tuple[tuple[int, int, int, str], ...]:
    """The sentences outside ``window`` with a cue of an act of ``event_type``: (start, end, cue, pos).

    A sentence that tells another of the article's events is that event's (وكان فصيل قاصم الجبارين قد
    تبنّى إحدى الهجمات: the one attack it claimed, not the others).
    """
    out = []
    for s0, s1 in bounds:
        if window[0] <= s0 < window[1] or any(a < s1 and s0 < b for a, b in others):
            continue
        cue = next((h for h in cues if s0 <= h.start < s1 and h.strength > 0 and h.kind in CODES
                    and CODES[h.kind].event_type == event_type), None)
        if cue is not None:
            out.append((s0, s1, cue.start, cue.pos))
    return tuple(out)


def _norm(name: str) -> str:
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in fold_key(name).split())


def document_context(doc: Document, index: DocIndex) -> tuple[dict[str, int], set[str]]:
    """Mentions per normalised actor name, and the names the lead (first two sentences) gives."""
    mentions: dict[str, int] = {}
    lead: set[str] = set()
    for a in index.actors:
        name = a.actor.name if a.actor is not None else (a.mention.text if a.mention else "")
        key = _norm(name)
        mentions[key] = mentions.get(key, 0) + 1
        if a.start < index.lead_end:
            lead.add(key)
    return mentions, lead


def scored_candidates(doc: Document, index: DocIndex, frame: EventFrame, rule_refs: list[ActorRef],
                      context: tuple[dict[str, int], set[str]]) -> list[tuple[Candidate, list[str]]]:
    """The candidates of an event with their features."""
    s0, s1 = frame.sentence
    support = find_words(support_matcher(), index.folded.text, s0, s1)
    mentions, lead = context
    cands = actor_candidates(index, frame, rule_refs, doc.text)
    relative = relative_features(frame, cands)
    return [(c, candidate_features(index, frame, c, support=support, mentions=mentions, lead_names=lead) + rel)
            for c, rel in zip(cands, relative, strict=True)]


def assign_actors(doc: Document, index: DocIndex, to_folded: Callable[[int], int], events: list[Event],
                  rule_english: list[tuple[str | None, str | None]], *,
                  mode: str = "rules", cues: list[Hit] | None = None) -> list[tuple[str | None, str | None]]:
    """Choose actor1 and actor2 of each event in place; return their English names (for the notes).

    Args:
        doc: the document.
        index: its index (:func:`~marsad.events.arguments.build_index`).
        to_folded: source offset -> folded offset.
        events: the events, their actors as the rules chose them.
        rule_english: the English names of the rules' actors, per event.
        mode: "rules" keeps the rules' actors (adding their English names and the interaction);
            "fill" fills with the ranker the roles the rules left empty; "ranker" lets the ranker
            choose every role, the rules' choice being one of its features.
        cues: the event cues of the folded text, when the caller has found them already.
    """
    model = ranker_model()
    if model is None or mode == "rules" or not events:
        for event, (en1, en2) in zip(events, rule_english, strict=True):
            for ref, name_en in ((event.actor1, en1), (event.actor2, en2)):
                if ref is not None and name_en and not ref.name_en:
                    ref.name_en = with_period(name_en, event.date)
            event.interaction = interaction(event.inter1, event.inter2)
        register_described_actors(doc, events)
        return rule_english
    rules_first = mode == "fill"
    cues = cues if cues is not None else find_cues(index.folded.text)
    context = document_context(doc, index)
    out = []
    for event, (en1, en2) in zip(events, rule_english, strict=True):
        frame = event_frame(doc, index, to_folded, cues, event.evidence.start, event.evidence.end,
                            event.event_type, event.sub_event_type,
                            [(e.evidence.start, e.evidence.end) for e in events if e is not event])
        frame.rule_actor1 = event.actor1.name if event.actor1 else None
        frame.rule_actor2 = event.actor2.name if event.actor2 else None
        frame.rule_claimed = event.actor1_claimed
        frame.civilian_targeting = event.civilian_targeting
        refs = [r for r in (event.actor1, event.actor2) if r is not None]
        scored = scored_candidates(doc, index, frame, refs, context)
        country = event.location.country if event.location else None
        frame_fixed = {"actor1": event.actor1 if rules_first or event.actor1_claimed else None,
                       "actor2": event.actor2 if rules_first else None}
        options: dict[str, list[tuple[float, Candidate]]] = {}
        for role in ROLES:
            kept = frame_fixed[role]
            found = _find(scored, kept) if kept is not None else None
            if found is not None:
                options[role] = [(0.0, found)]  # the rules' choice (or a claimant) stands
                continue
            named = (event.actor1 if role == "actor1" else event.actor2) is not None
            options[role] = sorted(((model.score(role, f, none=c.source == "none"), c) for c, f in scored
                                    if (not rules_first or c.source in FILLERS)
                                    and (not EXCLUDED[role] & set(f) or MARKS[role] in f)
                                    and not ALWAYS_EXCLUDED[role] & set(f)
                                    and (not named or c.source in KEEPS_NAMED[role])),
                                   key=lambda sc: sc[0], reverse=True)[:TOP]
            if not options[role]:
                # the rules' only name is one no rule lets act (a minister as a shelling's author):
                # the side stays unnamed rather than coded wrong
                options[role] = [(0.0, scored[0][0])]
        chosen = _best_pair(options["actor1"], options["actor2"])
        english: list[str | None] = []
        for role, rule_ref, rule_en in (("actor1", event.actor1, en1), ("actor2", event.actor2, en2)):
            cand = chosen[role]
            ref, name_en, inter = _coded(doc, cand, rule_ref, rule_en, event.event_type, country,
                                         event.inter1 if role == "actor1" else event.inter2, role)
            # the notes name a described actor in words of their own ("unidentified armed men")
            english.append(name_en if cand.source in ("entity", "rule") else None)
            if ref is not None:
                ref.name_en = with_period(ref.name_en, event.date)
            if role == "actor1":
                event.actor1_claimed = event.actor1_claimed and ref is not None and rule_ref is not None \
                    and (ref.name == rule_ref.name or (ref.actor_id is not None and ref.actor_id == rule_ref.actor_id))
                event.actor1, event.inter1 = ref, inter
            else:
                event.actor2, event.inter2 = ref, inter
        event.interaction = interaction(event.inter1, event.inter2)
        out.append((english[0], english[1]))
    register_described_actors(doc, events)
    return out


# ACLED's actor for an armed side the text describes without naming it.
UNIDENTIFIED = "Unidentified"
# The generic actors (by the start of their English name) that the result lists among its actors,
# one record per article and English name. See register_described_actors for why.
LISTED_GENERIC: tuple[str, ...] = (UNIDENTIFIED,)


def is_listed(name: str, name_en: str | None) -> bool:
    """Whether an event actor coded by a description (no lexicon actor) gets an actor record.

    Only a description the lexicon knows at the head of the name (مسلحون مجهولون، انتحاري، المهاجم)
    whose generic English is of a LISTED_GENERIC kind: a free phrase in the agent's place (ثلاثة
    أشخاص، زوارق انتحارية تابعة) keeps ACLED's English on the event but gets no record.
    """
    return bool(name and name_en and name_en.startswith(LISTED_GENERIC) and _described(name))


def register_described_actors(doc: Document, events: list[Event]) -> None:
    """List the unnamed sides events code (مسلحون مجهولون، انتحاري، المهاجم) among the actors (is_listed).

    ACLED's "Unidentified Armed Group (Libya)" is an actor of its own (inter 3): the result lists it
    with its English name and inter code, and the event points to it by id, as it points to a named
    one; readers of the output (and the scorer, which reads an event actor's English through its
    ``actor_id``, taking an Unidentified actor for a text that gives no agent) find it there. One
    record per English name, as ACLED has one such actor per country (the first description its
    name, the others its aliases, each event keeping its own words); it has no entity mention.
    Every event actor keeps its generic English on its reference (``ActorRef.name_en``), listed or
    not. The gold lists no description among the entities (of the 430 described actors of the
    1,710 training articles' events, none is an entity), and the scorer reads every record as one:
    LISTED_GENERIC weighs that against the actors' figures.
    """
    taken = {a.id for a in doc.actors}
    made: dict[str, Actor] = {}
    serial = len(doc.actors)
    for event in events:
        for ref, inter in ((event.actor1, event.inter1), (event.actor2, event.inter2)):
            if ref is None or ref.actor_id is not None or not ref.name_en or not is_listed(ref.name, ref.name_en):
                continue
            actor = made.get(ref.name_en)
            if actor is None:
                serial += 1
                while f"a{serial}" in taken:
                    serial += 1
                taken.add(f"a{serial}")
                actor = Actor(id=f"a{serial}", name=ref.name, type="ORG", name_en=ref.name_en,
                              category="armed_group", inter=inter)
                made[ref.name_en] = actor
                doc.actors.append(actor)
            elif ref.name != actor.name and ref.name not in actor.aliases:
                actor.aliases.append(ref.name)
            ref.actor_id = actor.id


def _described(name: str) -> bool:
    """Whether a name opens with a description the lexicon knows (مسلحون مجهولون، انتحاري، المهاجم)."""
    key = fold_key(name)
    m = described_regex().match(key)
    return m is not None and m.start("body") == 0


def _find(scored: list[tuple[Candidate, list[str]]], ref: ActorRef) -> Candidate | None:
    """The candidate that stands for an actor the rules chose, or None."""
    return next((c for c, _ in scored if c.source != "none" and (c.name == ref.name or (
        c.actor is not None and c.actor.id == ref.actor_id))), None)


def _best_pair(first: list[tuple[float, Candidate]], second: list[tuple[float, Candidate]]) -> dict[str, Candidate]:
    """The actor1 and actor2 with the highest summed score that are not one side twice."""
    best: tuple[float, Candidate, Candidate] | None = None
    for s1, c1 in first:
        for s2, c2 in second:
            if c1.source != "none" and c2.source != "none" and (_norm(c1.name) == _norm(c2.name) or (
                    c1.actor is not None and c2.actor is not None and c1.actor.id == c2.actor.id)):
                continue
            if best is None or s1 + s2 > best[0]:
                best = (s1 + s2, c1, c2)
    if best is None:  # only when both lists hold the same single actor: it is the perpetrator
        return {"actor1": first[0][1], "actor2": Candidate(name="", source="none", kind="none")}
    return {"actor1": best[1], "actor2": best[2]}


def _coded(doc: Document, cand: Candidate, rule_ref: ActorRef | None, rule_en: str | None, event_type: str,
           country: str | None, rule_inter: int | None,
           role: str = "actor1") -> tuple[ActorRef | None, str | None, int | None]:
    """The reference, English name and inter code an event stores for a chosen candidate."""
    if cand.source == "none":
        return None, None, None
    if cand.actor is not None:
        same = rule_ref is not None and rule_ref.actor_id == cand.actor.id
        name_en = cand.actor.name_en or (rule_en if same else None)
        inter = cand.actor.inter if cand.actor.inter is not None else (rule_inter if same else None)
        return ActorRef(name=cand.name, actor_id=cand.actor.id, name_en=name_en), name_en, inter
    if rule_ref is not None and cand.name == rule_ref.name:
        actor = doc.actor(rule_ref.actor_id)
        name_en = rule_en or (actor.name_en if actor else None)
        inter = rule_inter if rule_inter is not None else (actor.inter if actor else None)
        return ActorRef(name=rule_ref.name, actor_id=rule_ref.actor_id, name_en=name_en), name_en, inter
    if cand.source == "entity":
        # a name the lexicon lacks: its head may still tell a state's forces (الشرطة في بنغلادش)
        kind = np_kind(fold_key(cand.name), 0, len(fold_key(cand.name)))
        name_en, inter = generic_english(kind, event_type, country, role) if kind in STATE_KINDS else (None, None)
        return ActorRef(name=cand.name, name_en=name_en), name_en, inter
    name_en, inter = generic_english(cand.kind, event_type, cand.country or country, role)
    if inter == 1 and cand.country and country and cand.country != country:
        inter = EXTERNAL  # الطيران الروسي over Syria
    return ActorRef(name=cand.name, name_en=name_en), name_en, inter


def softmax(scores: list[float]) -> list[float]:
    """Probabilities of candidates from their scores (used by the trainer and the tests)."""
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]
