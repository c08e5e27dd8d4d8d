"""The home page (what this server is, whether its parts answer) and ``/healthz``."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, jsonify, render_template, request
from sqlalchemy import text

from server.db import get_session
from worker.pipeline import PIPELINE_VERSION

bp = Blueprint("home", __name__)


def _database_ok() -> bool:
    try:
        get_session().execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not answering"
        get_session().rollback()
        return False


def _broker_state(ping_workers: bool) -> tuple[str, int | None]:
    """("embedded" | "ok" | "down", number of workers that answered a ping or None)."""
    if not current_app.config.get("REDIS_URL"):
        return "embedded", None
    import redis

    try:
        redis.Redis.from_url(
            current_app.config["REDIS_URL"], socket_timeout=1, socket_connect_timeout=1
        ).ping()
    except Exception:  # noqa: BLE001
        return "down", None
    if not ping_workers:
        return "ok", None
    from worker.tasks.celery_app import celery_app

    try:
        replies = celery_app.control.ping(timeout=0.5) or []
    except Exception:  # noqa: BLE001
        replies = []
    return "ok", len(replies)


@bp.get("/healthz")
def healthz() -> Any:
    db_ok = _database_ok()
    broker, _ = _broker_state(ping_workers=False)
    healthy = db_ok and broker != "down"
    body = {
        "status": "ok" if healthy else "degraded",
        "database": "ok" if db_ok else "down",
        "broker": broker,
        "pipeline_version": PIPELINE_VERSION,
    }
    return jsonify(body), 200 if healthy else 503


@bp.get("/favicon.ico")
def favicon() -> Any:
    """Browsers ask for it on pages that name no icon (our pages name the same picture)."""
    return current_app.send_static_file("favicon.png")


@bp.get("/")
def index() -> Any:
    db_ok = _database_ok()
    broker, workers = _broker_state(ping_workers=True)
    return render_template(
        "home.html",
        db_ok=db_ok,
        broker=broker,
        workers=workers,
        server_url=request.host_url.rstrip("/"),
        pipeline_version=PIPELINE_VERSION,
    )
