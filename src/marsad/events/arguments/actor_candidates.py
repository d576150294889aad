"""Candidates for an event's actor1 and actor2: who might have done it, and to whom.

For one event (its evidence span and its cue), the candidates are

- the named actors (entity mentions resolved or not) of its sentence and the sentences around it;
- unnamed actors the text describes (مسلحون مجهولون، انتحاري، المحتجين، المارة), found by the
  head words of ``data/events/described.tsv`` followed by the modifiers listed there;
- the noun phrase after a verb of carrying out (نفّذ الأطباء وقفة احتجاجية): the subject of the act;
- the noun phrase after a passive verb or a noun of the act (source "patient": تم إيقاف شخصين،
  الهجوم على مكاتب المخابرات), who was hit or taken;
- the noun phrase in the agent's place, whatever the act (source "agent"): the subject of the
  event's verb or of a verb of managing or carrying out (تمكنت الوحدات العسكرية من ...، نفذ عدد من
  التلاميذ ...), and the phrase after a marker of the agent (من قبل، على أيدي، قامت بها); the head
  of the phrase gives its kind (``data/events/force-heads.tsv``: a state's forces);
- ACLED's defaults when the text gives no description: civilians for the victims of an attack (and
  of a bombing whose sentence counts the dead), protesters for a protest;
- the object after an active verb and its subject, and after a verb of targeting (اعتقلت السلطات
  40 شخصا، تفجيرين استهدفا زوارا شيعة): who was hit or taken (source "patient");
- for a protest, a counted crowd anywhere in its sentence (عدد كبير من الأطباء) and the phrase that
  opens a headline-like sentence (أطباء سوسة في إضراب مفتوح);
- the article's actors named or described outside the sentences around the event, when its
  sentence points back to one (التنظيم، تبنّاها): ``far`` candidates, one per actor;
- the rules' own choices (marsad.events.arguments.choose_actors), which may name a force by its
  adjective (غارة أميركية) rather than by a mention;
- none: the text gives no agent at all.

:mod:`~marsad.events.arguments.actor_features` describes each one and
:mod:`~marsad.events.arguments.actor_ranker` chooses among them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad.document import Actor, ActorRef
from marsad.errors import DataFileError
from marsad.events.arguments import BUILDINGS, is_building
from marsad.events.arguments.index import DocIndex, Located, demonyms
from marsad.events.coding import KILLING_FORMS, PASSIVE_FORMS
from marsad.resources import read_tsv
from marsad.text.normalize import FoldedText, fold_key

__all__ = ["Candidate", "EventFrame", "actor_candidates", "described_regex"]

DESCRIBED = "events/described.tsv"
FORCE_HEADS = "events/force-heads.tsv"
MILITARY_WORD_RE = re.compile(r"عسكري|جيش|جنود")
_L = r"[^\W\d_]"
# The proclitics a described head may carry; ال is part of the description, و ف ب ل ك are not.
PROCLITIC_RE = r"(?P<pfx>[وف]?(?:[بلك](?=ال)|لل(?!ل)|[بلك](?!ال))?)"
# Words that end the noun phrase after a verb of carrying out (نفذ الأطباء وقفة): prepositions,
# particles and the words of the act itself.
NP_STOP = frozenset({"في", "من", "علي", "الي", "عن", "مع", "ضد", "امام", "قرب", "بعد", "قبل", "خلال",
                     "يوم", "اليوم", "امس", "صباح", "مساء", "ان", "انه", "الذي", "التي", "الذين", "و",
                     "وقفه", "وقفات", "اضرابا", "اضراب", "اعتصاما", "اعتصام", "مسيره", "مسيرات",
                     "هجوما", "هجمات", "عمليه", "تحركات", "تحركا", "احتجاجا", "احتجاجيه", "لدي", "عند",
                     "خاصه", "حول", "بين", "منذ", "اثر", "علي خلفيه", "خلفيه", "بسبب", "ضمن", "كافه", "بكافه"})
# Verbs of carrying out whose subject is the actor of the act they govern.
CARRY_OUT_RE = re.compile(
    rf"(?<!{_L})[وف]?(?:نفذ|ينفذ|تنفذ|ينفذون|نظم|ينظم|تنظم|ينظمون|شن|يشن|تشن|دخل|يدخل|تدخل|يدخلون|"
    rf"خرج|يخرج|تخرج|يخرجون|قام|يقوم|تقوم|يقومون|اقدم|يقدم|تظاهر|يتظاهر|تجمع|يتجمع|اعتصم|يعتصم|"
    rf"احتج|يحتج|تحتج|تعتصم|تتظاهر|اضرب|يضرب|تضرب|هاجم|يهاجم|اقتحم|يقتحم|واصل|يواصل|تواصل|يواصلون|حمل|يحمل|يحملون)(?:ت|وا|ا|ن)?"
    rf"(?:ه|ها|هم)?(?!{_L})")
# Nouns of a protest whose genitive names the crowd (اعتصامات المدرسين، إضراب أعوان الصحة).
PROTEST_NOUN_RE = re.compile(
    rf"(?<!{_L})[وفبل]?(?:ال|لل)?(?:اضراب|اضرابات|اعتصام|اعتصامات|احتجاج|احتجاجات|تحركات|وقفه|وقفات|مسيره|"
    rf"مسيرات|مظاهره|مظاهرات|تظاهره|تنفيذ|دخول)(?!{_L})")
# Words after a protest noun that qualify it, not the crowd's name (إضراب عام، إضراب الجوع).
PROTEST_QUALIFIERS = frozenset({"عام", "عاما", "العام", "احتجاجيه", "احتجاجي", "سلميه", "سلمي", "مفتوح",
                                "مفتوحا", "الجوع", "جوع", "حضوري", "حضوريا", "جهوي", "جهويا", "قطاعي",
                                "قطاعيا", "احتجاجا", "تضامنا", "تنديدا", "للمطالبه", "عن"})
# A complementizer whose clause may open with the crowd (أن أعوان النظافة ... ينفذون وقفة).
THAT_RE = re.compile(rf"(?<!{_L})[وف]?(?:ان|بان)(?!{_L})")
NEXT_WORD_RE = re.compile(rf"\s*({_L}+)")
WORD_START_RE = re.compile(rf"(?<!{_L}){_L}")
NP_BEFORE_RE = re.compile(rf"(?<!{_L})((?:ال{_L}+|{_L}+\s+ال{_L}+)(?:\s+ال{_L}+)?)\s+")
# Time words between a verb and its subject (نفّذ صباح اليوم الجمعة 31 مارس، أعوان النظافة ...).
TIME_RE = re.compile(
    r"(?:[\s،,]*(?:اليوم|امس|يوم|صباح|مساء|ليله|ظهر|عشيه|فجر|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|"
    r"الجمعه|السبت|الماضي|المنقضي|الجاري|اول|\d+|جانفي|فيفري|مارس|افريل|ماي|جوان|جويليه|اوت|سبتمبر|"
    r"اكتوبر|نوفمبر|ديسمبر|يناير|فبراير|ابريل|مايو|يونيو|يوليو|اغسطس)(?![^\W\d_]))+[\s،,]*")
# A present or future verb of a plural subject (يواصلون، سيواصلون، ستنفذ): no part of a noun phrase.
VERB_FORM_RE = re.compile(rf"^(?:س[يتن]{_L}{{2,}}|[يت]{_L}{{2,}}ون)$")
# Words that open no noun phrase of a crowd: pronouns, quantities, particles (أنه، هناك، بعض).
NOT_CROWD = frozenset({"ه", "ها", "هم", "هناك", "هذا", "هذه", "ذلك", "تلك", "بعض", "كل", "عدد", "عددا", "لا",
                       "لم", "لن", "قد", "تم", "يتم", "سيتم", "كان", "كانت", "هو", "هي"})
SENTENCES_AROUND = 1
# Actors named outside the sentences around an event are offered only when its sentence points back
# to one (التنظيم، تبنّاها). Offered to every event, they raised the cross-validated actor1 more
# (gold actor1 among the candidates 851 of 973 rather than 805) but the ranker then named the
# article's actor for events whose text gives no agent (the reference article's attacks on Ain
# al-Asad coded to the coalition they hit; dev actor1 0.80 -> 0.75).
FAR_NEEDS_ANAPHOR = True  # sentences before and after the event's own that may name its actors
# Verbs whose subject is the one who acts, whatever the act (تمكنت الوحدات العسكرية من ...، عمد أعوان
# النظام إلى إطلاق النار): the subject of the event's own verb cue is found the same way. Verbs of
# announcing are not among them: their subject is as often the one who reports (أعلن مسؤولون أن ...)
# and taking them lowered the cross-validated actor1.
ABLE_RE = re.compile(
    rf"(?<!{_L})[وف]?(?:تمكن|يتمكن|نجح|ينجح|عمد|يعمد|باشر|يباشر|شرع|يشرع|حاول|يحاول|تولي|يتولي|"
    rf"تبني|يتبني|اقدم|يقدم)(?:ت|وا|ا|ن)?(?!{_L})")
# Markers of the agent of a passive or nominal act (من قبل مجهولين، على أيدي مسلحين) and verbs whose
# pronoun points back to the act (العملية التي قامت بها الولايات المتحدة، الإضراب الذي ينفذه المفروزون).
AGENT_MARKER_RE = re.compile(
    rf"(?<!{_L})(?:من\s+قبل|من\s+طرف|علي\s+يد|علي\s+ايدي|علي\s+يدي|بايدي|بيد)(?!{_L})|"
    rf"(?<!{_L})[وف]?(?:قام|قامت|يقوم|تقوم)\s+(?:به|بها|بهما|بهم)(?!{_L})|"
    rf"(?<!{_L})[وف]?(?:نفذ|ينفذ|تنفذ|نفذت|تبني|تبنت|يتبني|تتبني|شن|شنت|يشن|تشن|نظم|نظمت|ينظم|تنظم)"
    rf"(?:ه|ها|هما|هم)(?!{_L})")
# A preposition with a pronoun after a verb (قامت بها، نفذه): the agent follows it, it is none.
PRONOUN_OBJECTS = frozenset({"به", "بها", "بهما", "بهم", "له", "لها", "لهما", "لهم", "فيه", "فيها", "عليه", "عليها"})
# A count before the people an act hit or took (قُتل 13 جنديا، اعتقال 40 شخصا), and the prepositions
# after a noun of the act before its object (الهجوم على مكاتب المخابرات).
NUMBER_RE = re.compile(r"(?:\d+|(?:علي|ضد)(?![^\W\d_]))\s+")
# Heads of a place or a thing an act hit (قاعدة عسكرية، مخبأ، سيارة): the phrase after the act is no
# side of it; its people are (folded forms).
SITES = frozenset(w.removeprefix("ال") for w in BUILDINGS) | {
    "قاعده", "قواعد", "موقع", "مواقع", "ثكنه", "نقطه", "حاجز", "مخيم", "منطقه", "مدينه", "قريه", "بلده", "حي",
    "مخبا", "مخابي", "معسكر", "مستودع", "مخزن", "منشاه", "ميناء", "سياره", "حافله", "شاحنه", "طايره",
    # a force's patrol, armour or convoy that was hit names its force (the rules' choice), and a
    # market or a shop no side at all: the object of the act is what was hit (its target)
    "دوريه", "دوريات", "مدرعه", "مدرعات", "رتل", "ارتال", "قافله", "موكب", "سوق", "اسواق", "محل", "متجر"}
ADJECTIVE_END_RE = re.compile(r"(?:يه|ي|يا|يين|يون)$")
# A count or a quantity word before the people it counts, anywhere in a sentence (عدد من، قرابة 59 ألف من).
COUNTED_RE = re.compile(rf"(?<!{_L})[وفب]?(?:(?:اكثر|حوالي|نحو|قرابه|زهاء)\s+(?:من\s+)?)?"
                        rf"(?:عدد|عددا|مجموعه|العشرات|عشرات|مئات|المئات|الاف|الالاف|مئه|مائه|الف|\d+)"
                        rf"(?:\s+(?:كبير|كبيرا|قليل|هام|هاما|محدود|غفير|غفيره))?(?:\s+من)?\s+(?:\d+\s+)?")
# Described heads that are also adjectives of a noun of the act (هجوم مسلح، عملية إرهابية، تفجير انتحاري).
ACT_ADJECTIVES = frozenset({"مسلح", "مسلحه", "المسلح", "المسلحه", "ارهابي", "ارهابيه", "الارهابي",
                            "الارهابيه", "انتحاري", "انتحاريه", "الانتحاري", "الانتحاريه"})
# A group recalled by its bare head or a pronoun of the act (التنظيم، الحركة، تبنّاها): the event's
# sentence points back to an actor the article named before.
ANAPHOR_RE = re.compile(r"(?<![^\W\d_])[وفبل]?(?:ال|لل)(?:تنظيم|جماعه|حركه|حزب|فصيل|ميليشيا|مليشيا|كتيبه|"
                        r"جبهه|تحالف|تنظيمات|جماعات)(?![^\W\d_])|"
                        r"(?<![^\W\d_])[وف]?(?:تبنا|تبنت|تبني|يتبني|نفذ|نفذت|شن|شنت)(?:ه|ها|هما)(?![^\W\d_])")
# Verbs of targeting: who or what they hit follows (تفجيرين استهدفا زوارا شيعة، الهجوم الذي استهدف حفلا).
TARGETING_RE = re.compile(rf"(?<!{_L})[وف]?(?:استهدف|يستهدف|تستهدف|طال|طالت|يطال|تطال|استهدفت|استهدفا|"
                          rf"استهدفتا|استهدفوا)(?!{_L})")
# Words of quantity before a crowd (عدد من الصحفيين، عشرات المحتجين): the crowd is what follows.
QUANTITY_RE = re.compile(
    r"(?:(?:اكثر|حوالي|نحو|قرابه|زهاء|قرابه)\s+(?:من\s+)?)?"
    r"(?:عدد|عددا|مجموعه|مجموعات|العشرات|عشرات|مئات|المئات|الاف|الالاف|بعض|جمع|جموع|حشد|حشود|مئه|مائه|الف)"
    r"(?:\s+(?:كبير|كبيرا|قليل|هام|هاما|محدود|غفير|غفيره))?(?:\s+من)?\s+(?:\d+\s+)?")
# Event types whose victims ACLED codes as civilians when the text does not describe them.
# (an explosion or a strike only when the rules judged that it hit civilians: not a strike on a hideout).
DEFAULT_CIVILIANS = frozenset({"Violence against civilians", "Riots"})
# Where the text counts people killed or hurt by a bombing or shelling without naming them (قتل 14
# شخصا في انفجار), ACLED's victims are civilians too: the default is offered and the ranker weighs it.
DEFAULT_CIVILIANS_IF_HIT = frozenset({"Explosions/Remote violence"})


@dataclass(slots=True)
class EventFrame:
    """Where an event is told, in folded coordinates."""

    start: int  # evidence start
    end: int  # evidence end
    anchor: int  # start of its main cue
    anchor_end: int
    anchor_pos: str  # V, I, N or "" when no cue was found
    sentence: tuple[int, int]
    window: tuple[int, int]  # the sentences around it
    event_type: str
    sub_event_type: str
    anchor_form: str = ""  # the cue's folded lexicon form
    anchor_kind: str = ""  # the cue's sub-event code
    civilian_targeting: bool = False  # the rules judged that the act hit civilians
    cue_spans: tuple[tuple[int, int], ...] = ()  # the nominal cues of the sentence (هجوم مسلح، تفجير)
    # ends of the sentence's verbs of killing and passive attack (قُتل، اغتيل): a person named right
    # after one is its victim
    victim_ends: tuple[int, ...] = ()
    other_cues: tuple[tuple[int, str], ...] = ()  # (start, kind) of the sentence's cues of another kind of act
    # the sentences outside the window that tell an act of the event's own type again (the lead's
    # "دهست شاحنة المارة" restated later as "وكان سائق الشاحنة ..."): (start, end, cue start, cue pos)
    restated: tuple[tuple[int, int, int, str], ...] = ()
    rule_actor1: str | None = None
    rule_actor2: str | None = None
    rule_claimed: bool = False


@dataclass(slots=True)
class Candidate:
    """One possible actor of an event."""

    name: str  # as the event codes it: the actor's canonical name, or the description as written
    source: str  # entity | described | subject | crowd | agent | patient | default | rule | none
    kind: str  # actor category, or the described kind (armed, protesters, rioters, civilians, forces)
    start: int = -1  # folded span of the mention (-1 when the candidate has none)
    end: int = -1
    actor: Actor | None = None
    located: Located | None = None
    prefix: str = ""
    ref: ActorRef | None = None  # the rules' reference, for source "rule"
    country: str | None = None  # ISO2 a country adjective of the description gives (الطيران الروسي)
    via: str = ""  # for source "agent": what put the phrase in the agent's place (verb, able, marker, carry)
    far: bool = False  # named or described outside the sentences around the event (the article's actor)
    # for a far candidate in a sentence that restates the act: that sentence's cue (start, pos)
    restated: tuple[int, str] | None = None


@functools.cache
def described_kinds() -> dict[str, str]:
    """Folded described heads (and modifiers, kind "modifier") -> kind."""
    try:
        rows = read_tsv(DESCRIBED)
    except DataFileError:
        return {}
    out: dict[str, str] = {}
    for r in rows:
        if len(r) >= 2:
            key = fold_key(r[0])
            if r[1] == "modifier":
                out.setdefault("~" + key, "modifier")
            else:
                out.setdefault(head_key(key), r[1])
    return out


@functools.cache
def _original_heads() -> tuple[str, ...]:
    """The described heads as the lexicon writes them, folded (ال of later words kept)."""
    try:
        rows = read_tsv(DESCRIBED)
    except DataFileError:
        return ()
    return tuple(fold_key(r[0]) for r in rows if len(r) >= 2 and r[1] != "modifier")


def head_key(head: str) -> str:
    """A described head as the lexicon keys it: one space, no ال on its later words."""
    words = head.split()
    return " ".join(words[:1] + [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words[1:]])


@functools.cache
def described_regex() -> re.Pattern[str]:
    """One pattern for a described head with up to three modifiers after it."""
    kinds = described_kinds()
    heads = sorted((k for k in kinds if not k.startswith("~")), key=len, reverse=True)
    heads = sorted(set(heads) | set(_original_heads()), key=len, reverse=True)
    mods = sorted({k[1:] for k in kinds if k.startswith("~")} | set(demonyms()), key=len, reverse=True)
    # "جهات أمنية" also reads "الجهات الأمنية": the later words of a head may take ال as well
    head = "|".join(re.escape(h).replace(r"\ ", r"\s+(?:ال)?") for h in heads)
    mod = "|".join(re.escape(m) for m in mods)
    return re.compile(rf"(?<!{_L}){PROCLITIC_RE}(?P<body>(?:ال)?(?P<head>{head})"
                      rf"(?:\s+(?:ال)?(?:{mod})){{0,3}})(?!{_L})")


@functools.cache
def force_heads() -> dict[str, str]:
    """Folded head words of a state's forces (data/events/force-heads.tsv) -> forces or military."""
    try:
        rows = read_tsv(FORCE_HEADS)
    except DataFileError:
        return {}
    return {fold_key(r[0]): r[1] for r in rows if len(r) >= 2}


