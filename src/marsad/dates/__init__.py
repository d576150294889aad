"""Stage ``dates``: every date expression of the article, normalised, with ACLED precision.

One regex pass over the folded text (:mod:`marsad.dates.grammar`) finds the expressions; at each
position the first rule of :data:`~marsad.dates.grammar.RULE_ORDER` that matches wins, and its
resolver (:mod:`marsad.dates.resolve`) turns the parts into a value, a precision and the name of
the rule that decided. Relative expressions (أمس، الأحد الماضي، منذ ثلاثة أيام، نهاية العام
الماضي) count from the article's ``published`` date; without it they keep ``value=None`` and the
document gets one W201 warning. A weekday or anchor right before a calendar date ("الأربعاء 18
جانفي 2017", "اليوم السبت 3 يناير") becomes one expression dated by the calendar date.

>>> from marsad.document import Article, Document
>>> doc = Document(article=Article(id="x", text="قُتل جنديان فجر أمس الاثنين.", published="2017-01-31"))
>>> [(d.text, d.value, d.rule) for d in normalize_dates(doc).dates]
[('فجر أمس الاثنين', '2017-01-30', 'anchor_weekday')]
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from marsad.config import DatesConfig
from marsad.dates.grammar import RULE_ORDER, Grammar, compiled
from marsad.dates.resolve import PRECISION_TO_ACLED, RESOLVERS, Context, Reading
from marsad.document import DateValue, Document
from marsad.errors import WarningCode
from marsad.text.arabic import DIACRITICS, TATWEEL
from marsad.text.normalize import FoldedText, fold

__all__ = ["RULE_ORDER", "date_for_span", "dates_in_span", "normalize_dates"]

# A weekday or anchor (اليوم، أمس) directly before a calendar date is part of that date.
_PREFIX_RULES = frozenset({"weekday", "anchor"})
_CALENDAR_RULES = frozenset({"day_month", "day_of_month", "numeric"})
# rules whose dates carry a year a coordinated date before them can share
_YEARED_RULES = frozenset({"day_month", "month", "numeric"})
_TRAILING_MARKS = frozenset(DIACRITICS + TATWEEL)
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# A date counts as "of the article's time" when its first day lies within this many days of
# publication. On the dev set the gold dates of current events lie within two days of
# publication and the recalled one (هجمات 13 نوفمبر in a March article) four months away, so any
# window from a week to three months separates them; 45 days also keeps الشهر الماضي (dated by
# the first of last month) current. Re-check with /work/shared/data/dev when changing it.
CURRENT_WINDOW_DAYS = 45


def _published(doc: Document) -> dt.date | None:
    if "published_date" in doc.cache:
        value = doc.cache["published_date"]
        if isinstance(value, dt.datetime):  # a datetime would put a time into every value
            return value.date()
        return value if isinstance(value, dt.date) else None
    raw = (doc.article.published or "").strip()
    try:
        return dt.date.fromisoformat(raw[:10]) if raw else None
    except ValueError:
        return None


def _join(prefix: Reading, calendar: Reading) -> Reading:
    """The reading of "<weekday or anchor> <calendar date>": the calendar date, unless its year is wrong.

    "اليوم الثلاثاء 3 جانفي 2016" in an article published on Tuesday 3 January 2017: the prefix
    (dated from publication, on its weekday) and the calendar date share day and month, but the
    calendar date falls on another weekday, so its year is the writer's slip from the old year
    (common in January) and the prefix's date is kept.
    """
    if (prefix.value is not None and calendar.value is not None and calendar.precision == "day"
            and prefix.precision == "day" and prefix.value != calendar.value
            and prefix.value[4:] == calendar.value[4:]
            and dt.date.fromisoformat(prefix.value).weekday()
            != dt.date.fromisoformat(calendar.value).weekday()):
        # no year written (غدا السبت 1 أفريل): the prefix gives it; a year written: it slipped
        return Reading(prefix.value, "day", True, "prefix_year" if calendar.open_year else "year_slip")
    return calendar


def _scan(folded: FoldedText, published: dt.date | None) -> list[tuple[int, int, str, Reading]]:
    """(folded start, folded end, rule family, reading) of every expression, in text order."""
    g = compiled()
    text = folded.text
    found: list[tuple[int, int, str, Reading]] = []
    scan_starts: list[int] = []  # where each scanner match began, attached proclitics included
    for m in _all_matches(g, text):
        family = m.lastgroup
        if family is None:
            continue
        start, end = m.span(family)
        parts = g.rules[family].fullmatch(text, start, end)
        if parts is None:
            continue
        before = g.prev_word.search(text, max(0, m.start() - 40), m.start())
        ctx = Context(published=published, lexicon=g.lexicon,
                      prev_word=before.group(1) if before else "",
                      proclitic=text[m.start():start], after=text[end:end + 20])
        try:
            reading = RESOLVERS[family](parts, ctx)
        except OverflowError:
            # counting days from a publication date at the ends of the calendar (0001-01-01,
            # 9999-12-31) leaves the dates Python can hold: the expression names no writable date
            # (found by benchmarks/fuzz.py; it failed the whole stage before)
            reading = None
        if reading is None:
            continue
        if found and found[-1][2] in _PREFIX_RULES and family in _CALENDAR_RULES \
                and g.join_gap.fullmatch(text, found[-1][1], m.start()):
            found[-1] = (found[-1][0], end, family, _join(found[-1][3], reading))
            continue
        found.append((start, end, family, reading))
        scan_starts.append(m.start())
    # right to left, so that "في مارس وجوان ونوفمبر 2015" passes the year along the whole list;
    # a year fixed by a qualifier is shared too: "من 22 جويلية إلى 5 أوت المقبل"
    for i in range(len(found) - 2, -1, -1):
        start, end, family, reading = found[i]
        _s, _e, next_family, following = found[i + 1]
        if reading.open_year is None or following.open_year is not None or following.value is None \
                or next_family not in _YEARED_RULES \
                or not g.coordination.fullmatch(text, end, scan_starts[i + 1]):
            continue
        shared = _with_year(reading, int(following.value[:4]), relative=following.relative)
        if shared is not None:
            found[i] = (start, end, family, shared)
    return found


def _all_matches(g: Grammar, text: str) -> list[re.Match[str]]:
    """The scanner's matches and those of dates glued to the word before (في7 مارس), in text order.

    Of two overlapping matches the one that starts first is kept: a glued "7 مارس 2016" over the
    scanner's "مارس 2016", the scanner's "يوم 8جانفي 2016" over a glued "8جانفي 2016".
    """
    found = list(g.matches(text))
    glued = list(g.glued_matches(text))
    if not glued:
        return found
    kept: list[re.Match[str]] = []
    for m in sorted(found + glued, key=lambda m: (m.start(), -m.end())):
        if not kept or m.start() >= kept[-1].end():
            kept.append(m)
    return kept


def _with_year(reading: Reading, year: int, *, relative: bool) -> Reading | None:
    """``reading`` dated in ``year`` (a year shared with the next date of a coordination)."""
    assert reading.open_year is not None
    month, day = reading.open_year
    try:
        value = dt.date(year, month, day or 1)
    except ValueError:
        return None
    text = value.isoformat() if day and reading.precision in ("day", "week") else f"{year:04d}-{month:02d}"
    return Reading(text, reading.precision, relative, "shared_year")


def normalize_dates(doc: Document, config: DatesConfig | None = None) -> Document:
    """Fill ``doc.dates`` with every date expression of the text, sorted by start, non-overlapping.

    Args:
        doc: the document; reads ``doc.cache["folded"]`` (folds the text itself when absent) and
            ``doc.cache["published_date"]`` (falls back to ``doc.article.published``).
        config: ``resolve_relative=False`` leaves relative expressions unresolved even with a
            publication date.

    Returns:
        The same document, with ``doc.dates`` replaced and a W201 warning when relative
        expressions stay unresolved because the article has no publication date.
    """
    config = config or DatesConfig()
    folded = doc.cache.get("folded")
    if not isinstance(folded, FoldedText) or folded.source is not doc.text:
        folded = fold(doc.text)
    published = _published(doc)
    anchor = published if config.resolve_relative else None
    dates: list[DateValue] = []
    unresolved = 0
    text = doc.text
    for start, end, _family, reading in _scan(folded, anchor):
        span = folded.to_source(start, end)
        stop = span.end
        # marks on the last letter (أمسِ، غداً) and the tatweel of هـ belong to the expression
        while stop < len(text) and text[stop] in _TRAILING_MARKS:
            stop += 1
        dates.append(DateValue(text=text[span.start:stop], start=span.start, end=stop,
                               value=reading.value, precision=reading.precision,
                               time_precision=PRECISION_TO_ACLED[reading.precision],
                               relative=reading.relative, rule=reading.rule))
        unresolved += reading.needs_published
    doc.dates = dates
    if unresolved and published is None:
        doc.add_warning(WarningCode.NO_PUBLISHED,
                        f"{unresolved} relative date expression(s) left unresolved: the article has no "
                        f"published date", stage="dates")
    return doc


def dates_in_span(doc: Document, start: int, end: int) -> list[DateValue]:
    """The date expressions of ``doc.dates`` that lie inside ``[start, end)``, in text order."""
    return [d for d in doc.dates if d.start >= start and d.end <= end]


def _first_day(value: str) -> dt.date:
    parts = [int(x) for x in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _is_current(d: DateValue, published: dt.date | None) -> bool:
    if published is None or d.value is None:
        return True
    return abs((_first_day(d.value) - published).days) <= CURRENT_WINDOW_DAYS


def _best(candidates: list[DateValue], published: dt.date | None,
          near: int | None = None) -> DateValue | None:
    resolved = [d for d in candidates if d.value is not None]
    if not resolved:
        return None
    if near is not None:
        # a bare year (لسنة 2017 "for 2017") is current by its first day but says little: it goes last
        return min(resolved, key=lambda d: (not _is_current(d, published), d.precision == "year",
                                            abs(d.start - near), d.start))
    return min(resolved, key=lambda d: (not _is_current(d, published), _PRECISION_RANK[d.precision], d.start))


def date_for_span(doc: Document, start: int, end: int, *, near: int | None = None,
                  fallback: Literal["none", "lead", "published"] = "none") -> DateValue | None:
    """The date of what the text in ``[start, end)`` reports (a clause, a sentence, an evidence span).

    Among the resolved expressions inside the span it prefers one of the article's own time (within
    :data:`CURRENT_WINDOW_DAYS` of publication: أمس beats هجمات 13 نوفمبر 2015 recalled in 2016),
    then the finest precision (or, with ``near``, the closest to that offset), then the first.

    Args:
        doc: a document on which :func:`normalize_dates` has run.
        start: start of the span (a ``str`` offset into ``doc.text``).
        end: end of the span, exclusive.
        near: an offset in the span, such as the event's trigger word: the closest expression wins
            over the most precise one.
        fallback: what to return when the span holds no resolved date. ``"lead"``: the date of
            the article's first sentence, else as ``"published"``; ``"published"``: the publication
            date itself, as a ``DateValue`` with an empty span at ``start``, rule ``published`` and
            week precision (news reports what happened that day or in the days before); ``"none"``:
            None.

    Returns:
        A ``DateValue`` of ``doc.dates`` (or the publication fallback), or None.
    """
    published = _published(doc)
    best = _best(dates_in_span(doc, start, end), published, near)
    if best is not None or fallback == "none":
        return best
    if fallback == "lead":
        lead_end = doc.sentences[0].end if doc.sentences else min(len(doc.text), 300)
        lead = _best([d for d in dates_in_span(doc, 0, lead_end) if _is_current(d, published)], published)
        if lead is not None:
            return lead
    if published is None:
        return None
    return DateValue(text="", start=start, end=start, value=published.isoformat(), precision="week",
                     time_precision=PRECISION_TO_ACLED["week"], relative=True, rule="published")
