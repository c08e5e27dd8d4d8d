"""Repeat clicks on a known article: answered from the store at once, their snapshot re-checked
in the worker at most once per URL and window (embedded mode: SQLite, tasks in-process)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from server import cache
from tests.api.conftest import auth, wait_done
from worker.store import session_scope
from worker.store.models import AnalysisRow, ArticleRow, FindingRow, RecheckRow
from worker.tasks.dispatch import FIRST, RECHECK, _LocalRunner

SEED_PAGE = (Path(__file__).resolve().parents[1] / "data" / "seed_page.html").read_text()
URL = "https://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5.html"
CANONICAL = "http://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"
NEW_PARAGRAPH = (
    '<p>"A mission will travel to the region next week," the spokesman told '
    "reporters on Friday.</p>"
)
CHANGED_PAGE = SEED_PAGE.replace('<div id="Content">', '<div id="Content">' + NEW_PARAGRAPH, 1)


def snapshot(i: int, page: str = SEED_PAGE) -> str:
    """The page as one reader's browser has it: another ad, the same article."""
    return page.replace("Luxury watches", f"Offer {i}: watches")


def post(client, token, url, html):  # noqa: ANN001, ANN201
    return client.post("/api/v1/analyses", headers=auth(token), json={"url": url, "html": html})


def first_analysis(client, token) -> dict:  # noqa: ANN001
    accepted = post(client, token, URL, SEED_PAGE)
    assert accepted.status_code == 202
    body = wait_done(client, token, accepted.get_json()["id"])
    assert body["status"] == "done" and body["findings"]
    return body


def rechecks_finished(count: int, timeout: float = 60) -> list[RecheckRow]:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with session_scope() as session:
            rows = list(session.scalars(select(RecheckRow).order_by(RecheckRow.created_at)))
        if len(rows) >= count and all(r.status not in ("queued", "running") for r in rows):
            return rows
        time.sleep(0.1)
    raise AssertionError(f"re-checks did not finish: {[r.status for r in rows]}")


def analyses_of(url: str) -> list[AnalysisRow]:
    with session_scope() as session:
        return list(
            session.scalars(
                select(AnalysisRow)
                .join(ArticleRow)
                .where(ArticleRow.url == url)
                .order_by(AnalysisRow.created_at)
            )
        )


def test_a_repeat_click_is_answered_at_once_and_rechecked_once(client, reader_token):
    first = first_analysis(client, reader_token)
    again = post(client, reader_token, URL, snapshot(1))
    assert again.status_code == 200
    body = again.get_json()
    assert body["id"] == first["id"] and body["status"] == "done"
    assert body["findings"] == first["findings"]
    follow = f"/api/v1/analyses/{first['id']}/recheck"
    assert body["recheck"] == {"status": "scheduled", "links": {"follow": follow}}
    assert again.headers["Sourcemark-Recheck"] == "scheduled"
    # Other readers in the same window: the same answer, no second re-check.
    for i in range(2, 6):
        later = post(client, reader_token, URL, snapshot(i))
        assert later.status_code == 200
        assert later.get_json()["recheck"] == {"status": "coalesced", "links": {"follow": follow}}
    # The very page that was analysed needs no re-check at all.
    exact = post(client, reader_token, URL, SEED_PAGE).get_json()
    assert exact["id"] == first["id"] and exact["recheck"] == {"status": "not_needed"}
    [recheck] = rechecks_finished(1)
    assert recheck.status == "same" and recheck.result_id == first["id"]
    [analysis] = analyses_of(URL)
    assert analysis.checked_at is not None


def test_the_canonical_url_finds_the_analysis_too(client, reader_token):
    first = first_analysis(client, reader_token)
    assert first["article"]["url"] == CANONICAL
    by_canonical = post(client, reader_token, CANONICAL, snapshot(7))
    assert by_canonical.status_code == 200
    assert by_canonical.get_json()["id"] == first["id"]


