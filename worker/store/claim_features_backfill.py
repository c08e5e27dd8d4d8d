"""Stored match features for the findings that have none (stored before migration 0009, or
whose analysis was never matched) or have them under an older ``features.VERSION`` (the matcher
has changed since): matching otherwise parses each of them every time it meets them.

    backfill(url, *, batch=200, limit=None, progress=None) -> BackfillResult

Safe beside running workers: each batch is read in one short transaction, parsed with no
transaction open (the parse is most of the time, 6 to 7 ms a sentence), and written in
another short one that inserts ``claim_features`` rows and rewrites only rows still of an older
version (a worker that matched the finding meanwhile wrote the same features: its row stays).
Nothing is locked but those rows and, for the foreign-key check, the findings they point to.
Resumable and idempotent: a finding is picked only while its row is missing or outdated, so a
run stopped anywhere goes on where it stopped, and a second run over a current store does
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from worker.pipeline.claim_match import features
from worker.pipeline.claim_match.decision import claim
from worker.store.models import ClaimFeaturesRow, FindingRow

BATCH = 200  # findings per transaction: about 1.4 s of parsing between two short writes


@dataclass
class BackfillResult:
    written: int = 0  # features rows this run inserted
    # findings whose row a worker wrote meanwhile, or deleted before their row was written
    skipped: int = 0
    remaining: int = 0  # findings still without features when the run ended (by --limit)


def _outdated():  # noqa: ANN202 - a SQLAlchemy expression
    """A row written under another features version (or with none recorded)."""
    return func.coalesce(ClaimFeaturesRow.features["v"].as_integer(), 0) != features.VERSION


def missing_query(after: int = 0):  # noqa: ANN201 - a SQLAlchemy Select
    """Findings with no current ``claim_features`` row, by id from ``after`` (a join on the
    primary key of both tables: no scan of ``claim_features`` per finding)."""
    return (
        select(FindingRow.id, FindingRow.text)
        .outerjoin(ClaimFeaturesRow, ClaimFeaturesRow.finding_id == FindingRow.id)
        .where(
            or_(ClaimFeaturesRow.finding_id.is_(None), _outdated()),
            FindingRow.id > after,
            func.length(func.trim(FindingRow.text)) > 0,  # nothing to match: never needed
        )
        .order_by(FindingRow.id)
    )


def count_missing(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(missing_query().subquery())) or 0


def features_of(rows: list[tuple[int, str]]) -> list[dict]:
    """The rows to write for ``(finding id, text)`` pairs, each parsed as matching parses it
    (``claim_matches.store_features``: the stripped text); a blank text (matching never scores
    one) has none."""
    return [
        {"finding_id": finding_id, "features": features.dump(claim(text.strip()))}
        for finding_id, text in rows
        if text and text.strip()
    ]


def write(session: Session, rows: list[dict]) -> int:
    """Insert the rows not there yet and rewrite those of an older version; returns how many
    were written. A finding deleted since it was read (its analysis removed) is left out rather
    than failing the batch; a row a worker made current meanwhile is left as it is."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    present = set(
        session.scalars(
            select(FindingRow.id).where(FindingRow.id.in_([r["finding_id"] for r in rows]))
        )
    )
    rows = [r for r in rows if r["finding_id"] in present]
    if not rows:
        return 0
    new = insert(ClaimFeaturesRow).values(rows)
    stmt = (
        new.on_conflict_do_update(
            index_elements=["finding_id"],
            set_={"features": new.excluded.features},
            where=_outdated(),
        ).returning(ClaimFeaturesRow.finding_id)  # rowcount is -1 here on psycopg
    )
    return len(session.execute(stmt).all())


def backfill(
    maker: sessionmaker[Session],
    *,
    batch: int = BATCH,
    limit: int | None = None,
    progress: Callable[[BackfillResult, int], None] | None = None,
) -> BackfillResult:
    """Write features for findings without them, ``batch`` at a time, at most ``limit``
    findings; ``progress(result so far, findings without features at the start)`` after each
    batch."""
    result = BackfillResult()
    with maker() as session:
        total = count_missing(session)
    wanted = total if limit is None else min(limit, total)
    after = 0
    done = 0
    while done < wanted:
        size = min(batch, wanted - done)
        with maker() as session:
            rows = [(int(i), t) for i, t in session.execute(missing_query(after).limit(size))]
        if not rows:
            break
        after = rows[-1][0]
        done += len(rows)
        values = features_of(rows)  # no transaction open while parsing
        for attempt in range(2):
            try:
                with maker() as session, session.begin():
                    written = write(session, values)
                break
            except IntegrityError:
                # A finding deleted between the check and the insert: once more, re-checked.
                if attempt:
                    raise
        result.written += written
        result.skipped += len(rows) - written
        if progress is not None:
            progress(result, wanted)
    with maker() as session:
        result.remaining = count_missing(session)
    return result
