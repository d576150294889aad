"""``marsad show``: the readable view, its sources (store, JSONL, stdin), and bidi handling."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.cli.show import FSI, PDI, isolate, shape_arabic, visual_order
from marsad.store import open_store


@pytest.mark.parametrize(("logical", "visual"), [
    ("abc def", "abc def"),
    ("سوريا", "ايروس"),
    # a number keeps its digit order inside right-to-left text
    ("قتل 12 شخصا", "اصخش 12 لتق"),
    # left-to-right paragraph: the Arabic run is reversed in place, the Latin text stays
    ("city: حلب 2016 (north)", "city: 2016 بلح (north)"),
    # right-to-left paragraph: brackets are mirrored, the Latin word keeps its letters' order
    ("قال (مصدر) إن ISIS هاجم", "مجاه ISIS نإ (ردصم) لاق"),
    # Arabic-Indic digits are numbers too
    ("في ٣ مارس", "سرام ٣ يف"),
    # harakat stay after their letters: لَ تِ قُ
    ("قُتِلَ", "لَتِقُ"),
    ("وفقاً", "اًقفو"),
    ("", ""),
])
def test_visual_order(logical: str, visual: str) -> None:
    assert visual_order(logical) == visual


@pytest.mark.parametrize(("logical", "shaped"), [
    # initial, medial, final; ا joins only backwards, so the د after it stands alone
    ("بغداد", "\ufe91\ufed0\ufeaa\ufe8d\ufea9"),
    # a one-letter word is isolated; Latin, digits and spaces are untouched
    ("و 3 km", "\ufeed 3 km"),
    # harakat do not break the joining: كَتَبَ
    ("كَتَبَ", "\ufedbَ\ufe98َ\ufe90َ"),
    # tatweel joins on both sides
    ("بـ", "\ufe91ـ"),
])
def test_shape_arabic(logical: str, shaped: str) -> None:
    assert shape_arabic(logical) == shaped


def test_isolate_wraps_only_right_to_left_values() -> None:
    assert isolate("بغداد") == f"{FSI}بغداد{PDI}"
    assert isolate("Baghdad 2020") == "Baghdad 2020"


def test_show_from_store_by_id(filled_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "iq-1", "--db", str(filled_store)]) == 0
    out = capsys.readouterr().out
    assert f"{FSI}خبر الموصل{PDI}" in out
    assert "EVENTS (1)" in out
    assert "Explosions/Remote violence / Shelling/artillery/missile attack" in out
    assert "(Security forces) [a1]" in out
    assert "Nineveh, IQ" in out


def test_show_visual_has_no_controls_and_reversed_arabic(filled_store: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "iq-1", "--db", str(filled_store), "--visual", "--width", "120"]) == 0
    out = capsys.readouterr().out
    assert FSI not in out and PDI not in out
    assert "title      " + visual_order(shape_arabic("خبر الموصل")) in out


def test_show_from_jsonl_file_with_id_and_from_stdin(filled_store: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(filled_store) as store:
        lines = [r.line for r in store.iter_results()]
    path = tmp_path / "results.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["show", str(path), "--id", "sy-1"]) == 0
    assert "حلب" in capsys.readouterr().out
    assert main(["show", str(path)]) == 0
    captured = capsys.readouterr()
    assert "── iq-1" in captured.out and "first of 3" in captured.err
    monkeypatch.setattr("sys.stdin", io.StringIO(lines[1] + "\n"))
    assert main(["show", "-"]) == 0
    assert "── tn-1" in capsys.readouterr().out


def test_show_full_result_of_a_real_article(ant20: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    assert main(["extract", str(ant20), "-o", str(tmp_path / "o.jsonl"), "--db", str(db)]) == 0
    first = json.loads(ant20.read_text(encoding="utf-8").splitlines()[0])["id"]
    capsys.readouterr()
    for extra in ([], ["--visual"]):
        assert main(["show", first, "--db", str(db), *extra]) == 0
        out = capsys.readouterr().out
        for heading in ("ENTITIES", "PLACES", "DATES", "QUOTES", "EVENTS"):
            assert heading in out


@pytest.mark.parametrize(("argv", "message"), [
    (["show", "no-such-id"], "no document"),
    (["show", "RESULTS", "--id", "missing"], "no result with id"),
    (["show", "NOTJSON"], "not JSON"),
])
def test_show_errors_exit_2(argv: list[str], message: str, filled_store: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    results = tmp_path / "r.jsonl"
    results.write_text(json.dumps({"id": "x", "text": "نص"}) + "\n", encoding="utf-8")
    notjson = tmp_path / "n.jsonl"
    notjson.write_text("{oops\n", encoding="utf-8")
    argv = [str(results) if a == "RESULTS" else str(notjson) if a == "NOTJSON" else a for a in argv]
    assert main([*argv, "--db", str(filled_store)]) == 2
    assert message in capsys.readouterr().err


def test_show_missing_store_exits_2_and_creates_nothing(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.db"
    assert main(["show", "x", "--db", str(db)]) == 2
    assert "no store" in capsys.readouterr().err
    assert not db.exists()
