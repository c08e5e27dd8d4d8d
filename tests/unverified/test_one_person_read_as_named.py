"""One unnamed person the source reader takes for a name (issue 14, recall): "said one party
activist", "a longtime GOP data expert said" are anonymous sources; a body's voice ("a Pentagon
official", "a Carrier executive"), a bare witness ("an officer said") and a poll's share ("a
majority of voters say") are not. Sentences written for the test, run through ``find_claims``."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids
from worker.pipeline import find_claims

# (sentence, whether the rule must explain it)
CASES = [
    ("“We will not give up,” said one party activist.", True),
    (
        "“The map is hard to change this late,” said a veteran GOP data analyst who worked for"
        " two campaigns.",
        True,
    ),
    ("A Pentagon official said the plan was ready.", False),
    ("“This is a business decision,” a Carrier executive told workers.", False),
    ("“You are safe now,” an officer said.", False),
    ("A large majority of Democratic voters say they follow the race closely.", False),
    ("“We will win,” said a party activist, Jane Doe.", False),
]


@pytest.mark.parametrize(("sentence", "fires"), CASES, ids=case_ids(CASES))
def test_one_unnamed_speaker(sentence: str, fires: bool) -> None:
    found = [f for f in find_claims(sentence) if f.kind == "unverified"]
    codes = {r.code for f in found for r in f.reasons}
    assert ("one_unnamed_speaker" in codes) is fires, [f.to_dict() for f in found]
    if fires:
        (finding,) = found
        assert finding.type == "anonymous_source"
        (reason,) = [r for r in finding.reasons if r.code == "one_unnamed_speaker"]
        assert reason.cue.text in reason.explanation and "not name" in reason.explanation
