"""An unnamed group moved to a mood, a place's population and a sum spent on an "ad campaign"
(issue 14's weasel: a worry or conviction given to a vague group; unsourced_figure: a population
or money spent stated as fact), on sentences written for the test, with the sentences next to
them that stay unflagged. Run as the product runs them (``find_claims``)."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

# (sentence, type or "none", the reason code that must explain it)
CASES = [
    # a vague group as the passive subject of a mood verb
    ("Tax experts have been baffled by the new rule.", "weasel", "group_mood"),
    ("Many economists are increasingly troubled by the deficit.", "weasel", "group_mood"),
    # ... as the object of an active one, or of "left"/"made"
    ("The decision frustrates many analysts in the capital.", "weasel", "group_mood"),
    ("The outages left some grid experts bewildered.", "weasel", "group_mood"),
    (
        "The first day of the convention left Republican strategists befuddled and worried.",
        "weasel",
        "group_mood",
    ),
    # one named or counted person, a forecast, or a named source who tells it: no weasel
    ("The senator was surprised by the ruling.", "none", None),
    ("The ruling could surprise many experts.", "none", None),
    ("Many experts were surprised by the ruling, Professor Ann Lee said.", "none", None),
    # a place's population, with no source
    (
        "Millbrook, a town of over 12,000, voted to close its library.",
        "unsourced_figure",
        "place_population",
    ),
    (
        "Elmwood, which has a population of more than 80,000, lost its last bank.",
        "unsourced_figure",
        "place_population",
    ),
    (
        "The bus stops in Dunmore, a village with a population under 700.",
        "unsourced_figure",
        "place_population",
    ),
    # ... sourced, a year, or a share: no figure
    ("The town's population is about 12,000, the census bureau said.", "none", None),
    ("The city of 2016 looked nothing like the city of 1990.", "none", None),
    ("A population of 40 percent of the county lives on farms.", "none", None),
    # a sum spent on an ad campaign
    ("The advocacy group began a $2 million ad campaign this week.", "unsourced_figure", "money"),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_group_mood_and_place_size(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
