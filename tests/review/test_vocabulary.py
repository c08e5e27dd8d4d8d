"""Statuses, verdicts, kinds and types are defined once (worker/vocabulary.py) and every consumer
offers exactly them: the forms, the API's validation and OpenAPI enums, the exports, the web
view's pages and its script. The script and the templates spell none of the words themselves.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from server.review.exports import RATINGS
from server.review.forms import STATUS_ACTIONS, BulkForm, ReviewForm
from server.review.page_data import BULK_KEY_STATUS, ELEMENT_ID, STATUS_KEYS, script_vocabulary
from server.review.queries import parse_filter
from tests.review.conftest import sign_in
from worker.pipeline.model import ATTRIBUTION_TYPES, UNVERIFIED_TYPES
from worker.store.review_validation import ReviewError, validate_changes
from worker.vocabulary import (
    ANALYSIS_STATUSES,
    KIND_LABELS,
    KINDS,
    REVIEW_STATUSES,
    STATUS_LABELS,
    TYPE_LABELS,
    TYPES,
    TYPES_BY_KIND,
    VERDICT_LABELS,
    VERDICTS,
    AnalysisStatus,
    FindingType,
    ReviewStatus,
    Verdict,
)

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "server" / "static" / "review" / "review.js"
STYLES = ROOT / "server" / "static" / "review" / "review.css"
TEMPLATES = sorted((ROOT / "server" / "templates").rglob("*.html"))
WORDS = {*ANALYSIS_STATUSES, *REVIEW_STATUSES, *VERDICTS, *KINDS, *TYPES}
# A literal compared with, or given as, one of these is a vocabulary word spelled in place.
FIELD_CONTEXT = re.compile(
    r"\b(status|review_status|verdict|kind|type)\b\s*(?:===?|!==?|:|=)\s*[\"'](\w+)[\"']"
)
STRING = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'")


def _strings(source: str) -> set[str]:
    return {a or b for a, b in STRING.findall(source)}


def _jinja(source: str) -> str:
    """Only the template's expressions and statements, not its HTML attributes and text."""
    return "\n".join(re.findall(r"\{\{.*?\}\}|\{%.*?%\}", source, flags=re.S))


# --- each word has what its consumers need ----------------------------------------------------


def test_every_word_has_its_label_action_key_and_rating() -> None:
    assert list(STATUS_LABELS) == list(ReviewStatus)
    assert set(STATUS_ACTIONS) == set(ReviewStatus), "a status the bulk menu cannot set"
    assert sorted(STATUS_KEYS.values()) == sorted(ReviewStatus), "a status with no shortcut key"
    assert BULK_KEY_STATUS in REVIEW_STATUSES
    assert list(VERDICT_LABELS) == list(Verdict)
    assert set(RATINGS) == set(Verdict), "a verdict with no ClaimReview rating"
    assert tuple(KIND_LABELS) == KINDS and set(TYPES_BY_KIND) == set(KINDS)
    assert tuple(TYPE_LABELS) == TYPES


def test_types_are_the_pipelines_own() -> None:
    assert TYPES == ATTRIBUTION_TYPES + UNVERIFIED_TYPES
    assert FindingType.ANONYMOUS_SOURCE == "anonymous_source"
    assert AnalysisStatus.DONE == "done" and f"{ReviewStatus.FOLLOW_UP}" == "follow_up"


def test_the_store_and_api_accept_every_word() -> None:
    for status in REVIEW_STATUSES:
        assert validate_changes(None, {"status": status}) == {"status": status}  # type: ignore
    for verdict in VERDICTS:
        assert validate_changes(None, {"verdict": verdict}) == {"verdict": verdict}  # type: ignore
    for name, words in (
        ("status", REVIEW_STATUSES),
        ("verdict", VERDICTS),
        ("kind", KINDS),
        ("type", TYPES),
    ):
        for word in words:
            assert getattr(parse_filter({name: word}), name) == word
    try:
        validate_changes(None, {"status": "escalated"})  # type: ignore[arg-type]
    except ReviewError as exc:
        assert exc.field == "status" and all(s in exc.message for s in REVIEW_STATUSES)
    else:
        raise AssertionError("an undefined status was accepted")


def test_the_forms_offer_every_word(app: Flask) -> None:
    with app.test_request_context():
        review, bulk = ReviewForm(), BulkForm()
        assert [value for value, _ in review.status.choices] == list(REVIEW_STATUSES)
        assert [value for value, _ in review.verdict.choices] == ["", *VERDICTS]
        actions = [value for value, _ in bulk.action.choices]
        assert set(REVIEW_STATUSES) <= set(actions)


