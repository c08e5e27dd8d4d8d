"""Claims across articles, after an analysis is stored: its findings matched with the claims
already in the store (``worker.store.claim_matches``).

It runs after the findings are committed (the analysis is already ``done``: a reader polling
sees it) and before the waiting readers are told, so the first view of an article already
carries the verdicts given on the same claims elsewhere; its time is the analysis's
``timings.match_ms``. Best effort: a failure here is logged and leaves the analysis as it is
(matching it again is idempotent).
"""

from __future__ import annotations

import logging
import time

from worker.store import session_scope
from worker.store.claim_matches import match_analysis
from worker.store.models import AnalysisRow

log = logging.getLogger(__name__)


def match_stored_claims(analysis_id: str) -> int | None:
    """Match the analysis's findings; returns the number of pairs, None when it failed."""
    started = time.perf_counter()
    try:
        with session_scope() as session:
            pairs = match_analysis(session, analysis_id)
            row = session.get(AnalysisRow, analysis_id)
            if row is not None:
                elapsed = round((time.perf_counter() - started) * 1000, 1)
                row.timings = {**(row.timings or {}), "match_ms": elapsed}
    except Exception:  # noqa: BLE001 - the analysis itself is done and stays so
        log.exception("claim matching failed for analysis %s", analysis_id)
        return None
    log.info(
        "analysis %s: %d claim matches in %.0f ms",
        analysis_id,
        pairs,
        (time.perf_counter() - started) * 1000,
    )
    return pairs
