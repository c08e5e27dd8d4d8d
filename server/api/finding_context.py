"""What reaches a finding from outside its article, added to the analysis JSON at the edge:
published fact-checks that review the same claim (``factchecks``) and what other articles
report for the same event's count (``other_figures``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from worker.factchecks.store import factchecks_by_finding
from worker.store.figures import other_figures
from worker.store.models import AnalysisRow
from worker.vocabulary import AnalysisStatus


def add_cross_article(session: Session, row: AnalysisRow, body: dict[str, Any]) -> None:
    """Give every finding of a finished analysis its ``factchecks`` and ``other_figures``
    lists (empty when nothing reaches it)."""
    if row.status != AnalysisStatus.DONE or not body.get("findings"):
        return
    store_ids = {f.fid: f.id for f in row.findings}
    checks = factchecks_by_finding(session, list(store_ids.values()))
    figures = other_figures(session, row)
    for finding in body["findings"]:
        fid = finding.get("id")
        finding["factchecks"] = checks.get(store_ids.get(fid, -1), [])
        finding["other_figures"] = figures.get(fid, [])
