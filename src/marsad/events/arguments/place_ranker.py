"""Choose each event's place among the places its article names, with a trained ranker.

The rules of the events stage (:func:`~marsad.events.arguments.choose_places` and the fallbacks of
``clause_locations``) give a first choice; this module takes it as one piece of evidence among
others. Every place the article names is a candidate (its mentions grouped by the place they
resolve to), described by where its nearest mention stands against the event's evidence (inside
it, in its sentence, the sentences around it, the lead, the dateline), the word before it (في, ب,
قرب, a place head such as مدينة), its role (a road's end, an envoy's post, a person's origin), how
precise it is, how often the article names it and how it stands to the rules' choice (the same
province, the same country, more precise). A conditional log-linear model (weights trained by
``scripts/train_event_places.py`` on the annotated ANT articles; ``data/models/place-ranker.tsv``:
feature, weight) scores them, the rules' choice with a bonus chosen by cross-validation, and the
best stands. Without the weights file the rules' choice stands.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.document import Document, Event, EventLocation
from marsad.events.arguments.index import _L, DocIndex, Located
from marsad.events.arguments.places import KIND_RANK, NEAR_RE, capital_location, location_of, place_roles
from marsad.events.spans import WORD_RE
from marsad.resources import versioned_model
from marsad.text.normalize import fold_key

__all__ = [
    "FEATURES_VERSION",
    "PlaceCandidate",
    "PlaceModel",
    "assign_places",
    "events_by_place",
    "place_candidates",
    "place_model",
]

WEIGHTS = "models/place-ranker.tsv"
METADATA = "models/place-ranker.json"
# Bumped whenever the features below change: weights trained on others are not read.
FEATURES_VERSION = 4
# Words of a kind of place before its name (folded, with ب/و/ف/ل and the article): the name is a place.
HEAD_RE = re.compile(rf"(?<!{_L})[وبفل]?(?:ال)?(?:مدينه|بلده|قريه|محافظه|ولايه|معتمديه|حي|منطقه|مخيم|"
                     rf"ضاحيه|قضاء|ناحيه|مديريه|جزيره|عاصمه|اقليم|مقاطعه)\s+$")
# The words of a preposition of place right before a name (في، داخل، عند) and of a source or goal
# (من، إلى، نحو) that tell a movement rather than where an act stands.
IN_RE = re.compile(rf"(?<!{_L})(?:في|داخل|عند|وسط|بمدينه|بولايه)\s+$")
FROM_RE = re.compile(rf"(?<!{_L})(?:من|منذ)\s+$")
TO_RE = re.compile(rf"(?<!{_L})(?:الي|نحو|باتجاه|تجاه|حتي)\s+$")
# A dateline (تونس - ...، بغداد (رويترز) -): a place at the very start of the text, then a dash, a
# colon or a bracket.
DATELINE_CHARS = 40
DATELINE_AFTER_RE = re.compile(r"^\s*(?:[-–—:(]|\()")


@dataclass(slots=True)
class PlaceCandidate:
    """One place the event may have happened at: its location and its mentions (folded)."""

    location: EventLocation | None
    mentions: list[Located] = field(default_factory=list)
    rule: bool = False
    kind: str = "unknown"


@dataclass(frozen=True, slots=True)
class PlaceModel:
    """Feature weights of the place ranker and the bonus of the rules' choice."""

    weights: dict[str, float]
    rule_bonus: float

    def score(self, features: list[str]) -> float:
        return sum(self.weights.get(f, 0.0) for f in features) + (self.rule_bonus if "rule" in features else 0.0)


@functools.cache
def place_model() -> PlaceModel | None:
    """The packaged weights, or None when they are missing or were trained on other features."""
    packaged = versioned_model(METADATA, WEIGHTS, FEATURES_VERSION)
    if packaged is None:
        return None
    meta, rows = packaged
    weights = {row[0]: float(row[1]) for row in rows if len(row) >= 2}
    return PlaceModel(weights, float(meta.get("rule_bonus") or 0.0))


def _key(location: EventLocation | None) -> str:
    if location is None:
        return "none"
    if location.place_id:
        return f"id:{location.place_id}"
    return f"name:{fold_key(location.name)}"


def _kind_of(item: Located) -> str:
    return item.place.kind if item.place is not None else "unknown"


def _rank(kind: str) -> int:
    return KIND_RANK.get(kind, 1)


