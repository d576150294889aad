"""An output path that is the store, one of its files, or an input is refused before the first
article, with exit code 2, and destroys nothing (issue 15, case 1)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.store import open_store


def _two_articles(tmp_path: Path, ant_lines: Callable[[int], list[str]]) -> Path:
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(ant_lines(2)) + "\n", encoding="utf-8")
    return path


def _assert_store_intact(db: Path, count: int = 3) -> None:
    with open_store(db, create=False) as store:
        assert store.count() == count


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_extract_output_over_the_store_is_refused(filled_store: Path, tmp_path: Path, suffix: str,
                                                  ant_lines: Callable[[int], list[str]],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    src = _two_articles(tmp_path, ant_lines)
    before = filled_store.read_bytes()
    assert main(["extract", str(src), "--db", str(filled_store), "-o", f"{filled_store}{suffix}"]) == 2
    err = capsys.readouterr().err
    assert "result store" in err and "destroy" in err
    assert filled_store.read_bytes() == before
    _assert_store_intact(filled_store)


def test_extract_output_over_the_default_store_is_refused(filled_store: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          ant_lines: Callable[[int], list[str]],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    src = _two_articles(tmp_path, ant_lines)
    filled_store.rename(tmp_path / "marsad.db")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MARSAD_DB", raising=False)
    assert main(["extract", str(src), "-o", "marsad.db"]) == 2
    assert "result store" in capsys.readouterr().err
    _assert_store_intact(tmp_path / "marsad.db")


def test_extract_output_over_the_store_named_by_the_environment_is_refused(
        filled_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        ant_lines: Callable[[int], list[str]]) -> None:
    src = _two_articles(tmp_path, ant_lines)
    monkeypatch.setenv("MARSAD_DB", f"sqlite:///{filled_store}")
    assert main(["extract", str(src), "-o", str(filled_store)]) == 2
    _assert_store_intact(filled_store)


def test_extract_output_reaching_the_store_by_a_link_is_refused(filled_store: Path, tmp_path: Path,
                                                                ant_lines: Callable[[int], list[str]]) -> None:
    src = _two_articles(tmp_path, ant_lines)
    (tmp_path / "sym.jsonl").symlink_to(filled_store)
    os.link(filled_store, tmp_path / "hard.jsonl")
    sub = tmp_path / "sub"
    sub.mkdir()
    for output in (tmp_path / "sym.jsonl", tmp_path / "hard.jsonl", sub / ".." / filled_store.name):
        assert main(["extract", str(src), "--db", str(filled_store), "-o", str(output)]) == 2
    _assert_store_intact(filled_store)


def test_extract_output_over_an_input_is_refused(tmp_path: Path, ant_lines: Callable[[int], list[str]],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    src = _two_articles(tmp_path, ant_lines)
    before = src.read_bytes()
    (tmp_path / "link.jsonl").symlink_to(src)
    assert main(["extract", str(src), "--db", str(tmp_path / "s.db"), "-o", str(tmp_path / "link.jsonl")]) == 2
    assert "also an input" in capsys.readouterr().err
    assert src.read_bytes() == before


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_export_output_over_the_store_is_refused(filled_store: Path, suffix: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    before = filled_store.read_bytes()
    assert main(["export", "--format", "jsonl", "--db", str(filled_store), "-o", f"{filled_store}{suffix}"]) == 2
    assert "result store" in capsys.readouterr().err
    assert filled_store.read_bytes() == before
    _assert_store_intact(filled_store)
