"""Verdict by match over the API (editor role): one finding's verdict given, in one action, to
every finding stored as making the same claim in other articles, and that action undone.

The web view's form does the same (``server.review.findings.verdict_by_match``); both call
``worker.store.verdict_by_match``, so each change is an ordinary ``verdict`` event in the audit
trail with ``via: "match:<finding_id>"`` and the action's ``batch``, and an undo writes the
reverse events with ``via: "undo:<batch>"``. Bearer-token routes like the rest of the API: no
session cookie authenticates them, so no CSRF token is asked for.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, g, jsonify

from server.api.body import json_body
from server.auth import require
from server.db import get_session
from server.errors import ApiError
from worker.store.review_queue import get_item
from worker.store.review_validation import ReviewError
from worker.store.verdict_by_match import Batch, apply_to_matches, batches_for, describe, undo
from worker.vocabulary import VERDICTS

bp = Blueprint("match_verdicts_api", __name__)
MAX_ID = 2**31 - 1
_BATCH = re.compile(r"[0-9a-f]{32}")


def _known_finding(finding_id: int) -> None:
    if finding_id > MAX_ID or get_item(get_session(), finding_id) is None:
        raise ApiError(404, "No finding has this id (use the global 'finding_id').")


def batch_dict(b: Batch) -> dict[str, Any]:
    return {
        "batch": b.batch,
        "finding_id": b.source_id,
        "verdict": b.verdict,
        "at": b.at.isoformat(),
        "changed": b.changed,
        "undone": b.undone,
        "links": {"undo": f"/api/v1/verdict-batches/{b.batch}/undo"},
    }


@bp.post("/findings/<int:finding_id>/verdict-by-match")
@require("editor")
def verdict_by_match(finding_id: int) -> Any:
    """``{"verdict": ...}``: on this finding and every finding matched with it."""
    _known_finding(finding_id)
    data = json_body()
    unknown = sorted(set(data) - {"verdict"})
    if unknown:
        raise ApiError(422, f"Unknown field(s): {', '.join(unknown)}; send 'verdict'.", "invalid")
    verdict = data.get("verdict")
    if not isinstance(verdict, str) or verdict not in VERDICTS:
        raise ApiError(422, f"'verdict' must be one of {', '.join(VERDICTS)}.", "invalid_verdict")
    db = get_session()
    try:
        applied = apply_to_matches(db, finding_id, verdict, g.user.id)
    except ReviewError as exc:
        raise ApiError(422, exc.message, "invalid_" + exc.field) from exc
    db.commit()
    return jsonify(
        {
            "finding_id": finding_id,
            "verdict": verdict,
            "batch": applied.batch,
            "changed": applied.changed,
            "matched": applied.matched,
            "links": {
                "undo": f"/api/v1/verdict-batches/{applied.batch}/undo",
                "history": f"/api/v1/findings/{finding_id}/history",
            },
        }
    )


@bp.get("/findings/<int:finding_id>/verdict-batches")
@require("editor")
def verdict_batches(finding_id: int) -> Any:
    """The latest verdict-by-match actions that changed this finding, newest first."""
    _known_finding(finding_id)
    found = batches_for(get_session(), finding_id)
    return jsonify({"finding_id": finding_id, "items": [batch_dict(b) for b in found]})


@bp.post("/verdict-batches/<batch>/undo")
@require("editor")
def undo_batch(batch: str) -> Any:
    """Set back what one action set, where nobody changed it since."""
    db = get_session()
    described = describe(db, batch) if _BATCH.fullmatch(batch) else None
    if described is None:
        raise ApiError(404, "No verdict-by-match action has this id.")
    if described.undone:
        raise ApiError(422, "This action was already undone.", "already_undone")
    try:
        reverted = undo(db, batch, g.user.id)
    except ReviewError as exc:
        raise ApiError(422, exc.message, "invalid_" + exc.field) from exc
    db.commit()
    return jsonify({"batch": batch, "reverted": reverted})
