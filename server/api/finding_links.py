"""Links on each finding of an analysis's JSON: its review resource (editors), by global id."""

from __future__ import annotations

from typing import Any

from flask import url_for


def add_finding_links(body: dict[str, Any]) -> dict[str, Any]:
    """Give each finding that has a global ``review_id`` its ``links.review``."""
    for finding in body.get("findings") or []:
        review_id = finding.get("review_id")
        if isinstance(review_id, int):
            finding["links"] = {
                "review": url_for("api.review_api.get_finding", finding_id=review_id)
            }
    return body