def test_the_openapi_enums_are_the_vocabulary(client: FlaskClient) -> None:
    spec = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"]: p["schema"] for p in spec["paths"]["/findings"]["get"]["parameters"]}
    assert params["status"]["enum"] == list(REVIEW_STATUSES)
    assert params["verdict"]["enum"] == list(VERDICTS)
    assert params["kind"]["enum"] == list(KINDS)
    assert params["type"]["enum"] == list(TYPES)
    body = spec["paths"]["/findings/{finding_id}"]["patch"]["requestBody"]
    props = body["content"]["application/json"]["schema"]["properties"]
    assert props["status"]["enum"] == list(REVIEW_STATUSES)
    assert props["verdict"]["oneOf"][0]["enum"] == list(VERDICTS)
    schemas = spec["components"]["schemas"]
    assert schemas["Analysis"]["properties"]["status"]["enum"] == list(ANALYSIS_STATUSES)
    assert schemas["Finding"]["properties"]["kind"]["enum"] == list(KINDS)
    assert schemas["Finding"]["properties"]["type"]["enum"] == list(TYPES)


def test_the_page_hands_the_script_every_word(client: FlaskClient, users, seed_store) -> None:
    seed_store([('"A," Jane Doe said.', {})])
    sign_in(client, users["editor"]["email"])
    html = client.get("/review").get_data(as_text=True)
    block = re.search(
        rf'<script type="application/json" id="{ELEMENT_ID}">(.*?)</script>', html, flags=re.S
    )
    assert block, "the queue page has no vocabulary block for review.js"
    data = json.loads(block.group(1))
    assert data == script_vocabulary()
    # (tojson sorts the keys; the script only looks words up.)
    assert sorted(data["statuses"]) == sorted(REVIEW_STATUSES)
    assert sorted(data["verdicts"]) == sorted(VERDICTS)
    assert sorted(data["statusKeys"].values()) == sorted(REVIEW_STATUSES)
    # The status tabs, the verdict filter and the shortcut help come from the same words.
    for status in REVIEW_STATUSES:
        assert f'class="st-{status}"' in html, status
    for verdict in VERDICTS:
        assert f'<option value="{verdict}"' in html, verdict
    for key, status in STATUS_KEYS.items():
        assert re.search(rf"<kbd>{key}</kbd></td><td>{re.escape(STATUS_ACTIONS[status])}<", html)


# --- nothing spells a word of its own ---------------------------------------------------------


def test_the_script_spells_no_vocabulary_word() -> None:
    source = SCRIPT.read_text(encoding="utf-8")
    assert not _strings(source) & WORDS, "review.js must read these from the page's JSON"
    keys = set(re.findall(r"[{,]\s*(\w+)\s*:", source))
    assert not keys & WORDS, "review.js must not keep its own map of vocabulary words"
    assert not FIELD_CONTEXT.findall(source)
    assert f'"{ELEMENT_ID}"' in source, "review.js reads the block by its element id"


def test_the_scripts_own_keys_leave_the_status_keys_free() -> None:
    source = SCRIPT.read_text(encoding="utf-8")
    # Keys after "g" (g q, g d) are a second keystroke and may repeat a status key.
    after_g = re.search(r"if \(pendingG\) \{.*?\n    \}\n", source, flags=re.S)
    assert after_g, "review.js no longer has the g-prefix block this test skips"
    own_keys = set(re.findall(r"key === \"(\w)\"", source.replace(after_g.group(0), "")))
    assert {"j", "k", "n"} <= own_keys and not own_keys & set(STATUS_KEYS)


def test_templates_spell_no_vocabulary_word() -> None:
    for path in TEMPLATES:
        code = _jinja(path.read_text(encoding="utf-8"))
        assert not _strings(code) & WORDS, (path.name, _strings(code) & WORDS)
        assert not FIELD_CONTEXT.findall(code), (path.name, FIELD_CONTEXT.findall(code))


def test_style_classes_name_defined_words() -> None:
    sources = [STYLES, SCRIPT, *TEMPLATES]
    prefixes = {"st": set(REVIEW_STATUSES), "v": set(VERDICTS), "hl": set(KINDS)}
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for prefix, words in prefixes.items():
            for word in re.findall(rf"(?<![\w-]){prefix}-(\w+)", text):
                assert word in words, f"{path.name}: '{prefix}-{word}' names no defined word"


def test_the_scans_catch_a_spelled_word() -> None:
    # The checks above must be able to fail: the old hard-coded copies trip every one of them.
    old_script = 'var KEY_STATUS = { c: "confirmed", d: "dismissed", f: "follow_up", u: "new" };'
    assert _strings(old_script) & WORDS
    assert set(re.findall(r"[{,]\s*(\w+)\s*:", "{ new: 'New', follow_up: 'x' }")) & WORDS
    assert FIELD_CONTEXT.findall('applyToCurrent({ status: "escalated" })')
    old_template = "{% if analysis.status != 'done' %}"
    assert _strings(_jinja(old_template)) & WORDS
    assert not _strings(_jinja('<input name="reported">')) & WORDS
