"""The date of an event: its clause's date expression, the lead's event's day, or the report's."""

from __future__ import annotations

import datetime as dt

from marsad.document import DateValue
from marsad.events.arguments.index import DocIndex

HISTORICAL_DAYS = 60  # an event dated this long before publication is recalled, not reported


def choose_date(index: DocIndex, seg_start: int, seg_end: int, sent_start: int, sent_end: int,
                anchor: int) -> DateValue | None:
    """The date expression of the clause, else the nearest one of the sentence."""
    # a bare year (قانون المالية لسنة 2017) dates a law or a plan far more often than an event
    dates = [d for d in index.dates if d.date is not None and d.date.precision != "year"]
    in_seg = [d for d in dates if seg_start <= d.start < seg_end]
    if in_seg:
        return min(in_seg, key=lambda d: abs(d.start - anchor)).date
    in_sent = [d for d in dates if sent_start <= d.start < sent_end]
    if in_sent:
        return min(in_sent, key=lambda d: abs(d.start - anchor)).date
    return None


def recalled_year(index: DocIndex, seg_start: int, seg_end: int, published: dt.date | None) -> bool:
    """True when the clause names the past year in words (السنة الفارطة، العام الماضي).

    Such an expression dates the act to an earlier year although choose_date leaves years aside;
    a year in digits is already handled by the modality's year rule.
    """
    if published is None:
        return False
    for d in index.dates:
        v = d.date
        # "منذ 4 سنوات، قبل 12 عاماً" count back from another act; only "the year before" in
        # words dates the clause's own act
        if seg_start <= d.start < seg_end and v is not None and v.relative and v.precision == "year" \
                and v.value and v.value[:4].isdigit() and int(v.value[:4]) < published.year \
                and not any(c.isdigit() for c in v.text) and not v.text.startswith(("منذ", "قبل")):
            return True
    return False


def is_long_before(value: str | None, published: dt.date | None) -> bool:
    """True when a date value lies well before the publication date (a recalled event)."""
    if not value or published is None:
        return False
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 12
        day = int(parts[2]) if len(parts) > 2 else 28
        when = dt.date(year, month, day)
    except ValueError:
        return False
    return (published - when).days > HISTORICAL_DAYS


def lead_date(index: DocIndex, published: dt.date | None) -> tuple[str | None, int]:
    """The date of an event that neither its article nor its lead's event dates, one step less precise.

    ACLED dates an event by what the article says of it; a clause with no date of its own mostly
    goes on about the story its lead told (the caller dates it by the lead's event first). Else
    the report's date stands; without one, the lead's first date of a current day. The nearest
    earlier date is no better a guess: in a round-up it belongs to another incident (انفجرت عبوة
    مساء أمس في ديالى ... and then an air strike).
    """
    if published is not None:
        return published.isoformat(), 2
    for d in index.dates:
        if d.start >= index.lead_end:
            break
        v = d.date
        if v is None or not v.value or v.precision == "year" or is_long_before(v.value, published):
            continue
        return v.value, max(2, v.time_precision)
    return None, 3
