"""Figures that give a reader nothing to take on trust (issue 14's labelling rules: money spent
or lost, a count of people), on sentences written for the test: money the text does not say was
spent (a plan of a noun, a negated intention, a modal), a bare round plural ("thousands of
workers") and a rate per so many people; with the counts next to them that stay flagged. Run as
the product runs them (``find_claims``)."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

# (sentence, type or "none", the reason code that must explain it)
CASES = [
    # money: the infinitive of a noun is a plan, a negated intention spends nothing
    ("The ministry's plan to spend $40 million on new bridges was shelved.", "none", None),
    ("The council hasn't bothered to spend $12 million on flood defences.", "none", None),
    # ... money spent, or a group's own stated aim, stays a figure to take on trust
    ("The union spent $3 million on radio ads last spring.", "unsourced_figure", "money"),
    ("The group aims to spend $900 million before the election.", "unsourced_figure", "money"),
    # population: a bare round plural is no checkable count
    ("Thousands of workers sewed shirts in the town's mills.", "none", None),
    ("He had in mind the millions of people who rent their homes.", "none", None),
    # ... a rate per so many people counts nobody
    ("The weekly rate rose from 43 to 66 per 100,000 people.", "none", None),
    # ... a number, or a qualified plural, still does
    (
        "More than 300,000 students enrolled in the scheme last year.",
        "unsourced_figure",
        "population",
    ),
    ("Tens of millions of people moved to the cities.", "unsourced_figure", "population"),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_rule(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