def np_kind(text: str, start: int, end: int) -> str:
    """The kind of a noun phrase from its head: a described one's (مسلحون مجهولون: armed), a state's
    forces (الفرقة المختصة: forces; الوحدات العسكرية، جنود: military), or "np"."""
    m = described_regex().match(text, start, end)
    if m is not None and m.start("body") == start:
        return described_kinds().get(head_key(m.group("head")), "np")
    words = text[start:end].split()
    if not words:
        return "np"
    head = words[0][2:] if words[0].startswith("ال") and len(words[0]) > 4 else words[0]
    kind = force_heads().get(head, "np")
    if kind == "forces" and any(MILITARY_WORD_RE.search(w) for w in words[1:]):
        return "military"  # الوحدات العسكرية، قوات الجيش
    return kind


def actor_candidates(index: DocIndex, frame: EventFrame, rule_refs: list[ActorRef],
                     source_text: str) -> list[Candidate]:
    """Every candidate actor of the event told at ``frame`` (the "none" candidate first)."""
    folded = index.folded
    text = folded.text
    w0, w1 = frame.window
    out = [Candidate(name="", source="none", kind="none")]
    fullest = index.fullest if index.fullest is not None else fullest_forms(index)
    index.fullest = fullest
    for a in index.actors:
        if a.start >= w1:
            break
        if a.start < w0 or is_building(index, a):
            continue  # a building or site that was hit (المسجد النبوي) is a target, never an actor
        name = fullest.get(a.actor.id, a.actor.name) if a.actor is not None else (
            a.mention.text if a.mention is not None else "")
        if not name:
            continue
        kind = a.actor.category if a.actor is not None else (a.mention.type if a.mention else "other")
        out.append(Candidate(name=name, source="entity", kind=kind, start=a.start, end=a.end,
                             actor=a.actor, located=a, prefix=a.prefix))
    kinds = described_kinds()
    named = [(a.start, a.end) for a in index.actors if w0 <= a.start < w1]
    for m in described_regex().finditer(text, w0, w1):
        kind = kinds.get(head_key(m.group("head")), "armed")
        s, e = m.start("body"), m.end("body")
        if any((a0 >= e and not text[e:a0].strip()) or (a1 <= s and not text[a1:s].strip())
               for a0, a1 in named):
            # "مسلحي تنظيم داعش"، "تنظيم داعش الإرهابي": the description belongs to the named group
            continue
        country = next((demonyms()[w] for w in reversed(m.group("body").split()) if w in demonyms()), None)
        name = _surface(folded, source_text, s, e)
        if m.group("pfx").endswith("لل"):
            name = "ال" + name  # للمسلحين: the article the proclitic لـ swallowed (المسلحين)
        out.append(Candidate(name=name, source="described", kind=kind,
                             start=s, end=e, prefix=m.group("pfx"), country=country))
    out += _far_candidates(index, frame, out, source_text, fullest)
    s0, s1 = frame.sentence
    # the subject of نفّذ، نظّم، دخل names the crowd of a protest (نفّذ الأطباء وقفة احتجاجية)
    subjects = CARRY_OUT_RE.finditer(text, s0, s1) if frame.event_type in ("Protests", "Riots") else ()
    for m in subjects:
        for np in (_noun_phrase(index, m.end(), s1), _noun_phrase_before(index, m.start(), s0)):
            if np is not None:
                s, e = np
                out.append(Candidate(name=_surface(folded, source_text, s, e), source="subject", kind="np",
                                     start=s, end=e))
    if frame.event_type in ("Protests", "Riots"):
        # the crowd named in genitive after the protest's noun (اعتصامات المدرسين) or at the head of a
        # clause told by أن (أن أعوان النظافة بباب العسل ... ينفذون وقفة احتجاجية)
        spans = [_noun_phrase(index, m.end(), s1, qualifiers=PROTEST_QUALIFIERS)
                 for m in PROTEST_NOUN_RE.finditer(text, s0, s1)]
        spans += [_noun_phrase(index, m.end(), s1) for m in THAT_RE.finditer(text, s0, s1)]
        # a counted crowd anywhere in the sentence (عدد من المعطّلين، قرابة 59 ألف من عمال الحضائر) and
        # the phrase that opens it, as headlines tell a protest (أطباء سوسة والقيروان في اضراب مفتوح)
        spans += [_noun_phrase(index, m.end(), s1) for m in COUNTED_RE.finditer(text, s0, s1)]
        opening = re.match(r"[\s\"«“:،,.-]*", text[s0:s1])
        spans.append(_noun_phrase(index, s0 + (opening.end() if opening is not None else 0), s1))
        seen = {(c.start, c.end) for c in out}
        # a place at the head of the phrase is where, not who (أن الجزائر تشهد انتفاضة)
        seen |= {(p.start, np[1]) for p in index.places for np in spans if np is not None and p.start == np[0]}
        for np in spans:
            if np is not None and np not in seen:
                seen.add(np)
                out.append(Candidate(name=_surface(folded, source_text, np[0], np[1]), source="crowd", kind="np",
                                     start=np[0], end=np[1]))
    out += _agent_candidates(index, frame, out, source_text)
    # ACLED's defaults stand in only where the rules found no side of their own to code
    # (offered whatever the rules chose: its features tell the ranker whether they named a side)
    if frame.event_type in DEFAULT_CIVILIANS or frame.civilian_targeting or (
            frame.event_type in DEFAULT_CIVILIANS_IF_HIT and frame.victim_ends):
        out.append(Candidate(name="مدنيين", source="default", kind="civilians"))
    if frame.rule_actor1 is None and frame.event_type in ("Protests", "Riots"):
        out.append(Candidate(name="محتجون", source="default", kind="protesters"))
    for ref in rule_refs:
        if ref.name and not any(c.name == ref.name for c in out):
            out.append(Candidate(name=ref.name, source="rule", kind="rule", ref=ref))
    return out


