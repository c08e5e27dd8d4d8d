"""Diverging figures: one event's counts as different articles give them, side by side, where
they cannot all be true (``worker.store.figures``)."""

from __future__ import annotations

from typing import Any

from flask import render_template, request

from server.db import get_session
from server.review.blueprint import bp
from server.review.sessions import require_role
from worker.store.figures import diverging_page

DAYS = (3, 7, 14, 30)
# Events per page: at 100,000 findings a fortnight can hold a thousand diverging events, and
# rendering them all cost more than finding them (benchmarks/cross_article.py).
PAGE = 25


@bp.get("/review/figures")
@require_role("editor")
def figures() -> Any:
    try:
        days = int(request.args.get("days", "14"))
    except ValueError:
        days = 14
    if days not in DAYS:
        days = 14
    try:
        page = max(int(request.args.get("page", "1")), 1)
    except ValueError:
        page = 1
    groups, total = diverging_page(get_session(), days=days, page=page, per_page=PAGE)
    pages = max(1, -(-total // PAGE))
    if page > pages:  # past the end (the list shrank since): the last page
        page = pages
        groups, total = diverging_page(get_session(), days=days, page=page, per_page=PAGE)
    return render_template(
        "review/figures.html",
        groups=groups,
        total=total,
        page=page,
        pages=pages,
        days=days,
        day_choices=DAYS,
    )
