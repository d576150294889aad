"""Partitions read back exactly what a whole read gives: same articles, same made-up ids, same order."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from marsad.errors import ConfigError
from marsad.ingest import Source, read_articles, resolve_inputs
from marsad.scale.partitions import plan_partitions, read_partition


def _whole(inputs: list[str]) -> list[tuple[str, str, list[str]]]:
    return [(a.id, a.text, [w.message for w in a.warnings]) for a in read_articles(inputs)]


def _by_parts(inputs: list[str], size: int) -> list[tuple[str, str, list[str]]]:
    parts = plan_partitions(resolve_inputs(inputs), size=size)
    assert [p.index for p in parts] == list(range(len(parts)))
    return [(a.id, a.text, [w.message for w in a.warnings]) for p in parts for a in read_partition(p)]


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_jsonl_partitions_read_as_the_whole_file(tmp_path: Path, size: int) -> None:
    # no ids (ids come from line numbers), blank lines, a bad line, a BOM, CRLF, a last line without \n
    lines = [codecs.BOM_UTF8.decode() + json.dumps({"text": "قصف أول"}), "", json.dumps({"id": "x", "text": "ب"}),
             "{not json", "   ", json.dumps({"text": "ج\r"}) + "\r", json.dumps({"text": "د", "title": 5})]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    whole = _whole([str(path)])
    assert len(whole) == 5
    assert _by_parts([str(path)], size) == whole


def test_parquet_partitions_read_as_the_whole_file(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    table = pa.table({"id": ["a", None, "c", None, "e"], "text": ["أ", "ب", None, "د", "هـ"],
                      "title": [None, "t", None, None, None], "extra": [1, 2, 3, 4, 5]})
    path = tmp_path / "rows.parquet"
    pq.write_table(table, path, row_group_size=2)
    whole = _whole([str(path)])
    ids = [w[0] for w in whole]
    assert ids[0::2] == ["a", "c", "e"] and ids[1].startswith("rows-") and ids[3].startswith("rows-")
    assert len(set(ids)) == 5
    assert whole[2][2] and "row 3" in whole[2][2][0]  # the row without text is a warning, not a crash
    for size in (1, 2, 3, 7):
        assert _by_parts([str(path)], size) == whole


def test_files_partitions_keep_the_ids_of_the_whole_input(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(f"نص {sub}", encoding="utf-8")
        (tmp_path / sub / "page.html").write_text(f"<html><body><p>صفحة {sub} فيها نص</p></body></html>",
                                                  encoding="utf-8")
    whole = _whole([str(tmp_path)])
    ids = [w[0] for w in whole]
    assert [i.rsplit("-", 1)[0] for i in ids] == ["page", "same", "page", "same"] and len(set(ids)) == 4
    for size in (1, 3):
        assert _by_parts([str(tmp_path)], size) == whole


def test_stdin_and_urls_are_refused_with_a_reason() -> None:
    with pytest.raises(ConfigError, match="reads files"):
        plan_partitions([Source("-", "stdin")])
    with pytest.raises(ConfigError, match="at least 1"):
        plan_partitions([], size=0)
