"""Tokens of the folded text and the word-level tests the speaker analysis is built from.

Everything here works in folded coordinates (``doc.cache["folded"].text``); the caller maps spans
back to the article with ``FoldedText.to_source``. A speaker phrase is the stretch between a
reporting verb and its content (قال وزير العدل عمر منصور اليوم الثلاثاء، إن ...), before the verb
(الخبير في الشأن الأمني، أحمد الشريفي، أكد ...), or after an attribution (وفقاً للعضو ..., رضا عيسى).
This module holds the word lists, head words (heads.tsv), clitic readings, and the phrases that are
set aside inside a speaker phrase: outlets (لـ"العربي الجديد")، addressees (للصحفيين)، inserts
(في تصريح لـ، على هامش) and "guest of" appositions; :mod:`marsad.quotes.speaker` reads the role
and the name in what is left.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad.quotes.lexicon import Lexicon, strip_article
from marsad.text.normalize import fold_key


def folded_set(words: set[str]) -> frozenset[str]:
    """Word lists below are written as printed; matching happens on folded text (على -> علي)."""
    return frozenset(fold_key(w) for w in words)


TOKEN_RE = re.compile(r"\w+|[^\w\s]")
COMMAS = frozenset("،,")
QUOTE_MARKS = frozenset("\"«»“”„'")
OPEN_QUOTES = frozenset("\"«“„")
# Function words that never start or continue a speaker noun phrase.
FUNCTION_WORDS = folded_set({
    "في", "من", "عن", "على", "الى", "مع", "ان", "قد", "لقد", "ثم", "او", "ام", "بل", "لكن", "لا", "لم", "لن",
    "ما", "ماذا", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "هن", "انه", "انها", "الذي", "التي", "الذين",
    "اللذين", "اللتين", "والذي", "والتي", "والذين", "حيث", "كما", "اذ", "اذا", "لو", "حتى", "بعد", "قبل",
    "ضد", "عند", "لدى", "بين", "وذلك", "إذ", "إن", "أن", "إلى", "أو", "أي", "منذ", "كل", "بعض", "غير",
    "سوى", "اي", "وهو", "وهي", "وهم", "فيما", "بينما",
    "عبر", "امام", "نحو", "حول", "دون", "بشان", "لان", "كان", "كانت", "يكون", "تكون", "وكان", "وكانت",
    "ب", "ل", "و", "ف", "ك", "الا", "وان", "لذا", "لذلك", "هناك", "هنا", "ليس", "ليست",
    "فيه", "فيها", "فيهم", "له", "لها", "لهم", "به", "بها", "بهم", "عنه", "عنها", "عنهم", "منه", "منها",
    "إليه", "إليها", "عليه", "عليها", "أمام", "وراء",
    # لكنها حذرت: the particle with a pronoun is the subject, which refers back
    "لكنه", "لكنها", "لكنهم", "لكنهما", "لكنني",
})
RELATIVES = folded_set({"الذي", "التي", "الذين", "والذي", "والتي", "والذين", "اللذين", "اللتين"})
# Words that end an outlet's name (موزاييك أف أم، الصباح نيوز، فرانس برس).
OUTLET_TAILS = folded_set({"أف", "اف", "إف", "أم", "ام", "fm", "FM", "نيوز", "برس", "تي", "في", "24"})
# "Guest of": ضيف برنامج "بوليتيكا" after a name is an apposition; alone it refers to the last guest.
GUESTS = folded_set({"ضيف", "ضيفة", "وضيف", "وضيفة"})
# Media heads that name a person reporting for an outlet (لمراسلة الجوهرة أف أم).
REPORTERS = folded_set({"مراسل", "مراسلة", "مبعوث", "مبعوثة", "موفد", "موفدة"})
# Accusatives that open a segment on what the statement answers (ردا على سؤال النائبة ...): a name
# there is not the speaker's.
REPLY_WORDS = folded_set({"ردا", "رداً", "تعليقا", "تعليقاً", "تعقيبا", "تعقيباً", "جوابا", "إجابة",
                          "تفاعلا", "تفاعلاً"})
# Broken plurals of people who speak together (عمال المصنع، سكان الحي): a verb before them is
# singular, the pronoun that continues them plural.
BROKEN_PLURALS = folded_set({"عمال", "سكان", "أهالي", "اهالي", "شهود", "نشطاء", "ناشطون", "طلبة", "طلاب",
                             "أطباء", "محامون", "تجار", "فلاحون", "أعوان", "اعوان", "نواب", "أعضاء", "خبراء",
                             "باحثون", "علماء", "مسؤولون", "قادة", "ممثلو", "ممثلي", "أولياء"})
# Whom a statement is made to, after ل (وأضاف للصحفيين، وقال لوسائل الإعلام): never the speaker.
ADDRESSEES = folded_set({"صحفيين", "صحافيين", "صحفيون", "صحافة", "إعلاميين", "مراسلين", "وسائل",
                         "حاضرين", "مواطنين"})
# Subordinators that end a speaker phrase (تقرير أفريقي حيث يبلغ ...).
CLAUSE_BREAKS = folded_set({"حيث", "بينما", "فيما", "عندما", "لأن", "إذ", "كما", "بعدما", "حين"})
APPOSITION_OPENERS = folded_set({"احد", "احدى", "ابرز", "اكبر", "اهم", "وهو", "وهي", "وهم",
                                 "بينها", "بينهم", "منها", "منهم", "ومنها", "ومنهم"})
# "the same" / "the aforementioned" that mark an anaphoric speaker (ذات البلاغ، المصدر نفسه).
SAME_WORDS = folded_set({"ذات", "نفس", "ذاته", "ذاتها", "نفسه", "نفسها", "المذكور", "المذكوره", "عينه"})
# Adjectives that describe an anonymous source without the shape of a nisba or participle.
COMMON_ADJECTIVES = folded_set({"سابق", "سابقه", "بارز", "بارزه", "رفيع", "رفيعه", "كبير", "كبار", "اخر",
                               "اخري", "اخرون", "اخرين", "عيان", "اجنبي", "غربي", "عربي", "جديد", "جديده",
                               "حر", "حره", "أعلى", "عليا", "كبرى", "أول", "أولى", "حاكم", "حاكمه", "خاص",
                               "خاصه", "أخير", "أخيره", "موحد", "موحده", "مستقل", "مستقله", "أسبق", "أكبر",
                               "أقدم", "حالي", "حاليه"})
# Words that join a role to its domain (الناطق باسم الجيش، الخبير في الشؤون، العضو عن الحزب).
SPOKESMAN_LINKS = folded_set({"في", "من", "عن", "باسم", "بإسم", "لدى"})
# Prepositions a content never starts with (أعلن في ..., أكد على ... are not contents).
PREPOSITIONS = folded_set({"في", "من", "على", "إلى", "مع", "عن", "ب", "ل", "لدى", "حول", "خلال", "منذ",
                           "أمام", "بخصوص", "بشأن", "ضمن"})
# Prepositions of time that open a qualifying segment (وقال المسؤول، قبل ساعات من لقاء ...، إن).
TIME_PREPOSITIONS = folded_set({"قبل", "بعد", "عقب", "إثر", "اثر", "أثناء", "اثناء", "خلال", "غداة", "إبان"})
# Words after which a name part carries the article (عبد الحكيم، أبو مهدي المهندس، بن علي).
NAME_LINKS = folded_set({"عبد", "ابو", "ابن", "بن", "بنت", "ام", "ال"})
# Second words of compound first names, which carry the article (نور الدين، عبد الله، عبد الرحمن).
NAME_SECONDS = folded_set({"الدين", "الله", "الرحمن", "الرحيم", "الحق", "الإسلام", "العابدين", "الهدى"})
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "نا")
# A verbal noun with ة and a pronoun (ثقته، رغبتها، إدانتهم): never a one-word personal name.
OBJECT_NOUN_ENDINGS = ("ته", "تها", "تهم", "تهما")


class Tok:
    """A token of the folded text: [start, end), its folded form, and whether it is a word.

    A plain slotted class rather than a dataclass: tokens are made for every sentence that holds a
    cue, and a dataclass ``__init__`` doubled the cost of the whole stage (measured on ANT).
    """

    __slots__ = ("end", "is_word", "start", "w")

    def __init__(self, start: int, end: int, w: str) -> None:
        self.start = start
        self.end = end
        self.w = w
        self.is_word = w[0].isalnum()

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.w!r})"


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` (folded text) with their positions."""
    return [Tok(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, start, end)]


