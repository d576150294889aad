"""Reviewers' corrections laid over the machine's document, never written into it.

A reviewer's act is a :class:`ReviewEdit`: who, when, which event, what action, and the event
before and after. The store keeps the edits in order beside the machine result it never changes;
:func:`apply_edits` lays them over a (possibly re-extracted) document and says, for every event,
what the reviewer decided and which fields are theirs. So:

- machine values are never overwritten silently: the machine event stays in the store, the edit
  records both values, and the desk shows the machine value beside the reviewer's;
- re-extraction keeps reviewed fields: the edits are replayed on the new result, finding their
  event by id and evidence span, or by evidence span alone when the new run numbered the events
  differently; an accepted or edited event the new run no longer finds is kept as the reviewer
  left it (marked ``kept``), since a person confirmed it.

Actions: ``accept``, ``reject`` (optional ``reason`` as in the gold schema's ``not_events``),
``edit`` (fields changed), ``add`` (an event the machine missed, from a selected sentence),
``reopen`` (back to pending), ``merge``/``split`` (the event's ``incident_id``), and ``done`` on the
whole document (reviewed, including "no events here").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from marsad.document import ActorRef, Document, Event, EventLocation, Evidence

ACTIONS = ("accept", "reject", "edit", "add", "reopen", "merge", "split", "done")
# What a reviewer may change on an event, with the shape of the value.
EDITABLE = ("event_type", "sub_event_type", "actor1", "actor2", "location", "date", "fatalities",
            "notes", "target", "historical", "incident_id")
NOT_EVENT_REASONS = ("hypothetical", "future", "negated", "threat", "opinion")
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
STATES = ("pending", "accepted", "edited", "rejected", "added", "kept")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")


class ReviewError(ValueError):
    """An edit that cannot apply: unknown action, field, event type, or a bad value."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewEdit:
    """One reviewer act. ``before``/``after`` are the event's contract JSON (None for add/reject before)."""

    doc_id: str
    event_id: str  # "" for a document-level act (done)
    action: str
    reviewer: str
    at: float  # Unix seconds
    fields: tuple[str, ...] = ()
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    reason: str | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "doc_id": self.doc_id, "event_id": self.event_id, "action": self.action,
                "reviewer": self.reviewer, "at": self.at,
                "at_iso": dt.datetime.fromtimestamp(self.at, dt.UTC).isoformat(timespec="seconds"),
                "fields": list(self.fields), "before": self.before, "after": self.after,
                "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewEdit:
        return cls(id=data.get("id"), doc_id=str(data["doc_id"]), event_id=str(data.get("event_id") or ""),
                   action=str(data["action"]), reviewer=str(data["reviewer"]), at=float(data["at"]),
                   fields=tuple(data.get("fields") or ()), before=data.get("before"),
                   after=data.get("after"), reason=data.get("reason"))


@dataclass(slots=True)
class EventReview:
    """What the reviewers decided about one event."""

    state: str = "pending"
    fields: set[str] = field(default_factory=set)  # fields a reviewer set
    machine: dict[str, Any] | None = None  # the machine's event, when there is one
    reviewer: str | None = None
    at: float | None = None
    reason: str | None = None
    incident_id: str | None = None


@dataclass(slots=True)
class ReviewedDocument:
    """A document with the edits laid over it: every event (rejected ones too) and its review."""

    document: Document
    reviews: dict[str, EventReview]
    done: bool
    edits: list[ReviewEdit]

    @property
    def reviewed(self) -> bool:
        """Marked done, or every event decided (and at least one edit made)."""
        if self.done:
            return True
        return bool(self.edits) and all(r.state != "pending" for r in self.reviews.values())

    @property
    def state(self) -> str:
        if self.reviewed:
            return "reviewed"
        return "in_review" if self.edits else "pending"

    def accepted(self) -> Document:
        """The document without its rejected events (what the API and the exports serve)."""
        doc = self.document
        kept = [e for e in doc.events if self.reviews.get(e.id, EventReview()).state != "rejected"]
        return replace(doc, events=kept)


def event_to_json(event: Event) -> dict[str, Any]:
    return event.to_dict()


def _set_field(event: Event, name: str, value: Any) -> None:
    if name in ("actor1", "actor2"):
        if value is None or value == "" or value == {}:
            setattr(event, name, None)
        elif isinstance(value, Mapping):
            setattr(event, name, ActorRef(name=str(value.get("name") or ""), actor_id=value.get("actor_id")))
        else:
            setattr(event, name, ActorRef(name=str(value)))
    elif name == "location":
        event.location = EventLocation.from_dict(dict(value)) if isinstance(value, Mapping) else (
            EventLocation(name=str(value)) if value else None)
    elif name == "fatalities":
        event.fatalities = None if value is None or value == "" else int(value)
    elif name == "historical":
        event.historical = bool(value)
    elif name in ("event_type", "sub_event_type", "notes"):
        setattr(event, name, str(value or ""))
    elif name in ("date", "target"):
        setattr(event, name, value or None)
    elif name == "incident_id":
        pass  # kept on the review; the store's incident layer reads it
    else:
        raise ReviewError(f"field {name!r} cannot be edited; editable: {', '.join(EDITABLE)}")


