"""Reading a request body safely: content type, gzip with a decoded-size cap, JSON."""

from __future__ import annotations

import json
import zlib
from typing import Any

from flask import current_app, request

from server.errors import ApiError


def _limit() -> int:
    return int(current_app.config["MAX_BODY_BYTES"])


def _decompress(raw: bytes, encoding: str) -> bytes:
    limit = _limit()
    wbits = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
    if encoding not in wbits:
        raise ApiError(415, f"Content-Encoding '{encoding}' is not supported; use gzip or none.")
    decoder = zlib.decompressobj(wbits[encoding])
    try:
        # max_length stops a gzip bomb after limit+1 bytes instead of inflating it whole.
        out = decoder.decompress(raw, limit + 1)
    except zlib.error as exc:
        raise ApiError(400, f"The body is not valid {encoding} data.", "bad_encoding") from exc
    if len(out) > limit or decoder.unconsumed_tail:
        mb = limit // (1024 * 1024)
        raise ApiError(413, f"The page is larger than {mb} MB once decompressed.", "too_large")
    return out


def json_body() -> dict[str, Any]:
    mimetype = request.mimetype
    if mimetype != "application/json":
        raise ApiError(415, "Send the body as JSON with 'Content-Type: application/json'.")
    raw = request.get_data(cache=False)
    if len(raw) > _limit():
        raise ApiError(
            413, f"The request body is larger than {_limit() // (1024 * 1024)} MB.", "too_large"
        )
    encoding = request.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raw = _decompress(raw, encoding)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "The body is not valid UTF-8.", "bad_encoding") from exc
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ApiError(400, "The body is not valid JSON.", "bad_json") from exc
    if not isinstance(data, dict):
        raise ApiError(422, "The JSON body must be an object.", "invalid")
    return data
