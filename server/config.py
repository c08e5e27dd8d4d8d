"""Flask configuration from the environment, with embedded defaults for a fresh machine."""

from __future__ import annotations

import os
import secrets
from typing import Any

from worker.config import (
    database_url,
    fresh_seconds,
    instance_dir,
    int_setting,
    languages,
    redis_url,
)

DEFAULT_MAX_BODY = 10 * 1024 * 1024


def _secret_key() -> str:
    """SOURCEMARK_SECRET_KEY, else a key generated once and kept in the instance folder."""
    key = os.environ.get("SOURCEMARK_SECRET_KEY")
    if key:
        return key
    path = instance_dir() / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def from_environment() -> dict[str, Any]:
    max_body = int(os.environ.get("SOURCEMARK_MAX_BODY_BYTES") or DEFAULT_MAX_BODY)
    return {
        "SECRET_KEY": _secret_key(),
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url(),
        "MAX_BODY_BYTES": max_body,
        # Werkzeug refuses bigger raw bodies before reading them; gzip bodies are checked again
        # after decoding in server.api.body.
        "MAX_CONTENT_LENGTH": max_body,
        "LANGUAGES": languages(),
        # A URL's finished analysis is served at once to repeat clicks for this long after it
        # was last checked, with at most one re-check per URL in the same span; 0 turns it off.
        "FRESH_SECONDS": fresh_seconds(),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("SOURCEMARK_SECURE_COOKIES", "0") == "1",
        "DEBUG": False,
        # Long-poll bounds (server.api.long_poll): each waiting request holds one of gunicorn's
        # 8 threads per process, so by default at most half of them wait.
        "WAIT_MAX_SECONDS": max(0, int_setting("SOURCEMARK_WAIT_MAX_SECONDS", 25)),
        "WAIT_PER_PROCESS": max(0, int_setting("SOURCEMARK_WAIT_PER_PROCESS", 4)),
        "WAIT_PER_TOKEN": max(0, int_setting("SOURCEMARK_WAIT_PER_TOKEN", 2)),
    }
