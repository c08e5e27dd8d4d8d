"""A page without an article is a 422 ``no_article`` that says which case it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api.conftest import auth

DATA = Path(__file__).resolve().parents[1] / "data" / "extraction"
URL = "https://news.example.org/section/"


def _post(client, token, html: str):  # noqa: ANN001, ANN202
    return client.post("/api/v1/analyses", headers=auth(token), json={"url": URL, "html": html})


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ((DATA / "home_page.html").read_text(encoding="utf-8"), "index_page"),
        ((DATA / "search_page.html").read_text(encoding="utf-8"), "index_page"),
        ("<html><body><h1>Watch: the storm</h1><p>The storm hit the coast.</p></body></html>",
         "too_short"),
        ("<html><head><title>x</title></head><body><div></div></body></html>", "empty_page"),
    ],
    ids=["home", "search", "video-sentence", "empty-body"],
)
def test_no_article_names_its_reason(client, reader_token, html, reason):
    response = _post(client, reader_token, html)
    assert response.status_code == 422, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error["code"] == "no_article"
    assert error["reason"] == reason
    assert error["message"]


def test_other_errors_carry_no_reason(client, reader_token):
    error = _post(client, reader_token, '{"not": "a page"}').get_json()["error"]
    assert error["code"] == "not_html" and "reason" not in error


def test_openapi_documents_the_reason(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    reason = spec["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["reason"]
    assert set(reason["enum"]) == {"empty_page", "unparsable", "index_page", "too_short"}
