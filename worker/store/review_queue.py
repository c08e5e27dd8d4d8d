"""The editors' review queue on the store side: filters, keyset pages, counts, neighbours.

Pagination is keyset on the primary key (newest first = highest id first): a page costs the same
at the first finding as at the 100,000th, and the (filter, id) indexes of migration 0002 let the
database stop after one page instead of sorting every match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    exists,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from worker.store.models import (
    AnalysisRow,
    ArticleRow,
    FindingRow,
    ReaderReport,
    User,
    utcnow,
)
from worker.vocabulary import AnalysisStatus, Kind

MAX_PAGE = 200
# Below this an attribution rests on a belief cue, a nested report or no named speaker
# (``attribution.build._confidence``: a summary by an unnamed source is 0.6, a belief 0.55 at best).
LOW_CONFIDENCE = 0.6
MAX_QUERY = 200
# Must stay identical to the expression indexed by migration 0002 (ix_findings_fts).
FTS_DOCUMENT = "to_tsvector('simple', findings.text || ' ' || coalesce(findings.speaker_name, ''))"


@dataclass(frozen=True)
class QueueFilter:
    """What the editor narrowed the queue to; every field is optional."""

    kind: str | None = None
    type: str | None = None
    status: str | None = None
    site: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    speaker: str | None = None
    assignee_id: int | None = None
    unassigned: bool = False
    reported: bool = False
    text_changed: bool = False
    verdict: str | None = None
    # Only findings with some verdict (the ClaimReview export).
    has_verdict: bool = False
    analysis_id: str | None = None
    q: str | None = None
    # Findings of an analysis that a newer analysis of the same URL replaced (its reviews were
    # carried over) are hidden unless asked for, or unless one analysis is asked for.
    all_versions: bool = False
    # Attributions the pipeline is least sure of (``LOW_CONFIDENCE``) left out: the web view's
    # default, so that an editor is not buried under belief cues and speakerless summaries.
    hide_low_confidence: bool = False

    def without(self, *names: str) -> QueueFilter:
        return replace(
            self, **{name: QueueFilter.__dataclass_fields__[name].default for name in names}
        )


@dataclass
class QueueItem:
    """A finding as the queue lists it, with its article and the counts beside it."""

    finding: FindingRow
    site: str | None
    url: str
    title: str | None
    published: str | None
    reports: int
    assignee: str | None


@dataclass
class Page:
    items: list[QueueItem]
    next_after: int | None  # older findings: pass as ``after``
    prev_before: int | None  # newer findings: pass as ``before``


@dataclass
class Counts:
    total: int
    status: dict[str, int] = field(default_factory=dict)
    type: dict[tuple[str, str], int] = field(default_factory=dict)
    site: list[tuple[str, int]] = field(default_factory=list)
    verdict: dict[str, int] = field(default_factory=dict)

    @property
    def kind(self) -> dict[str, int]:
        """Per kind, from the type facet (which already ignores the kind filter)."""
        out: dict[str, int] = {}
        for (kind, _), n in self.type.items():
            out[kind] = out.get(kind, 0) + n
        return out


def search_words(q: str | None) -> list[str]:
    """The words of a search box, lower-cased, without tsquery or LIKE syntax."""
    if not q:
        return []
    return [w.lower() for w in re.findall(r"\w+", q[:MAX_QUERY])][:12]


def _search(words: list[str], dialect: str) -> ColumnElement[bool]:
    if dialect == "postgresql":
        # Prefix match on every word ("dujar" finds "Dujarric"); the words are \w+ only, so the
        # tsquery cannot be malformed.
        query = " & ".join(f"{w}:*" for w in words)
        return literal_column(FTS_DOCUMENT).op("@@")(
            func.to_tsquery(literal_column("'simple'"), query)
        )
    clauses = []
    for word in words:
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append(
            or_(
                FindingRow.text.ilike(pattern, escape="\\"),
                FindingRow.speaker_name.ilike(pattern, escape="\\"),
            )
        )
    return and_(*clauses)


def superseded() -> Select:
    """Ids of analyses for which a newer finished analysis of the same URL exists."""
    newer, newer_article = aliased(AnalysisRow), aliased(ArticleRow)
    replaced_by_newer = exists(
        select(newer.id)
        .join(newer_article, newer.article_id == newer_article.id)
        .where(
            newer_article.url == ArticleRow.url,
            newer.status == AnalysisStatus.DONE,
            newer.created_at > AnalysisRow.created_at,
        )
    )
    return (
        select(AnalysisRow.id)
        .join(ArticleRow, AnalysisRow.article_id == ArticleRow.id)
        .where(AnalysisRow.status == AnalysisStatus.DONE, replaced_by_newer)
    )


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min).replace(tzinfo=utcnow().tzinfo)


def superseded_ids(session: Session) -> list[str]:
    """The superseded analyses, looked up once per session (a request): usually none or few,
    and a literal list costs the queue's five queries nothing, where a subquery costs each."""
    if "superseded" not in session.info:
        session.info["superseded"] = list(session.scalars(superseded()))
    return session.info["superseded"]


