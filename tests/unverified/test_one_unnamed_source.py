"""One unnamed person telling something, and informants called "sources", are anonymous sources
(issue 14's readings: "a Democratic senator said" is ``anonymous_source``; "sources" tell what
they know whatever verb the article gives them), not a vague group's opinion."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    (
        "After a night of speeches, a Democratic senator said Republicans had agreed to hold votes "
        "on background checks.",
        "anonymous_source",
        "anonymous_source",
    ),
    (
        "Gulf sources believe Erdogan has joined an axis that comprises Iran and Russia.",
        "anonymous_source",
        "anonymous_source",
    ),
    # a vague group's view stays a weasel; one person's view is no source of a claim
    ("Critics believe Erdogan has joined an axis with Iran.", "weasel", None),
    ("A voter thinks the plan is bad.", "none", None),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_one_unnamed_source(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
