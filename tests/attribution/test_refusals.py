"""Declining to speak (``refusals``): "the spokeswoman declined to comment" is an attribution
typed ``summary`` whose content is what was declined; "home sales declined" is none."""

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A spokeswoman for the county declined to comment.",
            [("summary", "A spokeswoman for the county", "declined", "to comment")],
        ),
        (
            "The treasurer declined to say whether the levy would pass, but said the budget "
            "was tight.",
            [
                ("summary", "The treasurer", "declined", "to say whether the levy would pass"),
                ("indirect", "The treasurer", "said", "the budget was tight"),
            ],
        ),
        (
            "The senator declined an interview request from the Tribune.",
            [("summary", "The senator", "declined", "an interview request from the Tribune")],
        ),
    ],
)
def test_a_refusal_to_speak_is_attributed(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Home sales declined to their lowest level in a decade.",
        "Turnout declined sharply in the northern districts.",
    ],
)
def test_declining_figures_are_no_attribution(text: str) -> None:
    assert found(text) == []
