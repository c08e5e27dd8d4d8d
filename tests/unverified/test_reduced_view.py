"""A view with no holder in a reduced passive the tagger reads as a past verb (issue 14,
recall): "Long considered one of the great ..., the band" is a weasel; a past act with its
subject ("Voters considered him ...") is left to the group rules, and "deemed" (a ruling as often
as a view) stays out. Sentences written for the test, run through ``find_claims``."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids
from worker.pipeline import find_claims

# (sentence, whether the rule must explain it)
CASES = [
    ("Long considered one of the great snubs, the singer was finally nominated last month.", True),
    ("The board considered the offer a fair one and accepted it.", False),
    ("Long deemed unsafe, the bridge was finally closed last month.", False),
]


@pytest.mark.parametrize(("sentence", "fires"), CASES, ids=case_ids(CASES))
def test_reduced_view(sentence: str, fires: bool) -> None:
    found = [f for f in find_claims(sentence) if f.kind == "unverified"]
    codes = {r.code for f in found for r in f.reasons}
    assert ("reduced_view" in codes) is fires, [f.to_dict() for f in found]
    if fires:
        (finding,) = found
        assert finding.type == "weasel"
        (reason,) = [r for r in finding.reasons if r.code == "reduced_view"]
        assert reason.cue.text in reason.explanation
