"""A reader answered from the store follows the re-check of what was drawn: ``recheck.links
.follow`` (``GET /analyses/<id>/recheck?wait=N``) says when a changed article's new revision is
analysed, or that the text is the same (embedded mode: SQLite, tasks in-process)."""

from __future__ import annotations

import threading

from tests.api.conftest import auth
from tests.api.test_repeat_clicks import (
    CHANGED_PAGE,
    SEED_PAGE,
    URL,
    first_analysis,
    post,
    rechecks_finished,
    snapshot,
)
from worker.tasks.dispatch import FIRST, _local_runner


def follow(client, token, answer: dict, wait: float | None = None):  # noqa: ANN001, ANN201
    link = answer["recheck"]["links"]["follow"]
    return client.get(link + ("" if wait is None else f"?wait={wait:g}"), headers=auth(token))


def test_a_changed_article_is_followed_to_its_new_revision(app, reader_token):
    client = app.test_client()
    first = first_analysis(client, reader_token)
    # Hold the in-process task runner, so the re-check is seen waiting.
    release = threading.Event()
    _local_runner().submit(FIRST, lambda _: release.wait(30), "hold")
    try:
        answer = post(client, reader_token, URL, snapshot(1, CHANGED_PAGE)).get_json()
        assert answer["id"] == first["id"] and answer["recheck"]["status"] == "scheduled"
        other = post(client, reader_token, URL, snapshot(2, CHANGED_PAGE)).get_json()
        assert other["recheck"]["status"] == "coalesced"
        now = follow(client, reader_token, answer)
        assert now.status_code == 200
        assert now.get_json() == {"analysis_id": first["id"], "status": "pending"}
        assert "Sourcemark-Wait" not in now.headers
        waited: list = []
        waiter = threading.Thread(
            target=lambda: waited.append(follow(app.test_client(), reader_token, other, 20))
        )
        waiter.start()
    finally:
        release.set()
    waiter.join(60)
    [response] = waited
    assert response.status_code == 200 and response.headers["Sourcemark-Wait"] == "20"
    body = response.get_json()
    assert body["status"] == "changed" and body["analysis_id"] == first["id"]
    revision = body["revision"]
    assert revision["status"] == "done" and revision["id"] != first["id"]
    assert "A mission will travel" in revision["article"]["text"]
    assert any("A mission will travel" in f["text"] for f in revision["findings"])
    assert revision["links"]["self"] == f"/api/v1/analyses/{revision['id']}"
    [recheck] = rechecks_finished(1)
    assert recheck.result_id == revision["id"]
    # Asked again later (a reader who comes back): the same answer at once.
    again = follow(client, reader_token, answer, 5).get_json()
    assert again["status"] == "changed" and again["revision"]["id"] == revision["id"]


def test_the_same_text_ends_the_following_without_a_revision(client, reader_token):
    first = first_analysis(client, reader_token)
    answer = post(client, reader_token, URL, snapshot(1)).get_json()
    assert answer["recheck"]["status"] == "scheduled"
    body = follow(client, reader_token, answer, 20).get_json()
    assert body == {"analysis_id": first["id"], "status": "same"}


def test_a_snapshot_without_the_article_ends_failed_and_the_analysis_stands(client, reader_token):
    first = first_analysis(client, reader_token)
    paywall = "<html><body><nav><a href='/'>Home</a></nav><p>Subscribe.</p></body></html>"
    answer = post(client, reader_token, URL, paywall).get_json()
    body = follow(client, reader_token, answer, 20).get_json()
    assert body == {"analysis_id": first["id"], "status": "failed"}


def test_nothing_to_follow_unknown_ids_and_bad_waits(client, reader_token):
    first = first_analysis(client, reader_token)
    exact = post(client, reader_token, URL, SEED_PAGE).get_json()
    assert exact["recheck"] == {"status": "not_needed"}  # this very page: nothing to follow
    link = f"/api/v1/analyses/{first['id']}/recheck"
    none = client.get(link + "?wait=1", headers=auth(reader_token))
    assert none.get_json() == {"analysis_id": first["id"], "status": "none"}
    assert none.headers["Sourcemark-Wait"] == "1"
    assert client.get(link + "?wait=soon", headers=auth(reader_token)).status_code == 400
    missing = client.get("/api/v1/analyses/nope/recheck", headers=auth(reader_token))
    assert missing.status_code == 404 and missing.get_json()["error"]["code"]
    assert client.get(link).status_code == 401
