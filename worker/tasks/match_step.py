"""Claims across articles, a second look after an analysis is stored and announced.

The findings were matched inside the transaction that stored them
(``claim_matches.match_within``), within a time budget, against every claim committed before.
Matching again once the analysis is committed (idempotent, its parses still cached) reaches the
findings the budget left, and an analysis of the same claim that finished at the same moment on
another worker, invisible to the first pass. It
runs after the announcement, so it never delays a reader; a failure is logged and changes
nothing.
"""

from __future__ import annotations

import logging

from worker.store import session_scope
from worker.store.claim_matches import match_analysis

log = logging.getLogger(__name__)


def match_stored_claims(analysis_id: str) -> int | None:
    """Match the analysis's findings again; the number of pairs, None when it failed."""
    try:
        with session_scope() as session:
            return match_analysis(session, analysis_id)
    except Exception:  # noqa: BLE001 - the analysis itself is done and stays so
        log.exception("claim matching failed for analysis %s", analysis_id)
        return None
