"""The re-check task: is a served analysis still the live page's? On a queue of its own.

A reader's repeat click is answered from the store at once; the snapshot it sent is stored and,
at most once per URL and window (``server.recheck_guard``), handed to this task, which extracts
it here in the worker and compares the text. Same text: the analysis is marked checked. Changed:
the new revision is analysed here too, on the re-check queue, so first analyses never wait for
it; reviews follow as ``worker.store.revisions`` says.
"""

from __future__ import annotations

import logging

from billiard.exceptions import SoftTimeLimitExceeded

from worker.config import task_limits
from worker.pipeline import PIPELINE_VERSION
from worker.pipeline.errors import PipelineError
from worker.store import session_scope
from worker.store.models import RecheckRow
from worker.store.rechecks import (
    CHANGED,
    SAME,
    page_of,
    record_changed,
    record_failed,
    record_same,
    release,
    same_text,
    take,
)
from worker.tasks.analysis import TRANSIENT, process_analysis
from worker.tasks.celery_app import RECHECK_QUEUE, celery_app
from worker.tasks.completion import announce
from worker.tasks.extract_step import extract_checked

log = logging.getLogger(__name__)


class RecheckHeld(Exception):
    """Another delivery of the same re-check is at work; try again after its lease."""

    def __init__(self, retry_in: float) -> None:
        super().__init__(f"held by another worker, retry in {retry_in:.0f}s")
        self.retry_in = retry_in


def process_recheck(recheck_id: str) -> str:
    """Compare the stored snapshot with its analysis; returns what happened.

    The served analysis is announced when the re-check ends (and the new revision when its
    analysis does), so readers following the re-check (``GET /analyses/<id>/recheck?wait=``)
    hear of it at once.
    """
    with session_scope() as session:
        got = take(session, recheck_id, lease_seconds=task_limits().hard_seconds + 5)
        if got.outcome == "held":
            raise RecheckHeld(got.retry_in)
        if got.outcome != "taken":
            if got.outcome == "gave_up":
                _announce_served(recheck_id)
            return "not_queued" if got.outcome == "finished" else got.outcome
        html, url, served = page_of(got.row), got.row.url, got.row.analysis_id
    try:
        try:
            article, extract_ms = extract_checked(html, url)
        except PipelineError as exc:
            return _failed(recheck_id, served, exc.code)
        except SoftTimeLimitExceeded:
            return _failed(recheck_id, served, "time_limit")
        with session_scope() as session:
            row = session.get(RecheckRow, recheck_id)
            current = same_text(session, row, article)
            if current is not None:
                record_same(session, row, current)
                outcome = SAME
            else:
                new_id = record_changed(
                    session, row, article, pipeline_version=PIPELINE_VERSION, extract_ms=extract_ms
                ).id
                outcome = CHANGED
    except TRANSIENT:
        _release_quietly(recheck_id)
        raise
    except Exception:
        log.exception("re-check %s crashed", recheck_id)
        return _failed(recheck_id, served, "pipeline_error")
    announce(served)
    if outcome == SAME:
        return SAME
    # A lease held by another delivery or a lost store connection leaves the new analysis
    # queued: the sweeper picks it up like any other.
    try:
        process_analysis(new_id)
    except Exception as exc:  # noqa: BLE001 - the sweeper finishes what this leaves
        log.warning(
            "re-analysis %s of re-check %s left to the sweeper: %s", new_id, recheck_id, exc
        )
    return CHANGED


def _failed(recheck_id: str, served: str, code: str) -> str:
    with session_scope() as session:
        record_failed(session, session.get(RecheckRow, recheck_id), code)
    announce(served)
    return "failed"


def _announce_served(recheck_id: str) -> None:
    with session_scope() as session:
        row = session.get(RecheckRow, recheck_id)
        served = row.analysis_id if row is not None else None
    if served:
        announce(served)


def _release_quietly(recheck_id: str) -> None:
    try:
        with session_scope() as session:
            release(session, recheck_id)
    except Exception as exc:  # noqa: BLE001 - the store is what failed; the next click re-checks
        log.warning("could not hand back re-check %s: %s", recheck_id, exc)


@celery_app.task(
    bind=True,
    name="sourcemark.recheck",
    queue=RECHECK_QUEUE,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=None,
)
def recheck_task(self, recheck_id: str) -> str:  # noqa: ANN001 - Celery's bound task
    try:
        return process_recheck(recheck_id)
    except RecheckHeld as held:
        raise self.retry(countdown=held.retry_in) from None
    except TRANSIENT as exc:
        if self.request.retries >= task_limits().max_retries:
            return "gave_up"
        raise self.retry(exc=exc, countdown=min(60, 2**self.request.retries)) from None
