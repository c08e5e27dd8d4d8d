"""Exports in the web view: the queue as CSV, an article's annotations, ClaimReviews."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from server.db import get_session
from server.review import documents
from server.review.blueprint import base_url, bp
from server.review.queries import parse_filter
from server.review.sessions import require_role
from worker.store.review_queue import QueueFilter
from worker.store.review_validation import ReviewError


def _filter() -> QueueFilter | None:
    try:
        return parse_filter(request.args, current_user.user_id)
    except ReviewError as exc:
        flash(exc.message, "error")
        return None


@bp.get("/review/export.csv")
@require_role("editor")
def export_csv() -> Any:
    f = _filter()
    if f is None:
        return redirect(url_for("review.queue"))
    return documents.csv_response(get_session(), f)


@bp.get("/review/articles/<analysis_id>/annotations.jsonld")
@require_role("editor")
def export_annotations(analysis_id: str) -> Any:
    doc = documents.annotations(get_session(), analysis_id, base_url())
    if doc is None:
        abort(404)
    return documents.jsonld(doc, f"annotations-{analysis_id[:32]}.jsonld")


@bp.get("/review/claimreviews.jsonld")
@require_role("editor")
def export_claimreviews() -> Any:
    f = _filter()
    if f is None:
        return redirect(url_for("review.queue"))
    return documents.jsonld(
        documents.claimreviews(get_session(), f, base_url()), "claimreviews.jsonld"
    )
