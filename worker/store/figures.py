"""Figures of one event across the articles in the store: what other articles report for a
finding's count (the reader's card) and the diverging groups (the editors' list).

A finished analysis's counts are written once (``record_figures``, called when the analysis
finishes) into ``figures``, by kind and day; reading them back for a card is then one indexed
query of the same kind of count within the date window. The decisions are
``worker.pipeline.figure_compare``'s.
"""

from __future__ import annotations

import math
import threading
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

# The editors' list's groups by (database, days), with the signature of the figures they were
# found among (count, greatest and sum of the period's figure row ids): the next page, or the
# same page again, reuses them while no figure was written, rewritten (new ids) or left the
# period. What a figure shows is read afresh for each page.
_GROUPS: dict[tuple[str, int], tuple[tuple[Any, ...], list[list[fc.FigureClaim]]]] = {}
_CACHE_LOCK = threading.Lock()


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


# What a figure's claim is read from: columns, not ``FigureRow`` objects (building 5,000 ORM
# objects for the editors' list cost about as much as everything else it does together).
_COLUMNS = (
    FigureRow.finding_id,
    FigureRow.analysis_id,
    FigureRow.kind,
    FigureRow.low,
    FigureRow.high,
    FigureRow.text,
    FigureRow.vague,
    FigureRow.offset,
    FigureRow.sourcing,
    FigureRow.source,
    FigureRow.places,
    FigureRow.sentence_places,
    FigureRow.day,
)


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


def _read(session: Session, where: list[Any], limit: int) -> list[fc.FigureClaim]:
    """Figures of each article's newest analysis only (an older revision is not another
    article), newest analyses first, at most ``limit`` rows read."""
    url = func.coalesce(ArticleRow.canonical_url, ArticleRow.url)
    rows = session.execute(
        select(*_COLUMNS, url.label("url"), ArticleRow.title, ArticleRow.site)
        .join(AnalysisRow, AnalysisRow.id == FigureRow.analysis_id)
        .join(ArticleRow, ArticleRow.id == AnalysisRow.article_id)
        .where(AnalysisRow.status == AnalysisStatus.DONE, *where)
        .order_by(AnalysisRow.created_at.desc(), FigureRow.id)
        .limit(limit)
    ).all()
    newest: dict[str, str] = {}
    out = []
    inf = math.inf
    for (
        finding_id,
        analysis_id,
        kind,
        low,
        high,
        text,
        vague,
        offset,
        sourcing,
        source,
        places,
        sentence_places,
        day,
        url,
        title,
        site,
    ) in rows:  # unpacked by position: named access on 5,000 rows was a third of the list's time
        if newest.setdefault(url, analysis_id) != analysis_id:
            continue
        out.append(
            fc.FigureClaim(
                ref=str(finding_id),
                article=url,
                count=fc.Count(kind, low, inf if high is None else high, text, vague, offset),
                sourcing=sourcing,
                places=frozenset(places.split()),
                sentence_places=frozenset(sentence_places.split()),
                date=day,
                site=site,
                title=title,
                url=url,
                source=source,
            )
        )
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
    where = [
        FigureRow.kind.in_(sorted({c.count.kind for c in own})),
        FigureRow.analysis_id != row.id,
        func.coalesce(ArticleRow.canonical_url, ArticleRow.url) != url,
    ]
    if days:
        window = fc.MAX_DAYS_APART
        where.append(FigureRow.day.between(_shift(days[0], -window), _shift(days[-1], window)))
    pool = _read(session, where, MAX_ROWS)
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
    return diverging_page(session, days, per_page=None)[0]


def diverging_page(
    session: Session, days: int = 14, page: int = 1, per_page: int | None = 25
) -> tuple[list[dict[str, Any]], int]:
    """One page of ``diverging_groups`` (all of them with ``per_page`` None) and how many
    groups there are. Every figure of the period is needed to find the groups, but only what
    deciding them takes (kind, bounds, places, day, article); what a figure shows (its text,
    source, sourcing, the article's title) is read for the page's figures alone. At 100,000
    findings a fortnight holds 4,750 figures and 1,144 diverging groups: reading every column
    of every figure as ``FigureRow`` objects was most of the page's 0.5 s."""
    # Analysed in the period (the figures' own days are their articles' dates, which may be
    # older: an article read today about last month's event).
    since = utcnow() - timedelta(days=days)
    period = (AnalysisRow.status == AnalysisStatus.DONE, AnalysisRow.created_at >= since)
    key = (str(session.get_bind().engine.url), days)
    signature = tuple(
        session.execute(
            select(func.count(FigureRow.id), func.max(FigureRow.id), func.sum(FigureRow.id))
            .join(AnalysisRow, AnalysisRow.id == FigureRow.analysis_id)
            .where(*period)
        ).one()
    )
    with _CACHE_LOCK:
        held = _GROUPS.get(key)
    if held is not None and held[0] == signature:
        found = held[1]
    else:
        found = _find_groups(session, period)
        with _CACHE_LOCK:
            _GROUPS[key] = (signature, found)
    shown = found if per_page is None else found[(page - 1) * per_page : page * per_page]
    details = _details(session, [int(c.ref) for g in shown for c in g])
    out = []
    for members in shown:
        figures = []
        for c in members:
            d = details.get(int(c.ref))
            if d is None:
                continue  # deleted since the signature was read: gone from the next page too
            figures.append({**d, "date": c.date, "site": c.site, "url": c.article})
        out.append(
            {
                "kind": members[0].count.kind,
                "places": sorted({p for c in members for p in c.places}),
                "figures": figures,
            }
        )
    return out, len(found)


