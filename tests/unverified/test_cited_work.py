"""A sentence that cites the work it rests on, by a numbered note or by author and year, names
its source (issue 14: a named study makes a claim sourced); the same claim without the
citation is still flagged."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    (
        "Cold-water swimming is considered to be the most effective treatment for the ache (4, 7).",
        "none",
        None,
    ),
    (
        "The losses of such schemes have been estimated at many millions of pounds a year "
        "(Barker and Holt, 2003) in the northern regions.",
        "none",
        None,
    ),
    (
        "Cold-water swimming is considered to be the most effective treatment for the ache.",
        "weasel",
        "agentless_passive",
    ),
    # a number in brackets inside the sentence is no note
    (
        "Critics say the mayor (64) hid the cost of the bridge from the council.",
        "weasel",
        "vague_source",
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_cited_work(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
