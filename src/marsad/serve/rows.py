"""Reviewed documents flattened into the API's rows, and the queue line of a document.

Shared by every :class:`marsad.serve.catalog.Catalog`: whichever store keeps the data, an event
row is :func:`marsad.export.acled.event_rows` of the reviewed document (rejected events left out),
plus the event's incident and review state.
"""

from __future__ import annotations

from typing import Any

from marsad.export.acled import event_rows
from marsad.review import ReviewedDocument
from marsad.serve.catalog import DocSummary, QueueFilter


def reviewed_event_rows(reviewed: ReviewedDocument, *, stored_at: float | None,
                        incidents: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The rows of a reviewed document's kept events; ``incidents`` maps event id -> incident id."""
    doc = reviewed.accepted()
    rows = []
    for row in event_rows(doc, stored_at=stored_at):
        review = reviewed.reviews.get(row["event_id"])
        row["review_state"] = review.state if review else "pending"
        # the store's incident first (merges and splits move the report there); else the reviewer's
        incident = (incidents or {}).get(row["event_id"]) or (review.incident_id if review else None)
        row["incident_id"] = incident or row["event_id_cnty"]
        event = next(e for e in doc.events if e.id == row["event_id"])
        row["country_iso2"] = (event.location.country or "").upper() if event.location else ""
        rows.append(row)
    return rows


def summary(reviewed: ReviewedDocument) -> DocSummary:
    doc = reviewed.document
    kept = reviewed.accepted().events
    confidences = [e.confidence for e in doc.events if e.confidence is not None]
    return DocSummary(
        id=doc.id, title=doc.article.title, published=doc.article.published, source=doc.article.source,
        countries=tuple(sorted({(e.location.country or "").upper() for e in kept
                                if e.location and e.location.country})),
        admin1s=tuple(sorted({e.location.admin1 for e in kept if e.location and e.location.admin1})),
        event_types=tuple(sorted({e.event_type for e in kept})), events=len(doc.events),
        confidence=min(confidences) if confidences else None, state=reviewed.state)


def queue_keeps(s: DocSummary, flt: QueueFilter, date_keys: tuple[str, ...]) -> bool:
    """Whether a queue line passes the filters (``date_keys``: YYYY-MM-DD of its events or article)."""
    if flt.country and flt.country.upper() not in s.countries:
        return False
    if flt.admin1 and flt.admin1.casefold() not in {a.casefold() for a in s.admin1s}:
        return False
    if flt.event_type and flt.event_type not in s.event_types:
        return False
    if flt.state and s.state != flt.state:
        return False
    if flt.max_confidence is not None and (s.confidence is None or s.confidence > flt.max_confidence):
        return False
    if flt.since or flt.until:
        lo = flt.since.isoformat() if flt.since else "0000"
        hi = flt.until.isoformat() if flt.until else "9999"
        if not any(lo <= d <= hi for d in date_keys):
            return False
    return True
