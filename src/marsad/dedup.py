"""Incidents across articles: events of different articles that report one real-world event share one.

``link_incidents(store)`` links every stored event that has no incident yet. For each, it asks the
store for the incidents of the same country whose dates come within a day of the event's (an
indexed query by country and day: the store is never rescanned, so linking costs the same per
article in a store of 100 or 100,000 events), scores the event against each incident's reports,
and joins the best incident that passes, or starts a new one. The rules follow ACLED's for one
event: the same kind of event (a type family: political violence, demonstrations, strategic
developments), the same day (a day apart is allowed, and a vaguer date — a month, a year — joins a
precise one inside it), the same place (a vaguer place joins a precise one; two different admin1
regions never join), compatible actors; the wording of the two reports counts too (two reports of
one event share their facts: names, numbers, places).

An incident's fields are picked from its reports by ACLED's rules: the most precise place
(lowest ``geo_precision``) and date (lowest ``time_precision``), the lowest stated fatality count,
the most frequent type and actors, and every outlet in ``source``. Its id is ACLED-like: the
country's ISO3 code and a sequence number (``TUN12``), stable for its life.

The dataset lives: an article stored again (re-extracted, corrected) brings its events back
unlinked with a hint to their old incident, which they rejoin when still compatible (so the
incident updates in place, same id); an incident left without reports is deleted, and one that
an event shows to be the same as another is merged into the older; both are recorded in the
store's deletion feed.

The store is reached through :class:`IncidentIndex` (structural: ``marsad.store`` implements it
without importing this module).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

from marsad.document import EventRecord, Incident
from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

# ACLED's event types grouped by what one real-world event may be coded as by different reports:
# an attack told as a clash by one article and as a bombing by another is still one event.
TYPE_FAMILY = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}
UNKNOWN_COUNTRY_PREFIX = "XXX"  # ISO 3166 reserves XXA-XZZ for user-assigned codes


class IncidentIndex(Protocol):
    """What linking needs from a store, inside one write transaction (see ``SQLStore.incident_index``)."""

    def pending_events(self, limit: int = 500) -> list[EventRecord]:
        """Events not linked to an incident yet, in storing order."""
        ...

    def incidents_near(self, country: str | None, first_day: str | None,
                       last_day: str | None) -> list[Incident]:
        """Incidents of ``country`` whose dates overlap [first_day, last_day], with their events."""
        ...

    def incident(self, incident_id: str) -> Incident | None:
        """One incident with its events, or None."""
        ...

    def stale_incidents(self) -> list[Incident]:
        """Incidents that lost reports since the last pass (their article was stored again)."""
        ...

    def save_incident(self, incident: Incident, prefix: str) -> str:
        """Insert (a new id when ``incident.id`` is None) or update an incident and link its events."""
        ...

    def delete_incident(self, incident_id: str, *, reason: str, replaced_by: str | None = None) -> None:
        """Remove an incident and record it in the deletion feed."""
        ...


class IndexedStore(Protocol):
    """A store that opens an :class:`IncidentIndex` transaction (``marsad.store.sql.SQLStore``)."""

    def incident_index(self) -> AbstractContextManager[IncidentIndex]: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkConfig:
    """How similar two reports must be to be one incident.

    Calibrated on the "tune" half of benchmarks/data/incident-pairs.json (pairs of ANT reports
    judged by reading them; a small grid, ``benchmarks/incidents.py --tune``); measured on the
    other half (``--quality``): pairwise P 0.914 R 0.815 on 93 held-out pairs, P 0.881 R 0.755 on
    the 77 of them judged by reading two different reports (the rest are one report published twice).
    """

    threshold: float = 1.5  # a pair scoring at least this is one incident
    text_weight: float = 8.0  # x the Jaccard overlap of the two reports' content words
    same_type: float = 0.5
    same_sub_type: float = 0.5
    same_day: float = 0.5  # both dated to the day, the same day
    day_apart: float = -2.0  # dated a day apart, neither by "yesterday" (أمس) that may be a day off
    same_place: float = 1.0  # same location name
    other_place: float = -1.0  # two precise places of one admin1 with different names
    same_actor: float = 1.0
    other_actor: float = -1.0
    same_fatalities: float = 1.0  # the same stated count, above zero
    # the only incident of its kind (type family) in the country within a day of the event: a
    # report of a rare event is surer to join it than one of ten protests that day
    only_candidate: float = 1.0


@dataclass(slots=True)
class LinkReport:
    """What one linking pass did."""

    linked: int = 0  # events given an incident
    created: int = 0  # new incidents
    joined: int = 0  # events that joined an existing incident
    merged: int = 0  # incidents merged into another
    deleted: int = 0  # incidents left without reports
    updated: set[str] = field(default_factory=set)  # ids of incidents created or changed


_WORD = re.compile(r"\w+")
# Words of Arabic news that say nothing about which event it was
_FILLER = frozenset(fold_key(w) for w in (
    "الذي", "التي", "الذين", "هذه", "هذا", "ذلك", "تلك", "على", "إلى", "الى", "في", "من", "عن", "مع", "بعد",
    "قبل", "حيث", "كما", "وفق", "حسب", "قال", "قالت", "أكد", "أكدت", "أفاد", "أفادت", "اليوم", "أمس", "مساء",
    "صباح", "يوم", "وقد", "كان", "كانت", "وذلك", "أنه", "أن", "إن", "لها", "له", "عدد", "مصدر", "مراسل",
    "الجوهرة", "اف", "أف", "ام", "أم", "تصريح", "الجاري", "الماضي", "الحالي",
))


@functools.cache
def _iso3() -> dict[str, str]:
    return {row[0]: row[1] for row in read_tsv("countries.tsv") if len(row) >= 2}


def id_prefix(country: str | None) -> str:
    """The incident id prefix of a country: its ISO3 code (``TN`` -> ``TUN``).

    >>> id_prefix("TN"), id_prefix("iq"), id_prefix(None)
    ('TUN', 'IRQ', 'XXX')
    """
    if not country:
        return UNKNOWN_COUNTRY_PREFIX
    return _iso3().get(country.upper(), country.upper()[:3])


def content_words(text: str) -> frozenset[str]:
    """The folded words of a report that can tell one event from another (three letters or more)."""
    words = set()
    for word in _WORD.findall(fold_key(text)):
        if len(word) < 3 or word in _FILLER:
            continue
        # the proclitic و/ب/ل/ف glued to a word must not make two reports' words differ
        if len(word) > 4 and word[0] in "وبلف" and word[1:3] == "ال":
            word = word[1:]
        words.add(word)
    return frozenset(words)


def _days(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _gap(a: EventRecord, b: EventRecord) -> int | None:
    """Days between the two reports' date ranges (0 when they overlap); None when one is undated."""
    a0, a1 = _days(a.date_key), _days(a.date_last or a.date_key)
    b0, b1 = _days(b.date_key), _days(b.date_last or b.date_key)
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return None
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


