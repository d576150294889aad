"""Merging: one record per event, whatever the number of times the article reports it."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Event, EventLocation
from marsad.events.coding import interaction


@dataclass(slots=True)
class Draft:
    """An event being built, with what merging needs to know."""

    event: Event
    order: tuple[int, int]
    partitive: bool
    follow_up: bool  # a toll (قتل فيه ...) or an anaphoric "the attack" that belongs to an event before
    needs_twin: bool = False  # only a definite noun (الهجوم): it names an event told before, or none
    date_known: bool = False  # the date comes from the text, not from the publication date
    actor1_en: str | None = None
    actor2_en: str | None = None


def _location_key(loc: EventLocation | None) -> str:
    if loc is None:
        return ""
    return loc.place_id or loc.name


def _compatible_place(a: EventLocation | None, b: EventLocation | None) -> bool:
    if a is None or b is None:
        return True
    if _location_key(a) == _location_key(b):
        return True
    return bool(a.admin1) and a.admin1 == b.admin1 and a.country == b.country


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """One record per event: later reports of the same type, place, date and actors fill the first.

    A follow-up report (a toll, "the attack" again) joins the latest violent event before it at a
    compatible place and date, whatever its own type.
    """
    out: list[Draft] = []
    for d in drafts:
        e = d.event
        twin = None
        if d.follow_up:
            for o in reversed(out):
                f = o.event
                if f.disorder_type != e.disorder_type:
                    continue
                same_time = f.date == e.date or not f.date or not e.date or not (
                    o.date_known and d.date_known)
                if f.disorder_type == "Political violence" and f.historical == e.historical and same_time \
                        and _compatible_place(f.location, e.location):
                    twin = o
                    break
        for o in out if twin is None else ():
            f = o.event
            if (f.sub_event_type, _location_key(f.location), f.date, f.historical) != (
                    e.sub_event_type, _location_key(e.location), e.date, e.historical):
                continue
            if o.partitive or d.partitive:
                continue
            names = {r.name for r in (f.actor1, e.actor1) if r is not None}
            if len(names) > 1:
                continue
            twin = o
            break
        if twin is None:
            if not d.needs_twin:
                out.append(d)
            continue
        f = twin.event
        if f.actor1 is None and e.actor1 is not None:
            f.actor1, f.actor1_claimed, f.inter1 = e.actor1, e.actor1_claimed, e.inter1
            twin.actor1_en = d.actor1_en
        elif e.actor1_claimed:
            f.actor1_claimed = True
        if f.actor2 is None and e.actor2 is not None:
            f.actor2, f.inter2, twin.actor2_en = e.actor2, e.inter2, d.actor2_en
        f.interaction = interaction(f.inter1, f.inter2)
        if e.fatalities is not None:
            f.fatalities = e.fatalities if f.fatalities is None else min(f.fatalities, e.fatalities)
        f.target = f.target or e.target
        for m in e.plover_mode:
            if m not in f.plover_mode:
                f.plover_mode.append(m)
    return out
