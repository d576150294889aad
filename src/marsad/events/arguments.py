"""Arguments of an event: actors (with claims), target, location and date, from its clause.

Everything here reads what earlier stages left (``doc.entities``, ``doc.actors``, ``doc.places``,
``doc.dates``) and copes with their absence: without actors a mention's own text names the actor;
without places, place mentions name the location (no coordinates); without dates, the article's
published date stands in with a lower time precision.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.document import Actor, ActorRef, DateValue, Document, EventLocation, Mention, Place
from marsad.errors import DataFileError
from marsad.events.spans import WORD_RE
from marsad.resources import read_tsv
from marsad.text.normalize import FoldedText, fold_key

_L = r"[^\W\d_]"
# A word before a name that makes it an object or a circumstance, not the subject of the verb.
PREPOSITIONS = frozenset({"علي", "ضد", "في", "الي", "من", "عن", "مع", "بين", "لدي", "حسب", "وفق", "وفقا",
                          "بحسب", "قرب", "داخل", "امام", "نحو", "تجاه", "باتجاه", "استهدف", "استهدفت",
                          "استهداف", "لصالح", "عند", "منذ", "بعد", "قبل", "خلال", "مقر", "مقار", "مواقع",
                          "تجمعات", "عناصر", "قوات", "مقرات", "اعضاء", "انصار"})
# Words after which a name is the object of a report, not an actor of the event (قال، أفادت ...).
REPORTING = re.compile(rf"(?<!{_L})[وف]?(?:قال|قالت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|اكد|اكدت|اوضح|اوضحت|"
                       rf"نقلت|نقل|اضاف|اضافت|حسب|بحسب|وفق|وفقا|اشار|اشارت|صرح|صرحت|بيان|مصدر|مصادر)(?!{_L})")
NEAR_RE = re.compile(rf"(?<!{_L})[وف]?(?:ب?القرب|قرب|قريبا|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|محيط|"
                     rf"ضواحي|اطراف|مقابل|بعد|على بعد)(?!{_L})")
# Words before the group whose members or followers protest (خرج أنصار الجبهة الشعبية ...).
SUPPORTERS = frozenset({"انصار", "اعضاء", "منتسبي", "منتسبو", "نشطاء", "مناصري", "مناصرو", "عناصر",
                        "قواعد", "اتباع", "مؤيدي", "مؤيدو"})
# "وكالة أعماق التابعة لتنظيم داعش أعلنت مسؤولية ...": the group a claiming outlet belongs to.
AFFILIATION = frozenset({"التابعه", "التابع", "تابعه", "تابع", "باسم"})
CIVILIAN_CATEGORIES = frozenset({"civilians"})
# Categories that can be coded as actors of an event: media outlets are sources, not actors.
ACTOR_CATEGORIES = frozenset({"state", "armed_group", "political", "civilians", "external", "other"})
KIND_RANK = {"facility": 0, "city": 1, "region": 2, "admin1": 3, "country": 4}
HISTORICAL_DAYS = 60  # an event dated this long before publication is recalled, not reported


@dataclass(slots=True)
class Located:
    """A mention placed in folded coordinates with what it resolved to."""

    start: int
    end: int
    mention: Mention | None
    actor: Actor | None = None
    place: Place | None = None
    date: DateValue | None = None
    prefix: str = ""  # a proclitic attached in the text just before the name (ل، ب ...)


@dataclass(slots=True)
class DocIndex:
    """The document's actors, places and dates in folded coordinates, sorted by position."""

    folded: FoldedText
    actors: list[Located] = field(default_factory=list)
    places: list[Located] = field(default_factory=list)
    dates: list[Located] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    lead_end: int = 0

    def words_between(self, a: int, b: int) -> int:
        return bisect_left(self.words, b) - bisect_left(self.words, a)

    def word_before(self, pos: int) -> str:
        """The whole word that ends before ``pos`` (not the token a proclitic joins to a name)."""
        i = bisect_left(self.words, pos) - 1
        while i >= 0:
            m = WORD_RE.match(self.folded.text, self.words[i])
            if m and m.end() <= pos:
                return m.group(0)
            i -= 1
        return ""


def folded_positions(folded: FoldedText) -> Callable[[int], int]:
    """A fast ``folded.to_folded``: one linear pass instead of a binary search per offset.

    Text without deleted marks (the common case) maps to itself.
    """
    if not folded.deleted:
        return _identity
    table = [0] * (len(folded.source) + 1)
    src = 0
    for i in range(len(folded.text)):
        origin = folded.origin(i)
        while src <= origin:
            table[src] = i
            src += 1
    while src <= len(folded.source):
        table[src] = len(folded.text)
        src += 1
    return table.__getitem__


