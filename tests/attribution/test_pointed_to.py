"""Citing a ground (``summaries``, "point to"): "the mayor pointed to the jobs report" is a
statement summed up by what it cites; pointing at a person or a pronoun is a gesture."""

from __future__ import annotations

import pytest

from tests.attribution.found import summaries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The governor pointed to her record in the state assembly.",
            [("The governor", "pointed to", "her record in the state assembly")],
        ),
        (
            "Asked about the deficit, Ms. Ortiz pointed to the latest jobs report.",
            [("Ms. Ortiz", "pointed to", "the latest jobs report")],
        ),
    ],
)
def test_pointing_to_a_ground_is_a_summary(text: str, expected: list) -> None:
    assert summaries(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The coach pointed to me and laughed.",
        "Ms. Ortiz pointed to Daniel Webb in the second row.",
    ],
)
def test_pointing_at_a_person_is_a_gesture(text: str) -> None:
    assert summaries(text) == []
