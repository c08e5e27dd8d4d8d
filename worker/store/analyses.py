"""Queries and state changes of analyses: the store side of the analysis life cycle.

queued -> running (under a lease) -> done | failed. Every change is a single short transaction,
so a worker killed at any point leaves either the old state or the new one, never a mix.
"""

from __future__ import annotations

import gzip
import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session, contains_eager, joinedload, object_session

from worker.pipeline.model import Article, Finding
from worker.store.claim_matches import match_within
from worker.store.claims_across import across_articles
from worker.store.models import AnalysisRow, ArticleRow, FindingRow, utcnow
from worker.store.revisions import carry_over_reviews
from worker.vocabulary import FINISHED, AnalysisStatus, ReviewStatus


def sha256(text: str | bytes) -> str:
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def html_key(url: str, html: str) -> str:
    """Identity of an exact submission: the same page bytes at the same URL."""
    return sha256(url + "\x00" + html)


def find_reusable(
    session: Session,
    *,
    url: str,
    pipeline_version: str,
    content_hash: str | None = None,
    html_hash: str | None = None,
) -> AnalysisRow | None:
    """The newest analysis of the same URL and text (or exact HTML) that is not failed."""
    if content_hash is not None:
        same = ArticleRow.content_hash == content_hash
    elif html_hash is not None:
        same = ArticleRow.html_hash == html_hash
    else:
        raise ValueError("content_hash or html_hash is required")
    return _newest_with_article(
        session,
        ArticleRow.url == url,
        AnalysisRow.pipeline_version == pipeline_version,
        AnalysisRow.status != AnalysisStatus.FAILED,
        same,
    )


def _newest_with_article(session: Session, *where: Any) -> AnalysisRow | None:
    """The newest analysis meeting ``where``, its article loaded by the same query (callers
    serialise it next)."""
    return session.scalars(
        select(AnalysisRow)
        .join(ArticleRow)
        .options(contains_eager(AnalysisRow.article))
        .where(*where)
        .order_by(AnalysisRow.created_at.desc())
        .limit(1)
    ).first()


# The content hash of an article whose page a worker has not extracted yet: first submissions are
# stored as they come and extracted in the worker (``worker.tasks.extract_step``).
NOT_EXTRACTED = ""


def _article_row(url: str, html: str, title: str | None) -> ArticleRow:
    return ArticleRow(
        url=url,
        title=title,
        text="",
        content_hash=NOT_EXTRACTED,
        html_gz=gzip_html(html),
        html_hash=html_key(url, html),
    )


def gzip_html(html: str) -> bytes:
    return gzip.compress(html.encode("utf-8", "replace"), compresslevel=6)


def create_submission(
    session: Session,
    *,
    url: str,
    html: str,
    title: str | None,
    pipeline_version: str,
    user_id: int | None,
) -> AnalysisRow:
    """A queued analysis of a page as submitted; the worker extracts its article first."""
    analysis = AnalysisRow(
        id=uuid.uuid4().hex,
        article=_article_row(url, html, title),
        status=AnalysisStatus.QUEUED,
        pipeline_version=pipeline_version,
        submitted_by=user_id,
        attempts=0,
    )
    session.add(analysis)
    session.flush()
    return analysis


def pending_for_url(session: Session, *, url: str, pipeline_version: str) -> AnalysisRow | None:
    """The newest analysis of ``url`` still queued or running: readers clicking a page whose
    analysis is under way share it."""
    return _newest_with_article(
        session,
        ArticleRow.url == url,
        AnalysisRow.pipeline_version == pipeline_version,
        AnalysisRow.status.in_((AnalysisStatus.QUEUED, AnalysisStatus.RUNNING)),
    )


def latest_done(session: Session, *, url: str, pipeline_version: str) -> AnalysisRow | None:
    """The newest finished analysis whose page was submitted at ``url`` or names it canonical:
    the latest revision of the article, as readers should see it."""
    return _newest_with_article(
        session,
        (ArticleRow.url == url) | (ArticleRow.canonical_url == url),
        AnalysisRow.pipeline_version == pipeline_version,
        AnalysisRow.status == AnalysisStatus.DONE,
    )


