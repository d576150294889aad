"""Exports of stored results: ACLED-style CSV, JSON Lines, GeoJSON and Parquet of events or incidents."""

from marsad.export.acled import (
    ACLED_COLUMNS,
    COLUMNS,
    INCIDENT_COLUMNS,
    MARSAD_COLUMNS,
    countries,
    event_rows,
    incident_rows,
)
from marsad.export.csv import write_csv, write_incidents_csv
from marsad.export.geojson import write_geojson, write_incidents_geojson
from marsad.export.jsonl import write_jsonl
from marsad.export.table import to_frame, write_parquet

__all__ = ["ACLED_COLUMNS", "COLUMNS", "INCIDENT_COLUMNS", "MARSAD_COLUMNS", "countries", "event_rows",
           "incident_rows", "to_frame", "write_csv", "write_geojson", "write_incidents_csv",
           "write_incidents_geojson", "write_jsonl", "write_parquet"]
