"""An unnamed speaker who passes on no claim, an embedded post, a poll the sentence names, a
headline's one person and a group's counterfactual wish (issue 14's labelling rules: an anonymous
source is an unnamed person as the *source* of a claim; an embedded post is quoted material; a
named poll is a source; a weasel is a view a vague group holds), on sentences written for the
test, with the sentences next to them that stay flagged. Run as the product runs them
(``find_claims``)."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

# (sentence, type or "none", the reason code that must explain it)
CASES = [
    # an act of the unnamed speaker: nothing is told the reader must take on trust
    ("A committee aide blasted the proposal on Tuesday.", "none", None),
    ("The aide declined to describe the talks with the mayor.", "none", None),
    ("Senior officials spoke only on condition of anonymity.", "none", None),
    # ... what they tell stays an anonymous source, wherever the telling verb stands
    (
        "Officials said the bridge was closed after the storm.",
        "anonymous_source",
        "anonymous_source",
    ),
    (
        "The bridge was closed after the storm, officials said.",
        "anonymous_source",
        "anonymous_source",
    ),
    # ... and so does a verb whose object is itself the claim
    ("Two sources confirmed the secret meeting.", "anonymous_source", "anonymous_source"),
    # an embedded post is quoted material, not the article's claim
    ("The mayor reportedly quit https://t.co/Ab12Cd34 — Town Crier (@towncrier)", "none", None),
    ("The mayor reportedly quit on Friday.", "reported", "reportedly"),
    # a poll the sentence names is a source; an unnamed one is not
    (
        "Polls show that most voters back the plan, according to a Marist poll last week.",
        "none",
        None,
    ),
    ("Polls show that most voters back the plan.", "reported", "unnamed_poll"),
    # a headline's singular noun with no determiner is one person the story names, no group
    ("Senate hopeful wins endorsement, analyst says.", "none", None),
    ("Some analysts say the senator won the endorsement.", "weasel", "vague_source"),
    # a counterfactual wish of a group is no view the group holds
    ("The mill closed even though more people would have liked it to stay open.", "none", None),
    ("More people would like the mill to stay open.", "weasel", "vague_source"),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_rule(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
