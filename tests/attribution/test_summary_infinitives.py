"""A summary's content keeps an infinitive that completes its object noun even when the parser
hangs the infinitive on the verb ("defended his call to lift the wage"); a pronoun object takes
no such complement, and an infinitive reporting a clause of its own stays out."""

from __future__ import annotations

import pytest

from tests.attribution.found import summaries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The governor defended his call to lift the state minimum wage to $12 an hour.",
            ("The governor", "defended", "his call to lift the state minimum wage to $12 an hour"),
        ),
        (
            "The senator has called for the secretary of state to release the records of her "
            "private meetings.",
            (
                "The senator",
                "called for",
                "the secretary of state to release the records of her private meetings",
            ),
        ),
        (
            "The candidate stressed the creation of a commission to review the county's voting "
            "rules.",
            (
                "The candidate",
                "stressed",
                "the creation of a commission to review the county's voting rules",
            ),
        ),
    ],
)
def test_infinitive_completes_the_object(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in summaries(text)


def test_pronoun_object_takes_no_infinitive() -> None:
    found = summaries("The union endorsed him to help win the county.")
    assert ("The union", "endorsed", "him") in found


def test_infinitive_reporting_a_clause_stays_out() -> None:
    text = (
        "The critics cited the fees she received from banks to argue that she could not reform "
        "the industry."
    )
    assert ("The critics", "cited", "the fees she received from banks") in summaries(text)
