"""Claims across articles, the second pass: a real Celery worker drains the ``matching`` queue
and writes ``claim_matches`` (gunicorn, the worker process, Redis and PostgreSQL, all real).

``SOURCEMARK_MATCH_BUDGET_MS=0`` leaves nothing to the pass inside the analysis transaction,
so every pair found here was found by ``sourcemark.match_claims`` run from the queue.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import psycopg
import pytest
import redis

from tests.support.api import call, wait_done
from tests.support.services import stack

pytestmark = pytest.mark.integration

PAGES = Path(__file__).resolve().parents[1] / "data" / "claims_across"
URL_A = "https://a.example/news/almaty-unrest"
URL_B = "https://b.example/world/kazakhstan-tokayev"
CLAIM_A = "At least 40 protesters were killed in Almaty on Wednesday"
CLAIM_B = "No fewer than 40 protesters died in Almaty on Wednesday"
MATCH_QUEUE = "matching"


def _pg(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _submit(s, token: str, page: str, url: str) -> dict:
    html = (PAGES / page).read_text(encoding="utf-8")
    status, accepted = call(s.url, "POST", "/api/v1/analyses", token, {"url": url, "html": html})
    assert status == 202, accepted
    return wait_done(s.url, token, accepted["id"])


def _finding(body: dict, starts: str) -> dict:
    return next(f for f in body["findings"] if f["text"].startswith(starts))


def test_a_real_worker_drains_the_matching_queue_and_writes_claim_matches():
    with stack(distributed=True, extra_env={"SOURCEMARK_MATCH_BUDGET_MS": "0"}) as s:
        s.serve()
        worker = s.worker()
        token = s.token("reader")
        a = _submit(s, token, "outlet-a.html", URL_A)
        b = _submit(s, token, "outlet-b.html", URL_B)
        assert a["status"] == b["status"] == "done"
        fa, fb = _finding(a, CLAIM_A)["review_id"], _finding(b, CLAIM_B)["review_id"]

        deadline = time.time() + 90
        with psycopg.connect(_pg(s.env["DATABASE_URL"]), autocommit=True) as conn:
            pairs: set[tuple[int, int]] = set()
            while time.time() < deadline and (fa, fb) not in pairs:
                pairs = set(conn.execute("SELECT finding_id, other_id FROM claim_matches"))
                time.sleep(0.3)
            assert {(fa, fb), (fb, fa)} <= pairs, worker.log()[-3000:]
            # the task stored each matched claim's features with its row (migration 0009)
            stored = conn.execute(
                "SELECT count(*) FROM findings f LEFT JOIN claim_features cf "
                "ON cf.finding_id = f.id WHERE f.analysis_id IN (%s, %s) AND cf.finding_id IS NULL",
                (a["id"], b["id"]),
            ).fetchone()
            assert stored == (0,)

        # the queue is empty and the worker ran the matching task, from the queue
        broker = redis.Redis.from_url(s.env["REDIS_URL"])
        deadline = time.time() + 30
        while time.time() < deadline and broker.llen(MATCH_QUEUE):
            time.sleep(0.3)
        assert broker.llen(MATCH_QUEUE) == 0
        # one task per analysis; B's found the pair (A's too, when the worker took it after B's
        # analysis: first analyses go before matching)
        ran = re.findall(
            r"sourcemark\.match_claims\[[^\]]+\] succeeded in [^:]+: (\d+)", worker.log()
        )
        assert len(ran) == 2 and "1" in ran and set(ran) <= {"0", "1"}, worker.log()[-3000:]

        # and readers see it: B's claim carries A's as the same claim in another outlet
        status, body = call(s.url, "GET", f"/api/v1/analyses/{b['id']}", token)
        assert status == 200
        matches = _finding(body, CLAIM_B)["matches"]
        assert matches["count"] == 1 and matches["best"][0]["review_id"] == fa
