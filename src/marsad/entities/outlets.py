"""Media outlets named without their head, where the sentence says they report.

The actor lexicon names outlets with their head (صحيفة الشروق، قناة العربية، وكالة الأناضول),
and the patterns find a head with its name; but news often drops the head (ذكرت الشروق، نقلت
العربية عن مصدر، في تصريح لـ"الحرة"), and the bare name is then an ordinary word (sunrise, the
Arabic language, the free one). It is an organisation only with evidence that an outlet is meant:
a verb of reporting or broadcasting right before it (ذكرت، أفادت، نقلت، بثت), a phrase of
attribution (حسب، بحسب، وفق، نقلا عن), or ل + the name after an interview word (تصريح، حديث،
مقابلة) a few words before. Names that are also places (الرياض) stay places.
"""

from __future__ import annotations

from collections.abc import Iterator

from marsad.entities.candidates import PRIO_RULE, Candidate
from marsad.entities.lexicons import Lexicons
from marsad.entities.words import Word

# folded verbs of reporting and publishing, feminine and masculine (ذكرت الشروق، ذكر موقع ...)
REPORTING_VERBS = frozenset({
    "ذكرت", "ذكر", "افادت", "افاد", "نقلت", "نقل", "اوردت", "اورد", "نشرت", "نشر", "بثت", "بث",
    "كشفت", "كشف", "قالت", "اكدت", "اشارت", "اضافت", "تابعت", "عرضت", "اعلنت", "نسبت", "بثته", "نشرته",
    "اوردته", "ذكرته", "نقلته"})
# folded words of attribution before a source (حسب الشروق، نقلا عن العربية)
ATTRIBUTION = frozenset({"حسب", "بحسب", "وفق", "وفقا", "طبقا", "عن"})
# folded interview words after which ل + a name is the outlet spoken to (في تصريح للحرة)
INTERVIEW_WORDS = frozenset({"تصريح", "تصريحات", "حديث", "مقابله", "حوار", "مداخله", "لقاء"})
INTERVIEW_WINDOW = 4  # words between the interview word and the outlet


def _media_context(words: list[Word], i: int) -> bool:
    """Whether the outlet name at token ``i`` stands where an outlet is meant."""
    w = words[i]
    before = words[i - 1] if i > 0 else None
    if before is not None and before.is_word and not w.n:
        key = before.base if before.n else before.key  # وحسب، وذكرت
        if key in REPORTING_VERBS or key in ATTRIBUTION:
            return True
    lam = w.n and "ل" in w.key[:w.n]
    if lam or (before is not None and before.key in ("ل", "لـ", "ـ")):
        return any(words[k].bare in INTERVIEW_WORDS for k in range(max(0, i - INTERVIEW_WINDOW), i))
    return False


def find_outlets(words: list[Word], lex: Lexicons, taken: bytearray) -> Iterator[Candidate]:
    """Bare outlet names (``lex.outlets``) in a media context, over tokens no other name holds."""
    n = len(words)
    for i, w in enumerate(words):
        if taken[i] or not w.is_word:
            continue
        for name in lex.outlets.get(w.base, ()):
            end = i + len(name)
            if end > n or any(taken[i:end]) or any(words[i + k].key != name[k] for k in range(1, len(name))):
                continue
            if _media_context(words, i):
                yield Candidate(i, end, "ORG", "pattern", PRIO_RULE, w.n)
                break
