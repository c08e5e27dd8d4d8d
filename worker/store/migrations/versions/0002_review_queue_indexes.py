"""review queue indexes: keyset pagination per filter, assignee, full-text search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 14:00:00
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The queue is read newest first (id DESC) with equality filters; a composite (filter, id) index
# lets the database walk one filter value in order and stop after one page.
_COMPOSITE = {
    "ix_findings_status_id": ["review_status", "id"],
    "ix_findings_type_id": ["type", "id"],
    "ix_findings_kind_id": ["kind", "id"],
    "ix_findings_assignee_id": ["assignee_id", "id"],
    "ix_findings_analysis_start": ["analysis_id", "start"],
}

# Must match worker.store.review_queue.FTS_DOCUMENT exactly, or PostgreSQL will not use the index.
FTS_EXPRESSION = "to_tsvector('simple', text || ' ' || coalesce(speaker_name, ''))"


def upgrade() -> None:
    for name, columns in _COMPOSITE.items():
        op.create_index(name, "findings", columns)
    op.create_index("ix_review_events_user_id", "review_events", ["user_id"])
    op.create_index("ix_articles_site_id", "articles", ["site", "id"])
    # SQLite searches with LIKE (a scan of a small local database); only PostgreSQL gets GIN.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_findings_fts ON findings USING gin (({FTS_EXPRESSION}))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_findings_fts")
    op.drop_index("ix_articles_site_id", "articles")
    op.drop_index("ix_review_events_user_id", "review_events")
    for name in _COMPOSITE:
        op.drop_index(name, "findings")
