"""Hand an analysis to whoever runs it: Celery workers when REDIS_URL is set, else this process.

Both paths run the same ``process_analysis``; the embedded path exists so that a fresh machine
with nothing but Python can serve the extension.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from worker.config import redis_url
from worker.store import session_scope
from worker.store.analyses import mark_enqueued

if TYPE_CHECKING:
    from celery import Task

log = logging.getLogger(__name__)


def embedded() -> bool:
    return redis_url() is None


FIRST, RECHECK = 0, 1  # embedded priorities: a first analysis before any re-check


class _LocalRunner:
    """One thread running tasks by priority (spaCy is CPU-bound: parallel threads would only
    contend for the GIL), so a re-check never delays a reader's first analysis."""

    def __init__(self) -> None:
        self._queue: queue.PriorityQueue = queue.PriorityQueue()
        self._order = itertools.count()
        threading.Thread(target=self._run, name="sourcemark-task", daemon=True).start()

    def submit(self, priority: int, fn: Callable[[str], None], arg: str) -> None:
        self._queue.put((priority, next(self._order), fn, arg))

    def _run(self) -> None:
        while True:
            _, _, fn, arg = self._queue.get()
            fn(arg)


_runner: _LocalRunner | None = None
_runner_lock = threading.Lock()


def _local_runner() -> _LocalRunner:
    global _runner
    with _runner_lock:
        if _runner is None:
            _runner = _LocalRunner()
        return _runner


def _send(task: Task, item_id: str, what: str) -> bool:
    """Hand ``item_id`` to the broker; False when it cannot take it. One quick retry only: a
    reader's request waits on this, and what is not queued is found again later."""
    try:
        task.apply_async(
            args=[item_id],
            retry=True,
            retry_policy={
                "max_retries": 1,
                "interval_start": 0.1,
                "interval_step": 0.2,
                "interval_max": 0.3,
            },
        )
        return True
    except Exception as exc:  # noqa: BLE001 - kombu raises many kinds when Redis is down
        log.warning("could not enqueue %s %s: %s", what, item_id, exc)
        return False


# ``worker.tasks.analysis`` is imported where it is used: a server that never enqueues (or runs
# embedded) does not pay for loading Celery's task machinery (about 0.4 s).


def _run_local(analysis_id: str) -> None:
    from worker.tasks.analysis import fail_quietly, process_analysis

    try:
        process_analysis(analysis_id)
    except Exception:
        log.exception("in-process analysis %s failed", analysis_id)
        fail_quietly(
            analysis_id,
            "pipeline_error",
            "The analysis failed because of an internal "
            "error. The error has been logged for the developers.",
        )


def enqueue(analysis_id: str) -> bool:
    """Queue the analysis; False when the broker is unreachable (the sweeper retries later)."""
    if embedded():
        _local_runner().submit(FIRST, _run_local, analysis_id)
        queued = True
    else:
        from worker.tasks.analysis import analyze_task

        queued = _send(analyze_task, analysis_id, "analysis")
    if queued:
        try:
            with session_scope() as session:
                mark_enqueued(session, analysis_id)
        except Exception as exc:  # noqa: BLE001 - the analysis is queued; the mark is advisory
            log.warning("could not mark analysis %s enqueued: %s", analysis_id, exc)
    return queued


def _recheck_local(recheck_id: str) -> None:
    from worker.tasks.recheck import process_recheck

    try:
        process_recheck(recheck_id)
    except Exception:
        log.exception("in-process re-check %s failed", recheck_id)


def enqueue_recheck(recheck_id: str) -> bool:
    """Queue a re-check behind every first analysis; False when the broker is unreachable (the
    stored snapshot waits for the next window's click)."""
    if embedded():
        _local_runner().submit(RECHECK, _recheck_local, recheck_id)
        return True
    from worker.tasks.recheck import recheck_task

    return _send(recheck_task, recheck_id, "re-check")
