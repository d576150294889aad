"""``marsad dates``: text in, one line per expression (or JSON) out."""

from __future__ import annotations

import json

import pytest

from marsad.cli import main

FSI, PDI = "\u2068", "\u2069"


def test_cli_prints_value_precision_and_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", "قُتل جنديان فجر أمس الاثنين", "--published", "2017-01-31"]) == 0
    out = capsys.readouterr().out
    assert f"{FSI}فجر أمس الاثنين{PDI}" in out
    assert "value=2017-01-30" in out and "precision=day" in out and "rule=anchor_weekday" in out


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", "وقع الهجوم في 3 يناير/ كانون الثاني 2020", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["text"], d["value"], d["rule"]) for d in data["dates"]] == [
        ("3 يناير/ كانون الثاني 2020", "2020-01-03", "day_month_year")]
    assert data["warnings"] == []


def test_cli_warns_on_stderr_without_published(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", "قُصفت القرية أمس"]) == 0
    captured = capsys.readouterr()
    assert "value=-" in captured.out
    assert "W201" in captured.err


def test_cli_rejects_a_bad_published_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", "أمس", "--published", "2017-13-01"]) == 2
    assert "--published" in capsys.readouterr().err


def test_cli_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    monkeypatch.setattr("sys.stdin", io.StringIO("سقطت قذيفة مساء أمس"))
    assert main(["dates", "-", "--published", "2022-01-10"]) == 0
    assert "value=2022-01-09" in capsys.readouterr().out
