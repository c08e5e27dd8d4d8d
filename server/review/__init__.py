"""The editors' web view: sign in, work through the queue of findings, review, export."""

from __future__ import annotations

from flask import Flask

from server.review import admin, dashboard, downloads, figures, findings, sessions, views
from server.review.blueprint import admin_bp, bp
from server.review.forms import STATUS_ACTIONS
from server.review.page_data import BULK_KEY_STATUS, ELEMENT_ID, STATUS_KEYS, script_vocabulary
from server.review.queries import merged
from worker.vocabulary import (
    KIND_LABELS,
    KINDS,
    STATUS_LABELS,
    TYPE_LABELS,
    VERDICT_LABELS,
    AnalysisStatus,
)

__all__ = ["init_app"]
_MODULES = (
    admin,
    dashboard,
    downloads,
    figures,
    findings,
    views,
)  # importing them registers the routes


def init_app(app: Flask) -> None:
    sessions.init_app(app)
    app.register_blueprint(bp)
    app.register_blueprint(admin_bp)

    # Templates spell no vocabulary word themselves (tests/test_vocabulary.py checks).
    app.jinja_env.globals.update(
        STATUS_LABELS=STATUS_LABELS,
        VERDICT_LABELS=VERDICT_LABELS,
        TYPE_LABELS=TYPE_LABELS,
        KINDS=KINDS,
        KIND_LABELS=KIND_LABELS,
        AnalysisStatus=AnalysisStatus,
        STATUS_ACTIONS=STATUS_ACTIONS,
        STATUS_KEYS=STATUS_KEYS,
        BULK_KEY_STATUS=BULK_KEY_STATUS,
        VOCABULARY_ID=ELEMENT_ID,
        VOCABULARY=script_vocabulary(),
        merged=merged,
    )
