"""The long-poll with real parts: gunicorn (2 processes), Redis, PostgreSQL, a Celery worker.

A ``GET ?wait=`` issued while the analysis waits in the queue is answered when the worker
finishes it: the worker's announcement crosses Redis into the web process that holds the
request.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.api import call, submit
from tests.support.services import stack

pytestmark = pytest.mark.integration

SEED_PAGE = (Path(__file__).resolve().parents[1] / "data" / "seed_page.html").read_text()


def get_waiting(base: str, token: str, analysis_id: str, wait: int) -> tuple[dict, str, float]:
    req = urllib.request.Request(
        f"{base}/api/v1/analyses/{analysis_id}?wait={wait}",
        headers={"Authorization": f"Bearer {token}"},
    )
    started = time.monotonic()
    with urllib.request.urlopen(req, timeout=wait + 30) as resp:
        body = json.loads(resp.read())
        return body, resp.headers.get("Sourcemark-Wait"), time.monotonic() - started


def test_a_waiting_reader_gets_the_analysis_when_the_worker_finishes():
    with stack(distributed=True, extra_env={"SOURCEMARK_WAIT_MAX_SECONDS": "90"}) as s:
        s.serve()
        token = s.token("reader")
        status, accepted = submit(s.url, token, "https://example.org/long-poll", SEED_PAGE)
        assert status == 202, accepted
        analysis_id = accepted["id"]
        # No worker yet: the analysis waits in the queue, and so do two readers.
        answers: list[tuple[dict, str, float]] = []
        readers = [
            threading.Thread(
                target=lambda: answers.append(get_waiting(s.url, token, analysis_id, 90))
            )
            for _ in range(2)
        ]
        for reader in readers:
            reader.start()
        time.sleep(1.5)
        assert not answers, "answered before anything finished the analysis"
        s.worker()
        for reader in readers:
            reader.join(120)
        assert len(answers) == 2
        for body, header, elapsed in answers:
            assert body["status"] == "done" and body["findings"], body
            assert header == "90"
            # Woken by the worker's announcement, long before the wait ran out.
            assert elapsed < 80, elapsed
        # Finished: answered at once, the same analysis.
        body, header, elapsed = get_waiting(s.url, token, analysis_id, 90)
        assert elapsed < 5 and header == "90"
        # Claim matching runs after the analysis and may finish between the two reads: the
        # analysis is the same, its matching state and the matches it found may have moved on.
        assert _without_matching(body) == _without_matching(answers[0][0])
        # A client that does not ask to wait sees exactly what it saw before.
        status, plain = call(s.url, "GET", f"/api/v1/analyses/{analysis_id}", token)
        assert status == 200 and plain == body


def _without_matching(body: dict) -> dict:
    """An analysis as read, without what claim matching adds after it is done."""
    rest = {k: v for k, v in body.items() if k != "matching"}
    rest["findings"] = [
        {k: v for k, v in f.items() if k != "matches"} for f in body.get("findings", [])
    ]
    return rest