def _far_candidates(index: DocIndex, frame: EventFrame, found: list[Candidate], source_text: str,
                    fullest: dict[str, str]) -> list[Candidate]:
    """The article's actors named or described outside the sentences around the event, one per actor.

    An event's side is often named once, in the headline's sentence or the lead, and then recalled
    by a pronoun or a bare head (تبنّاها التنظيم، الحركة); or the lead tells the act without its
    author, whom a later sentence telling the same act names (دهست شاحنة المارة ... وكان سائق
    الشاحنة): of the gold actors no candidate of the event's window covered, most are written
    elsewhere in the article. When the event's sentence points back so (FAR_NEEDS_ANAPHOR), the
    article's actors are offered; else those of the sentences that restate an act of the event's
    type (``frame.restated``). Each is offered once, at its mention nearest before the event (else
    its first after it; a mention in a restating sentence first), marked ``far``; the ranker weighs
    how often the article names it, whether its lead does, whether the event's sentence recalls an
    actor without naming one, and where it stands to the restating sentence's cue.
    """
    w0, w1 = frame.window
    text = index.folded.text
    anaphor = ANAPHOR_RE.search(text, *frame.sentence) is not None
    if FAR_NEEDS_ANAPHOR and not anaphor and not frame.restated:
        return []

    def restating(start: int) -> tuple[int, str] | None:
        return next(((c, pos) for r0, r1, c, pos in frame.restated if r0 <= start < r1), None)

    seen = {_key(c.name) for c in found if c.source != "none"}
    seen |= {c.actor.id for c in found if c.actor is not None}
    best: dict[str, Candidate] = {}

    def offer(key: str, cand: Candidate) -> None:
        if key in seen:
            return
        cand.restated = restating(cand.start)
        if FAR_NEEDS_ANAPHOR and not anaphor and cand.restated is None:
            return
        held = best.get(key)
        # a mention in a sentence that restates the act wins; then the one nearest before the
        # event; after it, the first
        if held is None or (cand.restated is not None and held.restated is None) or (
                (cand.restated is None) == (held.restated is None)
                and cand.start < w0 and (held.start >= w1 or cand.start > held.start)):
            best[key] = cand

    for a in index.actors:
        if w0 <= a.start < w1 or is_building(index, a):
            continue
        name = fullest.get(a.actor.id, a.actor.name) if a.actor is not None else (
            a.mention.text if a.mention is not None else "")
        if not name:
            continue
        kind = a.actor.category if a.actor is not None else (a.mention.type if a.mention else "other")
        key = a.actor.id if a.actor is not None else _key(name)
        if _key(name) in seen:
            continue
        offer(key, Candidate(name=name, source="entity", kind=kind, start=a.start, end=a.end, actor=a.actor,
                             located=a, prefix=a.prefix, far=True))
    kinds = described_kinds()
    for m in described_regex().finditer(text):
        s, e = m.start("body"), m.end("body")
        if text[s:e] in ACT_ADJECTIVES:
            continue  # هجوم مسلح، عملية إرهابية elsewhere: an adjective of an act, no actor
        if w0 <= s < w1 or any(a.start <= s < a.end or (a.start >= e and not text[e:a.start].strip())
                               or (a.end <= s and not text[a.end:s].strip()) for a in index.actors
                               if abs(a.start - s) < 80):
            continue
        name = _surface(index.folded, source_text, s, e)
        if m.group("pfx").endswith("لل"):
            name = "ال" + name
        country = next((demonyms()[w] for w in reversed(m.group("body").split()) if w in demonyms()), None)
        offer("~" + _key(name), Candidate(name=name, source="described",
                                          kind=kinds.get(head_key(m.group("head")), "armed"), start=s, end=e,
                                          prefix=m.group("pfx"), country=country, far=True))
    return sorted(best.values(), key=lambda c: c.start)


