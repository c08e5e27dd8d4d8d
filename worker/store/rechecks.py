"""Re-checks: a fresh snapshot of a page whose analysis was served from the store, compared in a
worker with the analysis's text.

Same text: the analysis is marked checked now (it stays the one readers get). Changed text: a new
analysis of the new revision, queued like any other; reviews follow it as ``revisions`` says.
"""

from __future__ import annotations

import gzip
import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from worker.pipeline.model import Article
from worker.store.analyses import create_analysis, find_reusable, gzip_html, html_key, sha256
from worker.store.models import AnalysisRow, RecheckRow, utcnow

QUEUED, SAME, CHANGED, FAILED = "queued", "same", "changed", "failed"


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


def take(session: Session, recheck_id: str) -> RecheckRow | None:
    """The re-check if it is still to do: of two deliveries of one message, one takes it."""
    taken = session.execute(
        update(RecheckRow)
        .where(RecheckRow.id == recheck_id, RecheckRow.status == QUEUED)
        .values(status="running")
    )
    session.commit()
    return session.get(RecheckRow, recheck_id) if taken.rowcount == 1 else None


def release(session: Session, recheck_id: str) -> None:
    """Hand the re-check back (the store or the queue failed mid-way): a later delivery redoes
    it."""
    session.execute(update(RecheckRow).where(RecheckRow.id == recheck_id).values(status=QUEUED))


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
    return analysis


def record_failed(session: Session, recheck: RecheckRow, code: str) -> None:
    """The new snapshot could not be analysed (no article any more, ...): readers keep getting
    the analysis they had."""
    recheck.status, recheck.error_code, recheck.finished_at = FAILED, code, utcnow()


def stale_rechecks(session: Session, *, queued_before: datetime) -> list[str]:
    """Re-checks still queued long after they were stored: their message was never published
    (Redis was down) or was lost with it. A second message for one still waiting is harmless
    (``take`` lets one delivery work)."""
    return list(
        session.scalars(
            select(RecheckRow.id)
            .where(RecheckRow.status == QUEUED, RecheckRow.created_at < queued_before)
            .limit(500)
        )
    )
