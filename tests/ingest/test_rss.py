"""RSS 2.0 and Atom feeds: one article per item, dates in the feed's own time zone."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import WarningCode
from marsad.ingest import read_articles
from marsad.ingest.rss import item_date
from tests.ingest.samples import codes, made_id


def test_read_rss_items(fixtures_dir: Path) -> None:
    first, second, third = read_articles([str(fixtures_dir / "feed_rss.xml")])
    assert first.id == "agency-101"
    assert first.title == "اشتباكات بين قوات الجيش ومسلحين قرب الحدود"
    assert first.url == "https://agency.example.org/news/101"
    assert first.published == "2022-01-06"  # 00:30+03:00 stays on the 6th (UTC would say the 5th)
    assert first.source == "وكالة الأنباء التجريبية"
    assert first.text == ("اندلعت اشتباكات عنيفة بين قوات الجيش ومجموعة مسلحة قرب الشريط الحدودي،"
                          " وفق بيان عسكري.\nوأشار البيان إلى سقوط جرحى من الطرفين.")
    assert second.id == "https://agency.example.org/news/102"  # no guid: the link
    assert second.published == "2022-01-05"
    assert made_id("feed_rss", third.id)  # neither guid nor link (nor text: the id hashes the item's place)
    assert codes(third) == [WarningCode.EMPTY_TEXT]


def test_read_atom_entries(fixtures_dir: Path) -> None:
    first, second = read_articles([str(fixtures_dir / "feed_atom.xml")])
    assert first.id == "urn:example:regional-news:7781"
    assert first.published == "2023-07-02"  # <published>, not <updated>
    assert first.text.startswith("استهدفت غارة جوية مستودعاً للذخيرة")
    assert "ما أدى إلى انفجارات متتالية" in first.text  # the full content beats the summary
    assert first.source == "نشرة الأخبار الإقليمية"
    assert (second.id, second.published) == ("https://regional.example.org/7790", "2023-07-01")


def test_read_broken_feed_warns(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(b"<?xml version='1.0'?><rss><channel><title>x</title><item><title>")
    articles = list(read_articles([str(path)]))
    assert len(articles) >= 1
    assert all(a.warnings or a.text == "" for a in articles)


LEGACY_FEED = ('<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>أخبار</title>'
               "<item><guid>g1</guid><title>هجوم على دورية</title>"
               "<description>تعرضت دورية لهجوم.</description></item></channel></rss>")


@pytest.mark.parametrize(("data", "warned"), [
    (LEGACY_FEED.encode("cp1256"), False),  # as declared
    (LEGACY_FEED.encode("utf-8"), False),  # a site moved to UTF-8 and kept the old declaration
    (LEGACY_FEED.replace("windows-1256", "utf-8").encode("utf-16"), False),
    (LEGACY_FEED.replace(' encoding="windows-1256"', "").encode("cp1256"), True),  # guessed
])
def test_read_feed_in_any_encoding(tmp_path: Path, data: bytes, warned: bool) -> None:
    path = tmp_path / "legacy.xml"
    path.write_bytes(data)
    (article,) = read_articles([str(path)])
    assert (article.id, article.title, article.text) == ("g1", "هجوم على دورية", "تعرضت دورية لهجوم.")
    assert article.source == "أخبار"
    assert (codes(article) == [WarningCode.MIS_ENCODED]) == warned


def test_read_binary_feed_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_bytes(b"\x1f\x8b\x08\x00" + bytes(100))
    (article,) = read_articles([str(path)])
    assert (article.text, codes(article)) == ("", [WarningCode.NOT_TEXT])
    assert made_id("feed", article.id)


@pytest.mark.parametrize(("raw", "parsed", "expected"), [
    ("Thu, 06 Jan 2022 00:30:00 +0300", None, "2022-01-06"),
    ("Wed, 05 Jan 2022 23:30:00 -0500", None, "2022-01-05"),
    ("06 Jan 2022 00:30 GMT", None, "2022-01-06"),
    ("2023-07-02T01:15:00+03:00", None, "2023-07-02"),
    ("2023-07-02", None, "2023-07-02"),
    ("الخميس 6 يناير 2022", (2022, 1, 5, 21, 30, 0, 2, 5, 0), "2022-01-05"),  # UTC fallback
    ("not a date", None, None),
    (None, None, None),
    ("Thu, 31 Feb 2022 10:00:00 +0000", None, None),
])
def test_item_date_keeps_the_feeds_own_day(raw: str | None, parsed: tuple[int, ...] | None,
                                           expected: str | None) -> None:
    assert item_date(raw, parsed) == expected
