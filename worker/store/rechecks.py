"""Re-checks: a fresh snapshot of a page whose analysis was served from the store, compared in a
worker with the analysis's text.

Same text: the analysis is marked checked now (it stays the one readers get). Changed text: a new
analysis of the new revision, queued like any other; reviews follow it as ``revisions`` says.
"""

from __future__ import annotations

import gzip
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, contains_eager

from worker.pipeline.model import Article
from worker.store.analyses import create_analysis, find_reusable, gzip_html, html_key, sha256
from worker.store.models import AnalysisRow, ArticleRow, RecheckRow, utcnow
from worker.vocabulary import AnalysisStatus

QUEUED, RUNNING = "queued", "running"
SAME, CHANGED, FAILED = "same", "changed", "failed"
FINISHED = (SAME, CHANGED, FAILED)


def create_recheck(
    session: Session, *, analysis_id: str, url: str, html: str, title: str | None
) -> RecheckRow:
    row = RecheckRow(
        id=uuid.uuid4().hex,
        analysis_id=analysis_id,
        url=url,
        title=title,
        html_gz=gzip_html(html),
        html_hash=html_key(url, html),
        status=QUEUED,
    )
    session.add(row)
    session.flush()
    return row


def page_of(row: RecheckRow) -> str:
    return gzip.decompress(row.html_gz).decode("utf-8", "replace")


@dataclass(frozen=True)
class Taken:
    """What a worker got when it asked for a re-check."""

    outcome: str  # "taken", "finished", "held", "missing", "gave_up"
    row: RecheckRow | None = None
    retry_in: float = 0.0


# Interrupted attempts (expired leases) after which a re-check is given up.
MAX_ATTEMPTS = 3


def take(session: Session, recheck_id: str, lease_seconds: float) -> Taken:
    """The re-check for this worker, under a lease: of two deliveries of one message, one takes
    it; one whose worker died (its lease ran out) is taken up again, ``MAX_ATTEMPTS`` times at
    most, then given up (readers keep the analysis they had)."""
    now = utcnow()
    gave_up = session.execute(
        update(RecheckRow)
        .where(RecheckRow.id == recheck_id, RecheckRow.status == RUNNING)
        .where(RecheckRow.lease_until < now, RecheckRow.attempts >= MAX_ATTEMPTS)
        .values(status=FAILED, error_code="interrupted", finished_at=now, lease_until=None)
    )
    if gave_up.rowcount == 1:
        session.commit()
        return Taken("gave_up")
    taken = session.execute(
        update(RecheckRow)
        .where(RecheckRow.id == recheck_id)
        .where(
            (RecheckRow.status == QUEUED)
            | ((RecheckRow.status == RUNNING) & (RecheckRow.lease_until < now))
        )
        .values(
            status=RUNNING,
            lease_until=now + timedelta(seconds=lease_seconds),
            attempts=RecheckRow.attempts + 1,
        )
    )
    session.commit()
    row = session.get(RecheckRow, recheck_id, populate_existing=True)
    if row is None:
        return Taken("missing")
    if taken.rowcount == 1:
        return Taken("taken", row)
    if row.status != RUNNING:
        return Taken("finished")
    left = (_aware(row.lease_until) - now).total_seconds() if row.lease_until else 1.0
    return Taken("held", retry_in=max(1.0, left + 1.0))


def release(session: Session, recheck_id: str) -> None:
    """Hand the re-check back (the store or the queue failed mid-way): a later delivery redoes
    it."""
    session.execute(
        update(RecheckRow)
        .where(RecheckRow.id == recheck_id)
        .values(status=QUEUED, lease_until=None, attempts=RecheckRow.attempts - 1)
    )


def same_text(session: Session, recheck: RecheckRow, article: Article) -> AnalysisRow | None:
    """The analysis of this URL that already has the snapshot's text: the one served, or a
    newer revision another re-check created meanwhile."""
    served = session.get(AnalysisRow, recheck.analysis_id)
    if served is None:
        return None
    if served.article.content_hash == sha256(article.text):
        return served
    return find_reusable(
        session,
        url=served.article.url,
        pipeline_version=served.pipeline_version,
        content_hash=sha256(article.text),
    )


def record_same(session: Session, recheck: RecheckRow, analysis: AnalysisRow) -> None:
    now = utcnow()
    session.execute(update(AnalysisRow).where(AnalysisRow.id == analysis.id).values(checked_at=now))
    recheck.status, recheck.result_id, recheck.finished_at = SAME, analysis.id, now
    recheck.lease_until = None


