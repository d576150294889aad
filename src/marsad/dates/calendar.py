"""Calendar arithmetic of the resolvers: values at a precision, months and weekdays around a date."""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian


def iso_value(d: dt.date, precision: str) -> str:
    """``d`` written at ``precision``: YYYY-MM-DD (day, week), YYYY-MM (month) or YYYY (year)."""
    if precision in ("day", "week"):
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def add_months(d: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (or before, when negative) the month of ``d``."""
    index = d.year * 12 + d.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def year_of_month(month: int, day: int | None, direction: int | None, p: dt.date) -> int:
    """The year of a month (and day) written without one, from the publication date.

    No qualifier: the most recent such month not after publication; a date in the publication
    month stays in that year even when its day is later (an announced event, not one 11 months
    old). الماضي: strictly before; المقبل: strictly after; الجاري: the publication year.
    """
    if direction == 0:
        return p.year
    key = (month, day if day is not None else 0)
    now = (p.month, p.day if day is not None else 0)
    if direction == 1:
        return p.year if key > now else p.year + 1
    if direction == -1:
        if day is None:
            return p.year if month < p.month else p.year - 1
        return p.year if key < now else p.year - 1
    if month == p.month:
        return p.year
    return p.year if key <= now else p.year - 1


def hijri_year(month: int, direction: int | None, p: dt.date) -> int:
    """The Hijri year of a Hijri month qualified by الماضي / الجاري / المقبل, from publication."""
    today = Gregorian(p.year, p.month, p.day).to_hijri()
    if direction == -1:
        return int(today.year) if month < today.month else int(today.year) - 1
    if direction == 1:
        return int(today.year) if month > today.month else int(today.year) + 1
    return int(today.year)


def nearest_weekday(p: dt.date, weekday: int, direction: int | None) -> dt.date:
    """The weekday on or before ``p`` (no qualifier), strictly before (الماضي) or after (المقبل)."""
    if direction == 1:
        return p + dt.timedelta(days=(weekday - p.weekday() - 1) % 7 + 1)
    if direction == -1:
        return p - dt.timedelta(days=(p.weekday() - weekday - 1) % 7 + 1)
    return p - dt.timedelta(days=(p.weekday() - weekday) % 7)
