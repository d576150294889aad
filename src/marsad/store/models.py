"""The store's tables as SQLAlchemy 2 models: one schema for SQLite and PostgreSQL.

The models are the source of truth the store queries through; the alembic migrations in
``marsad/store/migrations/versions`` build the same tables step by step (a test compares the
migrated database with these models). Times are Unix seconds (float) as in schema version 1, so a
store written by marsad 0.1 upgrades in place.

``documents`` keeps one row per article id with the exact JSON line of its current result;
``document_versions`` every result it replaced; ``events`` one row per coded event, flattened
(the columns the API filters on, and its ``incident_id``); ``incidents`` one row per real-world
event, its fields picked from its events by ACLED's rules; ``deletions`` the feed of incidents and
events that disappeared (merged, retracted); ``sources`` the outlets; ``review_edits`` the
corrections analysts made; ``runs`` each ``marsad extract``; ``api_tokens`` the HTTP API's bearer
tokens (SHA-256 of the token, never the token).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """The declarative base of marsad's tables."""


class DocumentRow(Base):
    __tablename__ = "documents"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(Text, unique=True)
    content_hash: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text)
    published_key: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    stored_at: Mapped[float] = mapped_column(Float)
    result: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(Integer)
    # 1 for the first result stored under this id, +1 for each that replaced one
    version: Mapped[int] = mapped_column(Integer, server_default="1")


class DocumentVersionRow(Base):
    """A result that a later one replaced (re-extraction, a changed article): nothing is lost."""

    __tablename__ = "document_versions"

    doc_id: Mapped[str] = mapped_column(Text, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    stored_at: Mapped[float] = mapped_column(Float)
    replaced_at: Mapped[float] = mapped_column(Float)
    result: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("doc_id", "event_id", name="events_doc_event"),
        Index("events_doc", "doc_id"),
        Index("events_date", "date_key"),
        Index("events_country", "country", "date_key"),
        Index("events_incident", "incident_id"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(Text)
    event_id: Mapped[str] = mapped_column(Text)
    event_type: Mapped[str | None] = mapped_column(Text)
    sub_event_type: Mapped[str | None] = mapped_column(Text)
    actor1: Mapped[str | None] = mapped_column(Text)
    actor2: Mapped[str | None] = mapped_column(Text)
    event_date: Mapped[str | None] = mapped_column(Text)
    date_key: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    historical: Mapped[bool] = mapped_column(Boolean, default=False)
    # schema version 2
    date_last: Mapped[str | None] = mapped_column(Text)
    time_precision: Mapped[int | None] = mapped_column(Integer)
    relative_date: Mapped[bool] = mapped_column(Boolean, default=False)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    location_en: Mapped[str | None] = mapped_column(Text)
    actor1_en: Mapped[str | None] = mapped_column(Text)
    actor2_en: Mapped[str | None] = mapped_column(Text)
    # folded, lower-cased "actor1 | actor2 | actor1_en | actor2_en": what `actor=` searches
    actor1_key: Mapped[str | None] = mapped_column(Text)
    actor2_key: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)
    incident_id: Mapped[str | None] = mapped_column(Text)
    # the incident this event belonged to before its article was re-extracted: it rejoins it
    incident_hint: Mapped[str | None] = mapped_column(Text)


class IncidentRow(Base):
    __tablename__ = "incidents"
    __table_args__ = (
        Index("incidents_country_date", "country", "date_key"),
        Index("incidents_date", "date_key"),
        Index("incidents_updated", "updated_at"),
        Index("incidents_stale", "stale"),
    )

    id: Mapped[str] = mapped_column(Text, primary_key=True)
    country: Mapped[str | None] = mapped_column(Text)
    event_type: Mapped[str] = mapped_column(Text)
    sub_event_type: Mapped[str] = mapped_column(Text)
    event_date: Mapped[str | None] = mapped_column(Text)
    date_key: Mapped[str | None] = mapped_column(Text)
    date_last: Mapped[str | None] = mapped_column(Text)
    time_precision: Mapped[int] = mapped_column(Integer)
    admin1: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    location_en: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    actor1: Mapped[str | None] = mapped_column(Text)
    actor2: Mapped[str | None] = mapped_column(Text)
    actor1_en: Mapped[str | None] = mapped_column(Text)
    actor2_en: Mapped[str | None] = mapped_column(Text)
    actor1_key: Mapped[str | None] = mapped_column(Text)
    actor2_key: Mapped[str | None] = mapped_column(Text)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    n_events: Mapped[int] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(Text)  # the outlets, "; "-separated as in ACLED
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)
    # an event of it was removed (its article re-extracted): the next linking pass recomputes it
    stale: Mapped[bool] = mapped_column(Boolean, default=False)


class IncidentCounterRow(Base):
    """The last sequence number given per id prefix (IRQ, TUN ...): ids are never reused."""

    __tablename__ = "incident_counters"

    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class DeletionRow(Base):
    """The deletion feed: an incident or event that is gone, why, and what replaced it."""

    __tablename__ = "deletions"
    __table_args__ = (Index("deletions_at", "deleted_at"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(Text)  # incident | event
    item_id: Mapped[str] = mapped_column(Text)  # incident id, or "doc_id/event_id"
    reason: Mapped[str] = mapped_column(Text)  # merged | retracted | corrected
    replaced_by: Mapped[str | None] = mapped_column(Text)
    deleted_at: Mapped[float] = mapped_column(Float)


class SourceRow(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    first_seen: Mapped[float] = mapped_column(Float)


class ReviewEditRow(Base):
    __tablename__ = "review_edits"
    __table_args__ = (Index("review_edits_doc", "doc_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(Text)
    event_id: Mapped[str | None] = mapped_column(Text)
    field: Mapped[str] = mapped_column(Text)
    old_value: Mapped[str | None] = mapped_column(Text)  # JSON
    new_value: Mapped[str | None] = mapped_column(Text)  # JSON
    author: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[float] = mapped_column(Float)


class RunRow(Base):
    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    command: Mapped[str] = mapped_column(Text)
    args: Mapped[str | None] = mapped_column(Text)  # JSON
    marsad_version: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[float] = mapped_column(Float)
    finished_at: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(Text)  # running | done | failed
    processed: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    events: Mapped[int] = mapped_column(Integer, default=0)


class ApiTokenRow(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    token_hash: Mapped[str] = mapped_column(Text, unique=True)  # SHA-256 hex of the token
    scopes: Mapped[str] = mapped_column(Text)  # space-separated: read write
    created_at: Mapped[float] = mapped_column(Float)
    last_used_at: Mapped[float | None] = mapped_column(Float)
    revoked_at: Mapped[float | None] = mapped_column(Float)


# Core tables, for the store's bulk statements (Table, not the ORM's FromClause, for the typing)
documents = Base.metadata.tables["documents"]
document_versions = Base.metadata.tables["document_versions"]
events = Base.metadata.tables["events"]
incidents = Base.metadata.tables["incidents"]
incident_counters = Base.metadata.tables["incident_counters"]
deletions = Base.metadata.tables["deletions"]
sources = Base.metadata.tables["sources"]
review_edits = Base.metadata.tables["review_edits"]
runs = Base.metadata.tables["runs"]
api_tokens = Base.metadata.tables["api_tokens"]