def _identity(pos: int) -> int:
    return pos


def build_index(doc: Document, folded: FoldedText, to_folded: Callable[[int], int] | None = None) -> DocIndex:
    """Place the document's mentions, places and dates in folded coordinates."""
    to_folded = to_folded or folded_positions(folded)
    index = DocIndex(folded)
    text = doc.text
    actors = {a.id: a for a in doc.actors}
    places = {p.id: p for p in doc.places}
    by_mention: dict[str, Place] = {}
    for p in doc.places:
        for mid in p.mention_ids:
            by_mention[mid] = p
    for m in doc.entities:
        s, e = to_folded(m.start), to_folded(m.end)
        prefix = text[m.start - 1] if m.start > 0 and text[m.start - 1].isalpha() else ""
        actor = actors.get(m.actor_id) if m.actor_id else None
        place = places.get(m.place_id) if m.place_id else by_mention.get(m.id)
        if place is not None:
            index.places.append(Located(s, e, m, place=place, prefix=prefix))
        elif m.type in ("GPE", "LOC", "FAC") and not doc.places:
            index.places.append(Located(s, e, m, prefix=prefix))
        if m.type in ("PER", "ORG") or (actor is not None and actor.inter is not None):
            if actor is None or actor.category in ACTOR_CATEGORIES:
                index.actors.append(Located(s, e, m, actor=actor, prefix=prefix))
    spans = doc.cache.get("place_spans")
    if isinstance(spans, dict):
        # region expressions (المحافظات الجنوبية) have spans but no mention
        known = {(p.start, p.end) for p in index.places}
        for pid, pairs in spans.items():
            place = places.get(pid)
            for start, end in pairs:
                s, e = to_folded(start), to_folded(end)
                if place is not None and (s, e) not in known:
                    index.places.append(Located(s, e, None, place=place))
    for d in doc.dates:
        if d.value:
            index.dates.append(Located(to_folded(d.start), to_folded(d.end), None, date=d))
    index.actors.sort(key=lambda x: x.start)
    index.places.sort(key=lambda x: x.start)
    index.dates.sort(key=lambda x: x.start)
    index.words = [m.start() for m in WORD_RE.finditer(folded.text)]
    if doc.sentences:
        lead = doc.sentences[: 2]
        index.lead_end = to_folded(lead[-1].end)
    return index


def actor_ref(item: Located) -> ActorRef:
    """The reference an event stores for an actor mention."""
    if item.actor is not None:
        return ActorRef(name=item.actor.name, actor_id=item.actor.id)
    assert item.mention is not None
    return ActorRef(name=item.mention.text, actor_id=None)


def is_subject_position(index: DocIndex, item: Located) -> bool:
    """True when nothing before the name makes it an object (a preposition, a proclitic ب/ل/ك)."""
    if item.prefix and item.prefix in "بلك":
        return False
    return index.word_before(item.start) not in PREPOSITIONS


def is_civilian(item: Located) -> bool:
    return item.actor is not None and item.actor.category in CIVILIAN_CATEGORIES


@dataclass(slots=True)
class Actors:
    """The actors chosen for one event."""

    actor1: Located | None = None
    actor2: Located | None = None
    claimed: bool = False
    assoc1: list[Located] = field(default_factory=list)


