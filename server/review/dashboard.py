"""The dashboard: what was found, where, from whom, and which sites lean on weak sourcing."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from flask import render_template
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from server.db import get_session
from server.review.blueprint import bp
from server.review.charts import hbars, lines
from server.review.sessions import require_role
from worker.store.models import AnalysisRow, ArticleRow, FindingRow
from worker.store.review_queue import superseded_ids
from worker.vocabulary import TYPE_LABELS, FindingType, Kind

DAYS = 30
# Statements that rest on a source the reader cannot check, or on figures nobody confirmed.
WEAK_TYPES = (FindingType.ANONYMOUS_SOURCE, FindingType.UNCONFIRMED, FindingType.UNSOURCED_FIGURE)


def _current(session: Session, stmt: Any) -> Any:
    """Only findings of each URL's latest analysis, as the queue shows them: a re-analysed
    article is counted once."""
    hidden = superseded_ids(session)
    return stmt.where(FindingRow.analysis_id.not_in(hidden)) if hidden else stmt


def _joined(session: Session, stmt: Any) -> Any:
    return _current(
        session,
        stmt.select_from(FindingRow)
        .join(AnalysisRow, FindingRow.analysis_id == AnalysisRow.id)
        .join(ArticleRow, AnalysisRow.article_id == ArticleRow.id),
    )


def _day(value: Any) -> str:
    return str(value)[:10]


def day_range(first: date, last: date, days: int = DAYS, at_least: int = 7) -> list[str]:
    """The days to draw: from the first day with data (within ``days``), never fewer than
    ``at_least`` so a single day still reads as a line."""
    span = min(days, max(at_least, (last - first).days + 1))
    return [(last - timedelta(days=span - 1 - i)).isoformat() for i in range(span)]


def over_time(session: Session, column: Any, limit: int = 6) -> tuple[list[str], dict]:
    """Findings per day per value of ``column`` over the last DAYS days with data."""
    day = func.date(FindingRow.created_at)
    oldest, newest = session.execute(select(func.min(day), func.max(day))).one()
    if newest is None:
        return [], {}
    days = day_range(date.fromisoformat(_day(oldest)), date.fromisoformat(_day(newest)))
    rows = session.execute(
        _joined(session, select(day, column, func.count()))
        .where(FindingRow.created_at >= date.fromisoformat(days[0]))
        .group_by(day, column)
    ).all()
    series: dict[str, dict[str, int]] = defaultdict(dict)
    for d, value, n in rows:
        series[str(value or "(unknown)")][_day(d)] = int(n)
    top = sorted(series, key=lambda k: -sum(series[k].values()))[:limit]
    return days, {k: series[k] for k in top}


def top_speakers(session: Session, limit: int = 12) -> list[tuple[str, float]]:
    rows = session.execute(
        _current(session, select(FindingRow.speaker_name, func.count()))
        .where(FindingRow.kind == Kind.ATTRIBUTION, FindingRow.speaker_name.is_not(None))
        # "officials said" is not a speaker anyone quotes by name.
        .where(
            func.coalesce(FindingRow.data[("speaker", "anonymous")].as_boolean(), False).is_(False)
        )
        .group_by(FindingRow.speaker_name)
        .order_by(func.count().desc())
        .limit(limit)
    ).all()
    return [(name, float(n)) for name, n in rows]


def weak_sourcing(session: Session, limit: int = 12) -> list[tuple[str, float, int]]:
    """(site, share of its findings resting on anonymous sources or unconfirmed figures, total)."""
    weak = func.sum(case((FindingRow.type.in_(WEAK_TYPES), 1), else_=0))
    rows = session.execute(
        _joined(session, select(ArticleRow.site, weak, func.count()))
        .group_by(ArticleRow.site)
        .order_by(func.count().desc())
        .limit(limit)
    ).all()
    shares = [(site or "(unknown)", int(w or 0) / int(n), int(n)) for site, w, n in rows if n]
    return sorted(shares, key=lambda r: -r[1])


@bp.get("/review/dashboard")
@require_role("editor")
def dashboard() -> Any:
    db = get_session()
    type_days, by_type = over_time(db, FindingRow.type, limit=10)
    site_days, by_site = over_time(db, ArticleRow.site)
    weak = weak_sourcing(db)
    return render_template(
        "review/dashboard.html",
        by_type=lines(type_days, {TYPE_LABELS.get(t, t): n for t, n in by_type.items()}),
        by_site=lines(site_days, by_site),
        speakers=hbars(top_speakers(db)),
        weak=hbars([(site, share) for site, share, _ in weak], percent=True),
        weak_totals={site: total for site, _, total in weak},
        total=db.scalar(select(func.count(FindingRow.id))) or 0,
    )