# Words that count a group before naming it (عدد من الأهالي، بعض النواب، عشرات المحتجين), folded.
GROUP_QUANTIFIERS = folded_set({"عدد", "بعض", "مجموعه", "عشرات", "مئات", "الاف", "آلاف", "جميع", "كل"})


def plural_head(phrase: str) -> bool:
    """True when the first word of a folded phrase is a human plural (عمال، المتضررون، مواطنين، شهود).

    >>> plural_head("عمال المصنع"), plural_head("المتحدث باسم الجيش")
    (True, False)
    """
    words = phrase.split()
    if not words:
        return False
    bare = strip_article(clitic_keys(words[0])[-1][0]) if len(words[0]) > 3 else words[0]
    if bare in GROUP_QUANTIFIERS and len(words) > 1:
        # عدد من الطلبة ... وأوضحوا: a number of people is as plural as the people it counts
        return plural_head(" ".join(words[2:] if words[1] == "من" else words[1:]))
    return bare in BROKEN_PLURALS or (len(bare) > 4 and bare.endswith(("ون", "ين")))


def clitic_keys(w: str) -> list[tuple[str, int]]:
    """Readings of a folded word without attached و/ف/ب/ل/ك, as (word, chars dropped), most literal first.

    >>> clitic_keys("وللعضو")[:3]
    [('وللعضو', 0), ('للعضو', 1), ('العضو', 2)]
    """
    out = [(w, 0)]
    rest, n = w, 0
    for _ in range(2):
        # a second clitic only after و/ف (وبالعراق، فللعضو): بو... opens names (بوجبل، بوزيد)
        second = "بلك" if w[0] in "وف" else "ل" if w.startswith("لل") else ""
        if len(rest) < 4 or rest[0] not in ("وفبلك" if n == 0 else second):
            break
        if rest.startswith("لل"):
            out.append(("ا" + rest[1:], n + 1))
        rest, n = rest[1:], n + 1
        out.append((rest, n))
    return out


