"""Where a statement was made is no part of what it was about: a closing phrase naming the
occasion of speaking ("in several interviews", "on his radio show", "on Twitter") leaves a
summed-up, refused or predicate content, and a reported clause when a comma or a closing
quotation mark sets it off; a clause's own event ("will perform at a rally") and a topic ("the
housing program") stay."""

from __future__ import annotations

import pytest

from tests.attribution.found import cue_contents

contents = cue_contents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The governor touted her school funding plan in several interviews.",
            [("touted", "her school funding plan")],
        ),
        (
            "The host called the mayor a coward on his radio show.",
            [("called", "the mayor a coward")],
        ),
        (
            "The senator praised the new trade deal on Twitter.",
            [("praised", "the new trade deal")],
        ),
        (
            "The senator declined to repeat the charge on the debate stage.",
            [("declined", "to repeat the charge")],
        ),
        (
            'The mayor said the council "cannot be trusted," in an interview with a local station.',
            [("said", 'the council "cannot be trusted,')],
        ),
    ],
)
def test_the_occasion_of_speaking_is_left_out(text: str, expected: list) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor said the singer will perform at a rally in May.",
            [("said", "the singer will perform at a rally in May")],
        ),
        (
            "The spokesman declined to comment on the housing program.",
            [("declined", "to comment on the housing program")],
        ),
        (
            "The coach said his team had talked about the loss in every interview since.",
            [("said", "his team had talked about the loss in every interview since")],
        ),
    ],
)
def test_the_reported_clauses_own_event_stays(text: str, expected: list) -> None:
    assert contents(text) == expected
