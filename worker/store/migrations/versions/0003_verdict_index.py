"""verdict index: the queue's verdict facet and the ClaimReview export read findings by verdict

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 19:20:00
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Few findings ever get a verdict: a (verdict, id) index stays small and lets both read just
    # those rows, newest first.
    op.create_index("ix_findings_verdict_id", "findings", ["verdict", "id"])


def downgrade() -> None:
    op.drop_index("ix_findings_verdict_id", "findings")
