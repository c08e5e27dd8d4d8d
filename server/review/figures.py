"""Diverging figures: one event's counts as different articles give them, side by side, where
they cannot all be true (``worker.store.figures``)."""

from __future__ import annotations

from typing import Any

from flask import render_template, request

from server.db import get_session
from server.review.blueprint import bp
from server.review.sessions import require_role
from worker.store.figures import diverging_groups

DAYS = (3, 7, 14, 30)


@bp.get("/review/figures")
@require_role("editor")
def figures() -> Any:
    try:
        days = int(request.args.get("days", "14"))
    except ValueError:
        days = 14
    if days not in DAYS:
        days = 14
    return render_template(
        "review/figures.html",
        groups=diverging_groups(get_session(), days=days),
        days=days,
        day_choices=DAYS,
    )
