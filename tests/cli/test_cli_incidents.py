"""``marsad extract`` links incidents across articles; ``export --incidents``/``--format parquet``; ``marsad.load``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad
from marsad.cli import main
from marsad.dedup import link_incidents
from marsad.store import open_store

from .conftest import ANT

# Two ANT articles carrying the same report (the outlet published it under two ids): their events
# must share incidents once stored.
TWINS = ("ja-localnews-2318-20170306", "ja-localnews-2341-20170306")


def _twins(tmp_path: Path) -> Path:
    lines = [line for line in ANT.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["id"] in TWINS]
    assert len(lines) == 2
    path = tmp_path / "twins.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_extract_links_the_same_report_of_two_articles(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    assert main(["extract", str(_twins(tmp_path)), "--db", str(db), "-o", str(tmp_path / "o.jsonl")]) == 0
    with open_store(db) as store:
        docs = [store.get(doc_id) for doc_id in TWINS]
        ids = [[e.incident_id for e in d.document().events] for d in docs if d is not None]
        assert len(ids) == 2 and ids[0] and ids[0] == ids[1]
        assert all(i is not None and i.startswith("TUN") for i in ids[0])
        incident = store.get_incident(ids[0][0] or "")
        assert incident is not None and sorted({e.doc_id for e in incident.events}) == sorted(TWINS)
        [run] = store.runs()
        assert (run["command"], run["status"], run["processed"]) == ("extract", "done", 2)
    # the extract output itself carries no incident ids (they exist only in the store)
    assert "incident_id" not in (tmp_path / "o.jsonl").read_text(encoding="utf-8")


def test_export_incidents_and_jsonl_with_incident_ids(filled_store: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(filled_store) as store:
        link_incidents(store)
    assert main(["export", "--format", "csv", "--incidents", "--db", str(filled_store)]) == 0
    captured = capsys.readouterr()
    rows = captured.out.lstrip("\ufeff").splitlines()
    assert rows[0].startswith("event_id_cnty,") and len(rows) == 4
    assert {r.split(",")[0] for r in rows[1:]} == {"IRQ1", "TUN1", "SYR1"}
    assert "3 incidents as csv" in captured.err
    assert main(["export", "--format", "jsonl", "--db", str(filled_store), "--country", "IQ"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["events"][0]["incident_id"] == "IRQ1"


def test_export_parquet_needs_a_file(filled_store: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    assert main(["export", "--format", "parquet", "--db", str(filled_store)]) == 2
    assert "-o FILE" in capsys.readouterr().err
    out = tmp_path / "events.parquet"
    assert main(["export", "--format", "parquet", "--db", str(filled_store), "-o", str(out)]) == 0
    assert pq.read_table(out).num_rows == 3


def test_load_gives_a_dataframe_of_incidents_or_events(filled_store: Path) -> None:
    pytest.importorskip("pandas")
    with open_store(filled_store) as store:
        link_incidents(store)
    frame = marsad.load(filled_store)
    assert sorted(frame["event_id_cnty"]) == ["IRQ1", "SYR1", "TUN1"]
    assert set(frame["country"]) == {"Iraq", "Tunisia", "Syria"}
    events = marsad.load(filled_store, incidents=False, country="IQ")
    assert list(events["incident_id"]) == ["IRQ1"] and list(events["article_id"]) == ["iq-1"]
