"""The first matching pass yields to waiting readers: while a first analysis or a re-check waits
in the real broker, a finishing analysis spends no time matching (the second pass on the
``matching`` queue does it); on a quiet broker, and without a broker, it keeps its budget."""

from __future__ import annotations

import redis

from tests.support.services import fresh_redis_db
from worker.tasks.celery_app import make_celery
from worker.tasks.match_step import first_pass_budget


def test_the_budget_is_spent_only_while_no_page_waits_in_the_broker(monkeypatch):
    monkeypatch.setenv("SOURCEMARK_MATCH_BUDGET_MS", "100")
    with fresh_redis_db() as url:
        monkeypatch.setenv("REDIS_URL", url)
        assert first_pass_budget() == 0.1
        app = make_celery(url)
        # Sent as the web process sends them: a real message in the analysis queue.
        app.send_task("sourcemark.analyze", args=["waiting-reader"])
        assert first_pass_budget() == 0.0
        redis.Redis.from_url(url).delete("celery")
        app.send_task("sourcemark.recheck", args=["waiting-recheck"], queue="rechecks")
        assert first_pass_budget() == 0.0
        redis.Redis.from_url(url).delete("rechecks")
        # The second pass's own queue is no reader waiting.
        app.send_task("sourcemark.match_claims", args=["later"], queue="matching")
        assert first_pass_budget() == 0.1


def test_without_a_broker_the_configured_budget_holds(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("SOURCEMARK_MATCH_BUDGET_MS", "250")
    assert first_pass_budget() == 0.25
    monkeypatch.setenv("SOURCEMARK_MATCH_BUDGET_MS", "0")
    assert first_pass_budget() == 0.0


def test_an_unreachable_broker_costs_no_matching_time(monkeypatch):
    monkeypatch.setenv("SOURCEMARK_MATCH_BUDGET_MS", "100")
    # Nothing listens on this port: the analysis must not linger on the broker.
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    assert first_pass_budget() == 0.0
