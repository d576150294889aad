"""Calendar arithmetic: years of month names without one, weekdays around publication, Hijri years."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.dates.calendar import add_months, hijri_year, iso_value, nearest_weekday, year_of_month

MON = dt.date(2022, 1, 10)  # a Monday


@pytest.mark.parametrize(("month", "day", "direction", "published", "year"), [
    (11, 13, None, dt.date(2016, 3, 25), 2015),  # most recent 13 November
    (3, 20, None, dt.date(2016, 3, 25), 2016),
    (3, 30, None, dt.date(2016, 3, 25), 2016),  # later in the publication month: same year
    (4, 2, None, dt.date(2016, 3, 25), 2015),
    (3, None, -1, dt.date(2016, 3, 25), 2015),  # مارس الماضي in March: last year's
    (2, None, -1, dt.date(2016, 3, 25), 2016),
    (3, 20, -1, dt.date(2016, 3, 25), 2016),  # 20 مارس الماضي on 25 March
    (4, None, 1, dt.date(2016, 3, 25), 2016),  # أفريل المقبل
    (3, None, 1, dt.date(2016, 3, 25), 2017),
    (12, None, 0, dt.date(2016, 3, 25), 2016),  # ديسمبر الجاري (sic): the publication year
])
def test_year_of_month(month: int, day: int | None, direction: int | None, published: dt.date,
                       year: int) -> None:
    assert year_of_month(month, day, direction, published) == year


@pytest.mark.parametrize(("weekday", "direction", "expected"), [
    (0, None, dt.date(2022, 1, 10)),  # الاثنين on a Monday: that day
    (0, -1, dt.date(2022, 1, 3)),  # الاثنين الماضي: a week back
    (0, 1, dt.date(2022, 1, 17)),  # الاثنين المقبل
    (6, None, dt.date(2022, 1, 9)),  # الأحد: yesterday
    (6, 1, dt.date(2022, 1, 16)),
    (1, None, dt.date(2022, 1, 4)),  # الثلاثاء: last Tuesday
    (1, 1, dt.date(2022, 1, 11)),
])
def test_nearest_weekday(weekday: int, direction: int | None, expected: dt.date) -> None:
    assert nearest_weekday(MON, weekday, direction) == expected
    assert expected.weekday() == weekday


@pytest.mark.parametrize(("months", "expected"), [(-1, dt.date(2021, 12, 1)), (0, dt.date(2022, 1, 1)),
                                                 (13, dt.date(2023, 2, 1)), (-24, dt.date(2020, 1, 1))])
def test_add_months(months: int, expected: dt.date) -> None:
    assert add_months(MON, months) == expected


def test_iso_value_per_precision() -> None:
    assert [iso_value(MON, p) for p in ("day", "week", "month", "year")] == [
        "2022-01-10", "2022-01-10", "2022-01", "2022"]


@pytest.mark.parametrize(("month", "direction", "year"), [(9, -1, 1442), (9, 1, 1443), (9, 0, 1443),
                                                         (5, -1, 1443), (6, -1, 1442)])
def test_hijri_year(month: int, direction: int, year: int) -> None:
    # 10 January 2022 is 7 Jumada al-Akhirah (month 6) 1443
    assert hijri_year(month, direction, MON) == year
