"""Cues of issue 14's recall round that must fire, or stay silent, on sentences written for the
test, run through ``find_claims``:

- ``one_unnamed_speaker``: one unnamed person the source reader takes for a name ("said one
  party activist", "a longtime GOP data expert said") is an anonymous source; a body's voice ("a
  Pentagon official", "a Carrier executive"), a bare witness ("an officer said"), a poll's share
  ("a majority of voters say") and a person named in apposition are not.
- ``reduced_view``: a view with no holder in a reduced passive the tagger reads as a past verb
  ("Long considered one of the great ...") is a weasel; a past act with its subject ("The board
  considered the offer ...") and "deemed" (a ruling as often as a view) are not.
"""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids
from worker.pipeline import find_claims

# (sentence, reason code, the type it gives or None when the code must not fire)
CASES = [
    ("“We will not give up,” said one party activist.", "one_unnamed_speaker", "anonymous_source"),
    (
        "“The map is hard to change this late,” said a veteran GOP data analyst who worked for"
        " two campaigns.",
        "one_unnamed_speaker",
        "anonymous_source",
    ),
    ("A Pentagon official said the plan was ready.", "one_unnamed_speaker", None),
    ("“It is business,” a Carrier executive told workers.", "one_unnamed_speaker", None),
    ("“You are safe now,” an officer said.", "one_unnamed_speaker", None),
    (
        "A large majority of Democratic voters say they follow the race closely.",
        "one_unnamed_speaker",
        None,
    ),
    ("“We will win,” said a party activist, Jane Doe.", "one_unnamed_speaker", None),
    (
        "Long considered one of the great snubs, the singer was finally nominated last month.",
        "reduced_view",
        "weasel",
    ),
    ("The board considered the offer a fair one and accepted it.", "reduced_view", None),
    ("Long deemed unsafe, the bridge was finally closed last month.", "reduced_view", None),
]


@pytest.mark.parametrize(("sentence", "code", "expected"), CASES, ids=case_ids(CASES))
def test_cue_fires(sentence: str, code: str, expected: str | None) -> None:
    found = [f for f in find_claims(sentence) if f.kind == "unverified"]
    codes = {r.code for f in found for r in f.reasons}
    assert (code in codes) is (expected is not None), [f.to_dict() for f in found]
    if expected is not None:
        (finding,) = found
        assert finding.type == expected
        (reason,) = [r for r in finding.reasons if r.code == code]
        assert reason.cue.text in reason.explanation
