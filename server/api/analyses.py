"""``/api/v1/analyses``: submit a page, read its analysis, report a finding."""

from __future__ import annotations

import time
from typing import Any

from flask import Blueprint, current_app, g, jsonify, request, url_for
from sqlalchemy import select

from server import cache, recheck_guard
from server.api import fresh, long_poll
from server.api.body import json_body
from server.api.finding_context import add_cross_article
from server.api.finding_links import add_finding_links
from server.api.validation import check_fields, check_page, check_url
from server.auth import require
from server.db import get_session
from server.errors import ApiError
from worker.pipeline import PIPELINE_VERSION
from worker.store.analyses import (
    analysis_dict,
    create_submission,
    find_reusable,
    html_key,
    pending_for_url,
)
from worker.store.locks import submission_lock
from worker.store.models import AnalysisRow, FindingRow, ReaderReport
from worker.store.rechecks import CHANGED, PENDING, create_recheck, follow
from worker.tasks.dispatch import enqueue, enqueue_recheck
from worker.vocabulary import AnalysisStatus

bp = Blueprint("analyses", __name__)


def _links(analysis_id: str) -> dict[str, str]:
    # Only what every reader may follow: the annotation export (with reviewers' names) is for
    # editors and is described in the OpenAPI document, not offered here.
    return {"self": url_for("api.analyses.get_analysis", analysis_id=analysis_id)}


def _body(row: AnalysisRow) -> dict[str, Any]:
    """The analysis JSON: the store's (with claim matches and the verdicts they carry), its
    links, and what reaches its findings from other articles (fact-checks, other figures)."""
    body = add_finding_links(analysis_dict(row))
    body["links"] = _links(row.id)
    add_cross_article(get_session(), row, body)
    return body


def _stored(row: AnalysisRow, *cache_keys: str | None) -> Any:
    body = _body(row)
    data = current_app.json.dumps(body).encode()
    if row.status == AnalysisStatus.DONE:
        # Readers clicking the same article ask for exactly this again; see server.cache.
        for key in filter(None, cache_keys):
            cache.reusable.set(key, (row.id, data))
    return current_app.response_class(data, status=200, mimetype="application/json")


@bp.post("/analyses")
@require("reader")
def create() -> Any:
    # Cheapest first: a click on a fresh URL whose re-check is decided costs a peek at the URL.
    quick = _known_and_decided()
    if quick is not None:
        return quick
    wire = cache.wire_key(PIPELINE_VERSION, current_app.config["MAX_BODY_BYTES"])
    hit = cache.reusable.get(wire) if wire else None
    if hit is not None:
        return current_app.response_class(hit[1], status=200, mimetype="application/json")
    sub = check_fields(json_body())
    submitted = html_key(sub.url, sub.html)
    session = get_session()
    known = fresh.latest(lambda: session, sub.url, _links_of, _follow_of)
    if known is not None and known.fresh(current_app.config["FRESH_SECONDS"], time.time()):
        return _answer_known(session, known, sub, submitted, wire)
    # Only a page that will be stored is scanned (a parser-stalling page is refused here).
    check_page(sub.html)
    cache_key = cache.scoped(f"{PIPELINE_VERSION}:{submitted}")
    hit = cache.reusable.get(cache_key)
    if hit is not None:
        return current_app.response_class(hit[1], status=200, mimetype="application/json")
    reused = find_reusable(
        session, url=sub.url, pipeline_version=PIPELINE_VERSION, html_hash=submitted
    )
    if reused is not None:
        return _stored(reused, cache_key, wire)
    # Readers of the same fresh article arrive together: one of them creates the analysis, the
    # others find it under way and share it.
    with submission_lock(session, sub.url):
        pending = pending_for_url(session, url=sub.url, pipeline_version=PIPELINE_VERSION)
        if pending is not None:
            return _stored(pending)
        row = create_submission(
            session,
            url=sub.url,
            html=sub.html,
            title=sub.title,
            pipeline_version=PIPELINE_VERSION,
            user_id=g.user.id,
        )
        analysis_id = row.id
        session.commit()
    enqueue(analysis_id)
    links = _links(analysis_id)
    response = jsonify({"id": analysis_id, "status": AnalysisStatus.QUEUED, "links": links})
    response.status_code = 202
    response.headers["Location"] = links["self"]
    return response


def _known_and_decided() -> Any:
    """A repeat click on a fresh URL whose re-check this window is already decided: answered
    from its URL alone, the rest of its body neither decoded nor kept."""
    config = current_app.config
    url = fresh.peek_url(config["MAX_BODY_BYTES"])
    if url is None:
        return None
    try:
        url = check_url(url)
    except ApiError:
        return None  # the full path refuses it with its reason
    known = fresh.latest(get_session, url, _links_of, _follow_of)
    if known is None or not known.fresh(config["FRESH_SECONDS"], time.time()):
        return None
    if not recheck_guard.guard_for(config["REDIS_URL"]).decided(
        config["DATABASE_URL"], known.article_url
    ):
        return None
    return fresh.response(known, fresh.COALESCED)


