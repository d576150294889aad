"""``marsad extract``: results for real articles, setup errors before the first article, resume."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import marsad.cli.extract as extract_cli
from marsad.cli import main
from marsad.config import Config
from marsad.document import Document
from marsad.pipeline import Pipeline, StageSpec
from marsad.store import SCHEMA_VERSION, open_store


def _results(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_real_articles_gives_one_valid_result_each(ant20: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    out, db = tmp_path / "out.jsonl", tmp_path / "s.db"
    assert main(["extract", str(ant20), "-o", str(out), "--db", str(db)]) == 0
    results = _results(out)
    ids = [json.loads(line)["id"] for line in ant20.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == ids
    for r in results:
        doc = Document.from_dict(r)
        doc.check_offsets()
        assert doc.text
    with open_store(db) as store:
        assert store.count() == 20
        stored = store.get(str(ids[3]))
        assert stored is not None and stored.line == out.read_text(encoding="utf-8").splitlines()[3]
    err = capsys.readouterr().err
    assert "20 articles" in err and err.count("\n") <= 8


def test_extract_without_output_writes_clean_jsonl_to_stdout(ant20: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(ant20), "--db", str(tmp_path / "s.db")]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 20
    assert all(json.loads(line)["id"] for line in lines)
    assert "marsad extract:" in captured.err


def test_extract_stdin_to_stdout_in_a_pipe(tmp_path: Path, ant_lines: Callable[[int], list[str]]) -> None:
    data = "\n".join(ant_lines(3)) + "\n"
    proc = subprocess.run([sys.executable, "-m", "marsad", "extract", "-", "--db", str(tmp_path / "s.db")],
                          input=data.encode(), capture_output=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 3
    for line in lines:
        Document.from_dict(json.loads(line)).check_offsets()


def test_extract_db_from_environment(ant20: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    assert main(["extract", str(ant20), "-o", str(tmp_path / "o.jsonl")]) == 0
    with open_store(tmp_path / "env.db") as store:
        assert store.count() == 20


@pytest.mark.parametrize("argv", [
    ["extract", "--no-such-flag", "x.jsonl"],
    ["extract", "--workers", "many", "x.jsonl"],
    ["export", "--format", "xml"],
    ["show"],
    ["data"],
])
def test_bad_usage_exits_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("marsad:") and "\n" not in err, err
    return err


@pytest.mark.parametrize("where", ["missing-dir/out.jsonl", ".", "ant20.jsonl"])
def test_extract_unwritable_output_exits_2_before_any_article(
        ant20: Path, tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    assert main(["extract", str(ant20), "-o", str(tmp_path / where), "--db", str(db)]) == 2
    assert re.search("cannot write|is also an input", _one_line_error(capsys))
    assert not db.exists()
    assert len(ant20.read_text(encoding="utf-8").splitlines()) == 20


@pytest.mark.parametrize("db_name", ["bad.db", "no-such-dir/s.db"])
def test_extract_corrupt_db_exits_2_before_any_article(ant20: Path, tmp_path: Path, db_name: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / db_name
    if db.parent.exists():
        db.write_bytes(b"not sqlite, just some bytes\n" * 100)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(ant20), "-o", str(out), "--db", str(db)]) == 2
    assert "store" in _one_line_error(capsys)
    assert not out.exists()


def test_extract_newer_schema_exits_2(ant20: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "new.db"
    open_store(db).close()
    conn = sqlite3.connect(db)
    try:
        conn.execute("INSERT INTO schema_version VALUES (?, 0)", (SCHEMA_VERSION + 1,))
        conn.commit()
    finally:
        conn.close()
    assert main(["extract", str(ant20), "-o", str(tmp_path / "o.jsonl"), "--db", str(db)]) == 2
    assert "newer" in _one_line_error(capsys)


@pytest.mark.parametrize(("extra", "message"), [
    (["--workers", "0"], "workers"),
    (["--config", "missing.toml"], "config file"),
    (["--config", "BAD_TOML"], "unknown key"),
])
def test_extract_bad_setup_exits_2(ant20: Path, tmp_path: Path, extra: list[str], message: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline]\nno_such_key = 1\n", encoding="utf-8")
    extra = [str(bad) if x == "BAD_TOML" else str(tmp_path / x) if x.endswith(".toml") else x for x in extra]
    assert main(["extract", str(ant20), "--db", str(tmp_path / "s.db"), *extra]) == 2
    assert message in _one_line_error(capsys)


def test_extract_missing_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "s.db")]) == 2
    _one_line_error(capsys)


def test_extract_broken_and_foreign_input_gives_warnings_not_crashes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inp = tmp_path / "mixed.jsonl"
    inp.write_text("\n".join([
        json.dumps({"id": "en", "text": "Police said two people were hurt in a crash on the highway."}),
        "{this is not json",
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "badpub", "text": "قالت الشرطة إن شخصين أصيبا.", "published": "yesterday"}),
        json.dumps({"id": "nontext", "text": 42}),
    ]) + "\n", encoding="utf-8")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 12)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(inp), str(junk), "-o", str(out), "--db", str(tmp_path / "s.db")]) == 0
    results = _results(out)
    assert len(results) == 6
    assert "W102" in {w["code"] for w in results[-1]["warnings"]}  # type: ignore[attr-defined]
    codes = {str(r["id"]): {w["code"] for w in r["warnings"]} for r in results}  # type: ignore[attr-defined]
    assert "W105" in codes["en"]
    assert "W101" in codes["empty"]
    assert "W107" in codes["badpub"]
    assert sum("W103" in c for c in codes.values()) == 2
    for r in results:
        Document.from_dict(r).check_offsets()
    assert "with warnings" in capsys.readouterr().err


class _FailingPipeline(Pipeline):
    """A pipeline whose only stage raises, as a broken stage would."""

    def __init__(self, config: Config | None = None) -> None:
        def boom(doc: Document, section: object) -> Document:
            raise RuntimeError("boom in a stage")

        super().__init__(config, stages=[StageSpec("boom", boom, None, ("text",), ())])


def test_extract_strict_stops_with_exit_1_and_keeps_nothing_half_done(
        ant20: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(extract_cli, "Pipeline", _FailingPipeline)
    db = tmp_path / "s.db"
    assert main(["extract", str(ant20), "-o", str(tmp_path / "o.jsonl"), "--db", str(db), "--strict"]) == 1
    assert "boom in a stage" in capsys.readouterr().err
    with open_store(db) as store:
        assert store.count() == 0


def test_extract_stage_failure_is_a_warning_by_default(
        ant20: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(extract_cli, "Pipeline", _FailingPipeline)
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(ant20), "-o", str(out), "--db", str(tmp_path / "s.db")]) == 0
    assert all(any(w["code"] == "W900" for w in r["warnings"]) for r in _results(out))  # type: ignore[attr-defined]
    assert "W900 ×20" in capsys.readouterr().err


def test_extract_resume_skips_stored_and_rewrites_output_in_order(
        ant20: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, db = tmp_path / "out.jsonl", tmp_path / "s.db"
    assert main(["extract", str(ant20), "-o", str(out), "--db", str(db)]) == 0
    # one article changes: resume must redo that one and only that one
    lines = ant20.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[7])
    record["text"] += "\nوأضاف المصدر أن التحقيق متواصل."
    lines[7] = json.dumps(record, ensure_ascii=False)
    ant20.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out.write_text(out.read_text(encoding="utf-8")[:-500], encoding="utf-8")  # a torn file
    capsys.readouterr()
    assert main(["extract", str(ant20), "-o", str(out), "--db", str(db), "--resume"]) == 0
    assert "1 article in" in capsys.readouterr().err
    fresh = tmp_path / "fresh.jsonl"
    assert main(["extract", str(ant20), "-o", str(fresh), "--db", str(tmp_path / "fresh.db")]) == 0
    assert out.read_bytes() == fresh.read_bytes()


def test_extract_two_workers_give_the_same_results(ant20: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(ant20), "-o", str(one), "--db", str(tmp_path / "1.db")]) == 0
    assert main(["extract", str(ant20), "-o", str(two), "--db", str(tmp_path / "2.db"),
                 "--workers", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()


def _store_rows(db: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id, content_hash, result FROM documents ORDER BY seq").fetchall()
    finally:
        conn.close()


def _committed(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_extract_commits_within_seconds_while_waiting_for_input(
        tmp_path: Path, ant_lines: Callable[[int], list[str]]) -> None:
    db = tmp_path / "s.db"
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "extract", "-", "--db", str(db)],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert proc.stdin is not None
    proc.stdin.write(("\n".join(ant_lines(3)) + "\n").encode())
    proc.stdin.flush()
    deadline = time.monotonic() + 120  # the batch is 2 s old long before this on any machine
    while _committed(db) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    committed = _committed(db)
    proc.stdin.close()
    assert proc.wait(timeout=120) == 0
    assert committed == 3  # committed while the process still waited for more input


def test_extract_killed_then_resumed_equals_an_uninterrupted_run(
        tmp_path: Path, ant_lines: Callable[[int], list[str]]) -> None:
    lines = ant_lines(300)
    full = tmp_path / "ant300.jsonl"
    full.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db, out = tmp_path / "killed.db", tmp_path / "killed.jsonl"
    cmd = [sys.executable, "-m", "marsad", "extract", "-", "-o", str(out), "--db", str(db)]
    # The articles come through a pipe that the test controls, so the process is mid-run when it
    # dies: killed as soon as its first batch is committed, while later results are still in
    # memory or in the pipeline; had it been slower, it would be waiting for the other 150.
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert proc.stdin is not None
    proc.stdin.write(("\n".join(lines[:150]) + "\n").encode())
    proc.stdin.flush()
    deadline = time.monotonic() + 300  # generous: CI machines may be busy
    while _committed(db) < 64 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    committed = _committed(db)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdin.close()
    assert 0 < committed < 300, committed
    assert _committed(db) >= committed  # nothing committed was lost

    resumed = subprocess.run([sys.executable, "-m", "marsad", "extract", str(full), "-o", str(out),
                              "--db", str(db), "--resume"], capture_output=True, timeout=300, check=False)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert "already stored" in resumed.stderr.decode()
    ref_db, ref_out = tmp_path / "ref.db", tmp_path / "ref.jsonl"
    ref = subprocess.run([sys.executable, "-m", "marsad", "extract", str(full), "-o", str(ref_out),
                          "--db", str(ref_db)], capture_output=True, timeout=300, check=False)
    assert ref.returncode == 0, ref.stderr.decode()
    assert out.read_bytes() == ref_out.read_bytes()
    assert len(out.read_text(encoding="utf-8").splitlines()) == 300
    assert _store_rows(db) == _store_rows(ref_db)


def test_extract_progress_bar_on_a_terminal(ant20: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(ant20), "-o", str(out), "--db", str(tmp_path / "s.db")]) == 0
    err = capsys.readouterr().err
    assert "articles/s" in err and "20 articles in" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 20
