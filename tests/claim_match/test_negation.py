"""Polarity is kept with the word it negates; opposite words count as a change of claim."""

from __future__ import annotations

import pytest

from worker.pipeline import match_claims
from worker.pipeline.claim_match.negation import opposite_words, polarity, polarity_conflicts
from worker.pipeline.nlp import get_nlp


def conflicts(a: str, b: str) -> list[str]:
    nlp = get_nlp()
    return polarity_conflicts(polarity(nlp(a)), polarity(nlp(b)))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The UN said it could not confirm the reports.",
            "The UN said it was unable to confirm the reports.",
        ),
        (
            "The ministry denied that the army had used cluster munitions.",
            "The army did not use cluster munitions, the ministry said.",
        ),
        (
            "The ministry denied that the army had used cluster munitions.",
            "The ministry rejected claims that the army had used cluster munitions.",
        ),
        (
            "Officials said no fewer than 40 protesters died.",
            "Officials said at least 40 protesters died.",
        ),
        (
            "Although the Second Amendment people, maybe there is.",
            "Although the Second Amendment people, maybe there is, I don't know.",
        ),
    ],
)
def test_same_polarity(a, b):
    assert conflicts(a, b) == []


@pytest.mark.parametrize(
    ("a", "b", "word"),
    [
        (
            "President Okafor will visit Beijing next week.",
            "President Okafor will not visit Beijing next week.",
            "visit",
        ),
        ("Three hostages were freed on Saturday.", "No hostages were freed on Saturday.", "free"),
        ("The vaccine was 91 percent effective.", "The vaccine was not effective.", "effective"),
        (
            "At least 40 protesters were killed.",
            "Officials denied that any protesters were killed.",
            "kill",
        ),
        (
            "Japan pledged aid for reconstruction.",
            "Japan refused to pledge aid for reconstruction.",
            "pledge",
        ),
        ("Police arrested 23 people.", "Police said no one was arrested.", "arrest"),
    ],
)
def test_opposite_polarity(a, b, word):
    assert word in conflicts(a, b)


def test_opposite_words():
    nlp = get_nlp()
    fell = polarity(nlp("Unemployment fell to 4.2 percent."))
    rose = polarity(nlp("Unemployment rose to 4.2 percent."))
    assert opposite_words(fell, rose) == [("fall", "rise")]
    assert opposite_words(fell, polarity(nlp("Unemployment dropped to 4.2 percent."))) == []


def test_hedges_are_recorded():
    nlp = get_nlp()
    assert polarity(nlp("The minister allegedly accepted bribes.")).hedges == ("allegedly",)
    assert polarity(nlp("The minister accepted bribes.")).hedges == ()
    # "could not" is a negation, not a hedge
    assert polarity(nlp("The UN could not confirm it.")).hedges == ()


def test_the_month_may_is_no_hedge():
    nlp = get_nlp()
    assert polarity(nlp("The process began in May and concluded Monday.")).hedges == ()
    assert polarity(nlp("May the best candidate win.")).hedges == ("May",)
    assert polarity(nlp("The minister may resign.")).hedges == ("may",)


def test_a_source_that_reported_is_no_hedge():
    nlp = get_nlp()
    assert polarity(nlp("Emissions fell by 12 percent, the agency reported.")).hedges == ()
    assert polarity(nlp("The reported attack killed 12.")).hedges == ("reported",)


@pytest.mark.parametrize("verb", ["rescued", "found"])
def test_missing_as_a_participle_is_the_opposite_of_found(verb):
    # the parser lemmatises "are missing" to "miss"; the opposite is still "missing"
    m = match_claims(
        "Twelve climbers are missing after the avalanche, the park service said.",
        f"Twelve climbers were {verb} after the avalanche, the park service said.",
    )
    assert not m.same and "opposite_meaning" in {r.code for r in m.reasons}
