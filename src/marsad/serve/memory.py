"""A :class:`marsad.serve.catalog.Catalog` held in memory: the tests' fake, and a read-only demo.

Everything lives in dictionaries; it filters in Python. It answers exactly as a store-backed
catalog does (the same row builder), so the API and desk tests exercise the real routes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from marsad.document import Document
from marsad.review import ReviewedDocument, ReviewEdit, apply_edits
from marsad.serve.auth import hash_token
from marsad.serve.catalog import DocSummary, Page, QueueFilter
from marsad.serve.query import EventQuery
from marsad.serve.rows import queue_keeps, reviewed_event_rows, summary
from marsad.store.base import date_key


class MemoryCatalog:
    """Documents, edits, reviewers and tokens in memory."""

    def __init__(self, docs: Iterable[Document] = ()) -> None:
        self._docs: dict[str, tuple[Document, float]] = {}
        self._edits: dict[str, list[ReviewEdit]] = {}
        self._tokens: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._deleted: list[dict[str, Any]] = []
        for doc in docs:
            self.put_document(doc)

    # --- accounts -----------------------------------------------------------------------------
    def add_token(self, token: str, owner: str, scopes: tuple[str, ...] = ("read", "write")) -> None:
        self._tokens[hash_token(token)] = (owner, scopes)

    def token_owner(self, token: str, scope: str) -> str | None:
        found = self._tokens.get(hash_token(token))
        return found[0] if found is not None and scope in found[1] else None

    # --- documents and edits ------------------------------------------------------------------
    def put_document(self, doc: Document) -> None:
        self._docs[doc.id] = (doc, time.time())

    def add_edit(self, edit: ReviewEdit) -> ReviewEdit:
        edits = self._edits.setdefault(edit.doc_id, [])
        stored = replace(edit, id=sum(len(v) for v in self._edits.values()) + 1)
        edits.append(stored)
        return stored

    def reviewed(self, doc_id: str) -> ReviewedDocument | None:
        entry = self._docs.get(doc_id)
        if entry is None:
            return None
        return apply_edits(entry[0], self._edits.get(doc_id, []))

    def move_event(self, doc_id: str, event_id: str, into: str | None) -> str:
        # incidents here are the events' review overrides (see rows.reviewed_event_rows)
        return into if into is not None else f"{doc_id}:{event_id}"

    def reviewed_documents(self) -> Iterator[ReviewedDocument]:
        for doc_id in self._docs:
            reviewed = self.reviewed(doc_id)
            if reviewed is not None and reviewed.reviewed:
                yield reviewed

    # --- queries ------------------------------------------------------------------------------
    def _all_rows(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for doc_id, (_doc, stored_at) in self._docs.items():
            reviewed = self.reviewed(doc_id)
            assert reviewed is not None
            rows += reviewed_event_rows(reviewed, stored_at=stored_at)
        return rows

    def event_rows(self, query: EventQuery) -> Page:
        rows = [r for r in self._all_rows() if query.matches(r)]
        return Page(rows[query.offset: query.offset + query.limit], len(rows))

    def incident_rows(self, query: EventQuery) -> Page:
        by_incident: dict[str, dict[str, Any]] = {}
        for row in self._all_rows():
            if not query.matches(row):
                continue
            inc = by_incident.setdefault(row["incident_id"], {**row, "event_id_cnty": row["incident_id"],
                                                              "sources": 0})
            inc["sources"] += 1
        rows = list(by_incident.values())
        return Page(rows[query.offset: query.offset + query.limit], len(rows))

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        members = [r for r in self._all_rows() if r["incident_id"] == incident_id]
        if not members:
            return None
        return {**members[0], "event_id_cnty": incident_id, "sources": [
            {"article_id": r["article_id"], "event_id": r["event_id"], "source": r["source"], "url": r["url"],
             "published": r["published"], "evidence_text": r["evidence_text"],
             "evidence_start": r["evidence_start"], "evidence_end": r["evidence_end"]} for r in members]}

    def deleted(self, since: float) -> list[dict[str, Any]]:
        return [d for d in self._deleted if d["deleted_at"] >= since]

    def queue(self, flt: QueueFilter) -> tuple[list[DocSummary], int, dict[str, int]]:
        matching: list[DocSummary] = []
        counts = {"pending": 0, "in_review": 0, "reviewed": 0}
        for doc_id, (doc, _at) in self._docs.items():
            reviewed = self.reviewed(doc_id)
            assert reviewed is not None
            line = summary(reviewed)
            keys = tuple(k for k in (date_key(e.date) or date_key(doc.article.published)
                                     for e in reviewed.accepted().events) if k) or \
                tuple(k for k in (date_key(doc.article.published),) if k)
            if queue_keeps(line, replace(flt, state=None), keys):
                counts[line.state] += 1
                if flt.state is None or line.state == flt.state:
                    matching.append(line)
        start = (flt.page - 1) * flt.limit
        return matching[start: start + flt.limit], len(matching), counts
