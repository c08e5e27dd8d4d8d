"""JSON errors for the API: ``{"error": {"code", "message"}}``, the right status, no trace."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, request
from sqlalchemy.exc import DBAPIError, OperationalError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        message: str,
        code: str | None = None,
        headers: dict[str, str] | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or _CODES.get(status, "error")
        self.headers = headers or {}
        # Which case of ``code`` it was (e.g. no_article: index_page, too_short, empty_page).
        self.reason = reason


def json_error(
    status: int,
    message: str,
    code: str | None = None,
    headers: dict[str, str] | None = None,
    reason: str | None = None,
) -> Response:
    error = {"code": code or _CODES.get(status, "error"), "message": message}
    if reason:
        error["reason"] = reason
    response = jsonify({"error": error})
    response.status_code = status
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _wants_json() -> bool:
    return (
        request.path.startswith("/api/")
        or request.path in ("/healthz",)
        or (request.accept_mimetypes.best == "application/json")
    )


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):  # noqa: ANN202
        return json_error(exc.status, exc.message, exc.code, exc.headers, exc.reason)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):  # noqa: ANN202
        status = exc.code or 500
        if not _wants_json():
            return exc
        message = {
            413: "The request body is larger than the server accepts.",
            404: "There is nothing at this address.",
            405: "This method is not allowed here.",
        }.get(status, exc.description or exc.name)
        headers = (
            {"Allow": ", ".join(exc.valid_methods)} if getattr(exc, "valid_methods", None) else None
        )
        return json_error(status, message, headers=headers)

    @app.errorhandler(OperationalError)
    @app.errorhandler(DBAPIError)
    def _db_down(exc: Exception):  # noqa: ANN202
        log.warning("database unavailable: %s", exc)
        return json_error(
            503,
            "The database is unavailable right now; please try again shortly.",
            "database_unavailable",
            {"Retry-After": "5"},
        )

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):  # noqa: ANN202
        log.exception("unhandled error on %s %s", request.method, request.path)
        return json_error(500, "Something went wrong on the server. It has been logged.")
