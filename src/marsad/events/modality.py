"""The modality filter: is a cue an act that happened, or one the text speculates about, expects,
threatens, denies, plans, calls for or talks about in general? And is it recalled from long ago?

A marker governs a cue by its scope (``data/events/modality.tsv``): ``before`` markers (ربما،
توقع، هدد، نفى، في حال، دعا إلى ...) govern a cue that follows within a few words of the same
clause; ``after`` markers (ليس مستبعداً، متوقع، المقبلة ...) govern a cue that precedes them in the
sentence; ``adjacent`` markers (لم، لن، لا) only the word right after them. The particle قد is
handled here: before an imperfect verb it is "may" (قد يكون), before a past verb it is the
perfective "has" (قد تبنّى), which reports a fact.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from marsad.events.cues import Hit
from marsad.events.spans import WORD_RE

# How many words before a cue a `before` marker reaches, by class. Calibrated on the dev set and
# the GSR development sentences (benchmarks/quality_gate.py, scripts/run_gsr.py): speculation, threats and
# denials govern a whole complement clause (توقع السعدي، في حديث ...، أن يستمر التصعيد; نفى
# الجيش أن تكون طائراته قد قصفت), while negation (عدم، دون), condition and the generic governors
# (وتيرة الهجمات، إدانة الهجوم) bind a noun right after them.
BEFORE_WINDOW = {"speculation": 10, "future": 10, "threat": 10, "denial": 16, "call": 8,
                 "accusation": 10, "condition": 4, "future_verb": 4, "negation": 3, "generic": 2,
                 "reaction": 12, "investigation": 8, "relative": 12, "capability": 2}
# The reaction, investigation, relative and capability windows were calibrated on the GSR
# development sentences (scripts/run_gsr.py): a condemnation or an inquiry names its object after
# a long subject (استنكر علاوي في بيان صحافي له أمس ... تفجيرات), a relative clause runs on to the
# next comma (الذي اغتيل في فبراير 2005 في بيروت في تفجير).
# Classes whose reach also ends at a comma: a relative clause (المنطقة التي تحوي مقار الحكومة،
# تعرضت لهجوم) gives way to the main verb after it.
COMMA_BOUND = frozenset({"relative"})
COMMA_RE = re.compile(r"[،,]")
MAYBE_AFTER_WINDOW = 16  # a long subject (استمرار التصعيد، من خلال قصف القواعد، أو ...) before قد
AFTER_WINDOW = 12  # words after the cue that an `after` marker (ليس مستبعداً) may stand at
NEAR_WINDOW = 8  # words on either side for a `near` marker (هاجم نمر حارسة، معركة مع سمكة)
ADJACENT_WINDOW = 2  # لم يقع هجوم: the marker, one verb, then the cue

# Boundaries that end the reach of a marker: sentence punctuation and the conjunctions that open a
# new clause with its own verb (فيما، بينما، في حين ...). Folded spellings (إلى -> الي, أن -> ان).
BOUNDARY_RE = re.compile(
    r"[.;؛!?؟\n]|(?<![^\W\d_])(?:[وف]?(?:فيما|بينما|في حين|كما|لكن|لكنه|لكنها|الا ان|غير ان|فضلا عن|"
    r"اضافه الي|بالاضافه الي|علاوه علي|حيث|فقد|وقد|بعدما|بعد ان|عقب|اثر|ثم))(?![^\W\d_])")
# The stronger boundaries that also end the reach of a support word: a time word or a toll before
# "عقب انفجار" still dates and counts the explosion, but not across فيما، بينما or a full stop.
STRONG_BOUNDARY_RE = re.compile(
    r"[.;؛!?؟\n]|(?<![^\W\d_])(?:[وف]?(?:فيما|بينما|في حين|لكن|لكنه|لكنها|الا ان|غير ان))(?![^\W\d_])")
# قد / لقد before a word: an imperfect (ي/ن, or ت not in the short list of past verbs of form V
# and VI that news uses after قد) reads "may"; after كان it is always the pluperfect.
QAD_RE = re.compile(r"(?<![^\W\d_])(?:[وف]?)قد\s+([^\W\d_]+)")
PAST_T_VERBS = frozenset({"تم", "تمت", "تمكن", "تمكنت", "تعرض", "تعرضت", "تبني", "تبنت", "تسبب",
                          "تسببت", "توفي", "تلقي", "تلقت", "تجاوز", "تحول", "تحولت", "تصاعد",
                          "تزايد", "تراجع", "توصل", "توصلت", "تقدم", "تقدمت", "تحدث", "تلقوا",
                          "تمكنوا", "تعرضوا", "تبنوا", "تدخل", "تدخلت", "تكرر", "تكررت", "تظاهر",
                          "تظاهروا", "تجمع", "تجمعوا", "تحرك", "تحركت", "تولي", "تولت"})
KANA_RE = re.compile(r"(?<![^\W\d_])[وف]?(?:كان|كانت|كانوا|كانا)(?![^\W\d_])")
# Markers of a recalled past: anniversaries and "since".
HISTORICAL_RE = re.compile(
    r"(?<![^\W\d_])[وف]?(?:[بلك]?ال|لل|[بلك])?(?:ذكري|الذكري|مثل هذا اليوم|احياء ذكري|ابان|"
    r"منذ(?!\s+(?:يوم|يومين|ايام|ساعات|ساعه|ساعتين|اسبوع|اسبوعين|الصباح|صباح|مساء|امس|ليله|قليل|"
    r"بدايه|مطلع|اواخر|الاسبوع|الشهر|شهر)))"
    r"(?![^\W\d_])")
HISTORICAL_WINDOW = 8
FUTURE_VERB_RE = re.compile(r"(?<![^\W\d_])[وف]?(س[يتن][^\W\d_]{3,})")
# Words that begin with سي/ست/سن but are no future verbs (سيارة، سياسة، سيطرة، ستة، سنوات ...).
NOT_FUTURE = ("سيار", "سياس", "سيطر", "سيد", "سينا", "ستة", "سته", "ستين", "ستون", "ستار", "سير",
              "سيول", "سيف", "سينم", "سياح", "سياق", "سياد", "ستاد", "سنو", "سنه", "سنت", "سنا", "سنغ",
              "سيبير", "سيريلانك", "سيرا", "ستوكهولم", "سيئ", "سيي", "سيول", "سيمينار", "ستراتيج")
YEAR_RE = re.compile(r"(?<![^\W\d_])(?:عام|العام|سنه|لسنه|في|منذ|خلال)\s+((?:19|20)\d\d)(?!\d)")
YEAR_WINDOW = 12  # words between a cue and the year that dates it (اغتيل ... عام 1999)


class SentenceModality:
    """The modality markers of one sentence, ready to judge each cue in it.

    Args:
        text: the folded article text.
        start: folded start of the sentence.
        end: folded end of the sentence.
        markers: the modality hits in the sentence (:func:`marsad.events.cues.find_words`).
    """

    def __init__(self, text: str, start: int, end: int, markers: list[Hit], *,
                 published_year: int | None = None) -> None:
        self.text = text
        self.markers = list(markers)
        self.words = [m.start() for m in WORD_RE.finditer(text, start, end)]
        self.boundaries = [m.start() for m in BOUNDARY_RE.finditer(text, start, end)]
        self.strong = [m.start() for m in STRONG_BOUNDARY_RE.finditer(text, start, end)]
        self.commas = [m.start() for m in COMMA_RE.finditer(text, start, end)]
        self.maybe: list[int] = []  # end offsets of قد that reads "may"
        for m in QAD_RE.finditer(text, start, end):
            word = m.group(1)
            if word[0] in "ين" or (word[0] == "ت" and word not in PAST_T_VERBS):
                before = text[max(start, m.start() - 60):m.start()]
                if not KANA_RE.search(before):
                    self.maybe.append(m.start(1))
        self.historical = [m.end() for m in HISTORICAL_RE.finditer(text, start, end)]
        # a year before the publication year (any year when it is unknown) dates a recalled act
        self.years = [m.start() for m in YEAR_RE.finditer(text, start, end)
                      if published_year is None or int(m.group(1)) < published_year]

        # a verb with the future سـ (ستسمح بتنفيذ ضربات، سيواجه هجوماً) before a cue
        for m in FUTURE_VERB_RE.finditer(text, start, end):
            if not m.group(1).startswith(NOT_FUTURE):
                self.markers.append(Hit(m.start(), m.end(), m.group(1), "I", "س", "future_verb",
                                        scope="before"))

    def words_between(self, a: int, b: int) -> int:
        """Number of words that start in [a, b)."""
        return bisect_left(self.words, b) - bisect_left(self.words, a)

    def comma_between(self, a: int, b: int) -> bool:
        """True when a comma stands between a and b."""
        i = bisect_right(self.commas, a)
        return i < len(self.commas) and self.commas[i] < b

    def boundary_between(self, a: int, b: int, *, strong: bool = False) -> bool:
        """True when a clause boundary (``strong``: only a sentence-level one) lies between a and b."""
        marks = self.strong if strong else self.boundaries
        i = bisect_right(marks, a)
        return i < len(marks) and marks[i] < b

    def reason(self, cue: Hit) -> str | None:
        """Why ``cue`` is not an event (the marker's class), or None when nothing governs it."""
        if cue.pos == "I" and ("س" in cue.prefix or cue.prefix.endswith("ل")):
            return "future" if "س" in cue.prefix else "plan"
        for q in self.maybe:
            if q <= cue.start and self.words_between(q, cue.start) <= 1:
                return "speculation"
            # "استمرار ... قصف القواعد ... قد يدفع الإدارة": the cue is the subject of a "may"; but
            # "انفجار قد يكون ناجماً عن" only guesses the cause of an explosion that happened
            if q >= cue.end and self.words_between(cue.end, q) <= MAYBE_AFTER_WINDOW \
                    and not self.text.startswith(("يكون", "تكون"), q) \
                    and not self.boundary_between(cue.end, q):
                return "speculation"
        for mk in self.markers:
            if mk.scope == "before" and mk.end <= cue.start:
                reach = BEFORE_WINDOW.get(mk.kind, 4)
                if self.words_between(mk.end, cue.start) < reach and not self.boundary_between(
                        mk.end, cue.start) and not (mk.kind in COMMA_BOUND and self.comma_between(
                            mk.end, cue.start)):
                    return mk.kind
            elif mk.scope == "adjacent" and mk.end <= cue.start:
                if self.words_between(mk.end, cue.start) < ADJACENT_WINDOW:
                    return "denial"
            elif mk.scope == "near" and not (mk.end > cue.start and mk.start < cue.end):
                lo, hi = (mk.end, cue.start) if mk.end <= cue.start else (cue.end, mk.start)
                if self.words_between(lo, hi) <= NEAR_WINDOW and not self.boundary_between(
                        lo, hi, strong=True):
                    return mk.kind
            elif mk.scope == "adjacent_after" and mk.start >= cue.end:
                if self.words_between(cue.end, mk.start) == 0:
                    return mk.kind
            elif mk.scope == "after" and mk.start >= cue.end:
                if self.words_between(cue.end, mk.start) <= AFTER_WINDOW and not self.boundary_between(
                        cue.end, mk.start):
                    return mk.kind
        return None

    def recalled(self, cue: Hit) -> bool:
        """True when an anniversary or "since" marker governs ``cue`` (الذكرى الثانية لاغتيال)."""
        for end in self.historical:
            if end <= cue.start and self.words_between(end, cue.start) < HISTORICAL_WINDOW \
                    and not self.boundary_between(end, cue.start):
                return True
        for pos in self.years:
            lo, hi = min(pos, cue.end), max(pos, cue.start)
            if self.words_between(lo, hi) <= YEAR_WINDOW and not self.boundary_between(lo, hi, strong=True):
                return True
        return False
