"""A worker killed in the middle of a re-check: the re-check is taken up again once its lease
runs out (the sweeper requeues it, or Celery redelivers the unacknowledged message), finishes
once, and the URL's next window schedules a re-check as usual."""

from __future__ import annotations

import signal
import time

import pytest

from tests.faults.pages import huge_page
from tests.support.api import call, submit, wait_done
from tests.support.services import poll, rows, stack

pytestmark = pytest.mark.integration

URL = "https://example.org/long-briefing"
# Long enough that extracting a snapshot takes the worker a visible moment (about 0.5 s idle).
PAGE = huge_page(100)
WINDOW = 40  # SOURCEMARK_FRESH_SECONDS: one re-check per URL per 40 s


def snapshot(i: int) -> str:
    return PAGE.replace("</body>", f"<div class='ad'>Offer {i}</div></body>", 1)


def test_a_recheck_survives_its_worker_being_killed():
    limits = {
        # Short enough that the killed re-check's lease runs out within the test, long enough
        # that the first analysis of a huge page finishes on a machine at load 10 (10 s did not).
        "SOURCEMARK_TASK_SOFT_LIMIT": "20",
        "SOURCEMARK_TASK_HARD_LIMIT": "24",  # lease 29 s
        "SOURCEMARK_VISIBILITY_TIMEOUT": "32",
        "SOURCEMARK_FRESH_SECONDS": str(WINDOW),
    }
    with stack(distributed=True, extra_env=limits) as s:
        s.serve()
        token = s.token()
        first_worker = s.worker()
        db_url = s.env["DATABASE_URL"]
        status, accepted = submit(s.url, token, URL, PAGE)
        assert status == 202, accepted
        first = wait_done(s.url, token, accepted["id"], timeout=240)
        assert first["status"] == "done", first

        status, answer = submit(s.url, token, URL, snapshot(1))
        assert status == 200 and answer["recheck"]["status"] == "scheduled", answer
        state = poll(
            lambda: rows(db_url, "SELECT status FROM rechecks"),
            lambda state: bool(state) and state[0][0] != "queued",
            timeout=60,
            every=0.01,
        )
        assert state == [("running",)], state
        first_worker.kill(signal.SIGKILL)  # the worker and its pool process, mid re-check
        assert rows(db_url, "SELECT status, attempts FROM rechecks") == [("running", 1)]

        s.worker()
        state = poll(
            lambda: rows(db_url, "SELECT id, status, attempts, result_id FROM rechecks"),
            lambda state: state[0][1] not in ("queued", "running"),
            timeout=120,
            every=0.3,
        )
        [(recheck_id, outcome, attempts, result_id)] = state
        # Taken up again once its lease ran out: same text, so the analysis is marked checked.
        assert (outcome, attempts, result_id) == ("same", 2, first["id"]), state
        assert rows(db_url, "SELECT checked_at IS NOT NULL FROM analyses") == [(True,)]
        status, followed = call(s.url, "GET", answer["recheck"]["links"]["follow"], token)
        assert followed == {"analysis_id": first["id"], "status": "same"}

        # The guard held the URL for its window only: a later click schedules the next one.
        scheduled = None
        deadline = time.time() + WINDOW + 30
        i = 2
        while time.time() < deadline and scheduled is None:
            status, again = submit(s.url, token, URL, snapshot(i))
            assert status == 200 and again["id"] == first["id"], again
            if again["recheck"]["status"] == "scheduled":
                scheduled = again
            i += 1
            time.sleep(1)
        assert scheduled is not None, "no re-check was scheduled after the window"
        others = rows(db_url, "SELECT id FROM rechecks WHERE id <> %s", recheck_id)
        assert len(others) == 1
