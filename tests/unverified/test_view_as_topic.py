"""A vague group's view the sentence only compares with or talks about is no claim handed to the
group: "what people want to hear", "the figure that analysts expected", "as many expected",
"more delegates than her advisers expected". A view the group holds stays a weasel."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    ("He is a puppet saying exactly what people want to hear.", "none", None),
    (
        "The retailer reported a profit of $1.78 per share, well above the $1.11 a share that "
        "analysts expected.",
        "none",
        None,
    ),
    ("The biggest endorsement won't be doled out next week as many people expected.", "none", None),
    ("The victory gave her more delegates than her advisers expected.", "none", None),
    ("Her success will be closely tied to what people think of the president.", "none", None),
    # a view the group holds
    ("Critics say the plan will raise prices.", "weasel", "vague_source"),
    ("NAFTA, which many voters believe hurt workers, is back on the agenda.", "weasel", None),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_view_as_topic(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
