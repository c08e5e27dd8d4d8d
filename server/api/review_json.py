"""The review API's JSON for queue items and history events (the store hands back rows and
plain dataclasses; their wire shape is decided here, at the edge)."""

from __future__ import annotations

from typing import Any

from worker.store.claim_matches import MatchedClaim
from worker.store.review_events import HistoryEntry
from worker.store.review_queue import QueueItem


def item_dict(item: QueueItem) -> dict[str, Any]:
    """A queue row as the review API's JSON."""
    f = item.finding
    speaker = (f.data or {}).get("speaker") or {}
    return {
        "finding_id": f.id,
        "analysis_id": f.analysis_id,
        "fid": f.fid,
        "kind": f.kind,
        "type": f.type,
        "text": f.text,
        "speaker": f.speaker_name,
        "speaker_anonymous": bool(speaker.get("anonymous")),
        "confidence": f.confidence,
        "status": f.review_status,
        "verdict": f.verdict,
        "note": f.note,
        "assignee": item.assignee,
        "reports": item.reports,
        "text_changed": bool(f.text_changed),
        "site": item.site,
        "url": item.url,
        "title": item.title,
        "created_at": f.created_at.isoformat() if f.created_at else None,
        "updated_at": f.updated_at.isoformat() if f.updated_at else None,
    }


def event_dict(entry: HistoryEntry) -> dict[str, Any]:
    """A history entry as the review API's JSON."""
    return {
        "at": entry.at.isoformat(),
        "who": entry.who,
        "field": entry.field,
        "from": entry.old,
        "to": entry.new,
        "via": entry.via,
    }


def matched_dict(m: MatchedClaim) -> dict[str, Any]:
    """A finding making the same claim in another article, for editors (review state included)."""
    return {
        "finding_id": m.other_id,
        "analysis_id": m.analysis_id,
        "text": m.text,
        "url": m.url,
        "site": m.site,
        "title": m.title,
        "score": round(m.score, 3),
        "status": m.review_status,
        "verdict": m.verdict,
        "verdict_published": m.verdict_published,
    }
