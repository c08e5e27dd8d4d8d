"""Figures of one event across the articles in the store: what other articles report for a
finding's count (the reader's card) and the diverging groups (the editors' list).

The decisions are ``worker.pipeline.figure_compare``'s; this module only picks the rows worth
comparing: findings of other articles' latest analyses, analysed within the date window, whose
sentence, title or lede names one of the places the finding's count is about.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from worker.pipeline import figure_compare as fc
from worker.store.models import AnalysisRow, ArticleRow, FindingRow, utcnow
from worker.vocabulary import AnalysisStatus

# Other articles' rows read for one analysis at most: the card lists a handful.
MAX_ROWS = 500
MAX_FIGURES_PER_FINDING = 8
LEDE_CHARS = 600
_KIND_WORDS = sorted({w for _, words in fc.KINDS for w in words if len(w) > 3})


def article_json(article: ArticleRow, text: str | None = None) -> dict[str, Any]:
    return {
        "title": article.title,
        "text": article.text if text is None else text,
        "site": article.site,
        "url": article.canonical_url or article.url,
        "published": article.published,
    }


def claims_of(
    findings: list[tuple[int, dict[str, Any]]], article: dict[str, Any], created: Any
) -> list[fc.FigureClaim]:
    data = [{**d, "ref": str(finding_id)} for finding_id, d in findings]
    return fc.figure_claims(
        data,
        article,
        article_key=article["url"] or "",
        date_of=created.date().isoformat() if created else None,
    )


def other_figures(session: Session, row: AnalysisRow) -> dict[str, list[dict[str, Any]]]:
    """For each finding id (``fid``) of a finished analysis, what other articles report for
    the same event's count, oldest first, each marked ``diverges``."""
    if row.status != AnalysisStatus.DONE:
        return {}
    own = claims_of(
        [(f.id, f.data) for f in row.findings], article_json(row.article), row.created_at
    )
    if not own:
        return {}
    pool = _pool(session, row, own)
    # Two findings of one sentence (an attribution and an unverified claim) gave one figure:
    # both carry what it is compared with.
    span_of = {str(f.id): (f.start, f.end) for f in row.findings}
    fids_at: dict[tuple[int, int], list[str]] = defaultdict(list)
    for f in row.findings:
        fids_at[(f.start, f.end)].append(f.fid)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in own:
        others = [o.to_dict() for o in fc.other_figures(claim, pool)]
        for fid in fids_at[span_of[claim.ref]]:
            listed = out[fid]
            for other in others:
                if len(listed) < MAX_FIGURES_PER_FINDING and other not in listed:
                    listed.append(other)
    return dict(out)


def _pool(session: Session, row: AnalysisRow, own: list[fc.FigureClaim]) -> list[fc.FigureClaim]:
    places = sorted({p for c in own for p in c.places})
    if not places:
        return []
    when = row.created_at or utcnow()
    window = timedelta(days=fc.MAX_DAYS_APART + 1)
    url = row.article.canonical_url or row.article.url
    lede = func.lower(func.substr(ArticleRow.text, 1, LEDE_CHARS))
    sentence = func.lower(FindingRow.text)
    title = func.lower(func.coalesce(ArticleRow.title, ""))
    near = or_(
        *(
            cond
            for p in places
            for cond in (sentence.like(f"%{p}%"), title.like(f"%{p}%"), lede.like(f"%{p}%"))
        )
    )
    counted = or_(*(sentence.like(f"%{w}%") for w in _KIND_WORDS))
    rows = session.execute(
        select(FindingRow.analysis_id, FindingRow.id, FindingRow.data)
        .join(AnalysisRow, AnalysisRow.id == FindingRow.analysis_id)
        .join(ArticleRow, ArticleRow.id == AnalysisRow.article_id)
        .where(AnalysisRow.status == AnalysisStatus.DONE)
        .where(AnalysisRow.id != row.id)
        .where(func.coalesce(ArticleRow.canonical_url, ArticleRow.url) != url)
        .where(AnalysisRow.created_at.between(when - window, when + window))
        .where(counted)
        .where(near)
        .order_by(AnalysisRow.created_at.desc())
        .limit(MAX_ROWS)
    ).all()
    by_analysis: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for analysis_id, finding_id, data in rows:
        by_analysis[analysis_id].append((finding_id, data))
    return _claims_of_latest(session, by_analysis)


def _claims_of_latest(
    session: Session, by_analysis: dict[str, list[tuple[int, dict[str, Any]]]]
) -> list[fc.FigureClaim]:
    """The figures of each other article's newest analysis among ``by_analysis``."""
    if not by_analysis:
        return []
    heads = session.execute(
        select(
            AnalysisRow.id,
            AnalysisRow.created_at,
            ArticleRow.title,
            ArticleRow.site,
            ArticleRow.url,
            ArticleRow.canonical_url,
            ArticleRow.published,
            func.substr(ArticleRow.text, 1, LEDE_CHARS),
        )
        .join(ArticleRow, ArticleRow.id == AnalysisRow.article_id)
        .where(AnalysisRow.id.in_(list(by_analysis)))
        .order_by(AnalysisRow.created_at.desc())
    ).all()
    seen_urls: set[str] = set()
    pool: list[fc.FigureClaim] = []
    for analysis_id, created, title, site, url, canonical, published, lede in heads:
        key = canonical or url
        if key in seen_urls:
            continue  # an older revision of an article already read
        seen_urls.add(key)
        article = {"title": title, "text": lede, "site": site, "url": key, "published": published}
        pool.extend(claims_of(by_analysis[analysis_id], article, created))
    return pool


def diverging_groups(
    session: Session, days: int = 14, limit_rows: int = 5000
) -> list[dict[str, Any]]:
    """Groups of figures of one event from two articles or more that cannot all be true, among
    the findings of the last ``days`` days, newest first: the editors' list."""
    since = utcnow() - timedelta(days=days)
    counted = or_(*(func.lower(FindingRow.text).like(f"%{w}%") for w in _KIND_WORDS))
    rows = session.execute(
        select(FindingRow.analysis_id, FindingRow.id, FindingRow.data)
        .join(AnalysisRow, AnalysisRow.id == FindingRow.analysis_id)
        .where(AnalysisRow.status == AnalysisStatus.DONE)
        .where(AnalysisRow.created_at >= since)
        .where(counted)
        .order_by(AnalysisRow.created_at.desc())
        .limit(limit_rows)
    ).all()
    by_analysis: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for analysis_id, finding_id, data in rows:
        by_analysis[analysis_id].append((finding_id, data))
    pool = _claims_of_latest(session, by_analysis)
    out = []
    for group in fc.groups(pool):
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
