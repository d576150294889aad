"""Who was hit and who did it, as the clause implies them; and the marks of a restated act.

Victims named by their force (جنود عراقيون) or by their rank in a group (قائد فيلق القدس) name
actor2; a clause about "the perpetrator" (منفذ الهجوم) names actor1; a definite target, a reporting
frame or "another" (هجوم آخر) tell whether a clause restates an act told before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.document import ActorRef
from marsad.events.arguments.index import (
    _L,
    AFFILIATION,
    DocIndex,
    Located,
    _country_rows,
    actor_ref,
    country_names,
    demonyms,
)
from marsad.events.spans import WORD_RE
from marsad.text.normalize import fold_key


@dataclass(frozen=True, slots=True)
class Restatement:
    """What tells that a clause reports again an act told before it (see ``merge``)."""

    framed: bool  # inside a reported statement (وقال المصدر إن "... هاجمت النقطة")
    back_ref: str | None  # the folded head of a definite target, without ال (النقطة -> نقطه)
    distinct: bool  # marked as another act (هجوم آخر، في حادث منفصل، نقطة ثانية)


# A definite target right after a verb cue, or after على/ضد (هاجمت النقطة، الهجوم على الحاجز).
DEFINITE_TARGET_RE = re.compile(rf"\s*(?:(علي|ضد)\s+)?ال({_L}{{3,}})")
# Definite words after a verb that are mostly its subject, not its target (هاجم المسلحون ...).
SUBJECT_WORDS = frozenset({"مسلحون", "مسلحين", "مهاجمون", "مهاجمين", "ارهابيون", "ارهابيين", "عناصر",
                           "قوات", "تنظيم", "جماعه", "مجموعه", "شرطه", "جيش", "امن"})
DISTINCT_RE = re.compile(
    rf"(?<!{_L})[وفب]?(?:ال)?(?:حادث|حادثه|هجوم|هجوما|عمليه|تفجير|انفجار|اعتداء|غاره|قصف|اشتباك|اشتباكات|"
    rf"كمين|واقعه|نقطه|حاجز|دوريه|موقع|مركز|قاعده|رتل|سياره)\s+(?:ال)?(?:اخر|اخري|ثان|ثانيه|جديد|جديده|"
    rf"منفصل|منفصله|مماثل|مماثله)(?!{_L})")


def restatement_marks(index: DocIndex, anchor_start: int, anchor_end: int, seg_start: int,
                      seg_end: int, verb: bool) -> Restatement:
    """The marks of a restatement in the clause of a cue (see :class:`Restatement`).

    Args:
        index: the document index.
        anchor_start: folded start of the clause's main cue.
        anchor_end: folded end of the clause's main cue.
        seg_start: folded start of the clause.
        seg_end: folded end of the clause.
        verb: the cue is a finite verb or a noun in construct, whose definite object or genitive
            is its target; after a definite noun only على/ضد introduces the target (الهجوم
            الإرهابي: an adjective).
    """
    text = index.folded.text
    framed = any(q0 <= anchor_start < q1 for q0, q1 in index.quotes)
    back_ref = None
    m = DEFINITE_TARGET_RE.match(text, anchor_end, seg_end)
    if m is not None and (verb or m.group(1)) and m.group(2) not in SUBJECT_WORDS \
            and not any(a.start == m.start(2) - 2 for a in index.actors):
        back_ref = m.group(2)
    distinct = DISTINCT_RE.search(text, seg_start, seg_end) is not None
    return Restatement(framed, back_ref, distinct)


# Victims named by their force (قُتل ثلاثة جنود عراقيين، مقتل 4 من جنود الاحتلال، إصابة شرطيين):
# the force is the target actor. The words are ACLED's two state-force kinds, with the Maghreb's
# "agents" of security (أعوان الأمن) and the Mashriq's "elements" (عناصر الشرطة).
FORCE_WORDS = {
    "army": ("جنود", "جندي", "جنديا", "جنديين", "جنديان", "الجنود", "عسكريين", "عسكريا", "العسكريين",
             "ضباط", "ضابط", "ضابطا", "ضابطين"),
    "police": ("شرطي", "شرطيا", "شرطيين", "شرطيان", "رجال الشرطه", "عناصر الشرطه", "افراد الشرطه",
               "منتسبي الشرطه", "عون امن", "عوني امن", "اعوان امن", "اعوان الامن", "رجل امن", "رجال امن",
               "رجال الامن", "عناصر الامن", "عنصر امن", "عنصري امن"),
}
FORCE_NAMES = {"army": ("الجيش", "Military Forces"), "police": ("الشرطة", "Police Forces")}
# Forms of the force's own name that an article's actor may carry (الجيش العراقي، الشرطة، الحرس الوطني).
FORCE_ACTOR_HEADS = {"army": ("الجيش", "القوات المسلحه"), "police": ("الشرطه", "الامن", "قوات الامن", "الحرس")}
_HARM = r"(?:قتل|مقتل|اصيب|اصابه|جرح|استشهد|استشهاد|اغتيال|خطف|اختطاف)\w*"
VICTIM_RE = re.compile(
    rf"(?<!{_L})[وفب]?{_HARM}(?:\s+\S+){{0,2}}?\s+(?:من\s+)?[وبل]?("
    + "|".join(sorted({w for ws in FORCE_WORDS.values() for w in ws}, key=len, reverse=True))
    + rf")(?!{_L})(?:(?:\s+{_L}+)?\s+من\s+(ال{_L}+)|\s+(ال{_L}+|{_L}+(?:يين|يون|يان)))?")
FORCE_OF = {w: kind for kind, ws in FORCE_WORDS.items() for w in ws}
# A post, vehicle or unit of a state force as what an act hit (هاجم مسلح دورية عسكرية، استهداف مدرعة
# شرطة، هجوم على ثكنة للجيش): the force is the target actor. Four words leave room for a subject and
# a time (هاجم مسلح بساطور صباح الجمعة دورية عسكرية).
_ATTACKED = r"(?:هاجم|هجوم|هجوما|استهدف|استهداف|اعتداء|اعتدي)\w*"
FORCE_POST_RE = re.compile(
    rf"(?<!{_L})[وفبل]?{_ATTACKED}(?:\s+\S+){{0,4}}?\s+(?:علي\s+)?[بل]?(?:ال)?"
    rf"(?:دوريه|دوريات|ثكنه|نقطه|حاجز|مدرعه|مدرعات|رتل|دبابه|مركز|مقر)\s+(?:تابع\w*\s+)?"
    rf"(?:لل|ال|[لب])?(عسكريه|جيش|امنيه|امن|شرطه|حرس)(?!{_L})")
POST_FORCES = {"عسكريه": "army", "جيش": "army", "امنيه": "police", "امن": "police", "شرطه": "police",
               "حرس": "police"}
# A victim named by his rank or membership in a group (لاغتيال قائد "فيلق القدس"، مقتل عناصر من
# حركة ...): the group is the target actor.
VICTIM_MEMBER_RE = re.compile(
    rf"(?<!{_L})[وفبل]?{_HARM}(?:\s+\S+)?\s+(?:قايد|زعيم|امير|قيادي|قياديين|عناصر|عنصر|مقاتلي|افراد|"
    rf"اعضاء|عضو)(?:\s+(?:في|من|ب))?\s*[\"«“]?")


def victim_force(index: DocIndex, seg_start: int, seg_end: int,
                 country: str | None) -> tuple[ActorRef, str | None, int | None] | None:
    """The state force whose members the clause says were killed, hurt or taken, as actor2.

    Returns the reference, its English name and its inter code, or None. The force is the
    article's actor of that kind (of the named country) when it has one; else the force named by
    its owner (جنود الاحتلال) or by the kind and the country (الجيش العراقي، Military Forces of Iraq).
    """
    text = index.folded.text
    for member in VICTIM_MEMBER_RE.finditer(text, seg_start, seg_end):
        group = next((a for a in index.actors if member.end() <= a.start <= member.end() + 1
                      and a.actor is not None and a.actor.type == "ORG"), None)
        if group is not None and group.actor is not None:
            return actor_ref(group), group.actor.name_en, group.actor.inter
    m = VICTIM_RE.search(text, seg_start, seg_end)
    if m is None:
        post = FORCE_POST_RE.search(text, seg_start, seg_end)
        if post is None:
            return None
        # "هاجم مسلح دورية عسكرية"، "استهداف مدرعة شرطة": the post's force (its country's)
        kind, owner, owner_start = POST_FORCES[post.group(1)], None, post.start(1)
    else:
        kind = FORCE_OF[m.group(1)]
        owner = m.group(2) or m.group(3)
        owner_start = m.start(2) if m.group(2) else m.start(3)
    iso = None
    if owner is not None:
        adj = owner[:-2] if owner.endswith(("يين", "يون", "يان")) else owner
        iso = demonyms().get(adj)
        if iso is None and not owner.startswith("ال"):
            owner = None
    if owner is not None and iso is None:
        # the owner in construct: جنود الاحتلال، عناصر الشرطة البلدية
        named = next((a for a in index.actors if a.start == owner_start), None)
        if named is not None:
            return actor_ref(named), named.actor.name_en if named.actor else None, \
                named.actor.inter if named.actor else None
        span = index.folded.to_source(owner_start, owner_start + len(owner))
        return ActorRef(name=index.folded.source[span.start:span.end], actor_id=None), None, None
    iso = iso or country
    for a in index.actors:
        actor = a.actor
        if actor is not None and actor.category == "state" and fold_key(actor.name).startswith(
                FORCE_ACTOR_HEADS[kind]) and (iso is None or actor.country in (None, iso)):
            return actor_ref(a), actor.name_en, actor.inter
    name_ar, name_en = FORCE_NAMES[kind]
    if iso is None:
        return ActorRef(name=name_ar, actor_id=None), None, 1
    country_en = country_names().get(iso, ("", iso))[1]
    row = next((r for r in _country_rows() if r[0] == iso and len(r) > 3 and r[3]), None)
    if row is not None:
        # الجيش العراقي، الشرطة العراقية: the adjective agrees with the force's name
        words = row[3].split("|")[0].split()
        name_ar = " ".join([name_ar, *("ال" + w + ("ة" if kind == "police" else "") for w in words)])
    return ActorRef(name=name_ar, actor_id=None), f"{name_en} of {country_en}", 1


# Words that introduce the name of a person described just before (وهو الطالب ...، ويدعى ...).
NAMING_RE = re.compile(rf"(?<!{_L})(?:و?هو|و?يدعي|اسمه|ويدعي)(?!{_L})")


def names_target(index: DocIndex, item: Located) -> bool:
    """True for an organisation named as what was hit or its owner (على الشرطة، تابعة للشرطة)."""
    return item.mention is not None and item.mention.type != "PER" and (
        item.prefix == "ل" or index.word_before(item.start) in ("علي", "ضد", *AFFILIATION))


def perpetrator_named(index: DocIndex, noun_start: int, anchor_end: int, seg_end: int) -> Located | None:
    """The person that a clause about the perpetrator of an act names (منفذ الهجوم).

    Either the person stands right before the agent noun, in apposition ("أنيس عامري منفذ اعتداء
    برلين"), or after the act, introduced by وهو / يدعى ("منفذ هجوم المسجد ... وهو الطالب ...").
    """
    people = [a for a in index.actors if a.mention is not None and a.mention.type == "PER"]
    for a in people:
        if a.end <= noun_start and index.words_between(a.end, noun_start) == 0:
            return a
    intro = NAMING_RE.search(index.folded.text, anchor_end, seg_end)
    if intro is None:
        return None
    return next((a for a in people if intro.end() <= a.start < seg_end
                 and index.words_between(intro.end(), a.start) <= 6), None)


# Nouns of a state's armed forces that a demonym makes that state's forces (الطيران العراقي نفّذ ...).
FORCE_NOUNS = frozenset({"الطيران", "الجيش", "القوات", "المدفعيه", "البحريه", "الطايرات", "المقاتلات"})


# A state force's vehicle as the subject of running over or shooting (سيارة أمنية دهست الشاب، سيارة
# الوحدات الأمنية دهست، مدرعة للجيش أطلقت النار): the force drove or manned it.
VEHICLE_RE = re.compile(
    rf"(?<!{_L})(?:سياره|سيارات|عربه|عربات|مدرعه|مدرعات|شاحنه|اليه|اليات)\s+(?:(?:لل|ال)?وحدات\s+)?"
    rf"(?:لل|ال)?(امنيه|امن|شرطه|عسكريه|جيش)\s+$")
VEHICLE_VERBS = re.compile(rf"[وف]?(?:دهس|صدم|اطلق|فتح)(?:ت|وا|ا)?(?!{_L})")
VEHICLE_FORCES = {"امنيه": "police", "امن": "police", "شرطه": "police", "عسكريه": "army", "جيش": "army"}


def force_before(index: DocIndex, verb_start: int) -> tuple[ActorRef, str] | None:
    """A state's forces named by a force noun and a demonym as the subject right before a verb.

    "الطيران العراقي نفّذ ضربة جوية": Military Forces of Iraq. Returns the reference (the words as
    in the text) and ACLED's English name, or None. A force's vehicle that ran someone over or
    shot (سيارة أمنية دهست) stands for the force itself (ACLED's Police or Military Forces).
    """
    text = index.folded.text
    vehicle = VEHICLE_RE.search(text, max(0, verb_start - 40), verb_start)
    if vehicle is not None and VEHICLE_VERBS.match(text, verb_start):
        name_ar, name_en = FORCE_NAMES[VEHICLE_FORCES[vehicle.group(1)]]
        return ActorRef(name=name_ar, actor_id=None), name_en
    words = [m for m in WORD_RE.finditer(text, max(0, verb_start - 40), verb_start)][-2:]
    if len(words) != 2 or words[0].group(0) not in FORCE_NOUNS or text[words[1].end():verb_start].strip():
        return None
    iso = demonyms().get(words[1].group(0))
    if iso is None:
        return None
    span = index.folded.to_source(words[0].start(), words[1].end())
    name_en = country_names().get(iso, ("", iso))[1]
    return ActorRef(name=index.folded.source[span.start:span.end], actor_id=None), f"Military Forces of {name_en}"
