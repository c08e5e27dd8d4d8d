"""Review changes and their audit trail: every change to a finding's review is one event, so
its history can always be told (who, when, which field, from what, to what)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from worker.store.models import FindingRow, ReviewEvent, User, utcnow
from worker.store.review_queue import MAX_PAGE


def _current(finding: FindingRow, name: str, session: Session) -> str | None:
    if name == "status":
        return finding.review_status
    if name == "assignee":
        if finding.assignee_id is None:
            return None
        user = session.get(User, finding.assignee_id)
        return user.email if user else None
    return getattr(finding, name)


def apply_changes(
    session: Session, finding: FindingRow, changes: dict[str, Any], user_id: int | None
) -> list[ReviewEvent]:
    """Apply validated changes; one audit event per field that actually changed."""
    events: list[ReviewEvent] = []
    for name, value in changes.items():
        old = _current(finding, name, session)
        new = value.email if isinstance(value, User) else value
        if old == new:
            continue
        if name == "status":
            finding.review_status = value
        elif name == "assignee":
            finding.assignee_id = value.id if value is not None else None
        else:
            setattr(finding, name, value)
        event = ReviewEvent(
            finding_id=finding.id,
            user_id=user_id,
            field=name,
            old_value=old,
            new_value=new,
            created_at=utcnow(),
        )
        session.add(event)
        events.append(event)
    if events:
        finding.updated_at = utcnow()
    return events


def apply_bulk(
    session: Session, ids: Sequence[int], changes: dict[str, Any], user_id: int | None
) -> int:
    """The same validated changes on many findings; returns how many changed."""
    findings = session.scalars(select(FindingRow).where(FindingRow.id.in_(list(ids)[:MAX_PAGE])))
    return sum(1 for finding in findings if apply_changes(session, finding, changes, user_id))


@dataclass(frozen=True)
class HistoryEntry:
    """One event as the history shows it; ``who`` is "sourcemark" for the system's own changes
    (a review carried over to a re-analysis)."""

    at: datetime
    who: str
    field: str
    old: str | None
    new: str | None
    # "match:<finding id>" when applied from a finding making the same claim, "undo:<batch>"
    # when a verdict-by-match action was undone; None when typed on this finding.
    via: str | None = None
    batch: str | None = None


def history(session: Session, finding_id: int) -> list[HistoryEntry]:
    """Every change to a finding's review, oldest first."""
    rows = session.execute(
        select(ReviewEvent, User.email)
        .outerjoin(User, ReviewEvent.user_id == User.id)
        .where(ReviewEvent.finding_id == finding_id)
        .order_by(ReviewEvent.id)
    ).all()
    return [
        HistoryEntry(
            at=e.created_at,
            who=email or "sourcemark",
            field=e.field,
            old=e.old_value,
            new=e.new_value,
            via=e.via,
            batch=e.batch,
        )
        for e, email in rows
    ]
