"""PostgreSQL stopped and started under a running deployment: clean 503s, then recovery."""

from __future__ import annotations

import time

import pytest

from tests.faults.conftest import fault_stack, private_postgres
from tests.faults.pages import SEED_PAGE, SEED_URL
from tests.support.api import call, wait_done

pytestmark = pytest.mark.integration


def test_requests_fail_cleanly_during_the_outage_and_succeed_after_it():
    with private_postgres() as pg, fault_stack(database_url=pg.url) as s:
        server = s.serve()
        token = s.token()
        s.worker()
        status, accepted = call(
            s.url,
            "POST",
            "/api/v1/analyses",
            token,
            {"url": SEED_URL, "html": SEED_PAGE},
            gzip_body=True,
        )
        assert status == 202, accepted
        first = wait_done(s.url, token, accepted["id"])
        assert first["status"] == "done"

        pg.stop()
        status, body = call(s.url, "GET", f"/api/v1/analyses/{first['id']}", token)
        assert status == 503, body
        assert body["error"]["code"] == "database_unavailable"
        status, body = call(
            s.url,
            "POST",
            "/api/v1/analyses",
            token,
            {"url": SEED_URL + "?during", "html": SEED_PAGE},
        )
        assert status == 503, body
        assert "database" in body["error"]["message"]
        # A token the server cannot check is not let in, nor called invalid.
        status, body = call(s.url, "GET", "/api/v1/analyses/x", "smk_unknown")
        assert status == 503, body
        status, health = call(s.url, "GET", "/healthz")
        assert status == 503 and health["database"] == "down"

        pg.start()
        deadline = time.time() + 30
        while time.time() < deadline:
            status, body = call(s.url, "GET", f"/api/v1/analyses/{first['id']}", token)
            if status == 200:
                break
            assert status == 503, body
            time.sleep(0.3)
        assert status == 200 and body["findings"] == first["findings"]
        status, accepted = call(
            s.url,
            "POST",
            "/api/v1/analyses",
            token,
            {"url": SEED_URL + "?after", "html": SEED_PAGE},
        )
        assert status == 202, accepted
        assert wait_done(s.url, token, accepted["id"], timeout=90)["status"] == "done"
        assert server.proc.poll() is None, "the same server process, never restarted"
