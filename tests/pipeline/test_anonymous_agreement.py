"""One reading of who is anonymous: an attribution whose speaker is flagged anonymous also gets an
``unverified/anonymous_source`` finding over its statement (the findings README's convention)."""

from __future__ import annotations

import json

from tests.conftest import ROOT
from tests.support.data import annotated_articles, extraction_bodies
from worker.pipeline import Finding, find_claims

ANNOTATED = ROOT / "tests" / "data" / "attribution" / "annotated.json"


def _unmatched(findings: list[Finding]) -> tuple[int, int]:
    sources = [f for f in findings if f.kind == "unverified" and f.type == "anonymous_source"]
    anonymous = [f for f in findings
                 if f.kind == "attribution" and f.speaker is not None and f.speaker.anonymous]
    missing = [a for a in anonymous if not any(u.start < a.end and a.start < u.end
                                               for u in sources)]
    return len(anonymous), len(missing)


def test_the_shared_annotated_articles_agree_exactly():
    for annotated in annotated_articles():
        anonymous, missing = _unmatched(find_claims(annotated["text"]))
        assert missing == 0, (annotated["page"], anonymous, missing)


def test_our_annotated_set_agrees_on_nearly_every_anonymous_speaker():
    bodies = extraction_bodies()
    articles = json.loads(ANNOTATED.read_text(encoding="utf-8"))["articles"]
    anonymous = missing = 0
    for article in articles:
        a, m = _unmatched(find_claims(bodies[article["key"]]["articleBody"]))
        anonymous, missing = anonymous + a, missing + m
    assert anonymous >= 8
    # 1 of 10 measured: "both witnesses testified ... was 'accurate'", a speaker the unverified
    # detector leaves to the sentence's other signals.
    assert missing <= 1, (anonymous, missing)
