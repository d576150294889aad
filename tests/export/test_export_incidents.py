"""Incident rows (ACLED's row of one real-world event), Parquet files and DataFrames."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from marsad.document import EventRecord, Incident
from marsad.export import (
    ACLED_COLUMNS,
    COLUMNS,
    INCIDENT_COLUMNS,
    incident_rows,
    to_frame,
    write_incidents_csv,
    write_incidents_geojson,
    write_parquet,
)


def _incident() -> Incident:
    reports = [EventRecord(doc_id=d, event_id="ev1", event_type="Battles", sub_event_type="Armed clash",
                           outlet=o, evidence="نص") for d, o in (("a", "Jawhara FM"), ("b", "Mosaique FM"))]
    return Incident(id="TUN7", event_type="Battles", sub_event_type="Armed clash", country="TN",
                    admin1="Kebili", location="قبلي", location_en="Kebili", lat=33.7, lon=8.97, geo_precision=1,
                    date="2017-03-12", date_key="2017-03-12", date_last="2017-03-12", time_precision=1,
                    actor1="قوات الأمن", actor1_en="Security forces", fatalities=2, created_at=10.0,
                    updated_at=20.0, events=reports)


def test_incident_rows_are_acled_rows_of_the_incident() -> None:
    [row] = incident_rows([_incident()])
    assert list(row) == list(INCIDENT_COLUMNS)
    assert INCIDENT_COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert (row["event_id_cnty"], row["country"], row["iso"], row["event_date"], row["year"]) == (
        "TUN7", "Tunisia", 788, "2017-03-12", 2017)
    assert (row["source"], row["reports"], row["article_ids"], row["actor1"], row["location"]) == (
        "Jawhara FM; Mosaique FM", 2, "a; b", "Security forces", "Kebili")
    assert (row["fatalities"], row["disorder_type"], row["timestamp"]) == (2, "Political violence", 20)


def test_incident_csv_and_geojson() -> None:
    out = io.StringIO()
    assert write_incidents_csv([_incident()], out) == 1
    assert out.getvalue().startswith("\ufeff" + ",".join(INCIDENT_COLUMNS) + "\r\n")
    out = io.StringIO()
    assert write_incidents_geojson([_incident()], out) == (1, 0)
    feature = json.loads(out.getvalue())["features"][0]
    assert feature["id"] == "TUN7" and feature["geometry"]["coordinates"] == [8.97, 33.7]


def test_parquet_round_trip_keeps_types(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "incidents.parquet"
    assert write_parquet(incident_rows([_incident()]), path, INCIDENT_COLUMNS) == 1
    table = pq.read_table(path)
    assert table.column_names == list(INCIDENT_COLUMNS)
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert table.column("event_id_cnty").to_pylist() == ["TUN7"]
    assert table.column("inter1").to_pylist() == [None]


def test_frame_has_acled_columns_and_nullable_types() -> None:
    pytest.importorskip("pandas")
    frame = to_frame(incident_rows([_incident()]), INCIDENT_COLUMNS)
    assert list(frame.columns) == list(INCIDENT_COLUMNS)
    assert str(frame["fatalities"].dtype) == "Int64" and frame["fatalities"].iloc[0] == 2
    assert frame["inter1"].isna().all()
    empty = to_frame(iter(()), COLUMNS)
    assert list(empty.columns) == list(COLUMNS) and len(empty) == 0
