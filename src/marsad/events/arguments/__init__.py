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

from marsad.document import ActorRef
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
from marsad.events.arguments.places import (
    capital_location,
    choose_places,
    country_location,
    lead_places,
    location_of,
    named_country,
    nationwide_in_capital,
    place_roles,
    precise_in_country,
    side_places,
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
    "Actors",
    "DocIndex",
    "Located",
    "Restatement",
    "actor_ref",
    "build_index",
    "capital_location",
    "choose_actors",
    "choose_date",
    "choose_places",
    "country_location",
    "country_names",
    "demonym_actor",
    "demonyms",
    "folded_positions",
    "force_before",
    "is_civilian",
    "is_long_before",
    "is_subject_position",
    "lead_date",
    "lead_places",
    "location_of",
    "named_country",
    "names_target",
    "nationwide_in_capital",
    "perpetrator_named",
    "place_roles",
    "precise_in_country",
    "recalled_year",
    "restatement_marks",
    "side_places",
    "victim_force",
]

# Words after which a name is the object of a report, not an actor of the event (قال، أفادت ...).
REPORTING = re.compile(rf"(?<!{_L})[وف]?(?:قال|قالت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|اكد|اكدت|اوضح|اوضحت|"
                       rf"نقلت|نقل|اضاف|اضافت|حسب|بحسب|وفق|وفقا|اشار|اشارت|صرح|صرحت|بيان|مصدر|مصادر)(?!{_L})")
COMPLEMENTIZER_RE = re.compile(rf"(?<!{_L})ان(?!{_L})")
# Words before the group whose members or followers protest (خرج أنصار الجبهة الشعبية ...).
SUPPORTERS = frozenset({"انصار", "اعضاء", "منتسبي", "منتسبو", "نشطاء", "مناصري", "مناصرو", "عناصر",
                        "قواعد", "اتباع", "مؤيدي", "مؤيدو"})
AGENT_CATEGORIES = frozenset({"state", "armed_group", "external"})  # sides that carry out attacks
# Words for the members of a group: before the verb they make the group its subject.
MEMBERS = frozenset({"عناصر", "قوات", "مسلحو", "مسلحي", "مقاتلو", "مقاتلي", "انصار", "اعضاء"})
# Words after the cue within which its target is named (سيطرت بالكامل على ميناء سرت وأحياء سكنية
# تقع في شرق المدينة بعد اشتباكات مع تنظيم داعش: 15); set on the dev articles and the ANT sample.
TARGET_WINDOW = 20
# A comma and و, or a stronger mark, starts another clause with other participants.
CLAUSE_BREAK_RE = re.compile(r"[،,]\s*و|[.:;؛!؟?]")
# Instruments whose owner carried out the act (قتل برصاص الشرطة، بنيران الجيش): the owner is actor1.
INSTRUMENT_WINDOW = 6  # words from the act to its instrument: قُتل الضابط محمود حسن برصاص الشرطة
INSTRUMENTS = frozenset({"برصاص", "برصاصه", "بنيران", "بطلقات", "بقذايف", "بصواريخ", "بغارات"})
# Heads of buildings and sites (folded): a name after them is a place that was hit, never an actor
# (المسجد النبوي الشريف، مركز الإصلاح والتأهيل).
BUILDINGS = frozenset({"مسجد", "المسجد", "جامع", "الجامع", "كنيسه", "الكنيسه", "معبد", "المعبد",
                       "مستشفي", "المستشفي", "مدرسه", "المدرسه", "فندق", "الفندق", "سجن", "السجن",
                       "مركز", "المركز", "مقر", "المقر", "متحف", "المتحف", "جامعه", "الجامعه",
                       "مطار", "المطار", "ملعب", "الملعب", "سوق", "السوق", "مبني", "المبني",
                       "منزل", "المنزل", "بيت", "ضريح", "الضريح", "مقام", "المقام"})
