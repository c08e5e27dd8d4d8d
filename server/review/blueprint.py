"""The web view's blueprints: ``review`` (sign-in, queue, articles, exports) and ``admin``."""

from __future__ import annotations

from flask import Blueprint, request

bp = Blueprint("review", __name__)
admin_bp = Blueprint("admin", __name__, url_prefix="/admin")


def base_url() -> str:
    """This server's public address, for the ids in exported JSON-LD."""
    return request.host_url.rstrip("/")
