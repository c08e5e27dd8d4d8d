"""factcheck features: each imported fact-check's claim as the matcher reads it
(``worker.pipeline.claim_match.features``), so matching a new analysis against the fact-checks
reads it instead of parsing it again

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 20:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable, no backfill: written by the next import of the review, and a fact-check without
    # them is parsed when matched, as before.
    with op.batch_alter_table("factchecks") as batch:
        batch.add_column(sa.Column("features", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("factchecks") as batch:
        batch.drop_column("features")
