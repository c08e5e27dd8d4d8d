"""Claims across articles end to end in embedded mode: two outlets' real pages are submitted, the
in-process task matches the second with the first, and the second's first view carries the
verdict an editor published on the first (and none while it is a draft)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.api.conftest import auth, wait_done

PAGES = Path(__file__).resolve().parents[1] / "data" / "claims_across"
URL_A = "https://a.example/news/almaty-unrest"
URL_B = "https://b.example/world/kazakhstan-tokayev"
URL_C = "https://c.example/asia/kazakhstan"


@pytest.fixture(autouse=True)
def _first_pass_reaches_every_claim(monkeypatch):  # noqa: ANN001
    # What is asserted here is the first pass's promise (a first view with its matches); the
    # default budget is short so that busy workers are not slowed, and a loaded test machine
    # may parse slower than it allows.
    monkeypatch.setenv("SOURCEMARK_MATCH_BUDGET_MS", "5000")


def _analysed(client, token: str, url: str, page: str) -> dict:  # noqa: ANN001
    html = (PAGES / page).read_text(encoding="utf-8")
    response = client.post("/api/v1/analyses", headers=auth(token), json={"url": url, "html": html})
    assert response.status_code == 202, response.get_json()
    body = wait_done(client, token, response.get_json()["id"])
    assert body["status"] == "done", body
    return body


def _claim(body: dict) -> dict:
    return next(f for f in body["findings"] if "40 protesters" in f["text"])


def test_the_first_view_carries_the_verdict_published_on_the_same_claim(
    client, reader_token, editor_token
):
    a = _analysed(client, reader_token, URL_A, "outlet-a.html")
    fa = _claim(a)
    assert fa["matches"] == {"count": 0, "best": []} and fa["checked"] is None
    assert fa["links"]["review"] == f"/api/v1/findings/{fa['review_id']}"

    draft = {"verdict": "unverified", "status": "follow_up", "note": "Desk: wait for the UN"}
    patch = client.patch(
        f"/api/v1/findings/{fa['review_id']}", headers=auth(editor_token), json=draft
    )
    assert patch.status_code == 200
    b = _analysed(client, reader_token, URL_B, "outlet-b.html")
    fb = _claim(b)
    assert fb["matches"]["count"] == 1 and fb["matches"]["best"][0]["url"] == URL_A
    assert fb["checked"] is None  # a draft
    assert "wait for the UN" not in str(b)
    assert b["timings"]["match_ms"] >= 0

    published = {"status": "confirmed"}
    patch = client.patch(
        f"/api/v1/findings/{fa['review_id']}", headers=auth(editor_token), json=published
    )
    assert patch.status_code == 200
    # A third outlet's copy of B's page, analysed after the verdict was published.
    c = _analysed(client, reader_token, URL_C, "outlet-b.html")
    fc = _claim(c)
    today = date.today().isoformat()
    assert (
        fc["checked"]["text"] == f"Checked by the sourcemark editors on {today}: still unverified"
    )
    assert fc["checked"]["original"]["url"] == URL_A
    assert {m["url"] for m in fc["matches"]["best"]} == {URL_A, URL_B}
    assert "wait for the UN" not in str(c)