def place_candidates(doc: Document, index: DocIndex, to_folded: Callable[[int], int], event: Event,
                     roles: dict[int, str] | None = None,
                     events_at: Counter[str] | None = None) -> list[tuple[PlaceCandidate, list[str]]]:
    """The event's place candidates with their features, the rules' choice first.

    ``roles`` are :func:`~marsad.events.arguments.place_roles` over the whole text, when the caller
    has them already; ``events_at`` counts the article's events the rules placed at each place
    (:func:`events_by_place`): an article mostly tells events of one place.
    """
    text = index.folded.text
    roles = roles if roles is not None else place_roles(index, 0, len(text))
    e0, e1 = to_folded(event.evidence.start), to_folded(max(event.evidence.end - 1, event.evidence.start)) + 1
    sent_starts = [to_folded(s.start) for s in doc.sentences] or [0]
    sent_ends = [to_folded(max(s.end - 1, s.start)) + 1 for s in doc.sentences] or [len(text)]
    k = max(0, bisect_right(sent_starts, e0) - 1)
    s0, s1 = sent_starts[k], sent_ends[k]
    prev0 = sent_starts[k - 1] if k > 0 else s0
    next1 = sent_ends[k + 1] if k + 1 < len(sent_ends) else s1
    first_end = sent_ends[0]
    rule_loc = event.location
    rule_key = _key(rule_loc)
    groups: dict[str, PlaceCandidate] = {}
    for item in index.places:
        loc = location_of(item)
        key = _key(loc)
        cand = groups.get(key)
        if cand is None:
            cand = groups[key] = PlaceCandidate(loc, [], False, _kind_of(item))
        cand.mentions.append(item)
    rule_cand = groups.get(rule_key)
    if rule_cand is None:
        kind = "none" if rule_loc is None else "fallback"
        rule_cand = PlaceCandidate(rule_loc, [], True, kind)
    else:
        del groups[rule_key]
        rule_cand.rule = True
        rule_cand.location = rule_loc  # as the rules coded it (a place from the lead one step less precise)
    cands = [rule_cand, *groups.values()]
    counts = sorted((len(c.mentions) for c in cands), reverse=True)
    most = counts[0] if counts else 0
    home = doc.cache.get("country")
    capital = capital_location(rule_loc.country) if rule_loc is not None and not rule_cand.mentions else None
    rule_admin = (rule_loc.admin1, rule_loc.country) if rule_loc is not None and rule_loc.admin1 else None
    rule_country = rule_loc.country if rule_loc is not None else None
    # a fallback without a mention: the country when it has no province, else a province's precision
    fallback_rank = 4 if rule_loc is not None and not rule_loc.admin1 else 2
    rule_rank = _rank(rule_cand.kind) if rule_cand.mentions else fallback_rank
    distances = [min((_distance(m, e0, e1) for m in c.mentions), default=None) for c in cands]
    known = [d for d in distances if d is not None]
    closest = min(known) if known else None
    out: list[tuple[PlaceCandidate, list[str]]] = []
    for cand, distance in zip(cands, distances, strict=True):
        f: list[str] = [f"kind={cand.kind}"]
        if cand.rule:
            f.append("rule")
            f.append(f"rule&kind={cand.kind}")
            if capital is not None and _key(cand.location) == _key(capital):
                f.append("rule=capital")  # the guide's place of a strike or protest told nationwide
        loc = cand.location
        if cand.mentions:
            nearest = min(cand.mentions, key=lambda m: _distance(m, e0, e1))
            pos = _position(nearest, e0, e1, s0, s1, prev0, next1)
            f += [f"pos={pos}", f"kind={cand.kind}&pos={pos}", f"type={event.event_type}&pos={pos}"]
            words = index.words_between(min(nearest.end, e0), max(nearest.start, e1)) if pos not in (
                "evidence",) else 0
            f.append(f"words={_bucket(words)}")
            if distance == closest:
                f += ["closest", f"closest&pos={pos}"]
            word_before, word_after = index.word_before(nearest.start), _word_after(text, nearest.end)
            if word_before:
                f.append(f"word_before={word_before}")
            if word_after:
                f.append(f"word_after={word_after}")
            before = text[max(0, nearest.start - 40):nearest.start]
            own = WORD_RE.match(text, nearest.start)
            # a name may hold its place head (مدينة القصرين)
            headed = own is not None and own.end() < nearest.end and HEAD_RE.search(f"{before} {own.group(0)} ")
            for name, pattern in (("head", HEAD_RE), ("in", IN_RE), ("from", FROM_RE), ("to", TO_RE)):
                if pattern.search(before) or (name == "head" and headed):
                    f.append(f"before={name}")
                    f.append(f"before={name}&pos={pos}")
            if nearest.prefix:
                f.append(f"prefix={nearest.prefix}")
            if NEAR_RE.search(before[-16:]):
                f.append("before=near")
            if text[nearest.end:nearest.end + 3].strip().startswith(":"):
                f.append("colon_after")
            for m in cand.mentions:
                role = roles.get(m.start)
                if role is not None and m is nearest:
                    f.append(f"role={role}")
            if any(e0 <= m.start < e1 for m in cand.mentions):
                f.append("any=evidence")
            if any(s0 <= m.start < s1 for m in cand.mentions):
                f.append("any=sentence")
            if any(m.start < first_end for m in cand.mentions):
                f.append("headline")
            if any(m.start < index.lead_end for m in cand.mentions):
                f.append("lead")
            if any(m.start < DATELINE_CHARS and DATELINE_AFTER_RE.match(text[m.end:m.end + 4])
                   for m in cand.mentions):
                f.append("dateline")
            n = len(cand.mentions)
            f.append(f"count={min(n, 4)}")
            if n == most:
                f.append("most_mentioned")
        else:
            f.append("no_mention")
        if loc is not None and not cand.rule:
            if rule_admin is not None and (loc.admin1, loc.country) == rule_admin:
                f.append("same_admin1_as_rule")
            elif rule_country and loc.country == rule_country:
                f.append("same_country_as_rule")
            else:
                f.append("other_country_than_rule")
            rank = _rank(cand.kind)
            precision = "more_precise" if rank < rule_rank else "less_precise" if rank > rule_rank else "as_precise"
            relation = f[-1]
            f += [precision, f"{relation}&{precision}", f"kind={cand.kind}&rule={rule_cand.kind}"]
            if cand.mentions:
                f.append(f"{relation}&{precision}&pos={pos}")
        if events_at is not None:
            others = events_at.get(_key(loc), 0) - (1 if cand.rule else 0)
            f.append(f"other_events_here={min(others, 2)}")
        if loc is not None and isinstance(home, str) and home:
            f.append("home_country" if loc.country == home else "abroad")
        out.append((cand, f))
    return out


