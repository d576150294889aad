"""HTML pages: main text, metadata from the page's tags, charsets honoured and repaired."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import WarningCode
from marsad.ingest.html import date_of, declared_charset, html_to_text
from marsad.ingest.notes import PUBLISHED_FROM_PAGE
from tests.ingest.samples import PAGE, codes, content_id_of, read_one


def test_read_html_page_main_text_and_metadata(fixtures_dir: Path) -> None:
    article = read_one(fixtures_dir / "page_ar.html")
    assert article.id == content_id_of("page_ar", article.text, article.title, article.published)
    assert article.title == "مقتل ثلاثة عناصر أمن بهجوم مسلح شرقي المدينة"
    assert article.published == "2021-03-14"  # the meta tag's own date, not shifted to UTC
    assert article.url == "https://news.example.org/ar/attack-east"  # canonical beats og:url
    assert article.source == "الخبر اليومي"
    assert "قُتل ثلاثة من عناصر الأمن" in article.text
    assert "عمليات تفتيش واسعة" in article.text
    for boilerplate in ("الرئيسية", "الأكثر قراءة", "جميع الحقوق محفوظة", "نتائج مباريات"):
        assert boilerplate not in article.text
    assert codes(article) == []


@pytest.mark.parametrize(("meta", "encoding", "warned"), [
    ('<meta charset="windows-1256">', "cp1256", False),
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">', "cp1256", False),
    ("", "cp1256", True),  # undeclared: guessed from the letters
    ('<meta charset="utf-8">', "utf-8", False),
    ('<meta charset="iso-8859-1">', "utf-8", False),  # the server default, wrong for the bytes
    ("", "utf-16", False),
])
def test_read_html_honours_and_repairs_charsets(tmp_path: Path, meta: str, encoding: str,
                                                warned: bool) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.format(meta=meta).encode(encoding))
    article = read_one(path)
    assert "حظر التجول في ثلاث بلدات" in article.text
    assert "حتى إشعار آخر" in article.text
    assert (WarningCode.MIS_ENCODED in codes(article)) == warned


@pytest.mark.parametrize(("head", "published"), [
    ('<meta property="article:published_time" content="2020-01-03T01:10:00+03:00">', "2020-01-03"),
    ('<meta itemprop="datePublished" content="2019-12-31">', "2019-12-31"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2018-06-09T22:00:00Z"}'
     "</script>", "2018-06-09"),
    ('<meta name="pubdate" content="20170411">', "2017-04-11"),
    ("", None),
])
def test_read_html_published_from_meta(tmp_path: Path, head: str, published: str | None) -> None:
    path = tmp_path / "dated.html"
    path.write_text(PAGE.format(meta=head), encoding="utf-8")
    assert read_one(path).published == published


def test_read_html_levantine_month_above_the_text_is_read_by_our_grammar(tmp_path: Path) -> None:
    # htmldate reads a visible "8 كانون الثاني 2020" as 2020-01-01; our dateline reading gives the 8th
    body = "<p>8 كانون الثاني 2020</p>" + PAGE.format(meta="")
    path = tmp_path / "levant.html"
    path.write_text(body, encoding="utf-8")
    article = read_one(path)
    assert article.published == "2020-01-08"
    assert codes(article) == [PUBLISHED_FROM_PAGE]


@pytest.mark.parametrize("markup", [
    "<html><head><title>فارغ</title></head><body></body></html>",
    "<html><body><script>var x = 1;</script></body></html>",
    "<!-- only a comment --><p>  </p><br/>",
])
def test_read_html_without_text_warns_empty(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(markup, encoding="utf-8")
    article = read_one(path)
    assert article.text.strip() == ""
    assert WarningCode.EMPTY_TEXT in codes(article)


def test_read_short_html_falls_back_to_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "short.html"
    path.write_text("<html><body><p>انفجار في الميناء.</p></body></html>", encoding="utf-8")
    assert read_one(path).text == "انفجار في الميناء."


def test_read_undeclared_windows_1256_page_behind_a_big_script_head(tmp_path: Path) -> None:
    script = "<script>var config = {analytics: 'enabled', slots: ['top', 'side']};</script>\n" * 600
    page = PAGE.format(meta="").replace("<title>", script + "<title>")
    path = tmp_path / "heavy.html"
    path.write_bytes(page.encode("cp1256"))
    article = read_one(path)
    assert "حظر التجول في ثلاث بلدات" in article.text
    assert codes(article) == [WarningCode.MIS_ENCODED]


def test_read_huge_html_page_is_cut_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("marsad.ingest.html.MAX_HTML_CHARS", 2_000)
    page = PAGE.format(meta="").replace("</article>", "</article>" + "<p>تذييل طويل</p>" * 500)
    path = tmp_path / "long.html"
    path.write_text(page, encoding="utf-8")
    article = read_one(path)
    assert "حظر التجول" in article.text
    assert WarningCode.TRUNCATED in codes(article)


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-01-05T23:30:00+03:00", "2022-01-05"),
    ("2022/1/5", "2022-01-05"),
    ("2022.01.05 10:00", "2022-01-05"),
    ("20220105", "2022-01-05"),
    ("2022-13-40", None),
    ("5 يناير 2022", None),  # visible dates are the dates stage's work, not metadata
    ("", None),
    (None, None),
])
def test_date_of(value: str | None, expected: str | None) -> None:
    assert date_of(value) == expected


@pytest.mark.parametrize(("fragment", "text"), [
    ("<p>سطر أول</p><p>سطر ثان</p>", "سطر أول\nسطر ثان"),
    ("قصف<br/>مدفعي<br>عنيف", "قصف\nمدفعي\nعنيف"),
    ("<script>var a = '<p>';</script><p>نص</p>", "نص"),
    ("<!-- تعليق --><div>  فراغات\u00a0 كثيرة  </div>", "فراغات كثيرة"),
    ("نص عادي &quot;بين علامتين&quot; &#1583;", 'نص عادي "بين علامتين" د'),
    ("<ul><li>أ</li><li>ب</li></ul>", "أ\nب"),
])
def test_html_to_text(fragment: str, text: str) -> None:
    assert html_to_text(fragment) == text


@pytest.mark.parametrize(("head", "charset"), [
    (b'<meta charset="windows-1256">', "windows-1256"),
    (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-6'>", "ISO-8859-6"),
    (b'<?xml version="1.0" encoding="utf-8"?><html>', "utf-8"),
    (b"<html><head><title>x</title>", None),
])
def test_declared_charset(head: bytes, charset: str | None) -> None:
    assert declared_charset(head) == charset
