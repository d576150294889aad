"""Publication dates printed on pages and atop text files, for inputs whose metadata has none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from marsad.ingest.dates import full_dates, visible_date
from marsad.ingest.html import page_date
from marsad.ingest.notes import PUBLISHED_FROM_PAGE
from marsad.pipeline import Pipeline
from tests.ingest.samples import codes, read_one

TODAY = dt.date(2024, 6, 1)


@pytest.mark.parametrize(("line", "expected"), [
    ("نشر في: الثلاثاء ١٤ آذار ٢٠٢٣ - 10:42", "2023-03-14"),
    ("الثلاثاء 14 آذار 2023 - 10:42", "2023-03-14"),
    ("بيروت - 8 كانون الثاني 2020", "2020-01-08"),
    ("8 كانون الثاني/ يناير 2020", "2020-01-08"),
    ("14 آذار (مارس) 2023", "2023-03-14"),
    ("الخميس 06 أفريل 2017", "2017-04-06"),
    ("1 ماي 2018 | 14:05", "2018-05-01"),
    ("5 جوان 2020", "2020-06-05"),
    ("3 جويلية 2016", "2016-07-03"),
    ("الأحد 12 أوت 2018", "2018-08-12"),
    ("الأربعاء، 4 سبتمبر، 2019", "2019-09-04"),
    ("14 من شهر مارس سنة 2023", "2023-03-14"),
    ("مارس 14، 2023", "2023-03-14"),
    ("2023/03/14", "2023-03-14"),
    ("2023-3-14", "2023-03-14"),
    ("14-03-2023 | 10:42", "2023-03-14"),
    ("١٤/٠٣/٢٠٢٣", "2023-03-14"),
    ("14.3.2023", "2023-03-14"),
    ("الثلاثاء 22 شعبان 1444 هـ الموافق 14 مارس 2023 م", "2023-03-14"),  # the Gregorian one wins
    ("22 شعبان 1444هـ", "2023-03-14"),  # Hijri alone: converted
    ("نشر في 12 مارس 2023 - آخر تحديث: 14 مارس 2023", "2023-03-12"),
    ("آخر تحديث: 14 مارس 2023", None),  # a modification date only
    ("عُدّل في 14 مارس 2023", None),
    ("Last updated: 2023/03/14", None),
    ("الحدث - 14 مارس 2023", "2023-03-14"),  # a channel's name, not "updated"
    ("مارس 2023", None),  # no day: not a full date
    ("الثلاثاء 14 آذار", None),  # no year
    ("2023", None),
    ("14 مارس 2099", None),  # after the run date
    ("31/02/2023", None),  # no such day
    ("10:42", None),
    ("البرنامج: الأحد 2 أفريل 2017:", None),  # opens a list of matches
    ("قتل ثلاثة أشخاص وأصيب خمسة آخرون في هجوم مسلح على حاجز أمني يوم 14 آذار 2021 وفق مصدر", None),
])
def test_visible_date_of_one_line(line: str, expected: str | None) -> None:
    found = visible_date([line], today=TODAY)
    assert (found.value.isoformat() if found else None) == expected


def test_full_dates_counts_the_other_words() -> None:
    dates, others = full_dates("كتب: مراسلنا | الثلاثاء 14 آذار 2023 - 10:42 ص")
    assert dates and dates[0][1] == dt.date(2023, 3, 14)
    assert others == 3  # كتب، مراسلنا، ص


def test_visible_date_takes_the_first_dateline_and_says_which() -> None:
    lines = ["غارة على بلدة حدودية", "سياسة", "الاثنين 13 آذار 2023", "الثلاثاء 14 آذار 2023"]
    found = visible_date(lines, today=TODAY)
    assert found is not None
    assert (found.value, found.index, found.line) == (dt.date(2023, 3, 13), 2, "الاثنين 13 آذار 2023")


@pytest.mark.parametrize(("lines", "expected"), [
    (["غارة على بلدة حدودية توقع جريحين", "الثلاثاء 14 آذار 2023", "أصيب مدنيان بجروح."], "2023-03-14"),
    (["نشر في: 2023/03/14", "أصيب مدنيان بجروح."], "2023-03-14"),
    (["عنوان الخبر", "وكالة الأنباء", "14 مارس 2023"], "2023-03-14"),
    # a paragraph first: the date below it belongs to the article's body (a programme, a schedule)
    (["أعلنت الرابطة برنامج الجولة المقبلة من البطولة التي ستدور بعد أسبوع على الملاعب المعتادة."
      " وهذا البرنامج الكامل للمباريات", "الأحد 26 فيفري 2017", "الساعة 14:00 مباراة أولى"], None),
    (["البرنامج:", "الأحد 26 فيفري 2017"], None),
    (["عنوان", "و في ما يلي البرنامج: الأربعاء 15 فيفري 2017"], None),
])
def test_visible_date_at_the_top_of_a_text(lines: list[str], expected: str | None) -> None:
    found = visible_date(lines, today=TODAY, after_titles_only=True)
    assert (found.value.isoformat() if found else None) == expected


@pytest.mark.parametrize(("name", "published", "line"), [
    ("page_byline_levant.html", "2023-03-14", "بيروت - نشر في: الثلاثاء 14 آذار 2023 - 10:42"),
    ("page_kicker_maghreb.html", "2016-07-03", "وطني | 03 جويلية 2016"),
    ("page_hijri_gulf.html", "2023-03-14", "الثلاثاء ٢٢ شعبان ١٤٤٤ هـ الموافق ١٤ مارس ٢٠٢٣ م"),
])
def test_read_html_without_metadata_date_reads_the_dateline(fixtures_dir: Path, name: str, published: str,
                                                            line: str) -> None:
    # each page also prints dates that are not its own: the site banner's day (fetch date), the
    # update time, the dates of related articles in side columns; htmldate's text search takes
    # one of those (2023-01-01, 2016-06-28) or nothing
    article = read_one(fixtures_dir / name)
    assert article.published == published
    assert codes(article) == [PUBLISHED_FROM_PAGE]
    assert line in article.warnings[0].message


def _page(byline: str, *, head: str = "", banner: str = "", aside: str = "",
          first: str = "أصيب مدنيان بجروح جراء غارة نفذتها طائرة مسيرة على أطراف بلدة حدودية صباح أمس،"
                       " وفق ما أفادت مصادر محلية.") -> str:
    return (f"<html><head><meta charset='utf-8'>{head}<title>غارة على بلدة حدودية</title></head><body>"
            f"<header>{banner}<nav><a href='/'>الرئيسية</a></nav></header>"
            f"<main><article><h1>غارة على بلدة حدودية</h1>{byline}<p>{first}</p>"
            "<p>وأوضحت المصادر أن الغارة استهدفت أرضا زراعية قرب منزل على الطرف الشرقي للبلدة، وأن الجريحين"
            " نقلا إلى مستشفى قريب لتلقي العلاج.</p></article>"
            f"<aside>{aside}</aside></main><footer>جميع الحقوق محفوظة 2023</footer></body></html>")


@pytest.mark.parametrize(("markup", "published"), [
    (_page("<div class='info'>بغداد - العربي الجديد - 14 مارس 2023</div>"), "2023-03-14"),
    (_page("<p>كتب: محمد علي | الثلاثاء 14 مارس 2023 - 10:42 ص</p>"), "2023-03-14"),
    (_page("<time>2023/03/14</time>"), "2023-03-14"),
    (_page("<p>آخر تحديث: 14 مارس 2023</p>"), None),
    (_page("<p>الأربعاء 14 مارس 2099</p>"), None),
    (_page("<p>مارس 2023</p>"), None),
    (_page("", banner="<div>السبت 18 آذار 2023</div>"), None),  # the site's date of today
    (_page("", aside="<ul><li>خبر آخر - 16 آذار 2023</li></ul>"), None),
    (_page("", first="قتل ثلاثة أشخاص وأصيب خمسة آخرون في هجوم مسلح على حاجز أمني يوم 14 آذار 2021 وفق"
                     " مصدر أمني تحدث للصحافيين."), None),
])
def test_page_date_reads_only_the_pages_own_dateline(markup: str, published: str | None) -> None:
    import trafilatura

    text = trafilatura.extract(markup) or ""
    found = page_date(markup, text, "غارة على بلدة حدودية", today=TODAY)
    assert (found.value.isoformat() if found else None) == published


def test_read_html_metadata_date_wins_over_the_printed_one(tmp_path: Path) -> None:
    path = tmp_path / "both.html"
    path.write_text(_page("<p>الثلاثاء 14 مارس 2023</p>", head="<meta property='article:published_time' "
                          "content='2023-03-15T08:00:00+02:00'>"), encoding="utf-8")
    article = read_one(path)
    assert article.published == "2023-03-15"
    assert codes(article) == []


def test_printed_date_resolves_relative_dates_of_the_article(fixtures_dir: Path) -> None:
    # "صباح أمس الاثنين" in a page printed "الثلاثاء 14 آذار 2023": the day before
    article = read_one(fixtures_dir / "page_byline_levant.html")
    doc = Pipeline().run(article)
    values = {d.text: d.value for d in doc.dates}
    assert values.get("صباح أمس الاثنين") == "2023-03-13"
    doc.check_offsets()


@pytest.mark.parametrize(("lines", "expected"), [
    (["أبرز أخبار يوم السبت 11 فيفري 2017", "تونس: انطلاق الحملة"], "2017-02-11"),
    (["انطلاق البطولة الوطنية للكرة الطائرة بداية من يوم 8 فيفري 2017"], None),  # announces a date
])
def test_a_title_is_a_dateline_only_with_few_other_words(lines: list[str], expected: str | None) -> None:
    found = visible_date(lines, today=TODAY, after_titles_only=True)
    assert (found.value.isoformat() if found else None) == expected

