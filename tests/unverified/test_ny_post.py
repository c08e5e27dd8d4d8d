"""A hand-annotated real article (tests/data/findings/ny-post-hostage-swap.json), unverified
part: three anonymous sources ("an insurgent source", "a local police source", "US officials")
and one claim the article says cannot be checked ("it's impossible to know whether...")."""

from __future__ import annotations

import pytest

from tests.support.data import annotated_article
from worker.pipeline import find_claims
from worker.pipeline.model import Finding
from worker.pipeline.nlp import parse
from worker.pipeline.unverified import find_unverified


@pytest.fixture(scope="module")
def annotated() -> dict:
    return annotated_article("ny-post-hostage-swap")


def _matches(f: Finding, exp: dict) -> bool:
    types = {exp["type"], *exp.get("type_also_accepted", [])}
    if f.kind != "unverified" or f.type not in types or exp["anchor"] not in f.text:
        return False
    cues = [r.cue.text for r in f.reasons]
    return all(any(phrase in c for c in cues) for phrase in exp.get("reason_cues", []))


def _score(found: list[Finding], annotated: dict) -> tuple[int, int, list[Finding]]:
    expected = [e for e in annotated["findings"] if e["kind"] == "unverified"]
    optional = [o for o in annotated["optional"] if o.get("kind", "unverified") == "unverified"]
    hit = sum(any(_matches(f, e) for f in found) for e in expected)
    extra = [
        f
        for f in found
        if not any(_matches(f, e) for e in expected)
        and not any(o["anchor"] in f.text for o in optional)
    ]
    return hit, len(expected), extra


@pytest.mark.parametrize("with_attributions", [True, False], ids=["find_claims", "alone"])
def test_every_unverified_finding_and_nothing_else(
    annotated: dict, with_attributions: bool
) -> None:
    text = annotated["text"]
    if with_attributions:
        found = [f for f in find_claims(text) if f.kind == "unverified"]
    else:
        found = find_unverified(parse(text), [])
    hit, total, extra = _score(found, annotated)
    assert (hit, total) == (4, 4), [f.to_dict() for f in found]
    assert extra == [], [f.to_dict() for f in extra]
    for f in found:
        assert text[f.start : f.end] == f.text
        for r in f.reasons:
            assert text[r.cue.start : r.cue.end] == r.cue.text


def test_one_anonymous_finding_per_statement(annotated: dict) -> None:
    """The attribution detector also marks these speakers anonymous: still one finding each."""
    found = [f for f in find_claims(annotated["text"]) if f.kind == "unverified"]
    spans = [(f.start, f.end) for f in found if f.type == "anonymous_source"]
    assert len(spans) == len(set(spans))
