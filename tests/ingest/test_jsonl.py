"""JSON Lines and JSON input records: good records, and one warning per bad line."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from marsad.errors import WarningCode
from marsad.ingest import read_articles
from tests.ingest.samples import codes, content_id_of, made_id


def test_read_jsonl_good_and_bad_lines(fixtures_dir: Path) -> None:
    articles = list(read_articles([str(fixtures_dir / "records.jsonl")]))
    ids = [a.id for a in articles]
    assert [ids[0], *ids[4:7]] == ["r1", "r5", "r6", "r7"]
    # records without an id get one from their content, bad lines from where they are
    assert all(made_id("records", i) for i in [*ids[1:4], ids[7]]) and len(set(ids)) == len(ids)
    assert ids[1] == content_id_of("records", articles[1].text, articles[1].title, articles[1].published)
    by_id = dict(zip(["r1", "records-2", "records-4", "records-5", "r5", "r6", "r7", "records-9"], articles,
                     strict=True))
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
    ('[{"id": "x", "text": "أول"}, {"text": "ثان"}, 7]', [("x", "أول", []), ("batch-*", "ثان", []),
                                                             ("batch-*", "", ["W103"])]),
    ('{"id": "solo", "text": "سجل واحد"}', [("solo", "سجل واحد", [])]),
    ('{"id": "l1", "text": "سطر"}\n{"id": "l2", "text": "سطر آخر"}\n',
     [("l1", "سطر", []), ("l2", "سطر آخر", [])]),
    ('"just a string"', [("batch-*", "", ["W103"])]),
    ("[1, 2", [("batch-*", "", ["W103"])]),
])
def test_read_json_file(tmp_path: Path, content: str, expected: list[tuple[str, str, list[str]]]) -> None:
    path = tmp_path / "batch.json"
    path.write_text(content, encoding="utf-8")
    got = list(read_articles([str(path)]))
    assert [(a.text, codes(a)) for a in got] == [(text, c) for _, text, c in expected]
    for article, (doc_id, _, _) in zip(got, expected, strict=True):
        assert made_id("batch", article.id) if doc_id == "batch-*" else article.id == doc_id
