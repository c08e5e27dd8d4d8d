"""Hostile pages and requests through the app: clear 4xx, payloads kept as data, no traces."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.security.conftest import auth, new_token

SEED_PAGE = (Path(__file__).resolve().parents[1] / "data" / "seed_page.html").read_text()
URL = "https://news.example.org/2024/05/story.html"
STORY = (
    "<p>The minister said on Monday that talks would resume next week, according to "
    "officials familiar with the plan.</p>"
) * 6
XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(document.cookie)",
    "</script><script>alert(1)</script>",
    "{{7*7}}${7*7}",
]


def _post(client, token, body, **kw):  # noqa: ANN001, ANN202
    return client.post("/api/v1/analyses", headers=auth(token), json=body, **kw)


def _wait(client, token, analysis_id):  # noqa: ANN001, ANN202
    # Matching runs after the analysis is done; waiting for it too keeps two reads of the
    # same analysis equal, which the JSON round-trip test compares.
    deadline = time.time() + 60
    while time.time() < deadline:
        body = client.get(f"/api/v1/analyses/{analysis_id}", headers=auth(token)).get_json()
        if body["status"] == "failed" or (
            body["status"] == "done" and body.get("matching") != "pending"
        ):
            return body
        time.sleep(0.1)
    raise AssertionError("not done")


@pytest.mark.parametrize("count", [1_001, 40_000, 200_000])
def test_an_element_with_enormous_attribute_counts_is_refused_quickly(make_app, count):
    client = make_app().test_client()
    attrs = " ".join(f'data-a{i}="{i}"' for i in range(count))
    started = time.perf_counter()
    response = _post(
        client,
        new_token(),
        {"url": URL, "html": f"<html><body><article {attrs}>{STORY}</article></body></html>"},
    )
    assert time.perf_counter() - started < 5, "the parser must not be given the chance to stall"
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "page_too_complex"


def test_many_attributes_spread_over_elements_are_fine(make_app):
    client = make_app().test_client()
    links = "".join(
        f'<a class="c{i}" data-i="{i}" id="s{i}" href="/n/{i}">Item {i}</a>' for i in range(3000)
    )
    page = SEED_PAGE.replace("<body>", f"<body><nav>{links}</nav>", 1)
    assert page != SEED_PAGE
    response = _post(client, new_token(), {"url": URL, "html": page})
    assert response.status_code == 202


@pytest.mark.parametrize(
    "html",
    [
        "<div>" * 50_000 + STORY + "</div>" * 50_000,
        "<html><body><article>" + "<span>x</span>" * 200_000 + STORY + "</article></body></html>",
    ],
    ids=["deep-nesting", "too-many-elements"],
)
def test_structurally_absurd_pages_end_as_failed_analyses(make_app, html):
    # Only extraction sees the structure, and extraction runs in the worker: the request
    # stores the page and the analysis fails there, quickly, with the extractor's reason.
    client = make_app().test_client()
    token = new_token()
    started = time.perf_counter()
    response = _post(client, token, {"url": URL, "html": html})
    assert response.status_code == 202
    body = _wait(client, token, response.get_json()["id"])
    assert time.perf_counter() - started < 10
    assert body["status"] == "failed" and body["error_code"] == "page_too_complex", body


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("javascript:alert(1)", "invalid_url"),
        ("JaVaScRiPt:alert(1)", "invalid_url"),
        (" javascript:alert(1)", "invalid_url"),
        ("data:text/html,<script>alert(1)</script>", "invalid_url"),
        ("vbscript:msgbox(1)", "invalid_url"),
        ("file:///etc/passwd", "invalid_url"),
        ("ftp://example.org/x", "invalid_url"),
        ("gopher://127.0.0.1:6379/_FLUSHALL", "invalid_url"),
        ("http://", "invalid_url"),
        ("https://example.org/a\nb", "invalid_url"),
        ("//example.org/relative", "invalid_url"),
    ],
)
def test_non_http_urls_are_422(make_app, url, code):
    client = make_app().test_client()
    response = _post(client, new_token(), {"url": url, "html": STORY})
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == code


def test_invalid_utf8_inside_a_json_string_is_400(make_app):
    client = make_app().test_client()
    raw = b'{"url": "' + URL.encode() + b'", "html": "<p>caf\xe9</p>"}'
    response = client.post(
        "/api/v1/analyses",
        data=raw,
        headers={**auth(new_token()), "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_encoding"


def test_lone_surrogates_in_json_do_not_crash(make_app):
    client = make_app().test_client()
    raw = json.dumps(
        {"url": URL, "html": "<article>" + STORY + "\ud800</article>", "title": "\udfff"}
    ).encode()
    response = client.post(
        "/api/v1/analyses",
        data=raw,
        headers={**auth(new_token()), "Content-Type": "application/json"},
    )
    assert response.status_code in (202, 422), response.get_data(as_text=True)


@pytest.mark.parametrize(
    "content_type",
    [
        "text/html",
        "multipart/form-data; boundary=x",
        "application/xml",
        "application/json5",
        "",
        "application/x-www-form-urlencoded",
    ],
)
def test_wrong_content_types_are_415(make_app, content_type):
    client = make_app().test_client()
    headers = {**auth(new_token())}
    if content_type:
        headers["Content-Type"] = content_type
    response = client.post(
        "/api/v1/analyses", data=json.dumps({"url": URL, "html": STORY}), headers=headers
    )
    assert response.status_code == 415


def test_page_payloads_come_back_only_as_json_data(make_app):
    """Markup in a page's text reaches the API's JSON as characters, never as markup."""
    client = make_app().test_client()
    token = new_token()
    escaped = "".join(
        f"<p>A reader wrote &quot;{p.replace('&', '&amp;').replace('<', '&lt;')}"
        "&quot; in the comments, the editor said.</p>"
        for p in XSS
    )
    page = (
        "<html><head><title>Story</title><script>stealCookies()</script>"
        "<style>body{background:url(javascript:alert(1))}</style></head><body><article>"
        "<h1>Story <img src=x onerror=alert(1)></h1>"
        + STORY
        + escaped
        + "<p onclick='alert(1)'>Click me, the spokesman said.<script>alert(2)</script></p>"
        "<a href='javascript:alert(3)'>a link</a></article></body></html>"
    )
    response = _post(client, token, {"url": URL, "html": page, "title": XSS[0]})
    assert response.status_code == 202
    body = _wait(client, token, response.get_json()["id"])
    assert body["status"] == "done", body
    text = body["article"]["text"]
    assert "stealCookies" not in text and "alert(2)" not in text, "scripts are not text"
    assert "onclick" not in text and "alert(3)" not in text, "attributes are not text"
    for payload in XSS:
        assert payload in text, "escaped markup in the page is kept as the characters it shows"
    for finding in body["findings"]:
        assert text[finding["start"] : finding["end"]] == finding["text"]
    response = client.get(f"/api/v1/analyses/{body['id']}", headers=auth(token))
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert json.loads(response.get_data(as_text=True)) == body


def test_an_unexpected_error_is_a_plain_500_without_a_trace(make_app):
    app = make_app()

    def boom() -> None:
        raise RuntimeError("secret internals: /etc/shadow, password=hunter2")

    app.add_url_rule("/api/v1/boom", "boom", boom)
    app.testing = False  # as in production: errors are handled, not re-raised
    response = app.test_client().get("/api/v1/boom")
    assert response.status_code == 500
    payload = response.get_data(as_text=True)
    assert "Traceback" not in payload and "hunter2" not in payload and "RuntimeError" not in payload
    assert response.get_json()["error"]["code"] == "internal_error"