def forget_groups() -> None:
    """Drop the groups kept between pages (benchmarks measure the list found afresh)."""
    with _CACHE_LOCK:
        _GROUPS.clear()


def _find_groups(session: Session, period: tuple[Any, ...]) -> list[list[fc.FigureClaim]]:
    """The diverging groups among the figures of analyses in ``period``, newest first, each
    figure's ``ref`` its ``figures`` row id."""
    url = func.coalesce(ArticleRow.canonical_url, ArticleRow.url)
    rows = session.execute(
        select(
            FigureRow.id,
            FigureRow.analysis_id,
            FigureRow.kind,
            FigureRow.low,
            FigureRow.high,
            FigureRow.places,
            FigureRow.day,
            url,
            ArticleRow.site,
        )
        .join(AnalysisRow, AnalysisRow.id == FigureRow.analysis_id)
        .join(ArticleRow, ArticleRow.id == AnalysisRow.article_id)
        .where(*period)
        .order_by(AnalysisRow.created_at.desc(), FigureRow.id)
        .limit(MAX_LIST_ROWS)
    ).all()
    newest: dict[str, str] = {}
    latest = []
    for row in rows:
        if newest.setdefault(row[7], row[1]) == row[1]:
            latest.append(row)  # an older revision of an article is not another article
    # kinds in the order of the rows read (the list's order among groups of one date)
    by_kind: dict[str, list[fc.FigureClaim]] = {row[2]: [] for row in latest}
    inf = math.inf
    empty: frozenset[str] = frozenset()
    for figure_id, _, kind, low, high, places, day, article, site in _maybe_joined(latest):
        # What the decision reads; ``ref`` is the figure's row, its text comes later.
        by_kind[kind].append(
            fc.FigureClaim(
                ref=str(figure_id),
                article=article,
                count=fc.Count(kind, low, inf if high is None else high, ""),
                sourcing="",
                places=frozenset(places.split()),
                sentence_places=empty,
                date=day,
                site=site,
            )
        )
    found = []
    for claims in by_kind.values():
        for group in fc.groups(claims):
            if fc.diverging(group):
                found.append(sorted(group, key=lambda c: (c.date or "", c.site or "")))
    found.sort(key=lambda g: max(c.date or "" for c in g), reverse=True)
    return found


def _maybe_joined(rows: list[Any]) -> list[Any]:
    """The rows that may join another article's figure (``figure_compare.same_event``: same
    kind, a place in common, at most ``MAX_DAYS_APART`` days apart), in their order. The rest
    would be groups of one, never listed: leaving them out before building and comparing
    claims changes no group (about a third of the rows at 100,000 synthetic findings)."""
    near: dict[tuple[str, str], list[tuple[int | None, str, int]]] = defaultdict(list)
    ordinals: dict[str, int] = {}  # a fortnight's figures have a few dozen days between them
    for i, (_, _, kind, _, _, places, day, article, _) in enumerate(rows):
        ordinal = None
        if day:
            ordinal = ordinals.get(day)
            if ordinal is None:
                ordinal = ordinals[day] = date.fromisoformat(day).toordinal()
        for place in set(places.split()):
            near[(kind, place)].append((ordinal, article, i))
    keep: set[int] = set()
    window = fc.MAX_DAYS_APART
    for bucket in near.values():
        if len(bucket) < 2:
            continue
        for day_a, article_a, i in bucket:
            if i in keep:
                continue
            for day_b, article_b, j in bucket:
                if article_b != article_a and (
                    day_a is None or day_b is None or abs(day_a - day_b) <= window
                ):
                    keep.update((i, j))
                    break
    return [row for i, row in enumerate(rows) if i in keep]


def _details(session: Session, figure_ids: list[int]) -> dict[int, dict[str, Any]]:
    """What the editors' list shows of each figure, by figure row id."""
    out: dict[int, dict[str, Any]] = {}
    for at in range(0, len(figure_ids), 5000):  # under SQLite's bound-parameter limit
        rows = session.execute(
            select(
                FigureRow.id,
                FigureRow.finding_id,
                FigureRow.kind,
                FigureRow.low,
                FigureRow.high,
                FigureRow.text,
                FigureRow.vague,
                FigureRow.offset,
                FigureRow.sourcing,
                FigureRow.source,
                ArticleRow.title,
            )
            .join(AnalysisRow, AnalysisRow.id == FigureRow.analysis_id)
            .join(ArticleRow, ArticleRow.id == AnalysisRow.article_id)
            .where(FigureRow.id.in_(figure_ids[at : at + 5000]))
        ).all()
        for fid, finding_id, kind, low, high, text, vague, offset, sourcing, source, title in rows:
            count = fc.Count(kind, low, math.inf if high is None else high, text, vague, offset)
            out[fid] = {
                "finding_id": finding_id,
                "figure": count.describe(),
                "sourcing": sourcing,
                "source": source,
                "title": title,
            }
    return out
