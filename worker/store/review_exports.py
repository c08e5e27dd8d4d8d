"""What the exports (CSV, W3C Web Annotations, ClaimReview) read from the store beyond a queue
page: every matching finding, streamed, and who reviewed each one and when."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from worker.store.models import ReviewEvent, User
from worker.store.review_queue import MAX_PAGE, QueueFilter, QueueItem, queue_page


def export_rows(session: Session, f: QueueFilter, limit: int | None = None) -> Iterable[QueueItem]:
    """Every finding the filter matches (newest first; at most ``limit``), streamed page by page
    so that memory stays flat however many there are."""
    after: int | None = None
    produced = 0
    while limit is None or produced < limit:
        page = queue_page(session, f, after=after, limit=MAX_PAGE)
        items = page.items if limit is None else page.items[: limit - produced]
        yield from items
        produced += len(items)
        if page.next_after is None:
            return
        after = page.next_after


def last_reviewer(session: Session, finding_ids: Sequence[int]) -> dict[int, str]:
    """Who last changed each finding's review (for export 'creator' fields)."""
    if not finding_ids:
        return {}
    latest = (
        select(ReviewEvent.finding_id, func.max(ReviewEvent.id).label("eid"))
        .where(ReviewEvent.finding_id.in_(list(finding_ids)), ReviewEvent.user_id.is_not(None))
        .group_by(ReviewEvent.finding_id)
        .subquery()
    )
    rows = session.execute(
        select(latest.c.finding_id, User.email)
        .join(ReviewEvent, ReviewEvent.id == latest.c.eid)
        .join(User, User.id == ReviewEvent.user_id)
    )
    return {fid: email for fid, email in rows}


def verdict_dates(session: Session, finding_ids: Sequence[int]) -> dict[int, datetime]:
    """When each finding's verdict was last set."""
    if not finding_ids:
        return {}
    rows = session.execute(
        select(ReviewEvent.finding_id, func.max(ReviewEvent.created_at))
        .where(ReviewEvent.finding_id.in_(list(finding_ids)), ReviewEvent.field == "verdict")
        .group_by(ReviewEvent.finding_id)
    )
    return {fid: at for fid, at in rows}
