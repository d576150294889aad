"""ACLED-style CSV: one row per event, ACLED's columns in ACLED's order, then marsad's own.

The file starts with a UTF-8 byte order mark so that spreadsheet programs (Excel, LibreOffice)
read the Arabic columns as UTF-8 instead of the system's legacy code page.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from marsad.document import Document, Incident
from marsad.export.acled import COLUMNS, INCIDENT_COLUMNS, EventPredicate, event_rows, incident_rows

BOM = "\ufeff"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(items: Iterable[tuple[Document, float | None]], out: IO[str], *,
              keep: EventPredicate | None = None, bom: bool = True) -> int:
    """Write the events of ``(document, stored_at)`` pairs as CSV rows; return the number of rows.

    Args:
        items: documents with the Unix time they were stored (ACLED's ``timestamp``; None if not).
        out: a text stream opened with ``newline=""`` (the csv module writes ``\\r\\n`` itself).
        keep: which events to write, given their effective date and country; None writes all.
        bom: start with a UTF-8 byte order mark.
    """
    if bom:
        out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    rows = 0
    for doc, stored_at in items:
        for row in event_rows(doc, stored_at=stored_at, keep=keep):
            writer.writerow([_cell(row[c]) for c in COLUMNS])
            rows += 1
    return rows


def write_incidents_csv(incidents: Iterable[Incident], out: IO[str], *, keep: EventPredicate | None = None,
                        bom: bool = True) -> int:
    """Write one row per incident (``INCIDENT_COLUMNS``); return the number of rows."""
    if bom:
        out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(INCIDENT_COLUMNS)
    rows = 0
    for row in incident_rows(incidents, keep=keep):
        writer.writerow([_cell(row[c]) for c in INCIDENT_COLUMNS])
        rows += 1
    return rows
