"""GeoJSON (RFC 7946): a FeatureCollection of events as Points, properties = the CSV fields.

Events without coordinates (or with coordinates outside WGS 84 bounds) cannot be drawn and are
left out; the writer returns how many, so that the CLI can say so on stderr.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from marsad.document import Document, Incident
from marsad.export.acled import EventPredicate, event_rows, incident_rows


def write_geojson(items: Iterable[tuple[Document, float | None]], out: IO[str], *,
                  keep: EventPredicate | None = None) -> tuple[int, int]:
    """Write the events of ``(document, stored_at)`` pairs as one FeatureCollection.

    Returns:
        ``(features written, events left out for lack of valid coordinates)``.
    """
    rows = (row for doc, stored_at in items for row in event_rows(doc, stored_at=stored_at, keep=keep))
    return _write_features(rows, out)


def write_incidents_geojson(incidents: Iterable[Incident], out: IO[str], *,
                            keep: EventPredicate | None = None) -> tuple[int, int]:
    """Write one Point feature per incident (properties: ``INCIDENT_COLUMNS``); see :func:`write_geojson`."""
    return _write_features(incident_rows(incidents, keep=keep), out)


def _write_features(rows: Iterator[dict[str, Any]], out: IO[str]) -> tuple[int, int]:
    written = skipped = 0
    # Streamed feature by feature so that a large store never sits in memory as one JSON tree.
    out.write('{"type": "FeatureCollection", "features": [')
    for row in rows:
        lat, lon = row["latitude"], row["longitude"]
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)) \
                or not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            skipped += 1
            continue
        feature = {"type": "Feature", "id": row["event_id_cnty"],
                   "geometry": {"type": "Point", "coordinates": [lon, lat]},
                   "properties": row}
        out.write(",\n" if written else "\n")
        out.write(json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written, skipped
