"""A finding's detail page, its review actions (form and JSON), and the article view."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from server.api.body import json_body
from server.api.review_json import item_dict
from server.db import get_session
from server.errors import ApiError
from server.review.blueprint import bp
from server.review.forms import ActionForm, MatchVerdictForm, ReviewForm
from server.review.highlight import Span, runs, window
from server.review.queries import filter_args, parse_filter
from server.review.sessions import require_role
from server.review.views import safe_next
from worker.store.accounts import reviewers
from worker.store.claim_matches import matches_for
from worker.store.models import AnalysisRow, FindingRow
from worker.store.review_events import apply_changes, history
from worker.store.review_queue import QueueFilter, get_item, neighbours
from worker.store.review_validation import ReviewError, validate_changes
from worker.store.verdict_by_match import apply_to_matches, batches_for, undo
from worker.vocabulary import VERDICT_LABELS


def _item(finding_id: int):  # noqa: ANN202
    item = get_item(get_session(), finding_id)
    if item is None:
        abort(404)
    return item


def _context_runs(text: str, finding: FindingRow) -> tuple[list[Any], bool, bool]:
    lo, hi = window(text, finding.start, finding.end)
    data = finding.data or {}
    spans = [Span(finding.start - lo, finding.end - lo, "finding", "hl")]
    for piece in data.get("content") or []:
        spans.append(Span(piece["start"] - lo, piece["end"] - lo, "content", "content"))
    for role in ("cue", "speaker"):
        part = data.get(role) or {}
        if isinstance(part.get("start"), int) and isinstance(part.get("end"), int):
            spans.append(Span(part["start"] - lo, part["end"] - lo, role, role))
    return runs(text[lo:hi], spans), lo > 0, hi < len(text)


def _review_form(item: Any, db: Any) -> ReviewForm:
    f = item.finding
    form = ReviewForm(
        formdata=None,
        status=f.review_status,
        verdict=f.verdict or "",
        assignee=str(f.assignee_id or ""),
        note=f.note or "",
    )
    form.assignee.choices = [("", "— unassigned —")] + [(str(u.id), u.email) for u in reviewers(db)]
    return form


@bp.get("/review/findings/<int:finding_id>")
@require_role("editor")
def finding(finding_id: int) -> Any:
    db = get_session()
    item = _item(finding_id)
    try:
        f = parse_filter(request.args, current_user.user_id)
    except ReviewError:
        f = QueueFilter()
    newer, older = neighbours(db, f, finding_id)
    article_text = item.finding.analysis.article.text
    context, cut_before, cut_after = _context_runs(article_text, item.finding)
    form = _review_form(item, db)
    form.back.data = request.full_path
    match_form = MatchVerdictForm(formdata=None, verdict=item.finding.verdict or None)
    match_form.back.data = request.full_path
    return render_template(
        "review/finding.html",
        item=item,
        data=item.finding.data or {},
        context=context,
        cut_before=cut_before,
        cut_after=cut_after,
        form=form,
        history=history(db, finding_id),
        args=filter_args(f, current_user.user_id),
        newer=newer,
        older=older,
        reports=item.finding.reports,
        matches=matches_for(db, [finding_id]).get(finding_id, []),
        match_form=match_form,
        batches=batches_for(db, finding_id),
        undo_form=ActionForm(formdata=None),
    )


@bp.post("/review/findings/<int:finding_id>")
@require_role("editor")
def review_form(finding_id: int) -> Any:
    db = get_session()
    item = _item(finding_id)
    form = ReviewForm()
    form.assignee.choices = [("", "")] + [(str(u.id), u.email) for u in reviewers(db)]
    back = safe_next(form.back.data, url_for("review.finding", finding_id=finding_id))
    if not form.validate():
        flash("; ".join(m for errors in form.errors.values() for m in errors), "error")
        return redirect(back)
    changes = {
        "status": form.status.data,
        "verdict": form.verdict.data or None,
        "note": form.note.data,
        "assignee": form.assignee.data or None,
    }
    try:
        events = apply_changes(
            db, item.finding, validate_changes(db, changes), current_user.user_id
        )
    except ReviewError as exc:
        flash(exc.message, "error")
        return redirect(back)
    db.commit()
    flash("Saved." if events else "Nothing changed.", "info")
    return redirect(back)


@bp.post("/review/findings/<int:finding_id>/verdict-by-match")
@require_role("editor")
def verdict_by_match(finding_id: int) -> Any:
    """One action: this finding's verdict, and the same verdict on every finding stored as
    making the same claim in other articles (each an audited change, undoable together)."""
    db = get_session()
    _item(finding_id)
    form = MatchVerdictForm()
    back = safe_next(form.back.data, url_for("review.finding", finding_id=finding_id))
    if not form.validate():
        flash("; ".join(m for errors in form.errors.values() for m in errors), "error")
        return redirect(back)
    try:
        applied = apply_to_matches(db, finding_id, form.verdict.data, current_user.user_id)
    except ReviewError as exc:
        flash(exc.message, "error")
        return redirect(back)
    db.commit()
    label = VERDICT_LABELS.get(form.verdict.data, form.verdict.data)
    flash(
        f"Verdict “{label}” set on {len(applied.changed)} finding(s): this one and "
        f"{applied.matched} making the same claim elsewhere (those already so unchanged).",
        "info",
    )
    return redirect(back)


@bp.post("/review/verdict-batches/<batch>/undo")
@require_role("editor")
def undo_verdict_batch(batch: str) -> Any:
    db = get_session()
    form = ActionForm()
    back = safe_next(request.form.get("back"), url_for("review.queue"))
    if not form.validate():
        flash("The form expired; reload the page and try again.", "error")
        return redirect(back)
    try:
        reverted = undo(db, batch[:64], current_user.user_id)
    except ReviewError as exc:
        flash(exc.message, "error")
        return redirect(back)
    db.commit()
    flash(f"Undone: {len(reverted)} verdict(s) set back.", "info")
    return redirect(back)


@bp.post("/review/findings/<int:finding_id>/review")
@require_role("editor")
def review_json(finding_id: int) -> Any:
    """The keyboard loop's endpoint: JSON in, JSON out, session + X-CSRFToken authenticated."""
    db = get_session()
    item = _item(finding_id)
    data = json_body()
    try:
        events = apply_changes(db, item.finding, validate_changes(db, data), current_user.user_id)
    except ReviewError as exc:
        raise ApiError(422, exc.message, "invalid_" + exc.field) from exc
    db.commit()
    return jsonify({"finding": item_dict(_item(finding_id)), "changed": len(events)})


@bp.get("/review/articles/<analysis_id>")
@require_role("editor")
def article(analysis_id: str) -> Any:
    db = get_session()
    analysis = db.get(AnalysisRow, analysis_id[:64])
    if analysis is None:
        abort(404)
    rows = list(
        db.scalars(
            select(FindingRow)
            .where(FindingRow.analysis_id == analysis.id)
            .order_by(FindingRow.start, FindingRow.id)
        )
    )
    spans = [Span(r.start, r.end, str(r.id), f"hl-{r.kind} st-{r.review_status}") for r in rows]
    return render_template(
        "review/article.html",
        analysis=analysis,
        art=analysis.article,
        rows=rows,
        text_runs=runs(analysis.article.text, spans),
        args={"analysis": analysis.id},
    )
