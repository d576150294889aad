"""read_articles over files, directories, globs and stdin, in every input format; bad inputs never raise."""

from __future__ import annotations

import codecs
import io
import json
import os
import threading
from pathlib import Path

import pytest

from marsad.document import Article
from marsad.errors import ConfigError, WarningCode
from marsad.ingest import Source, count_articles, read_articles, resolve_inputs, sniff_format
from marsad.pipeline import Pipeline

ARTICLE = ("سقطت قذيفة هاون على حي سكني في أطراف المدينة مساء أمس، ما أدى إلى إصابة طفلين بجروح.\n"
           "وقال شاهد عيان: \"سمعنا دوي انفجار قوي ثم رأينا الدخان يتصاعد\".\n")


def codes(article: Article) -> list[str]:
    return [w.code for w in article.warnings]


def read_one(path: Path) -> Article:
    articles = list(read_articles([str(path)]))
    assert len(articles) == 1
    return articles[0]


# --- plain text -------------------------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "prefix", "warned"), [
    ("utf-8", b"", False),
    ("utf-8", codecs.BOM_UTF8, False),
    ("utf-16-le", codecs.BOM_UTF16_LE, False),
    ("utf-16-be", codecs.BOM_UTF16_BE, False),
    ("utf-16-le", b"", True),
    ("cp1256", b"", True),
])
def test_read_text_file_in_any_encoding(tmp_path: Path, encoding: str, prefix: bytes, warned: bool) -> None:
    path = tmp_path / "haawn.txt"
    path.write_bytes(prefix + ARTICLE.encode(encoding))
    article = read_one(path)
    assert article.text == ARTICLE
    assert article.id == "haawn"
    assert codes(article) == ([WarningCode.MIS_ENCODED] if warned else [])


def test_read_text_file_keeps_text_exactly(tmp_path: Path) -> None:
    text = "\n\n  عنوان بلا نقطة  \r\nسطر أول.\r\n\tسطر ثان\u200f.   \n\n"
    path = tmp_path / "raw.txt"
    path.write_bytes(text.encode("utf-8"))
    assert read_one(path).text == text


