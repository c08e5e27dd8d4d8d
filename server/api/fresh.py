"""Repeat clicks answered from the store: the latest finished analysis of a URL, while fresh.

A reader clicking an article that was analysed minutes ago gets that analysis at once, without
its page being decoded or extracted; the page it sent is stored for a worker to re-check
(``worker.tasks.recheck``), at most once per URL and window (``server.recheck_guard``). The
answer says so in ``recheck.status``: ``scheduled`` (this click's page will be compared),
``coalesced`` (another click's page is being compared in this window) or ``not_needed`` (this
page is byte for byte the one analysed).
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app, request
from sqlalchemy.orm import Session

from server import cache
from server.api.finding_links import add_finding_links
from worker.pipeline import PIPELINE_VERSION
from worker.store.analyses import analysis_dict, last_checked, latest_done

SCHEDULED, COALESCED, NOT_NEEDED = "scheduled", "coalesced", "not_needed"
RECHECK_STATUSES = (SCHEDULED, COALESCED, NOT_NEEDED)


# The extension sends {"url": ..., "html": ...} in that order: the URL is in the first bytes.
_LEADING_URL = re.compile(rb'\A\s*\{\s*"url"\s*:\s*("(?:[^"\\\x00-\x1f]|\\.){1,2048}")')
PEEK_BYTES = 4096


def peek_url(max_bytes: int) -> str | None:
    """The submission's URL read from the first bytes of the body (gzip or plain) when it
    comes first, without decoding the rest; None when it cannot be read that way."""
    if request.mimetype != "application/json" or (request.content_length or 0) > max_bytes:
        return None
    raw = request.get_data(cache=True)  # the full path reads these same bytes if needed
    encoding = request.headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw[:PEEK_BYTES], PEEK_BYTES)
        except zlib.error:
            return None
    elif encoding in ("", "identity"):
        head = raw[:PEEK_BYTES]
    else:
        return None
    found = _LEADING_URL.match(head)
    if found is None:
        return None
    try:
        url = json.loads(found.group(1))
    except ValueError:  # broken escapes or UTF-8: the full path says what is wrong
        return None
    return url if isinstance(url, str) else None


@dataclass(frozen=True)
class Latest:
    analysis_id: str
    head: bytes  # the analysis JSON (links included) without its closing brace
    checked: float  # epoch seconds of the last time its text was the live page's
    html_hash: str | None  # the exact page it was made from
    article_url: str  # where its revisions live: re-checks of the URL are counted there

    def fresh(self, window: float, now: float) -> bool:
        return window > 0 and now - self.checked < window

    def body(self, recheck: str) -> bytes:
        return self.head + b',"recheck":' + json.dumps({"status": recheck}).encode() + b"}"


def latest(session: Session, url: str, links: Callable[[str], dict[str, str]]) -> Latest | None:
    """The latest finished analysis of ``url`` (submitted or canonical), from this process's
    short-lived cache when it can."""
    key = cache.scoped(f"{PIPELINE_VERSION}:latest:{url}")
    hit = cache.latest.get(key)
    if hit is not None:
        return hit
    row = latest_done(session, url=url, pipeline_version=PIPELINE_VERSION)
    if row is None:
        return None
    body = add_finding_links(analysis_dict(row))
    body["links"] = links(row.id)
    data = current_app.json.dumps(body).encode()
    checked = last_checked(row)
    value = Latest(
        row.id,
        data[: data.rindex(b"}")],
        checked.timestamp() if checked else 0.0,
        row.article.html_hash,
        row.article.url,
    )
    cache.latest.set(key, value)
    return value


def response(latest_: Latest, recheck: str):  # noqa: ANN201 - a Flask response
    answer = current_app.response_class(
        latest_.body(recheck), status=200, mimetype="application/json"
    )
    answer.headers["Sourcemark-Recheck"] = recheck
    return answer
