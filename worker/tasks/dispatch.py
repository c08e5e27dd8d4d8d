"""Hand an analysis to whoever runs it: Celery workers when REDIS_URL is set, else this process.

Both paths run the same ``process_analysis``; the embedded path exists so that a fresh machine
with nothing but Python can serve the extension.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from worker.config import redis_url
from worker.store import session_scope
from worker.store.analyses import mark_enqueued

log = logging.getLogger(__name__)

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()


def embedded() -> bool:
    return redis_url() is None


def _local_executor() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            # One thread: spaCy is CPU-bound, and parallel threads would only contend for the GIL.
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sourcemark-task")
        return _executor


# ``worker.tasks.analysis`` is imported where it is used: a server that never enqueues (or runs
# embedded) does not pay for loading Celery's task machinery (about 0.4 s).


def _run_local(analysis_id: str) -> None:
    from worker.tasks.analysis import fail_quietly, process_analysis

    try:
        process_analysis(analysis_id)
    except Exception:
        log.exception("in-process analysis %s failed", analysis_id)
        fail_quietly(analysis_id, "pipeline_error", "The analysis failed because of an internal "
                     "error. The error has been logged for the developers.")


def enqueue(analysis_id: str) -> bool:
    """Queue the analysis; False when the broker is unreachable (the sweeper retries later)."""
    if embedded():
        _local_executor().submit(_run_local, analysis_id)
        queued = True
    else:
        from worker.tasks.analysis import analyze_task

        try:
            analyze_task.apply_async(
                args=[analysis_id],
                retry=True,
                retry_policy={"max_retries": 1, "interval_start": 0.1, "interval_step": 0.2,
                              "interval_max": 0.3},
            )
            queued = True
        except Exception as exc:  # noqa: BLE001 - kombu raises many kinds when Redis is down
            log.warning("could not enqueue analysis %s: %s", analysis_id, exc)
            queued = False
    if queued:
        try:
            with session_scope() as session:
                mark_enqueued(session, analysis_id)
        except Exception as exc:  # noqa: BLE001 - the analysis is queued; the mark is advisory
            log.warning("could not mark analysis %s enqueued: %s", analysis_id, exc)
    return queued
