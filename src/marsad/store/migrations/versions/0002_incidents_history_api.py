"""Schema version 2: result history (issue 15), incidents, deletion feed, sources, review edits, runs, tokens.

``events`` is rebuilt with a primary key and the columns the API filters on and incident linking
compares; rows of version 1 keep their columns, the new ones stay empty until their article is
stored again, and their ``incident_id`` is filled by the next linking pass.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

_V1_EVENT_COLUMNS = ("doc_id", "event_id", "event_type", "sub_event_type", "actor1", "actor2", "event_date",
                     "date_key", "country", "admin1", "location", "lat", "lon", "fatalities", "historical")


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("url", sa.Text))
        batch.add_column(sa.Column("title", sa.Text))
        batch.add_column(sa.Column("run_id", sa.Integer))
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    # issue 15: a different result for a stored id no longer overwrites it; each one replaced
    # moves here
    op.create_table(
        "document_versions",
        sa.Column("doc_id", sa.Text, primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("published", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("stored_at", sa.Float, nullable=False),
        sa.Column("replaced_at", sa.Float, nullable=False),
        sa.Column("result", sa.Text, nullable=False),
    )

    for name in ("events_doc", "events_date", "events_country"):
        op.drop_index(name, table_name="events")
    op.rename_table("events", "events_v1")
    op.create_table(
        "events",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
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
        sa.Column("historical", sa.Boolean, nullable=False),
        sa.Column("date_last", sa.Text),
        sa.Column("time_precision", sa.Integer),
        sa.Column("relative_date", sa.Boolean, nullable=False),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("location_en", sa.Text),
        sa.Column("actor1_en", sa.Text),
        sa.Column("actor2_en", sa.Text),
        sa.Column("actor1_key", sa.Text),
        sa.Column("actor2_key", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("evidence", sa.Text),
        sa.Column("incident_id", sa.Text),
        sa.Column("incident_hint", sa.Text),
        sa.UniqueConstraint("doc_id", "event_id", name="events_doc_event"),
    )
    columns = ", ".join(_V1_EVENT_COLUMNS)
    selected = columns.replace("historical", "historical <> 0")
    op.execute(f"INSERT INTO events ({columns}, relative_date) SELECT {selected}, false FROM events_v1")
    op.drop_table("events_v1")
    op.create_index("events_doc", "events", ["doc_id"])
    op.create_index("events_date", "events", ["date_key"])
    op.create_index("events_country", "events", ["country", "date_key"])
    op.create_index("events_incident", "events", ["incident_id"])

    op.create_table(
        "incidents",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("country", sa.Text),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("event_date", sa.Text),
        sa.Column("date_key", sa.Text),
        sa.Column("date_last", sa.Text),
        sa.Column("time_precision", sa.Integer, nullable=False),
        sa.Column("admin1", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("location_en", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("actor1", sa.Text),
        sa.Column("actor2", sa.Text),
        sa.Column("actor1_en", sa.Text),
        sa.Column("actor2_en", sa.Text),
        sa.Column("actor1_key", sa.Text),
        sa.Column("actor2_key", sa.Text),
        sa.Column("fatalities", sa.Integer),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("stale", sa.Boolean, nullable=False),
    )
    op.create_index("incidents_stale", "incidents", ["stale"])
    op.create_index("incidents_country_date", "incidents", ["country", "date_key"])
    op.create_index("incidents_date", "incidents", ["date_key"])
    op.create_index("incidents_updated", "incidents", ["updated_at"])
    op.create_table(
        "incident_counters",
        sa.Column("prefix", sa.String(8), primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "deletions",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("item_id", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("replaced_by", sa.Text),
        sa.Column("deleted_at", sa.Float, nullable=False),
    )
    op.create_index("deletions_at", "deletions", ["deleted_at"])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("first_seen", sa.Float, nullable=False),
    )
    op.create_table(
        "review_edits",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("event_id", sa.Text),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("review_edits_doc", "review_edits", ["doc_id"])
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("command", sa.Text, nullable=False),
        sa.Column("args", sa.Text),
        sa.Column("marsad_version", sa.Text),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("finished_at", sa.Float),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("processed", sa.Integer, nullable=False),
        sa.Column("skipped", sa.Integer, nullable=False),
        sa.Column("events", sa.Integer, nullable=False),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("token_hash", sa.Text, nullable=False, unique=True),
        sa.Column("scopes", sa.Text, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("last_used_at", sa.Float),
        sa.Column("revoked_at", sa.Float),
    )


def downgrade() -> None:
    raise NotImplementedError("marsad stores are migrated forward only")
