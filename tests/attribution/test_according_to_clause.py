"""How far "according to X" reaches (``reported_speech.find_according_to``): over every clause the
source vouches for, coordinated or trailing, but not past a relative clause it sits in."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def contents(text: str) -> list[tuple[str, str]]:
    """(speaker, content) of each ``according_to`` finding."""
    return [
        (f.speaker.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
        if f.type == "according_to"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The clinic treated 400 patients in May, and it has hired six nurses since then, "
            "according to the county's figures.",
            [
                (
                    "the county's figures",
                    "The clinic treated 400 patients in May, and it has hired six nurses since "
                    "then",
                )
            ],
        ),
        (
            "Sales rose in the north, while prices fell in the south, according to the survey.",
            [("the survey", "Sales rose in the north, while prices fell in the south")],
        ),
    ],
)
def test_according_to_covers_the_clauses_it_follows(text: str, expected: list) -> None:
    assert contents(text) == expected


def test_according_to_inside_a_relative_clause_stays_in_it() -> None:
    text = "The plant, which employs 300 people according to the company, will close."
    assert contents(text) == [("the company", "which employs 300 people")]
