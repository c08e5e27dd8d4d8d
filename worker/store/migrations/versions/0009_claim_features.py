"""claim features: each finding's match features (``worker.pipeline.claim_match.features``)
stored next to its claim-index row, so matching reads a stored claim instead of parsing it again

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 17:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
# Written on branch match16 as the number after 0008; renumber freely when merging.
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A table of its own keyed by finding: written when a finding is first matched, which as a
    # column of ``findings`` would be an UPDATE of each new row (a second tuple, a second entry
    # in the GIN index's pending list). No backfill: the features need the parser, which a
    # migration does not load; a finding without them is parsed when matched, as before.
    op.create_table(
        "claim_features",
        sa.Column(
            "finding_id",
            sa.Integer,
            sa.ForeignKey("findings.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("features", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("claim_features")
