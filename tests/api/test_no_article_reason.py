"""A page without an article ends as a failed ``no_article`` analysis that says which case it was
(extraction runs in the worker, so the answer comes with the analysis, not as a 422)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api.conftest import auth, wait_done

DATA = Path(__file__).resolve().parents[1] / "data" / "extraction"
URL = "https://news.example.org/section/"


def _analysed(client, token, html: str, url: str = URL) -> dict:  # noqa: ANN001
    response = client.post("/api/v1/analyses", headers=auth(token), json={"url": url, "html": html})
    assert response.status_code == 202, response.get_data(as_text=True)
    return wait_done(client, token, response.get_json()["id"])


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ((DATA / "home_page.html").read_text(encoding="utf-8"), "index_page"),
        ((DATA / "search_page.html").read_text(encoding="utf-8"), "index_page"),
        (
            "<html><body><h1>Watch: the storm</h1><p>The storm hit the coast.</p></body></html>",
            "too_short",
        ),
        ("<html><head><title>x</title></head><body><div></div></body></html>", "empty_page"),
    ],
    ids=["home", "search", "video-sentence", "empty-body"],
)
def test_no_article_names_its_reason(client, reader_token, html, reason):
    analysis = _analysed(client, reader_token, html, f"{URL}{reason}/{len(html)}")
    assert analysis["status"] == "failed", analysis
    assert analysis["error_code"] == "no_article"
    assert analysis["error_reason"] == reason
    assert analysis["error"]


def test_other_failures_carry_no_reason(client, reader_token):
    analysis = _analysed(client, reader_token, '{"not": "a page"}')
    assert analysis["error_code"] == "not_html" and "error_reason" not in analysis


def test_openapi_documents_the_reason(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    reason = spec["components"]["schemas"]["Analysis"]["properties"]["error_reason"]
    assert set(reason["enum"]) == {"empty_page", "unparsable", "index_page", "too_short"}
