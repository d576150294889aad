"""The dates stage as a whole: offsets, order, warnings, configuration, the span helper, the tables."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from marsad.config import DatesConfig
from marsad.dates import date_for_span, dates_in_span, normalize_dates
from marsad.dates.grammar import lexicon
from marsad.document import Document
from marsad.errors import WarningCode
from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

MON = "2022-01-10"


def _w201(doc: Document) -> list[str]:
    return [w.code for w in doc.warnings if w.code == WarningCode.NO_PUBLISHED]


def test_offsets_keep_diacritics_and_tatweel(make_doc: Callable[..., Document]) -> None:
    doc = normalize_dates(make_doc("قُتِلَ جنديان أمسِ، وأُعلنت الهدنة في 5 رمضان 1443 هـ.", published=MON))
    doc.check_offsets()
    assert [(d.text, d.value) for d in doc.dates] == [("أمسِ", "2022-01-09"),
                                                      ("5 رمضان 1443 هـ", "2022-04-06")]


def test_proclitic_stays_outside_the_span(make_doc: Callable[..., Document]) -> None:
    doc = normalize_dates(make_doc("وأمس قُصفت القرية، والخميس قُصفت ثانية", published=MON))
    doc.check_offsets()
    assert [d.text for d in doc.dates] == ["أمس", "الخميس"]


def test_dates_are_sorted_and_do_not_overlap(make_doc: Callable[..., Document]) -> None:
    text = ("قال مصدر أمني اليوم الاثنين إن هجوما وقع فجر أمس، بعد أيام من هجوم 3 يناير 2022، "
            "وإن الحصار قائم منذ ثلاثة أشهر، أي منذ أكتوبر الماضي، كما حدث العام الماضي.")
    doc = normalize_dates(make_doc(text, published=MON))
    doc.check_offsets()
    spans = [(d.start, d.end) for d in doc.dates]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    # اليوم الاثنين، فجر أمس، بعد أيام (من هجوم)، 3 يناير 2022، منذ ثلاثة أشهر، منذ أكتوبر الماضي، العام الماضي
    assert len(spans) == 7


@pytest.mark.parametrize(("precision", "acled"), [("day", 1), ("week", 2), ("month", 3), ("year", 3)])
def test_time_precision_follows_acled(make_doc: Callable[..., Document], precision: str, acled: int) -> None:
    text = "وقع الهجوم أمس، وتكرر الأسبوع الماضي، وفي الشهر الماضي، وفي عام 2019."
    doc = normalize_dates(make_doc(text, published=MON))
    assert {d.precision: d.time_precision for d in doc.dates}[precision] == acled


def test_without_published_relative_dates_stay_unresolved_with_one_warning(
        make_doc: Callable[..., Document]) -> None:
    doc = normalize_dates(make_doc("قُتل ثلاثة أمس، وجُرح اثنان الأحد الماضي في 3 يناير 2020."))
    assert [(d.text, d.value, d.relative) for d in doc.dates] == [
        ("أمس", None, True), ("الأحد الماضي", None, True), ("3 يناير 2020", "2020-01-03", False)]
    assert _w201(doc) == ["W201"]


def test_no_warning_when_nothing_is_relative(make_doc: Callable[..., Document]) -> None:
    doc = normalize_dates(make_doc("وقع الهجوم في 3 يناير 2020."))
    assert _w201(doc) == []


def test_no_warning_when_published_is_given(make_doc: Callable[..., Document]) -> None:
    doc = normalize_dates(make_doc("وقع الهجوم أمس.", published=MON))
    assert _w201(doc) == []
    assert doc.dates[0].value == "2022-01-09"


def test_resolve_relative_off_leaves_values_empty(make_doc: Callable[..., Document]) -> None:
    doc = normalize_dates(make_doc("وقع الهجوم أمس في 3 يناير 2020.", published=MON),
                          DatesConfig(resolve_relative=False))
    assert [d.value for d in doc.dates] == [None, "2020-01-03"]
    assert _w201(doc) == []


def test_stage_is_idempotent(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("قُصفت المدينة أمس.", published=MON)
    first = [d.to_dict() for d in normalize_dates(doc).dates]
    assert [d.to_dict() for d in normalize_dates(doc).dates] == first


def test_works_without_the_text_layer() -> None:
    from marsad.document import Article
    doc = Document(article=Article(id="raw", text="سقطت قذيفة فجر اليوم.", published="2017-06-20"))
    assert [d.value for d in normalize_dates(doc).dates] == ["2017-06-20"]


def test_date_for_span_prefers_the_articles_own_time(make_doc: Callable[..., Document]) -> None:
    text = "أُحييت ذكرى هجمات 13 نوفمبر 2015، وقُتل أمس شرطي في هجوم مماثل."
    doc = normalize_dates(make_doc(text, published="2016-03-25"))
    best = date_for_span(doc, 0, len(text))
    assert best is not None and (best.text, best.value) == ("أمس", "2016-03-24")
    assert [d.text for d in dates_in_span(doc, 0, len(text))] == ["13 نوفمبر 2015", "أمس"]


def test_date_for_span_prefers_finer_precision(make_doc: Callable[..., Document]) -> None:
    text = "تصاعدت الهجمات هذا الشهر، وقُتل جنديان يوم الخميس."
    doc = normalize_dates(make_doc(text, published=MON))
    best = date_for_span(doc, 0, len(text))
    assert best is not None and best.value == "2022-01-06"


def test_date_for_span_fallbacks(make_doc: Callable[..., Document]) -> None:
    text = "قصفت الطائرات المدينة مساء أمس. وسقط عدد من الجرحى في الأحياء."
    doc = normalize_dates(make_doc(text, published=MON))
    second = text.index("وسقط")
    assert date_for_span(doc, second, len(text)) is None
    lead = date_for_span(doc, second, len(text), fallback="lead")
    assert lead is not None and (lead.text, lead.value) == ("مساء أمس", "2022-01-09")
    pub = date_for_span(doc, second, len(text), fallback="published")
    assert pub is not None and (pub.value, pub.rule, pub.time_precision) == ("2022-01-10", "published", 2)
    assert (pub.start, pub.end, pub.text) == (second, second, "")


def test_date_for_span_without_published_gives_nothing_to_fall_back_on(
        make_doc: Callable[..., Document]) -> None:
    doc = normalize_dates(make_doc("سقط عدد من الجرحى."))
    assert date_for_span(doc, 0, len(doc.text), fallback="published") is None


@pytest.mark.parametrize(("region", "own_months"), [
    ("msa", set(range(1, 13))),
    ("levant", set(range(1, 13))),
    # the Maghreb and Morocco share مارس، سبتمبر، أكتوبر ... with the MSA list
    ("maghreb", {1, 2, 4, 5, 6, 7, 8}),
    ("morocco", {7, 8, 9, 11, 12}),
])
def test_each_region_lists_its_own_month_names(region: str, own_months: set[int]) -> None:
    rows = read_tsv("dates/months.tsv")
    assert {int(r[1]) for r in rows if r[2] == "gregorian" and r[3] == region} == own_months


def test_tables_fold_to_unambiguous_keys() -> None:
    seen: dict[str, str] = {}
    for area in ("months", "weekdays", "units"):
        for row in read_tsv(f"dates/{area}.tsv"):
            key, value = f"{area}:{fold_key(row[0])}", "\t".join(row[1:3])
            assert seen.setdefault(key, value) == value, f"{row[0]} folds onto another entry of {area}"
    lex = lexicon()
    assert set(lex.weekdays.values()) == set(range(7))
    assert set(lex.hijri_months.values()) == set(range(1, 13))


def test_a_slipped_year_after_today_and_weekday_is_corrected(make_doc: Callable[..., Document]) -> None:
    # Tuesday 3 January 2017; 3 January 2016 was a Sunday
    doc = normalize_dates(make_doc("قالت في مداخلة اليوم الثلاثاء 3 جانفي 2016 إن الوضع هادئ",
                                   published="2017-01-03"))
    assert [(d.text, d.value, d.rule) for d in doc.dates] == [
        ("اليوم الثلاثاء 3 جانفي 2016", "2017-01-03", "year_slip")]


def test_a_consistent_calendar_date_wins_over_its_prefix(make_doc: Callable[..., Document]) -> None:
    doc = normalize_dates(make_doc("انعقدت الجلسة الأربعاء 18 جانفي 2017", published="2017-01-20"))
    assert [(d.value, d.rule) for d in doc.dates] == [("2017-01-18", "day_month_year")]


def test_no_expression_runs_across_a_line_break(make_doc: Callable[..., Document]) -> None:
    doc = normalize_dates(make_doc("هجوم على حاجز يوم الخميس\n2017 عام صعب على السكان", published=MON))
    assert [(d.text, d.value) for d in doc.dates] == [("يوم الخميس", "2022-01-06")]


def test_relative_count_anchored_on_another_event_stays_unresolved(
        make_doc: Callable[..., Document]) -> None:
    for published in (MON, None):
        doc = normalize_dates(make_doc("اعتُقل قبل يومين من الانتخابات", published=published))
        assert [(d.text, d.value, d.rule) for d in doc.dates] == [("قبل يومين", None, "ago_anchored")]
        assert _w201(doc) == []  # publication would not resolve it either


def test_a_weekday_prefix_gives_the_year_of_a_date_without_one(make_doc: Callable[..., Document]) -> None:
    # Friday 31 March 2017: 1 April without a year would be April 2016, Saturday 1 April is 2017
    doc = normalize_dates(make_doc("يصادف غدا السبت 1 أفريل موعد تقليد قديم", published="2017-03-31"))
    assert [(d.text, d.value, d.rule) for d in doc.dates] == [
        ("غدا السبت 1 أفريل", "2017-04-01", "prefix_year")]


def test_date_for_span_near_an_offset_takes_the_closest(make_doc: Callable[..., Document]) -> None:
    text = "أعلن الجيش يوم الخميس أن مسلحين هاجموا الحاجز هذا الأسبوع."
    doc = normalize_dates(make_doc(text, published=MON))
    assert date_for_span(doc, 0, len(text)).value == "2022-01-06"  # type: ignore[union-attr]
    near = date_for_span(doc, 0, len(text), near=text.index("هاجموا"))
    assert near is not None and near.text == "هذا الأسبوع"


def test_a_datetime_anchor_gives_plain_dates(make_doc: Callable[..., Document]) -> None:
    import datetime as dt
    doc = make_doc("قُصفت القرية أمس")
    doc.cache["published_date"] = dt.datetime(2022, 1, 10, 23, 30)
    assert [d.value for d in normalize_dates(doc).dates] == ["2022-01-09"]