def check_value(name: str, value: Any) -> Any:
    """Check and normalise one edited value (raises :class:`ReviewError` with what is allowed)."""
    if name not in EDITABLE:
        raise ReviewError(f"field {name!r} cannot be edited; editable: {', '.join(EDITABLE)}")
    if name == "event_type":
        if value not in EVENT_TYPES:
            raise ReviewError(f"event_type {value!r}; allowed: {', '.join(EVENT_TYPES)}")
    elif name == "sub_event_type":
        allowed = {s for subs in EVENT_TYPES.values() for s in subs}
        if value not in allowed:
            raise ReviewError(f"sub_event_type {value!r} is not an ACLED sub-event type")
    elif name == "date":
        if value in (None, ""):
            return None
        if not isinstance(value, str) or not _DATE.match(value):
            raise ReviewError(f"date {value!r}: write YYYY-MM-DD, YYYY-MM or YYYY")
        parts = [int(p) for p in value.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError as err:
            raise ReviewError(f"date {value!r}: {err}") from err
    elif name == "fatalities":
        if value in (None, ""):
            return None
        try:
            number = int(value)
        except (TypeError, ValueError) as err:
            raise ReviewError(f"fatalities {value!r} is not a whole number") from err
        if not 0 <= number <= 1_000_000:
            raise ReviewError(f"fatalities {number} is out of range (0 to 1,000,000)")
        return number
    elif name in ("actor1", "actor2", "notes", "target"):
        if value is not None and not isinstance(value, (str, Mapping)):
            raise ReviewError(f"{name} must be text")
        if isinstance(value, str) and len(value) > 2000:
            raise ReviewError(f"{name} is too long (at most 2,000 characters)")
    return value


def _find(doc: Document, edit: ReviewEdit) -> Event | None:
    snapshot = edit.before or edit.after or {}
    evidence = snapshot.get("evidence") or {}
    span = (evidence.get("start"), evidence.get("end"))
    for e in doc.events:
        if e.id == edit.event_id and (span == (None, None) or (e.evidence.start, e.evidence.end) == span):
            return e
    for e in doc.events:  # re-extracted with other ids: the evidence span still names the event
        if (e.evidence.start, e.evidence.end) == span and e.event_type == snapshot.get("event_type"):
            return e
    return None


def apply_edits(machine: Document, edits: Iterable[ReviewEdit]) -> ReviewedDocument:
    """Lay ``edits`` (in the order made) over a copy of the machine document."""
    doc = Document.from_dict(machine.to_dict())
    reviews: dict[str, EventReview] = {e.id: EventReview(machine=e.to_dict()) for e in doc.events}
    done = False
    edit_list = list(edits)
    for edit in edit_list:
        if edit.action == "done":
            done = True
            continue
        if edit.action == "add":
            if edit.after is None:
                continue
            event = Event.from_dict(edit.after)
            if any(e.id == event.id for e in doc.events):
                continue
            doc.events.append(event)
            reviews[event.id] = EventReview(state="added", fields=set(EDITABLE), reviewer=edit.reviewer,
                                            at=edit.at)
            continue
        found = _find(doc, edit)
        if found is None:
            if edit.action not in ("accept", "edit") or edit.after is None:
                continue
            found = Event.from_dict(edit.after)
            doc.events.append(found)
            reviews[found.id] = EventReview(state="kept", fields=set(EDITABLE))
        event = found
        review = reviews.setdefault(event.id, EventReview())
        review.reviewer, review.at = edit.reviewer, edit.at
        if edit.action == "accept":
            if review.state not in ("added", "kept"):
                review.state = "edited" if review.fields else "accepted"
        elif edit.action == "reject":
            review.state, review.reason = "rejected", edit.reason
        elif edit.action == "reopen":
            review.state, review.reason = "pending", None
        elif edit.action in ("edit", "merge", "split"):
            after = edit.after or {}
            for name in edit.fields:
                if name == "incident_id":
                    review.incident_id = after.get("incident_id")
                else:
                    _set_field(event, name, after.get(name))
                review.fields.add(name)
            if review.state not in ("added", "kept"):
                review.state = "edited"
    # an event whose evidence moved away from the text cannot be shown: keep offsets honest
    for e in doc.events:
        if doc.text[e.evidence.start:e.evidence.end] != e.evidence.text:
            e.evidence = Evidence(start=e.evidence.start, end=e.evidence.end,
                                  text=doc.text[e.evidence.start:e.evidence.end])
    return ReviewedDocument(document=doc, reviews=reviews, done=done, edits=edit_list)


def new_event(doc: Document, *, start: int, end: int, event_type: str, sub_event_type: str,
              existing_ids: Iterable[str] = ()) -> Event:
    """An event a reviewer adds from a selected span of the text (widened to whole words, trimmed)."""
    text = doc.text
    if not (0 <= start < end <= len(text)):
        raise ReviewError(f"selection {start}-{end} is outside the text (0-{len(text)})")
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in ".،؛!؟\n":
        start -= 1
    while end < len(text) and not text[end].isspace() and text[end] not in ".،؛!؟\n":
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise ReviewError("the selection holds no text")
    check_value("event_type", event_type)
    check_value("sub_event_type", sub_event_type)
    if sub_event_type not in EVENT_TYPES[event_type]:
        raise ReviewError(f"{sub_event_type!r} is not a sub-event type of {event_type!r}")
    taken = {e.id for e in doc.events} | set(existing_ids)
    n = 1
    while f"r{n}" in taken:
        n += 1
    published = (doc.article.published or "")[:10] or None
    return Event(id=f"r{n}", event_type=event_type, sub_event_type=sub_event_type,
                 evidence=Evidence(start=start, end=end, text=text[start:end]), date=published,
                 notes="added by a reviewer")
