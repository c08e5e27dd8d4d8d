"""The web face of sourcemark: the JSON API, the home page and the editors' web view."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask

from server import db, home, ratelimit, security
from server.config import from_environment
from server.errors import register_error_handlers


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Application factory; ``config`` overrides what the environment says."""
    app = Flask(__name__)
    # A path with an empty segment ("/analyses//findings") is not found, not redirected to
    # another resource with the empty segment dropped.
    app.url_map.merge_slashes = False
    app.config.update(from_environment())
    if config:
        app.config.update(config)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )

    from server.api import bp as api_bp
    from server.api import long_poll

    db.init_app(app)
    security.init_app(app)
    ratelimit.init_app(app)
    long_poll.init_app(app)
    register_error_handlers(app)
    app.register_blueprint(home.bp)
    app.register_blueprint(api_bp)
    from server import review

    review.init_app(app)
    if app.config.get("EMBEDDED_SWEEPER"):
        from worker.tasks.sweep import start_embedded_sweeper

        start_embedded_sweeper()
    return app
