"""Plain-text files: every encoding, text kept exactly, bad inputs become warnings."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from marsad.errors import WarningCode
from marsad.ingest.notes import PUBLISHED_FROM_PAGE
from marsad.pipeline import Pipeline
from tests.ingest.samples import ARTICLE, codes, content_id_of, read_one


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
    assert article.id == content_id_of("haawn", ARTICLE)
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


@pytest.mark.parametrize(("top", "published"), [
    ("غارة على بلدة حدودية\nالثلاثاء ١٤ آذار ٢٠٢٣ - 10:42\n", "2023-03-14"),
    ("نشر في: 2023/03/14\n", "2023-03-14"),
    ("\n\n14-03-2023\n", "2023-03-14"),
    ("عنوان الخبر\nوكالة الأنباء\nالأحد 12 أوت 2018\n", "2018-08-12"),
    ("عنوان الخبر\nوكالة الأنباء\nسطر ثالث\nالأحد 12 أوت 2018\n", None),  # below the first three lines
    ("الأربعاء 14 مارس 2099\n", None),  # in the future of the run
    ("مارس 2023\n", None),  # no day
    ("البرنامج:\nالأحد 2 أفريل 2017\n", None),  # a list's date, under a line that opens it
])
def test_read_text_takes_a_dateline_at_the_top_as_published(tmp_path: Path, top: str,
                                                            published: str | None) -> None:
    path = tmp_path / "dated.txt"
    path.write_text(top + ARTICLE, encoding="utf-8")
    article = read_one(path)
    assert article.text == top + ARTICLE  # the dateline stays in the text
    assert article.published == published
    assert codes(article) == ([PUBLISHED_FROM_PAGE] if published else [])


def test_read_text_date_in_the_first_paragraph_is_not_published(tmp_path: Path) -> None:
    text = ("قتل ثلاثة أشخاص وأصيب خمسة آخرون في هجوم مسلح استهدف حاجزا أمنيا على الطريق الرئيسية يوم 14 آذار"
            " 2021، وفق ما أفاد مصدر أمني.\n" + ARTICLE)
    path = tmp_path / "event.txt"
    path.write_text(text, encoding="utf-8")
    assert read_one(path).published is None
