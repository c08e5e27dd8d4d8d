"""The OpenAPI 3.1 document of the API, served at ``/api/v1/openapi.json``."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

from server.api.fresh import RECHECK_STATUSES
from server.api.openapi_parts import ANALYSIS_ID, errors, json_content
from server.api.review_spec import PATHS as REVIEW_PATHS
from worker.pipeline import PIPELINE_VERSION
from worker.pipeline.errors import NoArticleError
from worker.pipeline.figure_compare import SOURCINGS
from worker.store.rechecks import FOLLOW_STATUSES
from worker.vocabulary import ANALYSIS_STATUSES, KINDS, TYPES, VERDICTS, AnalysisStatus

bp = Blueprint("openapi", __name__)

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "sourcemark API",
        "version": PIPELINE_VERSION,
        "description": "Submit a news page; get back its attributed statements and "
        "unverifiable claims. Authenticate with 'Authorization: Bearer <token>'.",
    },
    "servers": [{"url": "/api/v1"}],
    "security": [{"bearer": []}],
    "paths": {
        "/analyses": {
            "post": {
                "operationId": "createAnalysis",
                "summary": "Submit a page for analysis",
                "description": "The body may be sent with 'Content-Encoding: gzip'. "
                "Answered in the request: what is cheap to check (body size, gzip, JSON, the "
                "fields and their types, the URL's scheme, content type, an element with too "
                "many attributes) as a 4xx error. A URL (submitted or canonical) with a "
                "finished analysis checked within SOURCEMARK_FRESH_SECONDS is answered at once "
                "with 200 and that analysis, whose 'recheck.status' (also the "
                "'Sourcemark-Recheck' header) says whether this page will be compared with it "
                "in a worker ('scheduled': at most one per URL and window; 'coalesced': another "
                "reader's page is; 'not_needed': this exact page was analysed); a changed "
                "article becomes a new analysis of the URL, which later clicks get; the reader "
                "who was answered follows it at 'recheck.links.follow' (GET "
                "/analyses/{analysis_id}/recheck?wait=N) to redraw when it is done. The same "
                "URL and page bytes also return the stored analysis with 200. Anything else is "
                "stored and queued (202); the worker extracts the article, and what only "
                "extraction can tell (no_article, not_html, page_too_complex, "
                "unsupported_language, article_too_long) ends the analysis 'failed' with that "
                "'error_code' and an 'error' sentence. The same URL with the same extracted "
                "text is served from the store without a second parse.",
                "requestBody": {
                    "required": True,
                    "content": json_content({"$ref": "#/components/schemas/Submission"}),
                },
                "responses": {
                    "202": {
                        "description": "Accepted and queued",
                        "content": json_content({"$ref": "#/components/schemas/Accepted"}),
                    },
                    "200": {
                        "description": "Already analysed (or under way): the stored analysis",
                        "headers": {
                            "Sourcemark-Recheck": {
                                "description": "Whether this page will be re-checked",
                                "schema": {"type": "string", "enum": list(RECHECK_STATUSES)},
                            }
                        },
                        "content": json_content({"$ref": "#/components/schemas/Analysis"}),
                    },
                    **errors(400, 401, 403, 413, 415, 422, 429, 503),
                },
            }
        },
        "/analyses/{analysis_id}": {
            "get": {
                "operationId": "getAnalysis",
                "summary": "Read an analysis and its findings",
                "description": "With 'wait', a long-poll: answered at once when the analysis "
                "is done or failed, else when it finishes or after 'wait' seconds (at most "
                "SOURCEMARK_WAIT_MAX_SECONDS, 25 by default), with the state it then has. "
                "Without 'wait', answered at once.",
                "parameters": [
                    ANALYSIS_ID,
                    {
                        "name": "wait",
                        "in": "query",
                        "required": False,
                        "description": "Seconds to wait for the analysis to finish; longer "
                        "values are shortened to the server's cap; anything but a number of "
                        "seconds, 0 or more, is a 400.",
                        "schema": {"type": "number", "minimum": 0},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "The analysis",
                        "headers": {
                            "Sourcemark-Wait": {
                                "description": "Sent when 'wait' was given: the seconds this "
                                "server was prepared to wait on the request. 0 when it could not "
                                "wait (too many requests waiting in this process or for this "
                                "token, or it cannot hear of finished analyses right now): poll "
                                "again later. A server without the header ignores 'wait'.",
                                "schema": {"type": "number"},
                            }
                        },
                        "content": json_content({"$ref": "#/components/schemas/Analysis"}),
                    },
                    **errors(400, 401, 404, 429, 503),
                },
            }
        },
        "/analyses/{analysis_id}/recheck": {
            "get": {
                "operationId": "getRecheck",
                "summary": "Follow the re-check of an analysis served to a repeat click",
                "description": "Where the latest re-check of this analysis stands: 'pending' (the "
                "worker is comparing a reader's page with it, or analysing the changed text), "
                "'same' (the live page still has this text), 'changed' (a newer revision of the "
                "article is analysed: 'revision' is that analysis, done, to draw instead), "
                "'failed' (the re-check or the new analysis failed: this analysis stands) or "
                "'none' (no re-check of it). With 'wait', a long-poll as for GET "
                "/analyses/{analysis_id}: answered when it is no longer 'pending' or after "
                "'wait' seconds.",
                "parameters": [
                    ANALYSIS_ID,
                    {
                        "name": "wait",
                        "in": "query",
                        "required": False,
                        "description": "Seconds to wait while 'pending'; as for GET "
                        "/analyses/{analysis_id}.",
                        "schema": {"type": "number", "minimum": 0},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "The re-check's state",
                        "headers": {
                            "Sourcemark-Wait": {
                                "description": "As for GET /analyses/{analysis_id}: 0 when the "
                                "server could not wait; poll again later.",
                                "schema": {"type": "number"},
                            }
                        },
                        "content": json_content({"$ref": "#/components/schemas/RecheckState"}),
                    },
                    **errors(400, 401, 404, 429, 503),
                },
            }
        },
        "/me": {
            "get": {
                "operationId": "getMe",
                "summary": "The role and name of the token used: a client's connection check",
                "responses": {
                    "200": {
                        "description": "The token's role and name",
                        "content": json_content({"$ref": "#/components/schemas/Me"}),
                    },
                    **errors(401, 429, 503),
                },
            }
        },
        "/analyses/{analysis_id}/findings/{fid}/reports": {
            "post": {
                "operationId": "reportFinding",
                "summary": "A reader marks a finding as looking wrong",
                "parameters": [
                    ANALYSIS_ID,
                    {
                        "name": "fid",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "maxLength": 16},
                    },
                ],
                "requestBody": {
                    "required": True,
                    "content": json_content(
                        {
                            "type": "object",
                            "properties": {"comment": {"type": "string", "maxLength": 2000}},
                        }
                    ),
                },
                "responses": {
                    "201": {"description": "Report received"},
                    **errors(400, 401, 404, 415, 422, 429, 503),
                },
            }
        },
    },
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "responses": {
            "Error": {
                "description": "An error",
                "content": json_content({"$ref": "#/components/schemas/Error"}),
            }
        },
        "schemas": {
            "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {
                    "error": {
                        "type": "object",
                        "required": ["code", "message"],
                        "properties": {
                            "code": {"type": "string"},
                            "message": {"type": "string"},
                            "reason": {
                                "type": "string",
                                "description": "Which case of the code it was; with "
                                "no_article: " + ", ".join(NoArticleError.REASONS) + ".",
                                "enum": list(NoArticleError.REASONS),
                            },
                        },
                    }
                },
            },
            "Submission": {
                "type": "object",
                "required": ["url", "html"],
                "properties": {
                    "url": {
                        "type": "string",
                        "format": "uri",
                        "maxLength": 2048,
                        "pattern": "^https?://",
                    },
                    "html": {"type": "string", "minLength": 1},
                    "title": {"type": "string", "maxLength": 1000},
                },
            },
            "Accepted": {
                "type": "object",
                "required": ["id", "status", "links"],
                "properties": {
                    "id": {"type": "string"},
                    "status": {"type": "string", "enum": [AnalysisStatus.QUEUED.value]},
                    "links": {"type": "object"},
                },
            },
            "Span": {
                "type": "object",
                "required": ["start", "end"],
                "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}},
            },
            "Cue": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "start": {"type": "integer"},
                    "end": {"type": "integer"},
                },
            },
            "Finding": {
                "type": "object",
                "required": ["id", "kind", "type", "start", "end", "text", "selector"],
                "properties": {
                    "id": {"type": "string"},
                    "kind": {"type": "string", "enum": list(KINDS)},
                    "type": {"type": "string", "enum": list(TYPES)},
                    "start": {"type": "integer"},
                    "end": {"type": "integer"},
                    "text": {"type": "string"},
                    "selector": {
                        "type": "object",
                        "properties": {
                            "exact": {"type": "string"},
                            "prefix": {"type": "string"},
                            "suffix": {"type": "string"},
                        },
                    },
                    "content": {"type": "array", "items": {"$ref": "#/components/schemas/Span"}},
                    "cue": {"oneOf": [{"$ref": "#/components/schemas/Cue"}, {"type": "null"}]},
                    "speaker": {"oneOf": [{"type": "object"}, {"type": "null"}]},
                    "reasons": {"type": "array", "items": {"type": "object"}},
                    "confidence": {"type": "number"},
                    "review": {
                        "type": "object",
                        "description": "What editors published on this finding: its review "
                        "status, and its verdict unless it is marked follow_up (a draft). Notes "
                        "stay in the review routes.",
                        "properties": {
                            "status": {"type": "string"},
                            "verdict": {"type": ["string", "null"]},
                        },
                    },
                    "review_id": {
                        "type": "integer",
                        "description": "The finding's global id: the review resource's "
                        "'finding_id' (store only).",
                    },
                    "links": {
                        "type": "object",
                        "properties": {
                            "review": {
                                "type": "string",
                                "description": "The review resource (editor role).",
                            }
                        },
                    },
                    "matches": {
                        "type": "object",
                        "description": "The same claim in other articles (other outlets and "
                        "edited versions of this one): how many, and the best few.",
                        "required": ["count", "best"],
                        "properties": {
                            "count": {"type": "integer", "minimum": 0},
                            "best": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Match"},
                            },
                        },
                    },
                    "checked": {
                        "description": "The latest verdict editors published on the same "
                        "claim in another article, or null. Drafts (a finding still being "
                        "followed up), dismissed findings and notes are never shown.",
                        "oneOf": [{"$ref": "#/components/schemas/Checked"}, {"type": "null"}],
                    },
                    "factchecks": {
                        "type": "array",
                        "description": "Published fact-checks (imported ClaimReviews) of the "
                        "same claim, best match first.",
                        "items": {"$ref": "#/components/schemas/FactCheck"},
                    },
                    "other_figures": {
                        "type": "array",
                        "description": "What other articles report for the same event's count, "
                        "oldest first.",
                        "items": {"$ref": "#/components/schemas/OtherFigure"},
                    },
                },
            },
            "Match": {
                "type": "object",
                "required": ["review_id", "url", "score"],
                "properties": {
                    "review_id": {"type": "integer"},
                    "url": {"type": "string"},
                    "site": {"type": ["string", "null"]},
                    "host": {"type": "string"},
                    "title": {"type": ["string", "null"]},
                    "score": {"type": "number", "minimum": 0, "maximum": 1},
                    "date": {
                        "type": ["string", "null"],
                        "description": "The other article's publication date, else the day "
                        "it was analysed.",
                    },
                },
            },
            "Checked": {
                "type": "object",
                "required": ["verdict", "label", "by", "text", "original"],
                "properties": {
                    "verdict": {"type": "string", "enum": list(VERDICTS)},
                    "label": {"type": "string"},
                    "by": {"type": "string", "description": "The desk (SOURCEMARK_DESK)"},
                    "on": {"type": ["string", "null"], "format": "date"},
                    "text": {
                        "type": "string",
                        "description": "'Checked by <desk> on <date>: <verdict>', for readers",
                    },
                    "original": {"$ref": "#/components/schemas/Match"},
                },
            },
            "FactCheck": {
                "type": "object",
                "required": ["publisher", "rating", "url", "claim"],
                "properties": {
                    "publisher": {"type": "string"},
                    "publisher_url": {"type": "string"},
                    "rating": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                    "claim": {"type": "string"},
                    "date": {"type": ["string", "null"], "format": "date"},
                    "score": {"type": "number"},
                },
            },
            "OtherFigure": {
                "type": "object",
                "required": ["label", "figure", "sourcing", "diverges"],
                "properties": {
                    "label": {"type": "string", "examples": ["12 dead (source named)"]},
                    "figure": {"type": "string"},
                    "sourcing": {"type": "string", "enum": list(SOURCINGS)},
                    "diverges": {"type": "boolean"},
                    "date": {"type": ["string", "null"], "format": "date"},
                    "site": {"type": ["string", "null"]},
                    "title": {"type": ["string", "null"]},
                    "url": {"type": ["string", "null"]},
                    "source": {"type": ["string", "null"]},
                },
            },
            "Me": {
                "type": "object",
                "required": ["role", "token", "pipeline_version"],
                "properties": {
                    "role": {"type": "string", "enum": ["reader", "editor", "admin"]},
                    "token": {
                        "oneOf": [
                            {
                                "type": "object",
                                "properties": {
                                    "name": {"type": "string"},
                                    "prefix": {"type": "string"},
                                },
                            },
                            {"type": "null"},
                        ]
                    },
                    "pipeline_version": {"type": "string"},
                },
            },
            "RecheckState": {
                "type": "object",
                "required": ["analysis_id", "status"],
                "properties": {
                    "analysis_id": {"type": "string"},
                    "status": {"type": "string", "enum": list(FOLLOW_STATUSES)},
                    "revision": {"$ref": "#/components/schemas/Analysis"},
                },
            },
            "Analysis": {
                "type": "object",
                "required": ["id", "status", "article", "findings"],
                "properties": {
                    "id": {"type": "string"},
                    "status": {"type": "string", "enum": list(ANALYSIS_STATUSES)},
                    "error": {"type": "string"},
                    "error_code": {"type": "string"},
                    "error_reason": {
                        "type": "string",
                        "enum": list(NoArticleError.REASONS),
                        "description": "On a failed `no_article` analysis: which case it was.",
                    },
                    "article": {"type": ["object", "null"]},
                    "recheck": {
                        "type": "object",
                        "description": "Only on a POST answered from the store: whether the "
                        "page sent will be compared with this analysis in a worker.",
                        "properties": {
                            "status": {"type": "string", "enum": list(RECHECK_STATUSES)},
                            "links": {
                                "type": "object",
                                "description": "'follow': where the reader follows the "
                                "re-check (absent for 'not_needed').",
                                "properties": {"follow": {"type": "string"}},
                            },
                        },
                    },
                    "matching": {
                        "type": "string",
                        "enum": ["pending", "done"],
                        "description": "On a done analysis: 'pending' while some findings "
                        "are still being matched with the claims of other articles (their "
                        "'matches', 'checked' and 'factchecks' may grow; ask again in a few "
                        "seconds), 'done' once every finding has been.",
                    },
                    "findings": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Finding"},
                    },
                },
            },
        },
    },
}

SPEC["paths"].update(REVIEW_PATHS)


@bp.get("/openapi.json")
def openapi() -> Any:
    return jsonify(SPEC)
