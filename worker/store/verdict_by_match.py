"""A verdict follows its claim: an editor's verdict on one finding applied, in one action, to
every finding stored as making the same claim (``claim_matches``), and undone in one action.

Each change is an ordinary ``verdict`` event in the audit trail, marked ``via="match:<id>"``
(applied from finding <id>) and carrying the action's ``batch``; the undo writes the reverse
events marked ``via="undo:<batch>"``. A finding whose verdict someone changed after the action
keeps that later verdict: the undo reverts only what the action set and nobody touched since.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from worker.store.claim_matches import matched_ids
from worker.store.models import FindingRow, ReviewEvent, utcnow
from worker.store.review_validation import ReviewError
from worker.vocabulary import VERDICTS

MATCH = "match:"
UNDO = "undo:"


@dataclass(frozen=True)
class Applied:
    batch: str
    changed: list[int] = field(default_factory=list)  # finding ids whose verdict changed
    matched: int = 0  # how many findings were matched (changed or already so)


def _set_verdict(
    session: Session,
    finding: FindingRow,
    verdict: str | None,
    user_id: int | None,
    via: str | None,
    batch: str,
    now: datetime,
) -> bool:
    if finding.verdict == verdict:
        return False
    session.add(
        ReviewEvent(
            finding_id=finding.id,
            user_id=user_id,
            field="verdict",
            old_value=finding.verdict,
            new_value=verdict,
            created_at=now,
            via=via,
            batch=batch,
        )
    )
    finding.verdict = verdict
    finding.updated_at = now
    return True


def apply_to_matches(
    session: Session, finding_id: int, verdict: str, user_id: int | None
) -> Applied:
    """Give ``finding_id`` and every finding matched with it the ``verdict``; the caller
    commits. Raises ``ReviewError`` for an unknown verdict or finding."""
    if verdict not in VERDICTS:
        raise ReviewError("verdict", f"'verdict' must be one of {', '.join(VERDICTS)}.")
    source = session.get(FindingRow, finding_id)
    if source is None:
        raise ReviewError("finding", "No finding has this id.")
    others = matched_ids(session, finding_id)
    batch = uuid.uuid4().hex
    now = utcnow()
    changed = []
    if _set_verdict(session, source, verdict, user_id, None, batch, now):
        changed.append(source.id)
    rows = session.scalars(select(FindingRow).where(FindingRow.id.in_(others))) if others else []
    for row in rows:
        if _set_verdict(session, row, verdict, user_id, f"{MATCH}{finding_id}", batch, now):
            changed.append(row.id)
    session.flush()
    return Applied(batch, changed, len(others))


@dataclass(frozen=True)
class Batch:
    """One verdict-by-match action as the web view offers it for undoing."""

    batch: str
    source_id: int
    verdict: str | None
    at: datetime
    changed: int
    undone: bool


def _source(events: list[ReviewEvent]) -> int:
    for e in events:
        if e.via and e.via.startswith(MATCH):
            return int(e.via[len(MATCH) :])
    return events[0].finding_id


def batches_for(session: Session, finding_id: int, limit: int = 5) -> list[Batch]:
    """The latest verdict-by-match actions that changed ``finding_id``, newest first."""
    keys = list(
        session.scalars(
            select(ReviewEvent.batch)
            .where(
                ReviewEvent.finding_id == finding_id,
                ReviewEvent.batch.is_not(None),
                ReviewEvent.field == "verdict",
            )
            .group_by(ReviewEvent.batch)
            .order_by(ReviewEvent.batch)
        )
    )
    out = [b for b in (describe(session, key) for key in keys) if b is not None]
    return sorted(out, key=lambda b: b.at.replace(tzinfo=None), reverse=True)[:limit]


def describe(session: Session, batch: str) -> Batch | None:
    applied = _applied(session, batch)
    if not applied:
        return None
    return Batch(
        batch=batch,
        source_id=_source(applied),
        verdict=applied[0].new_value,
        at=applied[0].created_at,
        changed=len(applied),
        undone=_undone(session, batch),
    )


def _applied(session: Session, batch: str) -> list[ReviewEvent]:
    """The verdict changes an action made, in order, without the ones its undo made."""
    events = session.scalars(
        select(ReviewEvent)
        .where(ReviewEvent.batch == batch, ReviewEvent.field == "verdict")
        .order_by(ReviewEvent.id)
    )
    return [e for e in events if not (e.via or "").startswith(UNDO)]


def _undone(session: Session, batch: str) -> bool:
    return (
        session.scalars(
            select(ReviewEvent.id).where(ReviewEvent.via == f"{UNDO}{batch}").limit(1)
        ).first()
        is not None
    )


def undo(session: Session, batch: str, user_id: int | None) -> list[int]:
    """Revert the verdicts one action set, where nobody changed them since; returns the finding
    ids reverted. Raises ``ReviewError`` when there is no such action or it was undone."""
    if not isinstance(batch, str) or len(batch) != 32:
        raise ReviewError("batch", "No verdict-by-match action has this id.")
    applied = _applied(session, batch)
    if not applied:
        raise ReviewError("batch", "No verdict-by-match action has this id.")
    if _undone(session, batch):
        raise ReviewError("batch", "This action was already undone.")
    now = utcnow()
    reverted = []
    for event in applied:
        finding = session.get(FindingRow, event.finding_id)
        if finding is None or finding.verdict != event.new_value:
            continue  # changed again since: the later verdict stands
        if _set_verdict(session, finding, event.old_value, user_id, f"{UNDO}{batch}", batch, now):
            reverted.append(finding.id)
    if not reverted:
        # Still recorded, so the action shows as undone and cannot be undone twice.
        session.add(
            ReviewEvent(
                finding_id=applied[0].finding_id,
                user_id=user_id,
                field="undo",
                old_value=None,
                new_value="nothing left to revert",
                created_at=now,
                via=f"{UNDO}{batch}",
                batch=batch,
            )
        )
    session.flush()
    return reverted
