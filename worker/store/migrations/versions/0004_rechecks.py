"""re-checks: repeat clicks are answered from the store and their fresh snapshot re-checked

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 11:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("analyses", sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True))
    # A repeat click is looked up by the submitted or the canonical URL.
    op.create_index("ix_articles_canonical_url", "articles", ["canonical_url"])
    op.create_table(
        "rechecks",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column(
            "analysis_id",
            sa.String(32),
            sa.ForeignKey("analyses.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("html_gz", sa.LargeBinary(), nullable=False),
        sa.Column("html_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error_code", sa.String(64), nullable=True),
        sa.Column("result_id", sa.String(32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_rechecks_analysis_id", "rechecks", ["analysis_id"])
    op.create_index("ix_rechecks_created_at", "rechecks", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_rechecks_created_at", "rechecks")
    op.drop_index("ix_rechecks_analysis_id", "rechecks")
    op.drop_table("rechecks")
    op.drop_index("ix_articles_canonical_url", "articles")
    op.drop_column("analyses", "checked_at")
