"""Readings of a place name and the words around it (marsad.places.resolve / context)."""

from __future__ import annotations

import pytest

from marsad.places.context import REGION_EXPRESSION_RE, region_direction
from marsad.places.gazetteer import TableGazetteer, name_key
from marsad.places.resolve import choose, readings
from marsad.text.normalize import fold_key


@pytest.mark.parametrize(("name", "key", "via", "head", "near"), [
    ("وبغداد", "بغداد", "proclitic", None, False),
    ("محافظة الأنبار", "الانبار", "head", "admin1", False),
    ("مدينة الموصل", "الموصل", "head", "city", False),
    ("مطار الموصل", "الموصل", "head", "facility", False),
    ("شمال بغداد", "بغداد", "direction", None, True),
    ("قاعدة عين الأسد الجوية", "قاعده عين الاسد", "qualifier", None, False),
    ("تونس العاصمة", "تونس", "qualifier", "city", False),
    ("مدينة كيبيك الكندية", "مدينه كيبيك", "demonym", None, False),
    ("المركز الثقافي في كيبيك", "كيبيك", "contained", None, False),
    ("انبار", "الانبار", "article", None, False),
])
def test_readings_include(name: str, key: str, via: str, head: str | None, near: bool) -> None:
    found = {(r.key, r.via, r.head, r.near) for r in readings(name)}
    assert (key, via, head, near) in found


def test_readings_start_with_the_name_as_written() -> None:
    assert readings("الموصل")[0].key == name_key("الموصل")
    assert readings("") == []


@pytest.mark.parametrize(("text", "direction"), [
    ("تكررت الهجمات في المحافظات الجنوبية", "south"),
    ("وصلت التعزيزات إلى المناطق الشمالية", "north"),
    ("تشهد جنوب البلاد موجة حر", "south"),
    ("انتشرت القوات في غرب البلاد", "west"),
])
def test_region_expressions_and_their_direction(text: str, direction: str) -> None:
    m = REGION_EXPRESSION_RE.search(fold_key(text))
    assert m is not None
    assert region_direction(m.group(1)) == direction


def test_region_expression_needs_a_direction() -> None:
    assert REGION_EXPRESSION_RE.search(fold_key("زار الوزير المحافظات كلها")) is None


def _gaz() -> TableGazetteer:
    rows = [
        ("country-xx", "بلاد اكس", "", "Xland", "country", "10.0", "10.0", "", "XX", "", ""),
        ("c-1", "المدينة الكبرى", "", "Big Town", "city", "10.05", "10.05", "North", "XX", "1", "900000"),
        ("c-2", "الكبرى", "", "Kubra", "city", "20.0", "20.0", "East", "YY", "2", "5000"),
        ("a-1", "الكبرى", "", "Kubra Province", "admin1", "11.0", "11.0", "Kubra Province", "XX", "", ""),
    ]
    return TableGazetteer(rows, ambiguous=["الكبرى"])


def test_table_gazetteer_knows_capitals_and_ambiguous_names() -> None:
    gaz = _gaz()
    big = gaz.get("c-1")
    assert big is not None and big.capital
    assert gaz.is_ambiguous(name_key("الكبرى"))
    assert len(gaz) == 4


def test_choose_prefers_the_article_country_then_the_kind_order() -> None:
    gaz = _gaz()
    entries = gaz.candidates(name_key("الكبرى"))
    in_xx = choose(entries, country="XX", article_countries=frozenset({"XX"}), common_word=True)
    assert in_xx is not None and in_xx.entry.id == "a-1" and in_xx.precision == 3
    in_yy = choose(entries, country="YY", article_countries=frozenset({"YY"}), common_word=True)
    assert in_yy is not None and in_yy.entry.id == "c-2" and "article-country" in in_yy.rule


def test_choose_penalises_an_unbacked_common_word() -> None:
    entries = _gaz().candidates(name_key("الكبرى"))
    backed = choose(entries, country="YY", article_countries=frozenset({"YY"}), common_word=True)
    unbacked = choose(entries, country="YY", article_countries=frozenset(), common_word=True)
    assert backed is not None and unbacked is not None
    assert unbacked.score < 0.5 <= backed.score
    assert "unbacked-word" in unbacked.rule


def test_a_name_read_without_its_trailing_adjective_is_not_rewritten_further() -> None:
    # زاوية الجديدي (a Tunisian village) is no الزاوية (Libya): the name without الجديدي keeps its form
    keys = {r.key for r in readings("زاوية الجديدي")}
    assert "زاويه" in keys and "الزاويه" not in keys


def test_a_span_run_on_into_a_conjunct_is_read_without_it() -> None:
    found = [(r.key, r.via) for r in readings("ميناء الزاوية والعودة")]
    assert found[0] == ("ميناء الزاويه والعوده", "exact")
    assert ("ميناء الزاويه", "overrun") in found
    assert ("بني", "overrun") in [(r.key, r.via) for r in readings("بني وليد")]  # tried only after the name itself
