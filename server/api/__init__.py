"""The JSON API under ``/api/v1``."""

from flask import Blueprint

from server.api import analyses, match_verdicts, me, openapi, review

bp = Blueprint("api", __name__, url_prefix="/api/v1")
bp.register_blueprint(analyses.bp)
bp.register_blueprint(me.bp)
bp.register_blueprint(openapi.bp)
bp.register_blueprint(review.bp)
bp.register_blueprint(match_verdicts.bp)
