"""claim index: full-text retrieval of findings' claim text, the matches found across articles,
and verdicts applied by match (with the batch that one undo reverts)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
# Written as 0006 after 0005; re-chained after main's 0006 (re-check lease) and 0007 (fact-checks).
down_revision = "0007"
branch_labels = None
depends_on = None

# PostgreSQL: a stored generated column, so every insert (ORM, bulk, copy) keeps it in step with
# the text and the GIN index stays usable without repeating the expression in each query.
# 'english' stems and drops stop words: a paraphrase ("killed" / "kills") shares its lexemes.
PG_COLUMN = (
    "ALTER TABLE findings ADD COLUMN claim_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED"
)
# SQLite (embedded mode): an external-content FTS5 table over findings.text, kept by triggers.
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE findings_claim_fts USING fts5("
    "text, content='findings', content_rowid='id', tokenize='porter unicode61')"
)
SQLITE_TRIGGERS = (
    """CREATE TRIGGER findings_claim_fts_ai AFTER INSERT ON findings BEGIN
         INSERT INTO findings_claim_fts(rowid, text) VALUES (new.id, new.text);
       END""",
    """CREATE TRIGGER findings_claim_fts_ad AFTER DELETE ON findings BEGIN
         INSERT INTO findings_claim_fts(findings_claim_fts, rowid, text)
         VALUES ('delete', old.id, old.text);
       END""",
    """CREATE TRIGGER findings_claim_fts_au AFTER UPDATE OF text ON findings BEGIN
         INSERT INTO findings_claim_fts(findings_claim_fts, rowid, text)
         VALUES ('delete', old.id, old.text);
         INSERT INTO findings_claim_fts(rowid, text) VALUES (new.id, new.text);
       END""",
)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(PG_COLUMN)
        op.execute("CREATE INDEX ix_findings_claim_tsv ON findings USING gin (claim_tsv)")
    elif dialect == "sqlite":
        op.execute(SQLITE_FTS)
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)
        op.execute("INSERT INTO findings_claim_fts(findings_claim_fts) VALUES ('rebuild')")
    # One row per direction: "the matches of finding X" is a primary-key range read.
    op.create_table(
        "claim_matches",
        sa.Column(
            "finding_id",
            sa.Integer,
            sa.ForeignKey("findings.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "other_id",
            sa.Integer,
            sa.ForeignKey("findings.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_claim_matches_other_id", "claim_matches", ["other_id"])
    with op.batch_alter_table("review_events") as batch:
        # How a change came about when it was not typed on the finding itself ("match:<id>":
        # applied from a reviewed finding making the same claim; "undo:<batch>").
        batch.add_column(sa.Column("via", sa.String(64), nullable=True))
        # The changes one action made together, so that one undo reverts them together.
        batch.add_column(sa.Column("batch", sa.String(32), nullable=True))
    op.create_index("ix_review_events_batch", "review_events", ["batch"])


def downgrade() -> None:
    op.drop_index("ix_review_events_batch", "review_events")
    with op.batch_alter_table("review_events") as batch:
        batch.drop_column("batch")
        batch.drop_column("via")
    op.drop_index("ix_claim_matches_other_id", "claim_matches")
    op.drop_table("claim_matches")
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_findings_claim_tsv")
        op.execute("ALTER TABLE findings DROP COLUMN IF EXISTS claim_tsv")
    elif dialect == "sqlite":
        for name in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS findings_claim_fts_{name}")
        op.execute("DROP TABLE IF EXISTS findings_claim_fts")
