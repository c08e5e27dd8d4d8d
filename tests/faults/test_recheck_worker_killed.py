"""A worker killed in the middle of a re-check: the re-check is taken up again once its lease
runs out (the sweeper requeues it, or Celery redelivers the unacknowledged message), finishes
once, and the URL's next window schedules a re-check as usual."""

from __future__ import annotations

import signal
import time

import psycopg
import pytest

from tests.faults.pages import huge_page
from tests.support.api import call, wait_done
from tests.support.services import stack

pytestmark = pytest.mark.integration

URL = "https://example.org/long-briefing"
# Long enough that extracting a snapshot takes the worker a visible moment (about 0.5 s idle).
PAGE = huge_page(100)
WINDOW = 40  # SOURCEMARK_FRESH_SECONDS: one re-check per URL per 40 s


def snapshot(i: int) -> str:
    return PAGE.replace("</body>", f"<div class='ad'>Offer {i}</div></body>", 1)


def _rows(db_url: str, sql: str, *params: object) -> list[tuple]:
    with psycopg.connect(db_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        return conn.execute(sql, params).fetchall()


def test_a_recheck_survives_its_worker_being_killed():
    limits = {
        "SOURCEMARK_TASK_SOFT_LIMIT": "10",
        "SOURCEMARK_TASK_HARD_LIMIT": "12",  # lease 17 s, sweep every 6 s
        "SOURCEMARK_VISIBILITY_TIMEOUT": "20",
        "SOURCEMARK_FRESH_SECONDS": str(WINDOW),
    }
    with stack(distributed=True, extra_env=limits) as s:
        s.serve()
        token = s.token()
        first_worker = s.worker()
        db_url = s.env["DATABASE_URL"]
        status, accepted = call(
            s.url, "POST", "/api/v1/analyses", token, {"url": URL, "html": PAGE}, gzip_body=True
        )
        assert status == 202, accepted
        first = wait_done(s.url, token, accepted["id"], timeout=240)
        assert first["status"] == "done", first

        status, answer = call(
            s.url,
            "POST",
            "/api/v1/analyses",
            token,
            {"url": URL, "html": snapshot(1)},
            gzip_body=True,
        )
        assert status == 200 and answer["recheck"]["status"] == "scheduled", answer
        deadline = time.time() + 60
        state: list[tuple] = []
        while time.time() < deadline:
            state = _rows(db_url, "SELECT status FROM rechecks")
            if state and state[0][0] != "queued":
                break
            time.sleep(0.01)
        assert state == [("running",)], state
        first_worker.kill(signal.SIGKILL)  # the worker and its pool process, mid re-check
        assert _rows(db_url, "SELECT status, attempts FROM rechecks") == [("running", 1)]

        s.worker()
        deadline = time.time() + 120
        while time.time() < deadline:
            state = _rows(db_url, "SELECT id, status, attempts, result_id FROM rechecks")
            if state[0][1] not in ("queued", "running"):
                break
            time.sleep(0.3)
        [(recheck_id, outcome, attempts, result_id)] = state
        # Taken up again once its lease ran out: same text, so the analysis is marked checked.
        assert (outcome, attempts, result_id) == ("same", 2, first["id"]), state
        assert _rows(db_url, "SELECT checked_at IS NOT NULL FROM analyses") == [(True,)]
        status, followed = call(s.url, "GET", answer["recheck"]["links"]["follow"], token)
        assert followed == {"analysis_id": first["id"], "status": "same"}

        # The guard held the URL for its window only: a later click schedules the next one.
        scheduled = None
        deadline = time.time() + WINDOW + 30
        i = 2
        while time.time() < deadline and scheduled is None:
            status, again = call(
                s.url,
                "POST",
                "/api/v1/analyses",
                token,
                {"url": URL, "html": snapshot(i)},
                gzip_body=True,
            )
            assert status == 200 and again["id"] == first["id"], again
            if again["recheck"]["status"] == "scheduled":
                scheduled = again
            i += 1
            time.sleep(1)
        assert scheduled is not None, "no re-check was scheduled after the window"
        rows = _rows(db_url, "SELECT id FROM rechecks WHERE id <> %s", recheck_id)
        assert len(rows) == 1