def _place_key(name: str | None) -> str:
    if not name:
        return ""
    key = fold_key(name)
    for prefix in ("مدينه ", "ولايه ", "منطقه ", "معتمديه ", "محافظه ", "مقاطعه ", "جهه "):
        if key.startswith(prefix):
            key = key[len(prefix):]
    # "بن قردان" and "بنقردان" are one town: spacing of compound names varies between reports
    return key.strip(' "').replace(" ", "")


def _actor_words(record: EventRecord) -> set[str]:
    return {w for name in (record.actor1, record.actor2, record.actor1_en, record.actor2_en) if name
            for w in _WORD.findall(fold_key(name).lower()) if len(w) > 2}


def pair_score(a: EventRecord, b: EventRecord, config: LinkConfig = LinkConfig()) -> float | None:
    """How surely two reports tell one real-world event; None when ACLED's rules keep them apart."""
    if TYPE_FAMILY.get(a.event_type) != TYPE_FAMILY.get(b.event_type):
        return None
    if (a.country or "") != (b.country or ""):
        return None
    gap = _gap(a, b)
    if gap is None or gap > 1:
        return None
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return None
    score = 0.0
    if gap == 1 and not (a.relative_date or b.relative_date):
        score += config.day_apart
    if a.event_type == b.event_type:
        score += config.same_type
        if a.sub_event_type == b.sub_event_type:
            score += config.same_sub_type
    if gap == 0 and a.time_precision == 1 and b.time_precision == 1 and a.date_key == b.date_key:
        score += config.same_day
    pa, pb = _place_key(a.location), _place_key(b.location)
    if pa and pb and (pa == pb or pa in pb or pb in pa):
        score += config.same_place
    elif pa and pb and (a.geo_precision or 3) <= 2 and (b.geo_precision or 3) <= 2:
        score += config.other_place
    wa, wb = _actor_words(a), _actor_words(b)
    if wa and wb:
        score += config.same_actor if wa & wb else config.other_actor
    if a.fatalities and b.fatalities and a.fatalities == b.fatalities:
        score += config.same_fatalities
    ca, cb = content_words(a.evidence), content_words(b.evidence)
    if ca and cb:
        score += config.text_weight * len(ca & cb) / len(ca | cb)
    return score


