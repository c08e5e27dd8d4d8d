"""A body named in the speaker's phrase speaks, even where the parser finds no entity ("an
NTSB spokeswoman", "the agency has not used it, Amtrak officials said") or the name ends in a
word for insiders ("Business Insider"); a country, a person's camp or the sentence's first
word named no body ("U.S. officials", "Senior officials"), so those stay anonymous."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    (
        "Of the 40 flights delayed, 12 were cancelled, according to an NTSB spokeswoman.",
        "none",
        None,
    ),
    (
        "Business Insider acknowledged it had no formal relationship with the writer.",
        "none",
        None,
    ),
    ("The line was never inspected, Amtrak officials said.", "none", None),
    ("Senior officials said the talks had failed.", "anonymous_source", None),
    ("The talks had failed, U.S. officials said.", "anonymous_source", None),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_named_body_speaker(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