def test_a_burst_on_a_changed_article_makes_exactly_one_new_revision(app, reader_token):
    client = app.test_client()
    first = first_analysis(client, reader_token)
    # An editor's review of the first revision follows the statement into the next one.
    quoted = next(f for f in first["findings"] if "Gherman" in f["text"])
    with session_scope() as session:
        row = session.scalars(
            select(FindingRow).where(
                FindingRow.analysis_id == first["id"], FindingRow.fid == quoted["id"]
            )
        ).one()
        row.review_status, row.verdict = "confirmed", "confirmed"
    answers: list[tuple[int, dict]] = []
    lock = threading.Lock()
    gate = threading.Barrier(100)

    def reader(i: int) -> None:
        own = app.test_client()
        gate.wait()
        response = post(own, reader_token, URL, snapshot(i, CHANGED_PAGE))
        with lock:
            answers.append((response.status_code, response.get_json()))

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {status for status, _ in answers} == {200}
    assert {body["id"] for _, body in answers} == {first["id"]}  # the stored one, at once
    statuses = [body["recheck"]["status"] for _, body in answers]
    assert statuses.count("scheduled") == 1 and statuses.count("coalesced") == 99
    [recheck] = rechecks_finished(1)
    assert recheck.status == "changed"
    revision = wait_done(client, reader_token, recheck.result_id)
    assert revision["status"] == "done"
    assert "A mission will travel" in revision["article"]["text"]
    assert len(analyses_of(URL)) == 2
    carried = next(f for f in revision["findings"] if "Gherman" in f["text"])
    assert carried["review"]["status"] == "confirmed"
    # From now on readers get the new revision.
    cache.latest.clear()
    latest = post(client, reader_token, URL, snapshot(500, CHANGED_PAGE)).get_json()
    assert latest["id"] == revision["id"]


def test_a_snapshot_without_the_article_keeps_the_analysis(client, reader_token):
    first = first_analysis(client, reader_token)
    paywall = (
        "<html><head><link rel='canonical' href='" + CANONICAL + "'></head><body>"
        "<nav><a href='/'>Home</a></nav><p>Subscribe to read.</p></body></html>"
    )
    answer = post(client, reader_token, URL, paywall).get_json()
    assert answer["id"] == first["id"] and answer["recheck"]["status"] == "scheduled"
    [recheck] = rechecks_finished(1)
    assert recheck.status == "failed" and recheck.error_code == "no_article"
    assert [a.id for a in analyses_of(URL)] == [first["id"]]


def test_past_the_window_a_click_is_a_new_submission_that_reuses_the_findings(app, reader_token):
    client = app.test_client()
    first = first_analysis(client, reader_token)
    app.config["FRESH_SECONDS"] = 0  # every stored analysis is stale
    accepted = post(client, reader_token, URL, snapshot(3))
    assert accepted.status_code == 202
    body = wait_done(client, reader_token, accepted.get_json()["id"])
    assert body["status"] == "done" and body["id"] != first["id"]

    # Same text: the worker extracted it and took the findings of the first, without NLP.
    # The same findings; only their global review ids (and links to them) are the new rows'.
    def pipeline_part(findings: list[dict]) -> list[dict]:
        return [{k: v for k, v in f.items() if k not in ("review_id", "links")} for f in findings]

    assert pipeline_part(body["findings"]) == pipeline_part(first["findings"])
    assert "claims_ms" not in body["timings"] and "extract_ms" in body["timings"]
    with session_scope() as session:
        assert session.scalar(select(func.count()).select_from(RecheckRow)) == 0


def test_embedded_runner_takes_first_analyses_before_rechecks():
    runner = _LocalRunner()
    release = threading.Event()
    order: list[str] = []
    done = threading.Event()
    runner.submit(FIRST, lambda _: release.wait(10), "busy")
    runner.submit(RECHECK, order.append, "recheck")
    runner.submit(FIRST, order.append, "first")
    runner.submit(RECHECK, lambda _: done.set(), "end")
    release.set()
    assert done.wait(10)
    assert order == ["first", "recheck"]


def test_once_the_recheck_is_decided_a_click_is_answered_from_its_url_alone(client, reader_token):
    import gzip
    import json

    first = first_analysis(client, reader_token)
    headers = {**auth(reader_token), "Content-Type": "application/json"}

    def raw(url: str, html: str) -> bytes:  # as the extension sends it: the URL first
        return json.dumps({"url": url, "html": html}).encode()

    scheduled = client.post("/api/v1/analyses", data=raw(URL, snapshot(1)), headers=headers)
    assert scheduled.get_json()["recheck"]["status"] == "scheduled"
    # The rest of the body is not decoded: only the URL at its head is read.
    cut = gzip.compress(raw(URL, snapshot(2)))[:-200]
    quick = client.post(
        "/api/v1/analyses", data=cut, headers={**headers, "Content-Encoding": "gzip"}
    )
    assert quick.status_code == 200
    assert quick.get_json()["id"] == first["id"]
    assert quick.get_json()["recheck"]["status"] == "coalesced"
    # A URL nobody analysed is read in full, and a broken body refused as ever.
    other = gzip.compress(raw(URL + "?other", snapshot(3)))[:-200]
    assert (
        client.post(
            "/api/v1/analyses", data=other, headers={**headers, "Content-Encoding": "gzip"}
        ).status_code
        == 400
    )
    rechecks_finished(1)
