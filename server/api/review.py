"""Review and export API (editor role): the queue, review changes, history, exports.

Findings are addressed by their global id (``finding_id``, the database key); each list item
also carries ``analysis_id`` and ``fid`` (the "f1".. id inside its analysis).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, g, jsonify, request

from server.api.body import json_body
from server.api.review_json import event_dict, item_dict, matched_dict
from server.auth import require
from server.db import get_session
from server.errors import ApiError
from server.review import documents
from server.review.blueprint import base_url
from server.review.queries import filter_args, parse_filter, parse_position
from worker.store.claim_matches import matches_for
from worker.store.review_events import apply_changes, history
from worker.store.review_queue import QueueFilter, count, get_item, queue_page
from worker.store.review_validation import ReviewError, validate_changes

bp = Blueprint("review_api", __name__)
MAX_ID = 2**31 - 1


def _filter() -> QueueFilter:
    try:
        return parse_filter(request.args, g.user.id)
    except ReviewError as exc:
        raise ApiError(422, exc.message, "invalid_" + exc.field) from exc


def _item(finding_id: int):  # noqa: ANN202
    item = get_item(get_session(), finding_id) if finding_id <= MAX_ID else None
    if item is None:
        raise ApiError(404, "No finding has this id (use the global 'finding_id').")
    return item


@bp.get("/findings")
@require("editor")
def list_findings() -> Any:
    f = _filter()
    try:
        after, before, limit = parse_position(request.args)
    except ReviewError as exc:
        raise ApiError(422, exc.message, "invalid_" + exc.field) from exc
    db = get_session()
    page = queue_page(db, f, after=after, before=before, limit=limit)
    args = filter_args(f, g.user.id)
    links: dict[str, str | None] = {"next": None, "prev": None}
    for key, param, value in (
        ("next", "after", page.next_after),
        ("prev", "before", page.prev_before),
    ):
        if value is not None:
            links[key] = "/api/v1/findings?" + urlencode({**args, param: value, "limit": limit})
    return jsonify(
        {
            "items": [item_dict(i) for i in page.items],
            "total": count(db, f),
            "next_after": page.next_after,
            "prev_before": page.prev_before,
            "links": links,
        }
    )


@bp.get("/findings/<int:finding_id>")
@require("editor")
def get_finding(finding_id: int) -> Any:
    """One finding's review (as a queue item) and the same claim in other articles."""
    item = _item(finding_id)
    body = item_dict(item)
    found = matches_for(get_session(), [finding_id]).get(finding_id, [])
    body["matches"] = {"count": len(found), "items": [matched_dict(m) for m in found]}
    return jsonify(body)


@bp.patch("/findings/<int:finding_id>")
@require("editor")
def patch_finding(finding_id: int) -> Any:
    item = _item(finding_id)
    data = json_body()
    db = get_session()
    try:
        events = apply_changes(db, item.finding, validate_changes(db, data), g.user.id)
    except ReviewError as exc:
        raise ApiError(422, exc.message, "invalid_" + exc.field) from exc
    db.commit()
    body = item_dict(_item(finding_id))
    body["changed"] = [e.field for e in events]
    return jsonify(body)


@bp.get("/findings/<int:finding_id>/history")
@require("editor")
def finding_history(finding_id: int) -> Any:
    _item(finding_id)
    return jsonify(
        {
            "finding_id": finding_id,
            "events": [event_dict(e) for e in history(get_session(), finding_id)],
        }
    )


@bp.get("/analyses/<analysis_id>/annotations")
@require("editor")
def annotations(analysis_id: str) -> Any:
    doc = documents.annotations(get_session(), analysis_id, base_url())
    if doc is None:
        raise ApiError(404, "No analysis has this id.")
    return documents.jsonld(doc)


@bp.get("/claimreviews")
@require("editor")
def claimreviews() -> Any:
    return documents.jsonld(documents.claimreviews(get_session(), _filter(), base_url()))


@bp.get("/findings.csv")
@require("editor")
def findings_csv() -> Any:
    return documents.csv_response(get_session(), _filter())
