"""Any text, however odd: the stage never raises, spans stay exact, sorted and disjoint."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.dates import normalize_dates
from marsad.document import Article, Document

# pieces of date expressions and their neighbours, with marks that folding deletes
WORDS = ["3", "٣١", "2017", "1443", "هـ", "يناير", "كانون", "الثاني", "آب", "ماي", "مارس", "رمضان",
         "الأحد", "الاثنين", "أمس", "اليوم", "الأول", "فجر", "ليلة", "منذ", "قبل", "يومين", "ثلاثة",
         "أيام", "الأسبوع", "الماضي", "العام", "عام", "ألفين", "وخمسة", "من", "إلى", "و", "غرة",
         "الساعة", "24", "ساعة", "الجاري", "مطلع", "شهر", "أب", "باب", "أحد", "َ", "ـ", "\u200f"]
SEPARATORS = [" ", "  ", "\n", "، ", "/", "-", ".", "(", ")", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=25),
       st.sampled_from([None, "2022-01-10", "2016-02-29"]))
def test_stage_never_raises_and_spans_stay_exact(parts: list[tuple[str, str]], published: str | None) -> None:
    text = "".join(word + sep for word, sep in parts)
    doc = normalize_dates(Document(article=Article(id="h", text=text, published=published)))
    doc.check_offsets()
    spans = [(d.start, d.end) for d in doc.dates]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert all(d.text == d.text.strip() and d.text for d in doc.dates)
    for d in doc.dates:
        width = {"day": 10, "week": 10, "month": 7, "year": 4}[d.precision]
        assert d.value is None or len(d.value) == width, (d.text, d.value, d.precision)
        assert d.time_precision == {"day": 1, "week": 2}.get(d.precision, 3)


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("text", ["قتل جندي الأحد المقبل", "قتل جندي الأحد الماضي", "وقع الانفجار أمس",
                                  "قبل ثلاثة أيام", "بعد يومين من الهجوم", "الأسبوع المقبل"])
def test_relative_dates_at_the_ends_of_the_calendar_give_no_date_instead_of_failing(text: str,
                                                                                    published: str) -> None:
    # found by benchmarks/fuzz.py: date arithmetic past 9999-12-31 raised OverflowError and the
    # dates stage failed for the whole article
    doc = Document(article=Article(id="edge", text=text, published=published))
    doc.cache["published_date"] = dt.date.fromisoformat(published)
    doc = normalize_dates(doc)
    doc.check_offsets()
    assert all(d.value is None or "0001" <= d.value[:4] <= "9999" for d in doc.dates)
