""" "may have" over a judgement or the writer's reading of a mind or a phrasing is no hedged
fact ("may have been wrong", "may have thought the worst was over", "may have said it best");
over an event or a state it stays one."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    ("The harbour board may have been wrong about the tides.", "none", None),
    ("A new poll hints that the mayor may have been right the first time.", "none", None),
    ("Ann Holt may have thought the worst was over in April.", "none", None),
    ("Tom Reyes may have said it best in his column.", "none", None),
    ("The suspect may have been involved in an earlier attack.", "hedged", "modal_perfect"),
    ("The fire may have started in the kitchen.", "hedged", "modal_perfect"),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_modal_perfect_judgement(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
