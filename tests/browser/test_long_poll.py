"""The real extension follows an analysis by long-poll: after the POST it asks
``GET /api/v1/analyses/<id>?wait=20`` and gets the analysis when it is finished, without
polling. Checked in gunicorn's access log of a server of the test's own."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest

from tests.support.services import stack

pytestmark = pytest.mark.browser

SEED = (Path(__file__).resolve().parents[1] / "data" / "seed_page.html").read_text()
MARK = "mark[data-sourcemark-finding]"


def api_requests(log: Path) -> list[str]:
    """The API request lines ("GET /api/v1/...") in the access log, in order."""
    return re.findall(r'"((?:GET|POST) /api/v1/analyses[^ "]*)', log.read_text())


def api_requests_after_get(log: Path, seconds: float = 10.0) -> list[str]:
    """The request lines once a GET is among them: gunicorn writes a request's access-log line
    after its response has gone, so on a loaded host the page can show the marks before the
    long-poll's line is in the file."""
    deadline = time.monotonic() + seconds
    requests = api_requests(log)
    while not any(r.startswith("GET") for r in requests) and time.monotonic() < deadline:
        time.sleep(0.1)
        requests = api_requests(log)
    return requests


def test_the_overlay_comes_from_one_long_poll(browser, pages, tmp_path) -> None:  # noqa: ANN001
    log = tmp_path / "access.log"
    with stack(distributed=False, extra_env={"SOURCEMARK_ACCESS_LOG": str(log)}) as s:
        s.serve()
        browser.configure(s.url, s.token("reader", "long-poll"))
        page = browser.fresh_page()
        page.goto(pages.add("/long-poll-embedded.html", SEED))
        outcome = browser.click_action(page)
        assert outcome["ok"], outcome
        result = outcome["value"]
        assert result["anchored"] == result["total"] > 0
        assert page.locator(MARK).count() >= result["anchored"]
        analysis_id = result["analysisId"]
        requests = api_requests_after_get(log)
        assert requests[0] == "POST /api/v1/analyses"
        # One long-poll (a second only if the first analysis, which loads the model, took
        # longer than its 20 s): no plain polling.
        asked = requests[1:]
        assert asked and set(asked) == {f"GET /api/v1/analyses/{analysis_id}?wait=20"}, requests
        assert len(asked) <= result["timings"]["follow_ms"] // 20000 + 1, requests


def test_a_queued_analysis_reaches_the_page_when_the_worker_finishes(browser, pages) -> None:  # noqa: ANN001
    """Distributed: no worker at the click, so the analysis waits in the queue and the extension
    in its long-poll; a worker started later finishes it and the marks appear, with no polling
    in between."""
    with stack(distributed=True, extra_env={"SOURCEMARK_ACCESS_LOG": "-"}) as s:
        s.serve()
        browser.configure(s.url, s.token("reader", "long-poll"))
        page = browser.fresh_page()
        page.goto(pages.add("/long-poll-distributed.html", SEED))
        # Playwright's sync API is bound to this thread: the worker starts from another one.
        started = threading.Thread(target=lambda: (time.sleep(2), s.worker()))
        started.start()
        outcome = browser.click_action(page, 180)
        started.join(120)
        assert outcome.get("ok"), outcome
        result = outcome["value"]
        assert result["anchored"] == result["total"] > 0
        requests = api_requests_after_get(s.processes[0].log_path)
        gets = [r for r in requests if r.startswith("GET")]
        assert gets and all(r.endswith("?wait=20") for r in gets), requests
        # Polling (300 ms growing to 2 s) would have asked many times while the worker started.
        took = result["timings"]["follow_ms"] / 1000
        assert len(gets) <= took // 20 + 2, (took, requests)