# Prepositions that make the name after them the side an act was aimed at (ضد الجماعات، على الشرطة).
AGAINST = frozenset({"ضد", "علي"})
# "الرجل الذي أوقف بعدما حاول تنفيذ عملية دهس ... يدعى محمد": the named man did the act.
# A relative clause about a place, with its resumptive pronoun (التي ينشط فيها، الذي يتمركز به).
PLACE_RELATIVE_RE = re.compile(rf"(?<!{_L})(?:الذي|التي)\s+{_L}+\s+(?:فيها|فيه|بها|به|منها|منه)(?!{_L})")
# Verbs of a relative clause that make its antecedent the doer of the act (الذي حاول تنفيذ، الذي هاجم).
DOER_RE = re.compile(rf"(?<!{_L})[وف]?(?:حاول|نفذ|ارتكب|هاجم|اقدم|خطط|فجر|طعن|دهس|اطلق)(?:ت|وا|ا)?(?!{_L})")
RELATIVE_RE = re.compile(rf"(?<!{_L})(?:الذي|التي|اللذين|الذين)(?!{_L})")
NAMED_RE = re.compile(rf"(?<!{_L})[وف]?(?:يدعي|تدعي|يدعون|اسمه|اسمها)(?!{_L})\s*[\"«“]?\s*$")


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
    in_seg = [a for a in index.actors if seg_start <= a.start < seg_end and not is_building(index, a)]
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
    if out.actor1 is None and verb is None:
        # قُتل شاب برصاص الشرطة: the owner of the weapon named right after a passive act did it
        owners = [a for a in in_seg if a.start >= anchor_end and index.words_between(anchor_end, a.start)
                  <= INSTRUMENT_WINDOW and index.word_before(a.start) in INSTRUMENTS and not is_civilian(a)
                  and not CLAUSE_BREAK_RE.search(text, anchor_end, a.start)]
        if owners:
            out.actor1 = owners[0]
    if out.actor1 is None:
        out.actor1 = _named_doer(index, in_seg, anchor_start, sent_start)
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
                     and is_subject_position(index, a) and not is_civilian(a)
                     and not _reporter(text, max(seg_start, a.start - 25), a.start)]
            if after:
                out.actor1 = after[0]
    hit: list[Located] = []
    for a in in_seg:
        if a.start < anchor_start or a is out.actor1:
            continue
        if index.words_between(anchor_end, a.start) > TARGET_WINDOW \
                or CLAUSE_BREAK_RE.search(text, anchor_end, a.start) \
                or COMPLEMENTIZER_RE.search(text, anchor_end, a.start) \
                or PLACE_RELATIVE_RE.search(text, anchor_end, a.start):
            # the name belongs to another clause (، وقد تم نشر عناصر الجيش), to a statement told
            # after the act (مشيراً إلى أن الشرطة أوقفت المهاجم) or to a description of the place
            # (مدينة الشيخ زويد، التي ينشط فيها متشددو تنظيم ...)
            break
        if out.actor1 is not None and actor_ref(a).name == actor_ref(out.actor1).name:
            continue
        if _reporter(text, max(seg_start, a.start - 25), a.start):
            continue
        hit.append(a)
    against = next((a for a in hit if index.word_before(a.start) in AGAINST), None)
    if against is not None and hit[0] is not against and hit[0].prefix == "ل" and out.actor1 is None \
            and not is_civilian(hit[0]):
        # "العمليات العسكرية للقوات السورية ضد الجماعات المسلحة": the لـ owner of the act did it
        out.actor1 = hit[0]
    if hit:
        out.actor2 = against or hit[0]
    return out


def is_building(index: DocIndex, item: Located) -> bool:
    """True for a name of a building or site (المسجد النبوي، مركز الإصلاح): a target, never an actor."""
    if item.mention is not None and item.mention.type == "FAC":
        return True
    first = index.folded.text[item.start:item.end].split(maxsplit=1)
    return index.word_before(item.start) in BUILDINGS or (bool(first) and first[0] in BUILDINGS)


def _named_doer(index: DocIndex, in_seg: list[Located], anchor_start: int, sent_start: int) -> Located | None:
    """A person named (يدعى X) after a relative clause that tells the act he did, else None.

    "الرجل الذي أوقف أمس بعدما حاول تنفيذ عملية دهس ...، يدعى محمد": the antecedent of الذي is the
    doer; a victim is named without a relative clause around the act (قتل شاب يدعى ...).
    """
    text = index.folded.text
    relative = max(RELATIVE_RE.finditer(text, max(sent_start, anchor_start - 80), anchor_start),
                   key=lambda m: m.start(), default=None)
    # the relative clause must make its antecedent the doer (الذي حاول تنفيذ، الذي هاجم), not the
    # victim (الشاب الذي قتل أمس ويدعى ...)
    if relative is None or DOER_RE.search(text, relative.end(), anchor_start + 12) is None:
        return None
    for a in in_seg:
        if a.start > anchor_start and a.mention is not None and a.mention.type == "PER" \
                and NAMED_RE.search(text, max(sent_start, a.start - 12), a.start) is not None:
            return a
    return None


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
