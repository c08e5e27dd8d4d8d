"""A hand-annotated real article (tests/data/findings/ny-post-hostage-swap.json), attribution
part: anonymous sources, roles before names, a quote running over two paragraphs, "adding"."""

from __future__ import annotations

import pytest

from tests.support.data import annotated_article
from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


@pytest.fixture(scope="module")
def annotated() -> dict:
    return annotated_article("ny-post-hostage-swap")


@pytest.fixture(scope="module")
def attributions(annotated):
    return find_attributions(parse(annotated["text"]))


def _expected(annotated):
    return [f for f in annotated["findings"] if f["kind"] == "attribution"]


def test_every_annotated_attribution_found(annotated, attributions, matcher):
    matched, missed, _ = matcher(attributions, _expected(annotated), annotated["optional"])
    assert missed == []
    assert len(matched) == 13


def test_no_false_positive(annotated, attributions, matcher):
    _, _, false_pos = matcher(attributions, _expected(annotated), annotated["optional"])
    assert [f.text for f in false_pos] == []


def test_multi_paragraph_quote_is_one_finding_with_two_pieces(annotated, attributions):
    text = annotated["text"]
    pompeo = next(f for f in attributions if f.speaker.name == "Mike Pompeo")
    assert len(pompeo.content) == 2
    assert text[pompeo.content[1].start :].startswith("We see these developments")
    assert pompeo.speaker.role == "Secretary of State"


def test_anonymous_sources_flagged(attributions):
    anonymous = {f.speaker.text for f in attributions if f.speaker.anonymous}
    assert anonymous == {
        "an insurgent source",
        "a local police source",
        "a Taliban representative",
        "US officials",
    }
    assert all(f.speaker.name is None for f in attributions if f.speaker.anonymous)


def test_offsets_exact(annotated, attributions):
    text = annotated["text"]
    for f in attributions:
        assert text[f.start : f.end] == f.text
        assert text[f.cue.start : f.cue.end] == f.cue.text
        assert text[f.speaker.start : f.speaker.end] == f.speaker.text
