"""Alembic's environment: always run by the store, on the connection (and transaction) it hands over.

The store opens the transaction, takes its lock (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory
lock), and passes the connection in ``config.attributes["connection"]``; the migrations then run
inside that one transaction, so concurrent openers wait and never apply a migration twice.
"""

from __future__ import annotations

from alembic import context

from marsad.store.models import Base


def run_migrations() -> None:
    """Apply the pending migrations on the store's connection, in its transaction."""
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                      transactional_ddl=True)
    context.run_migrations()


# alembic runs this file with its context established; importing it otherwise (the doctest run
# imports every module of the package) must do nothing
if getattr(context, "_proxy", None) is not None:
    run_migrations()
