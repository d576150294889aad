"""Document identity: nothing stored is replaced silently, and -o always holds what the store holds
(issue 15, cases 2 to 5)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.errors import InputError
from marsad.ingest.fetch import Fetched
from marsad.store import open_store


def _texts(ant_lines: Callable[[int], list[str]], n: int) -> list[str]:
    return [json.loads(line)["text"] for line in ant_lines(n)]


def _out_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _agrees_with_store(out: Path, db: Path) -> None:
    """Every line of ``out`` is exactly the stored result of its id."""
    with open_store(db, create=False) as store:
        for line in out.read_text(encoding="utf-8").splitlines():
            stored = store.get(json.loads(line)["id"])
            assert stored is not None and stored.line == line


def test_extract_the_same_id_twice_in_one_run_keeps_the_first_and_says_so(
        tmp_path: Path, ant_lines: Callable[[int], list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    first, second, third = _texts(ant_lines, 3)
    src = tmp_path / "dup.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [
        {"id": "x", "text": first}, {"id": "y", "text": second}, {"id": "x", "text": third},
        {"id": "y", "text": second}]), encoding="utf-8")
    out, db = tmp_path / "out.jsonl", tmp_path / "s.db"
    assert main(["extract", str(src), "-o", str(out), "--db", str(db)]) == 0
    results = _out_lines(out)
    assert [(r["id"], r["text"]) for r in results] == [("x", first), ("y", second)]
    _agrees_with_store(out, db)
    with open_store(db) as store:
        assert store.count() == 2 and store.history("x") == []
    err = capsys.readouterr().err
    assert "2 articles left out" in err
    assert "'x' came earlier in this run; a different article" in err
    assert "'y' came earlier in this run; the same article again" in err


def test_extract_text_on_stdin_never_replaces_an_earlier_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ant_lines: Callable[[int], list[str]]) -> None:
    db = tmp_path / "s.db"
    texts = _texts(ant_lines, 2)
    for text in texts:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
        assert main(["extract", "-", "--db", str(db), "-o", str(tmp_path / "o.jsonl")]) == 0
    with open_store(db) as store:
        results = list(store.iter_results())
        assert [r.document().text for r in results] == texts
        assert all(r.id.startswith("stdin-") and not store.history(r.id) for r in results)


def test_extract_files_of_one_name_in_two_folders_are_two_results(
        tmp_path: Path, ant_lines: Callable[[int], list[str]]) -> None:
    db = tmp_path / "s.db"
    texts = _texts(ant_lines, 2)
    for folder, text in zip(["news", "other"], texts, strict=True):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "one.txt").write_text(text, encoding="utf-8")
        assert main(["extract", str(tmp_path / folder / "one.txt"), "--db", str(db),
                     "-o", str(tmp_path / "o.jsonl")]) == 0
    # and both at once, in one run
    assert main(["extract", str(tmp_path / "news"), str(tmp_path / "other"), "--db", str(db),
                 "-o", str(tmp_path / "both.jsonl")]) == 0
    both = _out_lines(tmp_path / "both.jsonl")
    assert [r["text"] for r in both] == texts
    assert all(str(r["id"]).startswith("one-") for r in both) and both[0]["id"] != both[1]["id"]
    with open_store(db) as store:
        assert store.count() == 2
        assert all(store.history(str(r["id"])) == [] for r in both)


def test_extract_a_failed_fetch_never_replaces_a_stored_result(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ant_lines: Callable[[int], list[str]],
        capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://news.example.org/ar/1"
    text = _texts(ant_lines, 1)[0]
    page = f"<html><head><title>خبر</title></head><body><article><p>{text}</p></article></body></html>"
    answers: list[Fetched | InputError] = [
        Fetched(url=url, data=page.encode("utf-8"), content_type="text/html; charset=utf-8", charset="utf-8"),
        InputError(f"{url}: cannot fetch: timed out")]

    def fake_fetch(where: str, *, timeout: float = 20.0) -> Fetched:
        answer = answers.pop(0)
        if isinstance(answer, InputError):
            raise answer
        return answer

    monkeypatch.setattr("marsad.ingest.fetch", fake_fetch)
    db, out = tmp_path / "s.db", tmp_path / "o.jsonl"
    assert main(["extract", url, "--db", str(db), "-o", str(out)]) == 0
    good = out.read_text(encoding="utf-8")
    assert json.loads(good)["text"]
    capsys.readouterr()
    assert main(["extract", url, "--db", str(db), "-o", str(out)]) == 0  # no --resume
    assert out.read_text(encoding="utf-8") == good  # -o holds the stored result, as the store does
    with open_store(db) as store:
        stored = store.get(url)
        assert stored is not None and stored.line == good.rstrip("\n") and store.history(url) == []
    err = capsys.readouterr().err
    assert "timed out" in err and "kept" in err


def test_extract_a_changed_article_under_a_stored_id_is_a_new_version_with_history(
        tmp_path: Path, ant_lines: Callable[[int], list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    db, out = tmp_path / "s.db", tmp_path / "o.jsonl"
    first, second = _texts(ant_lines, 2)
    for text in (first, second):
        (tmp_path / "in.jsonl").write_text(json.dumps({"id": "a1", "text": text}, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
        assert main(["extract", str(tmp_path / "in.jsonl"), "--db", str(db), "-o", str(out)]) == 0
    assert "1 stored result replaced by a new version" in capsys.readouterr().err
    _agrees_with_store(out, db)
    with open_store(db) as store:
        assert store.get("a1").document().text == second  # type: ignore[union-attr]
        assert [r.document().text for r in store.history("a1")] == [first]


def test_show_lists_and_shows_the_stored_versions(tmp_path: Path, ant_lines: Callable[[int], list[str]],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    first, second = _texts(ant_lines, 2)
    for text in (first, second):
        (tmp_path / "in.jsonl").write_text(json.dumps({"id": "a1", "text": text}, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
        assert main(["extract", str(tmp_path / "in.jsonl"), "--db", str(db), "-o", str(tmp_path / "o.jsonl")]) == 0
    capsys.readouterr()
    assert main(["show", "a1", "--db", str(db), "--history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines] == [["version", "1"], ["version", "2"]]
    assert lines[1].endswith("(current)")
    views = []
    for flags in (["--stored-version", "1"], ["--stored-version", "2"], []):
        assert main(["show", "a1", "--db", str(db), *flags]) == 0
        views.append(capsys.readouterr().out)
    assert views[0] != views[1] == views[2]  # version 2 is the current result
    assert main(["show", "a1", "--db", str(db), "--stored-version", "7"]) == 2
    assert "has no stored version 7 (it has 1, 2)" in capsys.readouterr().err
