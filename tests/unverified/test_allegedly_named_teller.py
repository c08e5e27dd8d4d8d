"""'Allegedly' with a teller the sentence names: a charge a named authority brings or a claim a
named outlet or document reports is an attribution, not a rumour (issue 14's rule: "allegedly"
on the claimed act, "not the label of a charge a named authority brought"); with no teller named
it stays ``reported``."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    (
        "A review of surveillance video allegedly showed the two officers asleep at their desks, "
        "according to court documents.",
        "none",
        None,
    ),
    (
        "Judge David Bristow said a conspiracy Marquez allegedly plotted with one of the shooters "
        "was enough to keep him in prison.",
        "none",
        None,
    ),
    (
        "Weiner allegedly sent lurid photos to another woman, the New York Post reported.",
        "none",
        None,
    ),
    # no teller named: the article passes the claim on
    ("The guard allegedly took a bribe from the smugglers.", "reported", "allegedly"),
    (
        "After waiting a short while, they followed his trail and allegedly found him wounded.",
        "reported",
        "allegedly",
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_allegedly(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
