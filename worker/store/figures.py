"""Figures of one event across the articles in the store: what other articles report for a
finding's count (the reader's card) and the diverging groups (the editors' list).

A finished analysis's counts are written once (``record_figures``, called when the analysis
finishes) into ``figures``, by kind and day; reading them back for a card is then one indexed
query of the same kind of count within the date window. The decisions are
``worker.pipeline.figure_compare``'s.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from worker.pipeline import figure_compare as fc
from worker.store.models import AnalysisRow, ArticleRow, FigureRow, utcnow
from worker.vocabulary import AnalysisStatus

MAX_FIGURES_PER_FINDING = 8
# Rows read at most: the card's query (one kind of count over a week) and the editors' list.
MAX_ROWS = 2000
MAX_LIST_ROWS = 5000


def article_json(article: ArticleRow) -> dict[str, Any]:
    return {
        "title": article.title,
        "text": article.text,
        "site": article.site,
        "url": article.canonical_url or article.url,
        "published": article.published,
    }


def record_figures(session: Session, analysis_id: str) -> int:
    """Write the counts a finished analysis's findings state (again: a re-run replaces them).
    Returns how many; the caller commits."""
    row = session.get(AnalysisRow, analysis_id)
    if row is None or row.status != AnalysisStatus.DONE:
        return 0
    session.execute(delete(FigureRow).where(FigureRow.analysis_id == analysis_id))
    created = row.created_at
    claims = fc.figure_claims(
        [{**f.data, "ref": str(f.id)} for f in row.findings],
        article_json(row.article),
        article_key=row.article.canonical_url or row.article.url,
        date_of=created.date().isoformat() if created else None,
    )
    for c in claims:
        session.add(
            FigureRow(
                finding_id=int(c.ref),
                analysis_id=analysis_id,
                kind=c.count.kind,
                low=c.count.low,
                high=None if math.isinf(c.count.high) else c.count.high,
                text=c.count.text[:120],
                vague=c.count.vague,
                offset=c.count.start,
                sourcing=c.sourcing,
                source=(c.source or "")[:255] or None,
                places=" ".join(sorted(c.places)),
                sentence_places=" ".join(sorted(c.sentence_places)),
                day=c.date,
            )
        )
    session.flush()
    return len(claims)


def _claim(fig: FigureRow, url: str, title: str | None, site: str | None) -> fc.FigureClaim:
    count = fc.Count(
        fig.kind,
        fig.low,
        math.inf if fig.high is None else fig.high,
        fig.text,
        fig.vague,
        fig.offset,
    )
    return fc.FigureClaim(
        ref=str(fig.finding_id),
        article=url,
        count=count,
        sourcing=fig.sourcing,
        places=frozenset(fig.places.split()),
        sentence_places=frozenset(fig.sentence_places.split()),
        date=fig.day,
        site=site,
        title=title,
        url=url,
        source=fig.source,
    )


def _read(session: Session, query: Any) -> list[fc.FigureClaim]:
    """Figures of each article's newest analysis only (an older revision is not another
    article)."""
    rows = session.execute(
        query.add_columns(
            AnalysisRow.created_at,
            func.coalesce(ArticleRow.canonical_url, ArticleRow.url),
            ArticleRow.title,
            ArticleRow.site,
        )
        .join(AnalysisRow, AnalysisRow.id == FigureRow.analysis_id)
        .join(ArticleRow, ArticleRow.id == AnalysisRow.article_id)
        .where(AnalysisRow.status == AnalysisStatus.DONE)
        .order_by(AnalysisRow.created_at.desc(), FigureRow.id)
    ).all()
    newest: dict[str, str] = {}
    out = []
    for fig, _created, url, title, site in rows:
        if newest.setdefault(url, fig.analysis_id) != fig.analysis_id:
            continue
        out.append(_claim(fig, url, title, site))
    return out


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def other_figures(session: Session, row: AnalysisRow) -> dict[str, list[dict[str, Any]]]:
    """For each finding id (``fid``) of a finished analysis, what other articles report for
    the same event's count, oldest first, each marked ``diverges``."""
    if row.status != AnalysisStatus.DONE:
        return {}
    url = row.article.canonical_url or row.article.url
    own_rows = list(session.scalars(select(FigureRow).where(FigureRow.analysis_id == row.id)))
    if not own_rows:
        return {}
    own = [_claim(f, url, row.article.title, row.article.site) for f in own_rows]
    days = sorted(c.date for c in own if c.date)
    query = (
        select(FigureRow)
        .where(FigureRow.kind.in_(sorted({c.count.kind for c in own})))
        .where(FigureRow.analysis_id != row.id)
        .where(func.coalesce(ArticleRow.canonical_url, ArticleRow.url) != url)
        .limit(MAX_ROWS)
    )
    if days:
        window = fc.MAX_DAYS_APART
        query = query.where(
            FigureRow.day.between(_shift(days[0], -window), _shift(days[-1], window))
        )
    pool = _read(session, query)
    # Two findings of one sentence (an attribution and an unverified claim) gave one figure:
    # both carry what it is compared with.
    span_of = {str(f.id): (f.start, f.end) for f in row.findings}
    fids_at: dict[tuple[int, int], list[str]] = defaultdict(list)
    for f in row.findings:
        fids_at[(f.start, f.end)].append(f.fid)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in own:
        others = [o.to_dict() for o in fc.other_figures(claim, pool)]
        for fid in fids_at.get(span_of.get(claim.ref, (-1, -1)), []):
            listed = out[fid]
            for other in others:
                if len(listed) < MAX_FIGURES_PER_FINDING and other not in listed:
                    listed.append(other)
    return dict(out)


def diverging_groups(session: Session, days: int = 14) -> list[dict[str, Any]]:
    """Groups of figures of one event from two articles or more that cannot all be true, among
    the articles analysed in the last ``days`` days, newest first: the editors' list."""
    # Analysed in the period (the figures' own days are their articles' dates, which may be
    # older: an article read today about last month's event).
    since = utcnow() - timedelta(days=days)
    pool = _read(
        session, select(FigureRow).where(AnalysisRow.created_at >= since).limit(MAX_LIST_ROWS)
    )
    by_kind: dict[str, list[fc.FigureClaim]] = defaultdict(list)
    for claim in pool:
        by_kind[claim.count.kind].append(claim)
    out = []
    for claims in by_kind.values():
        for group in fc.groups(claims):
            if not fc.diverging(group):
                continue
            members = sorted(group, key=lambda c: (c.date or "", c.site or ""))
            out.append(
                {
                    "kind": members[0].count.kind,
                    "places": sorted({p for c in members for p in c.places}),
                    "figures": [
                        {
                            "finding_id": int(c.ref),
                            "figure": c.count.describe(),
                            "sourcing": c.sourcing,
                            "source": c.source,
                            "date": c.date,
                            "site": c.site,
                            "title": c.title,
                            "url": c.url,
                        }
                        for c in members
                    ],
                }
            )
    return sorted(out, key=lambda g: max(f["date"] or "" for f in g["figures"]), reverse=True)
