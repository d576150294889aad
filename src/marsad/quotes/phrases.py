"""Tokens of the folded text and the analysis of a speaker phrase (name, role, anonymous source, outlet).

Everything here works in folded coordinates (``doc.cache["folded"].text``); the caller maps spans
back to the article with ``FoldedText.to_source``. A speaker phrase is the stretch between a
reporting verb and its content (قال وزير العدل عمر منصور اليوم الثلاثاء، إن ...), before the verb
(الخبير في الشأن الأمني، أحمد الشريفي، أكد ...), or after an attribution (وفقاً للعضو ..., رضا عيسى).
It is cut into comma segments; time adverbs, inserted phrases (في تصريح لـ، على هامش ...) and
the outlet (لـ"العربي الجديد") are set aside, appositions (أحد أبرز الفصائل ...) dropped, and what
is left gives the role and the name.
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
    "عبر", "امام", "خلف", "نحو", "حول", "دون", "بشان", "لان", "كان", "كانت", "يكون", "تكون", "وكان", "وكانت",
    "ب", "ل", "و", "ف", "ك", "الا", "وان", "لذا", "لذلك", "هناك", "هنا", "ليس", "ليست",
    "فيه", "فيها", "فيهم", "له", "لها", "لهم", "به", "بها", "بهم", "عنه", "عنها", "عنهم", "منه", "منها",
    "إليه", "إليها", "عليه", "عليها", "أمام", "وراء",
})
RELATIVES = folded_set({"الذي", "التي", "الذين", "والذي", "والتي", "والذين", "اللذين", "اللتين"})
# Words that end an outlet's name (موزاييك أف أم، الصباح نيوز، فرانس برس).
OUTLET_TAILS = folded_set({"أف", "اف", "إف", "أم", "ام", "fm", "FM", "نيوز", "برس", "تي", "في", "24"})
# Subordinators that end a speaker phrase (تقرير أفريقي حيث يبلغ ...).
CLAUSE_BREAKS = folded_set({"حيث", "بينما", "فيما", "عندما", "لأن", "إذ", "كما", "بعدما", "حين"})
APPOSITION_OPENERS = folded_set({"احد", "احدى", "ابرز", "اكبر", "اهم", "وهو", "وهي", "وهم"})
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
                           "أمام"})
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


def clitic_keys(w: str) -> list[tuple[str, int]]:
    """Readings of a folded word without attached و/ف/ب/ل/ك, as (word, chars dropped), most literal first.

    >>> clitic_keys("وللعضو")[:3]
    [('وللعضو', 0), ('للعضو', 1), ('العضو', 2)]
    """
    out = [(w, 0)]
    rest, n = w, 0
    for _ in range(2):
        if len(rest) < 4 or rest[0] not in "وفبلك":
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


def _quoted_end(toks: list[Tok], j: int, stop: int) -> int:
    """Index after the closing quote of a quotation opening at ``j`` (names in quotes), or ``j``."""
    close = {"«": "»", "“": "”", "„": "“", "(": ")"}.get(toks[j].w, toks[j].w)
    for k in range(j + 1, min(stop, j + 8)):
        if toks[k].w == close:
            return k + 1
    return j


def _outlet_at(lex: Lexicon, toks: list[Tok], j: int, stop: int) -> tuple[int, tuple[int, int]] | None:
    """An outlet opened by ل at token ``j`` (لـ"العربي الجديد"، لوكالة الأناضول): (end index, span)."""
    tok = toks[j]
    if tok.w in ("مع", "ل") and j + 1 < stop and toks[j + 1].w in OPEN_QUOTES | {"("}:
        k = _quoted_end(toks, j + 1, stop)
        if k > j + 2:
            return k, (toks[j + 2].start, toks[k - 2].end)
        return None
    if tok.w.startswith("ل") and len(tok.w) > 2 and strip_article(clitic_keys(tok.w)[-1][0]) in lex.outlets:
        k = j + 1  # لموزاييك أف أم، للجوهرة أف أم
        while k < stop and toks[k].is_word and toks[k].w in OUTLET_TAILS:
            k += 1
        return k, (tok.start + (2 if tok.w.startswith("لل") else 1), toks[k - 1].end)
    if tok.w.startswith("ل") and len(tok.w) > 3:
        kinds, n = head_at(lex, toks, j)
        if "media" in kinds:
            k = j + n
            if k < stop and toks[k].w in OPEN_QUOTES:
                k2 = _quoted_end(toks, k, stop)
                if k2 > k + 2:  # لمراسلة "الجوهرة أف أم": the outlet is the quoted name
                    return k2, (toks[k + 1].start, toks[k2 - 2].end)
            while k < stop and toks[k].is_word and toks[k].w not in FUNCTION_WORDS and k - j < 5:
                k += 1
            return k, (toks[j].start + 1, toks[k - 1].end)
    return None


def insert_len(lex: Lexicon, toks: list[Tok], j: int) -> int:
    """Number of tokens of the inserted phrase at ``j`` (من جهته، في السياق ذاته، على هامش), or 0."""
    w = toks[j].w
    for words in lex.multi_inserts.get(w, ()):
        if all(j + k < len(toks) and toks[j + k].w == words[k] for k in range(1, len(words))):
            return len(words)
    return 1 if w in lex.inserts else 0


def _segment_cut(lex: Lexicon, toks: list[Tok], a: int, b: int,
                 outlets: list[tuple[int, int]]) -> tuple[int, int]:
    """The kept part [a, cut) of one comma segment; outlets found on the way are appended."""
    while a < b and toks[a].w in ("و", "ف", "اما"):
        a += 1  # أما مساعد رئيس الوزراء ...: the topic particle is not part of the speaker
    j = a
    while j < b:
        tok = toks[j]
        w = tok.w
        if w in lex.time_words or w in RELATIVES or w in CLAUSE_BREAKS or insert_len(lex, toks, j) or (
                j > a and "manner" in head_at(lex, toks, j)[0]):
            break  # ... سوارنا سوبا راو قوله: "his words" ends the speaker
        if w in ("في", "خلال") and j + 1 < b and "medium" in head_at(lex, toks, j + 1)[0]:
            for k in range(j + 2, b):
                found = _outlet_at(lex, toks, k, b)
                if found:
                    outlets.append(found[1])
                    break
            break
        found = _outlet_at(lex, toks, j, b)
        if found and j > a:
            outlets.append(found[1])
            break
        if tok.is_word and tok.w.isdigit():
            break
        j += 1
    while j > a and (toks[j - 1].w in COMMAS or toks[j - 1].w in ("و", "ف")):
        j -= 1
    return a, j


def _circumstantial(toks: list[Tok], s: int, e: int) -> bool:
    """A segment that qualifies the speaker without naming it (مفضلاً عدم ذكر اسمه، طلب عدم الكشف عن هويته)."""
    first = toks[s].w
    return (first.startswith("م") and first.endswith("ا") and len(first) > 4) or any(
        t.w in ("عدم", "اسمه", "اسمها", "هويته", "هويتها", "هويتهم") for t in toks[s:e])


def _name_like(lex: Lexicon, toks: list[Tok], a: int, b: int, surnames: frozenset[str], *,
               after_role: bool = False) -> bool:
    """A stretch that reads as a personal name.

    One to four words with no head word, function word or number; the article only on a known
    surname alone (الحسناوي) or on the last word (كمال الحسناوي) or after عبد/أبو (عبد الحكيم).
    """
    n = b - a
    if n < 1 or n > 4 or not all(t.is_word for t in toks[a:b]):
        return False
    first = toks[a].w
    # علي is both the name Ali and the folded preposition على; after a role it is the name
    # علي followed by a nisba surname or a bare name (علي العريض، علي بن صالح), not by a noun (على المرض)
    if after_role and n == 1 and first.endswith(OBJECT_NOUN_ENDINGS) and first not in surnames:
        return False  # وأكد الوزير ثقته بأن: a noun with its pronoun, the object of the verb
    ali = after_role and first == "علي" and n > 1 and (
        not is_definite(toks[a + 1].w) or toks[a + 1].w.endswith("ي"))
    if not ali and (
            first in SAME_WORDS or is_function(first) or first.isdigit() or head_at(lex, toks, a)[0]):
        return False
    if is_definite(first):
        return n == 1 and first in surnames
    for k in range(a + 1, b):
        w = toks[k].w
        if w == "علي" and (toks[k - 1].w in NAME_LINKS or (not is_function(toks[k - 1].w) and k + 1 < b and (
                not is_definite(toks[k + 1].w) or toks[k + 1].w.endswith("ي")))):
            continue  # أبو علي، محمد علي النصري: the name Ali, not the preposition على
        if (w in FUNCTION_WORDS or w.isdigit() or w in SAME_WORDS or head_at(lex, toks, k)[0]) and \
                toks[k - 1].w not in NAME_LINKS:
            return False
        if is_definite(w) and k != b - 1 and toks[k - 1].w not in NAME_LINKS and w not in NAME_SECONDS:
            return False
        if toks[k - 1].w in NAME_LINKS:
            continue  # بن الشيخ، أبو الفضل: a name part, whatever it also means
    return True


def _name_after(toks: list[Tok], j: int, b: int) -> bool:
    """True when a personal name still follows token ``j`` in [j, b) (two words at least)."""
    rest = [t for t in toks[j + 1:b] if t.is_word]
    return len(rest) >= 2


def _role_extent(lex: Lexicon, toks: list[Tok], a: int, b: int) -> int:
    """End of a role phrase that starts with a role head at ``a`` (وزير العدل، نائب زعيم جماعة "X")."""
    j = a + head_at(lex, toks, a)[1]
    prev_head = True
    while j < b:
        tok = toks[j]
        if tok.w in OPEN_QUOTES:
            k = _quoted_end(toks, j, b)
            if k == j:
                break
            j, prev_head = k, False
            continue
        if not tok.is_word:
            break
        k_kinds, k_n = head_at(lex, toks, j)
        if is_definite(tok.w):
            j, prev_head = j + 1, False
            continue
        if k_kinds & {"role", "body", "media"}:
            j, prev_head = j + k_n, True
            if "body" in k_kinds and "role" not in k_kinds:
                # حزب آفاق تونس، حركة مشروع تونس: the body's own name follows it bare
                n = 0
                while j < b and n < 2 and toks[j].is_word and not is_definite(toks[j].w) and \
                        toks[j].w not in FUNCTION_WORDS and not head_at(lex, toks, j)[0] and _name_after(
                            toks, j, b):
                    j, n = j + 1, n + 1
                prev_head = n == 0
            continue
        if tok.w in SPOKESMAN_LINKS and j + 1 < b and (
                is_definite(toks[j + 1].w) or head_at(lex, toks, j + 1)[0]):
            j += 1  # الخبير في الشأن ...، الناطق باسم الحكومة
            continue
        if tok.w in ("باسم", "بإسم") and j + 1 < b and toks[j + 1].is_word:
            j += 2  # المتحدثة باسم شيفلر: the body after باسم is part of the role
            continue
        if tok.w[0] == "ب" and len(tok.w) > 3 and j > a and is_definite(toks[j - 1].w):
            j += 1  # المدير الجهوي للتجارة بنابل: the seat of the office
            continue
        # an adjective agrees in definiteness: مسؤول أمني، but not الوزيرة سلوى (a name)
        # (strictly: محمد، محسن، منير are names, not participles)
        if prev_head and tok.w not in FUNCTION_WORDS and nisba_like(tok.w, strict=True) and not is_definite(
                toks[j - 1].w):
            j += 1
            continue
        break
    return j


def _free_name(lex: Lexicon, toks: list[Tok], a: int, pos: int, end: int) -> bool:
    """True when the name at folded [pos, end) is not governed by the word before it."""
    k = next((i for i in range(a, len(toks)) if toks[i].start >= pos), len(toks))
    if k == a:
        return True
    prev = toks[k - 1]
    if not prev.is_word:
        return True
    if k < len(toks) and toks[k].end >= end and is_definite(toks[k].w) and is_definite(prev.w):
        return False  # الأمين العام الخاص: a lone word with the article after another is an adjective
    if prev.w in FUNCTION_WORDS or (prev.w[0] in "لب" and len(prev.w) > 3 and not is_definite(prev.w)):
        return False
    kinds, _ = head_at(lex, toks, k - 1)
    if k < len(toks) and toks[k].end >= end and kinds & {"anon", "role"} and (
            toks[k].w[2:] if is_definite(toks[k].w) else toks[k].w) in COMMON_ADJECTIVES:
        return False  # مسؤول كبير، مصدر رفيع: the adjective of the head, even when tagged as a name
    return not ("body" in kinds and "role" not in kinds)


def analyze_speaker(lex: Lexicon, toks: list[Tok], a: int, b: int, *,
                    persons: list[tuple[int, int]], surnames: frozenset[str]) -> SpeakerPhrase | None:
    """Analyse tokens [a, b) as a speaker phrase; None when nothing speaker-like is left.

    Args:
        lex: the quotes lexicon.
        toks: tokens of the sentence (folded).
        a: first token of the phrase.
        b: token after the phrase.
        persons: folded spans of PER mentions (from the entities stage), sorted.
        surnames: folded last words of names already seen in the article (الحسناوي).
    """
    outlets: list[tuple[int, int]] = []
    segments: list[tuple[int, int]] = []
    seg_start = a
    for j in range(a, b + 1):
        if j == b or toks[j].w in COMMAS:
            s, e = _segment_cut(lex, toks, seg_start, j, outlets)
            # a segment that opens with a preposition (في أول تصريح له ...) qualifies, never names
            qualifier = e > s and bool(segments) and (
                _circumstantial(toks, s, e) or toks[s].w in PREPOSITIONS or toks[s].w in TIME_PREPOSITIONS)
            if e > s and not (segments and toks[s].w in APPOSITION_OPENERS) and not qualifier:
                # an outlet-only segment (لـ"العربي الجديد") has been recorded; skip it
                found = _outlet_at(lex, toks, s, e)
                if found and found[0] >= e:
                    outlets.append(found[1])
                else:
                    segments.append((s, e))
            seg_start = j + 1
    if segments and toks[segments[0][0]].w in OPEN_QUOTES and segments[0][1] - segments[0][0] > 2:
        s0, e0 = segments[0]  # "سرايا أولياء الدم": the name inside the marks
        segments[0] = (s0 + 1, e0 - 1 if toks[e0 - 1].w in QUOTE_MARKS and len(segments) == 1 else e0)
    if not segments or "manner" in head_at(lex, toks, segments[0][0])[0]:
        return None  # قوله، تعبيره: "his words", never a speaker
    start, end = toks[segments[0][0]].start, toks[segments[-1][1] - 1].end
    outlet = outlets[0] if outlets else None
    # a PER mention inside the phrase is the name (the first segment, if different, the role), unless
    # it is the genitive of an office or a preposition (مسؤول مقرب من مكتب الكاظمي، حكومة الكاظمي)
    # (only in the kept segments: a name inside a dropped qualifier, وقال المسؤول، قبل لقائه بالرئيس
    # فلان، إن, is not the speaker's)
    kept = [(toks[s].start, toks[e - 1].end) for s, e in segments]
    for ps, pe in reversed(persons):
        if any(ps >= ks and pe <= ke for ks, ke in kept) and _free_name(lex, toks, a, ps, pe):
            role = None
            first = segments[0]
            if toks[first[0]].start < ps:
                role = (toks[first[0]].start, min(ps, toks[first[1] - 1].end))
            return SpeakerPhrase(start, end, "name", name=(ps, pe), role=role, outlet=outlet, certain=True)
    # a name-like segment (the last one) with a role segment before it: الخبير ...، أحمد الشريفي، or
    # a rank before the name in its own segment: المتحدث باسم التحالف، العقيد واين ماروتو
    for s, e in reversed(segments):
        first = segments[0]
        role = (toks[first[0]].start, toks[first[1] - 1].end) if first != (s, e) else None
        if _name_like(lex, toks, s, e, surnames):
            return SpeakerPhrase(start, end, "name", name=(toks[s].start, toks[e - 1].end), role=role,
                                 outlet=outlet, certain=e - s == 1 and toks[s].w in surnames)
        if role is not None and "role" in head_at(lex, toks, s)[0]:
            r_end = _role_extent(lex, toks, s, e)
            if r_end < e and _name_like(lex, toks, r_end, e, surnames, after_role=True):
                return SpeakerPhrase(start, end, "name", name=(toks[r_end].start, toks[e - 1].end),
                                     role=role, outlet=outlet)
    s, e = segments[0]
    kinds, n = head_at(lex, toks, s)
    head = strip_article(clitic_keys(toks[s].w)[-1][0]) if n else ""
    if "role" in kinds:
        r_end = _role_extent(lex, toks, s, e)
        # a lone word with ب/ل after the role continues it (المحكمة الابتدائية بسوسة)
        if r_end < e and not (e - r_end == 1 and toks[r_end].w[0] in "بل") and _name_like(
                lex, toks, r_end, e, surnames, after_role=True):
            return SpeakerPhrase(start, end, "name", name=(toks[r_end].start, toks[e - 1].end),
                                 role=(toks[s].start, toks[r_end - 1].end), outlet=outlet)
        if len(segments) == 1 and r_end < e and toks[r_end].w.endswith(OBJECT_NOUN_ENDINGS):
            end = toks[r_end - 1].end  # وأكد رئيس الوزراء ثقته بأن: the object is not the speaker's
    else:
        # a name followed by its role: حدة حزام رئيسة تحرير صحيفة الفجر
        for r in range(s + 1, min(e, s + 4)):
            if "role" in head_at(lex, toks, r)[0] and (r - s >= 2 or not is_definite(toks[r].w)) and \
                    _name_like(lex, toks, s, r, surnames):
                return SpeakerPhrase(start, end, "name", name=(toks[s].start, toks[r - 1].end),
                                     role=(toks[r].start, toks[e - 1].end), outlet=outlet)
    definite = is_definite(toks[s].w)
    if toks[s].w in SAME_WORDS and s + 1 < e:
        kinds2, _ = head_at(lex, toks, s + 1)
        if "anaphor" in kinds2:
            head = strip_article(clitic_keys(toks[s + 1].w)[-1][0])
            return SpeakerPhrase(start, end, "anaphor", head=head, outlet=outlet)
    if "anaphor" in kinds and definite and all(
            nisba_like(t.w) or t.w in SAME_WORDS for t in toks[s + 1:e]):
        return SpeakerPhrase(start, end, "anaphor", head=head, outlet=outlet)
    if "anon" in kinds and (not definite or n > 1):
        return SpeakerPhrase(start, end, "anon", head=head, outlet=outlet)
    if "body" in kinds or "role" in kinds or "media" in kinds:
        return SpeakerPhrase(start, end, "role" if "role" in kinds else "body", head=head, outlet=outlet)
    if toks[s].w in FUNCTION_WORDS or not toks[s].is_word:
        return None
    return SpeakerPhrase(start, end, "unknown", head=head, outlet=outlet)


def _trailing_name(lex: Lexicon, toks: list[Tok], j: int, b: int) -> int:
    """End of a two- or three-word name at ``j`` that a comma, time adverb, insert or في closes, or ``j``."""
    for n in (3, 2):
        k = j + n
        if k > b or not _name_like(lex, toks, j, k, frozenset()):
            continue
        if k == b or toks[k].w in COMMAS or toks[k].w in lex.time_words or toks[k].w in lex.inserts or \
                toks[k].w in ("في", "خلال", "عبر", "الي", "علي", "عن", "من") or toks[k].w in lex.comps or \
                "role" in head_at(lex, toks, k)[0]:
            return k
    return j


def noun_phrase_end(lex: Lexicon, toks: list[Tok], a: int, b: int, entity_ends: dict[int, int],
                    person_starts: frozenset[int] = frozenset()) -> int:
    """End index of the subject noun phrase at token ``a`` when no complementiser marks it off.

    Construct chains of bare nouns continue (وكالة أعماق، قيادة تحالف دعم الشرعية); once a word with
    the article or an adjective has come, only words with the article or adjectives continue, so the
    object that follows the subject ends it (كشفت الشرطة الكندية | هوية منفذ الهجوم). An entity
    mention (folded start -> end) is taken whole.

    Args:
        lex: the quotes lexicon.
        toks: tokens of the sentence.
        a: first token of the phrase.
        b: limit (exclusive).
        entity_ends: folded start -> folded end of every entity mention.
        person_starts: folded starts of PER mentions, which may follow a role (أكد الموسيقي لطفي الغربي).
    """
    j = a
    mode = "construct"
    head_kinds, _ = head_at(lex, toks, a)
    while j < b and j - a < 12:
        tok = toks[j]
        if tok.start in entity_ends and (j == a or mode in ("construct", "lam") or (
                "role" in head_kinds and mode in ("def", "adj") and tok.start in person_starts)):
            stop = entity_ends[tok.start]
            while j < b and toks[j].start < stop:
                j += 1
            mode = "adj"  # after a whole name only adjectives continue
            continue
        if tok.w in OPEN_QUOTES:
            # a quoted name after an institution (حركة "الأبدال"، وكالة "بلغا") or as the subject
            # itself (وأعلنت "سرايا أولياء الدم" مسؤوليتها); otherwise a quotation is what was said
            k = _quoted_end(toks, j, b)
            if k == j or (j > a and not head_at(lex, toks, j - 1)[0] & {"body", "media"}) or (
                    j == a and k - j > 5):
                break
            j, mode = k, "def"
            continue
        if not tok.is_word or tok.w.isdigit():
            break
        w = tok.w
        if j == a:
            j += 1
            mode = "def" if is_definite(w) else "construct"
            continue
        if w in ("صادر", "الصادر", "الصادره", "صادره") and j + 1 < b and toks[j + 1].w == "عن":
            j += 2
            mode = "construct"
            continue
        if w in FUNCTION_WORDS:
            if w in ("في", "من") and j + 1 < b and head_kinds & {"anon", "role"} and toks[j + 1].is_word \
                    and toks[j + 1].w not in FUNCTION_WORDS and "medium" not in head_at(lex, toks, j + 1)[0]:
                j += 1
                mode = "construct"
                continue
            break
        if w in lex.time_words or w in lex.inserts:
            break
        if w in ("باسم", "بإسم") and "role" in head_kinds and j + 1 < b:
            j += 1  # المتحدث باسم الجيش
            mode = "lam"
            continue
        if "role" in head_kinds and mode in ("def", "adj") and not is_definite(w):
            k = _trailing_name(lex, toks, j, b)
            if k > j:
                return k  # المتحدث باسم الجيش الليبي أحمد المسماري، ...
        # مدير عام الشؤون القنصلية بوزارة الخارجية، العميد بالحماية المدنية: the seat of the office
        if w[0] == "ب" and len(w) > 3 and "role" in head_kinds and mode in ("def", "adj", "construct") and \
                j > a:
            j += 1
            mode = "def" if is_definite(w) else "lam"
            continue
        if is_definite(w):
            if w[0] in "بك" or w[:2] in ("وب", "فب", "وك"):
                break  # بالإفراج، بالاعتداء: a prepositional phrase, not part of the subject
            if mode in ("adj", "lil") and not nisba_like(w, strict=mode == "lil") and not (
                    mode == "adj" and w.startswith("لل")):
                break  # الخارجية الفرنسية | الهجوم، الاتحاد العام للشغل | المواطنين: a new noun
            j += 1
            mode = "lil" if w.startswith("لل") else ("adj" if nisba_like(w) and j - 1 > a else "def")
            continue
        if w[0] in "وف" and len(w) > 3 and mode != "def" and head_at(lex, toks, j)[0]:
            j += 1
            continue
        if w[0] == "ل" and len(w) > 3 and mode in ("def", "adj"):
            j += 1  # التابعة لتنظيم، لتحرير: a genitive through ل
            mode = "lam"
            continue
        if mode == "lam":
            j += 1  # the one noun governed through ل (لتحرير فلسطين) closes the phrase
            mode = "def"
            continue
        if mode == "construct" and not nisba_like(w):
            j += 1
            continue
        # an adjective agrees in definiteness: after a word with the article only one with it
        if mode in ("construct", "adj") and nisba_like(w) and not is_definite(toks[j - 1].w):
            j += 1
            mode = "adj"
            continue
        break
    return j
