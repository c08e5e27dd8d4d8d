"""claim features: each finding's match features (``worker.pipeline.claim_match.features``)
stored next to its claim-index row, so matching reads a stored claim instead of parsing it again;
the claim index's GIN without a pending list

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


# New findings written straight into the GIN index, not into its pending list: with the pending
# list on (PostgreSQL's default), 6,000 changed rows between vacuums (5,934 pending entries) made
# retrieval at 1,000,000 findings 114 ms median instead of 11, each query reading the whole list;
# off, the same 6,000 rows took 0.55 ms each to write and retrieval stayed at 9 ms
# (benchmarks/claim_retrieval.py, 2026-12-06).
PG_FASTUPDATE_OFF = "ALTER INDEX ix_findings_claim_tsv SET (fastupdate = off)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FASTUPDATE_OFF)
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
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER INDEX ix_findings_claim_tsv RESET (fastupdate)")
