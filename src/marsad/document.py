"""The document model of the contract (shared/spec/OUTPUT.md): records, JSON round trip, offset check.

An :class:`Article` comes in; a :class:`Document` goes through the stages and comes out. The
article text never changes: every annotation that points into it carries ``start``/``end``
(Python ``str`` indices, end exclusive) and its surface ``text``, and
:meth:`Document.check_offsets` proves ``text[start:end] == surface`` for all of them.

Records are plain mutable dataclasses with ``__slots__``: stages build them and append them to the
document. ``to_dict`` methods are written out by hand rather than using ``dataclasses.asdict``,
which is several times slower on the hot path of a 10,000-article batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from marsad.errors import InputError, WarningCode

CONTRACT_VERSION = 1

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "FAC")
ACTOR_CATEGORIES = ("state", "armed_group", "political", "civilians", "external", "media", "other")
PLACE_KINDS = ("facility", "city", "admin1", "country", "region")
DATE_PRECISIONS = ("day", "week", "month", "year")

JSON = dict[str, Any]

# Lone UTF-16 surrogates: a JSON escape such as "\ud800" puts one in a Python string, but it is no
# character, and no UTF-8 output (a results file, the store, a web page) can hold it.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of ``Article.text``; ``end`` is exclusive."""

    start: int
    end: int


@dataclass(slots=True, kw_only=True)
class Article:
    """One input record of the contract. ``text`` is exactly the input; all offsets index into it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    # Problems found while reading the input (encoding guessed, record repaired ...): they are
    # copied into the result's ``warnings`` so that nothing about the input is lost silently.
    warnings: list[ResultWarning] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """SHA-256 of what the pipeline reads; with ``id`` it decides whether a stored result is current."""
        h = hashlib.sha256()
        for part in (self.title or "", self.published or "", self.text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()

    def to_dict(self) -> JSON:
        return {"id": self.id, "text": self.text, "title": self.title, "published": self.published,
                "url": self.url, "source": self.source}

    def replace_surrogates(self) -> list[str]:
        """Replace each lone surrogate in the fields by U+FFFD; return the names of the fields changed.

        One code point for one, so offsets into ``text`` are those of the input.

        >>> article = Article(id="a", text="قصف " + chr(0xD800) + " بغداد")
        >>> article.replace_surrogates(), article.text == "قصف \ufffd بغداد"
        (['text'], True)
        """
        changed = []
        for name in ("id", "text", "title", "published", "url", "source"):
            value = getattr(self, name)
            if value and _SURROGATE_RE.search(value):
                setattr(self, name, _SURROGATE_RE.sub("\ufffd", value))
                changed.append(name)
        return changed

    @classmethod
    def from_dict(cls, data: JSON) -> Article:
        """Build an article from an input record; raise :class:`InputError` naming the bad field."""
        if not isinstance(data, dict):
            raise InputError(f"an input record must be a JSON object, got {type(data).__name__}")
        text = data.get("text")
        if not isinstance(text, str):
            raise InputError("field 'text' is missing or not a string")
        doc_id = data.get("id")
        if doc_id is None or doc_id == "":
            doc_id = "sha-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        elif not isinstance(doc_id, (str, int)):
            raise InputError(f"field 'id' must be a string, got {type(doc_id).__name__}")
        for key in ("title", "published", "url", "source"):
            value = data.get(key)
            if value is not None and not isinstance(value, str):
                raise InputError(f"field {key!r} must be a string or null, got {type(value).__name__}")
        return cls(id=str(doc_id), text=text, title=data.get("title"), published=data.get("published"),
                   url=data.get("url"), source=data.get("source"))


@dataclass(slots=True, kw_only=True)
class ResultWarning:
    """One entry of a result's ``warnings``: a code from :class:`WarningCode` and a readable message."""

    code: str
    message: str
    stage: str | None = None

    def to_dict(self) -> JSON:
        out: JSON = {"code": self.code, "message": self.message}
        if self.stage:
            out["stage"] = self.stage
        return out

    @classmethod
    def from_dict(cls, data: JSON) -> ResultWarning:
        return cls(code=str(data.get("code", "")), message=str(data.get("message", "")),
                   stage=data.get("stage"))