def is_function(w: str) -> bool:
    """True for a function word, also behind و/ف (وبعد، فيما)."""
    return w in FUNCTION_WORDS or (len(w) > 2 and w[0] in "وف" and w[1:] in FUNCTION_WORDS)


def is_definite(w: str) -> bool:
    """True for a word with the article, possibly behind و/ف/ب/ل/ك (والجيش، بالعراق، للجيش)."""
    return any(k.startswith("ال") and len(k) > 3 for k, _ in clitic_keys(w))


def has_pronoun_suffix(w: str) -> bool:
    """True when a folded word ends in a possessive pronoun (تأكيده، تمسكها، رفضهم)."""
    return len(w) >= 4 and w.endswith(PRONOUN_SUFFIXES)


@functools.lru_cache(maxsize=1 << 16)
def bare_readings(w: str) -> tuple[str, ...]:
    """The readings of a folded word without clitics and article (وللصحيفة -> ... صحيفه), cached."""
    return tuple(strip_article(key) for key, _ in clitic_keys(w))


def head_key(lex: Lexicon, w: str) -> str:
    """The reading of a folded word that is a head word (وزير stays وزير, وللوزير gives وزير)."""
    readings = bare_readings(w)
    return next((r for r in readings if r in lex.heads or r in lex.multi_heads), readings[-1])


