"""The SQLite store: :class:`marsad.store.sql.SQLStore` on one file (the embedded default).

Kept as its own module for the callers of marsad 0.1 (``SQLiteStore(path)``); the implementation,
shared with PostgreSQL, is in :mod:`marsad.store.sql`.
"""

from __future__ import annotations

from pathlib import Path

from marsad.store.sql import SQLStore


def SQLiteStore(path: str | Path) -> SQLStore:
    """Open (creating and migrating) the SQLite store in one file."""
    return SQLStore.sqlite(path)
