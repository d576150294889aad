"""Exports of stored results: ACLED-style CSV, JSON Lines, and GeoJSON of events."""

from marsad.export.acled import ACLED_COLUMNS, COLUMNS, MARSAD_COLUMNS, countries, event_rows
from marsad.export.csv import write_csv
from marsad.export.geojson import write_geojson
from marsad.export.jsonl import write_jsonl

__all__ = ["ACLED_COLUMNS", "COLUMNS", "MARSAD_COLUMNS", "countries", "event_rows", "write_csv",
           "write_geojson", "write_jsonl"]
