"""The analyses API through Flask's test client: auth, status codes, JSON errors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.api.conftest import auth, wait_done

SEED_PAGE = (Path(__file__).resolve().parents[1] / "data" / "seed_page.html").read_text()
URL = "https://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5.html"


def post(client, token, body, **kw):  # noqa: ANN001, ANN201
    headers = {**auth(token), **kw.pop("headers", {})}
    if "data" not in kw:
        kw["json"] = body
    return client.post("/api/v1/analyses", headers=headers, **kw)


def assert_error(response, status: int, code: str | None = None) -> dict:  # noqa: ANN001
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    # "reason" says which case of the code it was (no_article's index_page, too_short...).
    assert set(body) == {"error"} and set(body["error"]) - {"reason"} == {"code", "message"}
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body


def test_submit_then_read_the_analysis(client, reader_token):
    response = post(client, reader_token, {"url": URL, "html": SEED_PAGE})
    assert response.status_code == 202
    accepted = response.get_json()
    assert accepted["status"] == "queued" and accepted["id"]
    assert accepted["links"] == {"self": f"/api/v1/analyses/{accepted['id']}"}
    assert response.headers["Location"] == accepted["links"]["self"]
    body = wait_done(client, reader_token, accepted["id"])
    assert body["status"] == "done", body
    assert body["article"]["title"].startswith("UN chief appeals for calm")
    # Where the time went: the wait in the queue, extraction and NLP in the worker.
    assert set(body["timings"]) >= {"extract_ms", "queue_ms", "claims_ms"}, body["timings"]
    assert all(v >= 0 for v in body["timings"].values())
    text = body["article"]["text"]
    for finding in body["findings"]:
        assert text[finding["start"] : finding["end"]] == finding["text"]
        assert finding["selector"]["exact"] == finding["text"]


def test_gzip_body_is_accepted(client, reader_token):
    raw = gzip.compress(json.dumps({"url": URL, "html": SEED_PAGE}).encode())
    response = post(
        client,
        reader_token,
        None,
        data=raw,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert response.status_code == 202


def test_same_url_and_text_returns_stored_analysis(client, reader_token):
    first = post(client, reader_token, {"url": URL, "html": SEED_PAGE}).get_json()
    wait_done(client, reader_token, first["id"])
    # A different DOM (a new ad) with the same article text is the same analysis.
    changed = SEED_PAGE.replace("Luxury watches", "Designer handbags")
    again = post(client, reader_token, {"url": URL, "html": changed})
    assert again.status_code == 200
    assert again.get_json()["id"] == first["id"]
    assert again.get_json()["status"] == "done"
    other_url = post(client, reader_token, {"url": URL + "?page=2", "html": SEED_PAGE})
    assert other_url.status_code == 202


def test_auth_is_required(client, reader_token):
    assert_error(client.post("/api/v1/analyses", json={"url": URL, "html": "x"}), 401)
    assert_error(client.get("/api/v1/analyses/abc"), 401)
    bad = client.get("/api/v1/analyses/abc", headers=auth("smk_not-a-real-token"))
    assert_error(bad, 401, "invalid_token")
    assert "Bearer" in bad.headers["WWW-Authenticate"]


def test_revoked_token_is_refused(client, reader_token):
    from worker.store import session_scope
    from worker.store.accounts import revoke_token

    assert client.get("/api/v1/analyses/x", headers=auth(reader_token)).status_code == 404
    with session_scope() as session:
        assert revoke_token(session, "reader-token") == 1
    assert_error(client.get("/api/v1/analyses/x", headers=auth(reader_token)), 401)


def test_unknown_analysis_is_404(client, reader_token):
    assert_error(client.get("/api/v1/analyses/nope", headers=auth(reader_token)), 404)
    assert_error(client.get("/api/v1/analyses/" + "x" * 300, headers=auth(reader_token)), 404)


def test_body_limits(app, client, reader_token):
    app.config["MAX_BODY_BYTES"] = 50_000
    app.config["MAX_CONTENT_LENGTH"] = 50_000
    big = {"url": URL, "html": "<p>" + "word " * 20_000 + "</p>"}
    assert_error(post(client, reader_token, big), 413)
    # Small on the wire, too big once inflated: refused after decoding, without inflating it all.
    bomb = gzip.compress(json.dumps({"url": URL, "html": "a" * 5_000_000}).encode())
    assert len(bomb) < 50_000
    assert_error(
        post(
            client,
            reader_token,
            None,
            data=bomb,
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        ),
        413,
    )


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"data": "url=x", "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 415),
        ({"data": "{}", "headers": {"Content-Type": "text/plain"}}, 415),
        (
            {
                "data": "{}",
                "headers": {"Content-Type": "application/json", "Content-Encoding": "br"},
            },
            415,
        ),
        ({"data": "{not json", "headers": {"Content-Type": "application/json"}}, 400),
        ({"data": b"\xff\xfe{}", "headers": {"Content-Type": "application/json"}}, 400),
        (
            {
                "data": b"\x1f\x8b garbage",
                "headers": {"Content-Type": "application/json", "Content-Encoding": "gzip"},
            },
            400,
        ),
        ({"data": "[1, 2]", "headers": {"Content-Type": "application/json"}}, 422),
        ({"data": "[" * 100_000, "headers": {"Content-Type": "application/json"}}, 400),
    ],
)
def test_malformed_bodies(client, reader_token, kwargs, status):
    assert_error(post(client, reader_token, None, **kwargs), status)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"url": URL}, "invalid_html"),
        ({"url": URL, "html": "   "}, "empty_page"),
        ({"url": URL, "html": 42}, "invalid_html"),
        ({"html": SEED_PAGE}, "invalid_url"),
        ({"url": "javascript:alert(1)", "html": SEED_PAGE}, "invalid_url"),
        ({"url": "file:///etc/passwd", "html": SEED_PAGE}, "invalid_url"),
        ({"url": "https://" + "a" * 3000 + ".com", "html": SEED_PAGE}, "invalid_url"),
        ({"url": URL, "html": SEED_PAGE, "title": ["x"]}, "invalid_title"),
    ],
)
def test_invalid_submissions_are_422(client, reader_token, body, code):
    assert_error(post(client, reader_token, body), 422, code)


def failed_analysis(client, token, body, code: str) -> dict:  # noqa: ANN001
    """What only extraction can tell comes back as a failed analysis, made by the worker."""
    response = post(client, token, body)
    assert response.status_code == 202, response.get_data(as_text=True)
    analysis = wait_done(client, token, response.get_json()["id"])
    assert analysis["status"] == "failed" and analysis["error_code"] == code, analysis
    assert analysis["findings"] == []
    return analysis


def test_page_without_article_is_a_failed_analysis(client, reader_token):
    body = failed_analysis(
        client,
        reader_token,
        {"url": URL, "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"},
        "no_article",
    )
    assert body["error"] in ("The page holds no text.", "No article text was found on this page.")
    assert body["error_reason"] in ("index_page", "too_short", "empty_page")


def test_article_too_long_to_analyse_is_a_failed_analysis(client, reader_token):
    paragraphs = "".join(
        f"<p>In part {i} of the record, the minister said that the committee "
        f"would meet again on day {i} to review the figures.</p>"
        for i in range(3_000)
    )
    page = "<html><body><article><h1>The record</h1>" + paragraphs + "</article></body></html>"
    body = failed_analysis(
        client, reader_token, {"url": URL + "?long", "html": page}, "article_too_long"
    )
    assert "300,000 characters" in body["error"]


def test_non_english_page_is_a_failed_analysis(client, reader_token):
    german = (
        "<html lang='de'><body><article>" + "<p>Die Regierung hat am Donnerstag "
        "erklärt, dass die Lage in der Hauptstadt weiterhin angespannt sei und dass "
        "die Behörden die Entwicklung genau beobachten würden.</p>" * 8 + "</article></body></html>"
    )
    body = failed_analysis(
        client, reader_token, {"url": URL, "html": german}, "unsupported_language"
    )
    assert body["error"] == (
        "This page looks like it is in 'de'; sourcemark analyses en articles only."
    )


def test_reader_can_report_a_finding(client, reader_token):
    accepted = post(client, reader_token, {"url": URL, "html": SEED_PAGE}).get_json()
    body = wait_done(client, reader_token, accepted["id"])
    if not body["findings"]:
        pytest.fail("the seed page must yield findings")
    fid = body["findings"][0]["id"]
    path = f"/api/v1/analyses/{accepted['id']}/findings/{fid}/reports"
    response = client.post(
        path, json={"comment": "the speaker is wrong"}, headers=auth(reader_token)
    )
    assert response.status_code == 201
    assert_error(
        client.post(
            f"/api/v1/analyses/{accepted['id']}/findings/f999/reports",
            json={},
            headers=auth(reader_token),
        ),
        404,
    )


def test_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert "/analyses" in spec["paths"] and "/analyses/{analysis_id}" in spec["paths"]


def test_health_and_home(client):
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.get_json()["database"] == "ok"
    home = client.get("/")
    assert home.status_code == 200
    page = home.get_data(as_text=True)
    assert "Load unpacked" in page and "embedded" in page
    assert "script-src 'self'" in home.headers["Content-Security-Policy"]


def test_unknown_api_route_is_json_404(client):
    assert_error(client.get("/api/v1/nothing-here"), 404)
    assert_error(client.delete("/api/v1/openapi.json"), 405)


def test_me_names_the_token_and_its_role(client, reader_token, editor_token):
    body = client.get("/api/v1/me", headers=auth(reader_token)).get_json()
    assert body["role"] == "reader" and body["pipeline_version"]
    assert reader_token.startswith(body["token"]["prefix"]) and body["token"]["name"]
    assert client.get("/api/v1/me", headers=auth(editor_token)).get_json()["role"] == "editor"
    assert_error(client.get("/api/v1/me"), 401)
    assert_error(client.get("/api/v1/me", headers=auth("smk_not-a-token")), 401, "invalid_token")


@pytest.mark.parametrize(
    "html",
    [
        '{"headline": "Not a page", "body": [1, 2, 3]}',
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
    ],
)
def test_a_document_that_is_not_html_is_a_failed_analysis(client, reader_token, html):
    body = failed_analysis(client, reader_token, {"url": URL + "?doc", "html": html}, "not_html")
    assert "not a web page" in body["error"]
