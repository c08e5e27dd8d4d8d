"""A poll named by a phrase opening the sentence reports the clause after it
(``poll_phrases``): "In a Marist poll released Sunday, 40 percent of voters backed the mayor" is
the poll's finding; "In polls, …" (no one poll), "In the race for mayor, …" (no poll) and "In a
2015 survey, researchers found …" (a finder of its own) are not."""

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


def test_a_poll_opening_the_sentence_reports_the_clause() -> None:
    text = "In a Marist poll released Sunday, 40 percent of voters backed the mayor."
    ((kind, speaker, cue, content),) = found(text)
    assert (kind, cue, content) == ("according_to", "In", "40 percent of voters backed the mayor")
    assert speaker.startswith("a Marist poll")


def test_the_writers_explanation_is_no_part_of_the_finding() -> None:
    text = (
        "In the county's own survey, the senator had a ten-point lead, largely because she "
        "had twice as many rural supporters."
    )
    assert [c for *_, c in found(text)] == ["the senator had a ten-point lead"]


@pytest.mark.parametrize(
    "text",
    [
        "In polls across the state, the senator leads by six points.",
        "In the race for mayor, the senator leads by six points.",
    ],
)
def test_no_one_poll_no_finding(text: str) -> None:
    assert found(text) == []


def test_a_finder_of_its_own_keeps_the_finding() -> None:
    text = "In a 2015 survey, researchers at the university found that rents rose by a third."
    assert [(k, s, c) for k, s, c, _ in found(text)] == [
        ("indirect", "researchers at the university", "found")
    ]
