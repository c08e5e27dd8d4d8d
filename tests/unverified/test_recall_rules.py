"""The rules of the corpus recall pass (issue 14), each on sentences written for the test: what
a rule now finds (its type and reason code) and what its guard leaves alone. Run as the
product runs them (``find_claims``: the attribution detector's speakers included)."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged
from worker.pipeline import find_claims

# (sentence, type or "none", the reason code that must explain it)
CASES = [
    # group_view: a view given to a group the article does not name
    (
        "Republican strategists concede that the loss could cost them the Senate.",
        "weasel",
        "group_view",
    ),
    (
        "Clinton campaign aides believe her record will offset his advantage.",
        "weasel",
        "group_view",
    ),
    ("Most economists assess the tariff's impact on farmers as modest.", "weasel", "group_view"),
    ("Party loyalists were hopeful on Tuesday that the rift would heal.", "weasel", "group_view"),
    ("A number of analysts say the merger hurt prices.", "weasel", "group_view"),
    ("Many voters see the governor as a caretaker.", "weasel", None),
    ("The budget cuts, union leaders say, closed three clinics.", "weasel", "group_view"),
    # ... but not a purpose, a modal, a condition or people telling their own state
    ("Mr. Lopez and his aides believe they can win the county.", "none", None),
    ("Some of her fans questioned the singer's new look.", "none", None),
    ("The accord would allow leaders from both sides to claim an early win.", "none", None),
    ("Some economists may argue that the slump was inevitable.", "none", None),
    ("Several voters said they felt betrayed by the vote.", "none", None),
    ("The strategists at Goldman Sachs expect rates to fall.", "none", None),
    # spoke_anonymously: the sentence says its speaker asked not to be named
    (
        '"We were never told," said the driver, who spoke on the condition of anonymity because '
        "he feared for his job.",
        "anonymous_source",
        "spoke_anonymously",
    ),
    # ... not when it only says how the reporting was done
    (
        "Several staff members spoke only on condition of anonymity because the files are sealed.",
        "none",
        None,
    ),
    # according_to_unnamed: one person the article does not name, cited as its source
    (
        "The mayor will not run again, according to one of her senior aides.",
        "anonymous_source",
        "according_to_unnamed",
    ),
    (
        "The coach shouted at the players, according to someone in the room.",
        "anonymous_source",
        "according_to_unnamed",
    ),
    ("The plant will close in May, according to a Siemens spokesman.", "none", None),
    ("The plant will close in May, according to one of the reports.", "none", None),
    # the officials of an office the story is about speak for it
    ("Turnout was the highest in a decade, county election officials said.", "none", None),
    ("The talks had stalled, officials said.", "anonymous_source", "anonymous_source"),
    # vague_source guards: an act on a thing, a poll's share of respondents
    ("Senate Republicans confirmed a new appeals judge on Thursday.", "none", None),
    ("Seven in 10 rural voters said the economy was their main worry.", "none", None),
    # figure guards: a price, a settlement, a vote count
    ("A season pass now costs $2,500 at the resort.", "none", None),
    ("The bank agreed to pay $40 million to settle the lawsuit.", "none", None),
    ("In the county primary, 412,000 people voted on Tuesday.", "none", None),
    # ... while money spent stays a figure
    (
        "The super PAC has spent more than $3 million on television ads.",
        "unsourced_figure",
        "money",
    ),
    # unknown_fact: the article says a fact is not known, the fact as subject
    ("The cause of the blackout is unclear.", "hedged", "unknown_fact"),
    ("Whether the guards saw the intruder that night is still unknown.", "hedged", "unknown_fact"),
    ("Whether the senator will run again is unclear.", "none", None),
    ("The singer was largely unknown outside Texas.", "none", None),
    # figures told by their noun: a protest crowd, money put into advertising
    ("About 300 protesters blocked the bridge on Friday.", "unsourced_figure", "crowd"),
    ("The group launched a $2 million ad buy in Ohio on Tuesday.", "unsourced_figure", "money"),
    (
        "Half of the $8 million spent by the committee went to consultants.",
        "unsourced_figure",
        "money",
    ),
    ("The ad costs $45 to place in the weekly.", "none", None),
    # a handful of people is no crowd
    ("Two men attended the hearing on Monday.", "none", None),
    ("Roughly 14 supporters attended the hearing.", "unsourced_figure", "crowd"),
    ("About 250 people attended the hearing on Monday.", "unsourced_figure", "crowd"),
    # a population in a progressive tense, asylum seekers counted
    (
        "More than 200,000 foreign students are studying in the region.",
        "unsourced_figure",
        "population",
    ),
    (
        "About 2 million asylum seekers crossed the border last year.",
        "unsourced_figure",
        "population",
    ),
    ("He keeps vowing to bring back millions of jobs.", "none", None),
    # modal_perfect: "might have" hedges only as "might well have" or a past passive event
    ("The rebel commander might well have fled across the border.", "hedged", "modal_perfect"),
    ("Two guards might have been wounded in the ambush.", "hedged", "modal_perfect"),
    ("Cheaper loans might have curbed the losses faster.", "none", None),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_rule(sentence: str, expected: str, code: str | None) -> None:
    finding = flagged(sentence, expected, code)
    if code is not None:
        for r in finding.reasons:
            assert sentence[r.cue.start : r.cue.end] == r.cue.text and r.explanation


def test_figures_beside_an_unrelated_quote_stay_unsourced() -> None:
    """A paragraph source that tells no number does not source the figures around it."""
    text = 'Gunmen killed 14 people at a market on Sunday. "This is a dark day," the mayor said.'
    found = [f for f in find_claims(text) if f.kind == "unverified"]
    assert [f.type for f in found] == ["unsourced_figure"], [f.to_dict() for f in found]


def test_figures_beside_a_counting_source_are_sourced() -> None:
    text = "Gunmen killed 14 people at a market on Sunday. Police said 14 bodies were recovered."
    found = [f for f in find_claims(text) if f.kind == "unverified"]
    assert found == [], [f.to_dict() for f in found]
