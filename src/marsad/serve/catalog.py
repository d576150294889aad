"""What the server asks of a store: the :class:`Catalog` Protocol, and the rows it answers with.

The routes (API and desk) speak only to this seam. Rows are ACLED's columns plus marsad's
(:data:`marsad.export.acled.COLUMNS`), with the review state and the incident of each event; the
catalog serves the reviewed view of the data (edits laid over the machine's results, rejected
events left out) while the machine results stay as extracted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from marsad.document import Document
from marsad.review import ReviewedDocument, ReviewEdit
from marsad.serve.query import EventQuery

# columns the API adds to ACLED's and marsad's
EXTRA_COLUMNS = ("incident_id", "review_state", "country_iso2")


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueFilter:
    """The review queue's filters; every one optional."""

    country: str | None = None  # ISO2
    admin1: str | None = None
    event_type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    max_confidence: float | None = None  # documents with an event scored at or below this
    state: str | None = None  # pending | in_review | reviewed
    limit: int = 50
    page: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class DocSummary:
    """One line of the review queue."""

    id: str
    title: str | None
    published: str | None
    source: str | None
    countries: tuple[str, ...]
    admin1s: tuple[str, ...]
    event_types: tuple[str, ...]
    events: int
    confidence: float | None  # the lowest event confidence
    state: str


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[dict[str, Any]]
    total: int


class Catalog(Protocol):
    """The store as the server sees it."""

    def event_rows(self, query: EventQuery) -> Page:
        """One page of reviewed events matching ``query`` (all columns; the route picks ``fields``)."""
        ...

    def incident_rows(self, query: EventQuery) -> Page:
        """One page of incidents matching ``query``: ACLED columns plus ``sources`` (a count)."""
        ...

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        """One incident's row with ``sources``: every article, event, sentence and outlet behind it."""
        ...

    def reviewed(self, doc_id: str) -> ReviewedDocument | None:
        """A stored document with its edits laid over it, or None."""
        ...

    def queue(self, flt: QueueFilter) -> tuple[list[DocSummary], int, dict[str, int]]:
        """Documents to review: one page, the number matching, and counts by review state."""
        ...

    def deleted(self, since: float) -> list[dict[str, Any]]:
        """Incidents deleted or merged away since ``since`` (Unix seconds): id, when, why, into."""
        ...

    def put_document(self, doc: Document) -> None:
        """Store a (re-)extracted document; its review edits are kept and replayed on read."""
        ...

    def add_edit(self, edit: ReviewEdit) -> ReviewEdit:
        """Record one reviewer act (with its id); the machine result is not touched."""
        ...

    def move_event(self, doc_id: str, event_id: str, into: str | None) -> str:
        """Merge one event's report into incident ``into``, or split it out (None); return its incident."""
        ...

    def reviewed_documents(self) -> Iterator[ReviewedDocument]:
        """Every document a reviewer has finished (see ``ReviewedDocument.reviewed``)."""
        ...

    def token_owner(self, token: str, scope: str) -> str | None:
        """The name behind a live API token that has ``scope`` (read, write), or None.

        Reviewers sign in to the desk with their token too: one account kind, hashed at rest."""
        ...

