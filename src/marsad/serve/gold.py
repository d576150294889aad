"""Reviewed documents -> gold records (shared/eval/SCHEMA.md): what ``marsad export --format gold`` writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from marsad.export.gold import gold_record
from marsad.review import ReviewedDocument


def gold_records(reviewed: Iterable[ReviewedDocument]) -> Iterator[dict[str, Any]]:
    """One gold record per finished document: its kept events as reviewed, rejections with a reason."""
    for r in reviewed:
        doc = r.document
        rejected = [(e.evidence.text, r.reviews[e.id].reason) for e in doc.events
                    if e.id in r.reviews and r.reviews[e.id].state == "rejected"]
        last = max((e.at for e in r.edits), default=None)
        yield gold_record(r.accepted(), rejected=rejected, reviewers=[e.reviewer for e in r.edits],
                          reviewed_at=dt.datetime.fromtimestamp(last, dt.UTC).isoformat(timespec="seconds")
                          if last is not None else None)