def _key(name: str) -> str:
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in fold_key(name).split())


def _agent_candidates(index: DocIndex, frame: EventFrame, found: list[Candidate],
                      source_text: str) -> list[Candidate]:
    """Noun phrases in the place of the agent of the sentence's acts, named or not (via verb, able,
    marker or carry), and the one after a passive verb or a noun of the act (source "patient").

    The subject after the event's verb cue or after a verb of carrying out (تمكنت فرقة أمنية مختصة من
    إلقاء القبض، نفّذ عدد من التلاميذ وقفة), and the noun phrase after a marker of the agent (من قبل،
    على أيدي، قامت بها): an annotator names such a phrase as the actor when the tagger knows no name
    in it. A phrase that starts where a name or a description starts is that candidate already.
    """
    text = index.folded.text
    s0, s1 = frame.sentence
    starts: list[tuple[int, str]] = []
    if frame.anchor_pos == "V" and s0 <= frame.anchor < s1 and frame.anchor_form not in KILLING_FORMS \
            and frame.anchor_form not in PASSIVE_FORMS:
        starts.append((frame.anchor_end, "verb"))  # after قُتل، اغتيل stands the victim
    if s0 <= frame.anchor < s1 and (frame.anchor_form in KILLING_FORMS or frame.anchor_form in PASSIVE_FORMS
                                    or (frame.anchor_pos == "N" and _governs_object(text, frame, s1))):
        # after a passive verb or a noun of the act stands who it hit or took (تم إيقاف شخصين،
        # اعتقال هشام، قُتل 13 جنديا، الهجوم على مكاتب المخابرات): offered for the second side
        starts.append((frame.anchor_end, "patient"))
    if frame.anchor_pos in ("V", "N") and s0 <= frame.anchor < s1 and frame.anchor_form not in KILLING_FORMS \
            and frame.anchor_form not in PASSIVE_FORMS:
        # after an active verb (the lexicon reads some as nouns: اعتقلت، أوقفت) and its subject stands
        # its object (اعتقلت السلطات 40 شخصا، أوقفت الشرطة الفرنسية فتى): offered for the second side
        # after the name or phrase right after the verb
        subject = _subject_end(index, frame, found, s1)
        if subject is not None:
            starts.append((subject, "patient"))
    starts += [(m.end(), "patient") for m in TARGETING_RE.finditer(text, s0, s1)]
    starts += [(m.end(), "able") for m in ABLE_RE.finditer(text, s0, s1)]
    starts += [(m.end(), "marker") for m in AGENT_MARKER_RE.finditer(text, s0, s1)]
    starts += [(m.end(), "carry") for m in CARRY_OUT_RE.finditer(text, s0, s1)]
    taken = {c.start for c in found if c.start >= 0}
    places = {p.start for p in index.places}
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for pos, via in sorted(starts):
        skip = TIME_RE.match(text, pos, s1)
        if skip is not None:
            pos = skip.end()
        space = re.match(r"[\s،,]*", text[pos:s1])
        pos += space.end() if space is not None else 0
        if via == "patient":
            number = NUMBER_RE.match(text, pos, s1)
            pos = number.end() if number is not None else pos
        quantity = QUANTITY_RE.match(text, pos, s1)
        if quantity is not None:
            pos = quantity.end()
        np = _noun_phrase(index, pos, s1)
        # a place after a verb is where (شهدت مدينة بن قردان); after من قبل it is the state that acted
        if np is None or np in seen or np[0] in taken or (np[0] in places and via != "marker") \
                or text[np[0]:np[1]].split()[0] in PRONOUN_OBJECTS \
                or (via not in ("able", "marker") and any(np[0] <= c0 < np[1] for c0, _ in frame.cue_spans)):
            # a noun of the act (نفذ ضربة جوية، إحدى الهجمات) is what was done, not who; after تمكّن
            # or من قبل stands who did it, whatever word of an act its head is (تمكنت فرقة أمنية)
            continue
        head = _head_word(text[np[0]:np[1]])
        if via == "patient" and (head in SITES or (head.endswith("ا") and head[:-1] in SITES)):  # سوقا، مقرا
            continue  # a building or a base that was hit is where, its people are the side hit
        seen.add(np)
        kind = np_kind(text, np[0], np[1])
        if via == "patient" and kind == "np":
            kind = "patient"  # who was hit or taken is no crowd or armed group the event's type implies
        out.append(Candidate(name=_surface(index.folded, source_text, np[0], np[1]),
                             source="patient" if via == "patient" else "agent",
                             kind=kind, start=np[0], end=np[1], via=via))
    return out


