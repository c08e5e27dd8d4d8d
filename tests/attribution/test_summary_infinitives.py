"""Summary contents that run past the parsed object: an infinitive completing the object noun
that the parser hangs on the verb ("defended his call to lift the wage"), and a question clause
coordinated with the topic ("talked about housing and how it is changing the city"). A pronoun
object takes no infinitive, an infinitive reporting a clause of its own stays out, and a wh-clause
subject of the next clause is no topic."""

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The reporter will come on the show to talk about housing and how it is changing the "
            "city.",
            ("The reporter", "talk about", "housing and how it is changing the city"),
        ),
        (
            "She opened up about her childhood and how her parents shaped her views.",
            ("She", "opened", "her childhood and how her parents shaped her views"),
        ),
    ],
)
def test_question_clause_coordinated_with_the_topic(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in summaries(text)


def test_question_clause_as_next_subject_stays_out() -> None:
    found = summaries("The mayor praised the plan and what followed surprised everyone.")
    assert all("followed" not in content for _, _, content in found)