def record_changed(
    session: Session,
    recheck: RecheckRow,
    article: Article,
    *,
    pipeline_version: str,
    extract_ms: float,
) -> AnalysisRow:
    """A queued analysis of the new revision (its text already extracted)."""
    if article.title is None and recheck.title:
        article.title = recheck.title
    served = session.get(AnalysisRow, recheck.analysis_id)
    # The revision goes under the URL of the analysis it follows (the reader may have come by
    # the canonical address): reviews and later re-checks follow it there.
    url = served.article.url if served is not None else recheck.url
    analysis = create_analysis(
        session,
        article=article,
        url=url,
        html=page_of(recheck),
        pipeline_version=pipeline_version,
        user_id=None,
        timings={"extract_ms": round(extract_ms, 1)},
    )
    recheck.status, recheck.result_id, recheck.finished_at = CHANGED, analysis.id, utcnow()
    recheck.lease_until = None
    return analysis


def record_failed(session: Session, recheck: RecheckRow, code: str) -> None:
    """The new snapshot could not be analysed (no article any more, ...): readers keep getting
    the analysis they had."""
    recheck.status, recheck.error_code, recheck.finished_at = FAILED, code, utcnow()
    recheck.lease_until = None


def stale_rechecks(session: Session, *, queued_before: datetime, now: datetime) -> list[str]:
    """Re-checks still queued long after they were stored (their message was never published:
    Redis was down, or it was lost with it) and running ones whose lease ran out (their worker
    died). A second message for one still waiting is harmless (``take`` lets one delivery
    work, and gives up one interrupted too often)."""
    return list(
        session.scalars(
            select(RecheckRow.id)
            .where(
                ((RecheckRow.status == QUEUED) & (RecheckRow.created_at < queued_before))
                | ((RecheckRow.status == RUNNING) & (RecheckRow.lease_until < now))
            )
            .limit(500)
        )
    )


def prune_rechecks(session: Session, *, finished_before: datetime) -> int:
    """Delete finished re-checks older than ``finished_before`` (each keeps a gzipped page):
    what they found lives on in their analyses (``checked_at``, a new revision)."""
    old = select(RecheckRow.id).where(
        RecheckRow.status.in_(FINISHED), RecheckRow.created_at < finished_before
    )
    result = session.execute(
        delete(RecheckRow).where(RecheckRow.id.in_(old.limit(5000).scalar_subquery()))
    )
    return result.rowcount or 0


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes even for timezone-aware columns.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Followed:
    """Where the re-check of a served analysis stands, for the reader who was served it.

    ``status``: ``pending`` (the re-check, or the analysis of the new revision it started, is
    under way), ``same`` (the live page still has the analysis's text), ``changed`` (a newer
    revision of the article is analysed: ``revision``), ``failed`` (the re-check or the new
    revision's analysis failed: the served analysis stands) or ``none`` (no re-check of it).
    ``watch`` names the analyses whose announcement (``worker.tasks.completion``) may end a
    ``pending``.
    """

    status: str
    revision: AnalysisRow | None = None
    watch: tuple[str, ...] = ()


PENDING, NONE = "pending", "none"
FOLLOW_STATUSES = (PENDING, SAME, CHANGED, FAILED, NONE)


def follow(session: Session, analysis: AnalysisRow) -> Followed:
    """The state of ``analysis``'s latest re-check, read from the store."""
    newer = session.scalars(
        select(AnalysisRow)
        .join(ArticleRow)
        .options(contains_eager(AnalysisRow.article))
        .where(ArticleRow.url == analysis.article.url)
        .where(AnalysisRow.pipeline_version == analysis.pipeline_version)
        .where(AnalysisRow.status == AnalysisStatus.DONE)
        .where(AnalysisRow.created_at > analysis.created_at)
        .order_by(AnalysisRow.created_at.desc())
        .limit(1)
    ).first()
    if newer is not None:
        return Followed(CHANGED, newer)
    last = session.scalars(
        select(RecheckRow)
        .where(RecheckRow.analysis_id == analysis.id)
        .order_by(RecheckRow.created_at.desc())
        .limit(1)
    ).first()
    if last is None:
        return Followed(NONE)
    if last.status in (QUEUED, RUNNING):
        return Followed(PENDING, watch=(analysis.id,))
    if last.status != CHANGED or last.result_id is None:
        return Followed(last.status)
    result = session.get(AnalysisRow, last.result_id)
    if result is None or result.status == AnalysisStatus.FAILED:
        return Followed(FAILED)
    if result.status == AnalysisStatus.DONE:  # done, yet not newer: an older revision's text
        return Followed(CHANGED, result)
    return Followed(PENDING, watch=(analysis.id, result.id))