def _subject_end(index: DocIndex, frame: EventFrame, found: list[Candidate], end: int) -> int | None:
    """The end of the subject right after the event's active verb (a name or a noun phrase), or None."""
    text = index.folded.text
    pos = frame.anchor_end
    skip = TIME_RE.match(text, pos, end)
    pos = skip.end() if skip is not None else pos
    space = re.match(r"[\s،,]*", text[pos:end])
    pos += space.end() if space is not None else 0
    named = [c.end for c in found if c.start == pos and c.end > pos]
    if named:
        return max(named)
    np = _noun_phrase(index, pos, end)
    if np is None or NUMBER_RE.match(text, np[0], end) is not None:
        return None  # a count right after the verb is its object (اعتقلت 40 شخصا): the subject is elsewhere
    words = text[np[0]:np[1]].split()
    # a subject of one or two words (الشرطة الفرنسية): the object follows; three words may run into it
    return np[0] + len(" ".join(words[:2])) if len(words) >= 2 else np[1]


def _head_word(phrase: str) -> str:
    words = phrase.split(maxsplit=1)
    return words[0].removeprefix("ال") if words else ""


def _governs_object(text: str, frame: EventFrame, end: int) -> bool:
    """Whether a noun of the act is followed by its object rather than by an adjective of its own.

    The object of a verbal noun follows a preposition (الهجوم على مكاتب المخابرات), a count (اعتقال
    40 شخصا) or, when the noun is in construct without ال, a definite word (استهداف القاعدة، اعتقال
    هشام is left to the tagger's name); an indefinite word after it is an adjective (هجمات متتالية).
    """
    after = text[frame.anchor_end:end].lstrip()
    if NUMBER_RE.match(after) is not None:
        return True
    noun = text[frame.anchor:frame.anchor_end]
    if noun.startswith(("ال", "وال", "بال", "لل")):
        return False  # الهجوم الإرهابي: a definite noun's next word is its adjective
    if after.startswith("ال"):
        return True
    # an indefinite word: the object of a verbal noun in construct (إيقاف شخصين), unless the noun is
    # a plural of acts (هجمات متتالية) or the word has an adjective's ending (عملية إرهابية)
    word = after.split(maxsplit=1)[0] if after else ""
    return bool(word) and not noun.endswith("ات") and not ADJECTIVE_END_RE.search(word)


