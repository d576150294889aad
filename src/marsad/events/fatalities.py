"""Fatalities by ACLED's rules: the number killed as stated, in digits or words, duals included.

Vague counts take ACLED's conventional figures (عدة/بضعة "several" 3, عشرات "dozens" 12, مئات
"hundreds" 100; ``data/events/quantities.tsv``); the injured are not counted; when a text gives
several figures for the killed, the lowest is kept; a text that says nobody died gives 0; a text
that says nothing gives None.
"""

from __future__ import annotations

import functools
import re

from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

_L = r"[^\W\d_]"
# Words of killing that a count follows (مقتل 7، قتل فيها 11، أودى بحياة 6، استشهاد 3 ...).
KILL_BEFORE = (r"(?:مقتل|قتل|قتلت|قتلوا|يقتل|تقتل|استشهاد|استشهد|استشهدت|مصرع|وفاه|بحياه|حياه|"
               r"اعدام|ذبح|اغتيال)")
# Words of killing that follow a count (7 قتلى، 11 قتيلا، 3 شهداء).
KILL_AFTER = r"(?:قتلي|قتيلا|قتيل|شهداء|شهيدا|شهيد|ضحيه|ضحايا|جثه|جثث|وفيات)"
HEDGE = r"(?:ما\s+لا\s+يقل\s+عن|لا\s+يقل\s+عن|اكثر\s+من|اقل\s+من|نحو|حوالي|حوالى|قرابه|زهاء|ما\s+يقارب|" \
        r"ما\s+يزيد\s+عن|ما\s+يزيد\s+على|اكثر\s+من|على\s+الاقل|الى|عن)"
# Nouns of people whose dual (ـين/ـان) after a word of killing means two: مقتل جنديين، قتيلين.
DUAL_RE = re.compile(
    rf"(?<!{_L})(?:ال)?(?:قتيل|شخص|جندي|شرطي|طفل|رجل|امرات|شقيق|عنصر|ضابط|مدني|مواطن|مسلح|"
    rf"حارس|مدنيين|عسكري|مصل|صحفي|صحافي|ناشط)(?:ين|ان)(?:\s+اثنين)?(?!{_L})")
PASSIVE_DUAL_RE = re.compile(rf"(?<!{_L})(?:اللذين|اللذان|اللتين|اللتان)?\s*[وف]?(?:قتلا|قتلتا|لقيا)(?!{_L})")
NUMBER_WORD_RE = re.compile(rf"(?<!{_L})[وف]?(?:ال)?({_L}+)(?!{_L})")
# Words in ـان that are plurals or singulars, not duals.
NOT_DUAL = frozenset({"سكان", "شبان", "رهبان", "فرسان", "جيران", "عمان", "انسان", "لبنان", "السكان",
                      "الشبان", "الجيران", "ايران", "سودان", "اليمان", "رمضان", "شعبان", "الان"})
DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)?")
# "لم يسفر الهجوم عن إصابات": a denial of casualties with the subject between verb and object.
NO_TOLL_RE = re.compile(
    rf"(?<!{_L})(?:لم|دون\s+ان|بدون\s+ان)\s+(?:يسفر|تسفر|يخلف|تخلف|يوقع|توقع|يؤد|تؤد)(?:\s+{_L}+){{0,3}}"
    rf"\s+(?:عن|الي|اي)\s+(?:اي\s+)?(?:اصابات|ضحايا|خسائر\s+بشريه|قتلي|اصابه)")


@functools.cache
def _quantities() -> tuple[dict[str, tuple[int, str]], re.Pattern[str]]:
    words: dict[str, tuple[int, str]] = {}
    zero_forms = []
    for row in read_tsv("events/quantities.tsv"):
        value, kind = int(row[1]), row[2]
        for raw in row[0].split("|"):
            form = fold_key(raw.strip())
            if kind == "zero":
                zero_forms.append(re.escape(form).replace(r"\ ", r"\s+"))
            else:
                words.setdefault(form, (value, kind))
    zero = re.compile(rf"(?<!{_L})(?:{'|'.join(sorted(zero_forms, key=len, reverse=True))})(?!{_L})")
    return words, zero


