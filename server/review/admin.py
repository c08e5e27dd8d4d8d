"""Admin pages: the accounts and their API tokens (admin role only)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from server.db import get_session
from server.review.blueprint import admin_bp
from server.review.forms import ActionForm, UserForm
from server.review.sessions import require_role
from worker.store.accounts import create_user
from worker.store.models import ApiToken, User, utcnow


def _page(form: UserForm, status: int = 200) -> Any:
    db = get_session()
    users = db.scalars(select(User).order_by(User.email)).all()
    tokens = db.scalars(select(ApiToken).order_by(ApiToken.id.desc())).all()
    return render_template(
        "review/admin.html", users=users, tokens=tokens, form=form, action=ActionForm()
    ), status


@admin_bp.get("/users")
@require_role("admin")
def users() -> Any:
    return _page(UserForm())


@admin_bp.post("/users")
@require_role("admin")
def create() -> Any:
    form = UserForm()
    if not form.validate():
        return _page(form, 422)
    db = get_session()
    try:
        user = create_user(db, form.email.data, form.role.data, form.password.data)
    except ValueError as exc:
        form.email.errors = [str(exc)]
        return _page(form, 422)
    db.commit()
    flash(f"Created {user.role} {user.email}.", "info")
    return redirect(url_for("admin.users"))


@admin_bp.post("/tokens/<int:token_id>/revoke")
@require_role("admin")
def revoke(token_id: int) -> Any:
    if not ActionForm().validate():
        flash("The form expired; please try again.", "error")
        return redirect(url_for("admin.users"))
    db = get_session()
    token = db.get(ApiToken, token_id)
    if token is not None and token.revoked_at is None:
        token.revoked_at = utcnow()
        db.commit()
        flash(f"Revoked token '{token.name}' ({token.prefix}…) by {current_user.email}.", "info")
    return redirect(url_for("admin.users"))
