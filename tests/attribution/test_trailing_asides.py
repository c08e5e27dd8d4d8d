"""Reported content ends before the writer's comma-set relative clause closing it
(``trailing_asides``); an aside inside the content, inside a quotation, or after "that" stays."""

from __future__ import annotations

import pytest

from tests.attribution.found import cue_contents

contents = cue_contents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor said the harbor project would be finished by June, which would leave "
            "the council little time to review the contracts.",
            [("said", "the harbor project would be finished by June")],
        ),
        (
            "Union leaders say they are not trying to avoid the governor, who has been "
            "battered in recent weeks by the budget dispute.",
            [("say", "they are not trying to avoid the governor")],
        ),
    ],
)
def test_the_writers_closing_aside_is_left_out(text: str, expected: list) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The lawyer said the contractor, who was paid twice for the same work, is now "
            "cooperating with investigators.",
            [
                (
                    "said",
                    "the contractor, who was paid twice for the same work, is now cooperating "
                    "with investigators",
                )
            ],
        ),
        (
            'The mayor said the plan was "a fine start, which the whole city will welcome."',
            [("said", 'the plan was "a fine start, which the whole city will welcome.')],
        ),
    ],
)
def test_an_aside_inside_the_content_or_a_quotation_stays(text: str, expected: list) -> None:
    assert contents(text) == expected
