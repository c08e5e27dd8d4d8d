"""Repeat clicks on a real stack (gunicorn with two processes, a Celery worker, Redis,
PostgreSQL): 500 readers clicking a changed article at once get the stored analysis at once and
cause exactly one re-analysis, which later clicks then get."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.support.api import at_once, submit, wait_done
from tests.support.services import poll, rows, stack

DATA = Path(__file__).resolve().parents[1] / "data"
SEED_PAGE = (DATA / "seed_page.html").read_text()
SEED_URL = "https://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"
CHANGED = SEED_PAGE.replace(
    '<div id="Content">',
    '<div id="Content"><p>"A mission will travel '
    'to the region next week," the spokesman told reporters.</p>',
    1,
)
READERS = 500

pytestmark = pytest.mark.integration


def test_a_burst_of_repeat_clicks_on_a_changed_article_makes_one_reanalysis():
    with stack(distributed=True) as s:
        token = s.start()  # two gunicorn processes: the one re-check is decided across processes
        status, accepted = submit(s.url, token, SEED_URL, SEED_PAGE)
        assert status == 202, accepted
        first = wait_done(s.url, token, accepted["id"])
        assert first["status"] == "done" and first["findings"]

        def click(page: str) -> tuple[int, dict]:
            try:
                return submit(s.url, token, SEED_URL, page, timeout=120)
            except OSError as exc:  # a refused or reset connection: shown in the failure
                return 0, {"error": repr(exc)}

        pages = [CHANGED.replace("Luxury watches", f"Offer {i}") for i in range(READERS)]
        answers = at_once(click, pages)  # each snapshot differs
        failed = [answer for answer in answers if answer[0] != 200]
        assert not failed and len(answers) == READERS, failed[:3]
        # Every reader is answered from the store: the first analysis, or, for a reader who came
        # after the one re-check had finished (an idle worker is quick), its new revision.
        answered = {body["id"] for _, body in answers}
        assert first["id"] in answered and len(answered) <= 2, answered
        rechecks = [body["recheck"]["status"] for _, body in answers]
        assert rechecks.count("scheduled") == 1, rechecks
        assert all(r in ("scheduled", "coalesced", "not_needed") for r in rechecks), rechecks

        # The worker re-checks on its own queue, finds the text changed and analyses it.
        db_url = s.env["DATABASE_URL"]
        done = poll(
            lambda: rows(db_url, "SELECT status, result_id FROM rechecks"),
            lambda done: bool(done) and done[0][0] not in ("queued", "running"),
            timeout=120,
            every=0.3,
        )
        assert [row[0] for row in done] == ["changed"], done
        revision = wait_done(s.url, token, done[0][1])
        assert revision["status"] == "done"
        assert answered <= {first["id"], revision["id"]}, answered
        assert "A mission will travel" in revision["article"]["text"]
        count = rows(
            db_url,
            "SELECT count(*) FROM analyses a JOIN articles r "
            "ON a.article_id = r.id WHERE r.url = %s",
            SEED_URL,
        )[0][0]
        assert count == 2  # the first and the one re-analysis, for all 500 readers

        # Readers clicking now get the new revision (after the web processes' 2 s cache).
        time.sleep(2.5)
        status, latest = submit(s.url, token, SEED_URL, CHANGED)
        assert status == 200 and latest["id"] == revision["id"]
        assert latest["recheck"]["status"] in ("not_needed", "coalesced")