def last_checked(row: AnalysisRow) -> datetime | None:
    """When the analysis's text was last known to be the live page's."""
    moments = [_aware(m) for m in (row.checked_at, row.finished_at) if m is not None]
    return max(moments, default=None)


def record_extraction(
    session: Session, analysis_id: str, page: StoredPage, article: Article, extract_ms: float
) -> str:
    """Fill in the article a worker extracted from the stored page; returns its content hash.
    Two UPDATEs by key: the claim already read what they build on."""
    values: dict[str, Any] = {
        "canonical_url": article.url if article.url and article.url != page.url else None,
        "site": article.site,
        "byline": article.byline,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "content_hash": sha256(article.text),
    }
    if article.title:  # the reader's title stands in when the page has none
        values["title"] = article.title
    session.execute(update(ArticleRow).where(ArticleRow.id == page.article_id).values(values))
    timings = {**(page.timings or {}), "extract_ms": round(extract_ms, 1)}
    session.execute(
        update(AnalysisRow).where(AnalysisRow.id == analysis_id).values(timings=timings)
    )
    return values["content_hash"]


def same_text_done(
    session: Session, analysis_id: str, page: StoredPage, content_hash: str
) -> AnalysisRow | None:
    """An earlier finished analysis of the same URL with the same text as this one."""
    return session.scalars(
        select(AnalysisRow)
        .join(ArticleRow)
        .where(ArticleRow.url == page.url)
        .where(ArticleRow.content_hash == content_hash)
        .where(AnalysisRow.pipeline_version == page.pipeline_version)
        .where(AnalysisRow.status == AnalysisStatus.DONE)
        .where(AnalysisRow.id != analysis_id)
        .order_by(AnalysisRow.created_at.desc())
        .limit(1)
    ).first()


def create_analysis(
    session: Session,
    *,
    article: Article,
    url: str,
    html: str,
    pipeline_version: str,
    user_id: int | None,
    timings: dict[str, float] | None = None,
) -> AnalysisRow:
    row = ArticleRow(
        url=url,
        canonical_url=article.url if article.url and article.url != url else None,
        site=article.site,
        title=article.title,
        byline=article.byline,
        published=article.published,
        language=article.language,
        text=article.text,
        content_hash=sha256(article.text),
        html_gz=gzip_html(html),
        html_hash=html_key(url, html),
    )
    analysis = AnalysisRow(
        id=uuid.uuid4().hex,
        article=row,
        status=AnalysisStatus.QUEUED,
        pipeline_version=pipeline_version,
        submitted_by=user_id,
        attempts=0,
        timings=dict(timings) if timings else None,
    )
    session.add(analysis)
    session.flush()
    return analysis


def mark_enqueued(session: Session, analysis_id: str) -> None:
    session.execute(
        update(AnalysisRow).where(AnalysisRow.id == analysis_id).values(enqueued_at=utcnow())
    )


@dataclass(frozen=True)
class StoredPage:
    """What a worker needs to extract a submission's article, read with the claim itself."""

    article_id: int
    url: str
    html_gz: bytes
    pipeline_version: str
    timings: dict[str, Any] | None


@dataclass(frozen=True)
class Claim:
    """What a worker got when it asked to work on an analysis."""

    outcome: str  # "claimed", "finished", "held", "missing", "gave_up"
    text: str = ""
    retry_in: float = 0.0
    extracted: bool = True  # False: the worker extracts the stored page first
    page: StoredPage | None = None  # the stored page, when not extracted


# Interrupted attempts (expired leases) after which an analysis is given up.
MAX_ATTEMPTS = 3


def interrupted_message(attempts: int) -> str:
    return (
        f"The analysis was interrupted {attempts} times (the worker stopped or the page took "
        "too long), so it was given up."
    )


