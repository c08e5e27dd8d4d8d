"""Pieces the OpenAPI document repeats, shared by ``openapi.SPEC`` and the review routes'
``review_spec.PATHS``."""

from __future__ import annotations

from typing import Any

ERROR = {"$ref": "#/components/responses/Error"}
ANALYSIS_ID = {
    "name": "analysis_id",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "maxLength": 64},
}


def errors(*codes: int) -> dict[str, Any]:
    """The error responses of an operation, all in the one ``Error`` shape."""
    return {str(code): ERROR for code in codes}


def json_content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}
