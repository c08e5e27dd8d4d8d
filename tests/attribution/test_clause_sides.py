"""A clause the parser hangs on a cue from before the cue's subject (``clause_sides``): the
content is the clause after the cue, and the relation is no longer lost for running over its
own source. The interrupted sentence keeps both halves."""

from __future__ import annotations

import pytest

from tests.attribution.found import attributions as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "More than six in 10 said they were not looking forward to the next few months of "
            "the race; 46 percent said they were unenthusiastic about the 2016 election.",
            [
                (
                    "More than six in 10",
                    "said",
                    "they were not looking forward to the next few months of the race",
                ),
                ("46 percent", "said", "they were unenthusiastic about the 2016 election"),
            ],
        ),
        (
            "Fewer than half said they trusted the council; 38 percent said the mayor had "
            "done a good job.",
            [
                ("Fewer than half", "said", "they trusted the council"),
                ("38 percent", "said", "the mayor had done a good job"),
            ],
        ),
    ],
)
def test_the_clause_after_the_cue_is_the_content(text: str, expected: list) -> None:
    assert found(text) == expected


def test_an_interrupted_sentence_keeps_both_halves() -> None:
    text = "There is a risk, some Democrats said, that the senator would push the party left."
    assert found(text) == [
        (
            "some Democrats",
            "said",
            "There is a risk the senator would push the party left",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The hashtag #ParisSearch, Mr. Abboud said, accompanied descriptions of loved ones "
            "sought.",
            [
                (
                    "Mr. Abboud",
                    "said",
                    "The hashtag #ParisSearch accompanied descriptions of loved ones sought",
                )
            ],
        ),
        (
            "In both cases, Eric Lund said, those donations paid for sponsorships at the "
            "tournament.",
            [
                (
                    "Eric Lund",
                    "said",
                    "In both cases those donations paid for sponsorships at the tournament",
                )
            ],
        ),
    ],
)
def test_a_cue_inside_a_sentence_parsed_round_a_noun_keeps_the_sentence(
    text: str, expected: list
) -> None:
    assert found(text) == expected
