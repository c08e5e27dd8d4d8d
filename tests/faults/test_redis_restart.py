"""Redis stopped and restarted (losing every queued message) while readers submit pages."""

from __future__ import annotations

import time

import pytest

from tests.faults.pages import SEED_PAGE, SEED_URL
from tests.support.api import call, submit, wait_done
from tests.support.services import private_redis, stack

pytestmark = pytest.mark.integration

# A short soft limit makes the sweeper run every few seconds (worker.tasks.celery_app).
LIMITS = {"SOURCEMARK_TASK_SOFT_LIMIT": "6", "SOURCEMARK_TASK_HARD_LIMIT": "10"}


def _submit(s, token, url):  # noqa: ANN001, ANN202
    started = time.time()
    status, body = submit(s.url, token, url, SEED_PAGE, timeout=30)
    return status, body, time.time() - started


def test_no_accepted_submission_is_lost_across_a_redis_restart():
    with (
        private_redis() as redis_server,
        stack(distributed=True, redis_url=redis_server.url, extra_env=LIMITS) as s,
    ):
        token = s.start()
        status, body, _ = _submit(s, token, SEED_URL)
        assert status == 202, body
        assert wait_done(s.url, token, body["id"])["status"] == "done"

        redis_server.stop()
        accepted = []
        for i in range(4):
            status, body, seconds = _submit(s, token, f"{SEED_URL}?outage={i}")
            assert seconds < 15, "the API must answer promptly while Redis is down"
            if status == 202:
                accepted.append(body["id"])
            else:
                assert status == 503, body
                assert body["error"]["message"]
        # The store keeps working without the queue: reads are served, health says what is down.
        status, body = call(s.url, "GET", f"/api/v1/analyses/{accepted[0]}", token)
        assert status == 200 and body["status"] == "queued", body
        status, health = call(s.url, "GET", "/healthz")
        assert status == 503 and health["broker"] == "down" and health["database"] == "ok"

        redis_server.start()  # empty: whatever was queued before the outage is gone too
        after, body, _ = _submit(s, token, f"{SEED_URL}?after=1")
        assert after == 202, body
        accepted.append(body["id"])
        for analysis_id in accepted:
            done = wait_done(s.url, token, analysis_id, timeout=90)
            assert done["status"] == "done", done
            assert done["findings"]
        assert call(s.url, "GET", "/healthz")[0] == 200