def incident_score(event: EventRecord, incident: Incident, config: LinkConfig = LinkConfig()) -> float | None:
    """The best score of ``event`` against the incident's reports; None when any report rules it out."""
    best: float | None = None
    for report in incident.events:
        if report.doc_id == event.doc_id:
            return None  # two events of one article are two events (the extractor merged the rest)
        score = pair_score(event, report, config)
        if score is None:
            return None
        best = score if best is None else max(best, score)
    return best


def _precision(value: int | None) -> int:
    return value if value is not None else 4


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def pick_fields(incident: Incident) -> Incident:
    """Set the incident's fields from its reports by ACLED's rules (see the module docstring)."""
    reports = incident.events
    if not reports:
        return incident
    types = Counter((r.event_type, r.sub_event_type) for r in reports)
    incident.event_type, incident.sub_event_type = types.most_common(1)[0][0]
    place = min(reports, key=lambda r: (_precision(r.geo_precision), r.admin1 is None, r.lat is None))
    incident.country, incident.admin1 = place.country, place.admin1
    incident.location, incident.location_en = place.location, place.location_en
    incident.lat, incident.lon, incident.geo_precision = place.lat, place.lon, place.geo_precision
    if incident.admin1 is None:  # a vaguer report may still name the region
        incident.admin1 = _most_common(r.admin1 for r in reports)
    dated = [r for r in reports if r.date_key]
    if dated:
        best = min(r.time_precision for r in dated)
        precise = [r for r in dated if r.time_precision == best]
        day_counts = Counter(r.date_key or "" for r in precise)
        top = max(day_counts.values())
        chosen_day = min(d for d, n in day_counts.items() if n == top)
        chosen = next(r for r in precise if r.date_key == chosen_day)
        incident.date, incident.date_key = chosen.date, chosen.date_key
        incident.date_last, incident.time_precision = chosen.date_last or chosen.date_key, chosen.time_precision
    else:
        incident.date = incident.date_key = incident.date_last = None
        incident.time_precision = 3
    for slot in ("actor1", "actor2"):
        name = _most_common(getattr(r, slot) for r in reports)
        english = next((getattr(r, f"{slot}_en") for r in reports if getattr(r, slot) == name
                        and getattr(r, f"{slot}_en")), None)
        setattr(incident, slot, name)
        setattr(incident, f"{slot}_en", english)
    stated = [r.fatalities for r in reports if r.fatalities is not None]
    incident.fatalities = min(stated) if stated else None
    return incident


def _window(event: EventRecord) -> tuple[str | None, str | None]:
    first, last = _days(event.date_key), _days(event.date_last or event.date_key)
    if first is None or last is None:
        return None, None
    return (first - dt.timedelta(days=1)).isoformat(), (last + dt.timedelta(days=1)).isoformat()


def _compatible(a: Incident, b: Incident, config: LinkConfig) -> bool:
    """Whether two incidents may be one: no shared article and no report of one rules out one of the other."""
    return all(incident_score(report, b, config) is not None for report in a.events)


