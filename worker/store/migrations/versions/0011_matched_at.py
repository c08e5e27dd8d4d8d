"""matched at: when every finding of an analysis had been matched with the claims stored before
it, so that a reader's overlay knows whether to ask again for matches still being made

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 02:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.add_column(sa.Column("matched_at", sa.DateTime(timezone=True), nullable=True))
    # Analyses finished before this column existed had their second matching pass long ago:
    # without the backfill every repeat click on them would keep asking for matches.
    op.execute(
        "UPDATE analyses SET matched_at = finished_at WHERE status = 'done' AND matched_at IS NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.drop_column("matched_at")
