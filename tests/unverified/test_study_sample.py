"""A figure that is the size of a study's material ("a study of 40 cases", "the data covered
2 million deaths") is the study's sample, not a casualty count the article asserts; the same
count as an event stays an unsourced figure."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    ("Kidney damage after snake bites: a retrospective study of 46 cases.", "none", None),
    ("The data included 3 million hospital visits and 12,000 deaths.", "none", None),
    ("The storm killed 46 people along the coast on Tuesday.", "unsourced_figure", None),
    # "studying" is a verb, not a study
    (
        "More than 200,000 Indian students are studying at British universities, and the "
        "visa change worries their families.",
        "unsourced_figure",
        "population",
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_study_sample(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
