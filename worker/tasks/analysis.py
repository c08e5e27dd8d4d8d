"""The analysis task: a stored page -> its article (``extract_step``) -> findings in the store.

Idempotent by analysis id: the claim (a conditional UPDATE with a lease) lets one delivery work,
and findings are written in the same transaction that marks the analysis done, so redelivered
or duplicated messages never store findings twice.
"""

from __future__ import annotations

import logging
import time

from billiard.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_init
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.exc import DBAPIError, OperationalError

from worker.config import task_limits
from worker.factchecks.store import match_analysis
from worker.pipeline import find_claims
from worker.pipeline.errors import PipelineError
from worker.pipeline.nlp import get_nlp
from worker.store import session_scope
from worker.store.analyses import MAX_ATTEMPTS, claim, mark_failed, save_result
from worker.store.figures import record_figures
from worker.tasks.celery_app import celery_app
from worker.tasks.completion import announce
from worker.tasks.extract_step import prepare
from worker.tasks.match_step import first_pass_budget, schedule_matching
from worker.vocabulary import AnalysisStatus

log = logging.getLogger(__name__)

TRANSIENT = (OperationalError, DBAPIError, RedisConnectionError, ConnectionError)
__all__ = ["MAX_ATTEMPTS", "analyze_task", "fail_quietly", "process_analysis"]


@worker_init.connect
def _load_the_model(**_: object) -> None:
    """Load spaCy in the worker's main process, before the pool forks: every pool process (and
    each one recycled later) starts with the model in shared memory instead of paying about a
    second, and a page's analysis time, on its first task."""
    get_nlp()


class LeaseHeld(Exception):
    """Another delivery of the same analysis is at work; try again after its lease."""

    def __init__(self, retry_in: float) -> None:
        super().__init__(f"held by another worker, retry in {retry_in:.0f}s")
        self.retry_in = retry_in


def process_analysis(analysis_id: str) -> str:
    """Run the pipeline for one queued analysis; returns the outcome for logs and tests."""
    limits = task_limits()
    with session_scope() as session:
        got = claim(session, analysis_id, lease_seconds=limits.hard_seconds + 5)
    if got.outcome == "held":
        raise LeaseHeld(got.retry_in)
    if got.outcome != "claimed":
        if got.outcome == "gave_up":
            announce(analysis_id)
        return got.outcome

    started = time.perf_counter()
    text = got.text
    try:
        if got.page is not None:  # not extracted yet
            prepared = prepare(analysis_id, got.page)
            if prepared.text is None:
                _after_done(analysis_id)
                announce(analysis_id)
                schedule_matching(analysis_id)
                return AnalysisStatus.DONE
            text = prepared.text
            started = time.perf_counter()
        findings = find_claims(text)
    except PipelineError as exc:
        _fail(analysis_id, exc.code, str(exc), getattr(exc, "reason", None))
        return AnalysisStatus.FAILED
    except SoftTimeLimitExceeded:
        _fail(
            analysis_id,
            "time_limit",
            f"The analysis took longer than {limits.soft_seconds} seconds and was stopped. "
            "The page may be unusually long or complex.",
        )
        return AnalysisStatus.FAILED
    except Exception:
        log.exception("pipeline crashed on analysis %s", analysis_id)
        _fail(
            analysis_id,
            "pipeline_error",
            "The analysis failed on this page because of an internal error. "
            "The error has been logged for the developers.",
        )
        return AnalysisStatus.FAILED
    timings = {"claims_ms": round((time.perf_counter() - started) * 1000, 1)}
    with session_scope() as session:
        saved = save_result(session, analysis_id, findings, timings, first_pass_budget())
    if saved:
        _after_done(analysis_id)
        announce(analysis_id)
        schedule_matching(analysis_id)
    return AnalysisStatus.DONE if saved else "lost_lease"


def _after_done(analysis_id: str) -> None:
    """What other articles see of a finished analysis: its counts, for comparing figures, and
    the published fact-checks imported earlier that reach its findings. Before the reader is
    told the analysis is done, so the first card shows them. Best effort: the analysis is done
    and stays done whatever happens here (the next fact-check import matches again)."""
    for step in (record_figures, match_analysis):
        try:
            with session_scope() as session:
                step(session, analysis_id)
        except Exception:
            log.exception("%s failed for analysis %s", step.__name__, analysis_id)


def _fail(analysis_id: str, code: str, message: str, reason: str | None = None) -> None:
    with session_scope() as session:
        mark_failed(session, analysis_id, code, message, reason)
    announce(analysis_id)


def fail_quietly(analysis_id: str, code: str, message: str) -> None:
    """Best effort when the store itself is failing: the sweeper catches what this misses."""
    try:
        _fail(analysis_id, code, message)
    except Exception:  # noqa: BLE001 - nothing more can be done here; logged
        log.exception("could not mark analysis %s failed", analysis_id)


# max_retries=None: Celery's own cap (3) would cut both loops below short. Waiting for a lease
# ends by itself (the holder finishes, or its lease expires and ``claim`` takes over or gives
# up); transient errors are counted here against SOURCEMARK_TASK_MAX_RETRIES.
@celery_app.task(
    bind=True,
    name="sourcemark.analyze",
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=None,
)
def analyze_task(self, analysis_id: str) -> str:  # noqa: ANN001 - Celery's bound task
    try:
        return process_analysis(analysis_id)
    except LeaseHeld as held:
        raise self.retry(countdown=held.retry_in) from None
    except TRANSIENT as exc:
        limits = task_limits()
        if self.request.retries >= limits.max_retries:
            fail_quietly(
                analysis_id,
                "unavailable",
                "The database or queue was unavailable for too long; please try again.",
            )
            return AnalysisStatus.FAILED
        # Exponential backoff: 1, 2, 4, 8... seconds, capped at a minute.
        raise self.retry(exc=exc, countdown=min(60, 2**self.request.retries)) from None
