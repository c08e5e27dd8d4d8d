"""Export documents built from the store; shared by the web view and the bearer-token API."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from flask import Response, stream_with_context
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.api.review_json import item_dict
from server.review.exports import (
    Publisher,
    annotation_collection,
    claim_review,
    claim_review_graph,
    csv_lines,
)
from worker.pipeline import PIPELINE_VERSION
from worker.store.analyses import analysis_dict
from worker.store.models import AnalysisRow, FindingRow
from worker.store.review_exports import export_rows, last_reviewer, verdict_dates
from worker.store.review_queue import QueueFilter

MAX_CLAIMREVIEWS = 5000


def publisher(base_url: str) -> Publisher:
    return Publisher(base_url=base_url, pipeline_version=PIPELINE_VERSION)


def csv_response(session: Session, f: QueueFilter) -> Response:
    rows = (item_dict(item) for item in export_rows(session, f))
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    response = Response(stream_with_context(csv_lines(rows)), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="sourcemark-{stamp}.csv"'
    return response


def annotations(session: Session, analysis_id: str, base_url: str) -> dict[str, Any] | None:
    row = session.get(AnalysisRow, analysis_id[:64])
    if row is None:
        return None
    ids = dict(
        session.execute(
            select(FindingRow.fid, FindingRow.id).where(FindingRow.analysis_id == row.id)
        )
        .tuples()
        .all()
    )
    return annotation_collection(
        analysis_dict(row), ids, last_reviewer(session, list(ids.values())), publisher(base_url)
    )


def claimreviews(session: Session, f: QueueFilter, base_url: str) -> dict[str, Any]:
    """ClaimReviews of every finding the filter matches that has a verdict."""
    with_verdict = replace(f, has_verdict=True)
    items = [item_dict(item) for item in export_rows(session, with_verdict, limit=MAX_CLAIMREVIEWS)]
    ids = [i["finding_id"] for i in items]
    who, when = last_reviewer(session, ids), verdict_dates(session, ids)
    pub = publisher(base_url)
    return claim_review_graph(
        [
            claim_review(
                i,
                who.get(i["finding_id"]),
                when[i["finding_id"]].isoformat() if i["finding_id"] in when else None,
                pub,
            )
            for i in items
        ]
    )


def jsonld(doc: dict[str, Any], filename: str | None = None) -> Response:
    response = Response(
        json.dumps(doc, ensure_ascii=False, indent=1), mimetype="application/ld+json"
    )
    if filename:
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
