"""Validation of what clients submit, with messages that say what to fix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from server.errors import ApiError

MAX_URL = 2048
MAX_TITLE = 1000
# libxml2's HTML parser checks each attribute against the element's earlier ones: quadratic, so
# one element with 40,000 attributes stalls the parser for many seconds. Real pages stay far
# below this many attributes on one element.
MAX_ATTRIBUTES = 1000
# One start tag with MAX_ATTRIBUTES attributes. Atomic groups keep the scan linear: a tag with
# fewer attributes fails after reading them once, without backtracking.
_ATTRIBUTE = r"""(?>[\s/]*[^\s=<>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)"""
_CROWDED_TAG = re.compile(r"<[A-Za-z][^\s/<>]*+" + _ATTRIBUTE + "{" + str(MAX_ATTRIBUTES) + "}")


# Control characters, and lone surrogates (JSON can carry them; no database stores them).
_BAD_URL_CHARACTER = re.compile("[\x00-\x1f\ud800-\udfff]")


@dataclass(frozen=True)
class Submission:
    url: str
    html: str
    title: str | None


def check_url(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ApiError(
            422, "'url' is required: the address of the page (http or https).", "invalid_url"
        )
    url = value.strip()
    if len(url) > MAX_URL:
        raise ApiError(422, f"'url' is longer than {MAX_URL} characters.", "invalid_url")
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise ApiError(422, "'url' is not a valid address.", "invalid_url") from exc
    # Only the page's own address is recorded; the server never fetches it (no SSRF surface).
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ApiError(422, "'url' must be an http or https address.", "invalid_url")
    if _BAD_URL_CHARACTER.search(url):
        raise ApiError(422, "'url' contains control characters or broken text.", "invalid_url")
    return url


def check_fields(data: dict[str, Any]) -> Submission:
    """The submission's fields and their types: all a repeat click answered from the store
    needs (its page is not kept)."""
    html = data.get("html")
    if not isinstance(html, str):
        raise ApiError(422, "'html' is required: the page's HTML as a string.", "invalid_html")
    if not html.strip():
        raise ApiError(422, "'html' is empty: there is no page to analyse.", "empty_page")
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        raise ApiError(422, "'title' must be a string when given.", "invalid_title")
    return Submission(
        url=check_url(data.get("url")), html=html, title=_text(title[:MAX_TITLE]) if title else None
    )


def _text(value: str) -> str:
    # JSON may carry lone surrogates (\ud800), which no database column stores.
    return value.encode("utf-8", "replace").decode("utf-8")


def check_page(html: str) -> None:
    """Refuse, before it is stored, a page the extractor's parser would stall on."""
    if _CROWDED_TAG.search(html):
        raise ApiError(
            422,
            f"The page has an element with more than {MAX_ATTRIBUTES} "
            "attributes; it cannot be a real article page.",
            "page_too_complex",
        )


def check_submission(data: dict[str, Any]) -> Submission:
    """Everything the request checks before a page is stored for a worker."""
    sub = check_fields(data)
    check_page(sub.html)
    return sub
