"""Revisions: when a URL is analysed again, reviews follow the findings that still anchor.

A reviewed finding of an earlier analysis of the same URL is matched to a finding of the new
analysis by its selector: the same kind and the same quoted text (``selector.exact``) anchor it,
and the prefix/suffix break ties. A finding whose text was edited but is still recognisably the
same statement (most of its text in common) also gets the review, flagged "text changed since
review"; reviewed findings that no longer anchor anywhere are flagged the same way, so an editor
sees the review no longer describes the live article.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from worker.store.models import AnalysisRow, ArticleRow, FindingRow, ReviewEvent, utcnow
from worker.vocabulary import ReviewStatus

SIMILAR = 0.75  # share of characters in common for an edited statement to keep its review


@dataclass(frozen=True)
class Anchor:
    kind: str
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Match:
    old: int  # index into the old anchors
    new: int  # index into the new anchors
    changed: bool  # True when the text was edited (fuzzy match)


def anchor_of(data: dict[str, Any], kind: str, text: str) -> Anchor:
    selector = (data or {}).get("selector") or {}
    return Anchor(
        kind=kind,
        exact=selector.get("exact") or text,
        prefix=selector.get("prefix") or "",
        suffix=selector.get("suffix") or "",
    )


def _similarity(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _surroundings(a: Anchor, b: Anchor) -> int:
    return (a.prefix == b.prefix) + (a.suffix == b.suffix)


def match_anchors(old: list[Anchor], new: list[Anchor]) -> list[Match]:
    """Pair each old anchor with at most one new anchor, exact matches first."""
    taken: set[int] = set()
    matches: list[Match] = []
    pending: list[int] = []
    for i, a in enumerate(old):
        candidates = [
            j
            for j, b in enumerate(new)
            if j not in taken and b.kind == a.kind and b.exact == a.exact
        ]
        if not candidates:
            pending.append(i)
            continue
        # The same words can occur twice; the one with the same surroundings is the same place.
        best = max(candidates, key=lambda j, a=a: _surroundings(a, new[j]))
        taken.add(best)
        matches.append(Match(i, best, changed=False))
    for i in pending:
        a = old[i]
        scored = [
            (_similarity(a.exact, b.exact), j)
            for j, b in enumerate(new)
            if j not in taken and b.kind == a.kind
        ]
        score, best = max(scored, default=(0.0, -1))
        if score >= SIMILAR:
            taken.add(best)
            matches.append(Match(i, best, changed=True))
    return matches


def _reviewed(session: Session, url: str, exclude: str) -> list[FindingRow]:
    """Reviewed findings of earlier analyses of ``url``, newest review first, one per anchor."""
    rows = session.scalars(
        select(FindingRow)
        .join(AnalysisRow, FindingRow.analysis_id == AnalysisRow.id)
        .join(ArticleRow, AnalysisRow.article_id == ArticleRow.id)
        .where(ArticleRow.url == url, AnalysisRow.id != exclude)
        .where(
            or_(
                FindingRow.review_status != ReviewStatus.NEW,
                FindingRow.verdict.is_not(None),
                FindingRow.note.is_not(None),
                FindingRow.assignee_id.is_not(None),
            )
        )
        .order_by(FindingRow.id.desc())
    ).all()
    seen: set[tuple[str, str]] = set()
    unique = []
    for row in rows:
        key = (row.kind, anchor_of(row.data, row.kind, row.text).exact)
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def carry_over_reviews(session: Session, analysis: AnalysisRow) -> int:
    """Copy reviews from earlier analyses of the same URL onto ``analysis``'s new findings.

    Called inside the transaction that stores the findings; returns how many reviews moved.
    """
    session.flush()
    old_rows = _reviewed(session, analysis.article.url, analysis.id)
    if not old_rows:
        return 0
    new_rows = list(
        session.scalars(
            select(FindingRow)
            .where(FindingRow.analysis_id == analysis.id)
            .order_by(FindingRow.start)
        )
    )
    matches = match_anchors(
        [anchor_of(r.data, r.kind, r.text) for r in old_rows],
        [anchor_of(r.data, r.kind, r.text) for r in new_rows],
    )
    now = utcnow()
    for m in matches:
        old, new = old_rows[m.old], new_rows[m.new]
        new.review_status, new.verdict, new.note = old.review_status, old.verdict, old.note
        new.assignee_id = old.assignee_id
        new.text_changed = m.changed or old.text_changed
        new.updated_at = now
        session.add(
            ReviewEvent(
                finding_id=new.id,
                user_id=None,
                field="carried_over",
                old_value=f"finding {old.id} of analysis {old.analysis_id}",
                new_value="text changed since review" if m.changed else "same text",
                created_at=now,
            )
        )
    anchored = {m.old for m in matches if not m.changed}
    for i, old in enumerate(old_rows):
        if i not in anchored and not old.text_changed:
            old.text_changed = True
            session.add(
                ReviewEvent(
                    finding_id=old.id,
                    user_id=None,
                    field="text_changed",
                    old_value=None,
                    new_value=f"analysis {analysis.id}",
                    created_at=now,
                )
            )
    return len(matches)