@dataclass(slots=True, kw_only=True)
class Mention:
    """An entity mention: a PER/ORG/GPE/LOC/FAC name in the text, without attached proclitics."""

    id: str
    type: str
    text: str
    start: int
    end: int
    actor_id: str | None = None
    place_id: str | None = None
    source: str = ""  # which finder produced it: "crf", "lexicon", "pattern", ...

    def to_dict(self) -> JSON:
        out: JSON = {"id": self.id, "type": self.type, "text": self.text, "start": self.start,
                     "end": self.end, "actor_id": self.actor_id}
        if self.place_id:
            out["place_id"] = self.place_id
        if self.source:
            out["source"] = self.source
        return out

    @classmethod
    def from_dict(cls, data: JSON) -> Mention:
        return cls(id=data["id"], type=data["type"], text=data["text"], start=data["start"],
                   end=data["end"], actor_id=data.get("actor_id"), place_id=data.get("place_id"),
                   source=data.get("source") or "")


@dataclass(slots=True, kw_only=True)
class Actor:
    """One real-world referent that mentions resolve to."""

    id: str
    name: str
    type: str
    name_en: str | None = None
    aliases: list[str] = field(default_factory=list)
    category: str = "other"
    inter: int | None = None  # ACLED inter code (1 state forces ... 8 external/other forces)
    country: str | None = None
    wikidata: str | None = None
    lexicon_id: str | None = None  # key of the actor lexicon entry that matched, if any

    def to_dict(self) -> JSON:
        return {"id": self.id, "name": self.name, "name_en": self.name_en, "type": self.type,
                "aliases": list(self.aliases), "category": self.category, "inter": self.inter,
                "country": self.country, "wikidata": self.wikidata, "lexicon_id": self.lexicon_id}

    @classmethod
    def from_dict(cls, data: JSON) -> Actor:
        return cls(id=data["id"], name=data["name"], type=data.get("type") or "ORG",
                   name_en=data.get("name_en"), aliases=list(data.get("aliases") or []),
                   category=data.get("category") or "other", inter=data.get("inter"),
                   country=data.get("country"), wikidata=data.get("wikidata"),
                   lexicon_id=data.get("lexicon_id"))


@dataclass(slots=True, kw_only=True)
class Place:
    """A resolved place: coordinates, first-level division and country, with the rule that decided."""

    id: str
    name: str
    kind: str
    name_en: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    geo_precision: int = 3
    rule: str = ""
    mention_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> JSON:
        return {"id": self.id, "name": self.name, "name_en": self.name_en, "admin1": self.admin1,
                "country": self.country, "lat": self.lat, "lon": self.lon,
                "geonameid": self.geonameid, "kind": self.kind, "geo_precision": self.geo_precision,
                "rule": self.rule, "mention_ids": list(self.mention_ids)}

    @classmethod
    def from_dict(cls, data: JSON) -> Place:
        return cls(id=data["id"], name=data["name"], kind=data.get("kind") or "city",
                   name_en=data.get("name_en"), admin1=data.get("admin1"),
                   country=data.get("country"), lat=data.get("lat"), lon=data.get("lon"),
                   geonameid=data.get("geonameid"), geo_precision=data.get("geo_precision") or 3,
                   rule=data.get("rule") or "", mention_ids=list(data.get("mention_ids") or []))


def period_start(value: str | None) -> dt.date | None:
    """The first day of the period a date value (YYYY, YYYY-MM or YYYY-MM-DD) names; None when it names none.

    >>> period_start("2017-06"), period_start("2014"), period_start("2017-13"), period_start(None)
    (datetime.date(2017, 6, 1), datetime.date(2014, 1, 1), None, None)
    """
    parts = [int(p) for p in (value or "").split("-") if p.isdigit()]
    try:
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


