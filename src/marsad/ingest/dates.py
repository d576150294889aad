"""Publication dates printed on a page: the dateline by the title or byline, or atop a text file.

Many Arabic news pages carry no date in their metadata but print it near the title:
"نشر في: 12 مارس 2023"، "الثلاثاء 14 آذار 2023 - 10:42"، "2023/03/14"، "22 شعبان 1444 هـ الموافق 14
مارس 2023". :func:`visible_date` reads such a line and gives its date when it is full (day, month
and year), not in the future, and the line is a dateline rather than a sentence of the article
(which may date an event, not the publication).

The import contract keeps ingest from importing the dates stage (sibling layers, pyproject.toml),
so this module reads the same month tables (``data/dates/months.tsv``, ``weekdays.tsv``) through
:mod:`marsad.resources` and folds them like the dates grammar does; it needs only the full-date
subset of that grammar.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from hijridate import Hijri

from marsad.errors import DataFileError
from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

__all__ = ["VisibleDate", "full_dates", "visible_date"]

# A dateline holds the date and a few other words: "نشر في"، "آخر تحديث"، a place, a source, an
# author ("كتب: محمد علي"), "ص"/"م" after the hour; a sentence holds more. In a page's byline
# region (between title and text) eight words let through every byline of our test pages.
MAX_OTHER_WORDS = 8
# Atop a text, where titles and sentences also stand, six: over the first three lines of the
# 10,101 ANT articles, with and without their title on top (20,202 tops), a limit of 6 takes 52
# dates, all within a day of the true publication date (49 on it); 7 takes 57 with one 9 days off
# ("... تعود إلى النشاط يوم 8 فيفري 2017", a title announcing a date), 8 takes 61 with one more.
MAX_OTHER_WORDS_TOP = 6
# A page in UTC+3 published at 01:00 local time is dated "tomorrow" by a UTC clock.
_FUTURE_TOLERANCE = dt.timedelta(days=1)
# Modification dates are not publication dates (see html._DATE_KEYS): a date right after one of
# these words is skipped ("آخر تحديث"، "عُدّل في"; folded). حدث and عدل only as whole words: العدل
# and الحدث (a channel) are names.
_UPDATE_CUE = re.compile(r"تحديث|تعديل|(?<!\w)(?:حدث|عدل|محدث)(?!\w)|updated|modified|last update",
                         re.IGNORECASE)

# Every full date has a four-digit year: lines without one are skipped before the big pattern.
_YEAR_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]{4}")
# A line ending in a colon opens a list ("البرنامج: الأحد 2 أفريل 2017:" then matches and hours):
# its date is that of the items, not of the page. A line ending in one of these is a sentence.
_LIST_HEAD_END = (":", "：")
_SENTENCE_END = (".", ":", "؛", ";", "!", "؟", "?", "…", "：")
# "و في ما يلي البرنامج: الأربعاء 15 فيفري 2017": a line opening with "and" continues the text.
_CONJUNCTION_OPENING = re.compile(r"^\W*و(?:\s|في\s|فيما\s|قد\s)")
# A title above the dateline of a text file; a longer line is a paragraph of the article. The
# titles of the 10,101 ANT articles are at most 106 characters long (99.9 % at most 93), while a
# tenth of their first paragraphs are 109 characters or shorter.
MAX_TITLE_CHARS = 110

_SPACE = r"[^\S\n]"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_YEAR = r"(?:19|20)\d\d(?!\d)"


@dataclass(frozen=True, slots=True)
class VisibleDate:
    """A publication date read from the page: the date, the line it was read from, and which line."""

    value: dt.date
    line: str
    index: int  # position of the line among those searched


@dataclass(frozen=True, slots=True)
class _Grammar:
    months: dict[str, int]
    hijri_months: dict[str, int]
    pattern: re.Pattern[str]
    word: re.Pattern[str]


def _alt(words: Iterable[str]) -> str:
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(rf"{_SPACE}+".join(re.escape(p) for p in w.split()) for w in items) + ")"


@functools.cache
def _grammar() -> _Grammar | None:
    """The full-date patterns, built from the dates tables once; None when the tables are missing."""
    try:
        month_rows = read_tsv("dates/months.tsv")
        weekday_rows = read_tsv("dates/weekdays.tsv")
    except DataFileError:
        return None
    months = {fold_key(r[0]): int(r[1]) for r in month_rows if r[2] == "gregorian"}
    hijri = {fold_key(r[0]): int(r[1]) for r in month_rows if r[2] == "hijri"}
    month = _alt(months)
    # paired names: "14 آذار/مارس 2023"، "14 آذار (مارس) 2023"، "كانون الثاني - يناير"
    month_p = rf"(?P<m>{month})(?:{_SPACE}*[/(\-–]{_SPACE}*{month}(?:{_SPACE}*\))?)?"
    sep = rf"{_SPACE}*[،,.\-/]?{_SPACE}*"
    year_noun = rf"(?:(?:من{_SPACE}+)?(?:عام|العام|سنه|السنه){_SPACE}+)?"
    weekday = _alt(fold_key(r[0]) for r in weekday_rows)
    patterns = [
        rf"(?<![\d./\-])(?P<y1>{_YEAR})[/.\-](?P<m1>[01]?\d)[/.\-](?P<d1>[0-3]?\d)(?![\d./\-]\d|\d)",
        rf"(?<![\d./\-])(?P<d2>[0-3]?\d)[/.\-](?P<m2>[01]?\d)[/.\-](?P<y2>{_YEAR})(?![\d./\-]\d|\d)",
        rf"(?<!\d)(?P<d>{_DAY}){sep}(?:من{_SPACE}+)?(?:شهر{_SPACE}+)?{month_p}{sep}{year_noun}(?P<y>{_YEAR})",
        rf"(?P<mf>{month}){_SPACE}+(?P<df>{_DAY}){_SPACE}*[،,]{_SPACE}*(?P<yf>{_YEAR})",
        rf"(?<!\d)(?P<hd>{_DAY}){_SPACE}*(?:من{_SPACE}+)?(?P<hm>{_alt(hijri)}){sep}{year_noun}"
        rf"(?P<hy>1[34]\d\d)(?!\d)(?:{_SPACE}*(?:هجريه|هجري|للهجره|هـ|ه)(?!\w))?",
    ]
    # a weekday before the date is part of the dateline, and so is the hour after it (10:42)
    pattern = re.compile("|".join(patterns) + rf"|(?P<wd>{weekday})(?!\w)|(?P<t>\d{{1,2}}:\d\d(?::\d\d)?)")
    return _Grammar(months=months, hijri_months=hijri, pattern=pattern, word=re.compile(r"[^\W\d_]+"))


def _date_of(m: re.Match[str], g: _Grammar) -> dt.date | None:
    """The date a match of the full-date patterns writes; None for a weekday, an hour or a bad date."""
    try:
        if m.group("y1"):
            return dt.date(int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
        if m.group("y2"):
            return dt.date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        if m.group("y"):
            return dt.date(int(m.group("y")), g.months[_norm(m.group("m"))], int(m.group("d")))
        if m.group("yf"):
            return dt.date(int(m.group("yf")), g.months[_norm(m.group("mf"))], int(m.group("df")))
        if m.group("hy"):
            hijri = Hijri(int(m.group("hy")), g.hijri_months[_norm(m.group("hm"))], int(m.group("hd")))
            day = hijri.to_gregorian()
            return dt.date(day.year, day.month, day.day)
    except (ValueError, OverflowError, KeyError):
        return None
    return None


def _norm(name: str) -> str:
    return " ".join(name.split())


def full_dates(line: str) -> tuple[list[tuple[int, dt.date]], int]:
    """The full dates written in ``line`` (offset in the folded line, date) and the count of other words.

    Weekday names, hours and digits are not counted as other words. Gregorian dates come first,
    in text order, then Hijri ones converted: a Hijri date printed beside its Gregorian
    equivalent follows the moon sighting of its country and may be a day off the tables.

    >>> dates, others = full_dates("نشر في: الثلاثاء ١٤ آذار ٢٠٢٣ - 10:42")
    >>> [d.isoformat() for _, d in dates], others
    (['2023-03-14'], 2)
    """
    g = _grammar()
    if g is None or not _YEAR_DIGITS.search(line):
        return [], len(line.split())
    folded = fold_key(line)
    found: list[tuple[int, dt.date]] = []
    hijri: list[tuple[int, dt.date]] = []
    rest: list[str] = []
    last = 0
    for m in g.pattern.finditer(folded):
        rest.append(folded[last:m.start()])
        last = m.end()
        value = _date_of(m, g)
        if value is not None:
            (hijri if m.group("hy") else found).append((m.start(), value))
    rest.append(folded[last:])
    others = sum(len(g.word.findall(part)) for part in rest)
    return found + hijri, others


def _after_update_cue(line: str, start: int) -> bool:
    return _UPDATE_CUE.search(line, max(0, start - 24), start) is not None


def _is_title(line: str) -> bool:
    """Whether ``line`` may be a title (or a source line) above a dateline: short, not a sentence."""
    line = line.strip()
    return len(line) <= MAX_TITLE_CHARS and not line.endswith(_SENTENCE_END)


def visible_date(lines: Iterable[str], *, today: dt.date | None = None, after_titles_only: bool = False,
                 max_other_words: int | None = None) -> VisibleDate | None:
    """The publication date of the first dateline among ``lines``, or None.

    A line is a dateline when it writes a full date, at most ``max_other_words`` other words, and
    does not end in a colon. Its first date that is not a modification date ("آخر تحديث: ...") and
    not later than ``today`` (default: the run date) plus a day of time-zone slack is taken.

    Args:
        lines: the lines to search, in page order.
        today: the fetch or run date; later dates are not publication dates.
        after_titles_only: the lines are the top of an article's own text (a ``.txt`` file,
            the text extracted from a page): a dateline there must come before the first
            paragraph, so the search stops at the first line that is not title-like (longer
            than :data:`MAX_TITLE_CHARS` or ending like a sentence). A schedule line after an
            opening paragraph ("الأحد 26 فيفري 2017" then the matches) dates the matches.
        max_other_words: the most words besides dates, weekdays and hours a dateline holds
            (default :data:`MAX_OTHER_WORDS`, or :data:`MAX_OTHER_WORDS_TOP` with
            ``after_titles_only``).

    >>> visible_date(["مقتل ثلاثة في هجوم", "بغداد - الأحد 14 آذار 2021"]).value.isoformat()
    '2021-03-14'
    >>> visible_date(["قتل ثلاثة أشخاص في هجوم على نقطة تفتيش شرقي المدينة يوم 14 آذار 2021 بحسب مصدر أمني"])
    """
    limit = (today or dt.date.today()) + _FUTURE_TOLERANCE
    if max_other_words is None:
        max_other_words = MAX_OTHER_WORDS_TOP if after_titles_only else MAX_OTHER_WORDS
    for index, line in enumerate(lines):
        dates, others = full_dates(line)
        if dates and others <= max_other_words and not line.rstrip().endswith(_LIST_HEAD_END) \
                and not _CONJUNCTION_OPENING.match(line):
            folded = fold_key(line)
            for start, value in dates:
                if value <= limit and not _after_update_cue(folded, start):
                    return VisibleDate(value=value, line=line.strip(), index=index)
        if after_titles_only and line.strip() and not _is_title(line):
            return None
    return None