def _link_one(index: IncidentIndex, event: EventRecord, config: LinkConfig, report: LinkReport) -> None:
    if event.incident_hint is not None:
        previous = index.incident(event.incident_hint)
        if previous is not None and (not previous.events or incident_score(event, previous, config) is not None):
            previous.events.append(event)
            index.save_incident(pick_fields(previous), id_prefix(previous.country))
            report.linked += 1
            report.joined += 1
            report.updated.add(previous.id or "")
            return
    first, last = _window(event)
    candidates = [] if first is None else index.incidents_near(event.country, first, last)
    family = TYPE_FAMILY.get(event.event_type)
    kin = [inc for inc in candidates if TYPE_FAMILY.get(inc.event_type) == family]
    scored = []
    for incident in kin:
        score = incident_score(event, incident, config)
        if score is not None and len(kin) == 1:
            score += config.only_candidate
        if score is not None and score >= config.threshold:
            scored.append((score, incident))
    if not scored:
        incident = pick_fields(Incident(id=None, event_type=event.event_type,
                                        sub_event_type=event.sub_event_type, events=[event]))
        index.save_incident(incident, id_prefix(event.country))
        report.linked += 1
        report.created += 1
        report.updated.add(incident.id or "")
        return
    scored.sort(key=lambda pair: (-pair[0], pair[1].created_at))
    best = scored[0][1]
    best.events.append(event)
    # the event may show that other candidates report the same event too: ACLED keeps one row,
    # so they merge into the oldest of them, and the others go to the deletion feed
    group = [best] + [inc for _, inc in scored[1:] if _compatible(inc, best, config)]
    keeper = min(group, key=lambda inc: (inc.created_at, inc.id or ""))
    for other in group:
        if other is keeper:
            continue
        keeper.events.extend(other.events)
        index.delete_incident(other.id or "", reason="merged", replaced_by=keeper.id)
        report.merged += 1
    index.save_incident(pick_fields(keeper), id_prefix(keeper.country))
    report.linked += 1
    report.joined += 1
    report.updated.add(keeper.id or "")


def link_pending(index: IncidentIndex, config: LinkConfig = LinkConfig(), *, batch: int = 500) -> LinkReport:
    """Link every event of the store that has no incident, then refresh or delete stale incidents."""
    report = LinkReport()
    seen: set[tuple[str, str]] = set()
    while True:
        events = index.pending_events(batch)
        if not events:
            break
        keys = {(e.doc_id, e.event_id) for e in events}
        if keys <= seen:
            raise RuntimeError("incident linking made no progress: the store did not record the links")
        seen |= keys
        for event in events:
            _link_one(index, event, config, report)
    for incident in index.stale_incidents():
        if not incident.events:
            index.delete_incident(incident.id or "", reason="retracted")
            report.deleted += 1
            report.updated.discard(incident.id or "")
        else:
            index.save_incident(pick_fields(incident), id_prefix(incident.country))
            report.updated.add(incident.id or "")
    return report


def link_incidents(store: IndexedStore, config: LinkConfig = LinkConfig()) -> LinkReport:
    """Link the store's unlinked events into incidents, in one transaction under the store's write lock."""
    with store.incident_index() as index:
        return link_pending(index, config)


class MemoryIndex:
    """An :class:`IncidentIndex` in memory: link events without a store (tuning, tests, one-off batches).

    Events are kept in insertion order; incidents by id. It scans its incidents for candidates, so
    it is for thousands of events, not for a store's hundred thousand.
    """

    def __init__(self, events: Iterable[EventRecord] = ()) -> None:
        self.events: list[EventRecord] = list(events)
        self.incidents: dict[str, Incident] = {}
        self.deleted: list[tuple[str, str, str | None]] = []  # (incident id, reason, replaced by)
        self._counters: Counter[str] = Counter()

    def add(self, events: Iterable[EventRecord]) -> None:
        """Add events to link (a document stored, in a store's terms)."""
        self.events.extend(events)

    def pending_events(self, limit: int = 500) -> list[EventRecord]:
        return [e for e in self.events if e.incident_id is None][:limit]

    def incidents_near(self, country: str | None, first_day: str | None,
                       last_day: str | None) -> list[Incident]:
        out = []
        for incident in self.incidents.values():
            if incident.country != country:
                continue
            if first_day is None or last_day is None:
                if incident.date_key is None:
                    out.append(incident)
            elif incident.date_key is not None and incident.date_key <= last_day \
                    and (incident.date_last or incident.date_key) >= first_day:
                out.append(incident)
        return out

    def incident(self, incident_id: str) -> Incident | None:
        return self.incidents.get(incident_id)

    def stale_incidents(self) -> list[Incident]:
        return []

    def save_incident(self, incident: Incident, prefix: str) -> str:
        if incident.id is None:
            self._counters[prefix] += 1
            incident.id = f"{prefix}{self._counters[prefix]}"
            incident.created_at = float(len(self.incidents) + len(self.deleted))
        self.incidents[incident.id] = incident
        for event in incident.events:
            event.incident_id, event.incident_hint = incident.id, None
        return incident.id

    def delete_incident(self, incident_id: str, *, reason: str, replaced_by: str | None = None) -> None:
        self.incidents.pop(incident_id, None)
        self.deleted.append((incident_id, reason, replaced_by))
