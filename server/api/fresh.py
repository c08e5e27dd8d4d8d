"""Repeat clicks answered from the store: the latest finished analysis of a URL, while fresh.

A reader clicking an article that was analysed minutes ago gets that analysis at once, without
its page being decoded or extracted; the page it sent is stored for a worker to re-check
(``worker.tasks.recheck``), at most once per URL and window (``server.recheck_guard``). The
answer says so in ``recheck.status``: ``scheduled`` (this click's page will be compared),
``coalesced`` (another click's page is being compared in this window) or ``not_needed`` (this
page is byte for byte the one analysed), and, but for ``not_needed``, where the reader follows
the re-check (``recheck.links.follow``: ``GET /analyses/<id>/recheck?wait=N``, answered when a
new revision's analysis is done or the text is found the same).
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import current_app, request
from sqlalchemy.orm import Session

from server import cache
from server.api.finding_context import add_cross_article
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
    follow: str  # where a reader follows the re-check (GET .../recheck?wait=N)
    bodies: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)

    def fresh(self, window: float, now: float) -> bool:
        return window > 0 and now - self.checked < window

    def body(self, recheck: str) -> bytes:
        """The answer to a repeat click: the analysis and where its re-check stands. Made once
        per status and kept with the entry: a burst of clicks costs no serialisation."""
        made = self.bodies.get(recheck)
        if made is None:
            state: dict[str, object] = {"status": recheck}
            if recheck != NOT_NEEDED:
                # The reader's page may differ from the analysed one: follow the re-check.
                state["links"] = {"follow": self.follow}
            made = self.head + b',"recheck":' + json.dumps(state).encode() + b"}"
            self.bodies[recheck] = made
        return made


def latest(
    session: Callable[[], Session],
    url: str,
    links: Callable[[str], dict[str, str]],
    follow: Callable[[str], str],
) -> Latest | None:
    """The latest finished analysis of ``url`` (submitted or canonical), from this process's
    short-lived cache when it can; ``session`` is called only when the store must be read.

    When the entry has just expired, one request of the process reads the store again while
    the others keep answering with it (a burst of clicks would otherwise read and serialise
    the same analysis once per thread)."""
    key = cache.scoped(f"{PIPELINE_VERSION}:latest:{url}")
    hit, current = cache.latest.lookup(key)
    if hit is not None and (current or not cache.latest.begin_refresh(key)):
        return hit
    try:
        value = _load(session(), url, links, follow)
        if value is not None:
            cache.latest.set(key, value)
        else:
            cache.latest.discard(key)
        return value
    finally:
        if hit is not None:
            cache.latest.end_refresh(key)


def _load(
    session: Session,
    url: str,
    links: Callable[[str], dict[str, str]],
    follow: Callable[[str], str],
) -> Latest | None:
    row = latest_done(session, url=url, pipeline_version=PIPELINE_VERSION)
    if row is None:
        return None
    body = add_finding_links(analysis_dict(row))
    body["links"] = links(row.id)
    add_cross_article(session, row, body)
    data = current_app.json.dumps(body).encode()
    checked = last_checked(row)
    return Latest(
        row.id,
        data[: data.rindex(b"}")],
        checked.timestamp() if checked else 0.0,
        row.article.html_hash,
        row.article.url,
        follow(row.id),
    )


def response(latest_: Latest, recheck: str):  # noqa: ANN201 - a Flask response
    answer = current_app.response_class(
        latest_.body(recheck), status=200, mimetype="application/json"
    )
    answer.headers["Sourcemark-Recheck"] = recheck
    return answer
