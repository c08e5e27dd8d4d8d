"""What a review change may be: the fields an editor can set and their checks.

The API and the web view both send their changes through ``validate_changes``; ``ReviewError``
is also what the queue's query-string parsing raises, so one handler answers both.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from worker.store.accounts import may_review
from worker.store.models import User
from worker.vocabulary import REVIEW_STATUSES, VERDICTS

MAX_NOTE = 5000
FIELDS = ("status", "verdict", "note", "assignee")


class ReviewError(ValueError):
    """A review change or filter that cannot be applied; ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _assignee(session: Session, value: Any) -> User | None:
    if value is None or value == "":
        return None
    user: User | None = None
    if isinstance(value, bool):
        raise ReviewError("assignee", "'assignee' must be a user id, an email or null.")
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        user = session.get(User, int(value))
    elif isinstance(value, str):
        user = session.scalars(select(User).where(User.email == value.strip().lower())).first()
    else:
        raise ReviewError("assignee", "'assignee' must be a user id, an email or null.")
    if user is None or not may_review(user):
        raise ReviewError("assignee", "The assignee must be an active editor or admin.")
    return user


def validate_changes(session: Session, changes: dict[str, Any]) -> dict[str, Any]:
    """Checked, normalised changes: status, verdict (None clears), note, assignee (a User)."""
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise ReviewError(
            unknown[0], f"Unknown field(s): {', '.join(unknown)}; send any of {', '.join(FIELDS)}."
        )
    if not changes:
        raise ReviewError("body", f"Nothing to change: send any of {', '.join(FIELDS)}.")
    out: dict[str, Any] = {}
    if "status" in changes:
        if changes["status"] not in REVIEW_STATUSES:
            raise ReviewError("status", f"'status' must be one of {', '.join(REVIEW_STATUSES)}.")
        out["status"] = changes["status"]
    if "verdict" in changes:
        verdict = changes["verdict"] or None
        if verdict is not None and verdict not in VERDICTS:
            raise ReviewError(
                "verdict", f"'verdict' must be one of {', '.join(VERDICTS)}, or null."
            )
        out["verdict"] = verdict
    if "note" in changes:
        note = changes["note"]
        if note is not None and not isinstance(note, str):
            raise ReviewError("note", "'note' must be a string or null.")
        note = (note or "").strip()
        if len(note) > MAX_NOTE:
            raise ReviewError("note", f"'note' is longer than {MAX_NOTE} characters.")
        out["note"] = note or None
    if "assignee" in changes:
        out["assignee"] = _assignee(session, changes["assignee"])
    return out
