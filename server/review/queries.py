"""Reading the queue's filters and page position from a query string, and writing them back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import date
from typing import Any

from worker.store.review_queue import MAX_PAGE, QueueFilter
from worker.store.review_validation import ReviewError
from worker.vocabulary import KINDS, REVIEW_STATUSES, TYPES, VERDICTS

# Query-string names of the filter fields (short, stable, used by the API too).
ARG_NAMES = {
    "kind": "kind",
    "type": "type",
    "status": "status",
    "verdict": "verdict",
    "site": "site",
    "date_from": "from",
    "date_to": "to",
    "speaker": "speaker",
    "reported": "reported",
    "text_changed": "changed",
    "analysis_id": "analysis",
    "q": "q",
    "all_versions": "versions",
    "hide_low_confidence": "hidelow",
}


def _choice(args: Mapping[str, str], name: str, allowed: tuple[str, ...]) -> str | None:
    value = (args.get(name) or "").strip()
    if not value:
        return None
    if value not in allowed:
        raise ReviewError(name, f"'{name}' must be one of {', '.join(allowed)}.")
    return value


def _date(args: Mapping[str, str], name: str) -> date | None:
    value = (args.get(name) or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ReviewError(name, f"'{name}' must be a date like 2026-01-31.") from exc


def _text(args: Mapping[str, str], name: str, limit: int = 255) -> str | None:
    value = (args.get(name) or "").strip()
    if len(value) > limit:
        raise ReviewError(name, f"'{name}' is longer than {limit} characters.")
    return value or None


def _flag(args: Mapping[str, str], name: str) -> bool:
    return (args.get(name) or "").strip().lower() in ("1", "true", "yes", "on")


def parse_filter(args: Mapping[str, str], me: int | None = None) -> QueueFilter:
    """A QueueFilter from query arguments; raises ReviewError naming the bad argument."""
    assignee = (args.get("assignee") or "").strip()
    assignee_id: int | None = None
    if assignee == "me":
        assignee_id = me
    elif assignee and assignee != "none":
        if not assignee.isdigit():
            raise ReviewError("assignee", "'assignee' must be 'me', 'none' or a user id.")
        assignee_id = int(assignee)
    date_from, date_to = _date(args, "from"), _date(args, "to")
    if date_from and date_to and date_from > date_to:
        raise ReviewError("from", "'from' is after 'to'.")
    return QueueFilter(
        kind=_choice(args, "kind", KINDS),
        type=_choice(args, "type", TYPES),
        status=_choice(args, "status", REVIEW_STATUSES),
        verdict=_choice(args, "verdict", VERDICTS),
        site=_text(args, "site"),
        date_from=date_from,
        date_to=date_to,
        speaker=_text(args, "speaker"),
        assignee_id=assignee_id,
        unassigned=assignee == "none",
        reported=_flag(args, "reported"),
        text_changed=_flag(args, "changed"),
        analysis_id=_text(args, "analysis", 64),
        q=_text(args, "q", 200),
        all_versions=(args.get("versions") or "").strip() in ("all", "1"),
        hide_low_confidence=_flag(args, "hidelow"),
    )


def filter_args(f: QueueFilter, me: int | None = None) -> dict[str, str]:
    """The query arguments that reproduce ``f`` (inverse of parse_filter)."""
    out: dict[str, str] = {}
    for spec in fields(QueueFilter):
        name = ARG_NAMES.get(spec.name)
        value: Any = getattr(f, spec.name)
        if name is None or value in (None, False, ""):
            continue
        out[name] = "1" if value is True else str(value)
    if f.unassigned:
        out["assignee"] = "none"
    elif f.assignee_id is not None:
        out["assignee"] = "me" if f.assignee_id == me else str(f.assignee_id)
    return out


def _int(args: Mapping[str, str], name: str, low: int, high: int) -> int | None:
    value = (args.get(name) or "").strip()
    if not value:
        return None
    if not value.isdigit() or not low <= int(value) <= high:
        raise ReviewError(name, f"'{name}' must be a whole number from {low} to {high}.")
    return int(value)


def parse_position(
    args: Mapping[str, str], default_limit: int = 50
) -> tuple[int | None, int | None, int]:
    """(after, before, limit) of a keyset page request."""
    after = _int(args, "after", 0, 2**62)
    before = _int(args, "before", 0, 2**62)
    if after is not None and before is not None:
        raise ReviewError("after", "Send either 'after' or 'before', not both.")
    limit = _int(args, "limit", 1, MAX_PAGE) or default_limit
    return after, before, limit


def merged(args: Mapping[str, str], **changes: Any) -> dict[str, str]:
    """``args`` with some arguments changed; a None value removes the argument."""
    out = {k: v for k, v in args.items() if k not in changes}
    out.update({k: str(v) for k, v in changes.items() if v is not None})
    return out