def choose_actors(index: DocIndex, *, seg_start: int, seg_end: int, anchor_start: int, anchor_end: int,
                  verb: tuple[int, int] | None, agent_ends: list[int], claim: tuple[int, int] | None,
                  sent_start: int, protest: bool = False, possessive_agent: bool = False) -> Actors:
    """Actor1 (perpetrator) and actor2 (target) of the event whose cue is at the anchor.

    Args:
        index: the document index.
        seg_start: folded start of the clause.
        seg_end: folded end of the clause.
        anchor_start: folded start of the main cue.
        anchor_end: folded end of the main cue.
        verb: the finite verb whose subject is the perpetrator: the cue itself when it is a verb, or
            the verb that governs a nominal cue (شن تنظيم داعش هجوماً); None when there is none
            (a name before a bare noun, قُتل فلان في هجوم, is mostly its victim).
        agent_ends: ends of agent markers (من قبل، شنه، تابعة لـ) in the clause.
        claim: span of a claim of responsibility (تبنى، أعلن مسؤوليته) in the sentence, if any.
        sent_start: folded start of the sentence.
        protest: the clause reports a protest (its actor may be named as أنصار X).
        possessive_agent: the cue is a noun of attack whose لـ complement is its author (قصف مدفعي
            لقوات النظام); after استهداف the same لـ names the owner of the target.
    """
    out = Actors()
    text = index.folded.text
    in_seg = [a for a in index.actors if seg_start <= a.start < seg_end]
    if claim is not None:
        c0, c1 = claim
        in_sent = [a for a in index.actors if sent_start <= a.start < c0 and not is_civilian(a)]
        before = [a for a in in_sent if index.words_between(a.end, c0) <= 8
                  and (is_subject_position(index, a) or index.word_before(a.start) in AFFILIATION)]
        after = [a for a in index.actors if c1 <= a.start < seg_end + 200
                 and index.words_between(c1, a.start) <= 2]
        pick = before[-1] if before else (after[0] if after else None)
        if pick is not None:
            out.actor1, out.claimed = pick, True
    if out.actor1 is None:
        for end in agent_ends:
            near = [a for a in index.actors if end <= a.start and index.words_between(end, a.start) <= 3
                    and not is_civilian(a)]
            if near:
                out.actor1 = near[0]
                break
    if out.actor1 is None and possessive_agent:
        owners = [a for a in in_seg if a.prefix == "ل" and a.start >= anchor_end
                  and index.words_between(anchor_end, a.start) <= 2 and not is_civilian(a)]
        if owners:
            out.actor1 = owners[0]
    if out.actor1 is None and protest:
        backers = [a for a in in_seg if index.word_before(a.start) in SUPPORTERS and not is_civilian(a)]
        if backers:
            out.actor1 = backers[0]
    if out.actor1 is None and verb is not None:
        v0, v1 = verb
        # "التشكيلة التابعة للجيش الوطني تبادلت": the unit's owner stands for the subject
        before = [a for a in in_seg if a.end <= v0
                  and index.words_between(a.end, v0) <= 10
                  and (is_subject_position(index, a) or index.word_before(a.start) in AFFILIATION)
                  and not is_civilian(a)
                  and not REPORTING.search(text, max(seg_start, a.start - 25), a.start)]
        if before:
            out.actor1 = before[-1]
        else:
            after = [a for a in in_seg if a.start >= v1
                     and index.words_between(v1, a.start) <= 2
                     and is_subject_position(index, a) and not is_civilian(a)]
            if after:
                out.actor1 = after[0]
    for a in in_seg:
        if a.start < anchor_start or a is out.actor1:
            continue
        if out.actor1 is not None and actor_ref(a).name == actor_ref(out.actor1).name:
            continue
        if REPORTING.search(text, max(seg_start, a.start - 25), a.start):
            continue
        out.actor2 = a
        break
    return out


def choose_places(index: DocIndex, seg_start: int, seg_end: int, anchor_start: int) -> list[Located]:
    """The places an event happened at, by ACLED's rule of the most precise place named.

    A plural report that names coordinated places (بمحافظتي بابل والمثنى) yields all of them; a
    place that only locates another (الأنبار after عين الأسد, مطار بغداد after قرب) is dropped.
    """
    cands = [p for p in index.places if seg_start <= p.start < seg_end]
    if not cands:
        return []
    text = index.folded.text
    kept: list[Located] = []
    for p in cands:
        if kept:
            prev = kept[-1]
            gap = text[prev.end:p.start]
            near = NEAR_RE.search(gap) is not None
            same_area = _same_area(prev, p)
            if (near or same_area) and _rank(p) >= _rank(prev):
                continue  # a reference point or the division of the place before it
            if same_area and _rank(p) < _rank(prev) and not near:
                kept[-1] = p  # "في الأنبار، في قاعدة عين الأسد": the base is more precise
                continue
        kept.append(p)
    after = [p for p in kept if p.start >= anchor_start]
    pool = after or kept[-1:]
    # several places only when they are coordinated (و or a comma between them)
    group = [pool[0]]
    for p in pool[1:]:
        gap = text[group[-1].end:p.start]
        if len(WORD_RE.findall(gap)) <= 4 and re.search(r"(?:^|\s)و|،|,", gap):
            group.append(p)
        else:
            break
    return group


def _rank(item: Located) -> int:
    if item.place is None:
        return 1
    return KIND_RANK.get(item.place.kind, 1)


def _same_area(a: Located, b: Located) -> bool:
    if a.place is None or b.place is None:
        return False
    if a.place.id == b.place.id:
        return True
    if b.place.kind == "country":
        return a.place.country == b.place.country
    if b.place.kind == "admin1" or a.place.kind == "admin1":
        return bool(a.place.admin1) and (a.place.admin1, a.place.country) == (b.place.admin1, b.place.country)
    return False


