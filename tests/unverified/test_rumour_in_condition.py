"""A rumour inside a condition ("if the rumors are true") is weighed, not passed on as the
claim; a rumour stated as what is going on stays ``reported``."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    ("If the rumors are true, this is big news for the fans.", "none", None),
    ("If a columnist can start rumors, why can't I?", "none", None),
    ("Rumors that the chief executive will resign buoyed the stock.", "reported", "rumour"),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_rumour_in_condition(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