def conditions(
    f: QueueFilter,
    dialect: str,
    hidden: list[str] | None = None,
) -> list[ColumnElement[bool]]:
    """SQL conditions for a filter (on findings joined to analyses and articles); ``hidden``
    are superseded analyses, left out unless the filter asks for all versions."""
    out: list[ColumnElement[bool]] = []
    if f.kind:
        out.append(FindingRow.kind == f.kind)
    if f.type:
        out.append(FindingRow.type == f.type)
    if f.status:
        out.append(FindingRow.review_status == f.status)
    if f.verdict:
        out.append(FindingRow.verdict == f.verdict)
    if f.has_verdict:
        out.append(FindingRow.verdict.is_not(None))
    if f.site:
        out.append(ArticleRow.site == f.site)
    if f.date_from:
        out.append(FindingRow.created_at >= _day_start(f.date_from))
    if f.date_to:
        out.append(FindingRow.created_at < _day_start(f.date_to + timedelta(days=1)))
    if f.speaker:
        out.append(FindingRow.speaker_name == f.speaker)
    if f.unassigned:
        out.append(FindingRow.assignee_id.is_(None))
    elif f.assignee_id is not None:
        out.append(FindingRow.assignee_id == f.assignee_id)
    if f.reported:
        out.append(exists().where(ReaderReport.finding_id == FindingRow.id))
    if f.text_changed:
        out.append(FindingRow.text_changed.is_(True))
    if f.hide_low_confidence:
        out.append(
            or_(FindingRow.kind != Kind.ATTRIBUTION, FindingRow.confidence >= LOW_CONFIDENCE)
        )
    if f.analysis_id:
        out.append(FindingRow.analysis_id == f.analysis_id)
    elif not f.all_versions and hidden:
        out.append(FindingRow.analysis_id.not_in(hidden))
    words = search_words(f.q)
    if words:
        out.append(_search(words, dialect))
    return out


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _joined(stmt: Select) -> Select:
    return (
        stmt.select_from(FindingRow)
        .join(AnalysisRow, FindingRow.analysis_id == AnalysisRow.id)
        .join(ArticleRow, AnalysisRow.article_id == ArticleRow.id)
    )


def _scoped(stmt: Select, f: QueueFilter) -> Select:
    """Findings only, joined to their articles only when the site filter needs them: counting
    100,000 rows is several times faster without the two joins."""
    return _joined(stmt) if f.site else stmt.select_from(FindingRow)


def _where(session: Session, f: QueueFilter) -> list[ColumnElement[bool]]:
    hidden = None if f.analysis_id or f.all_versions else superseded_ids(session)
    return conditions(f, _dialect(session), hidden)


def _page_select(session: Session, f: QueueFilter) -> Select:
    reports = (
        select(func.count(ReaderReport.id))
        .where(ReaderReport.finding_id == FindingRow.id)
        .correlate(FindingRow)
        .scalar_subquery()
    )
    assignee = select(User.email).where(User.id == FindingRow.assignee_id).scalar_subquery()
    stmt = _joined(
        select(
            FindingRow,
            ArticleRow.site,
            ArticleRow.url,
            ArticleRow.title,
            ArticleRow.published,
            reports.label("reports"),
            assignee.label("assignee"),
        )
    )
    return stmt.where(*_where(session, f))


def _queue_item(row: Any) -> QueueItem:
    """A row of ``_page_select`` as a QueueItem."""
    return QueueItem(
        finding=row[0],
        site=row[1],
        url=row[2],
        title=row[3],
        published=row[4],
        reports=int(row[5] or 0),
        assignee=row[6],
    )