def _noun_phrase(index: DocIndex, start: int, end: int,
                qualifiers: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Up to three words after ``start`` before a stop word or punctuation, as a folded span.

    A time expression right after the verb is stepped over (دخل اليوم الاثنين 27 مارس، قضاة تونس);
    a first word among ``qualifiers`` (إضراب عام) means there is no noun phrase to take.
    """
    text = index.folded.text
    pos = start
    skip = TIME_RE.match(text, pos, end)
    if skip is not None:
        pos = skip.end()
    first = last = -1
    for _ in range(3):
        m = NEXT_WORD_RE.match(text, pos, end)
        if m is None or m.group(1) in NP_STOP or (m.group(1).startswith(("ب", "ل")) and first >= 0):
            break
        word = m.group(1)
        if first < 0 and (word in qualifiers or word.removeprefix("ال") in qualifiers or word in NOT_CROWD):
            return None
        if first >= 0 and VERB_FORM_RE.match(word):
            break  # معتصمو الكامور سيواصلون: the phrase ends at the verb
        if first < 0:
            first = m.start(1)
        last = m.end(1)
        pos = m.end()
    if first < 0:
        return None
    return first, last


def _noun_phrase_before(index: DocIndex, verb_start: int, start: int) -> tuple[int, int] | None:
    """Up to three words right before a verb back to a stop word or punctuation (أن أعوان النظافة ينفذون)."""
    text = index.folded.text
    # the phrase that ends at the verb (a search from the sentence's start finds the first phrase of
    # the sentence, which seldom does)
    lo = max(start, verb_start - 60)
    found = [m for m in (NP_BEFORE_RE.fullmatch(text, w.start(), verb_start)
                         for w in WORD_START_RE.finditer(text, lo, verb_start)) if m is not None]
    # a definite phrase rather than one a verb before it opens (وكان الأساتذة الجامعيون نفذوا)
    m = next((m for m in found if m.group(1).startswith("ال")), found[0] if found else None)
    if m is None or m.group(1).split()[0] in NP_STOP:
        return None
    return m.start(1), m.end(1)


def fullest_forms(index: DocIndex) -> dict[str, str]:
    """Actor id -> the longest form the text gives it: the name an annotator writes as canonical."""
    out: dict[str, str] = {}
    for a in index.actors:
        if a.actor is not None and a.mention is not None:
            form = a.mention.text
            if form.startswith("ل") and not form.startswith("ال") and a.actor.name.startswith("ال"):
                form = "ا" + form  # "للتحالف الدولي" cut after its لـ: the name has its article back
            if len(form) > len(out.get(a.actor.id, "")):
                out[a.actor.id] = form
    return out


def _surface(folded: FoldedText, source_text: str, start: int, end: int) -> str:
    """The original text of a folded span."""
    return source_text[folded.origin(start):folded.origin(end - 1) + 1]
