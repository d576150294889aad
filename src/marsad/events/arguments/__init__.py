"""Arguments of an event: actors (with claims), target, location and date, from its clause.

Everything here reads what earlier stages left (``doc.entities``, ``doc.actors``, ``doc.places``,
``doc.dates``) and copes with their absence: without actors a mention's own text names the actor;
without places, place mentions name the location (no coordinates); without dates, the article's
published date stands in with a lower time precision.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from marsad.document import ActorRef, Document, EventLocation
from marsad.events.arguments.dates import choose_date, is_long_before, lead_date, recalled_year
from marsad.events.arguments.index import (
    _L,
    AFFILIATION,
    PREPOSITIONS,
    DocIndex,
    Located,
    actor_ref,
    build_index,
    country_names,
    demonyms,
    folded_positions,
    is_civilian,
    is_subject_position,
)
from marsad.events.arguments.targets import (
    Restatement,
    force_before,
    names_target,
    perpetrator_named,
    restatement_marks,
    victim_force,
)
from marsad.events.spans import WORD_RE

__all__ = [
    "Actors", "DocIndex", "Located", "Restatement", "actor_ref", "build_index", "choose_actors",
    "choose_date", "choose_places", "country_location", "country_names", "demonym_actor", "demonyms",
    "folded_positions", "force_before", "is_civilian", "is_long_before", "is_subject_position", "lead_date",
    "location_of", "names_target", "perpetrator_named", "recalled_year", "restatement_marks",
    "victim_force",
]

# Words after which a name is the object of a report, not an actor of the event (قال، أفادت ...).
REPORTING = re.compile(rf"(?<!{_L})[وف]?(?:قال|قالت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|اكد|اكدت|اوضح|اوضحت|"
                       rf"نقلت|نقل|اضاف|اضافت|حسب|بحسب|وفق|وفقا|اشار|اشارت|صرح|صرحت|بيان|مصدر|مصادر)(?!{_L})")
COMPLEMENTIZER_RE = re.compile(rf"(?<!{_L})ان(?!{_L})")
NEAR_RE = re.compile(rf"(?<!{_L})[وف]?(?:ب?القرب|قرب|قريبا|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|محيط|"
                     rf"ضواحي|اطراف|مقابل|بعد|على بعد)(?!{_L})")
# Words before the group whose members or followers protest (خرج أنصار الجبهة الشعبية ...).
SUPPORTERS = frozenset({"انصار", "اعضاء", "منتسبي", "منتسبو", "نشطاء", "مناصري", "مناصرو", "عناصر",
                        "قواعد", "اتباع", "مؤيدي", "مؤيدو"})
AGENT_CATEGORIES = frozenset({"state", "armed_group", "external"})  # sides that carry out attacks
KIND_RANK = {"facility": 0, "city": 1, "region": 2, "admin1": 3, "country": 4}
# Words for the members of a group: before the verb they make the group its subject.
MEMBERS = frozenset({"عناصر", "قوات", "مسلحو", "مسلحي", "مقاتلو", "مقاتلي", "انصار", "اعضاء"})
# Words after the cue within which its target is named (سيطرت بالكامل على ميناء سرت وأحياء سكنية
# تقع في شرق المدينة بعد اشتباكات مع تنظيم داعش: 15); set on the dev articles and the ANT sample.
TARGET_WINDOW = 20
# A comma and و, or a stronger mark, starts another clause with other participants.
CLAUSE_BREAK_RE = re.compile(r"[،,]\s*و|[.:;؛!؟?]")


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
        # a force in genitive right after the noun is its author too (قصف الجيش المصري، غارات
        # التحالف); places after it are what was hit
        owners += [a for a in in_seg if not a.prefix and a.start >= anchor_end
                   and index.words_between(anchor_end, a.start) == 0 and a.actor is not None
                   and a.actor.category in AGENT_CATEGORIES]
        if owners:
            out.actor1 = min(owners, key=lambda a: a.start)
    if out.actor1 is None and protest:
        backers = [a for a in in_seg if index.word_before(a.start) in SUPPORTERS and not is_civilian(a)]
        if backers:
            out.actor1 = backers[0]
    if out.actor1 is None and verb is not None:
        v0, v1 = verb
        # "التشكيلة التابعة للجيش الوطني تبادلت": the unit's owner stands for the subject
        before = [a for a in in_seg if a.end <= v0
                  and index.words_between(a.end, v0) <= 10
                  and (is_subject_position(index, a) or index.word_before(a.start) in AFFILIATION
                       or _members_subject(index, a))
                  and not is_civilian(a)
                  and not _reporter(text, max(seg_start, a.start - 25), a.start)
                  and _same_statement(index, a.start, v0)]
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
        if index.words_between(anchor_end, a.start) > TARGET_WINDOW \
                or CLAUSE_BREAK_RE.search(text, anchor_end, a.start):
            break  # the name belongs to another clause (، وقد تم نشر عناصر الجيش)
        if out.actor1 is not None and actor_ref(a).name == actor_ref(out.actor1).name:
            continue
        if _reporter(text, max(seg_start, a.start - 25), a.start):
            continue
        out.actor2 = a
        break
    return out


def _reporter(text: str, start: int, end: int) -> bool:
    """True when a word of reporting right before ``end`` makes the name there its speaker or source.

    A name after the complementizer (قال مصدر إن "عناصر من تنظيم داعش هاجموا") is in what was
    reported, not its source.
    """
    last = max((m.end() for m in REPORTING.finditer(text, start, end)), default=None)
    return last is not None and COMPLEMENTIZER_RE.search(text, last, end) is None


def _same_statement(index: DocIndex, a: int, b: int) -> bool:
    """False when a name at ``a`` stands in a reported statement that the verb at ``b`` is outside of.

    "أكد أن "القوات الأمنية ستلاحق ..."، مشيراً إلى أن الطيران العراقي نفّذ ضربة": the forces of
    the first statement are not the subject of the second one's verb. A speaker outside the
    statement may be (أعلنت قوات حكومة الوفاق أنها سيطرت على الميناء).
    """
    return not any(q0 <= a < q1 and not q0 <= b < q1 for q0, q1 in index.quotes)


def _members_subject(index: DocIndex, item: Located) -> bool:
    """True for a group named through its members before the verb (مجموعة من عناصر تنظيم داعش هاجمت)."""
    if item.prefix:
        return False
    i = bisect_left(index.words, item.start) - 1
    word = index.word_before(item.start)
    if word == "من" and i >= 0:  # عناصر من تنظيم داعش
        word = index.word_before(index.words[i])
        i -= 1
    if word not in MEMBERS:
        return False
    before = index.word_before(index.words[i]) if i >= 0 else ""
    return before == "من" or before not in PREPOSITIONS


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
