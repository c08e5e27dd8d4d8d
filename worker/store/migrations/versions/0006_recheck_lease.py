"""rechecks: a lease and an attempt count, so a re-check whose worker died is taken up again

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rechecks") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_rechecks_status", ["status"])


def downgrade() -> None:
    with op.batch_alter_table("rechecks") as batch:
        batch.drop_index("ix_rechecks_status")
        batch.drop_column("lease_until")
        batch.drop_column("attempts")
