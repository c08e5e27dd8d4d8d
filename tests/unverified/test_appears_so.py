""" "Appear"/"seem" as the writer's hedge on a present fact ("the donors appear to have ties",
"it seems that support has grown", "there appears to be a consensus"), and the uses the
labelling rules leave alone: a reading of what someone meant or felt, an impression or
judgement, readiness for what is to come, the past "appeared to" read off an event, a
hypothetical, a question, first person, a named source's words."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    ("The new mayor appears to be losing support in the suburbs.", "hedged", "appears_so"),
    ("All three donors appear to have ties to the same shipping firm.", "hedged", "appears_so"),
    ("Instead, it seems that support for the levy has only grown.", "hedged", "appears_so"),
    ("There appears to be a broad consensus on the harbour plan.", "hedged", "appears_so"),
    ("The leaked memo seems to show that the board knew of the leak.", "hedged", "appears_so"),
    # the writer's reading of what someone meant, or of a mood
    ("The mayor seems to suggest that the levy was a mistake.", "none", None),
    ("The councillor appears to be nervous about the vote.", "none", None),
    # a judgement, or readiness for what is to come
    ("The plan appears to be effective.", "none", None),
    ("The mayor appears poised to run again.", "none", None),
    ("It seems logical that the port should be run by the city.", "none", None),
    # the past "appeared to": the writer's reading of an event as it unfolded
    ("At key moments, the mayor appeared to step on her own message.", "none", None),
    # hypothetical, question, first person, negation, a named source's impression
    ("The low power use would appear to make it ideal for boats.", "none", None),
    ("Why does the city seem to be ignoring the harbour?", "none", None),
    ("It seems to work for me after the injury.", "none", None),
    ("The council doesn't seem to care about the harbour.", "none", None),
    ("Mayor Ann Holt said the budget appears to be balanced.", "none", None),
    ("What appears to be a leak is under the bridge.", "none", None),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_appears_so(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)


def test_it_seems_like_is_a_quip() -> None:
    flagged("It seems like the rest of the campaigns are just as bad.", "none", None)
    flagged("It seems as though the board has given up on the port.", "hedged", "appears_so")


def test_said_of_one_person_is_an_impression() -> None:
    flagged("Yet Schiff seems to have no sense that the tide has turned.", "none", None)
    flagged("She appears to be in another spurt of growth.", "none", None)
    flagged("Dock workers appear to be moving behind the new union.", "hedged", "appears_so")


def test_a_generic_remark_or_a_gloss_is_no_hedged_fact() -> None:
    flagged("Such plots often seem to display clusters.", "none", None)
    flagged("Certainly, that seems to be the area where most can go wrong.", "none", None)
    flagged("It appears to be confirmed that the valve makes it harder to start.", "hedged", None)