def queue_page(
    session: Session,
    f: QueueFilter,
    *,
    after: int | None = None,
    before: int | None = None,
    limit: int = 50,
) -> Page:
    """One page of the queue, newest first; ``after``/``before`` are ids from a previous page."""
    limit = max(1, min(int(limit), MAX_PAGE))
    stmt = _page_select(session, f)
    if before is not None:
        stmt = stmt.where(FindingRow.id > before).order_by(FindingRow.id.asc())
    else:
        if after is not None:
            stmt = stmt.where(FindingRow.id < after)
        stmt = stmt.order_by(FindingRow.id.desc())
    rows = session.execute(stmt.limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    if before is not None:
        rows.reverse()
    items = [_queue_item(r) for r in rows]
    if not items:
        return Page(items, None, None)
    first, last = items[0].finding.id, items[-1].finding.id
    if before is not None:
        return Page(items, next_after=last, prev_before=first if more else None)
    return Page(
        items, next_after=last if more else None, prev_before=first if after is not None else None
    )


def count(session: Session, f: QueueFilter) -> int:
    stmt = _scoped(select(func.count(FindingRow.id)), f).where(*_where(session, f))
    return int(session.scalar(stmt) or 0)


def hidden_low_count(session: Session, f: QueueFilter) -> int:
    """How many attributions ``f``'s ``hide_low_confidence`` leaves out of its queue."""
    stmt = _scoped(select(func.count()), f).where(
        *_where(session, f.without("hide_low_confidence")),
        FindingRow.kind == Kind.ATTRIBUTION,
        FindingRow.confidence < LOW_CONFIDENCE,
    )
    return int(session.scalar(stmt) or 0)


def counts(session: Session, f: QueueFilter, top_sites: int = 15) -> Counts:
    """Counts per facet; each facet ignores its own filter so the alternatives stay visible."""
    by_status = (
        _scoped(select(FindingRow.review_status, func.count()), f)
        .where(*_where(session, f.without("status")))
        .group_by(FindingRow.review_status)
    )
    status = {s: int(n) for s, n in session.execute(by_status)}
    # The total is the status facet's own sum (or its one bucket): one scan fewer per page.
    result = Counts(
        total=status.get(f.status, 0) if f.status else sum(status.values()), status=status
    )
    by_type = (
        _scoped(select(FindingRow.kind, FindingRow.type, func.count()), f)
        .where(*_where(session, f.without("kind", "type")))
        .group_by(FindingRow.kind, FindingRow.type)
    )
    result.type = {(k, t): int(n) for k, t, n in session.execute(by_type)}
    by_verdict = (
        _scoped(select(FindingRow.verdict, func.count()), f)
        .where(
            FindingRow.verdict.is_not(None), *_where(session, f.without("verdict", "has_verdict"))
        )
        .group_by(FindingRow.verdict)
    )
    result.verdict = {v: int(n) for v, n in session.execute(by_verdict)}
    # Count per analysis on the findings table alone, then join the few thousand analyses to
    # their sites: joining 100,000 findings to articles first costs several times more.
    per_analysis = (
        select(FindingRow.analysis_id, func.count().label("n"))
        .where(*_where(session, f.without("site")))
        .group_by(FindingRow.analysis_id)
        .subquery()
    )
    total = func.sum(per_analysis.c.n)
    by_site = (
        select(ArticleRow.site, total)
        .select_from(per_analysis)
        .join(AnalysisRow, AnalysisRow.id == per_analysis.c.analysis_id)
        .join(ArticleRow, ArticleRow.id == AnalysisRow.article_id)
        .group_by(ArticleRow.site)
        .order_by(total.desc())
        .limit(top_sites)
    )
    result.site = [(s or "(unknown site)", int(n)) for s, n in session.execute(by_site)]
    return result


def get_item(session: Session, finding_id: int) -> QueueItem | None:
    """One finding with its queue row's extras, whatever version or filter it belongs to."""
    rows = session.execute(
        _page_select(session, QueueFilter(all_versions=True)).where(FindingRow.id == finding_id)
    ).all()
    return _queue_item(rows[0]) if rows else None


def neighbours(session: Session, f: QueueFilter, finding_id: int) -> tuple[int | None, int | None]:
    """(newer, older) finding ids around ``finding_id`` in the filtered queue."""
    base = _scoped(select(FindingRow.id), f).where(*_where(session, f))
    newer = session.scalar(
        base.where(FindingRow.id > finding_id).order_by(FindingRow.id.asc()).limit(1)
    )
    older = session.scalar(
        base.where(FindingRow.id < finding_id).order_by(FindingRow.id.desc()).limit(1)
    )
    return newer, older
