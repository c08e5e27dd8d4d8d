"""One reading of who is anonymous: an attribution whose speaker is flagged anonymous also gets an
``unverified/anonymous_source`` finding over its statement (the findings README's convention),
by construction: both detectors read anonymity from the Reading's sources."""

from __future__ import annotations

import json

from tests.conftest import ROOT
from tests.support.data import annotated_articles, extraction_bodies
from worker.pipeline import Finding, find_claims

ANNOTATED = ROOT / "tests" / "data" / "attribution" / "annotated.json"


def _unmatched(findings: list[Finding]) -> tuple[int, int]:
    sources = [f for f in findings if f.kind == "unverified" and f.type == "anonymous_source"]
    anonymous = [
        f
        for f in findings
        if f.kind == "attribution" and f.speaker is not None and f.speaker.anonymous
    ]
    missing = [
        a for a in anonymous if not any(u.start < a.end and a.start < u.end for u in sources)
    ]
    return len(anonymous), len(missing)


def test_the_shared_annotated_articles_agree_exactly():
    for annotated in annotated_articles():
        anonymous, missing = _unmatched(find_claims(annotated["text"]))
        assert missing == 0, (annotated["page"], anonymous, missing)


def test_our_annotated_set_agrees_on_every_anonymous_speaker():
    bodies = extraction_bodies()
    articles = json.loads(ANNOTATED.read_text(encoding="utf-8"))["articles"]
    anonymous = missing = 0
    for article in articles:
        a, m = _unmatched(find_claims(bodies[article["key"]]["articleBody"]))
        anonymous, missing = anonymous + a, missing + m
    assert anonymous >= 8
    # One reader of anonymity (worker.pipeline.sources) for both detectors: no miss allowed.
    assert missing == 0, (anonymous, missing)
