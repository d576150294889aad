"""The :class:`marsad.serve.catalog.Catalog` of a real store (SQLite or PostgreSQL, :mod:`marsad.store.sql`).

Queries go to the store's indexed ``query_events``/``query_incidents`` for the filters it knows
(country, admin1, types, actors, date range, incident, article) with its paging and counts; the
other ACLED filters (fatalities, location, year ...) are applied here to what the store returned.

Reviews. Every reviewer act is a row of the store's ``review_edits`` (``field`` = ``review.ACTION``,
the event before and after as JSON, the changed fields and reason in ``note``). The first act on
an article also records the machine's result it reviewed (``review.base``). After each act the
reviewed result (edits laid over the machine's, rejected events left out) is written as the
article's current result, so every query, export and incident link sees the corrected data, and
the replaced result goes to the store's history: machine values are kept, never overwritten
silently. When an article is re-extracted (``marsad extract`` or ``POST /extract``), the next read
notices that its result is no longer the reviewed one, records the new result as the machine's,
and replays the edits over it: reviewed fields survive re-extraction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

from marsad.dedup import id_prefix, link_incidents, pick_fields
from marsad.document import Document, Incident
from marsad.export.acled import countries
from marsad.review import ReviewedDocument, ReviewEdit, apply_edits
from marsad.serve.catalog import DocSummary, Page, QueueFilter
from marsad.serve.query import Condition
from marsad.serve.query import EventQuery as ApiQuery
from marsad.serve.rows import queue_keeps, reviewed_event_rows, summary
from marsad.store.base import EventQuery, date_key
from marsad.store.sql import SQLStore

PREFIX = "review."
SCAN_LIMIT = 100_000  # rows a query with filters the store cannot apply may scan
# seconds a document's API rows are served without asking the store again: this server's own
# writes (reviews, POST /extract, merges) refresh them at once; another process's (a concurrent
# `marsad extract`, a second server) show within this time
ROW_TTL = 30.0


def _plain(doc: Document) -> dict[str, Any]:
    data = doc.to_dict()
    for event in data["events"]:
        event.pop("incident_id", None)
    return data


def _pushdown(query: ApiQuery) -> tuple[EventQuery, list[Condition]]:
    """The store query for the conditions the store applies, and the conditions left to apply here."""
    fields: dict[str, Any] = {}
    rest: list[Condition] = []
    for c in query.conditions:
        if c.name in ("country", "admin1", "event_type", "sub_event_type") and c.op == "=":
            if c.name == "country":
                table = countries()
                by_name = {x.name_en.casefold(): x.iso2 for x in table.values()}
                fields["country"] = tuple(by_name.get(v, v.upper()) for v in c.values)
            else:
                fields[c.name] = c.raw or c.values
        elif c.kind == "actor" and len(c.values) == 1:
            fields[c.name] = c.raw[0] if c.raw else c.values[0]
        elif c.name == "event_date":
            days = [dt.date.fromisoformat(v) for v in c.values]
            one = dt.timedelta(days=1)
            bounds = {"BETWEEN": (days[0], days[-1]), ">=": (days[0], None), "<=": (None, days[0]),
                      ">": (days[0] + one, None), "<": (None, days[0] - one)}
            if c.op == "=" and len(days) == 1:
                fields["since"] = fields["until"] = days[0]
            elif c.op in bounds:
                fields["since"], fields["until"] = bounds[c.op]
            else:
                rest.append(c)
        elif c.name in ("incident_id", "article_id") and c.op == "=" and len(c.values) == 1:
            fields["incident_id" if c.name == "incident_id" else "doc_id"] = c.raw[0] if c.raw else c.values[0]
        else:
            rest.append(c)
    return EventQuery(**fields), rest


class StoreCatalog:
    """The server's view of a :class:`marsad.store.sql.SQLStore`."""

    def __init__(self, store: SQLStore) -> None:
        self.store = store
        self._lock = threading.RLock()  # one reviewer act (read, record, materialise) at a time
        self._docs: dict[str, tuple[tuple[Any, ...], Document]] = {}  # parsed results by id, while current
        # the API rows of a document: (stored_at, edits seen, when built, rows). A reviewer act bumps
        # _edits_seen; acts through another server show once their result changes, or after ROW_TTL.
        self._row_cache: dict[str, tuple[float, int, float, list[dict[str, Any]]]] = {}
        self._edits_seen = 0

    # --- accounts -----------------------------------------------------------------------------
    def token_owner(self, token: str, scope: str) -> str | None:
        info = self.store.check_token(token, scope=scope)
        return info.name if info is not None else None

    # --- documents and reviews ----------------------------------------------------------------
    def _document(self, doc_id: str, *, copy: bool = True) -> tuple[Document, float, str] | None:
        stored = self.store.get(doc_id)
        if stored is None:
            return None
        # the result and its incident links (linking moves events between incidents without
        # rewriting the result) decide whether the parsed document is current
        version = (stored.stored_at, tuple(sorted((stored.incident_ids or {}).items())))
        cached = self._docs.get(doc_id)
        if cached is None or cached[0] != version:
            if len(self._docs) > 2000:
                self._docs.clear()
            cached = (version, stored.document())
            self._docs[doc_id] = cached
        doc = Document.from_dict(cached[1].to_dict()) if copy else cached[1]
        return doc, stored.stored_at, stored.content_hash

    def _review_rows(self, doc_id: str | None) -> tuple[dict[str, dict[str, Any]], dict[str, list[ReviewEdit]]]:
        bases: dict[str, dict[str, Any]] = {}
        edits: dict[str, list[ReviewEdit]] = {}
        for r in self.store.review_edits(doc_id):
            if not r.field.startswith(PREFIX):
                continue  # a correction made with correct_event: already in the result
            action = r.field[len(PREFIX):]
            if action == "base":
                bases[r.doc_id] = r.new_value
                edits.setdefault(r.doc_id, [])
                continue
            note = json.loads(r.note) if r.note else {}
            edits.setdefault(r.doc_id, []).append(ReviewEdit(
                id=r.id, doc_id=r.doc_id, event_id=r.event_id or "", action=action, reviewer=r.author or "",
                at=r.created_at, fields=tuple(note.get("fields") or ()), before=r.old_value, after=r.new_value,
                reason=note.get("reason")))
        return bases, edits

    def _materialise(self, reviewed: ReviewedDocument, content_hash: str) -> None:
        doc = reviewed.accepted()
        for event in doc.events:
            event.incident_id = None
        if self.store.put_many([doc], hashes=[content_hash]):
            link_incidents(self.store)  # a corrected event updates its incident in place

    def reviewed(self, doc_id: str) -> ReviewedDocument | None:
        with self._lock:
            found = self._document(doc_id)
            if found is None:
                return None
            current, _at, content_hash = found
            bases, edits = self._review_rows(doc_id)
            if doc_id not in bases:
                return apply_edits(current, [])
            reviewed = apply_edits(Document.from_dict(bases[doc_id]), edits[doc_id])
            if _plain(reviewed.accepted()) != _plain(current):
                # the result was replaced since the last act (re-extracted): it is the new machine
                # result, and the edits are replayed over it
                self.store.add_review_edit(doc_id, None, PREFIX + "base", None, _plain(current),
                                           author="marsad", note=json.dumps({"why": "re-extracted"}))
                reviewed = apply_edits(current, edits[doc_id])
                self._materialise(reviewed, content_hash)
            links = {e.id: e.incident_id for e in current.events if e.incident_id}
            for event in reviewed.document.events:
                event.incident_id = links.get(event.id)
            return reviewed

    def add_edit(self, edit: ReviewEdit) -> ReviewEdit:
        with self._lock:
            reviewed = self.reviewed(edit.doc_id)  # replays first if the article was re-extracted
            found = self._document(edit.doc_id)
            if reviewed is None or found is None:
                raise KeyError(f"no document {edit.doc_id!r}")
            current, _at, content_hash = found
            bases, edits = self._review_rows(edit.doc_id)
            if edit.doc_id not in bases:
                base = _plain(current)
                self.store.add_review_edit(edit.doc_id, None, PREFIX + "base", None, base, author="marsad",
                                           note=json.dumps({"why": "first review"}))
            else:
                base = bases[edit.doc_id]
            note = json.dumps({"fields": list(edit.fields), "reason": edit.reason}, ensure_ascii=False)
            edit_id = self.store.add_review_edit(edit.doc_id, edit.event_id or None, PREFIX + edit.action,
                                                 edit.before, edit.after, author=edit.reviewer, note=note)
            stored = dataclasses.replace(edit, id=edit_id)
            self._edits_seen += 1
            self._materialise(apply_edits(Document.from_dict(base), [*edits.get(edit.doc_id, []), stored]),
                              content_hash)
            return stored

    def put_document(self, doc: Document) -> None:
        with self._lock:
            self.store.put_many([doc])
            self.reviewed(doc.id)  # a reviewed article gets its edits replayed at once
            link_incidents(self.store)
            self._edits_seen += 1  # new events may join incidents of other articles: rows refresh

    def move_event(self, doc_id: str, event_id: str, into: str | None) -> str:
        """Move one report to incident ``into`` (merge), or to an incident of its own (split).

        Both incidents' fields are picked again from their reports (marsad.dedup's ACLED rules);
        an incident left without reports is deleted into the deletion feed as merged. Returns the
        incident the event now belongs to. Raises KeyError for an unknown event or incident.
        """
        with self._lock:
            stored = self.store.get(doc_id)
            if stored is None:
                raise KeyError(f"no document {doc_id!r}")
            source_id = (stored.incident_ids or {}).get(event_id)
            if source_id is None:
                link_incidents(self.store)
                stored = self.store.get(doc_id)
                source_id = (stored.incident_ids or {}).get(event_id) if stored else None
            if source_id is None:
                raise KeyError(f"event {event_id!r} of {doc_id!r} belongs to no incident")
            if into == source_id:
                return source_id
            with self.store.incident_index() as index:
                source = index.incident(source_id)
                target = index.incident(into) if into is not None else None
                if source is None or (into is not None and target is None):
                    raise KeyError(f"no incident {into or source_id!r}")
                report = next((r for r in source.events if (r.doc_id, r.event_id) == (doc_id, event_id)), None)
                if report is None:
                    raise KeyError(f"event {event_id!r} of {doc_id!r} is not a report of {source_id!r}")
                source.events.remove(report)
                if target is None:
                    target = Incident(id=None, event_type=report.event_type, sub_event_type=report.sub_event_type,
                                      events=[])
                target.events.append(report)
                moved_to = index.save_incident(pick_fields(target), id_prefix(report.country))
                if source.events:
                    index.save_incident(pick_fields(source), id_prefix(source.country))
                else:
                    index.delete_incident(source_id, reason="merged", replaced_by=moved_to)
            self._row_cache.pop(doc_id, None)
            return moved_to

    def reviewed_documents(self) -> Iterator[ReviewedDocument]:
        bases, _edits = self._review_rows(None)
        for doc_id in bases:
            reviewed = self.reviewed(doc_id)
            if reviewed is not None and reviewed.reviewed:
                yield reviewed

    # --- queries ------------------------------------------------------------------------------
    def _rows_of(self, doc_ids: list[str]) -> dict[tuple[str, str], dict[str, Any]]:
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        now = time.monotonic()
        review: tuple[dict[str, dict[str, Any]], dict[str, list[ReviewEdit]]] | None = None
        for doc_id in dict.fromkeys(doc_ids):
            cached = self._row_cache.get(doc_id)
            if cached is not None and cached[1] == self._edits_seen and now - cached[2] < ROW_TTL:
                doc_rows = cached[3]
            else:
                found = self._document(doc_id, copy=False)
                if found is None:
                    continue
                doc, stored_at, _hash = found
                if review is None:  # one query for the review rows of every document of this answer
                    review = self._review_rows(None) if len(doc_ids) > 1 else self._review_rows(doc_id)
                doc_rows = self._build_rows(doc, stored_at, review)
                if len(self._row_cache) > 20_000:
                    self._row_cache.clear()
                self._row_cache[doc_id] = (stored_at, self._edits_seen, now, doc_rows)
            for row in doc_rows:
                rows[(doc_id, row["event_id"])] = row
        return rows

    def _build_rows(self, doc: Document, stored_at: float,
                    review: tuple[dict[str, dict[str, Any]], dict[str, list[ReviewEdit]]]) -> list[dict[str, Any]]:
        bases, edits = review
        # the stored result is already the reviewed one: only the states come from the edits
        if doc.id in bases:
            states = apply_edits(Document.from_dict(bases[doc.id]), edits[doc.id])
            if _plain(states.accepted()) != _plain(doc):
                # re-extracted since it was reviewed (marsad extract): replay the edits, serve that
                replayed = self.reviewed(doc.id)
                found = self._document(doc.id, copy=False)
                if replayed is not None and found is not None:
                    doc, stored_at, _hash = found
                    states = replayed
            reviewed = ReviewedDocument(document=doc, reviews=states.reviews, done=states.done, edits=states.edits)
        else:
            reviewed = ReviewedDocument(document=doc, reviews={}, done=False, edits=[])
        links = {e.id: e.incident_id for e in doc.events if e.incident_id}
        return reviewed_event_rows(reviewed, stored_at=stored_at, incidents=links)

    def event_rows(self, query: ApiQuery) -> Page:
        store_query, rest = _pushdown(query)
        if not rest:
            records = self.store.query_events(dataclasses.replace(store_query, limit=query.limit,
                                                                  offset=query.offset))
            total = self.store.count_events(store_query)
            rows = self._rows_of([r.doc_id for r in records])
            return Page([rows[(r.doc_id, r.event_id)] for r in records if (r.doc_id, r.event_id) in rows], total)
        records = self.store.query_events(dataclasses.replace(store_query, limit=SCAN_LIMIT, offset=0))
        rows = self._rows_of([r.doc_id for r in records])
        kept = [row for r in records if (row := rows.get((r.doc_id, r.event_id))) is not None
                and ApiQuery(conditions=tuple(rest)).matches(row)]
        return Page(kept[query.offset: query.offset + query.limit], len(kept))

    @staticmethod
    def _incident_row(inc: Incident) -> dict[str, Any]:
        country = countries().get((inc.country or "").upper())
        event_date = inc.date_key or ""
        return {
            "event_id_cnty": inc.id, "incident_id": inc.id, "event_date": event_date,
            "year": int(event_date[:4]) if event_date else "", "time_precision": inc.time_precision,
            "event_type": inc.event_type, "sub_event_type": inc.sub_event_type,
            "actor1": inc.actor1_en or inc.actor1 or "", "actor2": inc.actor2_en or inc.actor2 or "",
            "actor1_ar": inc.actor1 or "", "actor2_ar": inc.actor2 or "",
            "iso": country.iso_numeric if country else None, "region": country.region if country else "",
            "country": country.name_en if country else (inc.country or ""), "country_iso2": inc.country or "",
            "admin1": inc.admin1 or "", "location": inc.location_en or inc.location or "",
            "location_ar": inc.location or "", "latitude": inc.lat, "longitude": inc.lon,
            "geo_precision": inc.geo_precision, "fatalities": inc.fatalities or 0,
            "source": "; ".join(inc.sources), "sources": len(inc.events) or None,
            "timestamp": int(inc.updated_at), "created_at": int(inc.created_at),
        }

    def incident_rows(self, query: ApiQuery) -> Page:
        store_query, rest = _pushdown(query)
        if not rest:
            found = self.store.query_incidents(dataclasses.replace(store_query, limit=query.limit,
                                                                   offset=query.offset), with_events=True)
            return Page([self._incident_row(i) for i in found], self.store.count_incidents(store_query))
        found = self.store.query_incidents(dataclasses.replace(store_query, limit=SCAN_LIMIT, offset=0),
                                           with_events=True)
        kept = [row for i in found if ApiQuery(conditions=tuple(rest)).matches(row := self._incident_row(i))]
        return Page(kept[query.offset: query.offset + query.limit], len(kept))

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        inc = self.store.get_incident(incident_id)
        if inc is None:
            return None
        row = self._incident_row(inc)
        row["sources"] = [{"article_id": e.doc_id, "event_id": e.event_id, "source": e.outlet, "url": e.url,
                           "published": e.published, "evidence_text": e.evidence, "event_date": e.date,
                           "location": e.location, "fatalities": e.fatalities} for e in inc.events]
        return row

    def deleted(self, since: float) -> list[dict[str, Any]]:
        return [{"seq": d.seq, "kind": d.kind, "id": d.item_id, "reason": d.reason, "replaced_by": d.replaced_by,
                 "deleted_at": d.deleted_at,
                 "deleted_at_iso": dt.datetime.fromtimestamp(d.deleted_at, dt.UTC).isoformat(timespec="seconds")}
                for d in self.store.deleted_since(since, limit=10_000)]

    def queue(self, flt: QueueFilter) -> tuple[list[DocSummary], int, dict[str, int]]:
        bases, edits = self._review_rows(None)
        narrowing = any((flt.country, flt.admin1, flt.event_type))
        store_query = EventQuery(country=(flt.country,) if flt.country else (),
                                 admin1=(flt.admin1,) if flt.admin1 else (),
                                 event_type=(flt.event_type,) if flt.event_type else (),
                                 since=flt.since, until=flt.until, limit=SCAN_LIMIT)
        by_doc: dict[str, list[Any]] = {}
        for r in self.store.query_events(store_query):
            by_doc.setdefault(r.doc_id, []).append(r)
        doc_ids = list(by_doc)
        if not narrowing and flt.since is None and flt.until is None:
            doc_ids += [d for d in self.store.content_hashes() if d not in by_doc]
        counts = {"pending": 0, "in_review": 0, "reviewed": 0}
        matching: list[tuple[str, str]] = []
        for doc_id in doc_ids:
            records = by_doc.get(doc_id, [])
            if doc_id in bases:
                found = self._document(doc_id)
                if found is None:
                    continue
                state = apply_edits(Document.from_dict(bases[doc_id]), edits[doc_id]).state
            else:
                state = "pending"
            confidences = [r.confidence for r in records if r.confidence is not None]
            if flt.max_confidence is not None and (not confidences or min(confidences) > flt.max_confidence):
                continue
            counts[state] += 1
            if flt.state is None or state == flt.state:
                matching.append((doc_id, state))
        start = (flt.page - 1) * flt.limit
        lines = []
        for doc_id, _state in matching[start: start + flt.limit]:
            reviewed = self.reviewed(doc_id)
            if reviewed is not None:
                line = summary(reviewed)
                keys = tuple(k for k in (date_key(e.date) or date_key(reviewed.document.article.published)
                                         for e in reviewed.accepted().events) if k)
                if queue_keeps(line, dataclasses.replace(flt, state=None, country=None, admin1=None,
                                                         event_type=None, max_confidence=None),
                               keys or (date_key(reviewed.document.article.published) or "",)):
                    lines.append(line)
        return lines, len(matching), counts
