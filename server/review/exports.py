"""Exports of reviewed findings: CSV, W3C Web Annotation JSON-LD, schema.org ClaimReview JSON-LD.

Pure functions over plain dicts (the review API's item JSON and the analysis JSON), so the web
view and the API produce byte-for-byte the same documents.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from worker.vocabulary import VERDICT_LABELS, Kind, Verdict

CSV_COLUMNS = (
    "finding_id",
    "analysis_id",
    "fid",
    "created_at",
    "site",
    "url",
    "title",
    "kind",
    "type",
    "speaker",
    "text",
    "confidence",
    "status",
    "verdict",
    "note",
    "assignee",
    "reports",
    "text_changed",
)

# schema.org Rating: 1 = worst. "unverified" sits in the middle: neither shown true nor false.
RATING_VALUES = {
    Verdict.FALSE: 1,
    Verdict.MISLEADING: 2,
    Verdict.UNVERIFIED: 3,
    Verdict.CONFIRMED: 5,
}
RATINGS = {verdict: (value, VERDICT_LABELS[verdict]) for verdict, value in RATING_VALUES.items()}


@dataclass(frozen=True)
class Publisher:
    """Who publishes the exports: the server's address and the pipeline that found the claims."""

    base_url: str
    pipeline_version: str


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    # A leading =, +, - or @ makes spreadsheets evaluate the cell (CSV injection).
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def csv_lines(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The CSV export, a header then one line per finding, as text chunks for streaming."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        writer.writerow([_cell(item.get(column)) for column in CSV_COLUMNS])
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _generator(pub: Publisher) -> dict[str, Any]:
    return {
        "id": f"{pub.base_url}/api/v1/openapi.json",
        "type": "Software",
        "name": f"sourcemark {pub.pipeline_version}",
        "homepage": pub.base_url + "/",
    }


def motivation(finding: dict[str, Any]) -> str:
    review = finding.get("review") or {}
    if review.get("verdict"):
        return "assessing"
    if finding.get("kind") == Kind.UNVERIFIED:
        return "questioning"
    return "identifying"


def _bodies(finding: dict[str, Any]) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": finding.get("type", "")}
    ]
    speaker = finding.get("speaker") or {}
    who = speaker.get("name") or speaker.get("text")
    if who:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "identifying",
                "value": f"Attributed to {who}"
                + (" (anonymous source)" if speaker.get("anonymous") else ""),
            }
        )
    for reason in finding.get("reasons") or []:
        if reason.get("explanation"):
            bodies.append(
                {"type": "TextualBody", "purpose": "questioning", "value": reason["explanation"]}
            )
    review = finding.get("review") or {}
    if review.get("verdict"):
        label = RATINGS.get(review["verdict"], (0, review["verdict"]))[1]
        bodies.append({"type": "TextualBody", "purpose": "assessing", "value": label})
    if review.get("note"):
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": review["note"]})
    return bodies


def annotation_collection(
    analysis: dict[str, Any], global_ids: dict[str, int], creators: dict[int, str], pub: Publisher
) -> dict[str, Any]:
    """An AnnotationCollection of an analysis's findings (W3C Web Annotation Data Model).

    ``global_ids`` maps the analysis's finding ids ("f1"...) to database ids; ``creators`` maps
    database ids to the editor who last reviewed them.
    """
    article = analysis.get("article") or {}
    target_url = article.get("url") or article.get("submitted_url")
    items = []
    for finding in analysis.get("findings") or []:
        gid = global_ids.get(finding["id"])
        selector = finding.get("selector") or {}
        annotation: dict[str, Any] = {
            "id": f"{pub.base_url}/api/v1/findings/{gid}"
            if gid
            else f"urn:sourcemark:{analysis['id']}:{finding['id']}",
            "type": "Annotation",
            "motivation": motivation(finding),
            "created": analysis.get("created_at"),
            "generator": _generator(pub),
            "body": _bodies(finding),
            "target": {
                "source": target_url,
                # A quote selector only: sourcemark's offsets count into the extracted article
                # text, not into the page the source names, so a position selector would point
                # at the wrong characters there.
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": selector.get("exact", finding["text"]),
                        "prefix": selector.get("prefix", ""),
                        "suffix": selector.get("suffix", ""),
                    },
                ],
            },
        }
        if gid in creators:
            annotation["creator"] = {"type": "Person", "name": creators[gid]}
        items.append(annotation)
    collection_id = f"{pub.base_url}/api/v1/analyses/{analysis['id']}/annotations"
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": article.get("title") or target_url,
        "total": len(items),
        "generator": _generator(pub),
        "first": {
            "id": collection_id + "#page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def claim_review(
    item: dict[str, Any], reviewer: str | None, reviewed_at: str | None, pub: Publisher
) -> dict[str, Any]:
    """One schema.org ClaimReview for a finding with a verdict (an item of the review API)."""
    value, label = RATINGS[item["verdict"]]
    speaker = item.get("speaker")
    author: dict[str, Any]
    if speaker and not item.get("speaker_anonymous"):
        author = {"@type": "Person", "name": speaker}
    elif speaker:
        author = {"@type": "Person", "name": speaker, "description": "anonymous source"}
    else:
        author = {"@type": "Organization", "name": item.get("site") or item.get("url")}
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": f"{pub.base_url}/review/findings/{item['finding_id']}",
        "claimReviewed": item["text"],
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": label,
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": author,
            "appearance": {
                "@type": "CreativeWork",
                "url": item["url"],
                **({"headline": item["title"]} if item.get("title") else {}),
            },
        },
        "author": (
            {"@type": "Person", "name": reviewer}
            if reviewer
            else {"@type": "Organization", "name": "sourcemark"}
        ),
    }
    if reviewed_at:
        review["datePublished"] = reviewed_at[:10]
    if item.get("note"):
        review["reviewBody"] = item["note"]
    return review


def claim_review_graph(reviews: list[dict[str, Any]]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@graph": reviews}
