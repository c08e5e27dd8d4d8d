"""error_reason: which case of a failed analysis it was (a page with no article: an index page,
too little text, an empty page, an unparsable one)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 12:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("analyses", sa.Column("error_reason", sa.String(32), nullable=True))


def downgrade() -> None:
    op.drop_column("analyses", "error_reason")
