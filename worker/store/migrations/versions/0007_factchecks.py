"""factchecks: published fact-checks (schema.org ClaimReview) imported, and the findings they reach

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-06 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
# Chained after 0005 on its branch; re-chained after 0006 (claim matching) when merged.
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "factchecks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("url", sa.Text(), nullable=False),
        # The claim's text can be long: the unique key holds its SHA-256.
        sa.Column("claim_hash", sa.String(64), nullable=False),
        sa.Column("claim", sa.Text(), nullable=False),
        sa.Column("rating", sa.String(200), nullable=False),
        sa.Column("rating_value", sa.Float(), nullable=True),
        sa.Column("best_rating", sa.Float(), nullable=True),
        sa.Column("worst_rating", sa.Float(), nullable=True),
        sa.Column("publisher", sa.String(300), nullable=False),
        sa.Column("publisher_url", sa.Text(), nullable=True),
        sa.Column("date_published", sa.String(10), nullable=True),
        sa.Column("claim_author", sa.String(300), nullable=True),
        sa.Column("appearances", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(500), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("url", "claim_hash", name="uq_factchecks_url_claim"),
    )
    op.create_table(
        "factcheck_matches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "factcheck_id",
            sa.Integer(),
            sa.ForeignKey("factchecks.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "finding_id",
            sa.Integer(),
            sa.ForeignKey("findings.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("factcheck_id", "finding_id", name="uq_factcheck_matches_pair"),
    )
    # A finding's card asks "which fact-checks reach me": by finding.
    op.create_index("ix_factcheck_matches_finding_id", "factcheck_matches", ["finding_id"])


def downgrade() -> None:
    op.drop_index("ix_factcheck_matches_finding_id", "factcheck_matches")
    op.drop_table("factcheck_matches")
    op.drop_table("factchecks")
