"""OpenAPI description of the review and export routes (merged into ``openapi.SPEC``)."""

from __future__ import annotations

from typing import Any

from server.api.openapi_parts import ANALYSIS_ID, errors, json_content
from worker.store.review_validation import MAX_NOTE
from worker.vocabulary import KINDS, REVIEW_STATUSES, TYPES, VERDICTS


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string", "maxLength": 255},
    }


_FINDING_ID = {
    "name": "finding_id",
    "in": "path",
    "required": True,
    "description": "The global finding id ('finding_id' in list items).",
    "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
}
_STATUS = list(REVIEW_STATUSES)
_VERDICT = list(VERDICTS)
FILTERS = [
    _query("kind", " or ".join(KINDS), {"type": "string", "enum": list(KINDS)}),
    _query(
        "type",
        "A finding type, e.g. direct_quote or anonymous_source",
        {"type": "string", "enum": list(TYPES)},
    ),
    _query("status", "Review status", {"type": "string", "enum": _STATUS}),
    _query("verdict", "Verdict", {"type": "string", "enum": _VERDICT}),
    _query("site", "The article's site name"),
    _query("from", "Found on or after this day", {"type": "string", "format": "date"}),
    _query("to", "Found on or before this day", {"type": "string", "format": "date"}),
    _query("speaker", "Exact speaker name"),
    _query("assignee", "'me', 'none' or a user id"),
    _query("reported", "1: only findings readers reported", {"type": "string", "enum": ["0", "1"]}),
    _query(
        "changed",
        "1: only findings whose text changed since review",
        {"type": "string", "enum": ["0", "1"]},
    ),
    _query("analysis", "Only this analysis's findings", {"type": "string", "maxLength": 64}),
    _query(
        "versions",
        "'all': also findings of analyses a newer analysis of the same URL "
        "replaced (hidden by default)",
        {"type": "string", "enum": ["all", "1"]},
    ),
    _query(
        "hidelow",
        "1: leave out attributions with confidence below 0.6 (belief cues, nested reports, "
        "no named speaker); the web view's queue does by default",
        {"type": "string", "enum": ["0", "1"]},
    ),
    _query(
        "q",
        "Full-text search over statement text and speaker (prefix match per word)",
        {"type": "string", "maxLength": 200},
    ),
]
_PAGE = [
    _query("limit", "Page size", {"type": "integer", "minimum": 1, "maximum": 200}),
    _query("after", "Older than this finding_id (next page)", {"type": "integer", "minimum": 0}),
    _query(
        "before", "Newer than this finding_id (previous page)", {"type": "integer", "minimum": 0}
    ),
]
ITEM = {
    "type": "object",
    "required": ["finding_id", "analysis_id", "fid", "kind", "type", "text", "status"],
    "properties": {
        "finding_id": {"type": "integer"},
        "analysis_id": {"type": "string"},
        "fid": {"type": "string"},
        "kind": {"type": "string", "enum": list(KINDS)},
        "type": {"type": "string", "enum": list(TYPES)},
        "text": {"type": "string"},
        "speaker": {"type": ["string", "null"]},
        "status": {"type": "string", "enum": _STATUS},
        "verdict": {"type": ["string", "null"], "enum": [*_VERDICT, None]},
        "note": {"type": ["string", "null"]},
        "assignee": {"type": ["string", "null"]},
        "reports": {"type": "integer"},
        "text_changed": {"type": "boolean"},
        "site": {"type": ["string", "null"]},
        "url": {"type": "string"},
        "title": {"type": ["string", "null"]},
    },
}
MATCHED = {
    "type": "object",
    "properties": {
        "finding_id": {"type": "integer"},
        "analysis_id": {"type": "string"},
        "text": {"type": "string"},
        "url": {"type": "string"},
        "site": {"type": ["string", "null"]},
        "title": {"type": ["string", "null"]},
        "score": {"type": "number"},
        "status": {"type": "string", "enum": _STATUS},
        "verdict": {"type": ["string", "null"], "enum": [*_VERDICT, None]},
        "verdict_published": {
            "type": "boolean",
            "description": "Whether readers of matching claims see this verdict (not while "
            "the finding is followed up or dismissed)",
        },
    },
}
_JSONLD = {"application/ld+json": {"schema": {"type": "object"}}}
_BATCH_ID = {
    "name": "batch",
    "in": "path",
    "required": True,
    "description": "A verdict-by-match action ('batch' of its response)",
    "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
}
BATCH = {
    "type": "object",
    "properties": {
        "batch": {"type": "string"},
        "finding_id": {"type": "integer", "description": "The finding the verdict was given on"},
        "verdict": {"type": ["string", "null"], "enum": [*_VERDICT, None]},
        "at": {"type": "string", "format": "date-time"},
        "changed": {"type": "integer", "description": "Verdicts the action changed"},
        "undone": {"type": "boolean"},
        "links": {"type": "object", "properties": {"undo": {"type": "string"}}},
    },
}