def _links_of(analysis_id: str) -> dict[str, str]:
    return _links(analysis_id)


def _follow_of(analysis_id: str) -> str:
    return url_for("api.analyses.get_recheck", analysis_id=analysis_id)


def _answer_known(
    session: Any, known: fresh.Latest, sub: Any, submitted: str, wire: str | None
) -> Any:
    """The latest analysis at once; this click's page re-checked if it is the window's first."""
    config = current_app.config
    if known.html_hash == submitted:
        status = fresh.NOT_NEEDED
    elif recheck_guard.guard_for(config["REDIS_URL"]).take(
        config["DATABASE_URL"], known.article_url, config["FRESH_SECONDS"]
    ):
        status = _schedule_recheck(session, known, sub)
    else:
        status = fresh.COALESCED
    if wire:
        # The same bytes again within seconds: their re-check is already decided.
        cache.reusable.set(
            wire,
            (
                known.analysis_id,
                known.body(fresh.NOT_NEEDED if status == fresh.NOT_NEEDED else fresh.COALESCED),
            ),
        )
    return fresh.response(known, status)


def _schedule_recheck(session: Any, known: fresh.Latest, sub: Any) -> str:
    config = current_app.config
    try:
        check_page(sub.html)
    except ApiError:
        recheck_guard.guard_for(config["REDIS_URL"]).give_back(
            config["DATABASE_URL"], known.article_url
        )
        raise
    row = create_recheck(
        session, analysis_id=known.analysis_id, url=sub.url, html=sub.html, title=sub.title
    )
    recheck_id = row.id
    session.commit()
    enqueue_recheck(recheck_id)
    return fresh.SCHEDULED


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
            analysis_id,
            status,
            wait,
            key=getattr(g, "api_token_id", None) or g.user.id,
            reread=reread,
            idle=session.rollback,
        )
        if allowed and status not in long_poll.FINAL:
            # Woken or out of time: read what is there now.
            session.expire_all()
            row = _get(analysis_id)
    response = jsonify(_body(row))
    if wait is not None:
        # Tells the client this server knows ?wait= (an older one ignores it): 0 means "not
        # now" (too many waiting, or completion cannot be heard): poll instead.
        response.headers[long_poll.HEADER] = f"{allowed:g}"
    return response


@bp.get("/analyses/<analysis_id>/recheck")
@require("reader")
def get_recheck(analysis_id: str) -> Any:
    """Where the re-check of an analysis served to a repeat click stands; with ``?wait=N``
    answered when it settles (the text is the same, or a new revision's analysis is done or
    failed), or after N seconds with ``pending``."""
    wait = long_poll.requested_wait(request.args)
    changed_key = cache.scoped(f"followed:{analysis_id}")
    hit = cache.followed.get(changed_key) if len(analysis_id) <= 64 else None
    if hit is not None:
        response = current_app.response_class(hit, status=200, mimetype="application/json")
        if wait is not None:
            response.headers[long_poll.HEADER] = f"{wait:g}"
        return response
    session = get_session()
    served = _get(analysis_id)
    state = follow(session, served)
    allowed = 0.0
    if wait is not None and state.status == PENDING:

        def watch() -> tuple[bool, tuple[str, ...]]:
            nonlocal state
            session.expire_all()
            state = follow(session, _get(analysis_id))
            return state.status != PENDING, state.watch

        allowed = long_poll.wait_for_change(
            watch, wait, key=getattr(g, "api_token_id", None) or g.user.id, idle=session.rollback
        )
    elif wait is not None:
        allowed = wait
    body: dict[str, Any] = {"analysis_id": analysis_id, "status": state.status}
    if state.revision is not None:
        revision = add_finding_links(analysis_dict(state.revision))
        revision["links"] = _links(state.revision.id)
        body["revision"] = revision
    data = current_app.json.dumps(body).encode()
    if state.status == CHANGED:
        # Final for this analysis; the others (pending, same, none...) may change at any time.
        cache.followed.set(changed_key, data)
    response = current_app.response_class(data, status=200, mimetype="application/json")
    if wait is not None:
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
    report = ReaderReport(
        finding=finding, user_id=g.user.id, comment=(comment or "").strip()[:2000] or None
    )
    session.add(report)
    session.commit()
    return jsonify({"id": report.id, "finding": fid, "status": "received"}), 201