def head_at(lex: Lexicon, toks: list[Tok], i: int) -> tuple[frozenset[str], int]:
    """Kinds of the head word(s) at token ``i`` (heads.tsv) and how many tokens they cover."""
    if i >= len(toks):
        return frozenset(), 0
    tok = toks[i]
    if not tok.is_word:
        return frozenset(), 0
    for bare in bare_readings(tok.w):
        for words, kind in lex.multi_heads.get(bare, ()):
            if i + len(words) <= len(toks) and all(
                    strip_article(toks[i + k].w) == words[k] for k in range(1, len(words))):
                return frozenset({kind}), len(words)
        kinds = lex.heads.get(bare)
        if kinds:
            return kinds, 1
    return frozenset(), 0


def medium_at(lex: Lexicon, toks: list[Tok], i: int) -> bool:
    """True when token ``i`` names the form of a statement (بيان، تصريح), also with its pronoun (بيانها)."""
    if "medium" in head_at(lex, toks, i)[0]:
        return True
    w = toks[i].w if i < len(toks) else ""
    return any(w.endswith(x) and len(w) - len(x) >= 3 and "medium" in lex.heads.get(w[:-len(x)], frozenset())
               for x in ("ها", "هم", "ه"))


def nisba_like(w: str, *, strict: bool = False) -> bool:
    """True for words shaped like adjectives: nisba (أمني، أمنية، أمنيون) or participles (مقرب، مطلعة).

    ``strict`` keeps only participles in the feminine (المتحدة), since a masculine plural participle
    is as often a noun (المواطنين).
    """
    core = w[2:] if w.startswith("ال") else w
    if core in COMMON_ADJECTIVES:
        return True
    if len(core) < 3 or w in FUNCTION_WORDS:
        return False  # إلى، في، الذي
    if core.endswith(("ي", "يه", "يون", "يين", "يات")):
        return True
    return core.startswith("م") and len(core) >= 4 and (not strict or core.endswith("ه"))


@dataclass(slots=True)
class SpeakerPhrase:
    """The analysis of a speaker phrase, in folded coordinates."""

    start: int
    end: int
    kind: str  # name | anon | body | role | anaphor | unknown
    name: tuple[int, int] | None = None  # span of the personal name, when there is one
    role: tuple[int, int] | None = None  # span of the role before or after the name
    head: str = ""  # folded head word without ال (for anaphora: الصحيفة -> صحيفه)
    outlet: tuple[int, int] | None = None
    certain: bool = False  # the name is a PER mention or a known surname, not a guess from shape
    relayed: bool = False  # named as the source of a relayed statement (نقلت الوكالة عن التقرير)


def quoted_end(toks: list[Tok], j: int, stop: int) -> int:
    """Index after the closing quote of a quotation opening at ``j`` (names in quotes), or ``j``."""
    close = {"«": "»", "“": "”", "„": "“", "(": ")"}.get(toks[j].w, toks[j].w)
    for k in range(j + 1, min(stop, j + 8)):
        if toks[k].w == close:
            return k + 1
    return j


