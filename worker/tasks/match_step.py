"""Claims across articles, a second look after an analysis is stored and announced.

The findings were matched inside the transaction that stored them
(``claim_matches.match_within``), within a time budget, against every claim committed before.
Matching again once the analysis is committed (idempotent, its parses still cached) reaches the
findings the budget left, and an analysis of the same claim that finished at the same moment on
another worker, invisible to the first pass. It
runs after the announcement, so it never delays a reader; a failure is logged and changes
nothing. With a broker it is a task of its own on the ``matching`` queue, which workers take
only when no first analysis or re-check waits: matching every new claim against the store costs
more than the analysis itself while the stored sentences' parses are cold, and run inside the
analysis task it cut a worker's first analyses from 6.9 to 3.1 a second at 8 new pages/s.
"""

from __future__ import annotations

import logging

from worker.config import match_budget_seconds, redis_url
from worker.store import session_scope
from worker.store.claim_matches import match_analysis
from worker.tasks.celery_app import ANALYSIS_QUEUE, MATCH_QUEUE, RECHECK_QUEUE, celery_app
from worker.tasks.completion import worker_redis

log = logging.getLogger(__name__)


def first_pass_budget() -> float:
    """How long this analysis's first matching pass may take: the configured budget while no
    reader's page waits in the broker, none while one does. Every millisecond spent matching
    here is one the next reader waits, and the second pass reaches every finding anyway: at 8
    new pages/s a 100 ms first pass took one worker from 6.7 to 4.1 analyses done a second,
    and a quiet machine keeps the first pass, so a reader's first card shows the matches.
    In embedded mode (no broker) the budget is the configured one; when the broker cannot be
    asked, none (the analysis must not linger on it)."""
    budget = match_budget_seconds()
    url = redis_url()
    if budget <= 0 or url is None:
        return budget
    try:
        client = worker_redis(url)
        waiting = int(client.llen(ANALYSIS_QUEUE)) + int(client.llen(RECHECK_QUEUE))
    except Exception as exc:  # noqa: BLE001 - redis raises many kinds when it is down
        log.warning("could not read the queues' lengths, first matching pass skipped: %s", exc)
        return 0.0
    return budget if waiting == 0 else 0.0


def match_stored_claims(analysis_id: str) -> int | None:
    """Match the analysis's findings again; the number of pairs, None when it failed."""
    try:
        with session_scope() as session:
            return match_analysis(session, analysis_id)
    except Exception:  # noqa: BLE001 - the analysis itself is done and stays so
        log.exception("claim matching failed for analysis %s", analysis_id)
        return None


@celery_app.task(name="sourcemark.match_claims", queue=MATCH_QUEUE, acks_late=True)
def match_claims_task(analysis_id: str) -> int | None:
    """The second pass as a task: idempotent, so a redelivery after a lost worker is harmless."""
    return match_stored_claims(analysis_id)


def schedule_matching(analysis_id: str) -> None:
    """The second pass behind every first analysis and re-check; in embedded mode (no broker)
    and when the broker cannot take it, right here, after the announcement."""
    if redis_url() is not None:
        try:
            match_claims_task.apply_async(args=[analysis_id], retry=False)
            return
        except Exception as exc:  # noqa: BLE001 - kombu raises many kinds when Redis is down
            log.warning("could not queue matching of %s, matching now: %s", analysis_id, exc)
    match_stored_claims(analysis_id)
