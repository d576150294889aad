"""Schema version 1 (marsad 0.1): results by article id, and their events flattened.

A store written by marsad 0.1's stdlib-sqlite3 store has exactly these tables plus its own
``schema_version`` table; the store stamps such a file as 0001 instead of running this.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.Text, nullable=False, unique=True),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("published", sa.Text),
        sa.Column("published_key", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("stored_at", sa.Float, nullable=False),
        sa.Column("result", sa.Text, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("event_type", sa.Text),
        sa.Column("sub_event_type", sa.Text),
        sa.Column("actor1", sa.Text),
        sa.Column("actor2", sa.Text),
        sa.Column("event_date", sa.Text),
        sa.Column("date_key", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("fatalities", sa.Integer),
        sa.Column("historical", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("events_doc", "events", ["doc_id"])
    op.create_index("events_date", "events", ["date_key"])
    op.create_index("events_country", "events", ["country", "date_key"])


def downgrade() -> None:
    op.drop_table("events")
    op.drop_table("documents")
