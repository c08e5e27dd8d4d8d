"""Findings whose document closes the sentence (``trailing_findings``), and the wider set of
subjects that report a finding (``lexicon.FINDING_SOURCES``, and "which" standing for one):
", county records show." and "an average of polls shows …" are attributions; ", he found." and
"the bridge shows cracks" are not findings of a document."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str, str, str]]:
    """(type, speaker, cue, content) of each attribution finding."""
    return [
        (f.type, f.speaker.text, f.cue.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


def test_a_document_closing_the_sentence_reports_what_comes_before() -> None:
    text = (
        "The treasurer has not given money to any candidate except the mayor, county election "
        "records compiled by a watchdog group show."
    )
    assert found(text) == [
        (
            "indirect",
            "county election records compiled by a watchdog group",
            "show",
            "The treasurer has not given money to any candidate except the mayor",
        )
    ]


def test_an_average_of_polls_reports_a_finding() -> None:
    text = "An average of recent polls shows the mayor leading by about 13 points."
    ((kind, speaker, cue, content),) = found(text)
    assert (kind, speaker, cue) == ("indirect", "An average of recent polls", "shows")
    assert content.startswith("the mayor leading")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor had to borrow from his brother, he found.",
        "The old bridge over the river, built in 1920, still shows.",
        "The old bridge over the river shows deep cracks.",
    ],
)
def test_no_document_no_finding(text: str) -> None:
    assert found(text) == []


def test_which_stands_for_the_document_that_found() -> None:
    text = "The state released the audit, which found that the agency lost $4 million."
    assert found(text) == [("indirect", "the audit", "found", "the agency lost $4 million")]


def test_which_standing_for_a_thing_finds_nothing() -> None:
    assert found("The bridge, which showed signs of rust, was closed.") == []
