"""Resolving INPUT arguments, reading stdin, sniffing formats; a broken input never stops the rest."""

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
from tests.ingest.samples import ARTICLE, PAGE, codes, content_id_of, made_id


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
    assert [s.format for s in sources] == ["text", "text", "html", "jsonl"]
    assert count_articles(sources) == 5
    articles = list(read_articles(sources))
    # two files named news.txt in two folders: two ids, each made from the file's content
    assert [a.id for a in articles] == [content_id_of("news", "خبر أول."), content_id_of("news", "خبر ثان."),
                                        articles[2].id, "j1", "j2"]
    assert made_id("page", articles[2].id)


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


@pytest.mark.parametrize(("data", "expected"), [
    ('{"id": "s1", "text": "خبر"}\n{"id": "s2", "text": "x"}'.encode(), [("s1", "خبر"), ("s2", "x")]),
    (ARTICLE.encode("utf-8"), [(content_id_of("stdin", ARTICLE), ARTICLE)]),
    (ARTICLE.encode("cp1256"), [(content_id_of("stdin", ARTICLE), ARTICLE)]),
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
    assert (first.text, codes(first)) == ("", [WarningCode.BAD_RECORD])
    assert made_id("a", first.id)
    assert "parser bug" in first.warnings[0].message
    assert (second.id, second.text) == (content_id_of("b", "نص سليم"), "نص سليم")


def test_read_stdin_utf16_jsonl() -> None:
    data = '{"id": "w1", "text": "نص عريض"}\n{"id": "w2", "text": "ثان"}\n'.encode("utf-16")
    assert [(a.id, a.text) for a in read_articles(["-"], stdin=io.BytesIO(data))] == [
        ("w1", "نص عريض"), ("w2", "ثان")]


def test_read_articles_refuses_a_mix_of_strings_and_sources(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        list(read_articles(["-", Source("-", "stdin")]))  # type: ignore[list-item]


def test_resolve_names_the_files_a_directory_holds_that_are_no_input(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "a" / "photo.JPG").write_bytes(b"\xff\xd8\xff")
    skipped: list[str] = []
    sources = resolve_inputs([str(root)], skipped=skipped)
    assert len(sources) == 4
    assert skipped == [str(root / "a" / "photo.JPG"), str(root / "b" / "notes.md")]  # hidden ones unmentioned


def test_read_articles_names_the_inputs_that_held_no_article(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("\n \n", encoding="utf-8")
    (tmp_path / "none.json").write_text("[]", encoding="utf-8")
    (tmp_path / "one.jsonl").write_text('{"id": "x", "text": "نص"}\n', encoding="utf-8")
    empty: list[str] = []
    inputs = [str(tmp_path / n) for n in ("empty.jsonl", "none.json", "one.jsonl")]
    assert [a.id for a in read_articles(inputs, empty=empty)] == ["x"]
    assert empty == inputs[:2]
