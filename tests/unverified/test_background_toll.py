"""A casualty figure told in passing (issue 14, recall): in a relative clause or a clause of time,
a toll nobody in the article gives, even when the sentence or its paragraph quotes someone on
something else. Sentences written for the test; run as the product runs them (``find_claims``)."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids
from worker.pipeline import find_claims

# (text, type or "none", the reason code that must explain it)
CASES = [
    # a relative clause: who the sentence is about, told with a toll
    (
        "The senator praised the nurse. Protesters later gathered outside the home of the"
        " gunman who killed 12 people at the mall in 2015, the mayor said.",
        "unsourced_figure",
        "background_toll",
    ),
    # a reduced relative: "the 31 people killed"
    (
        "The governor met relatives of the 31 people killed on Friday and said the state would"
        " pay for the funerals.",
        "unsourced_figure",
        "background_toll",
    ),
    # a clause of time: when the speaker's act happened
    (
        "The mayor ordered the review after a driver killed nine cyclists on the bridge, her"
        " office said.",
        "unsourced_figure",
        "background_toll",
    ),
    # the clause gives its own source
    (
        "Leaders reacted to the fire in Leeds, where police reported at least 20 victims at a"
        " care home.",
        "none",
        None,
    ),
    # the number counts what did the harm, or one person
    (
        "The site carried false reports of two blasts that had injured the minister, the"
        " agency said.",
        "none",
        None,
    ),
    (
        "The writer who wrote the speech given by the father of one of the victims says he will"
        " vote for the governor.",
        "none",
        None,
    ),
    # a source that covers the whole sentence
    (
        "Eleven of the 40 wounded remained in hospital, according to the county medical center.",
        "none",
        None,
    ),
]


@pytest.mark.parametrize(("text", "expected", "code"), CASES, ids=case_ids(CASES))
def test_background_toll(text: str, expected: str, code: str | None) -> None:
    found = [f for f in find_claims(text) if f.kind == "unverified"]
    if expected == "none":
        # no toll read, whatever else the text holds
        assert not [f for f in found if f.type == "unsourced_figure"], [f.to_dict() for f in found]
        return
    (finding,) = [f for f in found if code in {r.code for r in f.reasons}]
    assert finding.type == expected
    (reason,) = [r for r in finding.reasons if r.code == code]
    assert reason.cue.text in reason.explanation and "no source" in reason.explanation
