"""Events flattened into ACLED rows: ACLED's columns in ACLED's order, then marsad's own.

Shared by the CSV and GeoJSON writers. ACLED conventions followed here: actor names in English
(the actor's ``name_en``, else the Arabic name as found), ``iso`` the numeric ISO 3166 code,
``country`` and ``region`` as ACLED writes them (``data/countries.tsv``), ``event_id_cnty`` the
ISO3 code plus a number that is stable for the same article and event, ``event_date`` YYYY-MM-DD
(a month or year is written as its first day with ``time_precision`` 3), ``fatalities`` 0 when the
text is silent (marsad's ``fatalities_stated`` column keeps the difference).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marsad.document import ActorRef, Document, Event, Incident
from marsad.errors import DataFileError
from marsad.resources import read_tsv

# (effective date YYYY-MM-DD or None, country ISO2 or "", confidence or None) -> keep the event?
# The store's EventFilter.keeps fits; export takes a plain callable so that it need not import the store.
EventPredicate = Callable[[str | None, str, float | None], bool]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
MARSAD_COLUMNS: tuple[str, ...] = (
    "article_id", "event_id", "url", "published", "evidence_start", "evidence_end", "evidence_text",
    "quotes_count", "actor1_ar", "actor2_ar", "location_ar", "target_ar", "actor1_claimed",
    "historical", "fatalities_stated", "plover", "confidence", "incident_id",
)
# One row per incident (``marsad export --incidents``, ``marsad.load``): ACLED's columns, where
# ``event_id_cnty`` is the incident's id and ``source`` every outlet that reported it, then these.
INCIDENT_COLUMNS: tuple[str, ...] = (
    *ACLED_COLUMNS,
    "incident_id", "reports", "article_ids", "location_ar", "actor1_ar", "actor2_ar", "created_at", "updated_at",
)
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + MARSAD_COLUMNS

# ACLED's disorder type of each event type; Protests/Excessive force against protesters and
# Riots/Mob violence are the exceptions ACLED codes differently (see _disorder_type).
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


_DATE_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ].*)?)?)?$")


def date_key(value: str | None) -> str | None:
    """A contract date (YYYY-MM-DD, YYYY-MM, YYYY or ISO 8601) as the YYYY-MM-DD of its first day.

    >>> date_key("2017-06"), date_key("2017-06-09T10:00:00+01:00"), date_key("soon")
    ('2017-06-01', '2017-06-09', None)
    """
    m = _DATE_PREFIX.match(value.strip()) if value else None
    if m is None:
        return None
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}"


@dataclass(frozen=True, slots=True)
class Country:
    """One row of ``data/countries.tsv``."""

    iso2: str
    iso3: str
    iso_numeric: int
    name_en: str
    name_ar: str
    region: str


@functools.cache
def countries() -> dict[str, Country]:
    """Countries by ISO 3166-1 alpha-2 code, read once from the packaged ``countries.tsv``."""
    table: dict[str, Country] = {}
    for row in read_tsv("countries.tsv"):
        if len(row) < 6:
            raise DataFileError(f"countries.tsv: row {row!r} has {len(row)} columns, expected 6")
        table[row[0]] = Country(row[0], row[1], int(row[2]), row[3], row[4], row[5])
    return table


def event_number(article_id: str, event_id: str) -> int:
    """A stable 8-digit number for one event of one article (the digits of ``event_id_cnty``).

    >>> event_number("a1", "ev1") == event_number("a1", "ev1") != event_number("a1", "ev2")
    True
    """
    digest = hashlib.sha256(f"{article_id}\x00{event_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 100_000_000


def _disorder_type(event: Event) -> str:
    if event.disorder_type:
        return event.disorder_type
    if event.sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event.sub_event_type == "Mob violence":
        return "Political violence"
    return _DISORDER.get(event.event_type, "")


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    # ACLED's interaction code: the two inter codes, smaller first (12 = state forces vs rebels);
    # one actor alone gives its code times ten (10 = state forces only).
    if inter1 is None and inter2 is None:
        return None
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    return codes[0] * 10 if len(codes) == 1 else codes[0] * 10 + codes[1]


class _Names:
    """English and Arabic names of the actors and places of one document."""

    def __init__(self, doc: Document) -> None:
        self.actors = {a.id: a for a in doc.actors}
        self.places = {p.id: p for p in doc.places}

    def actor_en(self, ref: ActorRef | None) -> str:
        if ref is None:
            return ""
        actor = self.actors.get(ref.actor_id or "")
        return (actor.name_en if actor and actor.name_en else None) or ref.name

    def inter(self, ref: ActorRef | None) -> int | None:
        actor = self.actors.get(ref.actor_id or "") if ref else None
        return actor.inter if actor else None


def _event_date(event: Event, published: str | None) -> tuple[str, int]:
    # A month or a year is written as its first day, which ACLED marks time_precision 3; an
    # undated event takes the article's publication date, also at precision 3.
    own = date_key(event.date)
    if own is not None:
        precision = event.time_precision if event.date and len(event.date) >= 10 else 3
        return own, precision
    fallback = date_key(published)
    return (fallback, 3) if fallback else ("", 3)


def event_rows(doc: Document, *, stored_at: float | None = None,
               keep: EventPredicate | None = None) -> Iterator[dict[str, Any]]:
    """One typed row (``COLUMNS`` order) per event of ``doc`` that passes ``events``.

    Args:
        doc: a document result.
        stored_at: when it was stored (Unix seconds): ACLED's ``timestamp``; None leaves it empty.
        keep: which events to keep, given their effective date, country and confidence; None keeps all.
    """
    names = _Names(doc)
    table = countries()
    article = doc.article
    published = article.published
    quotes_count = len(doc.quotes)
    for event in doc.events:
        event_date, precision = _event_date(event, published)
        loc = event.location
        iso2 = (loc.country if loc else None) or ""
        if keep is not None and not keep(date_key(event.date) or date_key(published), iso2, event.confidence):
            continue
        country = table.get(iso2.upper())
        place = names.places.get(loc.place_id or "") if loc else None
        inter1 = event.inter1 if event.inter1 is not None else names.inter(event.actor1)
        inter2 = event.inter2 if event.inter2 is not None else names.inter(event.actor2)
        interaction = event.interaction if event.interaction is not None else _interaction(inter1, inter2)
        location_en = ""
        if loc is not None:
            location_en = loc.name_en or (place.name_en if place and place.name_en else None) or loc.name
        year: int | str = ""
        if event_date:
            year = dt.date.fromisoformat(event_date).year
        yield {
            "event_id_cnty": f"{country.iso3 if country else (iso2 or 'XXX')}"
                             f"{event_number(article.id, event.id)}",
            "event_date": event_date,
            "year": year,
            "time_precision": precision,
            "disorder_type": _disorder_type(event),
            "event_type": event.event_type,
            "sub_event_type": event.sub_event_type,
            "actor1": names.actor_en(event.actor1),
            "assoc_actor_1": "; ".join(names.actor_en(r) for r in event.assoc_actor_1),
            "inter1": inter1,
            "actor2": names.actor_en(event.actor2),
            "assoc_actor_2": "; ".join(names.actor_en(r) for r in event.assoc_actor_2),
            "inter2": inter2,
            "interaction": interaction,
            "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
            "iso": country.iso_numeric if country else None,
            "region": country.region if country else "",
            "country": country.name_en if country else iso2,
            "admin1": (loc.admin1 if loc else None) or "",
            "admin2": "",
            "admin3": "",
            "location": location_en,
            "latitude": loc.lat if loc else None,
            "longitude": loc.lon if loc else None,
            "geo_precision": loc.geo_precision if loc else None,
            "source": article.source or "",
            "source_scale": "",
            "notes": event.notes,
            "fatalities": event.fatalities if event.fatalities is not None else 0,
            "tags": "",
            "timestamp": int(stored_at) if stored_at is not None else None,
            "article_id": article.id,
            "event_id": event.id,
            "url": article.url or "",
            "published": published or "",
            "evidence_start": event.evidence.start,
            "evidence_end": event.evidence.end,
            "evidence_text": event.evidence.text,
            "quotes_count": quotes_count,
            "actor1_ar": event.actor1.name if event.actor1 else "",
            "actor2_ar": event.actor2.name if event.actor2 else "",
            "location_ar": loc.name if loc else "",
            "target_ar": event.target or "",
            "actor1_claimed": event.actor1_claimed,
            "historical": event.historical,
            "fatalities_stated": event.fatalities is not None,
            "plover": event.plover or "",
            "confidence": event.confidence,
            "incident_id": event.incident_id or "",
        }



def incident_rows(incidents: Iterable[Incident], *,
                  keep: EventPredicate | None = None) -> Iterator[dict[str, Any]]:
    """One typed row (``INCIDENT_COLUMNS`` order) per incident: ACLED's row of one real-world event.

    ``keep`` is given the incident's date, country and None (incidents carry no confidence).
    """
    table = countries()
    for incident in incidents:
        iso2 = (incident.country or "").upper()
        if keep is not None and not keep(incident.date_key, iso2, None):
            continue
        country = table.get(iso2)
        year: int | str = dt.date.fromisoformat(incident.date_key).year if incident.date_key else ""
        disorder = _DISORDER.get(incident.event_type, "")
        if incident.sub_event_type == "Excessive force against protesters":
            disorder = "Political violence; Demonstrations"
        elif incident.sub_event_type == "Mob violence":
            disorder = "Political violence"
        notes = next((e.evidence for e in incident.events if e.evidence), "")
        yield {
            "event_id_cnty": incident.id or "",
            "event_date": incident.date_key or "",
            "year": year,
            "time_precision": incident.time_precision,
            "disorder_type": disorder,
            "event_type": incident.event_type,
            "sub_event_type": incident.sub_event_type,
            "actor1": incident.actor1_en or incident.actor1 or "",
            "assoc_actor_1": "",
            "inter1": None,
            "actor2": incident.actor2_en or incident.actor2 or "",
            "assoc_actor_2": "",
            "inter2": None,
            "interaction": None,
            "civilian_targeting": "",
            "iso": country.iso_numeric if country else None,
            "region": country.region if country else "",
            "country": country.name_en if country else iso2,
            "admin1": incident.admin1 or "",
            "admin2": "",
            "admin3": "",
            "location": incident.location_en or incident.location or "",
            "latitude": incident.lat,
            "longitude": incident.lon,
            "geo_precision": incident.geo_precision,
            "source": "; ".join(incident.sources),
            "source_scale": "",
            "notes": notes,
            "fatalities": incident.fatalities if incident.fatalities is not None else 0,
            "tags": "",
            "timestamp": int(incident.updated_at) if incident.updated_at else None,
            "incident_id": incident.id or "",
            "reports": len(incident.events),
            "article_ids": "; ".join(dict.fromkeys(e.doc_id for e in incident.events)),
            "location_ar": incident.location or "",
            "actor1_ar": incident.actor1 or "",
            "actor2_ar": incident.actor2 or "",
            "created_at": incident.created_at,
            "updated_at": incident.updated_at,
        }
