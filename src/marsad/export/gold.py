"""Reviewed documents as gold files in the annotation schema (shared/eval/SCHEMA.md, v1).

What a reviewer confirmed becomes training and test data: one JSON file per article with its
entities (grouped by the actor or place they name), quotes, the events as the reviewer left them
(accepted, edited or added; rejected ones are not events) and, for a rejection with a reason, a
``not_events`` entry. Entities and quotes are the machine's (the desk corrects events).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from marsad.document import Document

NOT_EVENT_REASONS = ("hypothetical", "future", "negated", "threat", "opinion")
_WORD = re.compile(r"\S+")


def _entities(doc: Document) -> list[dict[str, Any]]:
    groups: dict[str, list[int]] = {}
    for i, m in enumerate(doc.entities):
        key = f"a:{m.actor_id}" if m.actor_id else (f"p:{m.place_id}" if m.place_id else f"t:{m.type}:{m.text}")
        groups.setdefault(key, []).append(i)
    out = []
    for key, idx in groups.items():
        mentions = [doc.entities[i] for i in idx]
        surfaces = list(dict.fromkeys(m.text for m in mentions))
        etype = Counter(m.type for m in mentions).most_common(1)[0][0]
        canonical, english = max(surfaces, key=len), None
        if key.startswith("a:"):
            actor = doc.actor(key[2:])
            if actor is not None:
                canonical, english = actor.name, actor.name_en
        elif key.startswith("p:"):
            place = doc.place(key[2:])
            if place is not None:
                canonical, english = place.name, place.name_en
        out.append({"type": etype, "canonical": canonical,
                    "aliases": [s for s in surfaces if s != canonical], "english": english})
    return out


def _quotes(doc: Document) -> list[dict[str, Any]]:
    out = []
    for q in doc.quotes:
        speaker = q.speaker.name if q.speaker else (q.speaker_text or "")
        out.append({"speaker": speaker, "anonymous": q.anonymous, "speaker_role": q.speaker_role,
                    "cue": q.cue, "direct": q.direct,
                    "quote_head": " ".join(_WORD.findall(q.content)[:6])})
    return out


def gold_record(doc: Document, *, rejected: Sequence[tuple[str, str | None]] = (),
                reviewers: Sequence[str] = (), reviewed_at: str | None = None) -> dict[str, Any]:
    """The gold file of one reviewed document.

    Args:
        doc: the reviewed document without its rejected events (``ReviewedDocument.accepted()``).
        rejected: ``(evidence text, reason)`` of each rejected event; those with a schema reason
            (hypothetical, future, negated, threat, opinion) become ``not_events``.
        reviewers: who reviewed it (recorded in ``origin.note``).
        reviewed_at: when (ISO 8601), also in ``origin.note``.
    """
    a = doc.article
    note = "reviewed in the marsad desk"
    if reviewers:
        note += " by " + ", ".join(sorted(set(reviewers)))
    if reviewed_at:
        note += f" ({reviewed_at})"
    events = []
    for e in doc.events:
        loc = e.location
        events.append({
            "event_type": e.event_type, "sub_event_type": e.sub_event_type,
            "actor1": e.actor1.name if e.actor1 else None, "actor1_claimed": e.actor1_claimed,
            "actor2": e.actor2.name if e.actor2 else None, "target": e.target,
            "location": loc.name if loc else None, "admin1": loc.admin1 if loc else None,
            "country": loc.country if loc else None, "date": e.date, "fatalities": e.fatalities,
            "historical": e.historical, "evidence": e.evidence.text,
        })
    not_events = [{"why": reason, "evidence": evidence} for evidence, reason in rejected
                  if reason in NOT_EVENT_REASONS]
    return {"id": a.id, "origin": {"repo": "marsad-review", "path": a.url or a.id, "note": note},
            "published": (a.published or "")[:10] or None, "title": a.title, "text": a.text,
            "entities": _entities(doc), "quotes": _quotes(doc), "events": events, "not_events": not_events}


def gold_filename(doc_id: str) -> str:
    """A safe file name for an article id (letters, digits, '-', '_', '.'; nothing else)."""
    safe = re.sub(r"[^\w.\-]", "_", doc_id).strip("._") or "article"
    return safe[:150] + ".json"
