"""``GET /api/v1/me``: whom a token belongs to, so a client can check its settings in one call."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, jsonify

from server.auth import require
from server.db import get_session
from worker.pipeline import PIPELINE_VERSION
from worker.store.models import ApiToken

bp = Blueprint("me", __name__)


@bp.get("/me")
@require("reader")
def me() -> Any:
    token = get_session().get(ApiToken, g.api_token_id) if g.get("api_token_id") else None
    return jsonify(
        {
            "role": g.user.role,
            "token": {"name": token.name, "prefix": token.prefix} if token else None,
            "pipeline_version": PIPELINE_VERSION,
        }
    )
