"""``marsad export`` and ``marsad data verify``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import marsad.cli.data as data_cli
from marsad.cli import main
from marsad.export import COLUMNS
from marsad.store import open_store


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_csv_to_file(filled_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "events.csv"
    assert main(["export", "--format", "csv", "--db", str(filled_store), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfevent_id_cnty,event_date,year,")
    rows = _csv_rows(out)
    assert [r["article_id"] for r in rows] == ["iq-1", "tn-1", "sy-1"]
    assert [r["country"] for r in rows] == ["Iraq", "Tunisia", "Syria"]
    assert rows[0]["actor1"] == "Security forces" and rows[0]["location_ar"] == "الموصل"
    assert list(rows[0]) == list(COLUMNS)
    assert "3 events as csv" in capsys.readouterr().err


@pytest.mark.parametrize(("flags", "ids"), [
    (["--country", "tn"], ["tn-1"]),
    (["--since", "2017-01-01"], ["iq-1", "tn-1"]),
    (["--since", "2017-06-02"], ["iq-1"]),
    (["--until", "2017-06-01"], ["tn-1", "sy-1"]),
    (["--since", "2016-01-01", "--until", "2016-12-31", "--country", "SY"], ["sy-1"]),
    (["--country", "FR"], []),
    (["--min-confidence", "0.5"], ["iq-1", "sy-1"]),
    (["--min-confidence", "0.1", "--country", "TN"], ["tn-1"]),
])
def test_export_filters(filled_store: Path, tmp_path: Path, flags: list[str], ids: list[str]) -> None:
    out = tmp_path / "events.csv"
    assert main(["export", "--format", "csv", "--db", str(filled_store), "-o", str(out), *flags]) == 0
    assert [r["article_id"] for r in _csv_rows(out)] == ids


def test_export_geojson_leaves_out_events_without_coordinates(
        filled_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "geojson", "--db", str(filled_store)]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["type"] == "FeatureCollection"
    assert [f["properties"]["article_id"] for f in data["features"]] == ["iq-1", "sy-1"]
    assert "1 event without coordinates left out" in captured.err


def test_export_jsonl_gives_the_stored_lines(filled_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "jsonl", "--db", str(filled_store), "--country", "IQ"]) == 0
    with open_store(filled_store) as store:
        stored = store.get("iq-1")
    assert stored is not None
    assert capsys.readouterr().out == stored.line + "\n"


@pytest.mark.parametrize(("flags", "message"), [
    (["--since", "2020-02-01", "--until", "2020-01-01"], "is after"),
    (["-o", "MISSING_DIR/x.csv"], "cannot write"),
])
def test_export_bad_setup_exits_2(filled_store: Path, tmp_path: Path, flags: list[str], message: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    flags = [str(tmp_path / "nodir" / "x.csv") if f.startswith("MISSING_DIR") else f for f in flags]
    assert main(["export", "--format", "csv", "--db", str(filled_store), *flags]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("flags", [["--since", "June"], ["--country", "Iraq"], ["--min-confidence", "2"],
                                   ["--min-confidence", "high"]])
def test_export_bad_values_are_usage_errors(filled_store: Path, flags: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export", "--format", "csv", "--db", str(filled_store), *flags])
    assert info.value.code == 2


def test_export_missing_store_exits_2_and_creates_nothing(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.db"
    assert main(["export", "--format", "csv", "--db", str(db)]) == 2
    assert "no store" in capsys.readouterr().err
    assert not db.exists()


def test_data_verify_passes_on_the_packaged_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "verify"]) == 0
    assert "match data/MANIFEST.json" in capsys.readouterr().err


def test_data_verify_lists_problems_and_exits_2(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(data_cli, "verify_data", lambda: ["data file 'x.tsv' is not installed"])
    assert main(["data", "verify"]) == 2
    err = capsys.readouterr().err
    assert "x.tsv" in err and "1 problem" in err