def location_of(item: Located | None, *, lower: bool = False) -> EventLocation | None:
    """The event location for a chosen place (``lower``: taken from the lead, one step less precise)."""
    if item is None:
        return None
    p = item.place
    if p is None:
        assert item.mention is not None
        return EventLocation(name=item.mention.text, geo_precision=3 if lower else 2)
    precision = p.geo_precision
    if p.kind in ("admin1", "region"):
        precision = max(precision, 2)
    if p.kind == "country":
        precision = 3
    if lower:
        precision = min(3, precision + 1)
    return EventLocation(name=p.name, name_en=p.name_en, admin1=p.admin1, country=p.country, lat=p.lat,
                         lon=p.lon, geo_precision=precision, place_id=p.id)


def country_location(doc: Document) -> EventLocation | None:
    """The article's country as a last-resort location (geo_precision 3)."""
    iso = doc.cache.get("country")
    if not isinstance(iso, str) or not iso:
        return None
    name_ar, name_en = country_names().get(iso, (iso, iso))
    return EventLocation(name=name_ar, name_en=name_en, country=iso, geo_precision=3)


@functools.cache
def country_names() -> dict[str, tuple[str, str]]:
    """ISO2 -> (Arabic name, English name) from the packaged country table."""
    try:
        rows = read_tsv("countries.tsv")
    except DataFileError:
        return {}
    return {r[0]: (r[4], r[3]) for r in rows if len(r) >= 5}


@functools.cache
def demonyms() -> dict[str, str]:
    """Folded demonym adjectives (feminine and masculine, with and without ال) -> ISO2."""
    out: dict[str, str] = {}
    try:
        rows = read_tsv("actors/countries.tsv")
    except DataFileError:
        return out
    for r in rows:
        if len(r) < 4:
            continue
        for adj in r[3].split("|"):
            base = fold_key(adj.strip())
            if not base:
                continue
            for form in (base, base + "ه", "ال" + base, "ال" + base + "ه"):
                out[form] = r[0]
    return out


def demonym_actor(index: DocIndex, anchor_end: int) -> tuple[ActorRef, str] | None:
    """Forces of a country named by an adjective right after a cue noun (غارة أميركية، قصف إسرائيلي).

    Returns the reference and its English name (ACLED's "Military Forces of X"), or None.
    """
    m = WORD_RE.match(index.folded.text, anchor_end + 1) if anchor_end < len(index.folded.text) else None
    if m is None or index.folded.text[anchor_end:m.start()].strip():
        return None
    iso = demonyms().get(m.group(0))
    if iso is None:
        return None
    _, name_en = country_names().get(iso, (iso, iso))
    word = index.folded.source[index.folded.origin(m.start()):index.folded.origin(m.end() - 1) + 1]
    if not word.startswith("ال"):
        word = "ال" + word
    if not word.endswith(("ة", "ه")):
        word += "ة"
    return ActorRef(name=f"القوات {word}", actor_id=None), f"Military Forces of {name_en}"


def choose_date(index: DocIndex, seg_start: int, seg_end: int, sent_start: int, sent_end: int,
                anchor: int) -> DateValue | None:
    """The date expression of the clause, else the nearest one of the sentence."""
    # a bare year (قانون المالية لسنة 2017) dates a law or a plan far more often than an event
    dates = [d for d in index.dates if d.date is not None and d.date.precision != "year"]
    in_seg = [d for d in dates if seg_start <= d.start < seg_end]
    if in_seg:
        return min(in_seg, key=lambda d: abs(d.start - anchor)).date
    in_sent = [d for d in dates if sent_start <= d.start < sent_end]
    if in_sent:
        return min(in_sent, key=lambda d: abs(d.start - anchor)).date
    return None


def recalled_year(index: DocIndex, seg_start: int, seg_end: int, published: dt.date | None) -> bool:
    """True when the clause names the past year in words (السنة الفارطة، العام الماضي).

    Such an expression dates the act to an earlier year although choose_date leaves years aside;
    a year in digits is already handled by the modality's year rule.
    """
    if published is None:
        return False
    for d in index.dates:
        v = d.date
        # "منذ 4 سنوات، قبل 12 عاماً" count back from another act; only "the year before" in
        # words dates the clause's own act
        if seg_start <= d.start < seg_end and v is not None and v.relative and v.precision == "year" \
                and v.value and v.value[:4].isdigit() and int(v.value[:4]) < published.year \
                and not any(c.isdigit() for c in v.text) and not v.text.startswith(("منذ", "قبل")):
            return True
    return False


def is_long_before(value: str | None, published: dt.date | None) -> bool:
    """True when a date value lies well before the publication date (a recalled event)."""
    if not value or published is None:
        return False
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 12
        day = int(parts[2]) if len(parts) > 2 else 28
        when = dt.date(year, month, day)
    except ValueError:
        return False
    return (published - when).days > HISTORICAL_DAYS