def outlet_at(lex: Lexicon, toks: list[Tok], j: int, stop: int) -> tuple[int, tuple[int, int]] | None:
    """An outlet opened by ل at token ``j`` (لـ"العربي الجديد"، لوكالة الأناضول): (end index, span)."""
    tok = toks[j]
    if tok.w in ("مع", "ل") and j + 1 < stop and toks[j + 1].w in OPEN_QUOTES | {"("}:
        k = quoted_end(toks, j + 1, stop)
        if k > j + 2:
            return k, (toks[j + 2].start, toks[k - 2].end)
        return None
    if tok.w.startswith("ل") and len(tok.w) > 2 and strip_article(clitic_keys(tok.w)[-1][0]) in lex.outlets:
        k = j + 1  # لموزاييك أف أم، للجوهرة أف أم
        while k < stop and toks[k].is_word and toks[k].w in OUTLET_TAILS:
            k += 1
        if k < stop and toks[k].w in OPEN_QUOTES:
            k2 = quoted_end(toks, k, stop)  # للجوهرة "اف ام"
            if k2 > k + 2 and all(t.w in OUTLET_TAILS for t in toks[k + 1:k2 - 1]):
                k = k2
        return k, (tok.start + (2 if tok.w.startswith("لل") else 1), toks[k - 1].end)
    if tok.w.startswith("ل") and len(tok.w) > 3:
        kinds, n = head_at(lex, toks, j)
        if "media" in kinds:
            k = j + n
            if k < stop and toks[k].w in OPEN_QUOTES:
                k2 = quoted_end(toks, k, stop)
                if k2 > k + 2:  # لمراسلة "الجوهرة أف أم": the outlet is the quoted name
                    return k2, (toks[k + 1].start, toks[k2 - 2].end)
            tail = False  # after أف أم، نيوز the outlet's name has ended (لمراسل الجوهرة أف أم ماهر ...)
            while k < stop and toks[k].is_word and (toks[k].w not in FUNCTION_WORDS or (
                    toks[k].w in OUTLET_TAILS and k > j + n)) and toks[k].w not in lex.time_words and \
                    k - j < 5 and not (tail and (toks[k].w not in OUTLET_TAILS or (
                        toks[k].w == "في" and toks[k - 1].w != "تي"))):
                tail = tail or (toks[k].w in OUTLET_TAILS and k > j + n)
                k += 1  # لوكالة الأناضول، لمراسلة الجوهرة أف أم (أم is also "or")
            if k < stop and k > j + n and toks[k].w in OPEN_QUOTES:
                k2 = quoted_end(toks, k, stop)  # لمراسلة الجوهرة "اف ام"
                if k2 > k + 2 and all(t.w in OUTLET_TAILS for t in toks[k + 1:k2 - 1]):
                    k = k2
            # a reporter's outlet is the name after the title (مراسلة الجوهرة -> الجوهرة)
            first = j + n if k > j + n and bare_readings(tok.w)[-1] in REPORTERS else j
            return k, (toks[first].start + (1 if first == j else 0), toks[k - 1].end)
    return None


def addressee_len(lex: Lexicon, toks: list[Tok], j: int, stop: int) -> int:
    """Tokens of a phrase with ل at ``j`` naming whom a statement was made to, or 0.

    The press (للصحفيين، لوسائل الإعلام) or an outlet (للجوهرة "اف ام"، لوكالة الأناضول). A phrase
    with ل that names a person or office (لسعد، للوزير) is not one.
    """
    w = toks[j].w
    if not w.startswith("ل"):
        return 0
    bare = next((r for r in bare_readings(w) if r in ADDRESSEES), None)
    if bare is not None:
        return 2 if bare == "وسائل" and j + 1 < stop and toks[j + 1].w in ("الاعلام", "اعلام") else 1
    found = outlet_at(lex, toks, j, stop)
    return found[0] - j if found else 0


def guest_len(toks: list[Tok], j: int, stop: int) -> int:
    """Tokens of a "guest of the programme" apposition at ``j`` (ضيف برنامج "بوليتيكا" على "الجوهرة أف أم"), or 0."""
    if toks[j].w not in GUESTS:
        return 0
    k = j + 1
    if k < stop and toks[k].w in ("برنامج", "حصه"):
        k += 1
    for _ in range(2):
        if k >= stop:
            break
        if toks[k].w in OPEN_QUOTES:
            k2 = quoted_end(toks, k, stop)
            if k2 == k:
                break
            k = k2
        elif toks[k].is_word and toks[k].w not in FUNCTION_WORDS and not is_definite(toks[k].w):
            k += 1  # ضيف بوليتيكا
        else:
            break
        if k + 1 < stop and toks[k].w in ("علي", "في"):
            k += 1  # ... على "الجوهرة أف أم"
        else:
            break
    return k - j if k > j + 1 else 0


def insert_len(lex: Lexicon, toks: list[Tok], j: int) -> int:
    """Number of tokens of the inserted phrase at ``j`` (من جهته، في السياق ذاته، على هامش), or 0."""
    w = toks[j].w
    for words in lex.multi_inserts.get(w, ()):
        if all(j + k < len(toks) and toks[j + k].w == words[k] for k in range(1, len(words))):
            return len(words)
    return 1 if w in lex.inserts else 0
