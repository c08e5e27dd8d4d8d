"""Sign in and out, the queue, and bulk actions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from flask import flash, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from server.db import get_session
from server.review.blueprint import bp
from server.review.forms import BulkForm, LoginForm, ReviewForm
from server.review.queries import filter_args, parse_filter, parse_position
from server.review.sessions import require_role, session_user
from server.review.throttle import throttle
from worker.store.accounts import check_password, reviewers
from worker.store.models import FindingRow, User
from worker.store.review_events import apply_bulk
from worker.store.review_queue import QueueFilter, counts, hidden_low_count, queue_page
from worker.store.review_validation import ReviewError, validate_changes
from worker.vocabulary import TYPES

_DUMMY_HASH = generate_password_hash("not a password anyone has")


def safe_next(target: str | None, default: str) -> str:
    """Only same-site paths: '/review?x' yes, '//evil.example' or 'https://…' no."""
    if not target:
        return default
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
    ):
        return default
    return target


def _home() -> str:
    return url_for("review.queue") if current_user.can("editor") else url_for("home.index")


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        wait = throttle.retry_after(email)
        if wait:
            flash(
                f"Too many failed sign-ins for this account; try again in {wait // 60 + 1} "
                "minutes.",
                "error",
            )
            response = make_response(render_template("review/login.html", form=form), 429)
            response.headers["Retry-After"] = str(wait)
            return response
        user = get_session().scalars(select(User).where(User.email == email)).first()
        # An unknown email costs the same hash check as a wrong password: no account probing.
        ok = (
            check_password(user, form.password.data)
            if user is not None
            else check_password_hash(_DUMMY_HASH, form.password.data)
        )
        if user is not None and user.active and ok:
            throttle.succeeded(email)
            session.clear()  # a fresh session on sign-in: no fixation
            login_user(session_user(user))
            session.permanent = True
            return redirect(safe_next(form.next.data, _home()))
        throttle.failed(email)
        flash("That email and password do not match an active account.", "error")
        return render_template("review/login.html", form=form), 401
    return render_template("review/login.html", form=form)


@bp.post("/logout")
def logout() -> Any:
    logout_user()
    session.clear()
    flash("You are signed out.", "info")
    return redirect(url_for("review.login"))


def _filter_or_flash() -> tuple[QueueFilter, int | None, int | None, int]:
    try:
        return (parse_filter(request.args, current_user.user_id), *parse_position(request.args))
    except ReviewError as exc:
        flash(exc.message, "error")
        return QueueFilter(), None, None, 50


@bp.get("/review")
@require_role("editor")
def queue() -> Any:
    db = get_session()
    f, after, before, limit = _filter_or_flash()
    # Low-confidence attributions are hidden unless the editor asks for them ("lowconf").
    shown_low = (request.args.get("lowconf") or "").strip() == "1"
    f = replace(f, hide_low_confidence=not shown_low)
    page = queue_page(db, f, after=after, before=before, limit=limit)
    # "hidelow=1" stays in the links: exports and a finding's previous/next follow the queue.
    args = filter_args(f, current_user.user_id)
    if shown_low:
        args["lowconf"] = "1"
    return render_template(
        "review/queue.html",
        page=page,
        facets=counts(db, f),
        low_hidden=hidden_low_count(db, f) if f.hide_low_confidence else 0,
        f=f,
        args=args,
        types=TYPES,
        reviewers=reviewers(db),
        bulk=BulkForm(back=request.full_path),
        review=ReviewForm(),
        # An empty page means "nothing matches" only when there is something to match.
        anything=bool(page.items) or db.scalar(select(FindingRow.id).limit(1)) is not None,
    )


@bp.post("/review/bulk")
@require_role("editor")
def bulk() -> Any:
    form = BulkForm()
    back = safe_next(form.back.data, url_for("review.queue"))
    ids = [int(v) for v in request.form.getlist("ids") if v.isdigit()]
    if not form.validate() or not ids:
        flash("Select at least one finding, then choose an action.", "error")
        return redirect(back)
    action = form.action.data
    if action == "assign_me":
        changes: dict[str, Any] = {"assignee": current_user.user_id}
    elif action == "unassign":
        changes = {"assignee": None}
    else:
        changes = {"status": action}
    db = get_session()
    try:
        changed = apply_bulk(db, ids, validate_changes(db, changes), current_user.user_id)
    except ReviewError as exc:
        flash(exc.message, "error")
        return redirect(back)
    db.commit()
    label = dict(form.action.choices)[action].lower()  # type: ignore[arg-type]
    flash(f"{changed} finding{'' if changed == 1 else 's'} updated ({label}).", "info")
    return redirect(back)