def _word_after(text: str, end: int) -> str:
    m = WORD_RE.match(text, end + 1) if end < len(text) else None
    return m.group(0) if m is not None and not text[end:m.start()].strip() else ""


def _distance(item: Located, e0: int, e1: int) -> int:
    if e0 <= item.start < e1:
        return 0
    return e0 - item.end if item.end <= e0 else item.start - e1 + 1


def _position(item: Located, e0: int, e1: int, s0: int, s1: int, prev0: int, next1: int) -> str:
    if e0 <= item.start < e1:
        return "evidence"
    if s0 <= item.start < s1:
        return "sentence_before" if item.start < e0 else "sentence_after"
    if prev0 <= item.start < s0:
        return "previous_sentence"
    if s1 <= item.start < next1:
        return "next_sentence"
    return "before" if item.start < s0 else "after"


def _bucket(words: int) -> str:
    if words <= 0:
        return "0"
    if words <= 3:
        return "1-3"
    if words <= 10:
        return "4-10"
    if words <= 30:
        return "11-30"
    return "31+"


def events_by_place(events: list[Event]) -> Counter[str]:
    """How many of ``events`` stand at each place (by its gazetteer id, else its folded name)."""
    return Counter(_key(e.location) for e in events)


def assign_places(doc: Document, index: DocIndex, to_folded: Callable[[int], int], events: list[Event]) -> None:
    """Choose each event's location in place among its article's places; the rules' choice is one.

    An event that shares its evidence with another of another place (one report of coordinated
    places, بمحافظتي بابل والمثنى) keeps the rules' places: the ranker chooses one place per report.
    """
    model = place_model()
    if model is None or not events or not index.places:
        return
    spans: dict[tuple[int, int], set[str]] = {}
    for event in events:
        spans.setdefault((event.evidence.start, event.evidence.end), set()).add(_key(event.location))
    roles = place_roles(index, 0, len(index.folded.text))
    events_at = events_by_place(events)
    for event in events:
        if len(spans[(event.evidence.start, event.evidence.end)]) > 1:
            continue
        scored = place_candidates(doc, index, to_folded, event, roles, events_at)
        best = max(scored, key=lambda cf: model.score(cf[1]))[0]
        if not best.rule and best.location is not None:
            event.location = best.location

