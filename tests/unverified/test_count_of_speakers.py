"""A crowd that speaks does not source its own size (issue 14, recall): "Hundreds of marchers
... chanting '...'" is a crowd figure with no source, though the attribution detector reads the
marchers as the chant's speakers; a count inside what a named source tells stays sourced.
Sentences written for the test, run through ``find_claims``."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    (
        'Hundreds of demonstrators marched through the city centre on Monday, chanting "Fair'
        ' pay now." The union leader, Jane Doe, said the strike would go on.',
        "unsourced_figure",
        "crowd",
    ),
    (
        "The mayor said hundreds of demonstrators marched through the city centre on Monday.",
        "none",
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_count_of_speakers(sentence: str, expected: str, code: str | None) -> None:
    # the paragraph's other sentence has a named source, so only the figure's own sentence
    # can leave it unsourced
    flagged(sentence, expected, code)