def claim(session: Session, analysis_id: str, lease_seconds: float) -> Claim:
    """Take the analysis for this worker unless it is finished or another worker holds it.

    The conditional UPDATE is the lock: of two deliveries of the same task, one wins. An
    analysis whose lease expired ``MAX_ATTEMPTS`` times (its worker was killed each time: a page
    that crashes the process, or one too slow for the hard limit) is given up here, so a
    redelivered message cannot start it again.
    """
    now = utcnow()
    expired = (AnalysisRow.status == AnalysisStatus.RUNNING) & (AnalysisRow.lease_until < now)
    # The usual case in one statement: a queued analysis, or one whose lease ran out with
    # attempts left. Only when that takes nothing is the give-up looked for (the conditions
    # split what one UPDATE each did before: the same outcome for every state).
    result = session.execute(
        update(AnalysisRow)
        .where(AnalysisRow.id == analysis_id)
        .where(
            (AnalysisRow.status == AnalysisStatus.QUEUED)
            | (expired & (AnalysisRow.attempts.is_(None) | (AnalysisRow.attempts < MAX_ATTEMPTS)))
        )
        .values(
            status=AnalysisStatus.RUNNING,
            started_at=now,
            lease_until=now + timedelta(seconds=lease_seconds),
            attempts=AnalysisRow.attempts + 1,
        )
    )
    if result.rowcount != 1:
        gave_up = session.execute(
            update(AnalysisRow)
            .where(AnalysisRow.id == analysis_id)
            .where(expired)
            .where(AnalysisRow.attempts >= MAX_ATTEMPTS)
            .values(
                status=AnalysisStatus.FAILED,
                error_code="interrupted",
                error=interrupted_message(MAX_ATTEMPTS),
                finished_at=now,
                lease_until=None,
            )
        )
        if gave_up.rowcount == 1:
            return Claim("gave_up")
    # The analysis and its article in one query (the page comes along: the worker extracts it
    # next unless it already was).
    row = session.scalars(
        select(AnalysisRow)
        .options(joinedload(AnalysisRow.article, innerjoin=True).undefer(ArticleRow.html_gz))
        .where(AnalysisRow.id == analysis_id)
        .execution_options(populate_existing=True)
    ).first()
    if row is None:
        return Claim("missing")
    if result.rowcount == 1:
        art = row.article
        if art.content_hash != NOT_EXTRACTED:
            return Claim("claimed", text=art.text)
        page = StoredPage(art.id, art.url, art.html_gz or b"", row.pipeline_version, row.timings)
        return Claim("claimed", text=art.text, extracted=False, page=page)
    if row.status in FINISHED:
        return Claim("finished")
    remaining = (_aware(row.lease_until) - now).total_seconds() if row.lease_until else 1.0
    return Claim("held", retry_in=max(1.0, remaining + 1.0))


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes even for timezone-aware columns.
    return value if value.tzinfo else value.replace(tzinfo=utcnow().tzinfo)


def _finding_values(analysis_id: str, data: dict[str, Any]) -> dict[str, Any]:
    speaker = data.get("speaker") or {}
    return {
        "analysis_id": analysis_id,
        "fid": data["id"],
        "kind": data["kind"],
        "type": data["type"],
        "start": data["start"],
        "end": data["end"],
        "text": data["text"],
        "speaker_name": (speaker.get("name") or speaker.get("text")) if speaker else None,
        "confidence": float(data.get("confidence", 0.5)),
        "data": data,
    }


def save_result(
    session: Session,
    analysis_id: str,
    findings: list[Finding],
    timings: dict[str, float],
    match_budget: float | None = None,
) -> bool:
    """Store the findings and mark the analysis done, in one transaction, matching its claims
    for at most ``match_budget`` seconds (``match_within``). False if not ours."""
    data = [f.to_dict() for f in findings]
    return _finish(session, analysis_id, data, timings, match_budget)


def reuse_findings(
    session: Session,
    analysis_id: str,
    source: AnalysisRow,
    timings: dict[str, float],
    match_budget: float | None = None,
) -> bool:
    """Finish the analysis with the findings of ``source``, an analysis of the same text: no
    second parse. Reviews follow as for any new revision."""
    data = [dict(f.data) for f in source.findings]
    return _finish(session, analysis_id, data, timings, match_budget)