@dataclass(slots=True, kw_only=True)
class DateValue:
    """A date expression: its span, calendar value (YYYY-MM-DD, YYYY-MM or YYYY) and precision."""

    text: str
    start: int
    end: int
    value: str | None
    precision: str  # day | week | month | year
    time_precision: int = 3  # ACLED: 1 day, 2 week / a few days, 3 month or wider
    relative: bool = False
    rule: str = ""

    def to_dict(self) -> JSON:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "precision": self.precision, "time_precision": self.time_precision,
                "relative": self.relative, "rule": self.rule}

    @classmethod
    def from_dict(cls, data: JSON) -> DateValue:
        return cls(text=data["text"], start=data["start"], end=data["end"], value=data.get("value"),
                   precision=data.get("precision") or "day",
                   time_precision=data.get("time_precision") or 3,
                   relative=bool(data.get("relative")), rule=data.get("rule") or "")


@dataclass(slots=True, kw_only=True)
class ActorRef:
    """A pointer from a quote or event to an actor: the name as coded, and the actor's id."""

    name: str
    actor_id: str | None = None
    # ACLED's English name of the actor as coded in the event: the lexicon actor's own, or the
    # generic actor a description stands for ("Unidentified Armed Group (Libya)", "Civilians (Iraq)").
    name_en: str | None = None

    def to_dict(self) -> JSON:
        out: JSON = {"name": self.name, "actor_id": self.actor_id}
        if self.name_en:
            out["name_en"] = self.name_en
        return out

    @classmethod
    def from_dict(cls, data: JSON | None) -> ActorRef | None:
        if not data:
            return None
        return cls(name=data.get("name") or "", actor_id=data.get("actor_id"), name_en=data.get("name_en"))


@dataclass(slots=True, kw_only=True)
class Quote:
    """An attributed statement: who said it (named or anonymous), the cue verb, and the content span."""

    speaker: ActorRef | None
    speaker_text: str | None
    speaker_role: str | None
    anonymous: bool
    cue: str
    direct: bool
    content: str
    start: int
    end: int
    outlet: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None

    def to_dict(self) -> JSON:
        return {"speaker": self.speaker.to_dict() if self.speaker else None,
                "speaker_text": self.speaker_text, "speaker_role": self.speaker_role,
                "anonymous": self.anonymous, "cue": self.cue, "direct": self.direct,
                "content": self.content, "start": self.start, "end": self.end,
                "outlet": self.outlet, "speaker_start": self.speaker_start,
                "speaker_end": self.speaker_end, "cue_start": self.cue_start,
                "cue_end": self.cue_end}

    @classmethod
    def from_dict(cls, data: JSON) -> Quote:
        return cls(speaker=ActorRef.from_dict(data.get("speaker")),
                   speaker_text=data.get("speaker_text"), speaker_role=data.get("speaker_role"),
                   anonymous=bool(data.get("anonymous")), cue=data.get("cue") or "",
                   direct=bool(data.get("direct")), content=data.get("content") or "",
                   start=data["start"], end=data["end"], outlet=data.get("outlet"),
                   speaker_start=data.get("speaker_start"), speaker_end=data.get("speaker_end"),
                   cue_start=data.get("cue_start"), cue_end=data.get("cue_end"))


@dataclass(slots=True, kw_only=True)
class EventLocation:
    """Where an event happened, with ACLED's geo_precision (1 exact, 2 near, 3 region)."""

    name: str
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 3
    place_id: str | None = None
    name_en: str | None = None

    def to_dict(self) -> JSON:
        return {"name": self.name, "name_en": self.name_en, "admin1": self.admin1,
                "country": self.country, "lat": self.lat, "lon": self.lon,
                "geo_precision": self.geo_precision, "place_id": self.place_id}

    @classmethod
    def from_dict(cls, data: JSON | None) -> EventLocation | None:
        if not data:
            return None
        return cls(name=data.get("name") or "", admin1=data.get("admin1"),
                   country=data.get("country"), lat=data.get("lat"), lon=data.get("lon"),
                   geo_precision=data.get("geo_precision") or 3, place_id=data.get("place_id"),
                   name_en=data.get("name_en"))


