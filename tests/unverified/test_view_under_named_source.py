"""A group's view or act inside what a named source says is the named source's account ("the
mayor said that some critics had long predicted ..."), and a question about what is to come or
the writer's own doubt is no hedged fact ("unclear whether the plan may win", "unclear to
me"); a group that itself tells a claim, relayed by a named person, and a question about the
past stay flagged."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    (
        "Moreno said that for years some critics had been predicting the plant's closure.",
        "none",
        None,
    ),
    ("The governor said allies wanted to know if the state would still pay.", "none", None),
    (
        "Most farmers now view the levy favorably, according to a Marist Poll taken in May.",
        "none",
        None,
    ),
    # the group tells a claim itself: relayed, it is still the group's
    (
        "Ortiz noted that experts say the river has risen faster than ever.",
        "weasel",
        "vague_source",
    ),
    ("Some critics had been predicting the plant's closure for years.", "weasel", None),
    (
        "It remains unclear whether the new route may draw riders away from the buses.",
        "none",
        None,
    ),
    (
        "It is entirely possible that the new fare, after months of talk about it, will bring "
        "the riders back.",
        "none",
        None,
    ),
    ("Whether this is the cheapest option is unclear to me as an outsider.", "none", None),
    ("It is unclear whether the driver was drunk.", "hedged", "unclear"),
    ("It is not clear whether the driver can be questioned.", "hedged", "unclear"),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_view_under_named_source(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)


# papers and the agent of an act the phrase names are no group holding a view; a view given to
# a group in a reduced passive stays a weasel
ACT_CASES = [
    ("Some emails and other records described donors seeking meetings with officials.", "none"),
    ("Senators blocked the bill because of measures added by Republicans on other issues.", "none"),
    (
        "The right to bear arms, considered sacrosanct by gun advocates, is rarely questioned.",
        "weasel",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), ACT_CASES, ids=case_ids(ACT_CASES))
def test_papers_and_acts_are_no_view(sentence: str, expected: str) -> None:
    flagged(sentence, expected, None)
