"""End to end with real parts: gunicorn, a Celery worker process, Redis and PostgreSQL."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.support.api import call, submit, wait_done
from tests.support.data import SEED_DIR
from tests.support.expected import matches
from tests.support.services import poll, rows, stack

DATA = Path(__file__).resolve().parents[1] / "data"
SEED_PAGE = (DATA / "seed_page.html").read_text()
SEED_URL = "https://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def deployment():
    with stack(distributed=True) as s:
        yield s, s.start()


@pytest.fixture(scope="module")
def seed_analysis(deployment):
    s, token = deployment
    status, accepted = submit(s.url, token, SEED_URL, SEED_PAGE)
    assert status == 202, accepted
    return wait_done(s.url, token, accepted["id"])


def test_seed_page_is_analysed_by_the_worker(seed_analysis):
    body = seed_analysis
    assert body["status"] == "done", body
    assert set(body) >= {"id", "status", "article", "findings"}
    article = body["article"]
    assert article["title"] == (
        "UN chief appeals for calm to address the volatile situation in Kazakhstan"
    )
    assert article["published"] == "2022-01-07"
    text = article["text"]
    assert "This article is reprinted" not in text
    assert body["findings"], "the seed page has attributions and an unconfirmed claim"
    ids = [f["id"] for f in body["findings"]]
    assert len(ids) == len(set(ids))
    for finding in body["findings"]:
        assert finding["kind"] in ("attribution", "unverified")
        assert text[finding["start"] : finding["end"]] == finding["text"]
        sel = finding["selector"]
        assert sel["exact"] == finding["text"]
        assert text[: finding["start"]].endswith(sel["prefix"])
        assert text[finding["end"] :].startswith(sel["suffix"])
        for piece in finding["content"]:
            assert finding["start"] <= piece["start"] < piece["end"] <= finding["end"]
        if finding["cue"]:
            cue = finding["cue"]
            assert text[cue["start"] : cue["end"]] == cue["text"]


def _expected_ids(seed_expected_findings):
    return [f"{e['kind']}:{e['type']}:{e['anchor'][:30]}" for e in seed_expected_findings]


EXPECTED = __import__("json").loads((SEED_DIR / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("expected", EXPECTED["findings"], ids=_expected_ids(EXPECTED["findings"]))
def test_seed_expected_finding_present(seed_analysis, expected):
    assert any(matches(f, expected) for f in seed_analysis["findings"]), expected


def test_seed_has_no_false_positives(seed_analysis):
    allowed = EXPECTED["findings"] + EXPECTED["optional"]
    extra = [
        f["text"][:80] for f in seed_analysis["findings"] if not any(matches(f, e) for e in allowed)
    ]
    assert not extra


def test_same_text_is_served_from_the_store(deployment, seed_analysis):
    s, token = deployment
    page = SEED_PAGE.replace("Luxury watches", "Winter coats")
    status, body = submit(s.url, token, SEED_URL, page, gzip_body=False)
    assert status == 200
    assert body["id"] == seed_analysis["id"] and body["status"] == "done"


def test_failed_page_ends_failed_with_a_message(deployment):
    s, token = deployment
    status, body = submit(
        s.url, token, "https://example.org/empty", "<html><body></body></html>", gzip_body=False
    )
    # No article: extraction in the worker tells, and the analysis ends failed with the reason.
    assert status == 202, body
    failed = wait_done(s.url, token, body["id"])
    assert failed["status"] == "failed" and failed["error_code"] == "no_article", failed
    assert failed["error"] == "The page holds no text."
    assert failed["error_reason"] == "empty_page"


def _long_page() -> str:
    """The seed body many times over: long enough that the worker is caught holding it."""
    paragraphs = SEED_PAGE.split('<div id="Content">')[1].split("</div>")[0]
    return (
        "<html><head><title>Long briefing</title></head><body><article><h1>Long briefing"
        "</h1>" + paragraphs * 40 + "</article></body></html>"
    )


def test_worker_killed_mid_task_finishes_exactly_once():
    limits = {
        "SOURCEMARK_TASK_SOFT_LIMIT": "20",
        "SOURCEMARK_TASK_HARD_LIMIT": "25",
        "SOURCEMARK_VISIBILITY_TIMEOUT": "30",
    }
    with stack(distributed=True, extra_env=limits) as s:
        s.serve()
        token = s.token()
        first = s.worker()
        status, accepted = submit(s.url, token, "https://example.org/long", _long_page())
        assert status == 202, accepted
        analysis_id = accepted["id"]
        body = poll(
            lambda: call(s.url, "GET", f"/api/v1/analyses/{analysis_id}", token)[1],
            lambda body: body["status"] == "running",
            timeout=60,
            every=0.05,
        )
        assert body["status"] == "running", body
        first.kill(signal.SIGKILL)
        _, body = call(s.url, "GET", f"/api/v1/analyses/{analysis_id}", token)
        assert body["status"] == "running"
        s.worker()
        done = wait_done(s.url, token, analysis_id, timeout=150)
        assert done["status"] == "done", done
        found = rows(
            s.env["DATABASE_URL"], "SELECT fid FROM findings WHERE analysis_id = %s", analysis_id
        )
        assert len(found) == len(done["findings"]) > 0
        assert len({r[0] for r in found}) == len(found)


def test_embedded_serve_without_services():
    with stack(distributed=False) as s:
        s.serve()
        token = s.token()
        assert "REDIS_URL" not in s.env
        status, accepted = submit(s.url, token, SEED_URL, SEED_PAGE)
        assert status == 202
        body = wait_done(s.url, token, accepted["id"])
        assert body["status"] == "done"
        assert body["article"]["title"].startswith("UN chief appeals")
        _, health = call(s.url, "GET", "/healthz")
        assert health["broker"] == "embedded"


def test_serve_prints_a_token_on_first_start():
    with stack(distributed=False) as s:
        process = s.serve()
        printed = poll(process.log, lambda log: "smk_" in log, timeout=10, every=0.1)
        token = next(w for w in printed.split() if w.startswith("smk_"))
        status, _ = call(s.url, "GET", "/api/v1/analyses/none", token)
        assert status == 404  # authenticated: the id is unknown, the token is good