@dataclass(slots=True, kw_only=True)
class Evidence:
    """The span of text that reports an event."""

    start: int
    end: int
    text: str

    def to_dict(self) -> JSON:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True, kw_only=True)
class Event:
    """One coded event, ACLED-style, with PLOVER beside it and the evidence span."""

    id: str
    event_type: str
    sub_event_type: str
    evidence: Evidence
    disorder_type: str | None = None
    plover: str | None = None
    plover_mode: list[str] = field(default_factory=list)
    actor1: ActorRef | None = None
    actor1_claimed: bool = False
    assoc_actor_1: list[ActorRef] = field(default_factory=list)
    actor2: ActorRef | None = None
    assoc_actor_2: list[ActorRef] = field(default_factory=list)
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: bool = False
    target: str | None = None
    location: EventLocation | None = None
    date: str | None = None
    time_precision: int = 3
    fatalities: int | None = None
    historical: bool = False
    notes: str = ""
    confidence: float | None = None
    # The incident (events of several articles reporting one real-world event) this event belongs
    # to; set only on documents read from a store, so an extraction's output never carries it.
    incident_id: str | None = None

    def to_dict(self) -> JSON:
        data = self._to_dict()
        if self.incident_id is not None:
            data["incident_id"] = self.incident_id
        return data

    def _to_dict(self) -> JSON:
        return {"id": self.id, "event_type": self.event_type, "sub_event_type": self.sub_event_type,
                "disorder_type": self.disorder_type, "plover": self.plover,
                "plover_mode": list(self.plover_mode),
                "actor1": self.actor1.to_dict() if self.actor1 else None,
                "actor1_claimed": self.actor1_claimed,
                "assoc_actor_1": [a.to_dict() for a in self.assoc_actor_1],
                "actor2": self.actor2.to_dict() if self.actor2 else None,
                "assoc_actor_2": [a.to_dict() for a in self.assoc_actor_2],
                "inter1": self.inter1, "inter2": self.inter2, "interaction": self.interaction,
                "civilian_targeting": self.civilian_targeting, "target": self.target,
                "location": self.location.to_dict() if self.location else None,
                "date": self.date, "time_precision": self.time_precision,
                "fatalities": self.fatalities, "historical": self.historical,
                "evidence": self.evidence.to_dict(), "notes": self.notes,
                "confidence": self.confidence}

    @classmethod
    def from_dict(cls, data: JSON) -> Event:
        ev = data.get("evidence") or {}
        return cls(id=data["id"], event_type=data["event_type"],
                   sub_event_type=data.get("sub_event_type") or "",
                   evidence=Evidence(start=ev.get("start", 0), end=ev.get("end", 0),
                                     text=ev.get("text", "")),
                   disorder_type=data.get("disorder_type"), plover=data.get("plover"),
                   plover_mode=list(data.get("plover_mode") or []),
                   actor1=ActorRef.from_dict(data.get("actor1")),
                   actor1_claimed=bool(data.get("actor1_claimed")),
                   assoc_actor_1=[r for r in map(ActorRef.from_dict, data.get("assoc_actor_1") or []) if r],
                   actor2=ActorRef.from_dict(data.get("actor2")),
                   assoc_actor_2=[r for r in map(ActorRef.from_dict, data.get("assoc_actor_2") or []) if r],
                   inter1=data.get("inter1"), inter2=data.get("inter2"),
                   interaction=data.get("interaction"),
                   civilian_targeting=bool(data.get("civilian_targeting")),
                   target=data.get("target"), location=EventLocation.from_dict(data.get("location")),
                   date=data.get("date"), time_precision=data.get("time_precision") or 3,
                   fatalities=data.get("fatalities"), historical=bool(data.get("historical")),
                   notes=data.get("notes") or "", confidence=data.get("confidence"),
                   incident_id=data.get("incident_id"))


