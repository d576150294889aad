"""Say what happened: empty inputs, skipped files, SIGTERM, counts in words, help for users
(issue 15, the silent cases and the newcomer's stumbles)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.store import open_store


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_extract_an_empty_jsonl_file_is_said(tmp_path: Path, content: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "empty.jsonl"
    src.write_text(content, encoding="utf-8")
    assert main(["extract", str(src), "--db", str(tmp_path / "s.db"), "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "0 articles" in err and "1 input held no article" in err
    assert f"warning: {src} holds no article" in err


def test_extract_files_skipped_in_a_folder_are_counted_and_named(
        tmp_path: Path, ant_lines: Callable[[int], list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(json.loads(ant_lines(1)[0])["text"], encoding="utf-8")
    (folder / "notes.md").write_text("# notes\n", encoding="utf-8")
    (folder / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    (folder / "blob").write_bytes(bytes(range(256)))
    (folder / ".hidden.md").write_text("hidden files are not mentioned", encoding="utf-8")
    assert main(["extract", str(folder), "--db", str(tmp_path / "s.db"), "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "1 article in" in err
    assert "4 files in the input folders skipped: not an article format (.csv, .jpg, .md, no extension)" in err
    for name in ("notes.md", "table.csv", "photo.jpg", "blob"):
        assert f"skipped: {folder / name}\n" in err + "\n"
    assert ".hidden" not in err


def _committed(db: Path) -> int:
    try:
        conn = sqlite3.connect(db)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("workers", ["1", "2"])
def test_extract_sigterm_says_so_keeps_what_is_committed_and_exits_143(
        tmp_path: Path, ant_lines: Callable[[int], list[str]], workers: str) -> None:
    db = tmp_path / "s.db"
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "extract", "-", "--db", str(db), "--workers", workers],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stderr is not None
    # workers take articles 8 at a time: with two, 16 of the 20 are done while the pipe waits
    sent, done = (3, 3) if workers == "1" else (20, 16)
    proc.stdin.write(("\n".join(ant_lines(sent)) + "\n").encode())
    proc.stdin.flush()
    deadline = time.monotonic() + 120
    while _committed(db) < done and time.monotonic() < deadline:  # committed while waiting for more
        time.sleep(0.1)
    committed = _committed(db)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 143
    err = proc.stderr.read().decode()
    proc.stdin.close()
    proc.stderr.close()
    assert "terminated (SIGTERM); committed results are kept" in err
    assert "Traceback" not in err
    assert committed >= done
    with open_store(db) as store:
        assert store.count() >= committed


def test_counts_agree_with_their_nouns(tmp_path: Path, ant_lines: Callable[[int], list[str]],
                                       filled_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "one.jsonl"
    src.write_text(ant_lines(1)[0] + "\n", encoding="utf-8")
    assert main(["extract", str(src), "--db", str(tmp_path / "s.db"), "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "marsad extract: 1 article in" in err and "1 articles" not in err
    assert main(["export", "--format", "csv", "--country", "IQ", "--db", str(filled_store),
                 "-o", str(tmp_path / "e.csv")]) == 0
    assert "marsad export: 1 event as csv" in capsys.readouterr().err


def test_help_is_written_for_users(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "``" not in text and "thin shell" not in text
    assert "marsad extract articles.jsonl" in text
    assert "143" in text and "130" in text and "--resume" in text
    for command in ("extract", "export", "show"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        sub = capsys.readouterr().out
        assert "``" not in sub and ":func:" not in sub and ":class:" not in sub
