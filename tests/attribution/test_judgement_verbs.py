"""Verbs of speech beyond "say": blaming and crediting through a "for" predicate ("blamed the
utility for the blackout"), characterising through an "as" predicate ("portrayed the incumbent
as out of touch"). Negatives: the same verbs with a bare object, and the verbs left out on
purpose because in crime and court news they name acts ("threatened to kill", "denied bail",
"cast votes")."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def attributions(text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, content) of each attribution finding."""
    return [
        (
            f.speaker.text if f.speaker else "",
            f.cue.text if f.cue else "",
            " / ".join(text[c.start : c.end] for c in f.content),
        )
        for f in find_attributions(parse(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The county executive blamed the utility for the week-long blackout.",
            ("The county executive", "blamed", "the utility for the week-long blackout"),
        ),
        (
            "Ms. Ortiz credited the volunteers for the quick recovery.",
            ("Ms. Ortiz", "credited", "the volunteers for the quick recovery"),
        ),
        (
            "The challenger portrayed the incumbent as out of touch with farmers.",
            ("The challenger", "portrayed", "the incumbent as out of touch with farmers"),
        ),
        (
            "Police identified the driver as a 34-year-old man from Toledo.",
            ("Police", "identified", "the driver as a 34-year-old man from Toledo"),
        ),
    ],
)
def test_a_judgement_through_a_predicate(text: str, expected: tuple[str, str, str]) -> None:
    assert attributions(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # A bare object: nothing was said about it.
        "The mayor blamed the weather.",
        # "cast" votes or a film role is no characterisation, and a bare object of "paint" none.
        "Ohio cast 66 delegate votes for its governor.",
        "The crew painted the bridge last summer.",
        "The director cast a local actor as the young king.",
        # A threat or a denial in crime and court news is an act, not a statement.
        "The suspect was arrested for threatening to kill his neighbours.",
        "The judge denied bail to the suspect.",
    ],
)
def test_no_judgement_without_a_predicate_or_a_speaker(text: str) -> None:
    assert attributions(text) == []


def test_a_promise_ends_before_the_next_relative_clause() -> None:
    text = (
        "The senator, who last year vowed to shut down the agency, and who has been courting "
        "rural voters, spoke on Monday."
    )
    found = [a for a in attributions(text) if a[1] == "vowed"]
    assert found == [("The senator", "vowed", "to shut down the agency")]


@pytest.mark.parametrize(
    "text",
    [
        "The board denied his request for a permit.",
        "The court denied the party a place on the ballot.",
    ],
)
def test_denying_a_thing_is_no_statement(text: str) -> None:
    assert [a for a in attributions(text) if a[1] == "denied"] == []
