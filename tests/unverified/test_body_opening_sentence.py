"""Officials of a body named by the sentence's first word ("Facebook officials say") are the
body speaking when the article capitalises that word inside another sentence too; a first word
that is only capitalised because it opens the sentence names no body."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    (
        "Users of Chatterbox complained in May about the new rules. "
        "Chatterbox officials say they are reviewing posts more carefully.",
        "none",
        None,
    ),
    (
        "Transit officials say the cables were laid before the flood.",
        "anonymous_source",
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_body_opening_sentence(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
