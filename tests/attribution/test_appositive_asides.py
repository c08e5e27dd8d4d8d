"""Reported content ends before a comma-set appositive of the writer's closing it
(``trailing_asides``); one inside the content or inside a quotation stays."""

from __future__ import annotations

import pytest

from tests.attribution.found import attributions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The senator said the protester would not be harmed at the event, a jab at the "
            "earlier scuffles.",
            [("The senator", "said", "the protester would not be harmed at the event")],
        ),
        (
            "The mayor said the city would finish the bridge in March, a promise the council "
            "had doubted.",
            [("The mayor", "said", "the city would finish the bridge in March")],
        ),
    ],
)
def test_a_closing_appositive_is_the_writers(text: str, expected: list) -> None:
    assert attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor said Dana Ruiz, the city's engineer, would inspect the bridge.",
            [("The mayor", "said", "Dana Ruiz, the city's engineer, would inspect the bridge")],
        ),
    ],
)
def test_an_appositive_inside_the_content_stays(text: str, expected: list) -> None:
    assert attributions(text) == expected


def test_a_list_misread_as_an_appositive_stays() -> None:
    text = "The senator criticized Ann Lee, Tom Berg, and Joe Pratt for their votes."
    assert attributions(text) == [
        ("The senator", "criticized", "Ann Lee, Tom Berg, and Joe Pratt for their votes")
    ]


def test_a_closing_one_that_gloss_is_the_writers() -> None:
    text = (
        "The treasurer said there is a real debate inside the board about the levy, one that "
        "will shape the spring vote."
    )
    assert attributions(text) == [
        ("The treasurer", "said", "there is a real debate inside the board about the levy")
    ]
