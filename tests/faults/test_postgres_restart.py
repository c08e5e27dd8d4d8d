"""PostgreSQL stopped and started under a running deployment: clean 503s, then recovery."""

from __future__ import annotations

import pytest

from tests.faults.conftest import private_postgres
from tests.faults.pages import SEED_PAGE, SEED_URL
from tests.support.api import call, submit, wait_done
from tests.support.services import poll, stack

pytestmark = pytest.mark.integration


def test_requests_fail_cleanly_during_the_outage_and_succeed_after_it():
    with private_postgres() as pg, stack(distributed=True, database_url=pg.url) as s:
        token = s.start()
        server = s.processes[0]  # started first: the gunicorn master
        status, accepted = submit(s.url, token, SEED_URL, SEED_PAGE)
        assert status == 202, accepted
        first = wait_done(s.url, token, accepted["id"])
        assert first["status"] == "done"

        pg.stop()
        status, body = call(s.url, "GET", f"/api/v1/analyses/{first['id']}", token)
        assert status == 503, body
        assert body["error"]["code"] == "database_unavailable"
        status, body = submit(s.url, token, SEED_URL + "?during", SEED_PAGE, gzip_body=False)
        assert status == 503, body
        assert "database" in body["error"]["message"]
        # A token the server cannot check is not let in, nor called invalid.
        status, body = call(s.url, "GET", "/api/v1/analyses/x", "smk_unknown")
        assert status == 503, body
        status, health = call(s.url, "GET", "/healthz")
        assert status == 503 and health["database"] == "down"

        pg.start()

        def read_first() -> tuple[int, dict]:
            status, body = call(s.url, "GET", f"/api/v1/analyses/{first['id']}", token)
            assert status in (200, 503), body  # until the server reconnects: 503, never worse
            return status, body

        status, body = poll(read_first, lambda answer: answer[0] == 200, timeout=30, every=0.3)
        assert status == 200 and body["findings"] == first["findings"]
        status, accepted = submit(s.url, token, SEED_URL + "?after", SEED_PAGE, gzip_body=False)
        assert status == 202, accepted
        assert wait_done(s.url, token, accepted["id"], timeout=90)["status"] == "done"
        assert server.proc.poll() is None, "the same server process, never restarted"