@dataclass(slots=True)
class Document:
    """An article as it goes through the pipeline, and the result that comes out.

    ``sentences`` and ``tokens`` are working state of the text layer (spans over ``text``); they
    are rebuilt by the ``segment`` stage and are not part of the JSON result.
    """

    article: Article
    language: str = "ar"
    entities: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[ResultWarning] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    # (start, end) of each token, proclitics not split; see marsad.text.segment
    tokens: list[tuple[int, int]] = field(default_factory=list)
    # Working state that one stage hands to later ones (e.g. the folded view); never serialised.
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    def add_warning(self, code: WarningCode | str, message: str, *, stage: str | None = None) -> Document:
        """Record a problem in the result (never raises); return the document for chaining."""
        self.warnings.append(ResultWarning(code=str(code), message=message, stage=stage))
        return self

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        if actor_id is None:
            return None
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def place(self, place_id: str | None) -> Place | None:
        """The place with this id, or None."""
        if place_id is None:
            return None
        for p in self.places:
            if p.id == place_id:
                return p
        return None

    def to_dict(self) -> JSON:
        """The contract's document result (shared/spec/OUTPUT.md), JSON-ready."""
        a = self.article
        return {"id": a.id, "title": a.title, "published": a.published, "url": a.url,
                "source": a.source, "language": self.language, "contract": CONTRACT_VERSION,
                "content_hash": a.content_hash, "text": a.text,
                "entities": [m.to_dict() for m in self.entities],
                "actors": [x.to_dict() for x in self.actors],
                "places": [p.to_dict() for p in self.places],
                "dates": [d.to_dict() for d in self.dates],
                "quotes": [q.to_dict() for q in self.quotes],
                "events": [e.to_dict() for e in self.events],
                "warnings": [w.to_dict() for w in self.warnings]}

    @classmethod
    def from_dict(cls, data: JSON) -> Document:
        """Rebuild a document from a result written by :meth:`to_dict`."""
        article = Article(id=str(data["id"]), text=data.get("text") or "", title=data.get("title"),
                          published=data.get("published"), url=data.get("url"),
                          source=data.get("source"))
        return cls(article=article, language=data.get("language") or "ar",
                   entities=[Mention.from_dict(x) for x in data.get("entities") or []],
                   actors=[Actor.from_dict(x) for x in data.get("actors") or []],
                   places=[Place.from_dict(x) for x in data.get("places") or []],
                   dates=[DateValue.from_dict(x) for x in data.get("dates") or []],
                   quotes=[Quote.from_dict(x) for x in data.get("quotes") or []],
                   events=[Event.from_dict(x) for x in data.get("events") or []],
                   warnings=[ResultWarning.from_dict(x) for x in data.get("warnings") or []])

    def offset_errors(self) -> list[str]:
        """Every record whose ``text[start:end]`` differs from its surface string, as messages."""
        text = self.article.text
        n = len(text)
        errors: list[str] = []

        def check(what: str, start: int | None, end: int | None, surface: str | None) -> None:
            if start is None or end is None:
                return
            if not (0 <= start <= end <= n):
                errors.append(f"{what}: span {start}:{end} outside text of length {n}")
            elif surface is not None and text[start:end] != surface:
                errors.append(f"{what}: text[{start}:{end}] is {text[start:end]!r}, record says {surface!r}")

        for m in self.entities:
            check(f"entity {m.id}", m.start, m.end, m.text)
        for d in self.dates:
            check(f"date {d.text!r}", d.start, d.end, d.text)
        for i, q in enumerate(self.quotes):
            check(f"quote {i}", q.start, q.end, q.content)
            check(f"quote {i} speaker", q.speaker_start, q.speaker_end, q.speaker_text)
            check(f"quote {i} cue", q.cue_start, q.cue_end, q.cue)
        for e in self.events:
            check(f"event {e.id} evidence", e.evidence.start, e.evidence.end, e.evidence.text)
        for s in self.sentences:
            check("sentence", s.start, s.end, None)
        ids = {m.id for m in self.entities}
        actor_ids = {a.id for a in self.actors}
        place_ids = {p.id for p in self.places}
        for m in self.entities:
            if m.actor_id is not None and m.actor_id not in actor_ids:
                errors.append(f"entity {m.id}: actor_id {m.actor_id} names no actor")
            if m.place_id is not None and m.place_id not in place_ids:
                errors.append(f"entity {m.id}: place_id {m.place_id} names no place")
        for p in self.places:
            errors.extend(f"place {p.id}: mention {x} does not exist" for x in p.mention_ids if x not in ids)
        return errors

    def check_offsets(self) -> None:
        """Raise AssertionError listing every record whose offsets do not match the text."""
        errors = self.offset_errors()
        if errors:
            raise AssertionError(f"{self.id}: " + "; ".join(errors[:20]))