def _finish(
    session: Session,
    analysis_id: str,
    findings: list[dict[str, Any]],
    timings: dict[str, Any],
    match_budget: float | None,
) -> bool:
    row = session.get(AnalysisRow, analysis_id, with_for_update=True)
    if row is None or row.status != AnalysisStatus.RUNNING:
        return False
    session.execute(delete(FindingRow).where(FindingRow.analysis_id == analysis_id))
    if findings:
        # One multi-row INSERT in the findings' order (their ids follow it), without building
        # ORM objects nobody reads in this transaction: what follows queries the rows.
        session.execute(insert(FindingRow), [_finding_values(analysis_id, d) for d in findings])
    carry_over_reviews(session, row)
    row.status = AnalysisStatus.DONE
    row.error = None
    row.error_code = None
    row.finished_at = utcnow()
    row.lease_until = None
    # Add the wait in the queue and the worker's times to the extraction time already there.
    merged = dict(row.timings or {})
    if row.started_at is not None and row.created_at is not None:
        waited = (_aware(row.started_at) - _aware(row.created_at)).total_seconds() * 1000
        merged["queue_ms"] = round(max(0.0, waited), 1)
    row.timings = {**merged, **timings}
    # In the same transaction: an analysis is never seen done without its claim matches.
    match_within(session, row, match_budget)
    return True


def mark_failed(
    session: Session, analysis_id: str, code: str, message: str, reason: str | None = None
) -> None:
    session.execute(
        update(AnalysisRow)
        .where(AnalysisRow.id == analysis_id)
        .where(AnalysisRow.status.in_((AnalysisStatus.QUEUED, AnalysisStatus.RUNNING)))
        .values(
            status=AnalysisStatus.FAILED,
            error=message,
            error_code=code,
            error_reason=reason,
            finished_at=utcnow(),
            lease_until=None,
        )
    )


def stale_analyses(
    session: Session, *, queued_before: datetime, now: datetime
) -> tuple[list[str], list[AnalysisRow]]:
    """Queued analyses nobody picked up in time, and running ones whose lease ran out."""
    queued = session.scalars(
        select(AnalysisRow.id)
        .where(AnalysisRow.status == AnalysisStatus.QUEUED)
        .where((AnalysisRow.enqueued_at.is_(None)) | (AnalysisRow.enqueued_at < queued_before))
        .where(AnalysisRow.created_at < queued_before)
        .limit(500)
    ).all()
    expired = session.scalars(
        select(AnalysisRow)
        .where(AnalysisRow.status == AnalysisStatus.RUNNING)
        .where(AnalysisRow.lease_until < now)
        .limit(500)
    ).all()
    return list(queued), list(expired)


def finding_dict(row: FindingRow) -> dict[str, Any]:
    """A finding as readers get it. What editors published travels with it: the review status,
    and the verdict unless the finding is still marked for follow-up (a draft). Notes are the
    desk's own and stay in the review API."""
    data = dict(row.data)
    if row.review_status != ReviewStatus.NEW or row.verdict:
        draft = row.review_status == ReviewStatus.FOLLOW_UP
        data["review"] = {"status": row.review_status, "verdict": None if draft else row.verdict}
    return data


def _findings(row: AnalysisRow) -> list[dict[str, Any]]:
    """The findings with what the store knows across articles (``claims_across``)."""
    rows = list(row.findings)
    session = object_session(row)
    extra = across_articles(session, rows) if session is not None and rows else {}
    return [{**finding_dict(f), **extra.get(f.id, {})} for f in rows]


def analysis_dict(row: AnalysisRow) -> dict[str, Any]:
    """The API's JSON of an analysis (DESIGN.md), findings only once it is done."""
    art = row.article
    d: dict[str, Any] = {
        "id": row.id,
        "status": row.status,
        "pipeline_version": row.pipeline_version,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "article": {
            "title": art.title,
            "byline": art.byline,
            "published": art.published,
            "site": art.site,
            "url": art.canonical_url or art.url,
            "submitted_url": art.url,
            "language": art.language,
            "text": art.text,
        },
        "findings": _findings(row) if row.status == AnalysisStatus.DONE else [],
    }
    if row.status == AnalysisStatus.DONE:
        # "pending": findings not yet matched with other articles' claims; ask again shortly.
        d["matching"] = "done" if row.matched_at is not None else "pending"
    if row.status == AnalysisStatus.FAILED:
        d["error"] = row.error or "The analysis failed."
        d["error_code"] = row.error_code or "failed"
        if row.error_reason:
            d["error_reason"] = row.error_reason
    if row.timings:
        d["timings"] = row.timings
    return d
