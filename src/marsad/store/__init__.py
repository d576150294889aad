"""Result stores: the :class:`Store` Protocol, ``open_store``, and the SQLite implementation."""

from marsad.store.base import (
    DB_ENV,
    DEFAULT_DB,
    SCHEMA_VERSION,
    EventFilter,
    RunStoreError,
    Store,
    StoredResult,
    date_key,
    default_location,
    open_store,
    store_file,
    store_files,
)

__all__ = ["DB_ENV", "DEFAULT_DB", "SCHEMA_VERSION", "EventFilter", "RunStoreError", "Store",
           "StoredResult", "date_key", "default_location", "open_store",
           "store_file", "store_files"]