def _number_at(text: str, pos: int) -> tuple[int, int] | None:
    """Read a count at ``pos`` (digits or words, e.g. ثلاثة وعشرين); return (value, end)."""
    words, _ = _quantities()
    m = DIGITS_RE.match(text, pos)
    if m:
        try:
            return int(float(m.group(0).replace(",", ""))), m.end()
        except ValueError:
            return None
    m = NUMBER_WORD_RE.match(text, pos)
    if not m:
        return None
    word = m.group(1)
    found = words.get(word) or words.get("ال" + word)
    if found is None:
        return None
    value, kind = found
    end = m.end()
    # خمسة عشر (15); ثلاثة وعشرين (23)
    nxt = NUMBER_WORD_RE.match(text, end + 1) if end < len(text) else None
    if nxt and kind == "unit" and value < 10:
        following = words.get(nxt.group(1))
        if nxt.group(1) == "عشر":
            return value + 10, nxt.end()
        if following and following[1] == "tens" and text[end + 1:end + 2] == "و":
            return value + following[0], nxt.end()
    if kind == "vague" and word in ("عدد", "عددا"):
        # عدد من القتلى: "a number of" is ACLED's "several"
        return value, end
    return value, end


def count_killed(text: str, start: int = 0, end: int | None = None) -> int | None:
    """Fatalities reported in folded ``text[start:end]``; None when the text is silent.

    >>> count_killed("ادى الانفجار الى مقتل 7 اشخاص واصابه 12 اخرين")
    7
    >>> count_killed("قتل حارس واصيب سبعه اخرون")
    1
    >>> count_killed("سقطت قذيفه دون وقوع اصابات")
    0
    """
    stop = len(text) if end is None else end
    span = text[start:stop]
    counts: list[int] = []
    for m in re.finditer(rf"(?<!{_L})[وف]?(?:ب|ل)?(?:ال)?{KILL_BEFORE}(?!{_L})", span):
        pos = m.end()
        # skip a hedge (ما لا يقل عن) and the object of passive verbs (قتل فيها، قتل منهم)
        rest = span[pos:pos + 60]
        skip = re.match(rf"\s+(?:(?:فيها|فيه|منهم|منها|جراءه|خلاله)\s+)?(?:{HEDGE}\s+)?", rest)
        offset = pos + (skip.end() if skip else 0)
        got = _number_at(span, offset)
        if got is not None:
            counts.append(got[0])
            continue
        dual = DUAL_RE.match(span, offset)
        if dual:
            counts.append(2)
            continue
        word = NUMBER_WORD_RE.match(span, offset)
        if word and m.group(0).lstrip("وف").startswith(("قتل", "مقتل", "مصرع", "ذبح")):
            w = word.group(1)
            if w.endswith("ان") and w not in NOT_DUAL:
                counts.append(2)  # قتل قائدان: a nominative dual
                continue
            if w.endswith(("ين", "ون", "ات", "ان")):
                continue  # a plural without a number: unknown count
            if w not in ("في", "على", "علي", "من", "عن", "الى", "الي", "بعد", "قبل", "خلال", "اثر", "جراء"):
                counts.append(1)
    for m in re.finditer(rf"(?<![\w])(\d+|{_L}+)\s+(?:(?:{_L}+\s+)?)?(?:ال)?{KILL_AFTER}(?!{_L})", span):
        got = _number_at(span, m.start(1))
        if got is not None and got[1] <= m.end(1) + 1:
            counts.append(got[0])
    if re.search(rf"(?<!{_L})(?:ال)?(?:قتيلين|قتيلان|شهيدين|شهيدان)(?!{_L})", span):
        counts.append(2)
    if PASSIVE_DUAL_RE.search(span):
        counts.append(2)
    if counts:
        return min(counts)
    _, zero = _quantities()
    if zero.search(span) or NO_TOLL_RE.search(span):
        return 0
    return None
