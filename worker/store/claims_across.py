"""What a finding of a stored analysis carries about the same claim in other articles: its global
review id, its matches (how many other articles, the best few) and the verdict editors published
on the same claim elsewhere. Only published verdicts travel (``MatchedClaim.verdict_published``);
notes, drafts, statuses and editors' names never do: readers see this JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from worker.config import desk_name
from worker.store.claim_matches import MatchedClaim, matches_for
from worker.store.models import FindingRow
from worker.vocabulary import VERDICT_LABELS

BEST = 3  # matches listed with each finding; ``count`` tells how many there are


def _date(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def match_json(m: MatchedClaim) -> dict[str, Any]:
    return {
        "review_id": m.other_id,
        "url": m.url,
        "site": m.site,
        "host": _host(m.url),
        "title": m.title,
        "score": round(m.score, 3),
        "date": m.published or _date(m.analysed_at),
    }


def checked_json(m: MatchedClaim, desk: str) -> dict[str, Any]:
    label = VERDICT_LABELS.get(m.verdict or "", m.verdict or "")
    on = _date(m.verdict_at)
    text = f"Checked by {desk}" + (f" on {on}" if on else "") + f": {label.lower()}"
    return {
        "verdict": m.verdict,
        "label": label,
        "by": desk,
        "on": on,
        "text": text,
        "original": match_json(m),
    }


def latest_published(matches: Sequence[MatchedClaim]) -> MatchedClaim | None:
    """The most recently given published verdict among the matches."""
    published = [m for m in matches if m.verdict_published]
    if not published:
        return None

    def when(m: MatchedClaim) -> str:
        return m.verdict_at.replace(tzinfo=None).isoformat() if m.verdict_at else ""

    return max(published, key=lambda m: (when(m), m.score))


def across_articles(session: Session, rows: Sequence[FindingRow]) -> dict[int, dict[str, Any]]:
    """The keys each finding row gets in the analysis JSON, by row id."""
    matches = matches_for(session, [r.id for r in rows])
    desk = desk_name()
    out: dict[int, dict[str, Any]] = {}
    for row in rows:
        found = matches.get(row.id, [])
        checked = latest_published(found)
        out[row.id] = {
            "review_id": row.id,
            "matches": {"count": len(found), "best": [match_json(m) for m in found[:BEST]]},
            "checked": checked_json(checked, desk) if checked else None,
        }
    return out
