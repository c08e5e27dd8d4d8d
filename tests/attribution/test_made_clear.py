""" "Made (it) clear that …" is a verb of speech (``made_clear``): the clause is the content,
wherever the parser hangs it; "made it clear" with no clause, or negated, is none."""

from __future__ import annotations

import pytest

from tests.attribution.found import attributions as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The governor made clear that she would veto the bill.",
            [("The governor", "made clear", "she would veto the bill")],
        ),
        (
            "The governor made it clear that she would veto the bill.",
            [("The governor", "made it clear", "she would veto the bill")],
        ),
        (
            "He has made it clear to the judge that a prison sentence would be unfair.",
            [("He", "made it clear", "a prison sentence would be unfair")],
        ),
    ],
)
def test_made_clear_reports_its_clause(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The storm made the sky clear by noon.",
        "The coach did not make it clear that he would stay.",
    ],
)
def test_no_statement_without_a_clause_or_when_negated(text: str) -> None:
    assert found(text) == []
