"""Reported content ends before the writer's comma-set noun phrase closing it
(``trailing_asides``: "…, a swipe at the league", "…, the largest rise in a decade") or its
closing "(even) as" clause; a list item, a quotation's own words and a gloss inside the content
stay."""

from __future__ import annotations

import pytest

from tests.attribution.found import cue_contents

contents = cue_contents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The coach said his players would not be punished for the brawl, a swipe at the "
            "league's new rules.",
            [("said", "his players would not be punished for the brawl")],
        ),
        (
            "The council said the budget would grow by 4 percent, the largest rise in a decade.",
            [("said", "the budget would grow by 4 percent")],
        ),
        (
            "The governor said the bridge would reopen in May, the latest date the state has "
            "given.",
            [("said", "the bridge would reopen in May")],
        ),
    ],
)
def test_the_writers_closing_gloss_is_left_out(text: str, expected: list) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He said the plan would pay for new roads, the harbor and the airport.",
            [("said", "the plan would pay for new roads, the harbor and the airport")],
        ),
        (
            'The mayor said the plan was "a fine start, a gift to the whole city."',
            [("said", 'the plan was "a fine start, a gift to the whole city.')],
        ),
        (
            "The lawyer said the contractor, a cousin of the mayor, had been paid twice.",
            [("said", "the contractor, a cousin of the mayor, had been paid twice")],
        ),
    ],
)
def test_a_list_a_quotation_or_an_inner_gloss_stays(text: str, expected: list) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor said he will sign the harbor budget, even as he has criticized parts of it.",
            "he will sign the harbor budget",
        ),
        (
            "The mayor said he will sign the harbor budget, as the council had hoped.",
            "he will sign the harbor budget",
        ),
    ],
)
def test_the_writers_closing_as_clause_is_left_out_even_when_stressed(
    text: str, expected: str
) -> None:
    assert contents(text)[0] == ("said", expected)
