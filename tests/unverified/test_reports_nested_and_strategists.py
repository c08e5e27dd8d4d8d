"""Issue 14 precision, round 2: reports that are a thing counted or dated inside another noun
("the number of reports of") pass on no claim, while "amid reports of" and "responded to reports
that" still do; a bare plural of strategists is a vague group (weasel), while the aides of a
named person stay an anonymous source."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    (
        "The number of reports of stolen bicycles in the county doubled between 2010 and 2014.",
        "none",
        None,
    ),
    (
        "Within minutes of first reports of the flood, the council opened its emergency shelter.",
        "none",
        None,
    ),
    # reports the writer leans on stay reported
    (
        "The vote comes amid reports of widespread intimidation at polling stations.",
        "reported",
        "reports_of",
    ),
    (
        "The mayor responded on Monday to reports that the stadium deal had collapsed.",
        "reported",
        "unnamed_report",
    ),
    # plural strategists: a vague group's view
    (
        "Republican strategists say the governor has little chance of winning the primary.",
        "weasel",
        None,
    ),
    (
        "Some party strategists said the ad campaign had cost the senator support in the suburbs.",
        "weasel",
        None,
    ),
    # the aides of a named person remain anonymous insiders
    (
        "Smith aides said the senator had met the donors twice before the vote.",
        "anonymous_source",
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_reports_nested_and_strategists(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