# --- records of a store: flattened events and incidents (what queries, linking and the API read) ---


@dataclass(slots=True, kw_only=True)
class EventRecord:
    """One stored event, flattened into the fields analysts filter on and incident linking compares.

    ``date_key`` is the first day of the event's date (a month counts as its first day), or of its
    article's published date when the event is undated; ``date_last`` is the last day the date can
    mean (the month's last day for a month), so a vague date covers a range instead of one day.
    """

    doc_id: str
    event_id: str
    event_type: str
    sub_event_type: str
    date: str | None = None
    date_key: str | None = None
    date_last: str | None = None
    time_precision: int = 3
    relative_date: bool = False  # the date came from "yesterday" (أمس، البارحة): it may be a day off
    country: str | None = None  # ISO 3166-1 alpha-2, upper case
    admin1: str | None = None
    location: str | None = None
    location_en: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    actor1_en: str | None = None
    actor2_en: str | None = None
    fatalities: int | None = None
    historical: bool = False
    confidence: float | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    evidence: str = ""
    incident_id: str | None = None
    # the incident this event belonged to before its article was re-extracted (it rejoins it)
    incident_hint: str | None = None

    def to_dict(self) -> JSON:
        return {name: getattr(self, name) for name in self.__slots__
                if name != "incident_hint"}


@dataclass(slots=True, kw_only=True)
class Incident:
    """One real-world event reported by one or more articles: ACLED's row, with all its sources.

    The fields are picked from the member events by ACLED's rules (see :mod:`marsad.dedup`); ``id``
    is ACLED-like (``IRQ12``: the country's ISO3 code and a sequence number), None until stored.
    """

    id: str | None
    event_type: str
    sub_event_type: str
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    location_en: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    date: str | None = None
    date_key: str | None = None
    date_last: str | None = None
    time_precision: int = 3
    actor1: str | None = None
    actor2: str | None = None
    actor1_en: str | None = None
    actor2_en: str | None = None
    fatalities: int | None = None
    created_at: float = 0.0  # Unix seconds
    updated_at: float = 0.0
    events: list[EventRecord] = field(default_factory=list)  # the reports, one per (article, event)

    @property
    def sources(self) -> list[str]:
        """The outlets that reported it, each once, in the order of their reports."""
        return list(dict.fromkeys(e.outlet for e in self.events if e.outlet))

    def to_dict(self) -> JSON:
        data: JSON = {name: getattr(self, name) for name in self.__slots__
                      if name != "events"}
        data["source"] = "; ".join(self.sources)
        data["events"] = [e.to_dict() for e in self.events]
        return data
