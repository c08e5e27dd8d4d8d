"""``/api/v1/analyses``: submit a page, read its analysis, report a finding."""

from __future__ import annotations

import time
from typing import Any

from flask import Blueprint, current_app, g, jsonify, request, url_for
from sqlalchemy import select

from server import cache
from server.api import long_poll
from server.api.body import json_body
from server.api.validation import check_submission
from server.auth import require
from server.db import get_session
from server.errors import ApiError
from worker.pipeline import PIPELINE_VERSION, extract_article
from worker.pipeline.claims import check_length
from worker.pipeline.errors import PipelineError
from worker.store.analyses import (
    analysis_dict,
    create_analysis,
    find_reusable,
    html_key,
    sha256,
)
from worker.store.locks import submission_lock
from worker.store.models import AnalysisRow, FindingRow, ReaderReport
from worker.tasks.dispatch import enqueue
from worker.vocabulary import AnalysisStatus

bp = Blueprint("analyses", __name__)


def _links(analysis_id: str) -> dict[str, str]:
    # Only what every reader may follow: the annotation export (with reviewers' names) is for
    # editors and is described in the OpenAPI document, not offered here.
    return {"self": url_for("api.analyses.get_analysis", analysis_id=analysis_id)}


def _stored(row: AnalysisRow, *cache_keys: str | None) -> Any:
    body = analysis_dict(row)
    body["links"] = _links(row.id)
    data = current_app.json.dumps(body).encode()
    if row.status == AnalysisStatus.DONE:
        # Readers clicking the same article ask for exactly this again; see server.cache.
        for key in filter(None, cache_keys):
            cache.reusable.set(key, (row.id, data))
    return current_app.response_class(data, status=200, mimetype="application/json")


@bp.post("/analyses")
@require("reader")
def create() -> Any:
    wire = cache.wire_key(PIPELINE_VERSION, current_app.config["MAX_BODY_BYTES"])
    hit = cache.reusable.get(wire) if wire else None
    if hit is None:
        sub = check_submission(json_body())
        submitted = html_key(sub.url, sub.html)
        cache_key = cache.scoped(f"{PIPELINE_VERSION}:{submitted}")
        hit = cache.reusable.get(cache_key)
    if hit is not None:
        return current_app.response_class(hit[1], status=200, mimetype="application/json")
    session = get_session()
    reused = find_reusable(session, url=sub.url, pipeline_version=PIPELINE_VERSION,
                           html_hash=submitted)
    if reused is not None:
        return _stored(reused, cache_key, wire)
    started = time.perf_counter()
    try:
        article = extract_article(sub.html, sub.url)
        check_length(article.text)
    except PipelineError as exc:
        raise ApiError(422, str(exc), exc.code, reason=getattr(exc, "reason", None)) from exc
    extract_ms = round((time.perf_counter() - started) * 1000, 1)
    if article.title is None and sub.title:
        article.title = sub.title
    supported = current_app.config["LANGUAGES"]
    if article.language and article.language.split("-")[0] not in supported:
        raise ApiError(
            422,
            f"This page looks like it is in '{article.language}'; sourcemark analyses "
            f"{', '.join(supported)} articles only.",
            "unsupported_language",
        )
    # Readers of the same fresh article arrive together: one of them creates the analysis, the
    # others wait a moment here and then find it.
    with submission_lock(session, sub.url):
        reused = find_reusable(session, url=sub.url, pipeline_version=PIPELINE_VERSION,
                               content_hash=sha256(article.text))
        if reused is not None:
            return _stored(reused, cache_key, wire)
        row = create_analysis(session, article=article, url=sub.url, html=sub.html,
                              pipeline_version=PIPELINE_VERSION, user_id=g.user.id,
                              timings={"extract_ms": extract_ms})
        analysis_id = row.id
        session.commit()
    enqueue(analysis_id)
    links = _links(analysis_id)
    response = jsonify({"id": analysis_id, "status": AnalysisStatus.QUEUED, "links": links})
    response.status_code = 202
    response.headers["Location"] = links["self"]
    return response


def _get(analysis_id: str) -> AnalysisRow:
    if len(analysis_id) > 64:
        raise ApiError(404, "No analysis has this id.")
    row = get_session().get(AnalysisRow, analysis_id)
    if row is None:
        raise ApiError(404, "No analysis has this id.")
    return row


@bp.get("/analyses/<analysis_id>")
@require("reader")
def get_analysis(analysis_id: str) -> Any:
    wait = long_poll.requested_wait(request.args)
    row = _get(analysis_id)
    if wait is not None:
        status = row.status
        session = get_session()

        def reread() -> str:
            session.expire_all()
            return _get(analysis_id).status

        allowed = long_poll.wait_for_finish(
            analysis_id, status, wait, key=getattr(g, "api_token_id", None) or g.user.id,
            reread=reread, idle=session.rollback)
        if allowed and status not in long_poll.FINAL:
            # Woken or out of time: read what is there now.
            session.expire_all()
            row = _get(analysis_id)
    body = analysis_dict(row)
    body["links"] = _links(analysis_id)
    response = jsonify(body)
    if wait is not None:
        # Tells the client this server knows ?wait= (an older one ignores it): 0 means "not
        # now" (too many waiting, or completion cannot be heard): poll instead.
        response.headers[long_poll.HEADER] = f"{allowed:g}"
    return response


@bp.post("/analyses/<analysis_id>/findings/<fid>/reports")
@require("reader")
def report_finding(analysis_id: str, fid: str) -> Any:
    """A reader's "looks wrong" on a finding; it lands in the editors' queue."""
    _get(analysis_id)
    data = json_body()
    comment = data.get("comment")
    if comment is not None and not isinstance(comment, str):
        raise ApiError(422, "'comment' must be a string when given.")
    session = get_session()
    finding = session.scalars(
        select(FindingRow).where(FindingRow.analysis_id == analysis_id, FindingRow.fid == fid[:16])
    ).first()
    if finding is None:
        raise ApiError(404, "This analysis has no finding with this id.")
    report = ReaderReport(finding=finding, user_id=g.user.id,
                          comment=(comment or "").strip()[:2000] or None)
    session.add(report)
    session.commit()
    return jsonify({"id": report.id, "finding": fid, "status": "received"}), 201