@pytest.mark.parametrize(("data", "code"), [
    (b"", WarningCode.EMPTY_TEXT),
    (b"  \n\t\r\n ", WarningCode.EMPTY_TEXT),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), WarningCode.NOT_TEXT),
    (b"PK\x03\x04\x14\x00\x00\x00" + bytes(64), WarningCode.NOT_TEXT),
    (ARTICLE.encode("utf-8")[:-2] + b"\xd8", WarningCode.MIS_ENCODED),  # truncated UTF-8
])
def test_read_text_file_bad_input_warns(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    article = read_one(path)
    assert code in codes(article)
    if code == WarningCode.NOT_TEXT:
        assert article.text == ""


def test_read_non_arabic_text_is_read_as_is(tmp_path: Path) -> None:
    text = "Trois soldats ont été blessés lors d'une attaque près de Kasserine.\n"
    path = tmp_path / "fr.txt"
    path.write_text(text, encoding="utf-8")
    article = read_one(path)
    assert (article.text, codes(article)) == (text, [])
    # the pipeline, not ingest, judges the language
    doc = Pipeline(stages=()).prepare(article)
    assert WarningCode.NOT_ARABIC in [w.code for w in doc.warnings]


def test_read_50_megabyte_file_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = ARTICLE.encode("utf-8")
    path.write_bytes(line * (50_000_000 // len(line) + 1))
    article = read_one(path)
    assert len(article.text) > 25_000_000
    doc = Pipeline(stages=()).prepare(article)
    assert len(doc.text) == Pipeline(stages=()).config.pipeline.max_chars
    assert WarningCode.TRUNCATED in [w.code for w in doc.warnings]


# --- HTML -------------------------------------------------------------------------------------

def test_read_html_page_main_text_and_metadata(fixtures_dir: Path) -> None:
    article = read_one(fixtures_dir / "page_ar.html")
    assert article.id == "page_ar"
    assert article.title == "مقتل ثلاثة عناصر أمن بهجوم مسلح شرقي المدينة"
    assert article.published == "2021-03-14"  # the meta tag's own date, not shifted to UTC
    assert article.url == "https://news.example.org/ar/attack-east"  # canonical beats og:url
    assert article.source == "الخبر اليومي"
    assert "قُتل ثلاثة من عناصر الأمن" in article.text
    assert "عمليات تفتيش واسعة" in article.text
    for boilerplate in ("الرئيسية", "الأكثر قراءة", "جميع الحقوق محفوظة", "نتائج مباريات"):
        assert boilerplate not in article.text
    assert codes(article) == []


PAGE = ("<html><head>{meta}<title>عنوان الصفحة</title></head><body><article>"
        "<p>أعلنت السلطات المحلية حظر التجول في ثلاث بلدات بعد مواجهات بين محتجين وقوات الأمن"
        " استمرت ساعات.</p>"
        "<p>وذكر بيان رسمي أن الحظر يبدأ عند الساعة الثامنة مساء ويستمر حتى إشعار آخر.</p>"
        "</article></body></html>")


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


def test_read_html_levantine_month_in_text_is_not_taken_as_date(tmp_path: Path) -> None:
    # htmldate reads a visible "8 كانون الثاني 2020" as 2020-01-01; without meta tags we keep None
    body = "<p>8 كانون الثاني 2020</p>" + PAGE.format(meta="")
    path = tmp_path / "levant.html"
    path.write_text(body, encoding="utf-8")
    assert read_one(path).published is None


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


# --- JSONL and JSON -------------------------------------------------------------------------

def test_read_jsonl_good_and_bad_lines(fixtures_dir: Path) -> None:
    articles = list(read_articles([str(fixtures_dir / "records.jsonl")]))
    by_id = {a.id: a for a in articles}
    assert [a.id for a in articles] == ["r1", "records-2", "records-4", "records-5", "r5", "r6", "r7",
                                        "records-9"]
    r1 = by_id["r1"]
    assert (r1.title, r1.published, r1.source, codes(r1)) == ("انفجار عبوة ناسفة", "2020-02-10",
                                                              "وكالة تجريبية", [])
    assert r1.text == "انفجرت عبوة ناسفة على جانب الطريق قرب سوق شعبي.\nولم تسجل إصابات."
    assert codes(by_id["records-2"]) == []
    for bad_id, line, problem in [("records-4", 4, "not JSON"), ("records-5", 5, "JSON object, got list"),
                                  ("r5", 6, "'text'"), ("r6", 7, "'text'"), ("r7", 8, "'title'"),
                                  ("records-9", 9, "not JSON")]:
        article = by_id[bad_id]
        assert codes(article) == [WarningCode.BAD_RECORD]
        assert f"records.jsonl:{line}: " in article.warnings[0].message
        assert problem in article.warnings[0].message
    assert by_id["r7"].text == "نص صالح مع عنوان غير صالح."  # usable text is kept
    assert by_id["r7"].title is None


def test_read_jsonl_bad_utf8_line_is_repaired_with_warning(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": "نص سليم"}, ensure_ascii=False).encode()
    broken = '{"id": "b", "text": "نص '.encode() + b"\xff\xfe" + ' مكسور"}'.encode()
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + good + b"\r\n" + broken + b"\n")
    a, b = read_articles([str(path)])
    assert (a.id, a.text, codes(a)) == ("a", "نص سليم", [])
    assert (b.id, codes(b)) == ("b", [WarningCode.MIS_ENCODED])
    assert "mixed.jsonl:2" in b.warnings[0].message


def test_read_jsonl_in_utf16(tmp_path: Path) -> None:
    records = [(str(i), f"خبر رقم {i}") for i in range(3)]
    lines = "\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in records)
    path = tmp_path / "wide.jsonl"
    path.write_bytes(lines.encode("utf-16"))
    assert [(a.id, a.text) for a in read_articles([str(path)])] == records


@pytest.mark.parametrize(("content", "expected"), [
    ('[{"id": "x", "text": "أول"}, {"text": "ثان"}, 7]', [("x", "أول", []), ("batch-2", "ثان", []),
                                                             ("batch-3", "", ["W103"])]),
    ('{"id": "solo", "text": "سجل واحد"}', [("solo", "سجل واحد", [])]),
    ('{"id": "l1", "text": "سطر"}\n{"id": "l2", "text": "سطر آخر"}\n',
     [("l1", "سطر", []), ("l2", "سطر آخر", [])]),
    ('"just a string"', [("batch", "", ["W103"])]),
    ("[1, 2", [("batch", "", ["W103"])]),
])
def test_read_json_file(tmp_path: Path, content: str, expected: list[tuple[str, str, list[str]]]) -> None:
    path = tmp_path / "batch.json"
    path.write_text(content, encoding="utf-8")
    assert [(a.id, a.text, codes(a)) for a in read_articles([str(path)])] == expected


# --- feeds --------------------------------------------------------------------------------------

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
    assert third.id == "feed_rss-3"  # neither guid nor link
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
    assert (article.id, article.text, codes(article)) == ("feed", "", [WarningCode.NOT_TEXT])


# --- resolving inputs -----------------------------------------------------------------------------

def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "a" / "news.txt").write_text("خبر أول.", encoding="utf-8")
    (root / "b" / "news.txt").write_text("خبر ثان.", encoding="utf-8")
    (root / "b" / "page.html").write_text(PAGE.format(meta=""), encoding="utf-8")
    (root / "b" / "notes.md").write_text("ليس مدخلا", encoding="utf-8")
    (root / ".hidden" / "secret.txt").write_text("مخفي", encoding="utf-8")
    (root / "recs.jsonl").write_text('{"id": "j1", "text": "سجل"}\n\n{"id": "j2", "text": "سجل"}\n',
                                     encoding="utf-8")
    return root


def test_resolve_directory_recursive_sorted_unique_ids(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    sources = resolve_inputs([str(root)])
    assert [Path(s.location).relative_to(root).as_posix() for s in sources] == [
        "a/news.txt", "b/news.txt", "b/page.html", "recs.jsonl"]
    assert [s.id for s in sources] == ["news", "news-2", "page", None]
    assert [s.format for s in sources] == ["text", "text", "html", "jsonl"]
    assert count_articles(sources) == 5
    assert [a.id for a in read_articles(sources)] == ["news", "news-2", "page", "j1", "j2"]


def test_resolve_glob_and_order_of_arguments(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    sources = resolve_inputs([str(root / "recs.jsonl"), str(root / "**" / "*.txt")])
    assert [Path(s.location).name for s in sources] == ["recs.jsonl", "news.txt", "news.txt"]


@pytest.mark.parametrize("bad", ["missing.txt", "nope/*.html", "empty_dir"])
def test_resolve_setup_errors_name_the_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             bad: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty_dir").mkdir()
    with pytest.raises(ConfigError, match=bad.split("/")[0]) as info:
        resolve_inputs(["-", bad])
    assert "\n" not in str(info.value)


def test_read_articles_resolves_strings_before_reading(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("نص", encoding="utf-8")
    gen = read_articles([str(tmp_path / "ok.txt"), str(tmp_path / "missing.txt")])
    with pytest.raises(ConfigError):
        next(gen)


def test_unreadable_file_becomes_warning(tmp_path: Path) -> None:
    source = Source(str(tmp_path / "gone.txt"), "file", "text", "gone")
    (article,) = read_articles([source])
    assert (article.id, article.text, codes(article)) == ("gone", "", [WarningCode.FETCH_FAILED])


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "download.dat"
    path.write_text(PAGE.format(meta=""), encoding="utf-8")
    (article,) = read_articles([Source(str(path), "file", None, "download")])
    assert "حظر التجول" in article.text
    assert "<p>" not in article.text


def test_count_articles_unknown_for_streams() -> None:
    assert count_articles([Source("-", "stdin")]) is None
    assert count_articles([Source("http://127.0.0.1:9/feed", "url")]) is None


def test_count_articles_feed_items(fixtures_dir: Path) -> None:
    sources = resolve_inputs([str(fixtures_dir / "feed_rss.xml"), str(fixtures_dir / "feed_atom.xml")])
    assert count_articles(sources) == 5


# --- stdin --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "expected"), [
    ('{"id": "s1", "text": "خبر"}\n{"id": "s2", "text": "x"}'.encode(), [("s1", "خبر"), ("s2", "x")]),
    (ARTICLE.encode("utf-8"), [("stdin", ARTICLE)]),
    (ARTICLE.encode("cp1256"), [("stdin", ARTICLE)]),
    (b"[]", []),
])
def test_read_stdin_sniffs_format(data: bytes, expected: list[tuple[str, str]]) -> None:
    articles = list(read_articles(["-"], stdin=io.BytesIO(data)))
    assert [(a.id, a.text) for a in articles] == expected


def test_read_stdin_jsonl_streams_many_lines() -> None:
    lines = b"".join(json.dumps({"id": f"n{i}", "text": "نص " * 50}).encode() + b"\n" for i in range(3000))
    articles = list(read_articles(["-"], stdin=io.BytesIO(lines)))
    assert [a.id for a in articles] == [f"n{i}" for i in range(3000)]
    assert all(not a.warnings for a in articles)


def test_read_stdin_html_and_feed(fixtures_dir: Path) -> None:
    (page,) = read_articles(["-"], stdin=io.BytesIO((fixtures_dir / "page_ar.html").read_bytes()))
    assert page.title == "مقتل ثلاثة عناصر أمن بهجوم مسلح شرقي المدينة"
    items = list(read_articles(["-"], stdin=io.BytesIO((fixtures_dir / "feed_atom.xml").read_bytes())))
    assert len(items) == 2


@pytest.mark.parametrize(("head", "fmt"), [
    (b'  \n{"text": "x"}', "jsonl"),
    (b'[ {"text": "x"} ]', "json"),
    (b"[\xd8\xae\xd8\xa8\xd8\xb1] \xd8\xb9\xd8\xa7\xd8\xac\xd9\x84", "text"),  # [خبر] عاجل: not JSON
    (codecs.BOM_UTF8 + b"<rss version='2.0'>", "feed"),
    (b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
    (b"<?xml version='1.0'?>\n<rdf:RDF>", "feed"),
    (b"<!-- saved page -->\n<!DOCTYPE html>\n<html>", "html"),
    (b"<html><body><a href='x.rss'>rss</a><rss", "html"),
    (b"<div class='story'><p>", "html"),
    ("<html>".encode("utf-16"), "html"),
    (b"", "text"),
])
def test_sniff_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


def test_read_stdin_yields_each_record_as_soon_as_its_line_arrives() -> None:
    # a producer that sends one record and waits for our answer must not dead-lock the reader
    read_fd, write_fd = os.pipe()
    with open(read_fd, "rb") as reader, open(write_fd, "wb") as writer:
        articles = read_articles(["-"], stdin=reader)
        got: list[str] = []
        writer.write('{"id": "p1", "text": "أول"}\n'.encode())
        writer.flush()
        worker = threading.Thread(target=lambda: got.append(next(articles).id), daemon=True)
        worker.start()
        worker.join(timeout=10)
        assert got == ["p1"]
        writer.write('{"id": "p2", "text": "ثان"}\n'.encode())
        writer.close()
        assert [a.id for a in articles] == ["p2"]


def test_a_reader_that_breaks_becomes_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> Article:
        raise RuntimeError("parser bug")

    monkeypatch.setattr("marsad.ingest.read_html", broken)
    (tmp_path / "a.html").write_text(PAGE.format(meta=""), encoding="utf-8")
    (tmp_path / "b.txt").write_text("نص سليم", encoding="utf-8")
    first, second = read_articles([str(tmp_path)])
    assert (first.id, first.text, codes(first)) == ("a", "", [WarningCode.BAD_RECORD])
    assert "parser bug" in first.warnings[0].message
    assert (second.id, second.text) == ("b", "نص سليم")


def test_read_stdin_utf16_jsonl() -> None:
    data = '{"id": "w1", "text": "نص عريض"}\n{"id": "w2", "text": "ثان"}\n'.encode("utf-16")
    assert [(a.id, a.text) for a in read_articles(["-"], stdin=io.BytesIO(data))] == [
        ("w1", "نص عريض"), ("w2", "ثان")]


def test_read_articles_refuses_a_mix_of_strings_and_sources(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        list(read_articles(["-", Source("-", "stdin")]))  # type: ignore[list-item]


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
