"""The sweeper: re-enqueue analyses and re-checks lost between the store and the queue, or
abandoned by a dead worker; delete re-checks past their retention. Celery beat runs it as a task;
an embedded server runs it in a thread.

It sits above ``dispatch`` (it enqueues), which sits above ``analysis`` (what gets run): the
three import each other in that one direction only.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta

from worker.config import recheck_retention_hours, task_limits
from worker.store import session_scope
from worker.store.analyses import MAX_ATTEMPTS, interrupted_message, stale_analyses
from worker.store.models import utcnow
from worker.store.rechecks import prune_rechecks, stale_rechecks
from worker.tasks.celery_app import celery_app
from worker.tasks.completion import announce
from worker.tasks.dispatch import embedded, enqueue, enqueue_recheck
from worker.vocabulary import AnalysisStatus

log = logging.getLogger(__name__)


def sweep(enqueue: Callable[[str], object]) -> dict[str, int]:
    """Requeue what is stale through ``enqueue``; fail what was interrupted too often."""
    limits = task_limits()
    now = utcnow()
    requeued = failed = 0
    given_up: list[str] = []
    with session_scope() as session:
        queued, expired = stale_analyses(
            session, queued_before=now - timedelta(seconds=max(10, limits.soft_seconds)), now=now
        )
        for row in expired:
            if row.attempts >= MAX_ATTEMPTS:
                row.status = AnalysisStatus.FAILED
                row.error_code = "interrupted"
                row.error = interrupted_message(row.attempts)
                row.finished_at = now
                row.lease_until = None
                given_up.append(row.id)
                failed += 1
            else:
                queued.append(row.id)
    for analysis_id in given_up:
        announce(analysis_id)
    for analysis_id in queued:
        enqueue(analysis_id)
        requeued += 1
    return {"requeued": requeued, "failed": failed}


def sweep_rechecks(enqueue_recheck: Callable[[str], object]) -> int:
    """Requeue re-checks whose message never reached a worker, and those whose worker died
    (their lease ran out); returns how many."""
    limits = task_limits()
    now = utcnow()
    # Re-checks wait behind every first analysis: give them a hard limit's worth of slack more.
    waited = max(10, limits.soft_seconds) + limits.hard_seconds
    with session_scope() as session:
        stale = stale_rechecks(session, queued_before=now - timedelta(seconds=waited), now=now)
    for recheck_id in stale:
        enqueue_recheck(recheck_id)
    return len(stale)


def prune_old_rechecks() -> int:
    """Delete finished re-checks older than ``SOURCEMARK_RECHECK_RETENTION_HOURS``."""
    hours = recheck_retention_hours()
    if hours <= 0:
        return 0
    with session_scope() as session:
        return prune_rechecks(session, finished_before=utcnow() - timedelta(hours=hours))


@celery_app.task(name="sourcemark.sweep", ignore_result=True)
def sweep_task() -> dict[str, int]:
    result = sweep(enqueue)
    result["rechecks"] = sweep_rechecks(enqueue_recheck)
    result["rechecks_pruned"] = prune_old_rechecks()
    return result


_sweeper_started = False


def start_embedded_sweeper(interval: float = 30.0) -> None:
    """In embedded mode, pick up analyses a previous server run left queued or running."""
    global _sweeper_started
    if _sweeper_started or not embedded():
        return
    _sweeper_started = True

    def loop() -> None:
        stop = threading.Event()
        while not stop.wait(interval):
            try:
                sweep(enqueue)
                sweep_rechecks(enqueue_recheck)
                prune_old_rechecks()
            except Exception as exc:  # noqa: BLE001 - the next round tries again
                log.warning("sweep failed: %s", exc)

    threading.Thread(target=loop, name="sourcemark-sweeper", daemon=True).start()
