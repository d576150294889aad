"""Arabic orthography facts used by the text layer: letter classes, diacritics, clitics, digits."""

from __future__ import annotations

import re
import unicodedata

# Harakat, tanwin, shadda, sukun, Quranic marks, superscript alef and tatweel: deleted by folding.
DIACRITICS = "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a" + "".join(
    chr(c) for c in range(0x064B, 0x0660)) + "\u0670" + "".join(chr(c) for c in range(0x06D6, 0x06EE))
TATWEEL = "\u0640"
# Bidi and zero-width marks that editors and CMSes scatter in Arabic text (RLM, LRM, ZWJ, the
# Arabic letter mark U+061C, word joiner, soft hyphen ...).
INVISIBLES = ("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
              "\u061c\u2060\u00ad")
DELETED = DIACRITICS + TATWEEL + INVISIBLES
DELETED_RE = re.compile("[" + re.escape(DELETED) + "]")


def _presentation_forms() -> dict[int, int]:
    """Arabic presentation forms (old PDFs and Windows-1256 era pages) to their letters, one to one.

    Only forms whose compatibility decomposition is a single letter are mapped: the lam-alef
    ligatures decompose to two letters and would change the length, so they stay as they are.
    """
    out: dict[int, int] = {}
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)):
        base = unicodedata.normalize("NFKC", chr(cp))
        if len(base) == 1 and "\u0621" <= base <= "\u06FF" and base not in DIACRITICS + TATWEEL:
            out[cp] = ord(base)
    return out


# One character to one character: folding never changes length except by deletion.
FOLD_MAP: dict[int, int] = {
    **_presentation_forms(),
    ord("أ"): ord("ا"), ord("إ"): ord("ا"), ord("آ"): ord("ا"), ord("ٱ"): ord("ا"),
    ord("ى"): ord("ي"), ord("ة"): ord("ه"), ord("ؤ"): ord("و"), ord("ئ"): ord("ي"),
    ord("ی"): ord("ي"), ord("ک"): ord("ك"), ord("ې"): ord("ي"), ord("ھ"): ord("ه"),
    # Letters for sounds Standard Arabic lacks, spelled with the plain letter by most outlets:
    # Maghrebi ڨ (g: ڨفصة = قفصة) and ڤ (v), Persian/Iraqi گ (g), پ (p), چ (ch), ژ (zh).
    ord("ڨ"): ord("ق"), ord("ڤ"): ord("ف"), ord("گ"): ord("ك"), ord("پ"): ord("ب"),
    ord("چ"): ord("ج"), ord("ژ"): ord("ز"),
    # Arabic-Indic and Eastern Arabic-Indic digits to ASCII digits
    **{0x0660 + i: ord("0") + i for i in range(10)},
    **{0x06F0 + i: ord("0") + i for i in range(10)},
    ord("٫"): ord("."), ord("٬"): ord(","),
}
# a presentation form of أ folds on to ا like أ itself
FOLD_MAP.update({k: FOLD_MAP.get(v, v) for k, v in FOLD_MAP.items()})

ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]")

# Single-letter proclitics that attach to the next word: و (and), ف (so), ب (in/by), ل (for), ك (as).
PROCLITICS = "وفبلك"
# The article ال fused with ل: للتحالف = ل + التحالف.
LIL = "لل"
# Frequent news words that begin with و or ف as a root letter, not a conjunction: a split
# without a name list must leave them whole (وزارة is not و + زارة).
ROOT_WAW_FA = ("وزار", "وزير", "وكال", "ولاي", "وحد", "وسط", "وقت", "وضع", "واشنطن", "وادي", "وطن",
               "وثيق", "وجه", "وصول", "وقف", "ورد", "وعد", "وقوع", "وفا", "ولد", "وفق", "وفد", "وصف",
               "فرنس", "فلسطين", "فريق", "فصائل", "فصيل", "فندق", "فيلق", "فيديو", "فترة", "فرع",
               "فوج", "فجر", "فرق", "فوز", "فقد", "فتح", "فيه", "فيما", "فضل", "فكر")
# Whole words that look like و + ال... but are one word (والي governor, والد father).
ROOT_WAW_WORDS = frozenset({"والي", "والد", "والدة", "والده", "والدي", "والدته", "والدها", "والدين"})


# Letters of the other scripts a news page may be in (Latin with its accents, Greek, Cyrillic,
# Hebrew): plain code-point ranges, which the regex engine tests far faster than \w.
_OTHER_LETTER_RE = re.compile(r"[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u05D0-\u05EA]")


def arabic_share(text: str, sample: int = 2000) -> float:
    """Share of Arabic letters among the letters of the first ``sample`` characters.

    Counted with ``subn`` (no list of matches is built); 2,000 characters say which script an
    article is in as well as the whole text does. This runs on every article before any stage,
    so it must cost little beside the text layer itself (benchmarks/throughput.py --stages text).

    >>> round(arabic_share("قالت وكالة Reuters إن"), 2)
    0.61
    """
    head = text[:sample]
    arabic = ARABIC_LETTER_RE.subn("", head)[1]
    letters = arabic + _OTHER_LETTER_RE.subn("", head)[1]
    return arabic / letters if letters else 0.0


def proclitic_variants(word: str) -> list[tuple[str, int]]:
    """Readings of ``word`` with attached proclitics removed, as (bare word, chars removed).

    The caller decides which reading to keep (usually the one a lexicon knows): لبنان starts with
    ل but is not ل + بنان. ``للتحالف`` reads as ``التحالف`` (ل + ال with the alef elided).

    >>> proclitic_variants("وبغداد")
    [('وبغداد', 0), ('بغداد', 1), ('غداد', 2)]
    >>> proclitic_variants("للتحالف")[:3]
    [('للتحالف', 0), ('التحالف', 1), ('لتحالف', 1)]
    """
    out: list[tuple[str, int]] = [(word, 0)]
    rest, removed = word, 0
    # at most two stacked proclitics (و + ب, ف + ل ...), and keep at least two letters
    for _ in range(2):
        if len(rest) < 3 or rest[0] not in PROCLITICS:
            break
        if rest.startswith(LIL) and len(rest) > 3:
            out.append(("ا" + rest[1:], removed + 1))
        rest, removed = rest[1:], removed + 1
        out.append((rest, removed))
    return out
