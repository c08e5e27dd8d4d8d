"""Figures of the third recall pass (issue 14), on sentences written for the test: a sum that
measures a comparative, and a count of people after a preposition's gerund, with the guards
that keep forecasts and wishes unflagged. Run as the product runs them (``find_claims``)."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

# (sentence, type or "none", the reason code that must explain it)
CASES = [
    # money: the sum measures the comparative the spending verb takes
    (
        "The union spent roughly $3 million more than the chamber on radio ads.",
        "unsourced_figure",
        "money",
    ),
    ("The new stadium will cost $3 million more than the old one.", "none", None),
    # population: a gerund after a preposition tells a fact
    (
        "The mayor won praise for taking in about 20,000 refugees last winter.",
        "unsourced_figure",
        "population",
    ),
    # ... a participle of wish or plan is no count
    ("He keeps vowing to bring back millions of jobs.", "none", None),
    ("Hoping to register 50,000 voters, the group opened ten offices.", "none", None),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_rule(sentence: str, expected: str, code: str | None) -> None:
    finding = flagged(sentence, expected, code)
    if code is not None:
        (reason,) = [r for r in finding.reasons if r.code == code]
        assert reason.cue.text in reason.explanation and "no source" in reason.explanation
