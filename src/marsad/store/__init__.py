"""Result stores: SQLite (the embedded default) and PostgreSQL (the team store), one interface.

Open one with :func:`open_store` (a path, ``sqlite:///PATH`` or ``postgresql://USER@HOST/DB``; the
CLI's ``--db``, else ``$MARSAD_DB``, else ``$MARSAD_DATABASE_URL``, else ``./marsad.db``). Both are
:class:`marsad.store.sql.SQLStore` (SQLAlchemy 2; alembic migrations applied at open, safely under
concurrent openers; PostgreSQL needs ``pip install 'marsad[postgres]'``).

Python interface (what the CLI, ``marsad.dedup`` and the HTTP API code against)::

    from marsad.store import open_store, EventQuery
    with open_store("marsad.db") as store:          # or "postgresql://marsad@localhost:5432/marsad"
        # writing results (idempotent by id + content hash; a changed result replaces the old,
        # which goes to store.history(id)); then link the new events into incidents:
        store.put_many(docs, lines=None, hashes=None) -> int     # documents inserted or replaced
        marsad.dedup.link_incidents(store)          -> LinkReport
        # documents
        store.get(doc_id) -> StoredResult | None    # .line (exact JSON written), .content_hash,
                                                    # .stored_at, .incident_ids {event id: incident}
        stored.to_dict() / stored.document()        # contract JSON / Document, events carry incident_id
        store.history(doc_id) -> list[StoredResult]
        store.iter_results(since=unix_s, events=EventFilter(...)) -> Iterator[StoredResult]
        store.count() ; store.content_hashes() ; store.done([(id, hash)])
        # events and incidents (ACLED-style filters; newest first; limit/offset paging)
        q = EventQuery(country=("IQ",) or ("Iraq",), admin1=("Anbar",), event_type=(...),
                       sub_event_type=(...), actor="الجيش" (actor1 or actor2; Arabic folded,
                       English case-insensitive), actor1=..., actor2=..., since=date, until=date,
                       incident_id=..., doc_id=..., min_confidence=..., limit=500, offset=0)
        store.query_events(q) -> list[EventRecord]  # flattened events (marsad.document.EventRecord)
        store.count_events(q) -> int                # total_count (limit/offset ignored)
        store.query_incidents(q, with_events=True) -> list[Incident]   # marsad.document.Incident
        store.count_incidents(q) -> int
        store.get_incident("IRQ12") -> Incident | None   # .events = its sources (EventRecord each)
        incident.to_dict() ; incident.sources (outlets)
        store.deleted_since(unix_s, limit=None) -> list[Deletion]  # seq, kind (incident|event),
                                                    # item_id, reason (merged|retracted), replaced_by, deleted_at
        # corrections (review edits): replaces the result, records each field, relinks in place
        store.correct_event(doc_id, event_id, {"fatalities": 3}, author="token name") -> StoredResult
        marsad.dedup.link_incidents(store)          # afterwards, to update the incident
        store.review_edits(doc_id=None) -> list[ReviewEdit]
        # API tokens (only the SHA-256 is stored)
        store.create_token(name, scopes=("read", "write")) -> str   # the token, shown once
        store.check_token(token, scope="write") -> TokenInfo | None
        store.revoke_token(name) -> bool ; store.tokens() -> list[TokenInfo]
        # runs
        store.start_run("extract", {...}) -> int ; store.finish_run(run_id, status=..., processed=...)

Errors: :class:`marsad.errors.StoreError` when a store cannot be opened (not a marsad store,
corrupt, newer schema, unreachable server); :class:`RunStoreError` when a call fails on an open
store; :class:`marsad.errors.ConfigError` for a bad URL or a missing PostgreSQL driver.
"""

from marsad.store.base import (
    DATABASE_URL_ENV,
    DB_ENV,
    DEFAULT_DB,
    SCHEMA_VERSION,
    Deletion,
    EventFilter,
    EventQuery,
    ReviewEdit,
    RunStoreError,
    Store,
    StoredResult,
    TokenInfo,
    date_key,
    default_location,
    open_store,
    store_file,
    store_files,
    store_label,
)

__all__ = ["DATABASE_URL_ENV", "DB_ENV", "DEFAULT_DB", "SCHEMA_VERSION", "Deletion", "EventFilter",
           "EventQuery", "ReviewEdit", "RunStoreError", "Store", "StoredResult", "TokenInfo", "date_key",
           "default_location", "open_store", "store_file", "store_files",
           "store_label"]
