"""The editors' web view: sign in, work through the queue of findings, review, export."""

from __future__ import annotations

from flask import Flask

from server.review import admin, dashboard, downloads, findings, sessions, views
from server.review.blueprint import admin_bp, bp
from server.review.forms import STATUS_LABELS, TYPE_LABELS, VERDICT_LABELS
from server.review.queries import merged

__all__ = ["init_app"]
_MODULES = (admin, dashboard, downloads, findings, views)  # importing them registers the routes


def init_app(app: Flask) -> None:
    sessions.init_app(app)
    app.register_blueprint(bp)
    app.register_blueprint(admin_bp)

    app.jinja_env.globals.update(STATUS_LABELS=STATUS_LABELS, VERDICT_LABELS=VERDICT_LABELS,
                                 TYPE_LABELS=TYPE_LABELS, merged=merged)