PATHS: dict[str, Any] = {
    "/findings": {
        "get": {
            "operationId": "listFindings",
            "summary": "The review queue, newest first (editor)",
            "parameters": FILTERS + _PAGE,
            "responses": {
                "200": {
                    "description": "A page of findings",
                    "content": json_content(
                        {
                            "type": "object",
                            "properties": {
                                "items": {"type": "array", "items": ITEM},
                                "total": {"type": "integer"},
                                "next_after": {"type": ["integer", "null"]},
                                "prev_before": {"type": ["integer", "null"]},
                                "links": {"type": "object"},
                            },
                        }
                    ),
                },
                **errors(401, 403, 422, 429, 503),
            },
        }
    },
    "/findings/{finding_id}": {
        "get": {
            "operationId": "getFinding",
            "summary": "One finding's review and the same claim in other articles (editor)",
            "parameters": [_FINDING_ID],
            "responses": {
                "200": {
                    "description": "The finding as a queue item, with its matches",
                    "content": json_content(
                        {
                            **ITEM,
                            "properties": {
                                **ITEM["properties"],
                                "matches": {
                                    "type": "object",
                                    "properties": {
                                        "count": {"type": "integer"},
                                        "items": {"type": "array", "items": MATCHED},
                                    },
                                },
                            },
                        }
                    ),
                },
                **errors(401, 403, 404, 429, 503),
            },
        },
        "patch": {
            "operationId": "reviewFinding",
            "summary": "Change a finding's review (editor)",
            "parameters": [_FINDING_ID],
            "requestBody": {
                "required": True,
                "content": json_content(
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "minProperties": 1,
                        "properties": {
                            "status": {"type": "string", "enum": _STATUS},
                            "verdict": {
                                "oneOf": [
                                    {"type": "string", "enum": _VERDICT},
                                    {"type": "null"},
                                ]
                            },
                            "note": {"type": ["string", "null"], "maxLength": MAX_NOTE},
                            "assignee": {
                                "description": "user id, email or null",
                                "oneOf": [
                                    {"type": "integer"},
                                    {"type": "string"},
                                    {"type": "null"},
                                ],
                            },
                        },
                    }
                ),
            },
            "responses": {
                "200": {
                    "description": "The finding after the change",
                    "content": json_content(ITEM),
                },
                **errors(400, 401, 403, 404, 415, 422, 429, 503),
            },
        },
    },
    "/findings/{finding_id}/history": {
        "get": {
            "operationId": "findingHistory",
            "summary": "Audit events of a finding's review",
            "parameters": [_FINDING_ID],
            "responses": {
                "200": {
                    "description": "Events, oldest first",
                    "content": json_content(
                        {
                            "type": "object",
                            "properties": {
                                "finding_id": {"type": "integer"},
                                "events": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "at": {"type": "string"},
                                            "who": {"type": "string"},
                                            "field": {"type": "string"},
                                            "from": {"type": ["string", "null"]},
                                            "to": {"type": ["string", "null"]},
                                            "via": {
                                                "type": ["string", "null"],
                                                "description": "'match:<finding_id>': "
                                                "applied from a finding making the same "
                                                "claim; 'undo:<batch>': such an action "
                                                "undone; null: set on this finding",
                                            },
                                        },
                                    },
                                },
                            },
                        }
                    ),
                },
                **errors(401, 403, 404, 429, 503),
            },
        }
    },
    "/findings/{finding_id}/verdict-by-match": {
        "post": {
            "operationId": "verdictByMatch",
            "summary": "Give a verdict to a finding and to every finding making the same claim "
            "in other articles, in one action (editor)",
            "description": "Each change is a 'verdict' event in the audit trail with via "
            "'match:<finding_id>' (none on the finding itself) and the action's batch; "
            "findings already so are left unchanged. POST the 'undo' link to revert.",
            "parameters": [_FINDING_ID],
            "requestBody": {
                "required": True,
                "content": json_content(
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["verdict"],
                        "properties": {"verdict": {"type": "string", "enum": _VERDICT}},
                    }
                ),
            },
            "responses": {
                "200": {
                    "description": "What the action changed",
                    "content": json_content(
                        {
                            "type": "object",
                            "properties": {
                                "finding_id": {"type": "integer"},
                                "verdict": {"type": "string", "enum": _VERDICT},
                                "batch": {"type": "string"},
                                "changed": {
                                    "type": "array",
                                    "items": {"type": "integer"},
                                    "description": "Findings whose verdict changed",
                                },
                                "matched": {
                                    "type": "integer",
                                    "description": "Findings making the same claim",
                                },
                                "links": {
                                    "type": "object",
                                    "properties": {
                                        "undo": {"type": "string"},
                                        "history": {"type": "string"},
                                    },
                                },
                            },
                        }
                    ),
                },
                **errors(400, 401, 403, 404, 413, 415, 422, 429, 503),
            },
        }
    },
    "/findings/{finding_id}/verdict-batches": {
        "get": {
            "operationId": "verdictBatches",
            "summary": "The latest verdict-by-match actions that changed a finding (editor)",
            "parameters": [_FINDING_ID],
            "responses": {
                "200": {
                    "description": "Newest first",
                    "content": json_content(
                        {
                            "type": "object",
                            "properties": {
                                "finding_id": {"type": "integer"},
                                "items": {"type": "array", "items": BATCH},
                            },
                        }
                    ),
                },
                **errors(401, 403, 404, 429, 503),
            },
        }
    },
    "/verdict-batches/{batch}/undo": {
        "post": {
            "operationId": "undoVerdictBatch",
            "summary": "Undo a verdict-by-match action (editor)",
            "description": "Sets back each verdict the action set, unless it was changed "
            "since (the later verdict stands); each as a 'verdict' event with via "
            "'undo:<batch>'. 422 when already undone.",
            "parameters": [_BATCH_ID],
            "responses": {
                "200": {
                    "description": "The findings set back",
                    "content": json_content(
                        {
                            "type": "object",
                            "properties": {
                                "batch": {"type": "string"},
                                "reverted": {"type": "array", "items": {"type": "integer"}},
                            },
                        }
                    ),
                },
                **errors(401, 403, 404, 422, 429, 503),
            },
        }
    },
    "/analyses/{analysis_id}/annotations": {
        "get": {
            "operationId": "analysisAnnotations",
            "summary": "W3C Web Annotation JSON-LD (AnnotationCollection) of an analysis",
            "parameters": [ANALYSIS_ID],
            "responses": {
                "200": {"description": "AnnotationCollection", "content": _JSONLD},
                **errors(401, 403, 404, 429, 503),
            },
        }
    },
    "/claimreviews": {
        "get": {
            "operationId": "claimReviews",
            "summary": "schema.org ClaimReview JSON-LD of findings with a verdict",
            "parameters": FILTERS,
            "responses": {
                "200": {"description": "ClaimReviews in an @graph", "content": _JSONLD},
                **errors(401, 403, 422, 429, 503),
            },
        }
    },
    "/findings.csv": {
        "get": {
            "operationId": "findingsCsv",
            "summary": "The filtered queue as CSV",
            "parameters": FILTERS,
            "responses": {
                "200": {
                    "description": "CSV",
                    "content": {"text/csv": {"schema": {"type": "string"}}},
                },
                **errors(401, 403, 422, 429, 503),
            },
        }
    },
}
