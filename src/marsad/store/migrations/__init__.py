"""Alembic migrations of the store, shipped in the package and applied by the store when it opens."""
