"""factchecks and figures: published fact-checks (schema.org ClaimReview) imported, the findings
they reach, and the counts findings state (compared across articles)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
# Chained after 0005 on its branch; re-chained after 0006 (re-check lease) when merged; 0008
# (claim index) follows it.
down_revision = "0006"
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

    # One row per count a finding states, written when its analysis finishes: what the card's
    # "other outlets report" and the editors' diverging figures are read from, by kind and day.
    op.create_table(
        "figures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "finding_id",
            sa.Integer(),
            sa.ForeignKey("findings.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "analysis_id",
            sa.String(32),
            sa.ForeignKey("analyses.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=True),  # null: no upper bound ("at least 40")
        sa.Column("text", sa.String(120), nullable=False),
        sa.Column("vague", sa.String(16), nullable=True),
        sa.Column("offset", sa.Integer(), nullable=False),
        sa.Column("sourcing", sa.String(32), nullable=False),
        sa.Column("source", sa.String(255), nullable=True),
        sa.Column("places", sa.Text(), nullable=False),
        sa.Column("sentence_places", sa.Text(), nullable=False),
        sa.Column("day", sa.String(10), nullable=True),
    )
    op.create_index("ix_figures_kind_day", "figures", ["kind", "day"])
    op.create_index("ix_figures_analysis_id", "figures", ["analysis_id"])
    op.create_index("ix_figures_finding_id", "figures", ["finding_id"])


def downgrade() -> None:
    op.drop_index("ix_figures_finding_id", "figures")
    op.drop_index("ix_figures_analysis_id", "figures")
    op.drop_index("ix_figures_kind_day", "figures")
    op.drop_table("figures")
    op.drop_index("ix_factcheck_matches_finding_id", "factcheck_matches")
    op.drop_table("factcheck_matches")
    op.drop_table("factchecks")
