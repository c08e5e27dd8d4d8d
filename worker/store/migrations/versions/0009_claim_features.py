"""claim features: each finding's match features (``worker.pipeline.claim_match.features``)
stored with its claim-index row, so matching reads a stored claim instead of parsing it again

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
    # Nullable, no backfill: the features need the parser, which a migration does not load.
    # A finding without them (older rows, or an older features version) is parsed when matched,
    # as before, and gets them when its own analysis is matched again.
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("claim_features", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("claim_features")
