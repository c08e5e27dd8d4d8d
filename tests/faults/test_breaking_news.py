"""Readers all click the same fresh article at once: one analysis, shared by all of them."""

from __future__ import annotations

import pytest

from tests.faults.pages import SEED_PAGE, SEED_URL
from tests.support.api import at_once, submit, wait_done
from tests.support.services import stack

pytestmark = pytest.mark.integration

READERS = 24


def test_simultaneous_clicks_on_one_page_make_one_analysis():
    with stack(distributed=True) as s:
        token = s.start()  # two gunicorn processes: the lock must hold across processes
        # Each reader's DOM differs a little (an ad), the article text does not.
        pages = [SEED_PAGE.replace("Luxury watches", f"Offer {i}") for i in range(READERS)]
        answers = at_once(lambda page: submit(s.url, token, SEED_URL, page), pages)
        statuses = sorted(status for status, _ in answers)
        assert set(statuses) <= {200, 202} and statuses.count(202) == 1, statuses
        ids = {body["id"] for _, body in answers}
        assert len(ids) == 1, ids
        assert wait_done(s.url, token, ids.pop())["status"] == "done"
